import GRDB

/// Everything that can go wrong with the database, each as one sentence that names the file and
/// says what to do. The CLI prints `description` and exits with `exitCode`.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case isADirectory(path: String)
    case notADatabase(path: String)
    case foreignDatabase(path: String)
    case noDatabase(path: String)
    case cannotOpen(path: String, reason: String)
    case corrupt(path: String)
    case locked(path: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case ioError(path: String, detail: String)
    case newerSchema(path: String, unknown: [String])
    case backupExists(path: String)
    case backupFailed(path: String, reason: String)
    case noSuchCard(rowID: Int64)
    case cannotUndo(reason: String)
    case other(path: String, detail: String)
    case replaced(path: String, what: Replaced)

    /// What changed under a running session.
    public enum Replaced: Sendable, Equatable {
        case database, log, logDeleted
    }

    public var description: String {
        switch self {
        case .isADirectory(let path):
            "'\(path)' is a folder, not a database file; give --db the path of a file."
        case .notADatabase(let path):
            "'\(path)' is not a MuscleMemory database (not an SQLite file); nothing was changed. Check --db or MUSCLE_DB."
        case .foreignDatabase(let path):
            "'\(path)' is another program's SQLite database (it has tables of its own and no MuscleMemory schema); nothing was changed. Check --db or MUSCLE_DB."
        case .noDatabase(let path):
            "no database at '\(path)'; nothing was created. Check --db or MUSCLE_DB, or run `muscle study` or `muscle sync` to start one."
        case .cannotOpen(let path, let reason):
            "cannot open the database '\(path)': \(reason)."
        case .corrupt(let path):
            "the database '\(path)' is damaged (SQLite reports corruption); nothing was changed. Move it aside and copy in a backup: the automatic ones are in the 'backups' folder beside it, and `muscle check` tells whether a copy is sound."
        case .locked(let path):
            "the database '\(path)' is locked by another program and stayed locked past the busy timeout; the change in progress was not saved, and everything saved before it is safe. Try again when the other program has finished."
        case .readOnly(let path):
            "the database '\(path)' is read-only; nothing was changed. Check the file's and its folder's permissions."
        case .diskFull(let path):
            "the disk holding '\(path)' is full; the change in progress was not saved, and everything saved before it is safe. Free some space and try again."
        case .ioError(let path, let detail):
            "a disk error occurred on '\(path)' (\(detail)); the change in progress was not saved, and everything saved before it is safe. Run `muscle check` once the disk is healthy."
        case .newerSchema(let path, let unknown):
            "the database '\(path)' was written by a newer version of muscle (it has migration \(unknown.joined(separator: ", ")), which this version does not know); it was not touched. Update muscle to use it."
        case .backupExists(let path):
            "'\(path)' already exists; choose another backup file name."
        case .backupFailed(let path, let reason):
            "the backup to '\(path)' failed: \(reason)."
        case .noSuchCard(let rowID):
            "there is no card with id \(rowID)."
        case .cannotUndo(let reason):
            "nothing to undo: \(reason)."
        case .other(let path, let detail):
            "a database error occurred on '\(path)': \(detail)."
        case .replaced(let path, .database):
            "the database '\(path)' was deleted or replaced by another program while muscle was using it; nothing more was saved, and the answers given before it went are in the file muscle had open, not in the one there now. Run `muscle check --db '\(path)'`."
        case .replaced(let path, .log):
            "the write-ahead log '\(path)-wal' was deleted or replaced while muscle was using it; nothing more was saved. Never delete a database's -wal or -shm file by hand; run `muscle check --db '\(path)'`."
        case .replaced(let path, .logDeleted):
            "the write-ahead log '\(path)-wal' was deleted while muscle was using it; the answers already given were copied into the database and nothing more was saved. Never delete a database's -wal or -shm file by hand; start muscle again to go on."
        }
    }

    /// Exit codes in the spirit of sysexits(3), so scripts can tell faults apart.
    public var exitCode: Int32 {
        switch self {
        case .notADatabase, .foreignDatabase, .corrupt, .newerSchema: 65  // EX_DATAERR
        case .isADirectory, .cannotOpen, .noDatabase, .noSuchCard: 66  // EX_NOINPUT
        case .readOnly, .backupExists: 73  // EX_CANTCREAT
        case .diskFull, .ioError, .backupFailed, .replaced: 74  // EX_IOERR
        case .locked: 75  // EX_TEMPFAIL
        case .cannotUndo: 1
        case .other: 70  // EX_SOFTWARE
        }
    }

    /// The store error for any error thrown while working on the database at `path`.
    static func wrap(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .other(path: path, detail: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path)
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: FileSystem.whyCannotOpen(path) ?? error.message ?? "SQLite cannot open it")
        case .SQLITE_IOERR: return .ioError(path: path, detail: error.message ?? "I/O error")
        case .SQLITE_PERM, .SQLITE_AUTH: return .readOnly(path: path)
        default: return .other(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }
}
