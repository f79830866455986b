import Foundation
#if canImport(zlib)
import zlib
#elseif canImport(CZlib)
import CZlib
#endif

/// The zip of an `.apkg`, written with zlib directly and streamed from the collection file.
///
/// ZIPFoundation (which reads packages) deflates only at zlib's default level 6: 2.7 s of CPU for
/// the 140 MB collection of 100,000 cards (3.2 s when it was 173 MB), most of the whole export's
/// budget. Level 1 takes 0.8 s for a package a twelfth larger (39.3 vs 36.4 MB). The
/// layout is the plain one every unzip reads: a local header before each entry (its sizes and
/// CRC written back once known), a central directory, no zip64 (a larger package is refused).
/// A file entry is deflated in slices on every core (`writeDeflated`, AnkiZipSlices.swift), the
/// collection's partly while SQLite is still finishing it (`EarlySlices`, AnkiZipEarly.swift):
/// still one ordinary deflate stream, which the real Anki, ZIPFoundation and unzip read as before.
enum AnkiZip {
    enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        case zlib(Int32)
        case tooLarge(String)

        var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .zlib(let code): "zlib failed (\(code))"
            case .tooLarge(let name): "\(name) is larger than a zip without zip64 holds (4 GiB)"
            }
        }
    }

    struct Entry {
        var name: String
        /// The file whose bytes the entry holds, or the bytes themselves.
        var file: String?
        var bytes: [UInt8] = []
        var deflate: Bool
        /// Slices of `file` already deflated while it was being finished (see `EarlySlices`).
        var early: EarlySlices? = nil
    }

    /// zlib's level: 1 is its fastest deflate (see the type's comment).
    static let level: Int32 = 1

    /// Writes the zip of `entries` as a new file at `path`; `modified` is the entries' date (UTC).
    static func write(_ entries: [Entry], to path: String, modified: Date) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.system("open", errno) }
        defer { close(fd) }
        let (time, date) = dosTime(modified)
        var offset: UInt64 = 0
        var central = Bytes()
        for entry in entries {
            let name = Array(entry.name.utf8)
            let start = offset
            var header = localHeader(name: name, method: entry.deflate ? 8 : 0, time: time, date: date, crc: 0, compressed: 0, size: 0)
            try writeAll(fd, header)
            offset += UInt64(header.count)
            let (crc, size, compressed) = try writeData(of: entry, to: fd)
            offset += compressed
            guard size <= UInt64(UInt32.max), compressed <= UInt64(UInt32.max), offset <= UInt64(UInt32.max) else {
                throw Failure.tooLarge(entry.name)
            }
            header = localHeader(name: name, method: entry.deflate ? 8 : 0, time: time, date: date, crc: crc,
                                 compressed: UInt32(compressed), size: UInt32(size))
            guard pwrite(fd, header, header.count, off_t(start)) == header.count else { throw Failure.system("pwrite", errno) }
            central.u32(0x0201_4B50)
            for field: UInt16 in [0x031E, 20, 0, entry.deflate ? 8 : 0, time, date] { central.u16(field) }
            for field in [crc, UInt32(compressed), UInt32(size)] { central.u32(field) }
            for field: UInt16 in [UInt16(name.count), 0, 0, 0, 0] { central.u16(field) }
            central.u32(0o100644 << 16)
            central.u32(UInt32(start))
            central.bytes += name
        }
        guard offset + UInt64(central.bytes.count) <= UInt64(UInt32.max) else { throw Failure.tooLarge(path) }
        var end = Bytes()
        end.u32(0x0605_4B50)
        for field: UInt16 in [0, 0, UInt16(entries.count), UInt16(entries.count)] { end.u16(field) }
        end.u32(UInt32(central.bytes.count))
        end.u32(UInt32(offset))
        end.u16(0)
        try writeAll(fd, central.bytes + end.bytes)
    }

    /// Streams the entry's bytes (deflated or stored) to `fd`: its CRC-32, size and written size.
    private static func writeData(of entry: Entry, to fd: Int32) throws -> (crc: UInt32, size: UInt64, written: UInt64) {
        let input: Int32
        if let file = entry.file {
            input = open(file, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { throw Failure.system("open", errno) }
        } else {
            input = -1
        }
        defer { if input >= 0 { close(input) } }
        if entry.deflate && input >= 0 { return try writeDeflated(file: input, to: fd, early: entry.early?.finish() ?? [:]) }
        var stream = z_stream()
        if entry.deflate {
            let code = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard code == Z_OK else { throw Failure.zlib(code) }
        }
        defer { if entry.deflate { deflateEnd(&stream) } }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var output = [UInt8](repeating: 0, count: chunk)
        var crc = crc32(0, nil, 0)
        var size: UInt64 = 0
        var written: UInt64 = 0
        var remaining = entry.bytes[...]
        while true {
            var count: Int
            if input >= 0 {
                count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, chunk) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure.system("read", errno)
                }
            } else {
                count = min(chunk, remaining.count)
                buffer.replaceSubrange(0..<count, with: remaining.prefix(count))
                remaining = remaining.dropFirst(count)
            }
            size += UInt64(count)
            crc = buffer.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt(count)) }
            let last = count == 0
            if !entry.deflate {
                try writeAll(fd, buffer[0..<count])
                written += UInt64(count)
            } else {
                try buffer.withUnsafeMutableBufferPointer { source in
                    stream.next_in = source.baseAddress
                    stream.avail_in = uInt(count)
                    repeat {
                        let produced = try output.withUnsafeMutableBufferPointer { out in
                            stream.next_out = out.baseAddress
                            stream.avail_out = uInt(chunk)
                            let code = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH)
                            guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else { throw Failure.zlib(code) }
                            return chunk - Int(stream.avail_out)
                        }
                        try writeAll(fd, output[0..<produced])
                        written += UInt64(produced)
                    } while stream.avail_out == 0
                }
            }
            if last { break }
        }
        return (UInt32(truncatingIfNeeded: crc), size, written)
    }

    static func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>) throws {
        let array = Array(bytes)
        var done = 0
        while done < array.count {
            let count = array.withUnsafeBytes { posixWrite(fd, $0.baseAddress.map { $0 + done }, array.count - done) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.system("write", errno)
            }
            done += count
        }
    }

    private static func localHeader(name: [UInt8], method: UInt16, time: UInt16, date: UInt16, crc: UInt32, compressed: UInt32, size: UInt32) -> [UInt8] {
        var header = Bytes()
        header.u32(0x0403_4B50)
        for field: UInt16 in [20, 0, method, time, date] { header.u16(field) }
        for field in [crc, compressed, size] { header.u32(field) }
        header.u16(UInt16(name.count))
        header.u16(0)
        return header.bytes + name
    }

    /// Little-endian fields, as zip writes them.
    private struct Bytes {
        var bytes: [UInt8] = []
        mutating func u16(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        mutating func u32(_ value: UInt32) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(value >> UInt32(shift) & 0xFF)) } }
    }

    /// MS-DOS time and date (2-second steps, years from 1980), in UTC.
    private static func dosTime(_ date: Date) -> (UInt16, UInt16) {
        var seconds = time_t(min(max(date.timeIntervalSince1970, 315_532_800), 4_102_444_800))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let year = UInt16(clamping: max(Int(parts.tm_year) - 80, 0))
        return (UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2),
                min(year, 127) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday))
    }

}

/// `write(2)` (inside `AnkiZip` the name is its own function's).
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
