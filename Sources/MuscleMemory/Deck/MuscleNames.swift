import Foundation

/// The names a muscle goes by, and where deck text says one of them: what the `gives-away` rule
/// looks for in a question whose answer is the muscle. Matching is by word stems ("scalenes" meets
/// "scalene", "gemelli" "gemellus", "fasciae" "fascia"), and a name's distinctive core counts
/// alone ("the psoas", "the trapezius") unless the text qualifies it differently: "the lower
/// trapezius" is a sibling of the upper trapezius, not the muscle itself.
struct MuscleNames {
    struct Name {
        enum Kind { case own, synonym, member, head }
        var kind: Kind
        var text: String
        var words: [String]
        var declaredAt: SourceLocation
        /// The words without the qualifiers at its edges ("trapezius" of "upper trapezius"); nil
        /// when only the whole name may match.
        var core: Range<Int>?
    }

    struct Word {
        var stem: String
        /// Character offset in the text it came from.
        var offset: Int
    }

    var names: [Name] = []

    init(_ muscle: Muscle) {
        let (main, asides) = Self.split(muscle.name)
        let mainWords = Self.words(main).map(\.stem)
        add(.own, main, at: muscle.location)
        for (word, synonym) in Self.wordSynonyms {
            if let index = mainWords.firstIndex(of: word) {
                var words = mainWords
                words[index] = synonym
                add(.synonym, words.joined(separator: " "), at: muscle.location)
            }
        }
        for aside in asides {
            let items = aside.replacingOccurrences(of: " and ", with: ",").split(separator: ",").map { String($0).trimmed }
            if items.count == 1, Self.words(aside).count == 1, mainWords.count > 1 {
                // "Fibularis (peroneus) longus": the aside renames the word before it.
                var words = mainWords
                words[0] = Self.words(aside)[0].stem
                add(.synonym, words.joined(separator: " "), at: muscle.location)
            } else {
                for item in items { add(.member, item, at: muscle.location) }
            }
        }
        for head in muscle.heads {
            let stems = Self.words(head.name).map(\.stem)
            let isPart = stems.contains { Self.partWords.contains($0) }
            add(isPart ? .head : .member, head.name, at: head.location)
            if !isPart { add(.head, head.name, at: head.location) }
        }
    }

    private mutating func add(_ kind: Name.Kind, _ text: String, at location: SourceLocation) {
        let words = Self.words(text).map(\.stem)
        guard !words.isEmpty, !words.allSatisfy({ Self.qualifiers.contains($0) || Self.edgeWords.contains($0) }) else { return }
        var start = 0, end = words.count
        while start < end, Self.qualifiers.contains(words[start]) || Self.edgeWords.contains(words[start]) { start += 1 }
        while end > start, Self.qualifiers.contains(words[end - 1]) || Self.edgeWords.contains(words[end - 1]) { end -= 1 }
        let coreWords = Array(words[start..<end])
        let usable = !(coreWords.count == 1 && Self.actionNouns.contains(coreWords[0]))
            && !coreWords.allSatisfy { Self.descriptors.contains($0) }
        names.append(Name(kind: kind, text: text.trimmed, words: words, declaredAt: location, core: usable ? start..<end : nil))
    }

    /// The first name of these kinds that `text` says, and the offset of the word where it starts.
    func find(in text: String, kinds: Set<Name.Kind>, excluding ownWords: Bool = false) -> (Name, Int)? {
        let tokens = Self.words(text)
        let stems = tokens.map(\.stem)
        for name in names where kinds.contains(name.kind) {
            if let index = Self.match(name, in: stems) { return (name, tokens[index].offset) }
        }
        return nil
    }

