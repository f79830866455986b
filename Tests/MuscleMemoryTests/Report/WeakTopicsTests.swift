import Foundation
import SM2
import Testing
@testable import MuscleMemory

@Suite struct WeakTopicsTests {
    @Test func aStudentWhoAlwaysFailsThePiriformisTriggerPoints() throws {
        let report = try ReportFixture.failingStudent().report()
        let weakest = try #require(report.muscleAspects.first)
        #expect(weakest.name == "Piriformis · trigger points")
        // Every review failed (0.6 × 1), easiness at the floor (0.25 × 1), no card learned (0.15 × 1).
        #expect(weakest.weakness == 100)
        #expect(weakest.windowReviews == 20 && weakest.windowCorrect == 0)
        #expect(weakest.meanEasiness == 130)
        #expect(report.plan.first == "muscle study --muscle piriformis --aspect trigger-points")
        // Answered perfectly every day, the origin counts only when due (days 1, 2 and 8: intervals 1
        // and 6): 3 reviews, too few to judge, and never ranked above a judged topic.
        let origin = try #require(report.muscleAspects.first { $0.name == "Piriformis · origin" })
        #expect(origin.weakness == nil && origin.reviews == 3)
        #expect(report.muscles.first?.name == "Piriformis")
        // 26 reviews, 20 failed: 0.6 × 20/26; mean easiness (130, 130, 280, 280) = 205: 0.25 × 45/120;
        // 2 of 4 not learned: 0.15 × 0.5. 100 × (0.4615 + 0.0938 + 0.075) = 63.0.
        #expect(report.muscles.first?.weakness == 63.0)
        #expect(report.aspects.first?.name == "trigger points")
        #expect(report.regions.first?.name == "Hip")
    }

    @Test func aRegionNeverStudiedIsShownAsNotStartedNeverAsStrong() throws {
        let report = try ReportFixture.failingStudent().report()
        let lowerLeg = try #require(report.regions.first { $0.name == "Lower leg and foot" })
        #expect(lowerLeg.weakness == nil && !lowerLeg.started && lowerLeg.cards == 2 && lowerLeg.notLearned == 2)
        #expect(report.regions.last?.name == "Lower leg and foot")
        #expect(Format.weakness(lowerLeg) == "not started")
        // The plan fills up with what was never started once the weak topics are listed.
        #expect(report.plan == ["muscle study --muscle piriformis --aspect trigger-points", "muscle study --muscle soleus"])
    }

    @Test func tooFewReviewsToJudgeAreNotRankedAsStrong() throws {
        let f = try ReportFixture()
        try f.answerDaily(["soleus/origin"], grade: .perfect, days: 3)  // 2 reviews: new, then due the next day
        try f.answerDaily(["gluteus-medius/origin"], grade: .wrongButEasy, days: 6)  // due daily: 6 reviews
        let report = try f.report()
        let soleus = try #require(report.muscles.first { $0.name == "Soleus" })
        #expect(soleus.weakness == nil && soleus.started)
        #expect(Format.weakness(soleus) == "too few")
        // Gluteus medius is judged (6 reviews) and comes first; soleus never failed but is too thin to call strong.
        #expect(report.muscles.map(\.name) == ["Gluteus medius", "Soleus", "Piriformis"])
    }

    @Test func tiesAreBrokenByReviewsThenName() throws {
        let f = try ReportFixture()
        // Failed every day: each reaches weakness 100; more reviews first, then by name.
        try f.answerDaily(["gluteus-medius/origin", "piriformis/origin"], grade: .wrongButEasy, days: 6)
        try f.answerDaily(["soleus/origin"], grade: .wrongButEasy, days: 8)
        let report = try f.report()
        let names = report.muscleAspects.filter(\.judged).map(\.name)
        #expect(names == ["Soleus · origin", "Gluteus medius · origin", "Piriformis · origin"])
        #expect(Set(report.muscleAspects.filter(\.judged).map(\.weakness)) == [100])
    }

    @Test func anEmptyHistory() throws {
        let report = try ReportFixture().report()
        #expect(report.muscles.allSatisfy { !$0.started && $0.weakness == nil })
        #expect(report.leeches.isEmpty)
        #expect(report.plan == ["muscle study --muscle gluteus-medius", "muscle study --muscle piriformis", "muscle study --muscle soleus"])
    }

