import Foundation

/// A file's device and inode: what stays the same while a file is written, and changes when it is
/// deleted and made again or replaced by another file under the same name.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` now, nil if there is none.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// The database file and write-ahead log a connection has open, remembered so that every write
/// can first make sure they are still the files at the database's path. A -wal deleted by hand
/// while a session runs would otherwise take every later answer with it, silently.
final class DatabaseIdentity: @unchecked Sendable {
    private let lock = NSLock()
    private var database: FileIdentity?
    private var log: FileIdentity?

    /// Remembers the files now at `path` and `path-wal` (the log once it exists).
    func remember(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        if database == nil { database = FileIdentity.of(path) }
        if log == nil { log = FileIdentity.of(path + "-wal") }
    }

    /// What was deleted or replaced since `remember`, nil if nothing was.
    func change(at path: String) -> StoreError.Replaced? {
        lock.lock(); defer { lock.unlock() }
        if let database, FileIdentity.of(path) != database { return .database }
        if let log, FileIdentity.of(path + "-wal") != log {
            return FileIdentity.of(path + "-wal") == nil ? .logDeleted : .log
        }
        return nil
    }
}
