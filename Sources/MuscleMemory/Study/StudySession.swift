import Foundation
import SM2

/// One sitting: builds today's queue, shows each card, records every answer in the database
/// before the next card appears, re-drills cards graded below 4 later in the session (SM-2 step 7),
/// undoes, buries and quits on request, and ends with a summary.
///
/// It never reads the clock: `now` is injected, so tests and `--now` simulations control time.
public final class StudySession {
    private let database: AppDatabase
    private let decks: [Int64]
    private let calendar: StudyCalendar
    private let options: StudyOptions
    private let now: () -> Date
    public let day: Day
    private let started: Date
    private var queue: StudyQueue
    private var sessionID: Int64?
    private var undoStack: [(answer: RecordedAnswer, item: StudyQueue.Item)] = []
    private var answeredCards = Set<Int64>()
    private var answers = 0
    private var counted = 0
    private var correct = 0
    private var shownAt: Date
    /// `.cram` while drilling the session's misses again after its queue ran out.
    private var mode: StudyMode
    /// Cards whose first answer this session was wrong, to drill again at the end.
    private var missed: [Int64: QueueEntry] = [:]
    /// First answers this session per muscle (key → name, answered, missed), for the weakest topic.
    private var byMuscle: [String: (name: String, answered: Int, missed: Int)] = [:]
    /// Text and state of the cards about to be shown, loaded a few at a time.
    private var loaded: [Int64: StoredCard] = [:]
    /// The curriculum's terms when answers are typed (`study --type`), else nil.
    private let typedTerms: TypedTerms?

    public init(database: AppDatabase, decks: [Int64], calendar: StudyCalendar, options: StudyOptions, typing typedTerms: TypedTerms? = nil, now: @escaping () -> Date) throws(StoreError) {
        self.database = database
        self.typedTerms = typedTerms
        self.decks = decks
        self.calendar = calendar
        self.options = options
        self.now = now
        mode = options.mode
        started = now()
        shownAt = started
        day = calendar.day(at: started)
        queue = try Self.buildQueue(database: database, decks: decks, day: day, options: options)
    }

    /// The queue as it stands, with each card's text (tests and tools).
    public func upcomingCards() throws(StoreError) -> [(card: StoredCard, reason: QueueReason)] {
        let cards = try database.cards(rowIDs: queue.items.map(\.cardRowID))
        return queue.items.compactMap { item in cards[item.cardRowID].map { ($0, item.reason) } }
    }

    static func buildQueue(database: AppDatabase, decks: [Int64], day: Day, options: StudyOptions) throws(StoreError) -> StudyQueue {
        let filter = options.filter
        if options.mode == .cram {
            return StudyQueue(redrill: [], due: try database.allEntries(decks: decks, filter: filter), new: [], reason: .cram)
        }
        let redrill = try database.redrillEntries(decks: decks, on: day, filter: filter)
        var due = try database.dueEntries(decks: decks, on: day, filter: filter)
        if let limit = options.reviewsPerDay {
            due = Array(due.prefix(max(0, limit - (try database.reviewedCount(decks: decks, on: day)))))
        }
        let newLimit = max(0, options.newPerDay - (try database.introducedCount(decks: decks, on: day)))
        // A few more candidates than the limit, so siblings can give way to other cards.
        let new = newLimit == 0 ? [] : try database.newEntries(decks: decks, on: day, filter: filter, limit: newLimit * 2 + 20)
        let answeredToday = Set(try database.answeredSiblings(decks: decks, on: day))
        return StudyQueue(redrill: redrill, due: due, new: new, newLimit: newLimit, answeredToday: answeredToday)
    }

    /// Runs the session to its end (queue empty, quit, or end of input) and returns the summary,
    /// which has also been shown. Answers already given are in the database whatever happens.
    @discardableResult
    public func run(on terminal: StudyTerminal) throws(StoreError) -> SessionSummary {
        let id = try database.startSession(at: started, day: day, mode: options.mode)
        sessionID = id
        do {
            let result = try runStarted(on: terminal)
            try? database.endSession(id, at: now())
            return result
        } catch {
            // A lock that outlasted the busy timeout would make the session's closing write wait
            // the whole timeout again before the error is shown: the session stays open-ended
            // (its answers are saved; `ended_at` is only bookkeeping) and the error goes out now.
            if case .locked = error {} else { try? database.endSession(id, at: now()) }
            throw error
        }
    }

