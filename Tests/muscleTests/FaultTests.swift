import Foundation
import GRDB
import Testing

/// Each fault gets one clear sentence naming the file, a non-zero exit code, and leaves the
/// database exactly as it was.
@Suite(.serialized) struct FaultTests {
    func database(_ sandbox: Sandbox) -> String {
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        return sandbox.db
    }

    func bytes(_ path: String) -> Data? { try? Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aFolderIsNotADatabase() {
        let sandbox = Sandbox()
        let result = sandbox.run(["study", "--db", sandbox.home, "--decks", "deck"])
        #expect(result.exitCode == 66)
        #expect(result.stderr == "muscle: error: '\(sandbox.home)' is a folder, not a database file; give --db the path of a file.\n")
    }

    @Test func aTextFileIsNotADatabaseAndIsLeftAlone() {
        let sandbox = Sandbox()
        let path = sandbox.write("notes.txt", "my revision notes\n")
        let result = sandbox.run(["check", "--db", path])
        #expect(result.exitCode == 65)
        #expect(result.stderr == "muscle: error: '\(path)' is not a MuscleMemory database (not an SQLite file); nothing was changed. Check --db or MUSCLE_DB.\n")
        #expect(bytes(path) == Data("my revision notes\n".utf8))
    }

    @Test func aCorruptDatabaseIsReportedAndLeftAlone() throws {
        let sandbox = Sandbox()
        let path = database(sandbox)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096)
        handle.write(Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let before = bytes(path)
        let result = sandbox.run(["study", "--db", path, "--decks", "deck"], stdin: "\n4\n")
        #expect(result.exitCode == 65)
        #expect(result.stderr == "muscle: error: the database '\(path)' is damaged (SQLite reports corruption); nothing was changed. Move it aside and copy in a backup: the automatic ones are in the 'backups' folder beside it, and `muscle check` tells whether a copy is sound.\n")
        #expect(result.stdout.isEmpty)
        #expect(bytes(path) == before)
    }

    @Test func aDatabaseLockedPastTheBusyTimeoutIsReported() throws {
        let sandbox = Sandbox()
        let path = database(sandbox)
        sandbox.write("deck/soleus.md", Fixtures.soleus.replacingOccurrences(of: "Seated calf raises", with: "Seated calf raises, slowly"))
        let before = bytes(path)
        let holder = try DatabaseQueue(path: path)
        // Another program (this test, through GRDB) holds the write lock for as long as
        // `muscle sync` runs; MUSCLE_BUSY_TIMEOUT_MS shortens the default 5 s wait.
        let (result, waited) = try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let started = ContinuousClock.now
            let result = sandbox.run(["sync", "--db", path, "--decks", "deck"], environment: ["MUSCLE_BUSY_TIMEOUT_MS": "300"])
            return (result, ContinuousClock.now - started)
        }
        #expect(result.exitCode == 75)
        #expect(result.stderr == "muscle: error: the database '\(path)' is locked by another program and stayed locked past the busy timeout; the change in progress was not saved, and everything saved before it is safe. Try again when the other program has finished.\n")
        #expect(waited >= .milliseconds(300) && waited < .seconds(4), "waited \(waited)")
        try holder.close()
        #expect(bytes(path) == before)
        let retry = sandbox.run(["sync", "--db", path, "--decks", "deck"])
        #expect(retry.stdout == "  updated   soleus/exercises  its answer changed\n            A: • Seated calf raises → • Seated calf raises, slowly\ndeck: 1 updated.\n")
    }

