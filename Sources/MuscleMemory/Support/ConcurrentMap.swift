import Dispatch

extension Array where Element: Sendable {
    /// `map(transform)` with the elements side by side on every core, results in order: for work
    /// where each element depends on itself alone (deck files, muscles, share files), which a
    /// 100,000-card sync or a class of 300 shares spends most of its time on.
    func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.initializeElement(at: index, to: transform(self[index]))  // each index written by one iteration only
            }
            initialized = count
        }
    }
}
