import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MuscleMemory
import TestSupport

/// Every format of `muscle report` and `muscle stats` against a golden file, the JSON against its
/// documented fields, the HTML as well-formed XML with every piece of deck text escaped.
///
/// To accept a deliberate change of output: `MUSCLE_RECORD_GOLDEN=1 swift test --filter ReportFormatTests`
/// (which writes the files and fails), then read the diff of Tests/MuscleMemoryTests/Report/Golden
/// and run again without the variable before committing it.
@Suite struct ReportFormatTests {
    static let golden = GoldenFiles("Tests/MuscleMemoryTests/Report/Golden")

    static func compare(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        golden.expectMatch(text, name, sourceLocation: sourceLocation)
    }

    static func fixture() throws -> (WeakTopicReport, StatsReport) {
        let f = try ReportFixture.failingStudent()
        let report = try f.report(exam: testDay.adding(days: 10), maxPerDay: 50, trends: true)
        let stats = try f.stats(windowDays: 14, forecastDays: 14)
        return (report, stats)
    }

    @Test func reportGoldenFiles() throws {
        let (report, _) = try Self.fixture()
        let document = ReportDocuments.report(report)
        Self.compare(TerminalReportRenderer.render(document, width: 100, style: .plain), "report.txt")
        Self.compare(MarkdownReportRenderer.render(document), "report.md")
        Self.compare(ReportCSV.report(report), "report.csv")
        Self.compare(try ReportJSON.report(report), "report.json")
        Self.compare(HTMLReportRenderer.render(document), "report.html")
    }

    @Test func statsGoldenFiles() throws {
        let (_, stats) = try Self.fixture()
        let document = ReportDocuments.stats(stats)
        Self.compare(TerminalReportRenderer.render(document, width: 100, style: .plain), "stats.txt")
        Self.compare(MarkdownReportRenderer.render(document), "stats.md")
        Self.compare(ReportCSV.stats(stats), "stats.csv")
        Self.compare(try ReportJSON.stats(stats), "stats.json")
        Self.compare(HTMLReportRenderer.render(document), "stats.html")
    }

    /// The JSON fields, exactly as Docs/REPORTS.md documents them.
    static let reportFields: Set<String> = ["kind", "today", "window_days", "score_definition", "muscles", "aspects", "regions", "muscle_aspects", "leeches", "plan", "exam"]
    /// Present only with exam answers (documented too).
    static let examFields: Set<String> = ["exam_practice", "by_region", "by_template", "by_muscle", "missed_most", "mocks", "exam_answers", "exam_correct",
                                          "window_exam_answers", "window_exam_correct"]
    static let topicFields: Set<String> = ["level", "topic", "command", "cards", "seen", "not_learned", "reviews", "correct", "retention",
                                           "window_reviews", "window_correct", "window_retention", "lapses", "mean_easiness", "weakness", "judged"]
    static let statsFields: Set<String> = ["kind", "today", "window_days", "per_day", "forecast", "cards", "retention_by_interval", "streak_days", "window_ms", "total_ms"]