    private func runStarted(on terminal: StudyTerminal) throws(StoreError) -> SessionSummary {
        if queue.isEmpty {
            terminal.show(.message(options.mode == .cram ? "No cards match these filters." : "Nothing is due today. Well done!"))
        }
        var offered = false
        var limit: SessionLimit?
        loop: while true {
            if let reached = limitReached() {
                limit = reached
                break loop
            }
            guard let next = queue.first else {
                // The queue ran out: offer the misses once more, as practice.
                guard !offered, !missed.isEmpty else { break loop }
                offered = true
                let count = missed.count
                terminal.show(.message("You missed \(count) card\(count == 1 ? "" : "s") today. Drill \(count == 1 ? "it" : "them") again now? y drills (the schedule does not change); any other key ends the session."))
                guard terminal.read(.drillOffer) == .choose(0) else { break loop }
                mode = .cram
                queue = StudyQueue(redrill: [], due: missed.values.sorted { $0.cardRowID < $1.cardRowID }, new: [], reason: .cram)
                continue
            }
            // Past the rollover hour the queue is yesterday's: the session ends with a message
            // rather than answering for a day that is over (cram has no days to keep).
            if mode == .study && calendar.day(at: now()) != day {
                terminal.show(.message(Self.newDayMessage(rolloverHour: calendar.rolloverHour)))
                break loop
            }
            guard let card = try card(for: next), try database.isActive(cardRowID: next.cardRowID) else {
                _ = queue.popFirst()  // gone since the queue was built (another process retired it)
                continue
            }
            let item = (item: next, card: card)
            // Typed at when the answer is short terms and `--type` is on; any other card as usual.
            let expected = typedTerms.flatMap { $0.expectation(for: card) }
            var view = Self.view(of: card, reason: next.reason)
            view.typing = expected != nil
            shownAt = now()
            terminal.show(.front(view, header: header()))
            // One loop for the card, asking what its stage allows: the front takes "show the
            // answer" or a grade (the student may know it), the back a grade. A typed answer is a
            // prompt of its own: the line typed is compared, and the back proposes a grade.
            var prompt = expected != nil ? StudyPrompt.typed : .front
            var typed: TypedAnswerRecord?
            while true {
                guard let input = terminal.read(prompt) else { break loop }
                switch input {
                case .reveal where prompt.reveal:
                    terminal.show(.back(view, header: header(), keys: keys(for: card), counts: counts(card)))
                    prompt = .back
                case .typed(let text) where prompt.typing:
                    // An empty line shows the answer, to grade as usual (nothing typed is stored).
                    if let expected, let terms = typedTerms, !TypedText.clean(text).isEmpty {
                        let comparison = terms.compare(text, with: expected)
                        view.typed = comparison
                        typed = TypedAnswerRecord(comparison)
                        terminal.show(.back(view, header: header(), keys: keys(for: card), counts: counts(card)))
                        prompt = .proposing(comparison.proposed)
                    } else {
                        terminal.show(.back(view, header: header(), keys: keys(for: card), counts: counts(card)))
                        prompt = .back
                    }
                case .grade(let grade) where prompt.grades:
                    try answer(item, grade, typed: typed, terminal: terminal)
                    continue loop
                case .quit: break loop
                case .undo: if try undo(terminal) { continue loop }
                case .skip: try skip(next, terminal); continue loop
                case .edit: terminal.show(.message(source(of: card)))
                case .help: terminal.show(.message(prompt.keyList))
                case .reveal, .grade, .choose, .typed, .unknown: terminal.show(.message(prompt.help))
                }
            }
        }
        if let limit {
            switch limit {
            case .minutes(let minutes): terminal.show(.message("Time is up: \(minutes) minute\(minutes == 1 ? "" : "s") (--minutes). The session ends here."))
            case .cards(let cards): terminal.show(.message("That makes \(cards) card\(cards == 1 ? "" : "s") (--cards). The session ends here."))
            }
        }
        let result = try summary()
        terminal.show(.summary(result))
        return result
    }

