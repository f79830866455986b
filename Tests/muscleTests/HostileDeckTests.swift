#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MuscleMemory
import Testing

/// Deck folders as an attacker (or an accident) makes them: special files, huge files, names that
/// are not text, link cycles, deep nesting, escape sequences in names. Each is a finding in one
/// line, and no command blocks, traps or prints a control sequence.
@Suite struct HostileDeckTests {
    static let quick: Duration = .seconds(20)

    /// A FIFO would block `open` for ever; `/dev/zero` and `/dev/urandom` never end; a socket
    /// cannot be read; a sparse 2 GiB file would fill memory. None is read, and every command that
    /// reads decks finishes.
    @Test func specialAndHugeFilesAreFindingsAndNeverBlock() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        #expect(mkfifo(sandbox.file("deck/pipe.md"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("deck/zero.md"), withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("deck/urandom.md"), withDestinationPath: "/dev/urandom")
        let socket = try #require(UnixSocket(path: sandbox.file("deck/socket.md")))
        defer { socket.close() }
        let huge = open(sandbox.file("deck/huge.md"), O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(huge, 2 << 30) == 0)
        close(huge)

        let findings = """
            deck/huge.md: error: the file is 2048 MiB, more than the 4 MiB a deck file may hold, so it is not read; split it, one muscle per file [file-too-large]
            deck/pipe.md: error: this is a FIFO (named pipe), not a regular file, so it is not read; a deck file must be a regular file [not-a-regular-file]
            deck/socket.md: error: this is a socket, not a regular file, so it is not read; a deck file must be a regular file [not-a-regular-file]
            deck/urandom.md: error: this is a symbolic link to a character device, not a regular file, so it is not read; a deck file must be a regular file [not-a-regular-file]
            deck/zero.md: error: this is a symbolic link to a character device, not a regular file, so it is not read; a deck file must be a regular file [not-a-regular-file]

            """
        let lint = sandbox.run(["lint", "deck"], timeout: Self.quick)
        #expect(lint.exitCode == 1)
        #expect(lint.stdout == findings + "5 errors in 2 files.\n")

        let cards = sandbox.run(["cards", "deck"], timeout: Self.quick)
        #expect(cards.exitCode == 1)
        #expect(cards.stdout.isEmpty)
        #expect(cards.stderr == findings + "5 errors in 2 files.\n")

        let sync = sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"], timeout: Self.quick)
        #expect(sync.exitCode == 1)
        #expect(sync.stdout.hasSuffix("Sync refused: fix the errors above; nothing was changed.\n"))

