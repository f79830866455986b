import Foundation
import Testing
import TestSupport
@testable import MuscleMemory

/// The bounded reader and the escaping of names, below the deck loader.
@Suite struct FileSystemTests {
    /// `readRegularFile` does not look at the path first: the check is `fstat` on the opened
    /// descriptor, so a path swapped for a FIFO after the walk's `stat` is refused all the same
    /// (and the non-blocking open returns at once, with no writer on the other end).
    @Test func aFIFOIsRefusedOnItsOpenedDescriptorWithoutBlocking() {
        let folder = TemporaryDirectory("fs")
        #expect(mkfifo(folder.file("pipe.md"), 0o644) == 0)
        let started = ContinuousClock.now
        let result = FileSystem.readRegularFile(RawPath(folder.file("pipe.md")), limit: 1024)
        #expect(result == .failure(.notARegularFile(.fifo)))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func devicesAreRefusedAndNeverRead() {
        #expect(FileSystem.readRegularFile(RawPath("/dev/zero"), limit: 1024) == .failure(.notARegularFile(.characterDevice)))
        #expect(FileSystem.readRegularFile(RawPath("/dev/urandom"), limit: 1024) == .failure(.notARegularFile(.characterDevice)))
    }

    @Test func theLimitIsInclusive() {
        let folder = TemporaryDirectory("fs")
        folder.write("four.md", bytes: [1, 2, 3, 4])
        #expect(FileSystem.readRegularFile(RawPath(folder.file("four.md")), limit: 4) == .success([1, 2, 3, 4]))
        #expect(FileSystem.readRegularFile(RawPath(folder.file("four.md")), limit: 3) == .failure(.tooLarge(4)))
    }

    @Test func namesAreListedAndOpenedByTheirBytes() throws {
        let folder = TemporaryDirectory("fs")
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".md".utf8)
        let path = RawPath(folder.path).appending(name)
        let fd = open(path.cString, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        let names = try FileSystem.list(RawPath(folder.path)).get()
        #expect(names == [name])
        #expect(FileSystem.readRegularFile(path, limit: 10) == .success([]))
    }

    @Test func namesAndTextAreEscapedForDisplay() {
        #expect(RawPath.display(Array("soleus.md".utf8)) == "soleus.md")
        #expect(RawPath.display(Array("café.md".utf8)) == "café.md")
        #expect(RawPath.display(Array("caf".utf8) + [0xE9] + Array(".md".utf8)) == "caf\\xE9.md")
        #expect(RawPath.display([0xFF, 0xC3]) == "\\xFF\\xC3")
        #expect(RawPath.display(Array("\u{1B}]0;x\u{07}.md".utf8)) == "\\x1B]0;x\\x07.md")
        #expect(TerminalText.escape("tab\there\nand \u{202E}rtl") == "tab\\x09here\\x0Aand \\u{202E}rtl")
        #expect(TerminalText.escape("plain, with 'quotes' and é") == "plain, with 'quotes' and é")
        #expect(RawPath.isPrintable(Array("soleus (deep) #2.md".utf8)))
        #expect(!RawPath.isPrintable([0x61, 0x80]))
        #expect(!RawPath.isPrintable(Array("a\u{9B}b".utf8)))
    }
}
