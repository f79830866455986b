/// The reader's fast path: a share file read straight into a `Share`, in one pass over its bytes.
///
/// Why: `JSONSerialization` (to check the schema first) and then `JSONDecoder` with
/// `.convertFromSnakeCase` (which converts every key of every object: a share of the bundled
/// curriculum holds thousands) took about 70 ms a share, and merging 300 shares 22 s (issue 19: 1 s).
/// This scanner knows the schema's field names and reads nothing into Foundation objects.
///
/// It only ever accepts what the checked path accepts: anything it is unsure of (a schema other
/// than this one, another kind, a missing, mistyped or unknown-level field, a number that is not a
/// plain integer where one is due, broken JSON or UTF-8) makes it give up (nil), and the checked
/// path reads the file and names the reason as before. Unknown fields are skipped, as the decoder
/// skips them.
struct ShareFile {
    private struct GiveUp: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The share in these bytes, or nil for the checked path to decide.
    static func share(_ data: [UInt8]) -> Share? {
        data.withUnsafeBufferPointer { buffer in
            var scanner = ShareFile(buffer)
            guard let share = try? scanner.readShare(), share.schema == Share.schemaVersion, share.kind == Share.kindName else { return nil }
            scanner.skipSpace()
            return scanner.at == buffer.count ? share : nil
        }
    }

    // MARK: the schema