        // Studying goes on with the cards of the last good sync.
        let study = sandbox.run(["study", "--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"], stdin: "\n4\n", timeout: Self.quick)
        #expect(study.exitCode == 0)
        #expect(study.stderr.hasPrefix("muscle: warning: the decks have 5 lint errors (in "))
        #expect(study.stdout.contains("→ 4 good"))
    }

    /// A name that is not UTF-8 used to come back as "No such file or directory" with a mangled
    /// path: the file is opened by its bytes, its own findings point at it, and the name is a
    /// finding shown with \x escapes.
    @Test func aNameThatIsNotUTF8IsOpenedAndReportedEscaped() throws {
        let sandbox = Sandbox()
        try FileManager.default.createDirectory(atPath: sandbox.file("deck"), withIntermediateDirectories: true)
        let name = RawName(Array(sandbox.file("deck/caf").utf8) + [0xE9] + Array(".md".utf8))
        name.write(Array("# Cafe\nOrign: a\n".utf8))
        let lint = sandbox.run(["lint", "deck"])
        #expect(lint.exitCode == 1)
        #expect(lint.stdout.contains("deck/caf\\xE9.md: error: the file name is not UTF-8 (shown here with \\x escapes); rename it with letters, digits, spaces and punctuation only [invalid-file-name]\n"))
        #expect(lint.stdout.contains("deck/caf\\xE9.md:2:1: error: unknown field 'Orign'; did you mean 'Origin'? [unknown-field]\n"))
        #expect(!lint.stdout.contains("No such file"))
        #expect(lint.stdout.hasSuffix("2 errors and 9 warnings in 1 file.\n"))
    }

    /// A link back up the tree used to be walked 16 times (each time a duplicate of every muscle),
    /// and files 16 folders deep were dropped without a word. Each real folder is walked once, and
    /// a folder past the limit is named.
    @Test func aLinkCycleIsWalkedOnceAndADeepFolderIsNamed() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("deck/loop"), withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("deck/again"), withDestinationPath: sandbox.file("deck"))
        let cycle = sandbox.run(["lint", "deck"])
        #expect(cycle.stdout == "No problems in 2 files (18 cards).\n")
        #expect(cycle.exitCode == 0)

        let sixteen = String(repeating: "n/", count: 16)
        sandbox.write("deck/\(sixteen)plantaris.md", "# Plantaris\n## Actions\n- Weakly plantarflexes the ankle\n")
        let deep = sandbox.run(["cards", "deck"])
        #expect(deep.stdout.contains("plantaris/actions\t"), "a file 16 folders deep is read")

        let tooDeep = String(repeating: "n/", count: 33)
        sandbox.write("deck/\(tooDeep)gracilis.md", "# Gracilis\n")
        let lint = sandbox.run(["lint", "deck"])
        #expect(lint.exitCode == 1)
        let folder = "deck/" + String(tooDeep.dropLast())
        #expect(lint.stdout.hasPrefix("\(folder): error: this folder is more than 32 folders below the deck folder, so nothing in it is read; move its files higher up [folder-too-deep]\n"))
    }

    /// A link to `/` would walk the whole machine and read every lowercase `.md` file on it: the
    /// walk stops at its limit and says so.
    @Test func aLinkToTheRootIsCutShortAndSaysSo() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("deck/everything"), withDestinationPath: "/")
        let lint = sandbox.run(["lint", "deck"], timeout: Self.quick)
        #expect(lint.exitCode == 1)
        #expect(lint.stdout.split(separator: "\n").contains("deck: error: the walk stopped after 20000 files and folders, so the rest are not read; a deck this large is usually a link to a folder outside it (such as '/') [deck-too-large]"))
    }

    /// Names and paths reach the terminal escaped: a folder named with an OSC sequence (which
    /// retitles a terminal window) is shown as `\x1B]0;…\x07` by lint, sync and error messages.
    @Test func namesWithEscapeSequencesAreShownEscaped() throws {
        let sandbox = Sandbox()
        let hostile = "deck\u{1B}]0;pwned\u{07}"
        Fixtures.deck(in: sandbox, folder: hostile)
        sandbox.write("\(hostile)/inner\u{1B}[2J.md", "# Gracilis\nOrign: pubis\n")
        let shown = "deck\\x1B]0;pwned\\x07"

        let lint = sandbox.run(["lint", hostile])
        #expect(lint.exitCode == 1)
        #expect(!ANSI.hasEscapes(lint.stdout + lint.stderr), "\(lint.stdout)")
        #expect(lint.stdout.contains("\(shown)/inner\\x1B[2J.md: error: the file name holds control characters"))
        #expect(lint.stdout.contains("\(shown)/inner\\x1B[2J.md:2:1: error: unknown field 'Orign'"))

        let refused = sandbox.run(["sync", "--db", sandbox.db, hostile])
        #expect(refused.exitCode == 1)
        #expect(!ANSI.hasEscapes(refused.stdout + refused.stderr), "\(refused.stdout)")
        #expect(refused.stdout.contains("\(shown)/inner\\x1B[2J.md:2:1: error: unknown field 'Orign'"))

        try FileManager.default.removeItem(atPath: sandbox.file("\(hostile)/inner\u{1B}[2J.md"))
        let sync = sandbox.run(["sync", "--db", sandbox.db, hostile])
        #expect(sync.stdout == "\(shown): 18 added.\n")

        let study = sandbox.run(["study", "--db", sandbox.db, "--decks", hostile, "--now", "2026-12-01T10:00:00Z"], stdin: "e\nq\n")
        #expect(study.exitCode == 0)
        #expect(!ANSI.hasEscapes(study.stdout + study.stderr))
        #expect(study.stdout.contains("Source: "))

        let folder = sandbox.run(["check", "--db", sandbox.file(hostile)])
        #expect(folder.exitCode == 66)
        #expect(folder.stderr == "muscle: error: '\(sandbox.file(shown))' is a folder, not a database file; give --db the path of a file.\n")

        let value = sandbox.run(["report", "--db", sandbox.db, "--aspect", "\u{1B}]0;x\u{07}"])
        #expect(value.exitCode == 64)
        #expect(value.stderr.hasPrefix("muscle: error: --aspect '\\x1B]0;x\\x07' is not an aspect"))
    }

    /// A carriage return inside a line returns the cursor and hides what came before it; it
    /// passed lint and printed raw in `cards --format markdown`.
    @Test func aLoneCarriageReturnIsALintError() {
        let sandbox = Sandbox()
        sandbox.write("deck/soleus.md", "# Soleus\r\nOrigin: Tibia\rharmless-looking text\r\n")
        let lint = sandbox.run(["lint", "deck"])
        #expect(lint.exitCode == 1)
        #expect(lint.stdout.contains("deck/soleus.md:2:14: error: a carriage return (U+000D) that does not end a line; delete it, or save the file with LF or CRLF line endings [control-character]\n"))
        let cards = sandbox.run(["cards", "--format", "markdown", "deck"])
        #expect(cards.exitCode == 1)
        #expect(cards.stdout.isEmpty)
        #expect(!cards.stderr.contains("\r"))
    }

    /// A deck file dated after 2262 overflowed the nanosecond timestamp of the decks' signature
    /// (a trap in `sync`, `study` and `report`).
    @Test func aFileFromTheFarFutureSyncs() throws {
        let sandbox = Sandbox()
        let file = sandbox.write("deck/soleus.md", Fixtures.soleus)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 10_413_792_000)], ofItemAtPath: file)  // 2300-01-01
        let sync = sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"], environment: ["SWIFT_BACKTRACE": "enable=no"])
        #expect(!sync.signalled)
        #expect(sync.exitCode == 0)
        #expect(sync.stdout == "deck: 9 added.\n")
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).stdout == "deck: no changes.\n")
    }
}

/// A listening Unix-domain socket at a path, closed by `close()`.
struct UnixSocket {
    let fd: Int32

    init?(path: String) {
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { raw -> Bool in
            guard bytes.count < raw.count else { return false }
            raw.copyBytes(from: bytes)
            return true
        }
        let bound = fits && withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
        guard bound else {
            closeDescriptor(fd)
            return nil
        }
        self.fd = fd
    }

    func close() { closeDescriptor(fd) }
}

/// A file name given as bytes, which need not be UTF-8 (Foundation's paths are Strings).
struct RawName {
    let path: RawPath

    init(_ bytes: [UInt8]) { path = RawPath(bytes: bytes) }

    var cString: [CChar] { path.cString }

    func write(_ contents: [UInt8]) {
        let fd = open(cString, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        writeAll(fd, contents)
        closeDescriptor(fd)
    }

}

/// `close(2)` and `write(2)`, named apart from the methods above.
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
