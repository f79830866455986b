import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MuscleMemory
import SM2
import TestSupport

/// Shares and class reports: known shares with answers worked out by hand, every format against a
/// golden file (`MUSCLE_RECORD_GOLDEN=1` records them), invalid shares, mixed deck versions, the
/// minimum-group rule, the HTML escaped and self-contained, and a real share against
/// Docs/share.schema.json.
@Suite struct ClassReportTests {
    static let golden = GoldenFiles("Tests/MuscleMemoryTests/Report/Golden")

    static func topic(_ level: TopicLevel, _ key: String, _ name: String, reviews: Int, correct: Int, cards: Int = 2) -> Share.Topic {
        Share.Topic(level: level, key: key, name: name, cards: cards, seen: cards, notLearned: 0, reviews: reviews, correct: correct,
                    windowReviews: reviews, windowCorrect: correct, lapses: 0, meanEasiness: 250, weakness: nil)
    }

    /// Six students. Student i (0-5) gets 2i of 10 piriformis trigger-point reviews right, so their
    /// weakness there is 60 × (1 - 2i/10): 60, 48, 36, 24, 12, 0 (median 30, two at 40 or more) and
    /// their retention 0-100% (median 50%). Only three hold the soleus origin (below the group of 5).
    /// Four studied deck version "aaaa", two "bbbb"; the card "old-muscle/origin" is in no loaded deck.
    static func classShares(count: Int = 6) -> [ClassInput] {
        (0..<count).map { i in
            var topics = [
                topic(.muscleAspect, "piriformis/trigger-points", "Piriformis · trigger points", reviews: 10, correct: 2 * i),
                topic(.muscle, "piriformis", "Piriformis", reviews: 10, correct: 2 * i),
                topic(.aspect, "trigger-points", "trigger points", reviews: 10, correct: 2 * i),
                topic(.region, "Hip", "Hip", reviews: 10, correct: 2 * i),
                topic(.region, "Lower leg and foot", "Lower leg and foot", reviews: 10, correct: 9),
            ]
            var cards = [CardAnswerCount(id: "piriformis/trigger-points/lateral-third", reviews: 5, misses: 3, lapses: 1),
                         CardAnswerCount(id: "piriformis/origin", reviews: 4, misses: 1, lapses: 0)]
            if i < 5 { cards.append(CardAnswerCount(id: "old-muscle/origin", reviews: 2, misses: 2, lapses: 1)) }
            if i < 3 {
                topics.append(topic(.muscleAspect, "soleus/origin", "Soleus · origin", reviews: 6, correct: 0))
                cards.append(CardAnswerCount(id: "soleus/origin", reviews: 6, misses: 6, lapses: 2))
            }
            let label: String? = [0: "Ana <b>&</b> 'co'", 1: "Ben"][i]
            let share = Share(schema: 1, kind: Share.kindName, day: i == 0 ? "2026-11-28" : "2026-12-01", label: label, windowDays: 30,
                              decks: [DeckVersion(title: "MuscleMemory curriculum", fingerprint: i < 4 ? "aaaa" : "bbbb")],
                              topics: topics, readiness: Share.Readiness(examDay: "2026-12-20", cards: 100, ready: 10 * (i + 1)),
                              cards: cards, exam: .empty)
            return ClassInput(name: "student-\(i).json", share: share)
        }
    }

    static let known: [CardID: KnownCard] = [
        "piriformis/trigger-points/lateral-third": KnownCard(muscle: "Piriformis", aspect: "trigger-points", source: "hip/piriformis.md:7"),
        "piriformis/origin": KnownCard(muscle: "Piriformis", aspect: "origin", source: "hip/piriformis.md:3"),
        "soleus/origin": KnownCard(muscle: "Soleus", aspect: "origin", source: "leg/soleus.md:3"),
    ]

    static func classReport(minGroup: Int = 5) -> ClassReport {
        ClassMerge.merge(classShares(), skipped: [SkippedShare(name: "broken.json", reason: "is not valid JSON (the text is not JSON)")],
                         options: ClassOptions(minGroup: minGroup), known: known)
    }

