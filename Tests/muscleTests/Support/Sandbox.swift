import Foundation
import Testing
import TestSupport

/// A test's own folder (home, database, decks), removed when the test is done, and the hermetic
/// environment the binary runs in: nothing leaks in from the machine running the tests, so a
/// developer's MUSCLE_DB, NO_COLOR or XDG_DATA_HOME can neither break a test nor be written to.
final class Sandbox: @unchecked Sendable {
    private let folder = TemporaryDirectory("e2e")
    var path: String { folder.path }
    var home: String { folder.file("home") }
    var db: String { folder.file("muscle.sqlite") }

    init() {
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    func file(_ relative: String) -> String { folder.file(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        folder.write(relative, text)
    }

    /// Built from nothing rather than filtered from the parent's: PATH, HOME (the sandbox's),
    /// UTF-8, UTC. No MUSCLE_*, NO_COLOR, TERM, COLUMNS or XDG_* unless a test adds them.
    var environment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC"]
    }

    /// Runs `muscle` in the sandbox folder with piped input and output; `environment` adds to (or
    /// replaces entries of) the hermetic one.
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], timeout: Duration = .seconds(30),
             sourceLocation: SourceLocation = #_sourceLocation) -> ProcessResult {
        if let missing = MuscleBinary.missing("muscle") {
            Issue.record(Comment(rawValue: missing), sourceLocation: sourceLocation)
            return ProcessResult(stdout: "", stderr: missing, exitCode: -1, signalled: false)
        }
        let result = ProcessRunner.run(MuscleBinary.muscle, arguments, stdin: stdin, environment: environment.merging(extra) { $1 },
                                       directory: path, timeout: timeout)
        if result.timedOut {
            Issue.record("muscle \(arguments.joined(separator: " ")) did not finish within \(timeout) and was killed; output so far:\n\(result.stdout)\(result.stderr)",
                         sourceLocation: sourceLocation)
        }
        return result
    }

    /// Starts `muscle` on a pseudo-terminal in the sandbox folder, with the hermetic environment.
    func terminal(_ arguments: [String], environment extra: [String: String] = [:], columns: UInt16 = 80, rows: UInt16 = 24,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> PseudoTerminal {
        if let missing = MuscleBinary.missing("muscle") {
            Issue.record(Comment(rawValue: missing), sourceLocation: sourceLocation)
        }
        return try PseudoTerminal(MuscleBinary.muscle, arguments, environment: environment.merging(extra) { $1 }, directory: path,
                                  columns: columns, rows: rows)
    }
}
