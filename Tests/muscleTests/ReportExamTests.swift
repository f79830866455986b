import Foundation
import GRDB
import Testing
import TestSupport

/// The report's exam section after a known history: a seeded practice set and a seeded mock exam
/// piped through `muscle exam`, then `muscle report` in every format, `muscle share` and
/// `muscle class`, each through the built binary.
@Suite(.serialized) struct ReportExamTests {
    static let golden = GoldenFiles("Tests/muscleTests/Golden")

    /// A seeded mock exam of 8 items, answered a, b, c, d, a, b, c, d: generating the bundled
    /// curriculum's items is the slow part, so one run makes the whole history.
    func history(_ sandbox: Sandbox) {
        let mock = sandbox.run(["exam", "--db", sandbox.db, "--decks", "bundled", "--now", "2026-12-02T10:00:00Z", "--mock", "--seed", "3", "--items", "8"],
                               stdin: "a\nb\nc\nd\na\nb\nc\nd\n", timeout: .seconds(180))
        #expect(mock.exitCode == 0, "\(mock.stderr)")
    }

    func report(_ sandbox: Sandbox, _ format: String) -> String {
        let result = sandbox.run(["report", "--db", sandbox.db, "--decks", "bundled", "--now", "2026-12-03T10:00:00Z", "--format", format], timeout: .seconds(120))
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The database's own counts, to hold the report's figures against.
    func answers(_ path: String) throws -> (answers: Int, correct: Int, items: Int) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT count(*) AS n, sum(correct) AS ok, count(DISTINCT item_id) AS items FROM exam_answer"))
            return (row["n"], row["ok"], row["items"])
        }
    }

    @Test func theExamSectionInEveryFormatAfterAKnownHistory() throws {
        let sandbox = Sandbox()
        history(sandbox)
        let counts = try answers(sandbox.db)
        #expect(counts.answers == 8)

        // JSON: the section's totals are the database's, every roll-up adds up to them.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report(sandbox, "json").utf8)) as? [String: Any])
        let practice = try #require(json["exam_practice"] as? [String: Any])
        #expect(practice["answers"] as? Int == counts.answers && practice["correct"] as? Int == counts.correct)
        for level in ["by_region", "by_template", "by_muscle"] {
            let rows = try #require(practice[level] as? [[String: Any]])
            #expect(rows.reduce(0) { $0 + ($1["answers"] as? Int ?? 0) } == counts.answers, "\(level)")
            #expect(rows.reduce(0) { $0 + ($1["correct"] as? Int ?? 0) } == counts.correct, "\(level)")
        }
        #expect((practice["items"] as? [Any])?.count == counts.items)
        let mocks = try #require(practice["mocks"] as? [[String: Any]])
        #expect(mocks.count == 1 && mocks.first?["items"] as? Int == 8 && mocks.first?["day"] as? String == "2026-12-02")

        // The table view's exam section, whole.
        let table = report(sandbox, "table")
        let section = table.components(separatedBy: "\nExam practice\n").dropFirst().first?.components(separatedBy: "\nStudy next\n").first
        Self.golden.expectMatch("Exam practice\n" + (section ?? table), "report-exam.table")
        // Markdown, CSV and HTML carry it too; HTML draws the mock scores as a line chart.
        #expect(report(sandbox, "markdown").contains("## Exam practice by template"))
        let csv = report(sandbox, "csv")
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("exam-item,") }.count == counts.items)
        #expect(csv.contains("\r\nmock-exam,2026-12-02,"))
        let html = report(sandbox, "html")
        let chart = html.components(separatedBy: "Mock exam scores").last?.components(separatedBy: "</section>").first ?? ""
        #expect(chart.contains("<polyline"), "\(chart.prefix(400))")

        // Readiness (--exam) gains the exam column; the muscles answered carry their exam answers.
        let ready = sandbox.run(["report", "--db", sandbox.db, "--decks", "bundled", "--now", "2026-12-03T10:00:00Z", "--exam", "2026-12-20", "--format", "json"],
                                timeout: .seconds(120))
        let readiness = try #require(try JSONSerialization.jsonObject(with: Data(ready.stdout.utf8)) as? [String: Any])
        let topics = try #require((readiness["exam"] as? [String: Any])?["topics"] as? [[String: Any]])
        #expect(topics.reduce(0) { $0 + ($1["exam_answers"] as? Int ?? 0) } == counts.answers)

        // The share carries it, and the class report merges it.
        let share = sandbox.run(["share", "--db", sandbox.db, "--decks", "bundled", "--now", "2026-12-03T10:00:00Z", "--output", "ana.json", "--label", "ana"], timeout: .seconds(120))
        #expect(share.exitCode == 0, "\(share.stderr)")
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sandbox.file("ana.json")))) as? [String: Any])
        let exam = try #require(file["exam"] as? [String: Any])
        #expect((exam["items"] as? [[String: Any]])?.count == counts.items)
        #expect((exam["templates"] as? [[String: Any]])?.reduce(0) { $0 + ($1["answered"] as? Int ?? 0) } == counts.answers)
        let merged = sandbox.run(["class", "--min-group", "1", "ana.json"])
        #expect(merged.exitCode == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("Exam practice accuracy"), "\(merged.stdout)")
        #expect(merged.stdout.contains("Exam items the class fails most"))
    }

    /// Without exam answers there is no exam section.
    @Test func noExamAnswersNoSection() throws {
        let sandbox = Sandbox()
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "bundled", "--now", "2026-12-03T10:00:00Z"], timeout: .seconds(120)).exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report(sandbox, "json").utf8)) as? [String: Any])
        #expect(json["exam_practice"] == nil)
        #expect(!report(sandbox, "table").contains("Exam practice"))
    }
}
