/// `muscle class` as a `ReportDocument` (the table, Markdown and HTML formats), so it looks like
/// `muscle report`.
public enum ClassDocuments {
    public static let spreadDefinition = "spread: students whose weakness is \(Int(ClassMerge.weakThreshold)) or more, of those judged"

    static let topicColumns: [ReportDocument.Column] = [
        .init("topic"), .init("median weakness", numeric: true), .init("spread", numeric: true), .init("students", numeric: true),
        .init("started", numeric: true), .init("median retention", numeric: true), .init("reviews", numeric: true),
    ]

    static func topicTable(_ topics: [ClassTopic]) -> ReportDocument.Table {
        ReportDocument.Table(
            columns: topicColumns,
            rows: topics.map { t in
                [t.name, weakness(t.medianWeakness), "\(t.weak)/\(t.judged)", String(t.students), String(t.started),
                 Format.percent(t.medianRetention), String(t.reviews)]
            },
            bar: topics.map { $0.medianWeakness.map { $0 / 100 } },
            barAfter: 1)
    }

    static func cardTable(_ cards: [ClassCard], sources: Bool) -> ReportDocument.Table {
        // The source stays beside the card when a narrow terminal drops the last columns.
        var columns: [ReportDocument.Column] = [.init("card"), .init("miss rate", numeric: true)]
        if sources { columns.append(.init("source")) }
        columns += [.init("misses", numeric: true), .init("students", numeric: true)]
        return ReportDocument.Table(
            columns: columns,
            rows: cards.map { c in
                [c.id, Format.percent(c.missRate)] + (sources ? [c.source ?? "—"] : []) + ["\(c.misses)/\(c.reviews)", String(c.students)]
            },
            bar: cards.map { $0.missRate }, barAfter: 1)
    }

    static func weakness(_ value: Double?) -> String {
        guard let value else { return "too few" }
        return Format.weakness(value)
    }

    public static func report(_ r: ClassReport) -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        var subtitle = [summaryLine(r)]
        if r.belowMinGroup {
            sections.append(.init(title: "Too few shares", note: nil, content: .lines([
                "\(r.used) share\(r.used == 1 ? "" : "s") used: fewer than --min-group \(r.minGroup), so no topic, card or readiness figure is shown (a small group's figures could single a student out).",
                "\(r.labelled) of them labelled.",
            ])))
            sections.append(sharesSection(r))
            return ReportDocument(title: "Class report", subtitle: subtitle, sections: sections)
        }
        subtitle += [WeaknessScore.definition, spreadDefinition + "; median: over the students judged (too few: fewer than \(r.minGroup) judged)"]
        let judged = r.muscleAspects.filter { $0.medianWeakness != nil }
        sections.append(.init(title: "Weakest topics", note: "muscle × aspect, by the class's median weakness, weakest first",
                              content: .table(topicTable(Array(r.muscleAspects.prefix(judged.isEmpty ? 10 : max(10, min(judged.count, 20)))))), terminalRowLimit: 10))
        for (title, topics, limit) in [("Muscles", r.muscles, 15), ("Aspects", r.aspects, nil), ("Regions", r.regions, nil)] as [(String, [ClassTopic], Int?)] {
            sections.append(.init(title: title, note: nil, content: .table(topicTable(topics)), terminalRowLimit: limit))
        }
        let hidden = r.cardsHidden > 0 ? "; \(r.cardsHidden) card\(r.cardsHidden == 1 ? "" : "s") seen by fewer than \(r.minGroup) students not listed" : ""
        sections.append(.init(title: "Cards the class fails most", note: "misses of first answers of a day, across students, highest miss rate first: cards to reteach or rewrite\(hidden)",
                              content: r.cards.isEmpty ? .lines(["No card was missed by the class."]) : .table(cardTable(r.cards, sources: true)), terminalRowLimit: 15))
        if !r.unknownCards.isEmpty {
            sections.append(.init(title: "Cards not in your decks", note: "from other deck versions or other decks; merged by ID",
                                  content: .table(cardTable(r.unknownCards, sources: false)), terminalRowLimit: 10))
        }
        if r.examItems.isEmpty && r.examPractice.isEmpty {
            sections.append(.init(title: "Exam practice", note: nil, content: .lines(["No exam-practice answers in these shares."])))
        } else {
            if !r.examItems.isEmpty {
                sections.append(.init(title: "Exam items the class fails most", note: nil, content: .table(cardTable(r.examItems, sources: false)), terminalRowLimit: 15))
            }
            if !r.examPractice.isEmpty {
                sections.append(.init(title: "Exam practice accuracy", note: "by template and by region", content: .table(ReportDocument.Table(
                    columns: [.init("by"), .init("name"), .init("accuracy", numeric: true), .init("answered", numeric: true), .init("students", numeric: true)],
                    rows: r.examPractice.map { [$0.kind, $0.name, Format.percent($0.answered > 0 ? Double($0.correct) / Double($0.answered) : nil), String($0.answered), String($0.students)] },
                    bar: nil, barAfter: 0))))
            }
        }
        if let ready = r.readiness {
            var lines = ["Class: " + (ready.medianReady.map { "median \(Format.percent($0)) of cards ready" } ?? "fewer than \(r.minGroup) students with readiness for this day, so no class figure")
                         + " (\(ready.students) student\(ready.students == 1 ? "" : "s") with readiness for \(ready.examDay)).",]
            if ready.otherDays > 0 { lines.append("\(ready.otherDays) share\(ready.otherDays == 1 ? "" : "s") with readiness for another day not counted.") }
            sections.append(.init(title: "Readiness on \(ready.examDay)", note: "ready: learned and not due again before the exam", content: .lines(lines)))
            if !ready.rows.isEmpty {
                sections.append(.init(title: "Readiness by student", note: "students who chose a label", content: .table(ReportDocument.Table(
                    columns: [.init("student"), .init("ready", numeric: true), .init("cards", numeric: true)],
                    rows: ready.rows.map { [$0.label, Format.percent($0.share), String($0.cards)] },
                    bar: ready.rows.map(\.share), barAfter: 1))))
            }
        }
        if let map = r.heatMap {
            sections.append(.init(title: "Weakness by student and region", note: "the class median, then students who chose a label; — too few reviews to judge",
                                  content: .heatMap(map)))
        }
        sections.append(sharesSection(r))
        return ReportDocument(title: "Class report", subtitle: subtitle, sections: sections)
    }

    static func summaryLine(_ r: ClassReport) -> String {
        var text = "\(r.used) share\(r.used == 1 ? "" : "s") used"
        if !r.skipped.isEmpty { text += ", \(r.skipped.count) skipped" }
        if let first = r.firstDay, let last = r.lastDay { text += first == last ? ", made \(first)" : ", made \(first) to \(last)" }
        return text + "; groups smaller than \(r.minGroup) are shown only as counts"
    }

    static func sharesSection(_ r: ClassReport) -> ReportDocument.Section {
        var lines = ["\(r.used) share\(r.used == 1 ? "" : "s") used, \(r.labelled) labelled."]
        for skip in r.skipped { lines.append("Skipped \(skip.name): \(skip.reason).") }
        for version in r.deckVersions {
            lines.append("Deck '\(version.title.isEmpty ? "(untitled)" : version.title)' version \(version.fingerprint.prefix(12)): \(version.shares) share\(version.shares == 1 ? "" : "s").")
        }
        if r.topicsHidden > 0 { lines.append("\(r.topicsHidden) topic\(r.topicsHidden == 1 ? "" : "s") held by fewer than \(r.minGroup) students not shown.") }
        return .init(title: "Shares", note: nil, content: .lines(lines))
    }
}