    @Test func jsonHasTheDocumentedFields() throws {
        let (report, stats) = try Self.fixture()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.report(report).utf8)) as? [String: Any])
        #expect(Set(object.keys) == Self.reportFields)
        let muscles = try #require(object["muscles"] as? [[String: Any]])
        for topic in muscles {
            // Optional fields are absent when null; every present one is documented, the required ones are there.
            #expect(Set(topic.keys).isSubset(of: Self.topicFields))
            #expect(Set(topic.keys).isSuperset(of: ["level", "topic", "command", "cards", "seen", "not_learned", "reviews", "correct", "window_reviews", "window_correct", "lapses", "judged"]))
        }
        let piriformis = try #require(muscles.first { $0["topic"] as? String == "Piriformis" })
        #expect(piriformis["weakness"] as? Double == 63.0)
        #expect(piriformis["mean_easiness"] as? Double == 2.05)
        let statsObject = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.stats(stats).utf8)) as? [String: Any])
        #expect(Set(statsObject.keys) == Self.statsFields)
        let docs = try String(contentsOfFile: repositoryRoot + "/Docs/REPORTS.md", encoding: .utf8)
        for field in Self.reportFields.union(Self.topicFields).union(Self.statsFields).union(Self.examFields) {
            #expect(docs.contains("`\(field)`"), "Docs/REPORTS.md does not document \(field)")
        }
    }

    final class Collector: NSObject, XMLParserDelegate {
        var text = ""
        var elements: [String] = []
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
        }
    }

    /// A deck whose text holds markup: the page shows it as text, and stays well-formed.
    @Test func htmlIsWellFormedAndEscapesDeckText() throws {
        let hostile = "# <script>alert(\"x\")</script> & co\nRegion: Hip <b>bold</b>\nOrigin: a\n## Trigger points\n- <img src=x onerror=alert(1)> -> 'quoted'\n"
        let f = try ReportFixture(extra: [("hostile.md", hostile)])
        try f.answerDaily(["script-alert-x-script-co/trigger-points/img-src-x-onerror-alert-1"], grade: .blackout, days: 6)
        let report = try f.report(exam: testDay.adding(days: 9), trends: true)
        let html = HTMLReportRenderer.render(ReportDocuments.report(report))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"))
        let parser = XMLParser(data: Data(html.dropFirst("<!DOCTYPE html>\n".count).utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { String(describing: $0) } ?? "")")
        #expect(collector.text.contains("<script>alert(\"x\")</script> & co"))
        #expect(collector.elements.contains("svg"))
        #expect(!collector.elements.contains("script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/") })
        let markdown = MarkdownReportRenderer.render(ReportDocuments.report(report))
        #expect(markdown.contains("\\<script\\>"))
        let csv = ReportCSV.report(report)
        #expect(csv.contains("\"<script>alert(\"\"x\"\")</script> & co\""))
    }

    @Test func narrowTerminalsGetNarrowTables() throws {
        let (report, stats) = try Self.fixture()
        for document in [ReportDocuments.report(report), ReportDocuments.stats(stats)] {
            let text = TerminalReportRenderer.render(document, width: 50, style: .plain)
            // Commands are kept whole, however narrow the terminal: they are there to be pasted.
            for line in text.split(separator: "\n") where !line.contains("muscle study") {
                #expect(DisplayWidth.of(String(line)) <= 50, "too wide for 50 columns: \(line)")
            }
        }
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(ReportCSV.quote("plain") == "plain")
        #expect(ReportCSV.quote("a, b") == "\"a, b\"")
        #expect(ReportCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSV.quote("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ReportCSV.quote("-12") == "-12")
    }

    /// A week without reviews is a gap in the retention line, not a fall to 0%.
    @Test func aWeekWithoutReviewsIsAGapInTheLine() {
        let bars = ReportDocument.Bars(labels: ["11-04", "11-11", "11-18", "11-25"], values: [0.8, 0, 0.6, 0.7],
                                       valueLabels: ["80%", "—", "60%", "70%"], maximum: 1, line: true, missing: [1])
        let svg = HTMLReportRenderer.lineChart(bars)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(!svg.contains("11-11: —"))
        #expect(svg.contains("<text x=\"320\""), "the missing week keeps its label on the axis")
    }

    /// The page has a line of links to its sections, each heading carrying the id it links to.
    @Test func htmlSectionsCanBeReachedFromTheTopOfThePage() {
        #expect(HTMLReportRenderer.anchor("Readiness on 2026-12-20 (25 days left)") == "readiness-on-2026-12-20-25-days-left")
        #expect(HTMLReportRenderer.anchor("«»") == "section")
        let document = ReportDocument(title: "T", subtitle: [], sections: [
            .init(title: "Muscles", note: nil, content: .lines(["a"])),
            .init(title: "Study next", note: nil, content: .commands(["muscle study"])),
        ])
        let html = HTMLReportRenderer.render(document)
        #expect(html.contains("<nav><a href=\"#muscles\">Muscles</a> · <a href=\"#study-next\">Study next</a></nav>"))
        #expect(html.contains("<section id=\"muscles\">") && html.contains("<section id=\"study-next\">"))
    }
}
