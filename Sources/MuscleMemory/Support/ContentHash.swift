/// FNV-1a, 64 bits: a fast, dependency-free fingerprint used to notice that a deck file or a card
/// changed. It is not a security boundary (nobody gains anything by forging a deck hash), so a
/// cryptographic hash would cost start-up time for nothing.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add($0) }
        add([0xFF])  // a separator byte that never occurs in UTF-8, so ("ab","c") != ("a","bc")
    }

    public var value: UInt64 { state }

    /// 16 lower-case hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of(_ parts: String...) -> ContentHash {
        var hash = ContentHash()
        for part in parts { hash.add(part) }
        return hash
    }
}
