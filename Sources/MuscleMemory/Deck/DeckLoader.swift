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
///
/// A deck may come from anyone, so reading one is bounded (`Limits`): only regular files are read
/// (a FIFO would block for ever, a link to `/dev/zero` never ends), each of limited size; each
/// real folder is walked once, however many links lead to it, to a limited depth, and the walk
/// and the reading stop at a limited number of entries and bytes (a link to `/` would otherwise
/// walk the whole machine); names are used as the bytes they are. Whatever is refused or cut
/// short is a finding, never a hang and never a silent gap.
public enum DeckLoader {
    public struct Limits: Sendable, Equatable {
        /// The largest deck file read: 4 MiB, hundreds of times the largest bundled muscle file
        /// (and twice a file of the benchmark's million-card deck).
        public var fileSize = 4 * 1_048_576
        /// How many folders below the deck folder the walk goes.
        public var depth = 32
        /// Files and folders the walk looks at, hidden ones aside.
        public var entries = 20_000
        /// Bytes of deck files read in all: 1 GiB.
        public var totalSize: Int64 = 1 << 30

        public static let standard = Limits()

        public init(fileSize: Int = 4 * 1_048_576, depth: Int = 32, entries: Int = 20_000, totalSize: Int64 = 1 << 30) {
            self.fileSize = fileSize
            self.depth = depth
            self.entries = entries
            self.totalSize = totalSize
        }
    }

    public static func load(_ location: DeckLocation, displayPrefix: String? = nil, limits: Limits = .standard) -> LoadedDeck {
        switch location {
        case .bundled:
            let prefix = displayPrefix ?? "Decks"
            let files = Bundled.deckFiles
                .filter { isDeckFile($0.path) }
                .map { DeckFileText(relativePath: $0.path, displayPath: prefix + "/" + $0.path, text: $0.text) }
            return LoadedDeck(location: location, files: files, diagnostics: [], contentHash: hash(files))
        case .path(let path):
            return loadPath(path, location: location, displayPrefix: displayPrefix ?? path, limits: limits)
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
        case .success(let status):
            for entry in walk(RawPath(path), identity: status.identity, display: path, limits: .standard).files {
                guard case .success(let status) = entry.status else { return nil }
                add(status, entry.relative, to: &hash)
            }
        }
        return hash.hex
    }

    private static func add(_ status: FileSystem.Status, _ relative: String, to hash: inout ContentHash) {
        hash.add(relative)
        hash.add(String(status.size))
        hash.add(String(status.modified))
    }

    private static func loadPath(_ path: String, location: DeckLocation, displayPrefix: String, limits: Limits) -> LoadedDeck {
        var diagnostics: [Diagnostic] = []
        var files: [DeckFileText] = []
        let prefix = displayPrefix.hasSuffix("/") && displayPrefix.count > 1 ? String(displayPrefix.dropLast()) : displayPrefix
        switch FileSystem.status(path) {
        case .failure(let failure):
            // Paths on the command line reach the program as text; a name that is not UTF-8 has
            // lost its bad bytes (U+FFFD) on the way, so the path names nothing.
            let message = FileSystem.exists(path)
                ? "cannot read '\(path)': \(failure.reason)"
                : path.contains("\u{FFFD}")
                    ? "no such deck folder or file '\(path)'; a path given to muscle must be UTF-8: rename it, or give the folder that holds it"
                    : "no such deck folder or file '\(path)'"
            diagnostics.append(Diagnostic(rule: .missingPath, file: path, message: message))
        case .success(let status) where !status.isDirectory:
            let name = String(path.split(separator: "/").last ?? Substring(path))
            let entry = Entry(relative: name, path: RawPath(path), status: .success(status))
            read(entry, display: prefix, limit: limits.fileSize, into: &files, diagnostics: &diagnostics)
        case .success(let status):
            let walk = walk(RawPath(path), identity: status.identity, display: prefix, limits: limits)
            diagnostics += walk.diagnostics
            var total: Int64 = 0
            for entry in walk.files {
                let size = (try? entry.status.get()).map { $0.isRegularFile ? $0.size : 0 } ?? 0
                if size <= limits.fileSize {
                    total += size
                    if total > limits.totalSize {
                        diagnostics.append(Diagnostic(rule: .deckTooLarge, file: prefix,
                                                      message: "the deck files add up to more than \(megabytes(limits.totalSize)) MiB, so reading stopped before '\(entry.relative)'; a deck this large is usually a link to a folder outside it"))
                        break
                    }
                }
                read(entry, display: prefix + "/" + entry.relative, limit: limits.fileSize, into: &files, diagnostics: &diagnostics)
            }
            if walk.files.filter({ $0.relative.lowercased() != "deck.md" }).isEmpty {
                diagnostics.append(Diagnostic(rule: .emptyDeck, file: prefix, message: "no muscle files (*.md) in this deck folder"))
            }
        }
        return LoadedDeck(location: location, files: files, diagnostics: diagnostics, contentHash: hash(files))
    }

