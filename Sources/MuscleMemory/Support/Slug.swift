import Foundation

/// Turns free text into the readable, stable part of a card ID: lower case, letters and digits
/// joined by single hyphens, accents folded ("Músculo  Tibial" -> "musculo-tibial"). Case,
/// punctuation and spacing edits therefore never change a card's identity.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = asciiSlug(text) { return ascii }
        var out = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "Achilles'" -> "achilles", not "achilles-"
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The common case, plain ASCII text, without Foundation's folding or per-character strings.
    private static func asciiSlug(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                bytes.append(byte + 32)
            case UInt8(ascii: "'"):
                continue
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A slug no longer than `limit`: long texts keep their first words and gain a short hash of the
    /// whole, so two long items that share a beginning still get different IDs.
    public static func make(_ text: String, limit: Int) -> String {
        let full = make(text)
        // Its UTF-8 length bounds its length in characters, and is known without counting them.
        guard full.utf8.count > limit, full.count > limit else { return full }
        var hash = ContentHash()
        hash.add(full)
        let suffix = String(hash.hex.prefix(6))
        var prefix = String(full.prefix(limit - 7))
        if let lastHyphen = prefix.lastIndex(of: "-"), prefix.distance(from: prefix.startIndex, to: lastHyphen) > limit / 2 {
            prefix = String(prefix[..<lastHyphen])
        }
        while prefix.hasSuffix("-") { prefix.removeLast() }
        return prefix + "-" + suffix
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
