import MuscleMemory

/// A filter that matches no card is a mistake to name, not an empty session ("Nothing is due
/// today. Well done!") or an empty report: `study` and `report` refuse it with the value and the
/// closest match, exit 64, before showing anything.
enum FilterCheck {
    static func require(_ filter: CardFilter, in database: AppDatabase, decks: [Int64]) throws {
        guard !filter.isEmpty else { return }
        if let problem = try database.filterVocabulary(decks: decks).problem(with: filter) {
            throw CommandFailure(problem, exitCode: 64)
        }
        guard try database.cardCount(decks: decks, filter: filter) == 0 else { return }
        let given = filter.muscles.map { ("--muscle", $0) } + filter.aspects.map { ("--aspect", $0.rawValue) }
            + filter.regions.map { ("--region", $0) } + filter.tags.map { ("--tag", $0) }
        let shown = given.map { "\($0.0) '\(TerminalText.sanitize($0.1))'" }
        if shown.count == 1 {
            throw CommandFailure("\(shown[0]) matches no card of these decks", exitCode: 64)
        }
        throw CommandFailure("no card matches \(shown.joined(separator: " and ")) together; each matches cards on its own, so leave one out", exitCode: 64)
    }
}
