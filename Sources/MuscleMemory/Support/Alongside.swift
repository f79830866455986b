import Dispatch

/// Two independent pieces of work at once: `background` on another thread while `foreground`
/// runs on this one.
///
/// Why: `muscle class` compiles the instructor's decks (for the cards' sources) and reads the
/// shares; neither needs the other, and on two cores each hides most of the other's time.
public enum Alongside {
    public static func run<Background: Sendable, Foreground>(
        _ background: @escaping @Sendable () -> Background, while foreground: () throws -> Foreground
    ) rethrows -> (Background, Foreground) {
        let slot = Slot<Background>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.value = background() }
        let other = try foreground()
        group.wait()
        // The group's wait orders the write before this read; were it ever empty, the work is done here.
        return (slot.value ?? background(), other)
    }

    /// Written once by the background work, read after the group's wait.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
