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
        // Repetitive text with a counter in it: compressible, with matches across slice ends.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 64)
        var line = 0
        while bytes.count < size {
            bytes += Array("row \(line) of the collection, usn -1, ease \(line % 4 + 1)\n".utf8)
            line += 1
        }
        bytes.removeSubrange(size...)
        let source = folder.write("collection.anki2", bytes: bytes)
        let zip = folder.file("package.apkg")
        try AnkiZip.write([AnkiZip.Entry(name: "collection.anki2", file: source, deflate: true),
                           AnkiZip.Entry(name: "media", file: nil, bytes: Array("{}".utf8), deflate: false)],
                          to: zip, modified: Date(timeIntervalSince1970: 1_764_547_200))
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
        var unzipped = Data()
        // ZIPFoundation checks each entry's CRC-32 against its header as it extracts.
        _ = try archive.extract(try #require(archive["collection.anki2"])) { unzipped.append($0) }
        #expect(unzipped == Data(bytes))
        var media = Data()
        _ = try archive.extract(try #require(archive["media"])) { media.append($0) }
        #expect(String(decoding: media, as: UTF8.self) == "{}")
    }
}
