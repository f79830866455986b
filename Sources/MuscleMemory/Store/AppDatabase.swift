import Foundation
import GRDB

/// The one owner of the database connection. Opening it checks the file, configures the
/// connection (WAL, a busy timeout, foreign keys, full sync) in this one place, refuses a database
/// from a newer version without touching it, backs up before migrating, and runs every migration
/// in `Schema/` — so no caller can skip one. Every write is an intent-named method and one
/// transaction.
public final class AppDatabase: Sendable {
    public let path: String
    /// Whether `open` made the file (only `study` and `sync` may; they say so).
    public let wasCreated: Bool
    /// Any GRDB writer: the file's `DatabaseQueue`, or an in-memory one (tests, dry runs, and
    /// later imports and merges). Every read and write goes through `read` and `write` below.
    let writer: any DatabaseWriter
    /// The files this connection has open (none for an in-memory database).
    let identity = DatabaseIdentity()

    public struct Options: Sendable {
        /// How long a write waits for another process's transaction before giving up.
        public var busyTimeout: TimeInterval = 5
        /// Backups taken automatically before a migration; older ones are deleted.
        public var keptMigrationBackups = 3
        /// SQLite's page cache, when a command reads much of the database: reports set 16 MiB so
        /// their random reads over the card states read each page once (the default, 2 MiB, keeps
        /// a study session's memory small).
        public var pageCacheMiB: Int?

        public init(busyTimeout: TimeInterval = 5, keptMigrationBackups: Int = 3, pageCacheMiB: Int? = nil) {
            self.busyTimeout = busyTimeout
            self.keptMigrationBackups = keptMigrationBackups
            self.pageCacheMiB = pageCacheMiB
        }
    }

    /// Opens and migrates the database at `path`, creating it when `create` (only `study` and
    /// `sync` do: a mistyped `--db` for `check` or `report` must not look like lost progress).
    /// - Parameter now: the time used to name an automatic pre-migration backup.
    public static func open(path: String, now: Date, options: Options = Options(), create: Bool = true) throws(StoreError) -> AppDatabase {
        try open(path: path, now: now, options: options, migrations: Migrations.migrator(), create: create)
    }

    /// For tests of the migrations themselves: stop after `lastMigration`.
    static func open(path: String, now: Date, options: Options = Options(), upTo lastMigration: String) throws(StoreError) -> AppDatabase {
        try open(path: path, now: now, options: options, migrations: Migrations.migrator(upTo: lastMigration))
    }