    @Test func leechesAreCardsAtTheFloorOrWithFourLapses() throws {
        let f = try ReportFixture.failingStudent()
        let report = try f.report()
        #expect(Set(report.leeches.map(\.id)) == ["piriformis/trigger-points/lateral-third", "piriformis/trigger-points/medial-third"])
        #expect(report.leeches.allSatisfy { $0.easiness == 130 && $0.lapses == 0 })
        // Four lapses: learned, then forgotten, four times over (each answer due the next day).
        let g = try ReportFixture()
        let card = try g.id("soleus/insertion")
        for day in 0..<8 {
            _ = try g.store.database.recordAnswer(AnswerInput(cardRowID: card, grade: day % 2 == 0 ? .perfect : .blackout, at: testNow,
                                                              day: testDay.adding(days: day), answerMilliseconds: 1, sessionID: nil))
        }
        let later = try g.report(options: ReportOptions(today: testDay.adding(days: 8)))
        #expect(later.leeches.map(\.id) == ["soleus/insertion"])
        #expect(later.leeches.first?.lapses == 4)
    }

    @Test func filtersNarrowTheReport() throws {
        let f = try ReportFixture.failingStudent()
        let report = try f.report(options: ReportOptions(today: testDay, filter: CardFilter(regions: ["hip"])))
        #expect(report.regions.map(\.name) == ["Hip"])
        #expect(Set(report.muscles.map(\.name)) == ["Piriformis", "Gluteus medius"])
    }

    @Test func examReadinessAndAPlanThatFits() throws {
        let f = try ReportFixture.failingStudent()
        // The perfect cards are next due on day 15 from today: after a day-10 exam they are ready.
        let exam = testDay.adding(days: 10)
        let report = try f.report(exam: exam, maxPerDay: 50)
        let readiness = try #require(report.exam)
        #expect(readiness.daysLeft == 10)
        #expect(readiness.problems.isEmpty)
        #expect(readiness.days.count == 10)
        #expect(readiness.days.allSatisfy { $0.total <= 50 })
        // The last week sees every card once.
        #expect(readiness.days.suffix(7).reduce(0) { $0 + $1.finalPass } == 8)
        #expect(readiness.days.prefix(3).allSatisfy { $0.finalPass == 0 })
        // The two unseen soleus cards are learned before the final week, one a day.
        #expect(readiness.days.prefix(3).map(\.new) == [1, 1, 0])
        // The failing trigger points are due every day: at risk.
        #expect(readiness.days.map(\.due).prefix(2) == [0, 2])  // answered today, due tomorrow
        // Studied muscles first, least ready first; soleus (never answered) after them (issue 16).
        #expect(readiness.topics.map(\.name) == ["Piriformis", "Gluteus medius", "Soleus"])
        #expect(readiness.topics.map(\.ready) == [2, 2, 0])
        #expect(readiness.topics.map(\.atRisk) == [2, 0, 2])
        #expect(readiness.topics.map(\.started) == [true, true, false])
    }

    @Test func aPlanThatCannotFitSaysWhy() throws {
        let f = try ReportFixture.failingStudent()
        let readiness = try #require(try f.report(exam: testDay.adding(days: 3), maxPerDay: 2).exam)
        #expect(readiness.days.count == 3)
        #expect(readiness.problems == [
            "seeing all 8 cards in the last 3 days takes 3 a day, more than --max-per-day 2: raise it to 3 or narrow the cards with a filter",
            "2 cards cannot be learned before the final week within --max-per-day 2; they are first seen in the final week",
        ])
        let past = try #require(try f.report(exam: testDay, maxPerDay: 10).exam)
        #expect(past.problems == ["the exam day \(testDay) is not after today (\(testDay))"])
    }

    @Test func statisticsOfAKnownHistory() throws {
        let f = try ReportFixture.failingStudent()
        let stats = try f.stats(windowDays: 30)
        #expect(stats.perDay.count == 30)
        // Six answers a day; the four perfect cards count only on days 1, 2 and 8 (when due).
        #expect(stats.perDay.suffix(10).map(\.answers) == Array(repeating: 6, count: 10))
        #expect(stats.perDay.suffix(10).map(\.reviews) == [6, 6, 2, 2, 2, 2, 2, 6, 2, 2])
        #expect(stats.perDay.prefix(20).allSatisfy { $0.answers == 0 })
        #expect(stats.streak == 10)
        #expect(stats.cards == StatsReport.CardStates(new: 2, learning: 2, young: 4, mature: 0))
        #expect(stats.windowMilliseconds == 60 * 2000)
        #expect(stats.totalMilliseconds == 60 * 2000)
        // By the interval the card had: 20 failed trigger-point reviews and 8 perfect ones at 0-1 day,
        // 4 perfect ones at 6 days.
        #expect(stats.retentionByInterval.map(\.reviews) == [28, 4, 0, 0, 0])
        #expect(stats.retentionByInterval.map(\.correct) == [8, 4, 0, 0, 0])
    }
}
