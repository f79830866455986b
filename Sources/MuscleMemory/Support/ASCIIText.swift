import Foundation

/// Text for an ASCII-only terminal (`muscle study --no-unicode`): the typographic characters the
/// screens and decks use become their ASCII look-alikes, accents are dropped (é → e), and anything
/// else outside ASCII becomes "?", so no byte above 0x7F reaches a terminal that cannot draw it.
public enum ASCIIText {
    /// One look-alike per character; layout characters map to one column so lines keep their width.
    static let lookAlikes: [Character: String] = [
        "“": "\"", "”": "\"", "„": "\"", "«": "\"", "»": "\"", "‘": "'", "’": "'", "‚": "'",
        "–": "-", "—": "-", "−": "-", "‐": "-", "·": "-", "•": "*", "─": "-", "━": "=", "…": "...",
        "→": "->", "←": "<-", "×": "x", "≥": ">=", "≤": "<=", "°": " deg", "\u{00A0}": " ", "±": "+/-",
        "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "µ": "u",
    ]

    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                out.append(character)
            } else if let look = lookAlikes[character] {
                out += look
            } else {
                // A letter with accents: its base letter, if that is ASCII.
                let base = character.unicodeScalars.first.map { String($0).decomposedBase } ?? ""
                out += base.isEmpty ? "?" : base
            }
        }
        return out
    }
}

private extension String {
    /// The base letter of the canonical decomposition ("é" → "e"), or "" when it is not ASCII.
    var decomposedBase: String {
        guard let first = decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII, first.value >= 0x20 else { return "" }
        return String(Character(first))
    }
}
