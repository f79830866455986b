import Foundation
import Testing

/// Every global option, in both spellings (`--db x`, `--db=x`), is read the same before a command's
/// name as after it, for every command: the output and the exit code are the same.
@Suite struct GlobalOptionOrderTests {
    /// A command and what it needs besides the global options.
    static let commands: [(name: String, arguments: [String], stdin: String?)] = [
        ("study", [], "\n4\nq\n"), ("sync", [], nil), ("report", [], nil), ("stats", [], nil), ("lint", [], nil),
        ("cards", [], nil), ("backup", ["copy.sqlite"], nil), ("check", [], nil),
    ]

    /// `--db x` (spelling 0) or `--db=x` (spelling 1).
    static func spell(_ spelling: Int, _ name: String, _ value: String) -> [String] {
        spelling == 0 ? [name, value] : ["\(name)=\(value)"]
    }

    @Test(arguments: commands.map(\.name))
    func everyGlobalOptionBeforeOrAfter(command: String) throws {
        let spec = try #require(Self.commands.first { $0.name == command })
        for spelling in 0..<2 {
            var results: [String: ProcessResult] = [:]
            for position in ["after", "before"] {
                let sandbox = Sandbox()
                Fixtures.deck(in: sandbox)
                let db = sandbox.file("chosen.sqlite")
                let global = Self.spell(spelling, "--db", db) + Self.spell(spelling, "--decks", "deck") + Self.spell(spelling, "--rollover", "6")
                    + Self.spell(spelling, "--now", "2026-12-01T10:00:00Z")
                let arguments = position == "after" ? [command] + spec.arguments + global : global + [command] + spec.arguments
                // The sync and study that fill the database before the command runs (so report, stats and check have data).
                if command != "sync" && command != "study" {
                    #expect(sandbox.run(["study", "--db", db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n\n1\nq\n").exitCode == 0)
                }
                let result = sandbox.run(arguments, stdin: spec.stdin)
                #expect(result.exitCode == 0, "muscle \(arguments.joined(separator: " ")): \(result.stderr)")
                if command != "lint" && command != "cards" {
                    #expect(FileManager.default.fileExists(atPath: db), "muscle \(arguments.joined(separator: " ")) did not use --db")
                }
                results[position] = ProcessResult(stdout: result.stdout.replacingOccurrences(of: sandbox.path, with: "SANDBOX"), stderr: result.stderr.replacingOccurrences(of: sandbox.path, with: "SANDBOX"),
                                                  exitCode: result.exitCode, signalled: false)
            }
            #expect(results["before"]?.stdout == results["after"]?.stdout, "spelling \(spelling): \(command)'s output differs with the global options before its name")
            #expect(results["before"]?.stderr == results["after"]?.stderr)
        }
    }

    /// The default command (study) with only global options, in both spellings.
    @Test func globalOptionsWithoutACommandStudy() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        for arguments in [["--db", sandbox.db, "--decks", "deck", "--rollover", "6", "--now", "2026-12-01T10:00:00Z"],
                          ["--db=\(sandbox.db)", "--decks=deck", "--rollover=6", "--now=2026-12-01T10:00:00Z"]] {
            let result = sandbox.run(arguments, stdin: "q\n")
            #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("Q: "))
        }
    }
}
