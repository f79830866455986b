import Foundation
import MuscleMemory
import SeededRandom
import SM2

/// Two years of study of a synthetic collection, written through the product's own review writer
/// (`AppDatabase.recordAnswers`, one transaction per simulated day): cards are introduced over the
/// first 500 days, answered whenever SM-2 makes them due with a realistic spread of grades, failed
/// cards re-drilled the same day, and the last three days skipped, so that about 5% are due today.
/// It comes to about 20 answers per card. Seeded: the same size gives the same history.
struct SyntheticHistory {
    static let days = 730
    static let introductionDays = 500
    static let breakDays = 3
    /// Chances of grades 0…5, in percent.
    static let gradeWeights = [3, 3, 6, 22, 38, 28]

    let database: AppDatabase
    let decks: [Int64]
    let today: Day
    let calendar: StudyCalendar

    func generate(progress: (Int, Int) -> Void = { _, _ in }) throws -> (answers: Int, cards: Int) {
        var random = SplitMix64(seed: 0x5EED)
        let cards = try database.allCards(decks: decks).map(\.rowID)
        let first = today.adding(days: -Self.days)
        var dueOn: [Int: [Int64]] = [:]
        for (index, card) in cards.enumerated() {
            let offset = cards.isEmpty ? 0 : index * Self.introductionDays / cards.count
            dueOn[offset, default: []].append(card)
        }
        var total = 0
        for offset in 0..<(Self.days - Self.breakDays) {
            guard let todays = dueOn.removeValue(forKey: offset), !todays.isEmpty else { continue }
            let day = first.adding(days: offset)
            let base = calendar.start(of: day).addingTimeInterval(3600 * 14)
            var batch: [AnswerInput] = []
            batch.reserveCapacity(todays.count * 2)
            for (i, card) in todays.enumerated() {
                let grade = Self.grade(&random)
                let at = base.addingTimeInterval(Double(i) * 6)
                batch.append(AnswerInput(cardRowID: card, grade: grade, at: at, day: day, answerMilliseconds: Int.random(in: 1_500...12_000, using: &random), sessionID: nil))
                if grade.rawValue < 4 {
                    batch.append(AnswerInput(cardRowID: card, grade: Bool.random(using: &random) ? .good : .perfect, at: at.addingTimeInterval(180),
                                             day: day, answerMilliseconds: Int.random(in: 1_000...6_000, using: &random), sessionID: nil))
                }
            }
            let results = try database.recordAnswers(batch)
            for result in results where result.kind == .review {
                if let due = result.after.due {
                    dueOn[first.distance(to: due), default: []].append(result.cardRowID)
                }
            }
            total += results.count
            if offset % 73 == 0 { progress(offset, Self.days) }
        }
        return (total, cards.count)
    }

    static func grade(_ random: inout SplitMix64) -> Grade {
        var roll = Int.random(in: 0..<100, using: &random)
        for (value, weight) in gradeWeights.enumerated() {
            if roll < weight { return Grade(value) ?? .good }
            roll -= weight
        }
        return .perfect
    }
}
