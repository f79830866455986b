import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import MuscleMemory

/// The zip of a package, read back by ZIPFoundation (as `muscle import` and the tests read
/// packages): a file of several slices, deflated on every core, comes back byte for byte.
@Suite struct AnkiZipTests {
    @Test(arguments: [0, 1, AnkiZip.sliceBytes, 2 * AnkiZip.sliceBytes + 12_345])
    func aDeflatedFileOfAnySliceCountUnzipsToItsBytes(size: Int) throws {
        let folder = TemporaryDirectory("anki-zip")
        let bytes = Self.collectionText(size)
        let source = folder.write("collection.anki2", bytes: bytes)
        #expect(try Self.zipAndUnzip(source, in: folder) == Data(bytes))
    }

    /// Slices deflated while the file was still being written (`EarlySlices`, as the export does
    /// while SQLite builds the indexes): the file then grows, and in the second case bytes of two
    /// early slices change, one in the window the next was primed with. The zip holds the final bytes.
    @Test(arguments: [false, true])
    func slicesDeflatedEarlyAreUsedOnlyWhileTheFileStillHoldsTheirBytes(changed: Bool) throws {
        let folder = TemporaryDirectory("anki-zip-early")
        var bytes = Self.collectionText(4 * AnkiZip.sliceBytes + 777)
        let source = folder.write("collection.anki2", bytes: bytes)
        let early = AnkiZip.EarlySlices(file: source)
        early.waitUntilMade()
        // The first slice is never made early (SQLite rewrites the file's first page).
        bytes[10] = UInt8(ascii: "#")
        if changed {
            bytes[AnkiZip.sliceBytes + 5] = UInt8(ascii: "#")  // inside slice 1
            bytes[3 * AnkiZip.sliceBytes - 100] = UInt8(ascii: "#")  // inside slice 2, the window slice 3 was primed with
        }
        bytes += Self.collectionText(AnkiZip.sliceBytes / 2)  // pages appended, as an index's are
        let final = folder.write("collection.anki2", bytes: bytes)
        #expect(try Self.zipAndUnzip(final, in: folder, early: early) == Data(bytes))
        #expect(early.finish().keys.sorted() == [1, 2, 3])
    }

    /// Repetitive text with a counter in it: compressible, with matches across slice ends.
    static func collectionText(_ size: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 64)
        var line = 0
        while bytes.count < size {
            bytes += Array("row \(line) of the collection, usn -1, ease \(line % 4 + 1)\n".utf8)
            line += 1
        }
        bytes.removeSubrange(size...)
        return bytes
    }

    /// The package of `source` and a media map, read back: the collection's bytes.
    static func zipAndUnzip(_ source: String, in folder: TemporaryDirectory, early: AnkiZip.EarlySlices? = nil) throws -> Data {
        let zip = folder.file("package.apkg")
        unlink(zip)
        try AnkiZip.write([AnkiZip.Entry(name: "collection.anki2", file: source, deflate: true, early: early),
                           AnkiZip.Entry(name: "media", file: nil, bytes: Array("{}".utf8), deflate: false)],
                          to: zip, modified: Date(timeIntervalSince1970: 1_764_547_200))
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
        var unzipped = Data()
        // ZIPFoundation checks each entry's CRC-32 against its header as it extracts.
        _ = try archive.extract(try #require(archive["collection.anki2"])) { unzipped.append($0) }
        var media = Data()
        _ = try archive.extract(try #require(archive["media"])) { media.append($0) }
        #expect(String(decoding: media, as: UTF8.self) == "{}")
        return unzipped
    }
}
