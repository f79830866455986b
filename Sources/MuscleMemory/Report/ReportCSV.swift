/// `--format csv`: one table a spreadsheet opens as it is (RFC 4180 quoting). The report's rows are
/// every topic at every level; the stats' rows are `section,label,value`.
public enum ReportCSV {
    public static let topicHeader = ["level", "topic", "command", "cards", "seen", "not_learned", "reviews", "correct", "retention",
                                     "window_reviews", "window_correct", "window_retention", "lapses", "mean_easiness", "weakness", "judged"]

    public static func report(_ r: WeakTopicReport) -> String {
        var rows = [topicHeader]
        for topics in [r.muscleAspects, r.muscles, r.aspects, r.regions] {
            for t in topics {
                rows.append([t.level.rawValue, t.name, t.command, String(t.cards), String(t.seen), String(t.notLearned),
                             String(t.reviews), String(t.correct), t.retention.map(decimal) ?? "",
                             String(t.windowReviews), String(t.windowCorrect), t.windowRetention.map(decimal) ?? "",
                             String(t.lapses), t.meanEasiness.map { Format.easiness($0) } ?? "", t.weakness.map { Format.weakness($0) } ?? "",
                             t.judged ? "true" : "false"])
            }
        }
        if let p = r.examPractice {
            // Exam practice in the same columns: answers as reviews, the window's only.
            func accuracy(_ level: String, _ a: ExamPractice.Accuracy) -> [String] {
                let share = a.accuracy.map(decimal) ?? ""
                return [level, a.name, "", "", "", "", String(a.answers), String(a.correct), share, String(a.answers), String(a.correct), share, "", "", "", ""]
            }
            for a in p.byRegion { rows.append(accuracy("exam-region", a)) }
            for a in p.byTemplate { rows.append(accuracy("exam-template", a)) }
            for a in p.byMuscle { rows.append(accuracy("exam-muscle", a)) }
            for item in p.items {
                rows.append(accuracy("exam-item", .init(name: item.id, key: item.id, answers: item.answers, correct: item.answers - item.missed)))
            }
            for mock in p.mocks {
                rows.append(accuracy("mock-exam", .init(name: mock.day.description, key: mock.day.description, answers: mock.items, correct: mock.correct)))
            }
        }
        return rows.map(line).joined()
    }

    public static func stats(_ s: StatsReport) -> String {
        var rows = [["section", "label", "value"]]
        for day in s.perDay { rows.append(["answers_per_day", day.day.description, String(day.answers)]) }
        for day in s.perDay { rows.append(["reviews_per_day", day.day.description, String(day.reviews)]) }
        for (offset, count) in s.forecast.enumerated() { rows.append(["due_forecast", s.today.adding(days: offset).description, String(count)]) }
        rows += [["cards", "new", String(s.cards.new)], ["cards", "learning", String(s.cards.learning)],
                 ["cards", "young", String(s.cards.young)], ["cards", "mature", String(s.cards.mature)]]
        for bucket in s.retentionByInterval {
            rows.append(["retention_by_interval", bucket.name, bucket.retention.map(decimal) ?? ""])
            rows.append(["reviews_by_interval", bucket.name, String(bucket.reviews)])
        }
        rows += [["streak", "days", String(s.streak)], ["time", "window_ms", String(s.windowMilliseconds)], ["time", "total_ms", String(s.totalMilliseconds)]]
        return rows.map(line).joined()
    }

    static func decimal(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let text = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - text.count))\(text)"
    }

    static func line(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    /// Quoted when it holds a comma, quote or line break; formula-like text is prefixed with a
    /// quote mark so a spreadsheet shows it instead of running it.
    static func quote(_ cell: String) -> String {
        var text = TerminalText.sanitize(cell).replacingNewlines()
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
