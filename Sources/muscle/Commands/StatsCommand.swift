import ArgumentParser
import MuscleMemory

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Review statistics (not written yet).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw CommandFailure("muscle stats is not written yet")
    }
}
