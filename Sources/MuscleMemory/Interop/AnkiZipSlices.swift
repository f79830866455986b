import Foundation
#if canImport(zlib)
import zlib
#elseif canImport(CZlib)
import CZlib
#endif

/// A file's deflate stream made in slices on every core, as pigz makes its own: each slice is
/// deflated on its own, primed with the 32 KiB before it (so matches reach back across slices as
/// one stream's would), and ends with a sync flush (an empty stored block, byte-aligned), except
/// the last, which ends the stream. The slices laid end to end are one ordinary deflate stream;
/// their CRC-32s are combined. Deflating the collection of 100,000 cards (then 173 MB, now 140 MB)
/// on one core was a third of the export's time.
extension AnkiZip {
    /// Bytes per slice: large enough that priming and flushing cost nothing measurable, small
    /// enough that the slices in flight (two per core) hold a few tens of MB. The slices made
    /// early (`EarlySlices`) are held until the zip is written: at 100,000 cards 24 of 34, about
    /// 26 MB deflated.
    static let sliceBytes = 4 << 20

    /// One deflated slice: its bytes, and its input's CRC-32 and length; `windowCRC` is the CRC-32
    /// of the 32 KiB before it that primed it, so a slice made early can be checked (`EarlySlices`).
    struct DeflatedSlice: Sendable {
        var bytes: [UInt8]
        var crc: UInt
        var length: Int
        var windowCRC: UInt
    }

    /// Deflates the whole file `input` (open for reading) into `fd`: its CRC-32, size and written
    /// size. `early` holds slices deflated before the file was finished, by slice index: each is
    /// used only if its input and priming window are still the file's bytes, else made again.
    static func writeDeflated(file input: Int32, to fd: Int32, early: [Int: DeflatedSlice] = [:]) throws -> (crc: UInt32, size: UInt64, written: UInt64) {
        var info = stat()
        guard fstat(input, &info) == 0 else { throw Failure.system("fstat", errno) }
        let size = Int(info.st_size)
        let slices = max(1, (size + sliceBytes - 1) / sliceBytes)
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
        var crc = crc32(0, nil, 0)
        var written: UInt64 = 0
        var first = 0
        while first < slices {
            let count = min(batch, slices - first)
            let results = Array(first..<first + count).concurrentMap { index in
                Result {
                    let offset = index * sliceBytes
                    let length = min(sliceBytes, size - offset)
                    let last = index == slices - 1
                    if let made = early[index], !last, made.length == length, try unchanged(input, made, at: offset) { return made }
                    return try deflateSlice(input, from: offset, length: length, last: last)
                }
            }
            for result in results {
                let slice = try result.get()
                try writeAll(fd, slice.bytes)
                written += UInt64(slice.bytes.count)
                crc = crc32_combine(crc, slice.crc, off_t(slice.length))
            }
            first += count
        }
        return (UInt32(truncatingIfNeeded: crc), UInt64(size), written)
    }

    /// Whether the file's bytes under `slice` (at `offset`) and its priming window are the ones it
    /// was made from: their CRC-32s are read again and compared.
    private static func unchanged(_ input: Int32, _ slice: DeflatedSlice, at offset: Int) throws -> Bool {
        let window = min(offset, 1 << 15)
        var buffer = [UInt8](repeating: 0, count: window + slice.length)
        try readAll(input, into: &buffer, at: offset - window)
        return buffer.withUnsafeBufferPointer { bytes in
            let start = crc32(0, nil, 0)
            return crc32(start, bytes.baseAddress, uInt(window)) == slice.windowCRC
                && crc32(start, bytes.baseAddress.map { $0 + window }, uInt(slice.length)) == slice.crc
        }
    }

    /// Deflates `length` bytes of `input` from `offset`, primed with the 32 KiB before them.
    static func deflateSlice(_ input: Int32, from offset: Int, length: Int, last: Bool) throws -> DeflatedSlice {
        let window = min(offset, 1 << 15)
        var buffer = [UInt8](repeating: 0, count: window + length)
        try readAll(input, into: &buffer, at: offset - window)
        var stream = z_stream()
        let code = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw Failure.zlib(code) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(length))) + 64)
        var produced = 0
        let (crc, windowCRC) = try buffer.withUnsafeMutableBufferPointer { source -> (UInt, UInt) in
            let base = source.baseAddress
            if window > 0, let base {
                let primed = deflateSetDictionary(&stream, base, uInt(window))
                guard primed == Z_OK else { throw Failure.zlib(primed) }
            }
            let slice = base.map { $0 + window }
            stream.next_in = slice
            stream.avail_in = uInt(length)
            let flush = last ? Z_FINISH : Z_SYNC_FLUSH
            while true {
                if produced == output.count { output += [UInt8](repeating: 0, count: 1 << 16) }
                let result = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress.map { $0 + produced }
                    stream.avail_out = uInt(out.count - produced)
                    let result = deflate(&stream, flush)
                    produced = out.count - Int(stream.avail_out)
                    return result
                }
                guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else { throw Failure.zlib(result) }
                // Done when the stream ended, or (a sync flush) when all input went in and the
                // output had room left over, so nothing of the flush is still pending.
                if result == Z_STREAM_END || (!last && stream.avail_in == 0 && produced < output.count) { break }
            }
            return (crc32(crc32(0, nil, 0), slice, uInt(length)), crc32(crc32(0, nil, 0), base, uInt(window)))
        }
        // A copy of the bytes made, not the buffer: it was sized for the worst case (the slice's
        // length and more), and slices made early are held until the zip is written.
        return DeflatedSlice(bytes: Array(output[0..<produced]), crc: crc, length: length, windowCRC: windowCRC)
    }

    /// Fills `buffer` from `input` at `offset` (`pread`, again after a short read or EINTR).
    private static func readAll(_ input: Int32, into buffer: inout [UInt8], at offset: Int) throws {
        var done = 0
        let total = buffer.count
        try buffer.withUnsafeMutableBytes { raw in
            while done < total {
                let count = pread(input, raw.baseAddress.map { $0 + done }, total - done, off_t(offset + done))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure.system("read", errno)
                }
                if count == 0 { throw Failure.system("read", EIO) }  // the file became shorter
                done += count
            }
        }
    }
}
