/// Decoding that says where the bytes stop being UTF-8, so `muscle lint` can point at the line and
/// column of the first bad byte instead of rejecting a whole file without a clue.
enum UTF8Validation {
    struct InvalidByte: Error { var offset: Int }

    /// The text, or the byte offset of the first invalid sequence.
    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] < 0x80 { index += 1; continue }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return .failure(InvalidByte(offset: index)) }
            index += length
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The length of the well-formed UTF-8 sequence that starts at `index`, or 0 when the bytes
    /// there are not one (a stray continuation byte, an overlong form, a surrogate, a cut-off end).
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for k in 1..<length {
            let byte = bytes[index + k]
            let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lo && byte <= hi else { return 0 }
        }
        return length
    }

    /// 1-based line and column (in characters) of a byte offset within otherwise valid text.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let prefix = bytes[..<offset]
        let line = prefix.lazy.filter { $0 == 0x0A }.count + 1
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