    @Test func aReadOnlyDatabaseIsReported() throws {
        let sandbox = Sandbox()
        let path = database(sandbox)
        let before = bytes(path)
        let result: ProcessResult
        if getuid() == 0 {
            // root ignores file permissions: run as nobody, who may read but not write here.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            result = ProcessRunner.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", MuscleBinary.muscle, "study", "--db", path, "--decks", sandbox.file("deck")],
                                       stdin: "\n4\n", environment: sandbox.environment, directory: "/")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: sandbox.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sandbox.path) }
            result = sandbox.run(["study", "--db", path, "--decks", "deck"], stdin: "\n4\n")
        }
        #expect(result.exitCode == 73, "\(result.stderr)")
        #expect(result.stderr == "muscle: error: the database '\(path)' is read-only; nothing was changed. Check the file's and its folder's permissions.\n")
        #expect(bytes(path) == before)
    }

    /// A full disk, as the kernel reports it (ENOSPC), from a tiny LD_PRELOAD shim compiled here.
    @Test func aFullDiskIsReportedAndEarlierAnswersSurvive() throws {
        let sandbox = Sandbox()
        let path = database(sandbox)
        let shim = try compileFullDiskShim(into: sandbox)
        let before = bytes(path)
        let full = sandbox.run(["study", "--db", path, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n",
                               environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "0"])
        #expect(full.exitCode == 74)
        #expect(full.stderr == "muscle: error: the disk holding '\(path)' is full; the change in progress was not saved, and everything saved before it is safe. Free some space and try again.\n")
        #expect(bytes(path) == before)
        let partly = sandbox.run(["study", "--db", path, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n\n4\n\n4\n\n4\n",
                                 environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "60000"])
        #expect(partly.exitCode == 74)
        let saved = partly.stdout.components(separatedBy: "→ 4 good").count - 1
        #expect(saved >= 1)
        let check = sandbox.run(["check", "--db", path])
        #expect(check.exitCode == 0)
        #expect(check.stdout.contains("(18 cards, \(saved) reviews;"))
    }

    /// A sync that fails on a full disk gives the log's space back, so freeing some space is
    /// enough for the retry. The case that left the -wal behind: a new database, whose migrations
    /// were committed into the log only. A checkpoint after the failure must first copy those
    /// commits into the database file, a write to the full disk that fails too, and a TRUNCATE
    /// checkpoint empties the log only when every commit has been copied: the failed sync's
    /// frames stayed in it. Now `open` copies the log in before the sync, and the failure cuts
    /// the log to nothing. The disk fills at growing budgets (the shim counts every byte written)
    /// until a sync fails after the migrations reached the database file.
    @Test func aSyncThatFailsOnAFullDiskLeavesNoLogAndTheRetrySucceeds() throws {
        let sandbox = Sandbox()
        let shim = try FullDiskShim.build(into: sandbox)
        try FileManager.default.createDirectory(atPath: sandbox.file("empty"), withIntermediateDirectories: true)
        let migrated = sandbox.file("migrated.sqlite")
        #expect(sandbox.run(["sync", "--db", migrated, "--decks", "empty"]).exitCode == 0)
        let migratedSize = try #require(size(migrated))
        let path = sandbox.db
        func remove() { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var failedAfterMigrating: (budget: Int, log: Int?)?
        for budget in stride(from: 256 * 1024, through: 1024 * 1024, by: 32 * 1024) {
            remove()
            let sync = sandbox.run(["sync", "--db", path], environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "\(budget)"])
            if sync.exitCode == 0 { break }
            #expect(sync.exitCode == 74, "\(sync.stderr)")
            if sync.stderr.contains("created a new database"), let file = size(path), file >= migratedSize {
                #expect(sync.stderr.hasSuffix("muscle: error: the disk holding '\(path)' is full; the change in progress was not saved, and everything saved before it is safe. Free some space and try again.\n"))
                failedAfterMigrating = (budget, size(path + "-wal"))
                break
            }
        }
        let failed = try #require(failedAfterMigrating, "no budget made the sync fail after the database was migrated: the migrations stayed in the log")
        #expect(failed.log == nil || failed.log == 0, "with \(failed.budget) bytes free the failed sync left a \(failed.log ?? 0)-byte -wal")
        let retry = sandbox.run(["sync", "--db", path])
        #expect(retry.exitCode == 0, "\(retry.stderr)")
        #expect(retry.stdout.contains(" added.\n"), "\(retry.stdout)")
        #expect(size(path + "-wal") == nil)
        let check = sandbox.run(["check", "--db", path])
        #expect(check.exitCode == 0, "\(check.stdout)")
    }

    func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }

    @Test func aDatabaseFromANewerVersionIsRefusedUntouched() throws {
        let sandbox = Sandbox()
        let path = database(sandbox)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0999_future')") }
        try queue.close()
        let before = bytes(path)
        let result = sandbox.run(["study", "--db", path, "--decks", "deck"])
        #expect(result.exitCode == 65)
        #expect(result.stderr == "muscle: error: the database '\(path)' was written by a newer version of muscle (it has migration 0999_future, which this version does not know); it was not touched. Update muscle to use it.\n")
        #expect(bytes(path) == before)
    }

    /// Standard output on a full disk (`muscle cards > file` with no space left): one line on
    /// standard error and exit code 74, like the database faults — not a trap with a backtrace.
    @Test func anOutputThatCannotBeWrittenIsReportedNotACrash() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let result = ProcessRunner.run("/bin/sh", ["-c", "exec \"$0\" cards --decks deck > /dev/full", MuscleBinary.muscle],
                                       environment: sandbox.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }, directory: sandbox.path)
        #expect(!result.signalled && result.exitCode == 74)
        #expect(result.stderr == "muscle: error: cannot write to standard output: No space left on device.\n")
    }

    func compileFullDiskShim(into sandbox: Sandbox) throws -> String {
        try FullDiskShim.build(into: sandbox)
    }
}