    static func match(_ name: Name, in stems: [String]) -> Int? {
        let part = name.core.map { Array(name.words[$0]) } ?? name.words
        guard !part.isEmpty, part.count <= stems.count else { return nil }
        let leading = name.core.map { Array(name.words[..<$0.lowerBound]).filter(qualifiers.contains) } ?? []
        let trailing = name.core.map { Array(name.words[$0.upperBound...]).filter(qualifiers.contains) } ?? []
        for start in 0...(stems.count - part.count) where Array(stems[start..<(start + part.count)]) == part {
            var before: [String] = []
            var index = start - 1
            while index >= 0, qualifiers.contains(stems[index]) { before.insert(stems[index], at: 0); index -= 1 }
            var after: [String] = []
            index = start + part.count
            while index < stems.count, qualifiers.contains(stems[index]) { after.append(stems[index]); index += 1 }
            let leadingFits = before.isEmpty || leading.isEmpty || before.reversed().starts(with: leading.reversed()) || leading.reversed().starts(with: before.reversed())
            let trailingFits = after.isEmpty || trailing.isEmpty || after.starts(with: trailing) || trailing.starts(with: after)
            if leadingFits && trailingFits { return start }
        }
        return nil
    }

    /// Whether a question asks for a muscle: "Which muscle …", "which jaw muscle …", "Which is
    /// the strongest muscle …", "What are the four rotator cuff muscles?".
    static func asksWhichMuscle(_ text: String) -> Bool {
        // Most questions hold no "wh" at all (a stem begins as its word does): plain ASCII text
        // without one is answered before any word is stemmed.
        if !mayHoldWh(text) { return false }
        // Every card's question comes here, and stemming each word as a String was most of a
        // large deck's card generation: ASCII text is stemmed as bytes, with the same rules, and
        // only the words the rule looks at.
        if let normalized = TermText.asciiNormalized(text) {
            let words = Array(normalized.utf8).split(separator: UInt8(ascii: " "))
            return asksWhichMuscle(words.count, mayBeWh: { words[$0].first == UInt8(ascii: "w") }, stem: { asciiStem(Array(words[$0])) })
        }
        let stems = words(text).map { Array($0.stem.utf8) }
        return asksWhichMuscle(stems.count, mayBeWh: { _ in true }, stem: { stems[$0] })
    }

    /// The rule over a text's `count` words, the stem of word `i` being `stem(i)`: "which" or
    /// "what", then "muscle" within three words, or "is/are the" and "muscle" within six more.
    /// `mayBeWh(i)` is false for a word whose stem cannot be "which" or "what".
    private static func asksWhichMuscle(_ count: Int, mayBeWh: (Int) -> Bool, stem: (Int) -> [UInt8]) -> Bool {
        for index in 0..<count where mayBeWh(index) {
            let word = stem(index)
            guard word == Stem.which || word == Stem.what else { continue }
            let rest = (index + 1)..<count
            if rest.prefix(3).contains(where: { stem($0) == Stem.muscle }) { return true }
            if rest.count > 2, [Stem.is, Stem.are].contains(stem(rest.lowerBound)), stem(rest.lowerBound + 1) == Stem.the,
               rest.dropFirst(2).prefix(6).contains(where: { stem($0) == Stem.muscle }) { return true }
        }
        return false
    }

