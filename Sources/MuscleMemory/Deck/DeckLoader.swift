/// One deck file's text, with the path shown in diagnostics and card sources.
public struct DeckFileText: Sendable, Hashable {
    /// Path within the deck folder ("leg-foot/gastrocnemius.md").
    public var relativePath: String
    /// Path as shown to the user ("Decks/leg-foot/gastrocnemius.md").
    public var displayPath: String
    public var text: String

    public var isDeckInfo: Bool { relativePath.lowercased() == "deck.md" }
}

/// The files of one deck, read and decoded, and what went wrong reading them.
public struct LoadedDeck: Sendable {
    public var location: DeckLocation
    public var files: [DeckFileText]
    public var diagnostics: [Diagnostic]
    /// Fingerprint of every file's path and text: equal hashes mean nothing to sync.
    public var contentHash: String
}

/// Finds and reads deck files. A deck folder's `*.md` files are read recursively; hidden entries
/// and documentation files whose names are all capitals (README.md, FORMAT.md) are skipped, and
/// `deck.md` at the top holds the deck's title.
public enum DeckLoader {
    public static func load(_ location: DeckLocation, displayPrefix: String? = nil) -> LoadedDeck {
        switch location {
        case .bundled:
            let prefix = displayPrefix ?? "Decks"
            let files = Bundled.deckFiles
                .filter { isDeckFile($0.path) }
                .map { DeckFileText(relativePath: $0.path, displayPath: prefix + "/" + $0.path, text: $0.text) }
            return LoadedDeck(location: location, files: files, diagnostics: [], contentHash: hash(files))
        case .path(let path):
            return loadPath(path, location: location, displayPrefix: displayPrefix ?? path)
        }
    }

    /// A cheap fingerprint of the deck's files from `stat` alone (names, sizes, modification
    /// times): when it matches the one stored at the last sync, the files need not even be read.
    public static func statSignature(_ location: DeckLocation) -> String? {
        guard case .path(let path) = location else { return nil }
        var hash = ContentHash()
        switch FileSystem.status(path) {
        case .failure: return nil
        case .success(let status) where !status.isDirectory:
            add(status, "", to: &hash)
        case .success:
            for relative in deckFilePaths(in: path) {
                guard case .success(let status) = FileSystem.status(path + "/" + relative) else { return nil }
                add(status, relative, to: &hash)
            }
        }
        return hash.hex
    }

    private static func add(_ status: FileSystem.Status, _ relative: String, to hash: inout ContentHash) {
        hash.add(relative)
        hash.add(String(status.size))
        hash.add(String(status.modified))
    }

    private static func loadPath(_ path: String, location: DeckLocation, displayPrefix: String) -> LoadedDeck {
        var diagnostics: [Diagnostic] = []
        var files: [DeckFileText] = []
        let prefix = displayPrefix.hasSuffix("/") && displayPrefix.count > 1 ? String(displayPrefix.dropLast()) : displayPrefix
        switch FileSystem.status(path) {
        case .failure(let failure):
            let message = FileSystem.exists(path)
                ? "cannot read '\(path)': \(failure.reason)"
                : "no such deck folder or file '\(path)'"
            diagnostics.append(Diagnostic(rule: .missingPath, file: path, message: message))
        case .success(let status) where !status.isDirectory:
            let name = String(path.split(separator: "/").last ?? Substring(path))
            read(path, relative: name, display: prefix, into: &files, diagnostics: &diagnostics)
        case .success:
            let relatives = deckFilePaths(in: path, diagnostics: &diagnostics, display: prefix)
            for relative in relatives {
                read(path + "/" + relative, relative: relative, display: prefix + "/" + relative, into: &files, diagnostics: &diagnostics)
            }
            if relatives.filter({ $0.lowercased() != "deck.md" }).isEmpty {
                diagnostics.append(Diagnostic(rule: .emptyDeck, file: prefix, message: "no muscle files (*.md) in this deck folder"))
            }
        }
        return LoadedDeck(location: location, files: files, diagnostics: diagnostics, contentHash: hash(files))
    }

    private static func read(_ path: String, relative: String, display: String, into files: inout [DeckFileText], diagnostics: inout [Diagnostic]) {
        switch FileSystem.contents(of: path) {
        case .failure(let failure):
            diagnostics.append(Diagnostic(rule: .unreadableFile, file: display, message: "cannot read the file: \(failure.reason)"))
        case .success(let bytes):
            switch UTF8Validation.decode(bytes) {
            case .success(let text):
                files.append(DeckFileText(relativePath: relative, displayPath: display, text: text))
            case .failure(let invalid):
                let offset = invalid.offset
                let (line, column) = UTF8Validation.position(of: offset, in: bytes)
                diagnostics.append(Diagnostic(rule: .invalidUTF8, file: display, position: .init(line: line, column: column), message: "the file is not UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)); save it as UTF-8"))
            }
        }
    }

    static func deckFilePaths(in folder: String) -> [String] {
        var ignored: [Diagnostic] = []
        return deckFilePaths(in: folder, diagnostics: &ignored, display: folder)
    }

    /// Relative paths of the deck files under a folder, depth first, sorted.
    private static func deckFilePaths(in folder: String, diagnostics: inout [Diagnostic], display: String, relative: String = "", depth: Int = 0) -> [String] {
        guard depth < 16 else { return [] }  // a link cycle is not a deck
        let names: [String]
        switch FileSystem.list(folder + (relative.isEmpty ? "" : "/" + relative)) {
        case .success(let list): names = list
        case .failure(let failure):
            diagnostics.append(Diagnostic(rule: .unreadableFile, file: display + (relative.isEmpty ? "" : "/" + relative), message: "cannot list the folder: \(failure.reason)"))
            return []
        }
        var result: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            let status = FileSystem.status(folder + "/" + path)
            if case .success(let s) = status, s.isDirectory {
                result += deckFilePaths(in: folder, diagnostics: &diagnostics, display: display, relative: path, depth: depth + 1)
            } else if isDeckFile(path) && (relative.isEmpty || name.lowercased() != "deck.md") {
                result.append(path)  // unreadable ones too: reading them reports why
            }
        }
        return result
    }

    /// `*.md` and `*.markdown`, except documentation named in capitals (README.md, FORMAT.md).
    static func isDeckFile(_ path: String) -> Bool {
        let name = String(path.split(separator: "/").last ?? "")
        let lower = name.lowercased()
        let stem: Substring
        if lower.hasSuffix(".md") { stem = name.dropLast(3) }
        else if lower.hasSuffix(".markdown") { stem = name.dropLast(9) }
        else { return false }
        if name.hasPrefix(".") || stem.isEmpty { return false }
        let letters = stem.filter(\.isLetter)
        return letters.isEmpty || letters.contains(where: \.isLowercase)
    }

    static func hash(_ files: [DeckFileText]) -> String {
        var hash = ContentHash()
        for file in files {
            hash.add(file.relativePath)
            hash.add(file.text)
        }
        return hash.hex
    }
}