    /// The card's text and state, loading it and the next few cards' together.
    private func card(for item: StudyQueue.Item) throws(StoreError) -> StoredCard? {
        if let card = loaded[item.cardRowID] { return card }
        let ids = queue.upcomingIDs(20).filter { loaded[$0] == nil }
        loaded.merge(try database.cards(rowIDs: ids.isEmpty ? [item.cardRowID] : ids)) { _, new in new }
        return loaded[item.cardRowID]
    }

    private func answer(_ pair: (item: StudyQueue.Item, card: StoredCard), _ grade: Grade, typed: TypedAnswerRecord? = nil, terminal: StudyTerminal) throws(StoreError) {
        let (item, card) = pair
        let at = now()
        let answer = try database.recordAnswer(AnswerInput(
            cardRowID: card.rowID, grade: grade, at: at, day: day,
            answerMilliseconds: Int((at.timeIntervalSince(shownAt) * 1000).rounded()), sessionID: sessionID, mode: mode, typed: typed))
        _ = queue.popFirst()
        undoStack.append((answer, item))
        answers += 1
        answeredCards.insert(card.rowID)
        if answer.kind == .review {
            counted += 1
            if grade.isCorrect { correct += 1 } else { missed[card.rowID] = item.entry }
            var tally = byMuscle[card.muscleKey] ?? (card.muscle, 0, 0)
            tally.answered += 1
            if !grade.isCorrect { tally.missed += 1 }
            byMuscle[card.muscleKey] = tally
        }
        let again = mode == .cram ? needsRedrill(grade) : answer.needsRedrill
        var updated = card
        updated.state = answer.after
        updated.redrillDay = again ? day : nil
        loaded[card.rowID] = updated
        if again {
            queue.redrill(item.entry, after: options.redrillGap)
        }
        if mode == .study && answer.before != card.state {
            // The store classified the answer from the card's state when it was written; the
            // keys on screen were worked out from the state when the card was loaded.
            terminal.show(.message(Self.changedUnderneathMessage))
        }
        terminal.show(.answered(AnswerNote(grade: grade, kind: answer.kind, nextDue: answer.after.due, interval: answer.after.interval, redrill: again)))
    }

    /// Takes back the session's last answer; true if something was undone.
    private func undo(_ terminal: StudyTerminal) throws(StoreError) -> Bool {
        guard let last = undoStack.popLast() else {
            terminal.show(.message("Nothing to undo."))
            return false
        }
        do {
            _ = try database.undo(reviewID: last.answer.reviewID)
        } catch .cannotUndo(let reason) {
            terminal.show(.message("Cannot undo: \(reason)."))
            return false
        }
        answers -= 1
        if last.answer.kind == .review {
            counted -= 1
            if last.answer.grade.isCorrect { correct -= 1 } else { missed[last.item.cardRowID] = nil }
            if let key = loaded[last.item.cardRowID]?.muscleKey, var tally = byMuscle[key] {
                tally.answered -= 1
                if !last.answer.grade.isCorrect { tally.missed -= 1 }
                byMuscle[key] = tally.answered > 0 ? tally : nil
            }
        }
        if !undoStack.contains(where: { $0.item.cardRowID == last.item.cardRowID }) { answeredCards.remove(last.item.cardRowID) }
        loaded[last.item.cardRowID] = nil  // reloaded with its restored state
        queue.pushFront(last.item)
        terminal.show(.message("Undone: the card is back as it was."))
        return true
    }