    /// Reads one deck file, or says why not. `stat` already told what the path is, so a FIFO or a
    /// device is refused without being opened; `readRegularFile` checks again on the opened file.
    private static func read(_ entry: Entry, display: String, limit: Int, into files: inout [DeckFileText], diagnostics: inout [Diagnostic]) {
        func refuse(_ rule: RuleID, _ message: String) {
            diagnostics.append(Diagnostic(rule: rule, file: display, message: message))
        }
        let bytes: [UInt8]
        switch entry.status.map({ status -> Result<[UInt8], FileSystem.ReadFailure> in
            if !status.isRegularFile { return .failure(.notARegularFile(status.kind)) }
            if status.size > limit { return .failure(.tooLarge(status.size)) }
            return FileSystem.readRegularFile(entry.path, limit: limit)
        }) {
        case .failure(let failure), .success(.failure(.failed(let failure))):
            return refuse(.unreadableFile, "cannot read the file: \(failure.reason)")
        case .success(.failure(.notARegularFile(let kind))):
            let linked = (try? FileSystem.linkStatus(entry.path).get())?.kind == .symbolicLink
            return refuse(.notARegularFile, "this is \(linked ? "a symbolic link to " : "")\(kind), not a regular file, so it is not read; a deck file must be a regular file")
        case .success(.failure(.tooLarge(let size))):
            return refuse(.fileTooLarge, "the file is \(megabytes(size)) MiB, more than the \(megabytes(Int64(limit))) MiB a deck file may hold, so it is not read; split it, one muscle per file")
        case .success(.success(let read)):
            bytes = read
        }
        switch UTF8Validation.decode(bytes) {
        case .success(let text):
            files.append(DeckFileText(relativePath: entry.relative, displayPath: display, text: text))
        case .failure(let invalid):
            let offset = invalid.offset
            let (line, column) = UTF8Validation.position(of: offset, in: bytes)
            diagnostics.append(Diagnostic(rule: .invalidUTF8, file: display, position: .init(line: line, column: column), message: "the file is not UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at offset \(offset)); save it as UTF-8"))
        }
    }

    /// "4.5", "4": a size in MiB to one decimal, without a trailing ".0".
    private static func megabytes(_ size: Int64) -> String {
        let tenths = (Double(size) / 1_048_576 * 10).rounded(.down) / 10
        return tenths == tenths.rounded() && tenths < 1e15 ? String(Int64(tenths)) : String(tenths)
    }

    /// A deck file found by the walk: its path within the deck as shown (`RawPath.display` of
    /// each name), the bytes to open it by, and what `stat` said of it.
    struct Entry {
        var relative: String
        var path: RawPath
        var status: Result<FileSystem.Status, FileSystem.Failure>
    }

    struct Walk {
        var files: [Entry] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The deck files under a folder, depth first, in name order. Links are followed, but each
    /// real folder (by device and inode) is walked once: a link cycle, or two links to one folder,
    /// cannot list a file twice or loop. A folder deeper than the limit, a walk that meets more
    /// entries than the limit, a folder that cannot be listed and a name that cannot be shown as
    /// it is are findings.
    static func walk(_ root: RawPath, identity: FileSystem.Identity, display: String, limits: Limits) -> Walk {
        var walk = Walk()
        var visited: Set<FileSystem.Identity> = [identity]
        var entries = 0
        func finding(_ rule: RuleID, _ relative: String, _ message: String) {
            walk.diagnostics.append(Diagnostic(rule: rule, file: display + (relative.isEmpty ? "" : "/" + relative), message: message))
        }
        func visit(_ folder: RawPath, relative: String, depth: Int) {
            let names: [[UInt8]]
            switch FileSystem.list(folder) {
            case .success(let list): names = list
            case .failure(let failure): return finding(.unreadableFile, relative, "cannot list the folder: \(failure.reason)")
            }
            for name in names where name.first != UInt8(ascii: ".") {
                guard entries < limits.entries else {
                    if entries == limits.entries {
                        entries += 1
                        finding(.deckTooLarge, "", "the walk stopped after \(limits.entries) files and folders, so the rest are not read; a deck this large is usually a link to a folder outside it (such as '/')")
                    }
                    return
                }
                entries += 1
                let shown = RawPath.display(name)
                let path = relative.isEmpty ? shown : relative + "/" + shown
                let entry = folder.appending(name)
                let status = FileSystem.status(entry)
                if case .success(let s) = status, s.isDirectory {
                    guard visited.insert(s.identity).inserted else { continue }
                    if !RawPath.isPrintable(name) { finding(.invalidFileName, path, invalidNameMessage(name, "folder")) }
                    guard depth < limits.depth else {
                        finding(.folderTooDeep, path, "this folder is more than \(limits.depth) folders below the deck folder, so nothing in it is read; move its files higher up")
                        continue
                    }
                    visit(entry, relative: path, depth: depth + 1)
                } else if isDeckFile(path) && (relative.isEmpty || shown.lowercased() != "deck.md") {
                    if !RawPath.isPrintable(name) { finding(.invalidFileName, path, invalidNameMessage(name, "file")) }
                    walk.files.append(Entry(relative: path, path: entry, status: status))  // unreadable ones too: reading them reports why
                }
            }
        }
        visit(root, relative: "", depth: 0)
        return walk
    }

    private static func invalidNameMessage(_ name: [UInt8], _ kind: String) -> String {
        let what = String(validating: name, as: UTF8.self) == nil ? "is not UTF-8" : "holds control characters"
        return "the \(kind) name \(what) (shown here with \\x escapes); rename it with letters, digits, spaces and punctuation only"
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
