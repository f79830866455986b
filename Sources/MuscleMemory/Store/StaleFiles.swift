import Foundation

/// Leftovers of a killed `backup` or pre-migration backup: `NAME.partial-PID` and its
/// `NAME.partial-PID-journal`. They are removed at the next open, once the process that wrote
/// them is gone; a live writer's files are left alone.
enum StaleFiles {
    static func removePartialFiles(beside databasePath: String) {
        let folder = (databasePath as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? "." : folder
        for dir in [base, base.appendingPathComponent("backups")] {
            guard case .success(let names) = FileSystem.list(dir) else { continue }
            for name in names {
                guard let pid = writer(ofPartial: name), !FileSystem.processIsAlive(pid) else { continue }
                try? FileManager.default.removeItem(atPath: dir.appendingPathComponent(name))
            }
        }
    }

    /// The process id in `x.partial-123` or `x.partial-123-journal` (or `-wal`, `-shm`), else nil.
    static func writer(ofPartial name: String) -> Int32? {
        guard let range = name.range(of: ".partial-", options: .backwards) else { return nil }
        var rest = Substring(name[range.upperBound...])
        for suffix in ["-journal", "-wal", "-shm"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
        guard !rest.isEmpty, rest.count <= 10, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) else { return nil }
        return Int32(rest)
    }
}
