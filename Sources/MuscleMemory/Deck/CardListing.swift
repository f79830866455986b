/// `muscle cards` output: what an instructor's text produces, card by card.
public enum CardListing {
    /// One tab-separated line per card (ID, aspect, front, back), line breaks shown as " / ".
    public static func lines(_ cards: [Card]) -> String {
        cards.map { card in
            [card.id.rawValue, card.aspect.rawValue, flat(card.front), flat(card.back)].joined(separator: "\t") + "\n"
        }.joined()
    }

    /// A table fitted to the terminal width: ID and aspect in full, front and back sharing the rest.
    public static func table(_ cards: [Card], width: Int, style: TextStyle) -> String {
        guard !cards.isEmpty else { return "No cards.\n" }
        let idWidth = min(cards.map { DisplayWidth.of($0.id.rawValue) }.max() ?? 2, max(12, width / 3))
        let aspectWidth = max(6, cards.map { DisplayWidth.of($0.aspect.rawValue) }.max() ?? 6)
        let rest = max(10, width - idWidth - aspectWidth - 6)
        let frontWidth = rest / 2
        let backWidth = rest - frontWidth
        func row(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            [DisplayWidth.pad(DisplayWidth.truncate(a, to: idWidth), to: idWidth),
             DisplayWidth.pad(DisplayWidth.truncate(b, to: aspectWidth), to: aspectWidth),
             DisplayWidth.pad(DisplayWidth.truncate(c, to: frontWidth), to: frontWidth),
             DisplayWidth.truncate(d, to: backWidth)].joined(separator: "  ")
        }
        var out = style.bold(row("ID", "ASPECT", "FRONT", "BACK")) + "\n"
        for card in cards {
            out += row(card.id.rawValue, card.aspect.rawValue, flat(card.front), flat(card.back)) + "\n"
        }
        out += style.dim("\(cards.count) cards") + "\n"
        return out
    }

    /// A Markdown list, front then back: how `Decks/FORMAT.md` shows the generated gastrocnemius.
    public static func markdown(_ cards: [Card]) -> String {
        cards.map { card in
            func lines(_ text: String) -> String {
                TerminalText.sanitize(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "  \n  ")
            }
            return "- `\(card.id)` (\(card.aspect.rawValue))  \n  **Q:** \(lines(card.front))  \n  **A:** \(lines(card.back))\n"
        }.joined()
    }

    struct Entry: Encodable {
        var id: CardID
        var muscle: String
        var aspect: String
        var region: String
        var tags: [String]
        var front: String
        var back: String
        var file: String
        var line: Int
    }

    /// A JSON array of cards with fields id, muscle, aspect, region, tags, front, back, file, line.
    public static func json(_ cards: [Card]) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(cards.map {
            Entry(id: $0.id, muscle: $0.muscle, aspect: $0.aspect.rawValue, region: $0.region, tags: $0.tags,
                  front: $0.front, back: $0.back, file: $0.source.file, line: $0.source.line)
        })
    }

    static func flat(_ text: String) -> String {
        TerminalText.sanitize(text).split(separator: "\n").joined(separator: " / ")
    }
}