    private static func open(path: String, now: Date, options: Options, migrations: DatabaseMigrator, create: Bool = true) throws(StoreError) -> AppDatabase {
        if path.isEmpty { throw .cannotOpen(path: path, reason: "the path is empty") }
        let existing = try checkFile(path)
        if !existing {
            guard create else { throw .noDatabase(path: path) }
            try createFolder(for: path)
        }
        StaleFiles.removePartialFiles(beside: path)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(options))
        } catch {
            throw StoreError.wrap(error, path: path)
        }
        let database = AppDatabase(path: path, connection: queue, wasCreated: !existing)
        // Everything that can refuse the file runs before anything is written to it: the version,
        // another program's schema, and the pre-migration backup (a failed backup leaves the file
        // as it was, not switched to WAL).
        try database.refuseNewerSchema(migrations)
        try database.refuseForeignSchema()
        let (pending, applied) = try database.pendingMigrations(migrations)
        if let first = pending.first, !applied.isEmpty {
            do {
                try database.backUpBeforeMigration(to: first, now: now, keep: options.keptMigrationBackups)
            } catch {
                throw StoreError.wrap(error, path: path)
            }
        }
        try database.useWriteAheadLog()
        try database.migrate(migrations) { _, _ in }
        database.copyLogIntoDatabase()
        database.identity.remember(path)
        return database
    }

    /// A database over any GRDB writer, migrated to the latest schema: for tests and tools that
    /// work in memory (`AppDatabase(writer: DatabaseQueue(configuration: AppDatabase.configuration()))`).
    /// No file checks, no write-ahead log and no pre-migration backups: there is no file to keep.
    init(writer: any DatabaseWriter, path: String = ":memory:") throws(StoreError) {
        self.path = path
        self.writer = writer
        self.wasCreated = false
        try refuseNewerSchema(Migrations.migrator())
        try refuseForeignSchema()
        try migrate(Migrations.migrator()) { _, _ in }
    }

    /// A copy of the database at `path` in memory, migrated there: what a dry run plans against,
    /// so that nothing on disk is written, created or migrated. The file is only read, with SQLite's
    /// online backup (safe while another process studies). A missing file gives an empty database.
    public static func copyInMemory(of path: String) throws(StoreError) -> AppDatabase {
        let existing = try checkFile(path, writing: false)
        let memory: DatabaseQueue
        do {
            memory = try DatabaseQueue(configuration: configuration())
            if existing {
                let source = try DatabaseQueue(path: path, configuration: configuration())
                try source.backup(to: memory)
                try source.close()
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
        return try AppDatabase(writer: memory, path: path)
    }

    private init(path: String, connection: any DatabaseWriter, wasCreated: Bool) {
        self.path = path
        self.writer = connection
        self.wasCreated = wasCreated
    }

    /// The connection's settings, in this one place.
    static func configuration(_ options: Options = Options()) -> Configuration {
        var configuration = Configuration()
        // Not `configuration.journalMode = .wal`: GRDB's WAL set-up writes a scratch table (it would
        // touch a database this version must refuse) and lowers `synchronous` to NORMAL. WAL is
        // switched on in `useWriteAheadLog`, after the version check.
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { [options] db in
            // Durable across a power cut once a commit returns (as Anki does).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let mebibytes = options.pageCacheMiB {
                try db.execute(sql: "PRAGMA cache_size = \(-1024 * max(1, mebibytes))")  // ok: an integer, not input
            }
        }
        return configuration
    }

    /// Whether the file exists; throws when it exists but cannot be a database.
    private static func checkFile(_ path: String, writing: Bool = true) throws(StoreError) -> Bool {
        switch FileSystem.status(path) {
        case .failure(let failure):
            if failure.code == ENOENT { return false }
            throw .cannotOpen(path: path, reason: failure.reason)
        case .success(let status):
            if status.isDirectory { throw .isADirectory(path: path) }
            if !status.isRegularFile { throw .cannotOpen(path: path, reason: "it is not a regular file") }
            // Refused before SQLite opens it: opening a file it may not write would still leave
            // empty -wal and -shm files beside it.
            switch FileSystem.accessError(path, write: false) {
            case EACCES, EPERM: throw .cannotOpen(path: path, reason: "it cannot be read (permission denied)")
            default: break
            }
            switch writing ? FileSystem.accessError(path, write: true) : 0 {
            case 0: break
            case EACCES, EPERM, EROFS: throw .readOnly(path: path)
            default: break
            }
            let folder = (path as NSString).deletingLastPathComponent
            if writing, [EACCES, EPERM, EROFS].contains(FileSystem.accessError(folder.isEmpty ? "." : folder, write: true)) { throw .readOnly(path: path) }
            if status.size == 0 { return true }
            let header: [UInt8]
            switch FileSystem.prefix(of: path, count: 16) {
            case .success(let bytes): header = bytes
            case .failure(let failure):
                throw failure.code == EACCES ? .cannotOpen(path: path, reason: "it cannot be read (permission denied)") : .cannotOpen(path: path, reason: failure.reason)
            }
            if header != Array("SQLite format 3\0".utf8) { throw .notADatabase(path: path) }
            return true
        }
    }

    private static func createFolder(for path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create the folder '\(folder)'")
        }
    }

    /// A database written by a newer version (a migration this one does not know) is refused
    /// before anything is written to it.
    private func refuseNewerSchema(_ migrator: DatabaseMigrator) throws(StoreError) {
        let (applied, superseded) = try read { db in (try migrator.appliedIdentifiers(db), try migrator.hasBeenSuperseded(db)) }
        let unknown = applied.subtracting(Migrations.identifiers).sorted()
        if superseded || !unknown.isEmpty {
            throw StoreError.newerSchema(path: path, unknown: unknown)
        }
    }

    /// A non-empty database with tables of its own and none of MuscleMemory's bookkeeping is
    /// another program's (a browser's `places.sqlite`): refused, never given our tables.
    private func refuseForeignSchema() throws(StoreError) {
        let (tables, ours) = try read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'") ?? 0,
             try db.tableExists("grdb_migrations"))
        }
        if tables > 0 && !ours { throw StoreError.foreignDatabase(path: path) }
    }

    private func pendingMigrations(_ migrator: DatabaseMigrator) throws(StoreError) -> (pending: [String], applied: Set<String>) {
        try read { db in
            let applied = try migrator.appliedIdentifiers(db)
            return (migrator.migrations.filter { !applied.contains($0) }, applied)
        }
    }

    private func useWriteAheadLog() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                if mode != "wal" { throw StoreError.cannotOpen(path: path, reason: "SQLite cannot use write-ahead logging on it") }
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs the pending migrations; `before` is given the first pending one and those already
    /// applied (to back the file up first).
    private func migrate(_ migrator: DatabaseMigrator, before: (String, Set<String>) throws -> Void) throws(StoreError) {
        do {
            let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
            let pending = migrator.migrations.filter { !applied.contains($0) }
            guard let first = pending.first else { return }
            try before(first, applied)
            try migrator.migrate(writer)
        } catch {
            let failure = StoreError.wrap(error, path: path)
            if case .diskFull = failure { releaseLog() }
            throw failure
        }
    }

    /// The schema migrations applied to this database, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator().appliedMigrations(db) }
    }

    // MARK: - Access

    /// A read, with errors mapped to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// One write transaction (IMMEDIATE, so two processes never interleave a read-modify-write),
    /// with errors mapped to `StoreError`. Nothing of it is kept if it throws.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try holdIdentity()
        do {
            let result = try writer.writeWithoutTransaction { db in try Self.inImmediateTransaction(db, body) }
            identity.remember(path)
            return result
        } catch {
            let failure = StoreError.wrap(error, path: path)
            if case .diskFull = failure { releaseLog() }
            throw failure
        }
    }

    /// What GRDB's `write` does (an IMMEDIATE transaction, committed when `body` returns, rolled
    /// back when it throws), with its BEGIN and COMMIT prepared once per connection instead of for
    /// every transaction: those two were most of what a durable answer prepared, about a tenth of
    /// its instructions.
    static func inImmediateTransaction<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
        do {
            let result = try body(db)
            try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            return result
        } catch {
            // SQLite may have rolled back already (a full disk, an interrupted statement).
            if db.isInsideTransaction { try? db.rollback() }
            throw error
        }
    }

    /// Copies what the log holds (a new database's migrations, or what a process that was killed
    /// left) into the database file, without waiting for anyone: from here on the log holds only
    /// this run's writes. Without it, a write that fails on a full disk cannot give the log's space
    /// back (see `releaseLog`). Best effort: a reader in another process may keep some frames.
    private func copyLogIntoDatabase() {
        _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }

    /// After a write failed on a full disk (GRDB has rolled it back), gives the log's space back,
    /// so that freeing some space is enough for the retry. A TRUNCATE checkpoint empties the log
    /// only once every committed frame in it has been copied into the database file, and that copy
    /// is itself a write to the full disk: it fails (SQLITE_FULL) while the log holds commits, such
    /// as a new database's migrations, and then the log stays whole — the failed transaction's
    /// frames with it. That is why `open` copies the log in first: what is left here is committed
    /// answers of this session (copied into pages the file mostly has already) and the failed
    /// transaction's frames, which only need the log cut to zero. When even that copy fails, the
    /// log is kept: it holds changes the database file has no room for, and the next run copies
    /// them in.
    private func releaseLog() {
        _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Refuses to write when the database file or its -wal is no longer the one this connection
    /// has open (deleted or replaced by hand, or by another program). When only the log was
    /// deleted, the answers already acknowledged are still in it, through this connection's open
    /// file: they are copied into the database file first, so nothing acknowledged is lost.
    private func holdIdentity() throws(StoreError) {
        guard let change = identity.change(at: path) else { return }
        if change == .logDeleted {
            _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.full) }
        }
        throw .replaced(path: path, what: change)
    }
}

extension Date {
    /// Unix milliseconds, the unit of every `*_at` column.
    var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
