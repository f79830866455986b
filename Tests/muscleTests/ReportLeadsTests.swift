import Foundation
import Testing
import TestSupport

/// Issue 16, "The report": a report that leads a newcomer, through the built binary.
@Suite struct ReportLeadsTests {
    static let now = ["--db", "muscle.sqlite", "--decks", "deck", "--now", "2026-12-03T18:00:00Z"]

    /// The two-muscle deck with `Order:` putting soleus before piriformis (alphabetically second),
    /// synced, never studied.
    static func fresh() -> Sandbox {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        sandbox.write("deck/deck.md", "# Term\nOrder: soleus\n")
        #expect(sandbox.run(["sync"] + now).exitCode == 0)
        return sandbox
    }

    /// No reviews: one line that says so and what to run, no wall of "not started" rows; "Study
    /// next" starts with the muscle `muscle study` shows first (deck order), not the alphabetical one.
    @Test func anEmptyDatabaseSaysRunStudyAndSuggestsWhatStudyShowsFirst() {
        let sandbox = Self.fresh()
        let result = sandbox.run(["report"] + Self.now)
        #expect(result.exitCode == 0 && result.stderr.isEmpty, "\(result.stderr)")
        expectSameText(result.stdout, Self.emptyReport)
        #expect(!result.stdout.contains("not started"))
        let markdown = sandbox.run(["report", "--format", "markdown"] + Self.now)
        #expect(markdown.stdout.contains("No reviews yet: run \\`muscle study\\`"), "\(markdown.stdout)")
        let study = sandbox.run(["study", "--new", "1"] + Self.now, stdin: "\n5\n")
        #expect(study.stdout.contains("“soleus”"), "\(study.stdout)")
        #expect(!study.stdout.lowercased().contains("piriformis"), "\(study.stdout)")
    }

    /// `--exam`: the studied muscles first, the unstarted folded into one line after them.
    @Test func examReadinessListsStudiedMusclesFirstAndFoldsTheUnstarted() {
        let sandbox = Self.fresh()
        #expect(sandbox.run(["study", "--new", "1"] + Self.now, stdin: "\n5\n").exitCode == 0)
        for format in ["table", "markdown", "html"] {
            let result = sandbox.run(["report", "--exam", "2026-12-20", "--format", format] + Self.now)
            #expect(result.exitCode == 0, "\(result.stderr)")
            let readiness = (result.stdout.components(separatedBy: "Readiness on 2026-12-20").last ?? "")
                .split(separator: "Plan to the exam", maxSplits: 1).first.map(String.init) ?? ""
            #expect(readiness.contains("Soleus"), "\(format): \(readiness)")
            #expect(!readiness.contains("Piriformis"), "\(format): \(readiness)")
            #expect(readiness.contains("… and 1 muscle not started"), "\(format): \(readiness)")
        }
        let json = sandbox.run(["report", "--exam", "2026-12-20", "--format", "json"] + Self.now).stdout
        // The data formats keep every muscle, studied first ("exam" is the first key of the object).
        let soleus = json.range(of: "\"topic\" : \"Soleus\""), piriformis = json.range(of: "\"topic\" : \"Piriformis\"")
        #expect(soleus != nil && piriformis != nil && soleus!.lowerBound < piriformis!.lowerBound, "\(json)")
    }

