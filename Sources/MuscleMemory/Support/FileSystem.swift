#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX wrappers that keep `errno`'s reason, so a message can say *why* a file could not be
/// read ("Permission denied"), not only that it could not.
public enum FileSystem {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var code: Int32

        public var reason: String {
            guard let text = strerror(code) else { return "error \(code)" }
            return String(cString: text)
        }

        public var description: String { "\(path): \(reason)" }
    }

    public struct Status: Sendable, Hashable {
        public var isDirectory: Bool
        public var isRegularFile: Bool
        public var size: Int64
        /// Modification time in nanoseconds since 1970.
        public var modified: Int64
    }

    /// `stat` (following links); nil with the reason when it fails.
    public static func status(_ path: String) -> Result<Status, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(path: path, code: errno)) }
        let kind = info.st_mode & S_IFMT
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return .success(Status(isDirectory: kind == S_IFDIR, isRegularFile: kind == S_IFREG, size: Int64(info.st_size), modified: modified))
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Names in a folder, without "." and "..", sorted.
    public static func list(_ path: String) -> Result<[String], Failure> {
        guard let dir = opendir(path) else { return .failure(Failure(path: path, code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// The whole file, read with `read(2)`; a folder or an unreadable path fails with its reason.
    public static func contents(of path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(path: path, code: errno)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(path: path, code: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    /// The first `count` bytes of a file (fewer if it is shorter).
    public static func prefix(of path: String, count: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(path: path, code: errno)) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, count) }
        guard got >= 0 else { return .failure(Failure(path: path, code: errno)) }
        return .success(Array(bytes.prefix(got)))
    }

    /// Why SQLite could not open the database at `path`, when the file system can tell: SQLite
    /// only says "unable to open database file", which does not tell a user what to fix.
    public static func whyCannotOpen(_ path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if access(folder, W_OK | X_OK) != 0 {
            return "its folder '\(folder)' is not writable, and SQLite needs to create its journal files there"
        }
        for companion in [path + "-wal", path + "-shm"] where exists(companion) {
            switch status(companion) {
            case .failure(let failure): return "its companion file '\(companion)' cannot be used (\(failure.reason))"
            case .success(let info) where !info.isRegularFile:
                return "its companion file '\(companion)' is not a regular file; move it aside"
            case .success:
                if access(companion, R_OK | W_OK) != 0 {
                    return "its companion file '\(companion)' cannot be read and written"
                }
            }
        }
        return nil
    }

    /// An absolute, `.`/`..`-free form of the path, relative paths resolved against the working folder.
    public static func absolute(_ path: String) -> String {
        var base = ""
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                base = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
        var parts: [Substring] = []
        for part in (base + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// `read(2)`, named apart from the methods above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
