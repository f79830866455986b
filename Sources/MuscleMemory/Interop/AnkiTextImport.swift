import Foundation

/// Anki's "Notes in Plain Text" export turned into deck files, as a pure plan: which files, with
/// which text, and what each note lost. `muscle import anki` writes the plan's files.
///
/// Basic notes (any note type: its first field is the question, its second the answer) and
/// MuscleMemory notes become `Q:`/`A:` cards; each cloze deletion of a Cloze note becomes its own
/// card, the question showing `[...]` where Anki hides it. A note goes to the file of the muscle it
/// is about (a MuscleMemory note's Muscle field, else the first known muscle named by its tags, its
/// deck or its question), otherwise to one file per Anki deck. The GUID becomes the card's `Id:`.
public struct AnkiTextImport: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        /// Within the deck folder: "leg-foot/gastrocnemius.md".
        public var path: String
        public var text: String
        public var cards: Int
    }

    public struct Loss: Sendable, Equatable {
        /// The export's line.
        public var line: Int
        public var guid: String
        public var what: String
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// A muscle the notes can be filed under: its name, other names, region and file.
    public struct KnownMuscle: Sendable, Equatable {
        public var name: String
        public var names: [String]
        public var region: String
        public var file: String

        public init(name: String, names: [String], region: String, file: String) {
            self.name = name
            self.names = names
            self.region = region
            self.file = file
        }
    }

    public var files: [File]
    public var losses: [Loss]
    public var notes: Int
    public var cards: Int

    struct Entry {
        var front: String
        var back: String
        var id: String
        var tags: [String]
    }

    public static func plan(_ text: String, known: [KnownMuscle]) -> Result<AnkiTextImport, Failure> {
        var separator: Character = "\t"
        var html = true
        var guidColumn: Int?, notetypeColumn: Int?, deckColumn: Int?, tagsColumn: Int?
        var sawHeader = false
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var body: [(Int, String)] = []
        for (offset, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            let number = offset + 1
            if body.isEmpty, line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else {
                    return .failure(Failure(line: number, message: "'\(TerminalText.sanitize(line))' is not an Anki header line (#key:value)"))
                }
                let key = line[line.index(after: line.startIndex)..<colon].lowercased()
                let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                sawHeader = true
                switch key {
                case "separator":
                    let names: [String: Character] = ["tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"]
                    guard let chosen = names[value.lowercased()] ?? (value.count == 1 ? value.first : nil) else {
                        return .failure(Failure(line: number, message: "unknown separator '\(TerminalText.sanitize(value))'"))
                    }
                    separator = chosen
                case "html": html = value.lowercased() == "true"
                case "guid column": guidColumn = Int(value)
                case "notetype column": notetypeColumn = Int(value)
                case "deck column": deckColumn = Int(value)
                case "tags column": tagsColumn = Int(value)
                case "tags", "columns", "notetype", "deck": continue
                default:
                    return .failure(Failure(line: number, message: "'#\(TerminalText.sanitize(key))' is not a header of Anki's plain-text export"))
                }
                continue
            }
            if line.isEmpty { continue }
            body.append((number, line))
        }
        guard sawHeader else {
            return .failure(Failure(line: 1, message: "this is not Anki's \"Notes in Plain Text\" export: it has no #separator: or #html: header"))
        }
        let index: (Int?) -> Int? = { $0.map { $0 - 1 } }
        let (guidAt, typeAt, deckAt, tagsAt) = (index(guidColumn), index(notetypeColumn), index(deckColumn), index(tagsColumn))
        let metaColumns = Set([guidAt, typeAt, deckAt, tagsAt].compactMap { $0 })

        var byFile: [String: (header: String, entries: [Entry])] = [:]
        var order: [String] = []
        var losses: [Loss] = []
        var notes = 0
        var cardCount = 0
        var usedIDs = Set<String>()
        for (number, line) in body {
            guard let columns = split(line, by: separator) else {
                return .failure(Failure(line: number, message: "a quoted field is not closed"))
            }
            let value: (Int?) -> String = { at in at.flatMap { $0 < columns.count ? columns[$0] : nil } ?? "" }
            let guid = value(guidAt)
            let notetype = value(typeAt)
            let deck = value(deckAt)
            let tags = value(tagsAt).split(separator: " ").map(String.init)
            let fields = columns.enumerated().filter { !metaColumns.contains($0.offset) }.map(\.element)
            guard let first = fields.first, !first.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .failure(Failure(line: number, message: "a note with no first field"))
            }
            notes += 1
            func lose(_ what: String) { losses.append(Loss(line: number, guid: guid, what: what)) }
            let clean: (String) -> (String, [String]) = { html ? HTMLText.plain($0) : ($0, []) }
            var entries: [(String, String)] = []
            let isCloze = notetype.lowercased().contains("cloze") || (notetypeColumn == nil && first.contains("{{c"))
            if isCloze {
                let (plainText, lost) = clean(first)
                lost.forEach(lose)
                let numbers = Cloze.numbers(in: plainText)
                if numbers.isEmpty { lose("a cloze note with no deletion: skipped"); continue }
                let extra = fields.dropFirst().map { clean($0).0 }.filter { !$0.isEmpty }.joined(separator: "\n")
                for n in numbers {
                    let answer = Cloze.answer(plainText, number: n) + (extra.isEmpty ? "" : "\n" + extra)
                    entries.append((Cloze.question(plainText, number: n), answer))
                }
                if fields.count > 1, !extra.isEmpty { lose("its Back Extra is appended to each answer") }
            } else {
                guard fields.count >= 2 else { return .failure(Failure(line: number, message: "a note with one field; a Basic note has a front and a back")) }
                let (front, lostFront) = clean(first)
                let (back, lostBack) = clean(fields[1])
                (lostFront + lostBack).forEach(lose)
                if front.isEmpty || back.isEmpty { lose("an empty side once media and formatting were removed: skipped"); continue }
                entries.append((front, back))
                let lowered = notetype.lowercased()
                if lowered.contains("reverse") { lose("its reverse card (the deck format has none for free cards)") }
                if !notetype.isEmpty, !lowered.hasPrefix("basic"), notetype != AnkiPackage.noteTypeName {
                    lose("note type '\(notetype)': only its first two fields were kept")
                } else if fields.count > 2, notetype != AnkiPackage.noteTypeName, fields.dropFirst(2).contains(where: { !$0.isEmpty }) {
                    lose("fields after the second")
                }
            }
            // Which file: the MuscleMemory note's muscle, then tags, deck, question.
            var muscle: KnownMuscle?
            if notetype == AnkiPackage.noteTypeName, fields.count > 2 {
                muscle = match(clean(fields[2]).0, known: known)
            }
            muscle = muscle ?? tags.lazy.compactMap { match($0.replacingOccurrences(of: "muscle::", with: "").replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " "), known: known) }.first
            muscle = muscle ?? deck.components(separatedBy: "::").reversed().lazy.compactMap { match($0, known: known) }.first
            muscle = muscle ?? find(in: entries.first?.0 ?? "", known: known)
            let path: String
            let header: String
            if let muscle {
                path = muscle.file
                header = "# \(muscle.name)\nRegion: \(muscle.region)\n"
            } else {
                let leaf = deck.components(separatedBy: "::").last.map { HTMLText.plain($0).0 } ?? ""
                let name = leaf.isEmpty ? "Unsorted" : leaf
                let slug = Slug.make(name).isEmpty ? "unsorted" : Slug.make(name)
                path = slug + ".md"
                header = "# \(name)\n"
            }
            if byFile[path] == nil { byFile[path] = (header, []); order.append(path) }
            let cardTags = tags.filter { !$0.hasPrefix("muscle::") && !$0.hasPrefix("aspect::") && !$0.hasPrefix("region::") }
                .map { Slug.make($0.replacingOccurrences(of: "::", with: "-")) }.filter { !$0.isEmpty }
            for (number, entry) in entries.enumerated() {
                var id = cardID(guid: guid, fallback: entry.0)
                if entries.count > 1 { id += "-c\(number + 1)" }
                while usedIDs.contains(path + "/" + id) { id += "-x" }
                usedIDs.insert(path + "/" + id)
                byFile[path]?.entries.append(Entry(front: entry.0, back: entry.1, id: id, tags: cardTags))
                cardCount += 1
            }
        }
        let files = order.compactMap { path -> File? in
            guard let file = byFile[path] else { return nil }
            var text = file.header + "\n## Cards\n"
            for entry in file.entries {
                text += "Q: " + continued(entry.front) + "\n"
                text += "A: " + continued(entry.back) + "\n"
                text += "Id: " + entry.id + "\n"
                if !entry.tags.isEmpty { text += "Tags: " + entry.tags.joined(separator: ", ") + "\n" }
                text += "\n"
            }
            return File(path: path, text: text, cards: file.entries.count)
        }
        return .success(AnkiTextImport(files: files, losses: losses, notes: notes, cards: cardCount))
    }

    /// An `Id:` from the GUID: as it is when it is a valid ID, else "anki-" and its bytes in hex.
    static func cardID(guid: String, fallback: String) -> String {
        if guid.isEmpty { return "anki-" + Slug.make(fallback, limit: 40) }
        if DeckLinter.isValidID(guid) { return guid }
        return "anki-" + guid.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// Continuation lines are indented; a deck line holds no control characters.
    static func continued(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { String($0).trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n   ")
    }

    /// A muscle's other names: "Fibularis (peroneus) longus" is also "fibularis longus" and
    /// "peroneus longus".
    public static func otherNames(_ name: String) -> [String] {
        var all = [name.lowercased()]
        if let open = name.firstIndex(of: "("), let close = name.firstIndex(of: ")"), open < close {
            let inner = String(name[name.index(after: open)..<close])
            let outside = (String(name[..<open]) + String(name[name.index(after: close)...])).split(separator: " ").joined(separator: " ")
            all.append(outside.lowercased())
            all.append((String(name[..<open]).trimmingCharacters(in: .whitespaces) + " " + inner).lowercased())
            all.append(String(name[..<open].split(separator: " ").dropLast().joined(separator: " ") + " " + inner + " " + name[name.index(after: close)...]).split(separator: " ").joined(separator: " ").lowercased())
        }
        return all
    }

    static func match(_ text: String, known: [KnownMuscle]) -> KnownMuscle? {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return nil }
        return known.first { $0.names.contains(wanted) || $0.name.lowercased() == wanted }
    }

    /// The known muscle whose name appears (as whole words) in the text; the longest name wins.
    static func find(in text: String, known: [KnownMuscle]) -> KnownMuscle? {
        let words = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.map(String.init).joined().split(separator: " ").joined(separator: " ") + " "
        var best: (KnownMuscle, Int)?
        for muscle in known {
            for name in muscle.names + [muscle.name.lowercased()] {
                let flat = name.map { $0.isLetter || $0.isNumber ? $0 : " " }.map(String.init).joined().split(separator: " ").joined(separator: " ")
                if flat.count > 3, words.contains(" " + flat + " "), flat.count > (best?.1 ?? 0) { best = (muscle, flat.count) }
            }
        }
        return best?.0
    }

    /// Splits a line on the separator, CSV-style: a field in double quotes may hold the separator,
    /// `""` is a quote. Nil when a quote is not closed.
    static func split(_ line: String, by separator: Character) -> [String]? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var atStart = true
        var iterator = Array(line)
        var i = 0
        while i < iterator.count {
            let c = iterator[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < iterator.count, iterator[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"", atStart {
                quoted = true
                atStart = false
            } else if c == separator {
                fields.append(current)
                current = ""
                atStart = true
            } else {
                current.append(c)
                atStart = false
            }
            i += 1
        }
        iterator.removeAll()
        if quoted { return nil }
        fields.append(current)
        return fields
    }
}

/// Anki cloze deletions: `{{c1::tibial}}`, `{{c2::answer::hint}}`.
enum Cloze {
    static func numbers(in text: String) -> [Int] {
        var found: [Int] = []
        for match in deletions(in: text) where !found.contains(match.number) { found.append(match.number) }
        return found.sorted()
    }

    struct Deletion { var range: Range<String.Index>; var number: Int; var answer: String; var hint: String? }

    static func deletions(in text: String) -> [Deletion] {
        var result: [Deletion] = []
        var search = text.startIndex
        while let open = text.range(of: "{{c", range: search..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            let inside = text[open.upperBound..<close.lowerBound]
            let parts = inside.components(separatedBy: "::")
            if parts.count >= 2, let number = Int(parts[0]), number > 0 {
                result.append(Deletion(range: open.lowerBound..<close.upperBound, number: number, answer: parts[1], hint: parts.count > 2 ? parts[2] : nil))
            }
            search = close.upperBound
        }
        return result
    }

    /// The text with deletion `number` hidden as `[...]` (or `[hint]`) and the others shown.
    static func question(_ text: String, number: Int) -> String { render(text) { $0.number == number ? "[\($0.hint ?? "...")]" : $0.answer } }

    /// The text with every deletion shown.
    static func answer(_ text: String, number: Int) -> String { render(text) { $0.answer } }

    private static func render(_ text: String, _ show: (Deletion) -> String) -> String {
        var out = ""
        var at = text.startIndex
        for deletion in deletions(in: text) {
            out += text[at..<deletion.range.lowerBound]
            out += show(deletion)
            at = deletion.range.upperBound
        }
        out += text[at...]
        return out
    }
}

/// HTML reduced to the deck format's plain text, and what that lost.
enum HTMLText {
    static func plain(_ html: String) -> (String, [String]) {
        var lost: [String] = []
        var out = ""
        var i = html.startIndex
        var formatting = false
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                switch name {
                case "br", "div", "p", "li", "tr": out += "\n"
                case "img": lost.append("an image")
                case "audio", "video", "source": lost.append("a sound or video")
                case "b", "i", "u", "strong", "em", "span", "font", "sup", "sub", "table", "td", "ul", "ol", "code": formatting = true
                default: break
                }
                i = html.index(after: close)
                continue
            }
            if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semi])
                let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
                if let text = named[entity] {
                    out += text
                } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out.append(c); i = html.index(after: i); continue
                }
                i = html.index(after: semi)
                continue
            }
            out.append(c)
            i = html.index(after: i)
        }
        var sounds = 0
        while let sound = out.range(of: "[sound:"), let end = out[sound.upperBound...].firstIndex(of: "]") {
            out.removeSubrange(sound.lowerBound...end)
            sounds += 1
        }
        if sounds > 0 { lost.append("a sound") }
        if formatting { lost.append("formatting") }
        // No control characters in deck text.
        let text = String(String.UnicodeScalarView(out.unicodeScalars.filter { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }))
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.filter { !$0.isEmpty }
        return (lines.joined(separator: "\n"), lost)
    }
}
