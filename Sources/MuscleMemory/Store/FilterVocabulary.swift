import Foundation
import GRDB

/// What a filter can match in the chosen decks: the muscles, regions and tags of their active
/// cards. A filter value that matches none of them is named with the closest one
/// (`--muscle deltiod`: "did you mean 'deltoid'?") instead of giving an empty session or report.
public struct FilterVocabulary: Sendable, Equatable {
    public struct Muscle: Sendable, Equatable {
        public var name: String
        public var key: String
        public init(name: String, key: String) {
            self.name = name
            self.key = key
        }
    }

    /// What the filter picks from, as the refusal names it: `study` and `report` filter cards,
    /// `exam` filters exam items ("--muscle 'solues' matches no exam item of these decks").
    public enum Subject: Sendable, Equatable {
        case cards, examItems

        var noun: String {
            switch self {
            case .cards: "card"
            case .examItems: "exam item"
            }
        }

        var musclesListed: String {
            switch self {
            case .cards: "`muscle cards` lists the muscles and their cards"
            case .examItems: "`muscle exam --list` lists the items and their muscles"
            }
        }
    }

    public var muscles: [Muscle]
    public var regions: [String]
    public var tags: [String]
    public var subject: Subject

    public init(muscles: [Muscle], regions: [String], tags: [String], subject: Subject = .cards) {
        self.muscles = muscles
        self.regions = regions
        self.tags = tags
        self.subject = subject
    }

    /// What exam items can be filtered by: the muscles they are about and those muscles' regions,
    /// each once, in the order given (the curriculum's entries, or the stored items' outlines).
    public static func examItems(about muscles: [(name: String, key: String, region: String)]) -> FilterVocabulary {
        var keys = Set<String>(), regions = Set<String>()
        return FilterVocabulary(
            muscles: muscles.filter { keys.insert($0.key).inserted }.map { Muscle(name: $0.name, key: $0.key) },
            regions: muscles.map(\.region).filter { !$0.isEmpty && regions.insert($0).inserted }, tags: [], subject: .examItems)
    }

    /// Why the filter can match no card, as one line naming the option and its value; nil when
    /// every value matches some card. Values are matched as `CardFilter.sql()` matches them.
    public func problem(with filter: CardFilter) -> String? {
        for value in filter.muscles {
            let lower = value.lowercased()
            let slug = Slug.make(value)
            if muscles.contains(where: { $0.name.lowercased() == lower || $0.key == slug }) { continue }
            let candidates = muscles.map(\.key) + muscles.map { $0.name.lowercased() }
            return message("--muscle", value, noun: "a muscle's name or key", suggestion: Self.suggestion(lower, candidates),
                           otherwise: subject.musclesListed)
        }
        for value in filter.regions {
            let lower = value.lowercased()
            if !lower.trimmingCharacters(in: .whitespaces).isEmpty, regions.contains(where: { $0.lowercased().contains(lower) }) { continue }
            return message("--region", value, noun: "a region or part of its name", suggestion: Self.suggestion(lower, regionCandidates),
                           otherwise: "the regions are: " + regions.joined(separator: ", "))
        }
        for value in filter.tags {
            let tag = Tags.parse(value).first ?? value.lowercased()
            if tags.contains(tag) { continue }
            let listed = tags.prefix(12).joined(separator: ", ") + (tags.count > 12 ? ", …" : "")
            return message("--tag", value, noun: "a tag", suggestion: Self.suggestion(tag, tags),
                           otherwise: tags.isEmpty ? "the cards of these decks have no tags" : "the tags are: " + listed)
        }
        return nil
    }

    /// Whole region names, and each run of their first words ("lower", "lower leg"), lower-cased:
    /// `--region` matches any part of a name, so a misspelt "lowr leg" is closest to "lower leg".
    var regionCandidates: [String] {
        var out: [String] = []
        for region in regions {
            let words = region.lowercased().split(separator: " ")
            for count in words.indices { out.append(words[...count].joined(separator: " ")) }
            out.append(contentsOf: words.map(String.init).filter { $0.count >= 4 })
        }
        return out
    }

    /// The closest candidate, when at most a third of its letters differ (at least one): short
    /// names are near everything ("mars" is two edits from "arm", which is no suggestion).
    static func suggestion(_ value: String, _ candidates: [String]) -> String? {
        guard let best = closestMatch(to: value, in: candidates) else { return nil }
        return editDistance(value, best) <= max(1, best.count / 3) ? best : nil
    }

    func message(_ option: String, _ value: String, noun: String, suggestion: String?, otherwise: String) -> String {
        let shown = "\(option) '\(TerminalText.sanitize(value))'"
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            return "\(shown) is empty; give \(noun)" + (suggestion.map { ", such as '\($0)'" } ?? "")
        }
        return "\(shown) matches no \(subject.noun) of these decks; " + (suggestion.map { "did you mean '\($0)'?" } ?? otherwise)
    }
}

extension AppDatabase {
    /// The muscles, regions and tags of the decks' active cards, each once, sorted.
    public func filterVocabulary(decks: [Int64]) throws(StoreError) -> FilterVocabulary {
        guard !decks.isEmpty else { return FilterVocabulary(muscles: [], regions: [], tags: []) }
        return try read { db in
            let muscleRows = try Row.fetchAll(db, literal: """
                SELECT DISTINCT m.name, m.key, m.region FROM card_state s JOIN muscle m ON m.id = s.muscle_id
                WHERE s.deck_id IN \(decks) AND s.active = 1 ORDER BY m.key
                """)
            let tagLists = try String.fetchAll(db, literal: """
                SELECT DISTINCT c.tags FROM card_state s JOIN card c ON c.id = s.card_id
                WHERE s.deck_id IN \(decks) AND s.active = 1 AND c.tags <> ''
                """)
            var muscles: [FilterVocabulary.Muscle] = []
            var regions = Set<String>()
            for row in muscleRows {
                let muscle = FilterVocabulary.Muscle(name: row["name"], key: row["key"])
                if muscles.last != muscle { muscles.append(muscle) }
                regions.insert(row["region"])
            }
            let tags = Set(tagLists.flatMap { $0.split(separator: ",").map(String.init) }).filter { !$0.isEmpty }
            return FilterVocabulary(muscles: muscles, regions: regions.filter { !$0.isEmpty }.sorted(), tags: tags.sorted())
        }
    }

    /// How many active cards of the decks the filter matches.
    public func cardCount(decks: [Int64], filter: CardFilter) throws(StoreError) -> Int {
        guard !decks.isEmpty else { return 0 }
        return try read { db in
            try Int.fetchOne(db, literal: """
                SELECT COUNT(*) FROM card_state s JOIN card c ON c.id = s.card_id JOIN muscle m ON m.id = s.muscle_id
                WHERE s.deck_id IN \(decks) AND s.active = 1 AND (\(filter.sql()))
                """) ?? 0
        }
    }
}
