import Foundation
import TestSupport
import SM2
import Testing
@testable import MuscleMemory

/// A seeded walk through study days over the soleus deck of `TopicDayTests`, `stepsPerDay` steps
/// a day: at each step an answer to a random active card with a random grade (7 in 12), a skip of
/// one (1 in 12, when `skips`; an answer otherwise), an undo of the latest answer (2 in 12), or a
/// re-sync that retires one card or brings it back (2 in 12). What the summaries kept by triggers
/// must stay exact through; `afterEach` is given the step and its day.
func studyWalk(_ store: TestStore, deck: DeckLocation, random: inout SplitMix64, steps: Int, stepsPerDay: Int, skips: Bool = false,
               afterEach: (_ step: Int, _ day: Day) throws -> Void = { _, _ in }) throws {
    var answers: [Int64] = []
    var retired = false
    for step in 0..<steps {
        let day = step / stepsPerDay
        let today = testDay.adding(days: day)
        let ids = try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT card_id FROM card_state WHERE active = 1") }
        switch Int.random(in: 0..<12, using: &random) {
        case 7 where skips:
            try store.database.bury(cardRowID: try #require(ids.randomElement(using: &random)), on: today)
        case 0...7:
            let id = try #require(ids.randomElement(using: &random))
            let grade = try #require(Grade(Int.random(in: 0...5, using: &random)))
            answers.append(try store.database.recordAnswer(AnswerInput(cardRowID: id, grade: grade, at: testNow.addingTimeInterval(days(day)),
                                                                       day: today, answerMilliseconds: 700, sessionID: nil)).reviewID)
        case 8, 9:
            if let last = answers.popLast() { _ = try store.database.undo(reviewID: last) }
        default:
            _ = store.deck(retired ? TopicDayTests.soleus : TopicDayTests.withoutStretch)
            _ = try DeckSync.run([deck], in: store.database, now: testNow.addingTimeInterval(days(day) + Double(step)))
            retired.toggle()
        }
        try afterEach(step, today)
    }
}