    /// False only for ASCII text without "wh" in any case (other text may lower-case to it).
    private static func mayHoldWh(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return true }
            if byte | 0x20 == UInt8(ascii: "h") && previous | 0x20 == UInt8(ascii: "w") { return true }
            previous = byte
        }
        return false
    }

    /// The stems `asksWhichMuscle` looks for, as bytes.
    private enum Stem {
        static let which = Array("which".utf8), what = Array("what".utf8), muscle = Array("muscle".utf8)
        static let `is` = Array("is".utf8), are = Array("are".utf8), the = Array("the".utf8)
    }

    /// `words(text).map(\.stem)` as bytes, for an ASCII text (nil otherwise): its words are
    /// `TermText`'s, which splits on the same letters and digits.
    static func asciiStems(_ text: String) -> [[UInt8]]? {
        TermText.asciiNormalized(text).map { normalized in
            normalized.utf8.split(separator: UInt8(ascii: " ")).map { asciiStem(Array($0)) }
        }
    }

    /// `stem` of a lower-case ASCII word.
    private static func asciiStem(_ w: [UInt8]) -> [UInt8] {
        func ends(_ suffix: String) -> Bool { w.count >= suffix.utf8.count && w.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        if w.count > 4, ends("ae") { return Array(w.dropLast()) }
        if w.count > 4, ends("i"), !ends("ii") { return Array(w.dropLast()) + Array("us".utf8) }
        if w.count > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") { return Array(w.dropLast()) }
        return w
    }

    /// The words of a text, lower case, accents folded, stemmed, each with its character offset.
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if character.isLetter || character.isNumber {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                result.append(Word(stem: stem(current), offset: start))
                current = ""
            }
        }
        if !current.isEmpty { result.append(Word(stem: stem(current), offset: start)) }
        return result
    }

    static func stem(_ word: String) -> String {
        var w = word.lowercased()
        if !w.allSatisfy(\.isASCII) { w = w.folding(options: .diacriticInsensitive, locale: nil) }
        if w.count > 4, w.hasSuffix("ae") { return String(w.dropLast()) }
        if w.count > 4, w.hasSuffix("i"), !w.hasSuffix("ii") { return String(w.dropLast()) + "us" }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { return String(w.dropLast()) }
        return w
    }

    /// "Iliopsoas (psoas major and iliacus)" -> ("Iliopsoas", ["psoas major and iliacus"]).
    static func split(_ name: String) -> (String, [String]) {
        var main = "", aside = "", asides: [String] = []
        var depth = 0
        for character in name {
            if character == "(" { depth += 1; if depth == 1 { main.append(" ") }; continue }
            if character == ")" { depth = max(0, depth - 1); if depth == 0 { asides.append(aside); aside = "" }; continue }
            if depth == 0 { main.append(character) } else { aside.append(character) }
        }
        return (main.split(separator: " ").joined(separator: " "), asides.map(\.trimmed).filter { !$0.isEmpty })
    }

    /// Words that tell siblings apart ("gluteus medius" from "gluteus minimus"), never a name alone.
    static let qualifiers: Set<String> = Set(["anterior", "posterior", "superior", "inferior", "lateral", "medial", "lateralis",
        "medialis", "intermedius", "middle", "upper", "lower", "major", "minor", "longus", "brevis", "magnus", "maximus",
        "medius", "minimus", "tertius", "deep", "superficial", "internal", "external", "superficialis", "profundus",
        "long", "short", "dorsal", "palmar", "plantar"].map(stem))
    static let edgeWords: Set<String> = Set(["the", "of", "and", "muscle", "muscles", "group", "hand", "foot"].map(stem))
    /// Words a head name holds when it is a part of one muscle, not a muscle of a group.
    static let partWords: Set<String> = Set(["head", "part", "belly", "fibres", "fibers", "portion", "layer", "division", "slip"].map(stem))
    /// Nouns of function that many muscles share: "the other adductors" does not name the adductor brevis.
    static let actionNouns: Set<String> = Set(["rotator", "flexor", "extensor", "adductor", "abductor", "pronator", "supinator",
        "levator", "depressor", "tensor", "elevator"].map(stem))
    /// Latin genitives that describe where a muscle is and are shared by many: "capitis" alone does not name the longus capitis.
    static let descriptors: Set<String> = Set(["capitis", "colli", "cervicis", "digitorum", "pollicis", "hallucis", "femoris", "brachii",
        "abdominis", "lumborum", "carpi", "radialis", "ulnaris", "digiti", "scapulae", "oris", "oculi", "thoracis", "dorsi", "fasciae", "latae",
        "spinae"].map(stem))
    /// Names that mean the same muscle: fibularis = peroneus.
    static let wordSynonyms: [(String, String)] = [("fibularis", "peroneus"), ("peroneus", "fibularis"), ("sternocleidomastoid", "scm"),
        ("gastrocnemius", "gastroc")]
}
