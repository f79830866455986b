import Foundation
import SM2
import Testing
@testable import MuscleMemory

@Suite struct StudySessionTests {
    static let deck = """
        # Soleus
        Region: Lower leg and foot
        Etymology: Latin solea, sandal
        Origin: Tibia and fibula
        Tags: calf
        ## Actions
        - Plantarflexes the ankle
        ## Cards
        Q: Where is the soleus palpated?
        A: Beside the gastrocnemius.
        """
    static let second = """
        # Piriformis
        Region: Hip
        Origin: Anterior sacrum
        ## Trigger points
        - Lateral third -> the buttock
        """

    struct Fixture {
        let store: TestStore
        let decks: [Int64]
        let location: DeckLocation
    }

    func fixture() throws -> Fixture {
        let store = try TestStore()
        store.folder.write("deck/b-piriformis.md", Self.second)
        let location = store.deck(Self.deck, file: "a-soleus.md")
        _ = try DeckSync.run([location], in: store.database, now: testNow)
        return Fixture(store: store, decks: try store.database.deckIDs(for: [location]), location: location)
    }

    func session(_ f: Fixture, at time: Date = testNow, _ options: StudyOptions = StudyOptions()) throws -> StudySession {
        try StudySession(database: f.store.database, decks: f.decks, calendar: utcCalendar, options: options) { time }
    }

    @Test func aSiblingNeverTakesTheNewCardLimitFromAnotherCard() throws {
        let f = try fixture()
        let keys = try session(f, StudyOptions(newPerDay: 4)).upcomingCards().map(\.card.id)
        #expect(keys == ["soleus/etymology", "soleus/origin", "soleus/actions", "soleus/custom/where-is-the-soleus-palpated"])
    }

