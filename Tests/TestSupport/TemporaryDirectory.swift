import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away, so
/// every test works on its own files and database.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String = "test") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("muscle-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // A test may have made the folder read-only; the owner may always make it writable again.
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file (creating folders) and returns its path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file.path
    }

    /// Keeps another folder until this one goes away (a link in this one points into it).
    public func keep(_ other: TemporaryDirectory) {
        kept.append(other)
    }

    private var kept: [TemporaryDirectory] = []

    public func file(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}
