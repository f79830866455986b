import ArgumentParser
import MuscleMemory

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rank weak topics from the review history (not written yet).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw CommandFailure("muscle report is not written yet")
    }
}
