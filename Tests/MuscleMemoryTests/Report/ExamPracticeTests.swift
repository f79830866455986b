import SM2
import Testing
@testable import MuscleMemory

/// The report's exam section as pure roll-ups over values, and the two rules by which exam
/// answers count elsewhere: in the weakness score's failed share, and as a cap on readiness.
@Suite struct ExamPracticeTests {
    static let today = Day(20_000)
    static let window = today.adding(days: -29)...today

    static func row(_ muscle: String, _ aspect: String, region: String = "Lower leg and foot", reviews: Int = 0, correct: Int = 0) -> TopicFigures {
        var row = TopicFigures(muscleID: 1, muscleKey: muscle, muscleName: muscle.capitalized, region: region, aspect: aspect)
        row.cards = 2; row.seen = 2; row.reviews = reviews; row.correct = correct; row.windowReviews = reviews; row.windowCorrect = correct
        row.easinessSum = 500
        return row
    }

    static func group(_ template: String, _ aspect: String, _ muscle: String, region: String = "Lower leg and foot",
                      answers: Int, correct: Int, window: (Int, Int)? = nil) -> ExamPracticeFigures.Group {
        .init(template: template, aspect: aspect, region: region, muscleKey: muscle, muscleName: muscle.capitalized, answers: answers, correct: correct,
              windowAnswers: window?.0 ?? answers, windowCorrect: window?.1 ?? correct)
    }

    static let figures = ExamPracticeFigures(
        groups: [
            group("muscle-nerve", "innervation", "soleus", answers: 4, correct: 1),
            group("nerve-muscle", "innervation", "soleus", answers: 2, correct: 2),
            group("origin-muscle", "origin", "piriformis", region: "Hip", answers: 6, correct: 3, window: (2, 2)),
            group("muscle-nerve", "innervation", "piriformis", region: "Hip", answers: 3, correct: 3, window: (0, 0)),
        ],
        items: [
            .init(id: "muscle-nerve/aa", stem: "Which nerve supplies the soleus?", template: "muscle-nerve", muscleKey: "soleus", muscleName: "Soleus", answers: 4, correct: 1),
            .init(id: "nerve-muscle/bb", stem: "Which muscle is supplied by the tibial nerve?", template: "nerve-muscle", muscleKey: "soleus", muscleName: "Soleus", answers: 2, correct: 2),
            .init(id: "origin-muscle/cc", stem: "Which muscle originates on the sacrum?", template: "origin-muscle", muscleKey: "piriformis", muscleName: "Piriformis", answers: 2, correct: 1),
        ],
        mocks: [.init(session: 1, day: today.adding(days: -3), items: 10, answered: 8, correct: 6), .init(session: 2, day: today, items: 10, answered: 10, correct: 9)])

    @Test func theSectionRollsUpTheWindowByRegionTemplateAndMuscle() throws {
        let rows = [Self.row("soleus", "innervation"), Self.row("piriformis", "origin", region: "Hip"), Self.row("piriformis", "innervation", region: "Hip")]
        let practice = try #require(ExamPractice.report(Self.figures, topics: rows, filtered: false))
        // The window only: piriformis innervation has no answer in it.
        #expect(practice.answers == 8 && practice.correct == 5)
        #expect(practice.byRegion.map { "\($0.name) \($0.correct)/\($0.answers)" } == ["Lower leg and foot 3/6", "Hip 2/2"])
        #expect(practice.byTemplate.map { "\($0.key) \($0.correct)/\($0.answers)" } == ["muscle-nerve 1/4", "nerve-muscle 2/2", "origin-muscle 2/2"])
        #expect(practice.byMuscle.map(\.name) == ["Soleus", "Piriformis"])
        #expect(practice.missedMost.map { "\($0.id) \($0.missed)" } == ["muscle-nerve/aa 3", "origin-muscle/cc 1"])
        #expect(practice.items.count == 3)
        // An unanswered mock item counts as wrong: 6 of 10.
        #expect(practice.mocks.map(\.score) == [0.6, 0.9])
        // With a filter, only the report's muscles and aspects count.
        let filtered = try #require(ExamPractice.report(Self.figures, topics: [rows[0]], filtered: true))
        #expect(filtered.answers == 6 && filtered.byMuscle.map(\.key) == ["soleus"] && filtered.items.map(\.id) == ["muscle-nerve/aa", "nerve-muscle/bb"])
        // No exam answer in the window: no section.
        #expect(ExamPractice.report(.empty, topics: rows, filtered: false) == nil)
    }

    /// An exam answer counts in the failed share of its muscle × aspect as a review does.
    @Test func examAnswersCountInTheWeaknessOfTheirTopic() throws {
        // 4 reviews, all correct: too few to judge alone; with 6 exam answers (3 right) there are
        // 10, 3 failed: 0.6 × 0.3 = 18, easiness 2.50 (0), nothing unlearned: weakness 18.
        var soleus = Self.row("soleus", "innervation", reviews: 4, correct: 4)
        soleus.notLearned = 0
        let merged = ExamPractice.merge(Self.figures, into: [soleus, Self.row("piriformis", "origin", region: "Hip")])
        #expect(merged[0].examAnswers == 6 && merged[0].examCorrect == 3 && merged[0].windowExamAnswers == 6)
        let figures = WeakTopicFigures(topics: [soleus], leeches: [], weeks: [], forecast: [], due: nil, exam: Self.figures)
        let report = WeakTopics.report(figures, options: ReportOptions(today: Self.today))
        let topic = try #require(report.muscleAspects.first)
        #expect(topic.weakness == 18)
        // Without the exam answers the same topic is too few to judge.
        let alone = WeakTopics.report(WeakTopicFigures(topics: [soleus], leeches: [], weeks: [], forecast: [], due: nil), options: ReportOptions(today: Self.today))
        #expect(alone.muscleAspects.first?.weakness == nil)
        // Unfiltered, the section counts every exam answer of the window, topics or not.
        #expect(report.examPractice?.answers == 8)
    }

    /// Readiness is capped by exam accuracy once a muscle has 5 exam answers in the window.
    @Test func examAccuracyCapsReadiness() {
        var topic = ExamReadiness.Topic(name: "Soleus", command: "", cards: 10, ready: 9, atRisk: 1, seen: 10, examAnswers: 4, examCorrect: 2)
        #expect(topic.readyShare == 0.9)  // 4 answers: not enough to judge
        topic.examAnswers = 5
        topic.examCorrect = 3
        #expect(topic.readyShare == 0.6)
        topic.examCorrect = 5
        #expect(topic.readyShare == 0.9)  // the cards' share when it is lower
    }
}