    private mutating func readShare() throws(GiveUp) -> Share {
        var schema: Int?, kind: String?, day: String?, label: String?, windowDays: Int?
        var decks: [DeckVersion]?, topics: [Share.Topic]?, readiness: Share.Readiness?, cards: [CardAnswerCount]?, exam: Share.ExamPractice?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .schema: schema = try s.int()
            case .kind: kind = try s.string()
            case .day: day = try s.string()
            case .label: label = try s.optional { (s: inout ShareFile) throws(GiveUp) in try s.string() }
            case .windowDays: windowDays = try s.int()
            case .decks: decks = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readDeck() }
            case .topics: topics = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readTopic() }
            case .readiness: readiness = try s.optional { (s: inout ShareFile) throws(GiveUp) in try s.readReadiness() }
            case .cards: cards = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readCard() }
            case .exam: exam = try s.optional { (s: inout ShareFile) throws(GiveUp) in try s.readExam() }
            default: try s.skipValue()
            }
        }
        guard let schema, let kind, let day, let windowDays, let decks, let topics, let cards else { throw GiveUp() }
        return Share(schema: schema, kind: kind, day: day, label: label, windowDays: windowDays, decks: decks, topics: topics,
                     readiness: readiness, cards: cards, exam: exam)
    }

    private mutating func readDeck() throws(GiveUp) -> DeckVersion {
        var title: String?, fingerprint: String?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .title: title = try s.string()
            case .fingerprint: fingerprint = try s.string()
            default: try s.skipValue()
            }
        }
        guard let title, let fingerprint else { throw GiveUp() }
        return DeckVersion(title: title, fingerprint: fingerprint)
    }

    private mutating func readTopic() throws(GiveUp) -> Share.Topic {
        var level: TopicLevel?, key: String?, name: String?, meanEasiness: Int?, weakness: Double?
        var cards: Int?, seen: Int?, notLearned: Int?, reviews: Int?, correct: Int?, windowReviews: Int?, windowCorrect: Int?, lapses: Int?
        try object { (s: inout ShareFile, field: FieldName) throws(GiveUp) in
            switch field {
            case .level: level = try s.level()
            case .key: key = try s.string()
            case .name: name = try s.string()
            case .cards: cards = try s.int()
            case .seen: seen = try s.int()
            case .notLearned: notLearned = try s.int()
            case .reviews: reviews = try s.int()
            case .correct: correct = try s.int()
            case .windowReviews: windowReviews = try s.int()
            case .windowCorrect: windowCorrect = try s.int()
            case .lapses: lapses = try s.int()
            case .meanEasiness: meanEasiness = try s.optional { (s: inout ShareFile) throws(GiveUp) in try s.int() }
            case .weakness: weakness = try s.optional { (s: inout ShareFile) throws(GiveUp) in try s.double() }
            default: try s.skipValue()
            }
        }
        guard let level, let key, let name, let cards, let seen, let notLearned, let reviews, let correct, let windowReviews,
              let windowCorrect, let lapses else { throw GiveUp() }
        return Share.Topic(level: level, key: key, name: name, cards: cards, seen: seen, notLearned: notLearned, reviews: reviews,
                           correct: correct, windowReviews: windowReviews, windowCorrect: windowCorrect, lapses: lapses,
                           meanEasiness: meanEasiness, weakness: weakness)
    }

    private mutating func readReadiness() throws(GiveUp) -> Share.Readiness {
        var examDay: String?, cards: Int?, ready: Int?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .examDay: examDay = try s.string()
            case .cards: cards = try s.int()
            case .ready: ready = try s.int()
            default: try s.skipValue()
            }
        }
        guard let examDay, let cards, let ready else { throw GiveUp() }
        return Share.Readiness(examDay: examDay, cards: cards, ready: ready)
    }

    private mutating func readCard() throws(GiveUp) -> CardAnswerCount {
        var id: String?, reviews: Int?, misses: Int?, lapses: Int?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .id: id = try s.string()
            case .reviews: reviews = try s.int()
            case .misses: misses = try s.int()
            case .lapses: lapses = try s.int()
            default: try s.skipValue()
            }
        }
        guard let id, let reviews, let misses, let lapses else { throw GiveUp() }
        return CardAnswerCount(id: CardID(id), reviews: reviews, misses: misses, lapses: lapses)
    }

    private mutating func readExam() throws(GiveUp) -> Share.ExamPractice {
        var templates: [Share.Accuracy]?, regions: [Share.Accuracy]?, items: [Share.ItemCount]?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .templates: templates = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readAccuracy() }
            case .regions: regions = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readAccuracy() }
            case .items: items = try s.array { (s: inout ShareFile) throws(GiveUp) in try s.readItem() }
            default: try s.skipValue()
            }
        }
        guard let templates, let regions, let items else { throw GiveUp() }
        return Share.ExamPractice(templates: templates, regions: regions, items: items)
    }

    private mutating func readAccuracy() throws(GiveUp) -> Share.Accuracy {
        var name: String?, answered: Int?, correct: Int?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .name: name = try s.string()
            case .answered: answered = try s.int()
            case .correct: correct = try s.int()
            default: try s.skipValue()
            }
        }
        guard let name, let answered, let correct else { throw GiveUp() }
        return Share.Accuracy(name: name, answered: answered, correct: correct)
    }

    private mutating func readItem() throws(GiveUp) -> Share.ItemCount {
        var id: String?, answered: Int?, missed: Int?
        try object { (s: inout ShareFile, key: FieldName) throws(GiveUp) in
            switch key {
            case .id: id = try s.string()
            case .answered: answered = try s.int()
            case .missed: missed = try s.int()
            default: try s.skipValue()
            }
        }
        guard let id, let answered, let missed else { throw GiveUp() }
        return Share.ItemCount(id: id, answered: answered, missed: missed)
    }

    // MARK: JSON

    private var next: UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(GiveUp) {
        skipSpace()
        guard next == byte else { throw GiveUp() }
        at += 1
    }

    /// `{ "key": value, … }`, each value read by `field` (which must consume it).
    private mutating func object(_ field: (inout ShareFile, FieldName) throws(GiveUp) -> Void) throws(GiveUp) {
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if next == UInt8(ascii: "}") { at += 1; return }
        while true {
            let key = try fieldName()
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            skipSpace()
            guard let byte = next else { throw GiveUp() }
            at += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else { throw GiveUp() }
        }
    }

    private mutating func array<T>(_ element: (inout ShareFile) throws(GiveUp) -> T) throws(GiveUp) -> [T] {
        try expect(UInt8(ascii: "["))
        var out: [T] = []
        skipSpace()
        if next == UInt8(ascii: "]") { at += 1; return out }
        while true {
            out.append(try element(&self))
            skipSpace()
            guard let byte = next else { throw GiveUp() }
            at += 1
            if byte == UInt8(ascii: "]") { return out }
            guard byte == UInt8(ascii: ",") else { throw GiveUp() }
        }
    }

    /// A value, or nil for `null` (as `decodeIfPresent` reads an absent or null field).
    private mutating func optional<T>(_ value: (inout ShareFile) throws(GiveUp) -> T) throws(GiveUp) -> T? {
        skipSpace()
        if literal("null") { return nil }
        return try value(&self)
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return false }
        at += count
        return true
    }

    /// An object's key: plain ASCII (every key of a share file) is packed straight from the bytes;
    /// one with escapes or other characters is read as a string first, so it names the same field.
    private mutating func fieldName() throws(GiveUp) -> FieldName {
        try expect(UInt8(ascii: "\""))
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                at += 1
                return FieldName(UnsafeBufferPointer(rebasing: bytes[start..<at - 1]))
            }
            if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\\") { break }
            at += 1
        }
        at = start - 1
        return FieldName(try string())
    }

    /// A topic level, by its raw value.
    private mutating func level() throws(GiveUp) -> TopicLevel {
        switch try fieldName() {
        case .muscle: .muscle
        case .aspect: .aspect
        case .region: .region
        case .muscleAspect: .muscleAspect
        default: throw GiveUp()
        }
    }

    /// A string without escapes is taken as it is (checked UTF-8); one with escapes is decoded.
    private mutating func string() throws(GiveUp) -> String {
        try expect(UInt8(ascii: "\""))
        let start = at
        var escaped = false, ascii = true
        while true {
            guard at < bytes.count else { throw GiveUp() }
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw GiveUp() }
            if byte >= 0x80 { ascii = false }
            if byte == UInt8(ascii: "\\") { escaped = true; at += 1 }
            at += 1
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<at])
        at += 1
        // ASCII is valid UTF-8 as it is (and validating every key and ID was a quarter of the read).
        guard let text = ascii ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self) else { throw GiveUp() }
        return escaped ? try unescape(text) : text
    }

    private func unescape(_ text: String) throws(GiveUp) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        func hex4(_ it: inout String.UnicodeScalarView.Iterator) throws(GiveUp) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let s = it.next(), let digit = UInt32(String(s), radix: 16) else { throw GiveUp() }
                value = value * 16 + digit
            }
            return value
        }
        while let s = scalars.next() {
            guard s == "\\" else { out.append(s); continue }
            guard let e = scalars.next() else { throw GiveUp() }
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                let high = try hex4(&scalars)
                if (0xD800...0xDBFF).contains(high) {
                    guard scalars.next() == "\\", scalars.next() == "u" else { throw GiveUp() }
                    let low = try hex4(&scalars)
                    guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else { throw GiveUp() }
                    out.append(scalar)
                } else {
                    guard let scalar = Unicode.Scalar(high) else { throw GiveUp() }
                    out.append(scalar)
                }
            default: throw GiveUp()
            }
        }
        return String(out)
    }

    /// A plain integer (`-?(0|[1-9][0-9]*)`) within `Int`; anything else is for the checked path.
    private mutating func int() throws(GiveUp) -> Int {
        skipSpace()
        var negative = false
        if next == UInt8(ascii: "-") { negative = true; at += 1 }
        let start = at
        var value = 0
        while let byte = next, byte >= 0x30, byte <= 0x39 {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !o1, !o2 else { throw GiveUp() }
            value = plus
            at += 1
        }
        guard at > start, !(bytes[start] == 0x30 && at - start > 1) else { throw GiveUp() }
        if let byte = next, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { throw GiveUp() }
        return negative ? -value : value
    }

    /// A JSON number, as a `Double`.
    private mutating func double() throws(GiveUp) -> Double {
        skipSpace()
        let start = at
        while let byte = next, (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { at += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        // JSON's grammar: no leading '+', '.', or leading zeros, no trailing '.'.
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
              !text.hasSuffix("."), !text.contains(".e"), !text.contains(".E"),
              !(text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0.") && !text.hasPrefix("0e") && !text.hasPrefix("0E")),
              !(text.hasPrefix("-0") && text.count > 2 && !text.hasPrefix("-0.") && !text.hasPrefix("-0e") && !text.hasPrefix("-0E")),
              !text.hasPrefix("-."), !text.hasPrefix("."),
              let value = Double(text), value.isFinite else { throw GiveUp() }
        return value
    }

    /// Any value, skipped (a field this schema does not know).
    private mutating func skipValue() throws(GiveUp) {
        skipSpace()
        guard let byte = next else { throw GiveUp() }
        switch byte {
        case UInt8(ascii: "{"): try object { (s: inout ShareFile, _: FieldName) throws(GiveUp) in try s.skipValue() }
        case UInt8(ascii: "["): _ = try array { (s: inout ShareFile) throws(GiveUp) in try s.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): guard literal("true") else { throw GiveUp() }
        case UInt8(ascii: "f"): guard literal("false") else { throw GiveUp() }
        case UInt8(ascii: "n"): guard literal("null") else { throw GiveUp() }
        default: _ = try double()
        }
    }
}
