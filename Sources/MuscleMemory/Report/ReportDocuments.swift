/// Builds the documents of `muscle report` and `muscle stats`.
public enum ReportDocuments {
    static let topicColumns: [ReportDocument.Column] = [
        .init("topic"), .init("weakness", numeric: true), .init("cards", numeric: true), .init("seen", numeric: true),
        .init("reviews", numeric: true), .init("retention", numeric: true), .init("all time", numeric: true),
        .init("lapses", numeric: true), .init("easiness", numeric: true), .init("not learned", numeric: true),
    ]

    static func topicTable(_ topics: [TopicStats]) -> ReportDocument.Table {
        ReportDocument.Table(
            columns: topicColumns,
            rows: topics.map { t in
                [t.name, Format.weakness(t), String(t.cards), String(t.seen), "\(t.windowReviews)/\(t.reviews)",
                 Format.percent(t.windowRetention), Format.percent(t.retention), String(t.lapses), Format.easiness(t.meanEasiness), String(t.notLearned)]
            },
            bar: topics.map { $0.weakness.map { $0 / 100 } },
            barAfter: 1)
    }

    public static func report(_ r: WeakTopicReport) -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        let judged = r.muscleAspects.filter(\.judged)
        let cards = r.muscles.reduce(0) { $0 + $1.cards }
        if !r.muscles.contains(where: \.started) {
            // Nothing answered yet: every row would say "not started", so say it once.
            sections.append(.init(title: "No reviews yet", note: nil, content: .lines([
                "No reviews yet: run `muscle study`. \(cards) card\(cards == 1 ? "" : "s") in \(r.muscles.count) muscle\(r.muscles.count == 1 ? "" : "s") are waiting; weak topics show here after a few days of study.",
            ])))
        } else {
            sections.append(.init(title: "Weakest topics", note: "muscle × aspect, weakest first; reviews are last \(r.windowDays) days / all time",
                                  content: .table(topicTable(Array(r.muscleAspects.prefix(judged.isEmpty ? 10 : max(10, min(judged.count, 20)))))), terminalRowLimit: 10))
            // Muscles: the studied ones, the rest folded into one line (a curriculum has dozens).
            var muscles = topicTable(r.muscles.filter(\.started))
            muscles.folded = notStarted(r.muscles.count - muscles.rows.count, of: r.muscles.count)
            sections.append(.init(title: "Muscles", note: nil, content: .table(muscles), terminalRowLimit: 15))
            for (title, topics) in [("Aspects", r.aspects), ("Regions", r.regions)] {
                sections.append(.init(title: title, note: nil, content: .table(topicTable(topics)), terminalRowLimit: nil))
            }
        }
        if r.muscles.contains(where: \.started) {
            if r.leeches.isEmpty {
                sections.append(.init(title: "Leeches", note: nil, content: .lines(["No leeches: no card has \(ScoringRules.leechLapses) lapses or easiness at the \(ScoringRules.leechEasiness) floor."])))
            } else {
                sections.append(.init(title: "Leeches", note: "cards with \(ScoringRules.leechRule)",
                                      content: .table(ReportDocument.Table(
                                        columns: [.init("card"), .init("question"), .init("lapses", numeric: true), .init("easiness", numeric: true), .init("reviews", numeric: true)],
                                        rows: r.leeches.map { [$0.id.rawValue, $0.front, String($0.lapses), Format.easiness($0.easiness), String($0.reviews)] },
                                        bar: nil, barAfter: 0))))
            }
        }
        if let practice = r.examPractice { sections += examPracticeSections(practice, windowDays: r.windowDays) }
        if let exam = r.exam {
            let studied = exam.topics.filter(\.started)
            // The exam-practice column only once there are exam answers (its rule: Docs/REPORTS.md).
            let withExam = exam.topics.contains { $0.examAnswers > 0 }
            sections.append(.init(title: "Readiness on \(exam.exam) (\(exam.daysLeft) day\(exam.daysLeft == 1 ? "" : "s") left)",
                                  note: "ready: learned and not due again before the exam; at risk: new, failing, or due by exam day"
                                    + (withExam ? "; with \(ExamPlanner.examAnswersToJudge) or more exam answers, ready is at most the exam accuracy" : ""),
                                  content: .table(ReportDocument.Table(
                                    columns: [.init("muscle"), .init("ready", numeric: true), .init("cards", numeric: true), .init("at risk", numeric: true)]
                                        + (withExam ? [.init("exam", numeric: true)] : []),
                                    rows: studied.map { [$0.name, Format.percent($0.readyShare), String($0.cards), String($0.atRisk)]
                                        + (withExam ? [$0.examAnswers > 0 ? "\(Format.percent($0.examAccuracy)) of \($0.examAnswers)" : "—"] : []) },
                                    bar: studied.map { $0.readyShare }, barAfter: 1,
                                    folded: notStarted(exam.topics.count - studied.count, of: exam.topics.count), barIsGood: true)),
                                  terminalRowLimit: 15))
            sections.append(.init(title: "Plan to the exam (at most \(exam.maxPerDay) a day)",
                                  note: "every card is seen at least once in the last week before the exam",
                                  content: .table(ReportDocument.Table(
                                    columns: [.init("day"), .init("due", numeric: true), .init("new", numeric: true), .init("final pass", numeric: true), .init("total", numeric: true)],
                                    rows: exam.days.map { [$0.day.description, String($0.due), String($0.new), String($0.finalPass), String($0.total)] },
                                    bar: nil, barAfter: 0))))
            if !exam.problems.isEmpty {
                sections.append(.init(title: "The plan does not fit", note: nil, content: .lines(exam.problems)))
            }
        }
        // Weeks before the first review are left out; later weeks without reviews are gaps.
        let weeks = Array(r.weeklyRetention.drop { $0.reviews == 0 })
        if !weeks.isEmpty {
            sections.append(.init(title: "Retention by week", note: "share of reviews graded \(Grade.lowestCorrect.rawValue) or more",
                                  content: .bars(.init(labels: weeks.map { String($0.start.description.dropFirst(5)) },
                                                       values: weeks.map { $0.reviews > 0 ? Double($0.correct) / Double($0.reviews) : 0 },
                                                       valueLabels: weeks.map { $0.reviews > 0 ? Format.percent(Double($0.correct) / Double($0.reviews)) : "—" },
                                                       maximum: 1, line: true,
                                                       missing: Set(weeks.indices.filter { weeks[$0].reviews == 0 })))))
        }
        if !r.forecast.isEmpty {
            sections.append(.init(title: "Due in the next 30 days", note: nil, content: .bars(forecastBars(r.forecast, from: r.today))))
        }
        sections.append(.init(title: "Study next", note: r.muscles.contains(where: \.started) ? nil : "the muscles of the first new cards `muscle study` shows, in deck order",
                              content: r.plan.isEmpty ? .lines(["Nothing to suggest yet: study a few days, then ask again."]) : .commands(r.plan)))
        return ReportDocument(title: "Weak topics", subtitle: ["\(r.today), window: the last \(r.windowDays) days", r.scoreDefinition], sections: sections)
    }

    /// Accuracy by region, template and muscle, the items missed most and the mock exams' scores.
    static func examPracticeSections(_ p: ExamPractice, windowDays: Int) -> [ReportDocument.Section] {
        func table(_ title: String, _ rows: [ExamPractice.Accuracy], limit: Int?) -> ReportDocument.Section {
            .init(title: "Exam practice by \(title)", note: nil, content: .table(ReportDocument.Table(
                columns: [.init(title), .init("accuracy", numeric: true), .init("answers", numeric: true), .init("missed", numeric: true)],
                rows: rows.map { [$0.name, Format.percent($0.accuracy), String($0.answers), String($0.answers - $0.correct)] },
                bar: rows.map(\.accuracy), barAfter: 1, barIsGood: true)), terminalRowLimit: limit)
        }
        var sections: [ReportDocument.Section] = [
            .init(title: "Exam practice", note: "muscle exam; muscle content only", content: .lines([
                "\(p.answers) exam answer\(p.answers == 1 ? "" : "s") in the last \(windowDays) days, \(Format.percent(p.accuracy)) correct. Missed items count in the weakness of their muscle and aspect.",
            ])),
            table("region", p.byRegion, limit: nil),
            table("template", p.byTemplate, limit: nil),
            table("muscle", p.byMuscle, limit: 10),
        ]
        let missed = p.missedMost
        if !missed.isEmpty {
            sections.append(.init(title: "Exam items missed most", note: nil, content: .table(ReportDocument.Table(
                columns: [.init("item"), .init("question"), .init("muscle"), .init("missed", numeric: true), .init("answers", numeric: true)],
                rows: missed.map { [$0.id, $0.stem, $0.muscle, String($0.missed), String($0.answers)] }, bar: nil, barAfter: 0)), terminalRowLimit: 5))
        }
        if !p.mocks.isEmpty {
            sections.append(.init(title: "Mock exam scores", note: "correct answers of all items; an unanswered item counts as wrong",
                                  content: .bars(.init(labels: p.mocks.map { String($0.day.description.dropFirst(5)) }, values: p.mocks.map(\.score),
                                                       valueLabels: p.mocks.map { "\(Format.percent($0.score)) (\($0.correct)/\($0.items))" }, maximum: 1, line: true))))
        }
        return sections
    }

    /// "… and 70 muscles not started" after the studied rows (nil when every muscle is started;
    /// "none of the 72 muscles started" when no row is left above it).
    static func notStarted(_ count: Int, of total: Int) -> String? {
        if count == 0 { return nil }
        if count == total { return "None of the \(total) muscle\(total == 1 ? "" : "s") started yet" }
        return "… and \(count) muscle\(count == 1 ? "" : "s") not started"
    }

    static func forecastBars(_ forecast: [Int], from today: Day) -> ReportDocument.Bars {
        ReportDocument.Bars(labels: forecast.indices.map { String(today.adding(days: $0).description.dropFirst(5)) },
                            values: forecast.map(Double.init), valueLabels: forecast.map(String.init),
                            maximum: Double(max(1, forecast.max() ?? 1)))
    }

    public static func stats(_ s: StatsReport) -> ReportDocument {
        let perDay = s.perDay.map(\.answers)
        let states = s.cards
        let total = max(1, states.new + states.learning + states.young + states.mature)
        let cardRows: [(String, Int)] = [("new", states.new), ("learning", states.learning), ("young", states.young), ("mature", states.mature)]
        let sections: [ReportDocument.Section] = [
            .init(title: "Answers per day, last \(s.windowDays) days", note: "all answers; \(s.perDay.reduce(0) { $0 + $1.reviews }) of them first answers of a day",
                  content: .bars(.init(labels: s.perDay.map { String($0.day.description.dropFirst(5)) }, values: perDay.map(Double.init),
                                       valueLabels: perDay.map(String.init), maximum: Double(max(1, perDay.max() ?? 1))))),
            .init(title: "Due in the next \(s.forecast.count) days", note: "overdue cards count on the first day", content: .bars(forecastBars(s.forecast, from: s.today))),
            .init(title: "Cards by state", note: "new: never answered · learning: repetitions 0-1 · young: interval under 21 days · mature: 21 days or more",
                  content: .table(.init(columns: [.init("state"), .init("cards", numeric: true), .init("share", numeric: true)],
                                        rows: cardRows.map { [$0.0, String($0.1), Format.percent(Double($0.1) / Double(total))] },
                                        bar: cardRows.map { Double($0.1) / Double(total) }, barAfter: 2))),
            .init(title: "Retention by interval, last \(s.windowDays) days", note: "share of reviews graded \(Grade.lowestCorrect.rawValue) or more, by the interval the card had",
                  content: .table(.init(columns: [.init("interval"), .init("reviews", numeric: true), .init("retention", numeric: true)],
                                        rows: s.retentionByInterval.map { [$0.name, String($0.reviews), Format.percent($0.retention)] },
                                        bar: s.retentionByInterval.map(\.retention), barAfter: 2, barIsGood: true))),
            .init(title: "Streak and time", note: nil, content: .lines([
                "Study streak: \(s.streak) day\(s.streak == 1 ? "" : "s").",
                "Time answering: \(Format.duration(milliseconds: s.windowMilliseconds)) in the last \(s.windowDays) days, \(Format.duration(milliseconds: s.totalMilliseconds)) in all.",
            ])),
        ]
        return ReportDocument(title: "Statistics", subtitle: ["\(s.today)"], sections: sections)
    }
}

import SM2
