import Foundation
import GRDB
import Testing

/// Issue 15, part B, end to end: other programs' files, paths with no database, refusing before
/// touching anything, and stale partial files.
@Suite(.serialized) struct HardeningTests {
    func bytes(_ path: String) -> Data? { try? Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Another program's SQLite file (tables of its own, no MuscleMemory schema): every command
    /// refuses it with exit 65 and one line, and it stays byte-identical (no WAL, no tables).
    @Test func anotherProgramsDatabaseIsRefusedByEveryCommand() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let path = sandbox.file("places.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places (url) VALUES ('https://example.org')")
        }
        try queue.close()
        let before = try #require(bytes(path))
        let commands: [[String]] = [["check"], ["backup"], ["report"], ["stats"], ["sync"], ["sync", "--dry-run"], ["study"]]
        for command in commands {
            let result = sandbox.run(command + ["--db", path, "--decks", "deck"], stdin: "\n4\n")
            #expect(result.exitCode == 65, "\(command): \(result.stderr)")
            #expect(result.stderr == "muscle: error: '\(path)' is another program's SQLite database (it has tables of its own and no MuscleMemory schema); nothing was changed. Check --db or MUSCLE_DB.\n", "\(command)")
            #expect(bytes(path) == before, "\(command) changed the file")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(command) left a -wal file")
        }
    }

    /// check, backup, report and stats never create a database: one line, exit 66, no file.
    @Test func commandsThatReadDoNotCreateADatabase() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let path = sandbox.file("typo/muscle.sqlite")
        for command in [["check"], ["backup"], ["report"], ["stats"]] {
            let result = sandbox.run(command + ["--db", path, "--decks", "deck"])
            #expect(result.exitCode == 66, "\(command): \(result.stderr)")
            #expect(result.stderr == "muscle: error: no database at '\(path)'; nothing was created. Check --db or MUSCLE_DB, or run `muscle study` or `muscle sync` to start one.\n", "\(command)")
            #expect(!FileManager.default.fileExists(atPath: path), "\(command) created the database")
            #expect(!FileManager.default.fileExists(atPath: sandbox.file("typo")), "\(command) created the folder")
        }
        let sync = sandbox.run(["sync", "--db", path, "--decks", "deck"])
        #expect(sync.exitCode == 0)
        #expect(sync.stderr == "muscle: note: created a new database at '\(path)'\n")
        let again = sandbox.run(["sync", "--db", path, "--decks", "deck"])
        #expect(again.stderr.isEmpty)
        #expect(sandbox.run(["check", "--db", path]).exitCode == 0)
    }

    @Test func anEmptyDatabasePathIsAUsageError() {
        let sandbox = Sandbox()
        let result = sandbox.run(["check", "--db", ""])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "muscle: error: --db '' is empty; give the path of the database file, or leave --db out for the default\n")
    }

    /// Files a killed backup left (`*.partial-PID`, `*.partial-PID-journal`) go at the next run once
    /// their process is dead; a live process's stay.
    @Test func stalePartialFilesOfDeadProcessesAreRemoved() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        let dead = try #require(Self.deadPID())
        let stale = [sandbox.file("backups/muscle-1.sqlite.partial-\(dead)"), sandbox.file("backups/muscle-1.sqlite.partial-\(dead)-journal"),
                     sandbox.file("muscle-2.sqlite.partial-\(dead)")]
        let live = sandbox.file("backups/muscle-3.sqlite.partial-\(getpid())")
        for path in stale + [live] { sandbox.write(String(path.dropFirst(sandbox.path.count + 1)), "half a copy") }
        let result = sandbox.run(["check", "--db", sandbox.db])
        #expect(result.exitCode == 0, "\(result.stderr)")
        for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path) was left") }
        #expect(FileManager.default.fileExists(atPath: live))
    }

    /// A process id no process has: one that just finished.
    static func deadPID() -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A study refused on a read-only file leaves no -wal or -shm beside it.
    @Test func aRefusedStudyOnAReadOnlyFileLeavesNoLogFiles() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        let path = sandbox.db
        #expect(!FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let result = Self.asNobody(sandbox, ["study", "--db", path, "--decks", sandbox.file("deck")], stdin: "\n4\n")
        #expect(result.exitCode == 73, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "an empty -wal was left")
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"), "an empty -shm was left")
    }

    /// A file its user may not read is "cannot be read (permission denied)", not "read-only".
    @Test func anUnreadableFileIsCalledUnreadable() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: sandbox.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: sandbox.db)
        let result = Self.asNobody(sandbox, ["check", "--db", sandbox.db])
        #expect(result.exitCode == 66, "\(result.stderr)")
        #expect(result.stderr == "muscle: error: cannot open the database '\(sandbox.db)': it cannot be read (permission denied).\n")
    }

    /// Runs the binary as a user the file permissions apply to: `nobody` when the tests run as root.
    static func asNobody(_ sandbox: Sandbox, _ arguments: [String], stdin: String? = nil) -> ProcessResult {
        if getuid() == 0 {
            return ProcessRunner.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", MuscleBinary.muscle] + arguments,
                                     stdin: stdin, environment: sandbox.environment, directory: "/")
        }
        return ProcessRunner.run(MuscleBinary.muscle, arguments, stdin: stdin, environment: sandbox.environment, directory: sandbox.path)
    }
}
