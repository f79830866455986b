/// A path as the bytes the kernel knows it by. A file name need not be UTF-8, and one that is not
/// cannot round-trip through `String` (its bad bytes become U+FFFD, and opening the result finds
/// "No such file or directory"), so folders are walked and files opened by these bytes, and the
/// name is turned into text only to be shown.
public struct RawPath: Hashable, Sendable {
    /// The path's bytes, without a terminating NUL.
    public var bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `self/name`.
    public func appending(_ name: [UInt8]) -> RawPath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        joined += name
        return RawPath(bytes: joined)
    }

    /// The path as a NUL-terminated C string, for the system calls (a NUL inside the bytes, which
    /// no path can hold, would end it early: names read from a folder never hold one).
    public var cString: [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    /// The path as text for messages: see `RawPath.display(_:)`.
    public var display: String { Self.display(bytes) }

    /// Whether a name can be shown as it is: UTF-8 with nothing `TerminalText.escape` would
    /// change (no control character, tab, line break or bidirectional control).
    public static func isPrintable(_ name: [UInt8]) -> Bool {
        guard let text = String(validating: name, as: UTF8.self) else { return false }
        return !text.unicodeScalars.contains(where: TerminalText.needsEscape)
    }

    /// The bytes as text, each byte that is not UTF-8 written `\xE9` and control characters
    /// escaped by `TerminalText.escape`, as `ls -b` does, so a hostile name is shown for what it
    /// is and can never reach a terminal as a control sequence.
    public static func display(_ name: [UInt8]) -> String {
        var out = ""
        var index = 0
        var start = 0
        while index < name.count {
            let length = UTF8Validation.sequenceLength(name, at: index)
            if length > 0 {
                index += length
                continue
            }
            out += TerminalText.escape(String(decoding: name[start..<index], as: UTF8.self))
            out += TerminalText.hexEscape(UInt32(name[index]))
            index += 1
            start = index
        }
        return out + TerminalText.escape(String(decoding: name[start...], as: UTF8.self))
    }
}