    @Test func knownSharesGiveKnownAnswers() throws {
        let r = Self.classReport()
        #expect(r.used == 6 && r.labelled == 2 && !r.belowMinGroup)
        let fine = try #require(r.muscleAspects.first)
        #expect(fine.key == "piriformis/trigger-points")
        #expect(fine.medianWeakness == 30)
        #expect(fine.medianRetention == 0.5)
        #expect(fine.weak == 2 && fine.judged == 6 && fine.students == 6)
        #expect(r.muscleAspects.count == 1, "the soleus origin is held by 3 students, fewer than 5")
        #expect(r.topicsHidden == 1)
        #expect(r.regions.map(\.key) == ["Hip", "Lower leg and foot"])
        #expect(r.cards.map(\.id) == ["piriformis/trigger-points/lateral-third", "piriformis/origin"])
        #expect(r.cards[0].missRate == 0.6 && r.cards[0].students == 6 && r.cards[0].source == "hip/piriformis.md:7")
        #expect(r.unknownCards.map(\.id) == ["old-muscle/origin"])
        #expect(r.unknownCards[0].students == 5 && r.unknownCards[0].missRate == 1)
        #expect(r.cardsHidden == 1)
        #expect(r.deckVersions.map(\.shares) == [4, 2])
        let ready = try #require(r.readiness)
        #expect(ready.examDay == "2026-12-20" && ready.students == 6 && ready.medianReady == 0.35)
        #expect(ready.rows.map(\.label) == ["Ana <b>&</b> 'co'", "Ben"])
        let map = try #require(r.heatMap)
        #expect(map.columns == ["Hip", "Lower leg and foot"])
        #expect(map.rows.map(\.label) == ["class (median)", "Ana <b>&</b> 'co'", "Ben"])
        #expect(map.rows[1].values == [60, 6])
    }

    @Test func goldenFilesForEveryFormat() throws {
        let r = Self.classReport()
        let document = ClassDocuments.report(r)
        Self.golden.expectMatch(TerminalReportRenderer.render(document, width: 100, style: .plain), "class.txt")
        Self.golden.expectMatch(MarkdownReportRenderer.render(document), "class.md")
        Self.golden.expectMatch(ClassCSV.report(r), "class.csv")
        Self.golden.expectMatch(try ClassJSON.report(r), "class.json")
        Self.golden.expectMatch(HTMLReportRenderer.render(document), "class.html")
    }

    /// Four shares with a group of five: only counts, in every format; no topic, card or label.
    @Test func aGroupSmallerThanMinGroupIsOnlyCounted() throws {
        let r = ClassMerge.merge(Array(Self.classShares().prefix(4)), skipped: [], options: ClassOptions(minGroup: 5), known: Self.known)
        #expect(r.belowMinGroup && r.used == 4 && r.labelled == 2)
        #expect(r.muscleAspects.isEmpty && r.cards.isEmpty && r.unknownCards.isEmpty && r.readiness == nil && r.heatMap == nil)
        let document = ClassDocuments.report(r)
        for text in [TerminalReportRenderer.render(document, width: 100, style: .plain), MarkdownReportRenderer.render(document),
                     HTMLReportRenderer.render(document), ClassCSV.report(r), try ClassJSON.report(r)] {
            for secret in ["Piriformis", "piriformis", "Ana", "Ben", "Hip"] {
                #expect(!text.contains(secret), "a group of 4 shows \(secret)")
            }
        }
        #expect(TerminalReportRenderer.render(document, width: 100, style: .plain).contains("4 shares used: fewer than --min-group 5"))
        // The same four with a group of 4 are shown.
        #expect(!ClassMerge.merge(Array(Self.classShares().prefix(4)), skipped: [], options: ClassOptions(minGroup: 4), known: nil).muscleAspects.isEmpty)
    }

    @Test func anUnlabelledStudentHasNoRowOfTheirOwn() throws {
        let r = Self.classReport()
        let html = HTMLReportRenderer.render(ClassDocuments.report(r))
        #expect(r.heatMap?.rows.count == 3, "the class median and the two labelled students")
        #expect(!html.contains("student-2"))
    }

