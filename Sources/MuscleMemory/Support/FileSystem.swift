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
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var code: Int32

        public var reason: String {
            guard let text = strerror(code) else { return "error \(code)" }
            return String(cString: text)
        }

        public var description: String { "\(path): \(reason)" }
    }

    public struct Status: Sendable, Hashable {
        public var kind: Kind
        public var size: Int64
        /// Modification time in nanoseconds since 1970 (wrapped past 2262: compare it, never order it).
        public var modified: Int64
        /// The file's identity on this machine: a folder reached twice (through a link) has the
        /// same one both times.
        public var identity: Identity

        public var isDirectory: Bool { kind == .directory }
        public var isRegularFile: Bool { kind == .regular }
    }

    public struct Identity: Sendable, Hashable {
        public var device: UInt64
        public var inode: UInt64
    }

    /// What `stat` says a path is.
    public enum Kind: Sendable, Hashable, CustomStringConvertible {
        case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            case S_IFLNK: self = .symbolicLink
            default: self = .other
            }
        }

        /// "a FIFO (named pipe)", for "it is …".
        public var description: String {
            switch self {
            case .regular: "a regular file"
            case .directory: "a folder"
            case .fifo: "a FIFO (named pipe)"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .socket: "a socket"
            case .symbolicLink: "a symbolic link"
            case .other: "a special file"
            }
        }
    }

    /// `stat` (following links); nil with the reason when it fails.
    public static func status(_ path: String) -> Result<Status, Failure> {
        status(RawPath(path))
    }

    public static func status(_ path: RawPath) -> Result<Status, Failure> {
        var info = stat()
        guard stat(path.cString, &info) == 0 else { return .failure(Failure(path: path.display, code: errno)) }
        return .success(Status(info))
    }

    /// `lstat`: what the path itself is, a link not followed.
    public static func linkStatus(_ path: RawPath) -> Result<Status, Failure> {
        var info = stat()
        guard lstat(path.cString, &info) == 0 else { return .failure(Failure(path: path.display, code: errno)) }
        return .success(Status(info))
    }

    /// `access(2)` for reading or writing: 0 when allowed, else the errno (EACCES, EROFS, …).
    public static func accessError(_ path: String, write: Bool) -> Int32 {
        #if canImport(Glibc)
        let allowed = Glibc.access(path, write ? W_OK : R_OK) == 0
        #elseif canImport(Musl)
        let allowed = Musl.access(path, write ? W_OK : R_OK) == 0
        #else
        let allowed = Darwin.access(path, write ? W_OK : R_OK) == 0
        #endif
        return allowed ? 0 : errno
    }

    /// Whether a process with this id is running (a signal 0 reaches it, or it is another user's).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Makes a folder and its missing parents (`mkdir -p`), keeping `errno` of the step that
    /// failed: ENOTDIR when a part of the path is a file, ENOSPC on a full disk.
    public static func makeFolders(_ path: String) -> Result<Void, Failure> {
        var info = stat()
        if stat(path, &info) == 0 {
            return info.st_mode & S_IFMT == S_IFDIR ? .success(()) : .failure(Failure(path: path, code: ENOTDIR))
        }
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !parent.isEmpty, parent != path, case .failure(let failure) = makeFolders(parent) { return .failure(failure) }
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return .success(()) }
        return .failure(Failure(path: path, code: errno))
    }

    /// Names in a folder, without "." and "..", sorted.
    public static func list(_ path: String) -> Result<[String], Failure> {
        list(RawPath(path)).map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Names in a folder as their bytes, without "." and "..", sorted as text (then by bytes, so
    /// two names that differ only in bytes that are not UTF-8 keep a fixed order).
    public static func list(_ path: RawPath) -> Result<[[UInt8]], Failure> {
        guard let dir = opendir(path.cString) else { return .failure(Failure(path: path.display, code: errno)) }
        defer { closedir(dir) }
        var names: [(text: String, bytes: [UInt8])] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append((String(decoding: name, as: UTF8.self), name)) }
        }
        return .success(names.sorted { $0.text != $1.text ? $0.text < $1.text : $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.bytes))
    }

    /// Why a file was not read.
    public enum ReadFailure: Error, Sendable, Equatable {
        /// The path is a FIFO, a device, a socket or a folder: reading it could block for ever or
        /// never end (`/dev/zero`).
        case notARegularFile(Kind)
        /// Larger than the limit (its size in bytes, as far as it was read).
        case tooLarge(Int64)
        case failed(Failure)
    }

    /// A regular file's bytes, at most `limit` of them. The file is opened without blocking (a
    /// FIFO's `open` would otherwise wait for a writer for ever) and without becoming the
    /// controlling terminal, and the opened descriptor is checked with `fstat`: a path swapped
    /// for a FIFO or a device after the caller looked at it is still refused, not read.
    public static func readRegularFile(_ path: RawPath, limit: Int) -> Result<[UInt8], ReadFailure> {
        let fd = open(path.cString, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.failed(Failure(path: path.display, code: errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.failed(Failure(path: path.display, code: errno))) }
        let status = Status(info)
        guard status.isRegularFile else { return .failure(.notARegularFile(status.kind)) }
        guard status.size <= Int64(limit) else { return .failure(.tooLarge(status.size)) }
        // The size may change between fstat and read: read one byte past the limit to notice.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.failed(Failure(path: path.display, code: errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard bytes.count <= limit else { return .failure(.tooLarge(Int64(bytes.count))) }
        return .success(bytes)
    }

    /// Why a file was not written.
    public enum WriteFailure: Error, Sendable, Equatable {
        case isAFolder
        /// The path is a device, a FIFO or a socket: it cannot be replaced by a whole file.
        case notARegularFile(Kind)
        case failed(Failure)
    }

    /// Writes the file whole or not at all: the bytes go to a temporary file beside it, are
    /// flushed to the disk (`fsync`), and the temporary file is renamed over the path, so a full
    /// disk, an I/O error or a killed process leaves the earlier file (or no file) as it was, never
    /// half a file. A file that existed keeps its permissions.
    public static func replace(_ path: String, with bytes: [UInt8]) -> Result<Void, WriteFailure> {
        let target: Replacement
        switch Replacement.prepare(path) {
        case .success(let prepared): target = prepared
        case .failure(let failure): return .failure(failure)
        }
        let fd = open(target.temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(.failed(Failure(path: path, code: errno))) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                return target.fail(code)
            }
            offset += count
        }
        return target.finish(fd)
    }

    /// `replace(_:with:)` for a file too big to hold in memory: `build` writes it at the temporary
    /// path it is given (beside `path`, not existing yet), then it is flushed to the disk and
    /// renamed over `path`. An error `build` throws is rethrown, the temporary file removed.
    public static func replace(_ path: String, building build: (_ temporary: String) throws -> Void) throws -> Result<Void, WriteFailure> {
        let target: Replacement
        switch Replacement.prepare(path) {
        case .success(let prepared): target = prepared
        case .failure(let failure): return .failure(failure)
        }
        // Whether the folder takes a new file, asked first, so it fails as a write does.
        let probe = open(target.temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard probe >= 0 else { return .failure(.failed(Failure(path: path, code: errno))) }
        close(probe)
        unlink(target.temporary)
        do {
            try build(target.temporary)
        } catch {
            unlink(target.temporary)
            throw error
        }
        let fd = open(target.temporary, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return target.fail(errno) }
        return target.finish(fd)
    }

    /// What both `replace` functions share: the path's checks, the temporary file beside it, and
    /// the end (the old file's permissions, `fsync`, `rename`), so the two cannot drift apart.
    private struct Replacement {
        var path: String
        var temporary: String
        /// The permissions of the file being replaced, if there is one.
        var mode: mode_t?

        static func prepare(_ path: String) -> Result<Replacement, WriteFailure> {
            var existing = stat()
            let exists = stat(path, &existing) == 0
            if exists {
                let kind = Kind(mode: existing.st_mode)
                if kind == .directory { return .failure(.isAFolder) }
                if kind != .regular { return .failure(.notARegularFile(kind)) }
            }
            let temporary = path + ".partial-\(getpid())"
            unlink(temporary)  // a leftover of an earlier process with this id
            return .success(Replacement(path: path, temporary: temporary, mode: exists ? existing.st_mode & 0o7777 : nil))
        }

        func fail(_ code: Int32) -> Result<Void, WriteFailure> {
            unlink(temporary)
            return .failure(.failed(Failure(path: path, code: code)))
        }

        /// Keeps the old permissions, flushes `fd` to the disk, closes it and renames the
        /// temporary file over the path.
        func finish(_ fd: Int32) -> Result<Void, WriteFailure> {
            if let mode { _ = fchmod(fd, mode) }
            if fsync(fd) != 0 {
                let code = errno
                close(fd)
                return fail(code)
            }
            if close(fd) != 0 { return fail(errno) }
            if rename(temporary, path) != 0 { return fail(errno) }
            return .success(())
        }
    }

    /// The first `count` bytes of a file (fewer if it is shorter).
    public static func prefix(of path: String, count: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
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

extension FileSystem.Status {
    init(_ info: stat) {
        #if canImport(Darwin)
        let (seconds, nanoseconds) = (Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
        #else
        let (seconds, nanoseconds) = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
        #endif
        // Wrapping: a file dated after 2262 (`touch -d 2300-01-01`) must not trap; the value is
        // only compared for equality, in the decks' stat signature.
        let modified = seconds &* 1_000_000_000 &+ nanoseconds
        self.init(kind: FileSystem.Kind(mode: info.st_mode), size: Int64(info.st_size), modified: modified,
                  identity: FileSystem.Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }
}

/// `read(2)` and `write(2)`, named apart from the methods above.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
