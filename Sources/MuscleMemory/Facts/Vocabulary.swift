/// What the program knows about anatomy beyond the muscle files: joints and their movements,
/// nerves and their tree, bones and their landmarks, and the everyday phrases students read. It
/// is written by instructors in deck-format files under a `vocabulary/` folder (FORMAT.md), so a
/// school adds its own terms beside the bundled ones the way it adds decks.
public struct Vocabulary: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A joint (or joint complex) and the movements that happen at it.
        case joint
        /// A nerve: synonyms, root levels, its parent nerve or plexus.
        case nerve
        /// A plexus: the top of a nerve tree.
        case plexus
        /// A bone and its landmarks.
        case bone
        /// A ligament, membrane, tendon or fascia a muscle attaches to (interosseous membrane,
        /// iliotibial tract): resolved like a bone.
        case structure
        /// A job a muscle does that is not a movement at a joint (supports an arch, pumps venous
        /// blood); its phrases let such an action line be understood.
        case function
        /// General synonyms (fibularis = peroneus), used when matching every other term.
        case term
    }

    /// A movement and its opposite: `plantarflexion <-> dorsiflexion`.
    public struct Movement: Sendable, Hashable {
        public var name: String
        public var opposite: String?
        public var location: SourceLocation
    }

    /// `points the foot -> plantarflexion`: text in an action line that means these movements
    /// (of the entry's joint, or `joint movement` of another). A function's phrases have no target.
    public struct Phrase: Sendable, Hashable {
        public var text: String
        public var means: [String]
        public var location: SourceLocation
    }

    /// `greater trochanter; synonyms: the trochanter major`.
    public struct Landmark: Sendable, Hashable {
        public var name: String
        public var synonyms: [String]
        public var location: SourceLocation
    }

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var kind: Kind
        public var location: SourceLocation
        public var synonyms: [String] = []
        /// Short names this file's bone or structure goes by among the file's own terms:
        /// counted in an origin or insertion that names another bone, landmark or structure of
        /// the same vocabulary file, so the wrist's and the ankle's files may each call their own
        /// structure "flexor retinaculum".
        public var localSynonyms: [String] = []
        public var movements: [Movement] = []
        public var phrases: [Phrase] = []
        public var landmarks: [Landmark] = []
        public var roots: [String] = []
        public var parent: Located<String>?
        public var plexus: Located<String>?

        /// The name and every synonym: what text may say for this entry.
        public var terms: [String] { [name] + synonyms }
    }

    public var entries: [Entry]
    /// Deck folders (or files) whose muscles this vocabulary claims to cover completely, from the
    /// files' `Covers:` lines: lint reports their unresolved lines (`unresolved-action`, …).
    public var covers: [Located<String>]

    public init(entries: [Entry] = [], covers: [Located<String>] = []) {
        self.entries = entries
        self.covers = covers
    }

    public static func + (lhs: Vocabulary, rhs: Vocabulary) -> Vocabulary {
        Vocabulary(entries: lhs.entries + rhs.entries, covers: lhs.covers + rhs.covers)
    }

    /// Whether a muscle file (path within its deck) is in a covered folder.
    public func covers(_ relativePath: String) -> Bool {
        let path = relativePath.hasSuffix(".md") ? String(relativePath.dropLast(3)) : relativePath
        return covers.contains { path == $0.value || path.hasPrefix($0.value + "/") }
    }

    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// The entry a name or synonym means, ignoring case and punctuation.
    public func entry(named text: String, kind: Kind? = nil) -> Entry? {
        let key = TermText.normalize(text)
        return entries.first { entry in (kind == nil || entry.kind == kind) && entry.terms.contains { TermText.normalize($0) == key } }
    }

    /// A nerve, then its parent, up to the plexus: every level at which "supplied by" is true.
    public func nerveChain(_ name: String) -> [String] {
        var chain: [String] = []
        var current = entry(named: name, kind: nil)
        while let nerve = current, !chain.contains(nerve.name), chain.count < 32 {
            chain.append(nerve.name)
            if let parent = nerve.parent?.value ?? nerve.plexus?.value {
                current = entry(named: parent)
                if current == nil { chain.append(parent) }
            } else {
                current = nil
            }
        }
        return chain
    }
}

/// Text as terms are compared: lower case, letters and digits, one space between words.
enum TermText {
    static func normalize(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// `text` without anything in parentheses.
    static func withoutParentheses(_ text: String) -> String {
        var depth = 0
        var result = ""
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    /// Whether `phrase` (normalized) occurs in `text` (normalized) on word boundaries.
    static func contains(_ text: String, _ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        if let found = asciiContains(text, phrase) { return found }
        return (" " + text + " ").contains(" " + phrase + " ")
    }

    /// The same answer as the padded search above when both are ASCII (where bytes are
    /// characters: nothing to compose or decompose), found over the bytes; nil otherwise. Why:
    /// Foundation's `contains` goes through NSString and CFStringFind, and resolving the
    /// bundled curriculum's action lines against every joint phrase spent a sixth of a compile there.
    static func asciiContains(_ text: String, _ phrase: String) -> Bool? {
        var (text, phrase) = (text, phrase)
        return text.withUTF8 { t in phrase.withUTF8 { p in paddedSearch(t, p) } }
    }

    private static func paddedSearch(_ t: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !t.contains(where: { $0 >= 0x80 }), !p.contains(where: { $0 >= 0x80 }) else { return nil }
        // " " + text + " " and " " + phrase + " ", without building either.
        func padded(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 { i == 0 || i == bytes.count + 1 ? UInt8(ascii: " ") : bytes[i - 1] }
        let (n, m) = (t.count + 2, p.count + 2)
        guard m <= n else { return false }
        for start in 0...(n - m) where (0..<m).allSatisfy({ padded(t, start + $0) == padded(p, $0) }) { return true }
        return false
    }
}