    @Test func sharesFromOtherDeckVersionsMergeByID() throws {
        var inputs = Self.classShares()
        // The "bbbb" students' deck renamed the piriformis's trigger-point topic's display name: merged by key.
        for i in 4..<6 { inputs[i].share.topics[0].name = "Piriformis · TPs" }
        let r = ClassMerge.merge(inputs, skipped: [], options: ClassOptions(), known: Self.known)
        #expect(r.muscleAspects.first?.students == 6)
        #expect(r.deckVersions.count == 2)
    }

    @Test func invalidSharesAreNamedWithTheReason() throws {
        func problem(_ text: String) -> ShareProblem? {
            if case .failure(let p) = ShareReader.read(Array(text.utf8)) { return p }
            return nil
        }
        #expect(problem("{\"schema\": 1, ") == .notJSON(ShareReader.reason(try #require(Self.decodeError("{\"schema\": 1, ")))))
        #expect(problem("[1, 2]") == .notAShare("the file holds no JSON object"))
        #expect(problem("{\"kind\": \"muscle-share\"}") == .notAShare("there is no \"schema\" field"))
        #expect(problem("{\"schema\": 2, \"kind\": \"muscle-share\", \"whatever\": []}") == .futureSchema(2))
        #expect(problem("{\"schema\": 0, \"kind\": \"muscle-share\"}") == .unknownSchema("0"))
        #expect(problem("{\"schema\": \"one\"}") == .unknownSchema("one"))
        #expect(problem("{\"schema\": 1, \"kind\": \"anki\"}") == .notAShare("\"kind\" is not \"muscle-share\""))
        #expect(problem("{\"schema\": 1, \"kind\": \"muscle-share\", \"day\": \"2026-12-01\"}") == .invalid("the field \"window_days\" is missing"))
        var share = Self.classShares()[0].share
        share.cards[0].misses = 99
        #expect(problem(try share.json()) == .invalid("card 'piriformis/trigger-points/lateral-third' has counts that do not add up"))
        share = Self.classShares()[0].share
        share.topics[0].seen = -1
        #expect(problem(try share.json()) == .invalid("topic 'piriformis/trigger-points' has a negative count"))
        #expect(ShareProblem.futureSchema(2).description == "is a share of schema 2, newer than this muscle reads (1); update muscle to merge it")
        // A share without the exam section reads, as one with empty lists.
        share = Self.classShares()[0].share
        share.exam = nil
        let read = try ShareReader.read(Array(share.json().utf8)).get()
        #expect(read.exam == nil)
        #expect(ClassMerge.merge([ClassInput(name: "a", share: read)], skipped: [], options: ClassOptions(minGroup: 1), known: nil).examItems.isEmpty)
    }

    static func decodeError(_ text: String) -> (any Error)? {
        do { _ = try JSONSerialization.jsonObject(with: Data(text.utf8)); return nil } catch { return error }
    }

    @Test func aShareRoundTrips() throws {
        let share = Self.classShares()[1].share
        #expect(try ShareReader.read(Array(share.json().utf8)).get() == share)
    }

    /// Exam practice, when shares hold it (issue 14), is merged by item and by template and region.
    @Test func examPracticeIsMerged() throws {
        var inputs = Self.classShares()
        for i in inputs.indices {
            inputs[i].share.exam = Share.ExamPractice(templates: [.init(name: "origin-of", answered: 10, correct: 5)], regions: [],
                                                      items: [.init(id: "exam/hip-1", answered: 2, missed: 1)])
        }
        let r = ClassMerge.merge(inputs, skipped: [], options: ClassOptions(), known: nil)
        #expect(r.examItems == [ClassCard(id: "exam/hip-1", students: 6, reviews: 12, misses: 6, source: nil)])
        #expect(r.examPractice == [ClassAccuracy(kind: "template", name: "origin-of", students: 6, answered: 60, correct: 30)])
    }

    final class Collector: NSObject, XMLParserDelegate {
        var text = ""
        var elements: [String] = []
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
        }
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = HTMLReportRenderer.render(ClassDocuments.report(Self.classReport()))
        #expect(!html.contains("<b>&"))
        #expect(html.contains("Ana &lt;b&gt;&amp;&lt;/b&gt; &#39;co&#39;"))
        #expect(html.contains("background: hsl("), "the heat map is coloured")
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/") })
        #expect(!html.contains("https://"))
        let parser = XMLParser(data: Data(html.dropFirst("<!DOCTYPE html>\n".count).utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { String(describing: $0) } ?? "")")
        #expect(collector.text.contains("Ana <b>&</b> 'co'"))
    }