    /// The HTML page: the Muscles table holds the studied muscles and one folded line; readiness
    /// bars are green (good), weakness bars red; the weekly retention chart labels its points;
    /// the due chart has y-axis ticks.
    @Test func theHTMLPageFoldsUnstartedMusclesAndLabelsItsCharts() {
        let sandbox = ReportCommandTests.studied()
        let html = sandbox.run(["report", "--format", "html", "--exam", "2026-12-20"] + ReportCommandTests.now).stdout
        func section(_ id: String) -> String {
            (html.components(separatedBy: "<section id=\"\(id)\">").dropFirst().first ?? "").components(separatedBy: "</section>").first ?? ""
        }
        let muscles = section("muscles")
        #expect(muscles.contains("<tr class=\"folded\"><td colspan=\"11\">… and 1 muscle not started</td></tr>"), "\(muscles)")
        #expect(!muscles.contains("not started</td><td"), "\(muscles)")
        let readiness = section("readiness-on-2026-12-20-17-days-left")
        #expect(readiness.contains("<span class=\"bar good\""), "\(readiness)")
        #expect(!section("weakest-topics").contains("bar good"))
        #expect(html.contains(".bar.good { background: #2da44e; }"))
        let retention = section("retention-by-week")
        #expect(retention.components(separatedBy: "class=\"value\">").count - 1 == retention.components(separatedBy: "<circle").count - 1 && retention.contains("<circle"), "\(retention)")
        let due = section("due-in-the-next-30-days")
        #expect(due.contains("text-anchor=\"end\">0</text>"), "\(due)")
        #expect(due.components(separatedBy: "<line ").count - 1 >= 2, "\(due)")
    }

    /// One format per quantity: weakness is a whole number in the table, Markdown, CSV, JSON and
    /// the HTML chart alike (never "65" beside "52.9", or "65.0").
    @Test func weaknessIsAWholeNumberInEveryFormat() throws {
        let sandbox = ReportCommandTests.studied()
        func run(_ format: String) -> String { sandbox.run(["report", "--format", format] + ReportCommandTests.now).stdout }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("json").utf8)) as? [String: Any])
        let topics = ["muscle_aspects", "muscles", "aspects", "regions"].flatMap { json[$0] as? [[String: Any]] ?? [] }
        let scored = topics.compactMap { t in (t["weakness"] as? NSNumber).map { (t["topic"] as? String ?? "", $0) } }
        #expect(!scored.isEmpty)
        for (_, number) in scored { #expect(number.doubleValue == number.doubleValue.rounded(), "\(number)") }
        let csv = run("csv").split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for row in csv where row.count == 16 && !row[14].isEmpty { #expect(Int(row[14]) != nil, "\(row)") }
        let table = run("table"), markdown = run("markdown"), html = run("html")
        for (topic, number) in scored.prefix(5) {
            let value = "\(number.intValue)"
            #expect(csv.contains { $0.count == 16 && $0[1] == Substring(topic) && $0[14] == Substring(value) }, "\(topic) \(value)")
            #expect(markdown.contains("| \(topic) | \(value) |"), "\(topic) \(value)")
            #expect(table.split(separator: "\n").contains { $0.hasPrefix(topic) && $0.split(separator: " ").contains(Substring(value)) }, "\(topic) \(value)")
            #expect(html.contains("<td>\(topic)</td><td class=\"num\">\(value)</td>"), "\(topic) \(value)")
        }
        let chart = html.components(separatedBy: "<section id=\"weakness-chart\">").last?.components(separatedBy: "</section>").first ?? ""
        #expect(chart.range(of: #">[0-9]+\.[0-9]</text>"#, options: .regularExpression) == nil, "\(chart)")
    }

    static let emptyReport = """
        Weak topics
        2026-12-03, window: the last 30 days
        weakness = 100 × (0.6 × failed + 0.25 × easiness lost + 0.15 × not learned), each a share from 0 to 1: failed = reviews graded below 3 and exam answers missed
        in the window (all time if it holds fewer than 5), easiness lost = the fall of mean easiness from 2.50 toward 1.30, not learned = cards at repetition 0 (new, or
        failed at their last review); 0 is strong, 100 weak; fewer than 5 reviews: too few to judge

        No reviews yet
        No reviews yet: run `muscle study`. 18 cards in 2 muscles are waiting; weak topics show here after a few days of study.

        Study next
        the muscles of the first new cards `muscle study` shows, in deck order
        1. muscle study --muscle soleus
        2. muscle study --muscle piriformis

        """
}
