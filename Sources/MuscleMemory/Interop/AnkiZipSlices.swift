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
/// their CRC-32s are combined. Deflating the 173 MB collection of 100,000 cards was a third of the
/// export's time on one core.
extension AnkiZip {
    /// Bytes per slice: large enough that priming and flushing cost nothing measurable, small
    /// enough that the slices in flight (two per core) hold a few tens of MB.
    static let sliceBytes = 4 << 20

    /// One deflated slice: its bytes, and its input's CRC-32 and length.
    struct DeflatedSlice: Sendable {
        var bytes: [UInt8]
        var crc: UInt
        var length: Int
    }

    /// Deflates the whole file `input` (open for reading) into `fd`: its CRC-32, size and written size.
    static func writeDeflated(file input: Int32, to fd: Int32) throws -> (crc: UInt32, size: UInt64, written: UInt64) {
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
                Result { try deflateSlice(input, from: index * sliceBytes, length: min(sliceBytes, size - index * sliceBytes), last: index == slices - 1) }
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

    /// Deflates `length` bytes of `input` from `offset`, primed with the 32 KiB before them.
    private static func deflateSlice(_ input: Int32, from offset: Int, length: Int, last: Bool) throws -> DeflatedSlice {
        let window = min(offset, 1 << 15)
        var buffer = [UInt8](repeating: 0, count: window + length)
        try readAll(input, into: &buffer, at: offset - window)
        var stream = z_stream()
        let code = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw Failure.zlib(code) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(length))) + 64)
        var produced = 0
        let crc = try buffer.withUnsafeMutableBufferPointer { source -> UInt in
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
            return crc32(crc32(0, nil, 0), slice, uInt(length))
        }
        output.removeSubrange(produced...)
        return DeflatedSlice(bytes: output, crc: crc, length: length)
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