    // MARK: - A real share

    static func realShare(label: String? = "Kim") throws -> (Share, ReportFixture) {
        let f = try ReportFixture.failingStudent()
        let options = ReportOptions(today: testDay, exam: testDay.adding(days: 20))
        let report = WeakTopics.report(try f.store.database.weakTopicFigures(decks: f.decks, options.query), options: options)
        return (ShareBuilder.share(report, cards: try f.store.database.shareCardFigures(decks: f.decks), label: label), f)
    }

    /// No card text, no path, no time finer than a day.
    @Test func aShareHoldsNoCardTextNoPathsNoTimes() throws {
        let (share, f) = try Self.realShare()
        let text = try share.json()
        let cards = try f.store.database.allCards(decks: f.decks)
        #expect(!cards.isEmpty)
        for card in cards {
            for words in [card.front, card.back] where words.count > 3 {
                #expect(!text.contains("\"\(words)\""), "the share holds card text: \(words)")
            }
        }
        for word in ["Anterior sacrum", "Greater trochanter", "Tibia and fibula", f.store.folder.path, ".md", ".sqlite", "/" + "tmp/", "T08:", "Z\""] {
            #expect(!text.contains(word), "the share holds \(word)")
        }
        #expect(text.range(of: #"\d{2}:\d{2}"#, options: .regularExpression) == nil, "a time of day")
        #expect(share.day == testDay.description)
        #expect(share.readiness?.examDay == testDay.adding(days: 20).description)
        #expect(share.cards.contains { $0.id == "piriformis/trigger-points/lateral-third" && $0.reviews == 10 && $0.misses == 10 })
        #expect(share.topics.allSatisfy { $0.seen > 0 || $0.reviews > 0 })
    }

    /// Real output against Docs/share.schema.json (a small validator: type, enum, required,
    /// additionalProperties, items, minimum, maximum, maxLength, pattern, $ref), and every field
    /// named in Docs/SHARE.md.
    @Test func aRealShareMatchesTheDocumentedSchema() throws {
        let (share, _) = try Self.realShare()
        let value = try JSONSerialization.jsonObject(with: Data(share.json().utf8))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Docs/share.schema.json"))) as? [String: Any])
        var problems: [String] = []
        SchemaValidator(root: schema).validate(value, against: schema, at: "$", problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        // The validator finds what it looks for.
        var broken = try #require(value as? [String: Any])
        broken["schema"] = 2
        broken["path"] = "x"
        var found: [String] = []
        SchemaValidator(root: schema).validate(broken, against: schema, at: "$", problems: &found)
        #expect(found.count == 2, "\(found)")
        let docs = try String(contentsOfFile: repositoryRoot + "/Docs/SHARE.md", encoding: .utf8)
        for field in ((schema["properties"] as? [String: Any]) ?? [:]).keys {
            #expect(docs.contains("`\(field)`"), "Docs/SHARE.md does not document \(field)")
        }
    }
}

/// Enough of JSON Schema for Docs/share.schema.json.
struct SchemaValidator {
    var root: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], at path: String, problems: inout [String]) {
        var schema = schema
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
           let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any] {
            schema = target
        }
        if let type = schema["type"] as? String, !Self.has(value, type: type) {
            problems.append("\(path): not \(type)")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let number = value as? NSNumber, !(value is String) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        if let text = value as? String {
            if let longest = schema["maxLength"] as? Int, text.count > longest { problems.append("\(path): longer than \(longest)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for required in schema["required"] as? [String] ?? [] where object[required] == nil { problems.append("\(path).\(required): missing") }
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    validate(member, against: sub, at: "\(path).\(key)", problems: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path).\(key): not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { validate(element, against: items, at: "\(path)[\(index)]", problems: &problems) }
        }
    }

    static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer":
            guard let n = value as? NSNumber, !(value is String) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !(value is String)
        default: return true
        }
    }
}
