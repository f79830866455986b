import GRDB
import SM2

/// The exam-practice reads of `muscle report` (migration 0009's tables): grouped counts, never a
/// row per answer.
extension AppDatabase {
    static func examPracticeFigures(window: ClosedRange<Day>, _ db: Database) throws -> ExamPracticeFigures {
        let (start, end) = (window.lowerBound.number, window.upperBound.number)
        // The muscle's name as a deck names it (the first deck that has the key), else its key.
        let name = "coalesce((SELECT m.name FROM muscle m WHERE m.key = i.muscle_key ORDER BY m.id LIMIT 1), i.muscle_key)"
        var figures = ExamPracticeFigures()
        let groups = try Row.fetchCursor(db, sql: """
            SELECT i.template, i.aspect, i.region, i.muscle_key, \(name) AS name, count(*) AS n, sum(a.correct) AS ok,
                   sum(a.day BETWEEN :start AND :end) AS wn, sum(CASE WHEN a.day BETWEEN :start AND :end THEN a.correct ELSE 0 END) AS wok
            FROM exam_answer a JOIN exam_item i ON i.id = a.item_id
            GROUP BY i.template, i.aspect, i.region, i.muscle_key ORDER BY i.muscle_key, i.aspect, i.template, i.region
            """, arguments: ["start": start, "end": end])
        while let row = try groups.next() {
            figures.groups.append(.init(template: row["template"], aspect: row["aspect"], region: row["region"], muscleKey: row["muscle_key"],
                                        muscleName: row["name"], answers: row["n"], correct: row["ok"], windowAnswers: row["wn"], windowCorrect: row["wok"]))
        }
        let items = try Row.fetchCursor(db, sql: """
            SELECT a.item_id, i.stem, i.template, i.muscle_key, \(name) AS name, count(*) AS n, sum(a.correct) AS ok
            FROM exam_answer a JOIN exam_item i ON i.id = a.item_id
            WHERE a.day BETWEEN :start AND :end GROUP BY a.item_id ORDER BY a.item_id
            """, arguments: ["start": start, "end": end])
        while let row = try items.next() {
            figures.items.append(.init(id: row["item_id"], stem: row["stem"], template: row["template"], muscleKey: row["muscle_key"],
                                       muscleName: row["name"], answers: row["n"], correct: row["ok"]))
        }
        let mocks = try Row.fetchCursor(db, sql: """
            SELECT id, day, items, answered, correct FROM exam_session
            WHERE kind = 'mock' AND day BETWEEN :start AND :end AND answered > 0 ORDER BY started_at, id
            """, arguments: ["start": start, "end": end])
        while let row = try mocks.next() {
            figures.mocks.append(.init(session: row["id"], day: Day(row["day"] as Int), items: row["items"], answered: row["answered"], correct: row["correct"]))
        }
        return figures
    }
}
