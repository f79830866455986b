import Foundation

/// Typed answers as they are compared: what a student may type differently without being wrong.
/// Case, accents, hyphens and punctuation never matter, nor a leading article or a trailing
/// "muscle" ("the Soleus muscle" is "soleus"), nor an aside in parentheses.
enum TypedText {
    /// Longer input is cut here before anything else: comparing costs the product of the lengths,
    /// so a pasted page must not make a card hang.
    static let maxLength = 200

    /// What was typed, kept for the record and the screen: control characters and surrounding
    /// spaces removed, at most `maxLength` Unicode scalars.
    static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.lazy.filter { !TerminalText.isUnsafe($0) && $0.properties.generalCategory != .control }.prefix(maxLength * 4)
        let trimmed = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        // Counted in Unicode scalars, as SQLite's length() counts the stored text.
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix(maxLength)))
    }

    /// Lower case letters and digits, accents removed, one space between words; parentheses,
    /// leading articles and a trailing "muscle(s)" dropped; apostrophes join ("Gerdy's" is "gerdys").
    static func normalize(_ text: String) -> String {
        var words = words(of: TermText.withoutParentheses(String(text.prefix(maxLength))))
        while let first = words.first, ["the", "a", "an"].contains(first) { words.removeFirst() }
        while let last = words.last, words.count > 1, ["muscle", "muscles", "m"].contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }

    static func words(of text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A list as typed: items separated by commas, semicolons, slashes, `&`, `+`, "and" or "or",
    /// each normalized; empty items dropped.
    static func items(_ text: String) -> [String] {
        let separators: Set<Character> = [",", ";", "/", "&", "+", "\n"]
        let parts = TermText.withoutParentheses(String(text.prefix(maxLength))).split(whereSeparator: { separators.contains($0) })
        return parts.flatMap { part -> [String] in
            let words = normalize(String(part)).split(separator: " ").map(String.init)
            return words.split(whereSeparator: { $0 == "and" || $0 == "or" }).map { $0.joined(separator: " ") }
        }.map(normalize).filter { !$0.isEmpty }
    }
}

/// Spinal root levels (C1 to C8, T1 to T12, L1 to L5, S1 to S5, Co1), read from text as a deck
/// writes them and as a student types them: "L5, S1", "l5 s1", "L4 to S1", "L4-S1", "S 1".
enum RootLevels {
    static let all: [String] = (1...8).map { "C\($0)" } + (1...12).map { "T\($0)" } + (1...5).map { "L\($0)" } + (1...5).map { "S\($0)" } + ["Co1"]

    private static func root(_ word: String) -> String? {
        let upper = word.uppercased()
        if upper == "CO1" { return "Co1" }
        guard let letter = upper.first, "CTLS".contains(letter), upper.count <= 3, Int(upper.dropFirst()) != nil else { return nil }
        let name = String(letter) + String(Int(upper.dropFirst()) ?? 0)
        return all.contains(name) ? name : nil
    }

    /// The text's words (hyphens and dashes kept as words of their own, for ranges), with a
    /// level written apart ("S 1") joined.
    private static func tokens(_ text: String) -> [String] {
        var spaced = ""
        for character in text.prefix(TypedText.maxLength) {
            if "-–—".contains(character) { spaced += " - " } else { spaced.append(character) }
        }
        var words: [String] = []
        for word in spaced.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init) {
            if let last = words.last, last.count == 1, "cCtTlLsS".contains(last), Int(word) != nil {
                words[words.count - 1] = last + word
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// The levels the text names, ranges expanded ("L5 to S2" is L5, S1, S2), in spinal order,
    /// and the text with them (and the words of their ranges) taken out.
    static func extract(_ text: String) -> (levels: [String], rest: String) {
        let words = tokens(text)
        var found = Set<String>()
        var rest: [String] = []
        var index = 0
        while index < words.count {
            guard let first = root(words[index]) else {
                if words[index] != "-" { rest.append(words[index]) }
                index += 1
                continue
            }
            found.insert(first)
            if index + 2 < words.count, ["to", "-", "through", "thru"].contains(words[index + 1].lowercased()), let last = root(words[index + 2]),
               let from = all.firstIndex(of: first), let to = all.firstIndex(of: last), from <= to {
                for level in all[from...to] { found.insert(level) }
                index += 3
            } else {
                index += 1
            }
        }
        return (all.filter(found.contains), rest.joined(separator: " "))
    }
}
