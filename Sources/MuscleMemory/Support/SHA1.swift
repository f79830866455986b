/// SHA-1 (FIPS 180-4), for the one place a file format asks for it: an Anki note's `csum` is the
/// first four bytes of the SHA-1 of its first field. Foundation on Linux has no digest and
/// swift-crypto would build BoringSSL for four bytes per note, so it is written out here; it is no
/// security boundary. Checked against the standard's "abc" vector and Anki's own `csum` of "test".
///
/// An export hashes two short texts per card (200,000 at 100,000 cards), so the message is read
/// in place and the schedule lives on the stack: no copy of the message, no array per block.
public enum SHA1 {
    public static func digest(_ message: some Collection<UInt8>) -> [UInt8] {
        let h = message.withContiguousStorageIfAvailable(words) ?? Array(message).withUnsafeBufferPointer(words)
        var out = [UInt8](repeating: 0, count: 20)
        for (index, word) in [h.0, h.1, h.2, h.3, h.4].enumerated() {
            for byte in 0..<4 { out[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * byte)) }
        }
        return out
    }

    /// The digest's first word (its first four bytes, big-endian): all Anki's `csum` needs.
    static func firstWord(_ message: UnsafeBufferPointer<UInt8>) -> UInt32 { words(message).0 }

    /// The five words of the digest of `message`.
    static func words(_ message: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt32, UInt32, UInt32, UInt32) {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let count = message.count
        // The padded message: the bytes, 0x80, zeros, and the length in bits in the last 8 bytes.
        let blocks = (count + 8) / 64 + 1
        let bitLength = UInt64(count) &* 8
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for block in 0..<blocks {
                for i in 0..<16 {
                    var word: UInt32 = 0
                    for k in 0..<4 {
                        let position = block * 64 + i * 4 + k
                        let byte: UInt8
                        if position < count {
                            byte = message[position]
                        } else if position == count {
                            byte = 0x80
                        } else if position >= blocks * 64 - 8 {
                            byte = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * (blocks * 64 - 1 - position)))
                        } else {
                            byte = 0
                        }
                        word = word << 8 | UInt32(byte)
                    }
                    w[i] = word
                }
                for i in 16..<80 { w[i] = rotate(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
                var (a, b, c, d, e) = h
                for i in 0..<80 {
                    let (f, k): (UInt32, UInt32)
                    switch i {
                    case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                    case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                    case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                    default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                    }
                    let t = rotate(a, 5) &+ f &+ e &+ k &+ w[i]
                    (e, d, c, b, a) = (d, c, rotate(b, 30), a, t)
                }
                h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
            }
        }
        return h
    }

    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
}
