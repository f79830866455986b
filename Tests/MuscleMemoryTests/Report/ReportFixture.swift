import Foundation
import GRDB
import SM2
@testable import MuscleMemory

/// A small collection with histories whose figures can be worked out by hand.
struct ReportFixture {
    static let piriformis = """
        # Piriformis
        Region: Hip, deep lateral rotators
        Origin: Anterior sacrum
        Insertion: Greater trochanter
        ## Trigger points
        - Lateral third -> the sacroiliac region
        - Medial third -> the buttock
        """
    static let gluteus = """
        # Gluteus medius
        Region: Hip, lateral
        Origin: Outer ilium
        Insertion: Greater trochanter, lateral surface
        """
    static let soleus = """
        # Soleus
        Region: Lower leg and foot
        Origin: Tibia and fibula
        Insertion: Calcaneus
        """

    let store: TestStore
    let location: DeckLocation
    let decks: [Int64]

    init(extra: [(String, String)] = []) throws {
        store = try TestStore.inMemory()
        store.folder.write("deck/piriformis.md", Self.piriformis)
        store.folder.write("deck/gluteus-medius.md", Self.gluteus)
        for (file, text) in extra { store.folder.write("deck/\(file)", text) }
        location = store.deck(Self.soleus, file: "soleus.md")
        _ = try DeckSync.run([location], in: store.database, now: testNow)
        decks = try store.database.deckIDs(for: [location])
    }

    func id(_ stable: CardID) throws -> Int64 {
        try store.rowID(of: stable) ?? -1
    }

    /// Answers `cards` with `grade` once a day for `days` days ending on `testDay`.
    func answerDaily(_ cards: [CardID], grade: Grade, days: Int) throws {
        for offset in stride(from: days - 1, through: 0, by: -1) {
            let day = testDay.adding(days: -offset)
            let at = utcCalendar.start(of: day).addingTimeInterval(3600 * 8)
            let inputs = try cards.map { AnswerInput(cardRowID: try id($0), grade: grade, at: at, day: day, answerMilliseconds: 2000, sessionID: nil) }
            _ = try store.database.recordAnswers(inputs)
        }
    }

    /// The student of the acceptance criteria: fails the piriformis trigger points every day for ten
    /// days, knows the rest of the hip, and never studies the lower leg.
    static func failingStudent() throws -> ReportFixture {
        let f = try ReportFixture()
        try f.answerDaily(["piriformis/trigger-points/lateral-third", "piriformis/trigger-points/medial-third"], grade: .wrongButFamiliar, days: 10)
        try f.answerDaily(["piriformis/origin", "piriformis/insertion", "gluteus-medius/origin", "gluteus-medius/insertion"], grade: .perfect, days: 10)
        return f
    }

    func report(options: ReportOptions) throws -> WeakTopicReport {
        WeakTopics.report(try store.database.weakTopicFigures(decks: decks, options.query), options: options)
    }

    func report(exam: Day? = nil, maxPerDay: Int = 200, trends: Bool = false) throws -> WeakTopicReport {
        let options = ReportOptions(today: testDay, windowDays: 30, exam: exam, maxPerDay: maxPerDay, includeTrends: trends)
        return WeakTopics.report(try store.database.weakTopicFigures(decks: decks, options.query), options: options)
    }

    func stats(today: Day = testDay, windowDays: Int, forecastDays: Int = 30) throws -> StatsReport {
        let figures = try store.database.statsFigures(decks: decks, Statistics.query(today: today, windowDays: windowDays, forecastDays: forecastDays))
        return Statistics.report(figures, today: today, windowDays: windowDays)
    }
}
