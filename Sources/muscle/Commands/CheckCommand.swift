import ArgumentParser
import MuscleMemory

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite's integrity and foreign keys, and MuscleMemory's own invariants.",
        discussion: "Exits 0 when everything holds, 1 when a problem was found.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let database = try global.openDatabase(now: try global.resolvedNow())
            let report = try database.check()
            if report.isClean {
                Output.out(TerminalText.escape("\(database.path): ok (\(report.cards) cards, \(report.reviews) reviews; integrity, foreign keys and invariants hold)") + "\n")
            } else {
                for problem in report.problems { Output.out(TerminalText.escape("\(database.path): problem: \(problem)") + "\n") }
                Output.out("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found.\n")
                throw ExitCode(1)
            }
        }
    }
}