    /// One loop asks what each stage of a card takes: the front, then the back once revealed; an
    /// input the prompt does not take gets that prompt's help.
    @Test func theSessionAsksWhatEachStageTakes() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal([.reveal, .reveal, .grade(.good), .grade(.perfect), .choose(0), .typed("Tibia")])
        try session(f).run(on: terminal)
        #expect(terminal.prompts == [.front, .back, .back, .front, .front, .front, .front])
        #expect(terminal.messages == [StudyPrompt.back.help, StudyPrompt.front.help, StudyPrompt.front.help])
        #expect(terminal.notes.map(\.grade) == [.good, .perfect])
    }

    @Test func newCardsComeInDeckOrderWithSiblingsLast() throws {
        let f = try fixture()
        let s = try session(f)
        #expect(try s.upcomingCards().map(\.card.id) == [
            "soleus/etymology", "soleus/origin", "soleus/actions", "soleus/custom/where-is-the-soleus-palpated",
            "piriformis/origin", "piriformis/trigger-points/lateral-third", "soleus/actions/reverse",
        ])
        #expect(try s.upcomingCards().allSatisfy { $0.reason == .new })
    }

    /// Session A shows a card and its keys; session B answers it; then A answers. The store
    /// classifies A's answer from the state at write time (an early answer that changes nothing);
    /// A's screen had keys worked out from the old state, so A says in one line that the card
    /// changed underneath. An answer to a card nobody else touched says nothing of the kind.
    @Test func anAnswerToACardAnotherSessionAnsweredMeanwhileSaysSo() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal(answers(4, 4))
        let other = try session(f)
        let first = try #require(try other.upcomingCards().first?.card)
        terminal.beforeRead = { [unowned terminal] in
            // A has revealed the first card (its keys are on screen): B answers it now.
            guard terminal.prompts == [.front, .back] else { return }
            _ = try? f.store.database.recordAnswer(AnswerInput(cardRowID: first.rowID, grade: .good, at: testNow, day: testDay, answerMilliseconds: 1, sessionID: nil))
        }
        try session(f).run(on: terminal)
        let shown = terminal.screens.compactMap { screen -> String? in
            switch screen {
            case .message(let text): "message: \(text)"
            case .answered(let note): "answered: \(note.kind)"
            default: nil
            }
        }
        #expect(shown == ["message: \(StudySession.changedUnderneathMessage)", "answered: cram", "answered: review"])
    }

    @Test func theDailyNewLimitCountsEarlierSessions() throws {
        let f = try fixture()
        let first = try session(f, StudyOptions(newPerDay: 3))
        #expect(try first.upcomingCards().count == 3)
        try first.run(on: ScriptedTerminal(answers(5, 5)))
        let later = try session(f, at: testNow.addingTimeInterval(3600), StudyOptions(newPerDay: 3))
        #expect(try later.upcomingCards().count == 1)
        let tomorrow = try session(f, at: testNow.addingTimeInterval(days(1)), StudyOptions(newPerDay: 3))
        #expect(try tomorrow.upcomingCards().filter { $0.reason == .new }.count == 3)
        #expect(try tomorrow.upcomingCards().filter { $0.reason == .due }.count == 2)
    }

    @Test func eachAnswerIsCommittedBeforeTheNextCardAppears() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal(answers(4, 4, 4))
        var reviewsAtEachRead: [Int] = []
        terminal.beforeRead = { reviewsAtEachRead.append((try? f.store.count("SELECT count(*) FROM review")) ?? -1) }
        try session(f).run(on: terminal)
        // Reads alternate reveal/grade: the count rises right after each grade, before the next card's reveal.
        #expect(reviewsAtEachRead == [0, 0, 1, 1, 2, 2, 3])
    }

    @Test func cardsGradedBelowFourComeBackUntilFourOrFive() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal(answers(2, 5, 5, 5, 3, 5))
        let summary = try session(f, StudyOptions(newPerDay: 4, redrillGap: 3)).run(on: terminal)
        let etymology = "Explain the name “soleus”: its roots and what they mean."
        #expect(terminal.fronts == [etymology, "State the origin of the soleus.", "List the actions of the soleus.", "Where is the soleus palpated?", etymology, etymology])
        #expect(terminal.notes.map(\.kind) == [.review, .review, .review, .review, .redrill, .redrill])
        #expect(terminal.notes.map(\.redrill) == [true, false, false, false, true, false])
        #expect(summary.counted == 4 && summary.correct == 3 && summary.answers == 6 && summary.cards == 4)
        let card = try #require(try f.store.database.allCards(decks: f.decks).first { $0.id == "soleus/etymology" })
        #expect(card.state == schedule(.new, .wrongButEasy, on: testDay))
        #expect(card.redrillDay == nil)
    }

    @Test func anUnfinishedRedrillWaitsForTheNextSessionTheSameDayOnly() throws {
        let f = try fixture()
        try session(f, StudyOptions(newPerDay: 1)).run(on: ScriptedTerminal(answers(1) + [.quit]))
        let again = try session(f, at: testNow.addingTimeInterval(600), StudyOptions(newPerDay: 1))
        #expect(try again.upcomingCards().map(\.reason) == [.redrill])
        let tomorrow = try session(f, at: testNow.addingTimeInterval(days(1)), StudyOptions(newPerDay: 0))
        #expect(try tomorrow.upcomingCards().map(\.reason) == [.due])
    }

    @Test func undoRestoresTheCardAndShowsItAgain() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal(answers(5) + [.undo] + answers(3) + [.quit])
        try session(f, StudyOptions(newPerDay: 2)).run(on: terminal)
        #expect(Array(terminal.fronts.prefix(3)) == [
            "Explain the name “soleus”: its roots and what they mean.", "State the origin of the soleus.",
            "Explain the name “soleus”: its roots and what they mean.",
        ])
        #expect(terminal.messages.contains("Undone: the card is back as it was."))
        #expect(try f.store.count("SELECT count(*) FROM review") == 1)
        let etymology = try #require(try f.store.database.allCards(decks: f.decks).first { $0.id == "soleus/etymology" })
        #expect(etymology.state == schedule(.new, .hard, on: testDay))
        #expect(try f.store.database.check().isClean)
    }

    @Test func undoWithNothingToUndoSaysSo() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal([.undo, .quit])
        try session(f).run(on: terminal)
        #expect(terminal.messages == ["Nothing to undo."])
    }

    @Test func skipBuriesUntilTomorrow() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal([.skip, .quit])
        try session(f, StudyOptions(newPerDay: 1)).run(on: terminal)
        #expect(try session(f, at: testNow.addingTimeInterval(60), StudyOptions(newPerDay: 1)).upcomingCards().first?.card.id == "soleus/origin")
        #expect(try session(f, at: testNow.addingTimeInterval(days(1)), StudyOptions(newPerDay: 1)).upcomingCards().first?.card.id == "soleus/etymology")
    }

    @Test func editShowsTheSourceFileAndLine() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal([.edit, .quit])
        try session(f).run(on: terminal)
        #expect(terminal.messages == ["Source: \(f.store.folder.file("deck/a-soleus.md")):3 (card soleus/etymology)"])
    }

    @Test func quitAndEndOfInputKeepEveryAnswer() throws {
        let f = try fixture()
        let quit = try session(f).run(on: ScriptedTerminal(answers(4, 4) + [.quit]))
        #expect(quit.answers == 2)
        let ended = try session(f, at: testNow.addingTimeInterval(60)).run(on: ScriptedTerminal(answers(4)))
        #expect(ended.answers == 1)
        #expect(try f.store.count("SELECT count(*) FROM review") == 3)
        #expect(try f.store.count("SELECT count(*) FROM study_session WHERE ended_at IS NOT NULL") == 2)
    }

    @Test func filtersChooseMusclesAspectsRegionsAndTags() throws {
        let f = try fixture()
        func keys(_ filter: CardFilter) throws -> [CardID] { try session(f, StudyOptions(filter: filter)).upcomingCards().map(\.card.id) }
        #expect(try keys(CardFilter(muscles: ["PIRIFORMIS"])) == ["piriformis/origin", "piriformis/trigger-points/lateral-third"])
        #expect(try keys(CardFilter(aspects: [.triggerPoints])) == ["piriformis/trigger-points/lateral-third"])
        #expect(try keys(CardFilter(regions: ["lower leg"])).count == 5)
        #expect(try keys(CardFilter(tags: ["calf"])).count == 5)
        #expect(try keys(CardFilter(muscles: ["piriformis"], aspects: [.origin])) == ["piriformis/origin"])
        #expect(try keys(CardFilter(regions: ["100%_"])).isEmpty)
    }

    @Test func cramDrillsWithoutTouchingTheSchedule() throws {
        let f = try fixture()
        try session(f).run(on: ScriptedTerminal(answers(4, 4, 4, 4, 4, 4, 4)))
        let before = try f.store.database.allCards(decks: f.decks).map(\.state)
        let terminal = ScriptedTerminal(answers(0, 5, 5, 5, 5, 5, 5, 5))
        let summary = try session(f, at: testNow.addingTimeInterval(3600), StudyOptions(filter: CardFilter(muscles: ["soleus"]), mode: .cram)).run(on: terminal)
        #expect(terminal.notes.allSatisfy { $0.kind == .cram })
        #expect(terminal.notes.first?.redrill == true)
        #expect(summary.mode == .cram && summary.counted == 0)
        #expect(try f.store.database.allCards(decks: f.decks).map(\.state) == before)
    }

    @Test func theSummaryCountsTomorrowAndTheStreak() throws {
        let f = try fixture()
        try session(f, StudyOptions(newPerDay: 2)).run(on: ScriptedTerminal(answers(4, 4)))
        let next = try session(f, at: testNow.addingTimeInterval(days(1)), StudyOptions(newPerDay: 0))
        let summary = try next.run(on: ScriptedTerminal(answers(4, 4)))
        #expect(summary.streak == 2)
        #expect(summary.dueTomorrow == 0)
        #expect(summary.counted == 2)
    }

    @Test func nothingDueSaysSo() throws {
        let f = try fixture()
        let terminal = ScriptedTerminal([])
        try session(f, StudyOptions(newPerDay: 0)).run(on: terminal)
        #expect(terminal.messages == ["Nothing is due today. Well done!"])
    }

    @Test func theDayRollsOverAtTheConfiguredHour() throws {
        let lateNight = utcCalendar.day(at: Date(timeIntervalSince1970: 1_796_175_000))  // 2026-12-02 01:30 UTC
        #expect(lateNight == Day(year: 2026, month: 12, day: 1))
        let morning = utcCalendar.day(at: Date(timeIntervalSince1970: 1_796_184_000))  // 2026-12-02 04:00 UTC
        #expect(morning == Day(year: 2026, month: 12, day: 2))
        let midnight = StudyCalendar(rolloverHour: 0, timeZone: TimeZone(identifier: "UTC") ?? .current)
        #expect(midnight.day(at: Date(timeIntervalSince1970: 1_796_175_000)) == Day(year: 2026, month: 12, day: 2))
        #expect(utcCalendar.start(of: Day(year: 2026, month: 12, day: 2) ?? Day(0)) == Date(timeIntervalSince1970: 1_796_184_000))
    }
}
