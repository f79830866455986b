import GRDB
import SM2
import Testing
@testable import MuscleMemory
import TestSupport

/// "Correct", the review kinds and the leech rule are each defined once (ScoringRules, Grade,
/// ReviewKind); SQL gets them as generated fragments. The schema's triggers and indexes, fixed by
/// their migrations, hold the same fragments word for word, and SQL and Swift agree on every value.
@Suite struct ScoringRulesTests {
    @Test func theSchemaHoldsTheSameFragments() throws {
        let reportIndexes = try repositoryFile("Schema/0003_report_indexes.sql")
        #expect(reportIndexes.contains("WHERE active = 1 AND \(ScoringRules.leech(in: nil));"))
        let topicDays = try repositoryFile("Schema/0005_topic_days.sql")
        for correct in ["r.grade", "NEW.grade", "OLD.grade"].map({ ScoringRules.correct(grade: $0) }) {
            #expect(topicDays.contains(correct), "Schema/0005 does not count correct answers as \(correct)")
        }
        #expect(topicDays.contains("WHEN NEW.\(ScoringRules.kind("kind", is: .review))") && topicDays.contains("WHEN OLD.\(ScoringRules.kind("kind", is: .review))"))
        #expect(topicDays.contains("r.\(ScoringRules.kind("kind", is: .review)) AND"))
        let initial = try repositoryFile("Schema/0001_initial.sql")
        #expect(initial.contains("CHECK (kind IN (\(ReviewKind.allCases.map { String($0.rawValue) }.joined(separator: ", "))))"))
        let names = ReviewKind.allCases.dropLast().map { "WHEN \($0.rawValue) THEN '\($0)'" }.joined(separator: " ")
        #expect(initial.contains("CASE r.kind \(names) ELSE '\(ReviewKind.allCases.last.map { "\($0)" } ?? "")' END AS kind"))
        #expect(initial.contains("-- kind 0 (review)") && initial.contains("kind 1 (re-drill)") && initial.contains("kind 2 (cram)"))
    }

    @Test func sqlAndSwiftAgreeOnCorrect() throws {
        let store = try TestStore.inMemory()
        for grade in Grade.allCases {
            let sql = try store.database.read { db in try Bool.fetchOne(db, literal: "SELECT \(sql: ScoringRules.correct(grade: "\(grade.rawValue)"))") }
            #expect(sql == ScoringRules.isCorrect(grade), "grade \(grade.rawValue)")
        }
    }

    @Test(arguments: [(0, 0, 250), (1, 3, 250), (1, 4, 250), (5, 0, 130), (5, 0, 132), (0, 4, 130)])
    func sqlAndSwiftAgreeOnLeeches(reviews: Int, lapses: Int, easiness: Int) throws {
        let store = try TestStore.inMemory()
        let sql = try store.database.read { db in
            try Bool.fetchOne(db, literal: """
                SELECT \(sql: ScoringRules.leech(in: "s")) FROM (SELECT \(reviews) AS reviews, \(lapses) AS lapses, \(easiness) AS easiness) s
                """)
        }
        #expect(sql == ScoringRules.isLeech(reviews: reviews, lapses: lapses, easiness: Easiness(hundredths: easiness)))
        #expect(ScoringRules.leechRule == "4 or more lapses, or easiness at the 1.30 floor")
    }
}
