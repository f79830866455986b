import Foundation

/// A test's own folder (home, database, decks), removed afterwards, and the hermetic environment
/// the binary runs in: nothing leaks in from the machine running the tests.
final class Sandbox: @unchecked Sendable {
    let root: URL
    var path: String { root.path }
    var home: String { root.appendingPathComponent("home").path }
    var db: String { root.appendingPathComponent("muscle.sqlite").path }

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("muscle-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: root.appendingPathComponent("home").path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let url = root.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// PATH, HOME (the sandbox's), UTF-8, UTC, and no MUSCLE_*, NO_COLOR or XDG_* from outside.
    var environment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC"]
    }

    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:], timeout: TimeInterval = 60) -> ProcessResult {
        ProcessRunner.run(MuscleBinary.muscle, arguments, stdin: stdin, environment: environment.merging(extra) { $1 }, directory: path, timeout: timeout)
    }
}
