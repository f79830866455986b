import Foundation

/// Writes the cards a teacher would ask about one muscle. Wording is number-neutral ("State the
/// origin of …") so it reads right for single muscles and for groups such as the scalenes.
public enum CardGenerator {
    /// Whether an innervation names a spinal root level such as C5, T12, L4 or S1.
    static func namesSpinalRoots(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for index in bytes.indices.dropLast() where "CTLS".utf8.contains(bytes[index]) {
            let before = index == 0 ? UInt8(ascii: " ") : bytes[index - 1]
            let isWordStart = !(before >= UInt8(ascii: "A") && before <= UInt8(ascii: "z"))
            if isWordStart, bytes[index + 1] >= UInt8(ascii: "1"), bytes[index + 1] <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    public static func cards(for muscle: Muscle) -> [Card] {
        guard !muscle.name.isEmpty else { return [] }
        let key = muscle.key
        let the = "the " + inSentence(muscle.name)
        let nameWords = Mentions(muscle, key: key)
        // Read from the fields once, not per card: a deck of many Q/A cards spent a fifth of its
        // card generation re-reading them.
        let (region, muscleTags) = (muscle.region, muscle.tags)
        var cards: [Card] = []
        func add(_ suffix: String, _ aspect: Aspect, _ front: String, _ back: String, at location: SourceLocation, tags: [String] = [], pinned: SourceLocation? = nil) {
            var allTags = muscleTags
            for tag in tags where !allTags.contains(tag) { allTags.append(tag) }
            cards.append(Card(
                id: CardID(muscleKey: key, item: suffix), muscle: muscle.name, muscleKey: key, aspect: aspect,
                region: region, tags: allTags, front: front, back: back, source: location, idLocation: pinned))
        }
        func fieldCard(_ field: MuscleField, _ aspect: Aspect, _ front: String) {
            guard let value = muscle.field(field), let location = muscle.fields[field]?.location else { return }
            add(aspect.rawValue, aspect, front, value, at: SourceLocation(file: location.file, line: location.line))
        }

        fieldCard(.etymology, .etymology, "Explain the name “\(plainName(muscle.name))”: its roots and what they mean.")
        if !muscle.heads.isEmpty, let location = muscle.sections[.heads] {
            let count = muscle.heads.count
            let back = "\(numberWord(count).capitalizedFirst) \(count == 1 ? "head" : "heads"):\n" + bullets(muscle.heads.map { head in
                head.description.isEmpty ? head.name : "\(head.name): \(head.description)"
            })
            // The plain name: an aside such as "(psoas major and iliacus)" would list the heads asked for.
            add(Aspect.heads.rawValue, .heads, "How many heads or parts make up the \(plainName(muscle.name)), and what are they?", back, at: location)
        }
        fieldCard(.origin, .origin, "State the origin of \(the).")
        fieldCard(.insertion, .insertion, "State the insertion of \(the).")
        // Muscles of the jaw and face are supplied by cranial nerves, which have no spinal roots to ask for.
        let spinal = muscle.field(.innervation).map(Self.namesSpinalRoots) ?? true
        fieldCard(.innervation, .innervation, spinal ? "Name the nerve supply of \(the), with its spinal root levels." : "Name the nerve supply of \(the).")
        if !muscle.actions.isEmpty, let location = muscle.sections[.actions] {
            let list = bullets(muscle.actions.map(\.text))
            add(Aspect.actions.rawValue, .actions, "List the actions of \(the).", list, at: location)
            add(Aspect.actions.rawValue + "/reverse", .actions, "Which muscle (or group) performs all of these actions?\n" + list, muscle.name, at: location)
        }
        for point in muscle.triggerPoints where !point.site.isEmpty {
            let item = point.id?.value ?? Slug.make(point.site, limit: 48)
            add(Aspect.triggerPoints.rawValue + "/" + item, .triggerPoints,
                "Trigger point in \(the): \(inSentence(point.site)). Where does it refer pain?",
                point.referral.capitalizedFirst, at: point.location, tags: point.tags, pinned: point.id?.location)
        }
        if !muscle.exercises.isEmpty, let location = muscle.sections[.exercises] {
            add(Aspect.exercises.rawValue, .exercises, "Name exercises that load \(the).", bullets(muscle.exercises.map(\.text)), at: location)
        }
        if !muscle.palpation.isEmpty, let location = muscle.sections[.palpation] {
            let lines = PalpationField.allCases.compactMap { field in
                muscle.palpation[field].map { "\(field.rawValue): \($0.value.trimmed)" }
            }
            add(Aspect.palpation.rawValue, .palpation,
                "How do you palpate \(the)? Give the client's position, the landmarks and the action to resist.", lines.joined(separator: "\n"), at: location)
        }
        for card in muscle.cards where !card.question.isEmpty && card.answer != nil {
            let item = card.id?.value ?? Slug.make(card.question, limit: 48)
            // "Masseter: Which is the strongest muscle …" would give the answer away.
            let front = nameWords.found(in: card.question) || MuscleNames.asksWhichMuscle(card.question) ? card.question : "\(muscle.name): \(card.question)"
            add(Aspect.custom.rawValue + "/" + item, .custom, front, card.answer ?? "", at: card.location, tags: card.tags, pinned: card.id?.location)
        }
        return cards
    }

    /// "Gastrocnemius" -> "gastrocnemius", but "SCM" stays "SCM".
    static func inSentence(_ name: String) -> String {
        var characters = name.makeIterator()
        guard let first = characters.next(), let second = characters.next(), first.isUppercase, !second.isUppercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    /// The name without parenthetical asides: "Fibularis (peroneus) longus" -> "fibularis longus".
    static func plainName(_ name: String) -> String {
        var out = ""
        var depth = 0
        for character in name {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(character) }
        }
        return inSentence(out.split(separator: " ").joined(separator: " "))
    }

    static func bullets(_ items: [String]) -> String {
        items.map { "• " + $0 }.joined(separator: "\n")
    }

    /// Whether a question already names its muscle (its first word, or its key as words), worked
    /// out once per muscle rather than once per card.
    struct Mentions {
        let firstWord: String?
        let keyWords: String

        init(_ muscle: Muscle, key: String) {
            firstWord = plainName(muscle.name).lowercased().split(separator: " ").first.map(String.init)
            keyWords = key.replacingOccurrences(of: "-", with: " ")
        }

        func found(in text: String) -> Bool {
            let lowered = text.lowercased()
            if let firstWord, Self.contains(lowered, firstWord) { return true }
            return Self.contains(lowered, keyWords)
        }

        /// Substring search on the UTF-8 bytes: Foundation's `contains` goes through CFString and
        /// was a tenth of a 100,000-card sync.
        static func contains(_ text: String, _ part: String) -> Bool {
            let haystack = Array(text.utf8), needle = Array(part.utf8)
            guard !needle.isEmpty else { return true }
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                var index = 1
                while index < needle.count && haystack[start + index] == needle[index] { index += 1 }
                if index == needle.count { return true }
            }
            return false
        }
    }

    static func numberWord(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return n < words.count ? words[n] : String(n)
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
