/// Commands offered for pasting ("muscle study --region 'lower leg and foot'") are quoted for a
/// POSIX shell, because their words come from deck text: inside double quotes `$(…)` and
/// backquotes still run, so a region named `$(touch x)` would run `touch` when pasted. Single
/// quotes take every character literally; a single quote itself is written `'\''`.
public enum ShellQuote {
    /// The word as it is when it holds only characters no POSIX shell treats specially (letters,
    /// digits and `-_./:@%+=,`), otherwise in single quotes.
    public static func word(_ text: String) -> String {
        if !text.isEmpty, text.utf8.allSatisfy(isPlain) { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// The words quoted and joined with spaces.
    public static func command(_ words: [String]) -> String {
        words.map(word).joined(separator: " ")
    }

    /// `--region VALUE`, or `--region=VALUE` when the value starts with `-` (which the option
    /// parser would otherwise take for an option, quoted or not).
    public static func option(_ name: String, _ value: String) -> [String] {
        value.hasPrefix("-") ? [name + "=" + value] : [name, value]
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"),
             UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ","): true
        default: false
        }
    }
}
