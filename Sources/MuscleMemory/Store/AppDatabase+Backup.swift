import Foundation
import GRDB

extension AppDatabase {
    /// Writes a consistent copy of the database to `destination` with SQLite's online backup API,
    /// so it can run while another process is studying. The copy is written beside the
    /// destination and renamed into place, so a failed backup never leaves a half-written file.
    public func backup(to destination: String) throws(StoreError) {
        if FileSystem.exists(destination) { throw .backupExists(path: destination) }
        let folder = (destination as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let temporary = destination + ".partial-\(getpid())"
        do {
            let target = try DatabaseQueue(path: temporary)
            try writer.backup(to: target)
            try target.close()
            guard rename(temporary, destination) == 0 else {
                throw StoreError.backupFailed(path: destination, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if let error = error as? StoreError { throw error }
            if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL { throw .diskFull(path: destination) }
            throw .backupFailed(path: destination, reason: (error as? DatabaseError)?.message ?? String(describing: error))
        }
    }

    /// The folder automatic backups go to: `backups/` beside the database.
    public var backupFolder: String {
        (path as NSString).deletingLastPathComponent.appendingPathComponent("backups")
    }

    /// A backup file name that sorts by time: `muscle-20261201-100000.sqlite`.
    public func backupPath(at now: Date, label: String = "") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let suffix = label.isEmpty ? "" : "-" + label
        return backupFolder.appendingPathComponent("\(stem)-\(formatter.string(from: now))\(suffix).sqlite")
    }

    /// Before migrating, keep a copy of the database as it was; keep the last `keep` of them.
    func backUpBeforeMigration(to migration: String, now: Date, keep: Int) throws {
        let destination = backupPath(at: now, label: "before-\(migration)")
        if !FileSystem.exists(destination) { try backup(to: destination) }
        let marker = "-before-"
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard case .success(let names) = FileSystem.list(backupFolder) else { return }
        let automatic = names.filter { $0.hasPrefix(stem + "-") && $0.contains(marker) && $0.hasSuffix(".sqlite") }.sorted()
        for old in automatic.dropLast(max(keep, 1)) {
            try? FileManager.default.removeItem(atPath: backupFolder.appendingPathComponent(old))
        }
    }
}

extension String {
    func appendingPathComponent(_ component: String) -> String {
        (self as NSString).appendingPathComponent(component)
    }
}