    private func skip(_ item: StudyQueue.Item, _ terminal: StudyTerminal) throws(StoreError) {
        if mode == .study { try database.bury(cardRowID: item.cardRowID, on: day) }
        queue.remove(cardRowID: item.cardRowID)
        if mode == .study && item.reason == .new { try refillNewCards() }
        terminal.show(.message(mode == .cram ? "Skipped." : "Skipped until tomorrow."))
    }

    /// A skipped new card is not introduced, so today's new-card allowance has room for another:
    /// the next new card joins the queue now, as it would in the next session, so the counts this
    /// session shows ("N new left") agree with what the next session shows.
    private func refillNewCards() throws(StoreError) {
        let fresh = try Self.buildQueue(database: database, decks: decks, day: day, options: options)
        let queued = Set(queue.items.map(\.cardRowID))
        for item in fresh.items where item.reason == .new && !queued.contains(item.cardRowID) && !answeredCards.contains(item.cardRowID) {
            queue.append(item)
        }
    }

    /// The --minutes or --cards limit, once reached.
    private func limitReached() -> SessionLimit? {
        if let minutes = options.minutes, elapsedSeconds() >= minutes * 60 { return .minutes(minutes) }
        if let cards = options.cards, answeredCards.count >= cards { return .cards(cards) }
        return nil
    }

    /// Seconds since the session started, by the injected clock (the terminal's ticking header).
    public func elapsedSeconds() -> Int {
        Int(now().timeIntervalSince(started).rounded(.down))
    }

    static let changedUnderneathMessage =
        "Another session answered this card meanwhile, so this answer was scheduled from the card's state now, not from the intervals the keys showed."

    static func newDayMessage(rolloverHour: Int) -> String {
        "A new study day began at \(rolloverHour < 10 ? "0" : "")\(rolloverHour):00, so this session ends; every answer is saved. Run `muscle study` again for the new day's cards."
    }

    private func source(of card: StoredCard) -> String {
        "Source: \(card.sourceFile):\(card.sourceLine) (card \(card.id))"
    }

    private func header() -> StudyHeader {
        var header = queue.counts(elapsed: elapsedSeconds())
        header.answered = answers
        return header
    }

    /// Whether this answer would move the schedule (so the keys show real intervals).
    private func counts(_ card: StoredCard) -> Bool {
        mode == .study && isFirstAnswer(to: card.state, on: day) && isDue(card.state, on: day)
    }

    private func keys(for card: StoredCard) -> [GradeKey] {
        let intervals = preview(card.state, on: day)
        return Grade.allCases.map { GradeKey(grade: $0, interval: intervals[$0] ?? card.state.interval) }
    }

    private func summary() throws(StoreError) -> SessionSummary {
        let tomorrow = day.adding(days: 1)
        let dueTomorrow = try database.dueForecast(decks: decks, from: tomorrow, days: 1).first ?? 0
        let streak = StudyStreak.length(of: try database.studyDays(through: day, limit: 100_000), through: day)
        return SessionSummary(
            answers: answers, cards: answeredCards.count, counted: counted, correct: correct,
            seconds: Int(now().timeIntervalSince(started).rounded(.down)), dueTomorrow: dueTomorrow, streak: streak,
            left: header(), mode: options.mode, missed: missed.count, weakest: weakest())
    }

    /// The muscle with the most missed first answers this session (ties: the larger share, then
    /// the name); nil when nothing was missed.
    private func weakest() -> WeakestTopic? {
        byMuscle.filter { $0.value.missed > 0 }
            .map { WeakestTopic(muscle: $0.value.name, muscleKey: $0.key, missed: $0.value.missed, answered: $0.value.answered) }
            .min { a, b in
                if a.missed != b.missed { return a.missed > b.missed }
                if a.missed * b.answered != b.missed * a.answered { return a.missed * b.answered > b.missed * a.answered }
                return a.muscleKey < b.muscleKey
            }
    }

    static func view(of card: StoredCard, reason: QueueReason) -> StudyCardView {
        StudyCardView(front: card.front, back: card.back, aspect: card.aspect, region: card.region,
                      reason: reason, sourceFile: card.sourceFile, sourceLine: card.sourceLine)
    }
}
