import Foundation
import MuscleMemory
import SM2

/// What a child process does for one step. Each prints one line: a number of seconds for the
/// timed part (or "ready" for the cold start, timed by the parent), plus any facts after a space.
enum ChildStep: String, CaseIterable {
    case syncFresh = "sync-fresh"
    case syncUnchanged = "sync-unchanged"
    case firstCard = "first-card"
    case answer
    case dueCounts = "due-counts"
    case report
    case stats
    case ankiExport = "anki-export"
    case classMerge = "class-merge"

    func run(database path: String, decks: String, now: Date, count: Int) throws {
        if self == .classMerge { return try BenchClass.run(folder: path) }
        let calendar = StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current)
        let locations = [DeckLocation.path(decks)]
        let clock = ContinuousClock()
        switch self {
        case .syncFresh, .syncUnchanged:
            let database = try AppDatabase.open(path: path, now: now)
            var added = 0
            let elapsed = try clock.measure { added = try DeckSync.run(locations, in: database, now: now).decks.first?.added ?? 0 }
            print("\(elapsed.seconds) \(added)")
        case .firstCard:
            // The study command's path: open, implicit sync, queue, first card to the terminal.
            let database = try AppDatabase.open(path: path, now: now)
            _ = try DeckSync.run(locations, in: database, now: now)
            let ids = try database.deckIDs(for: locations)
            let session = try StudySession(database: database, decks: ids, calendar: calendar, options: StudyOptions()) { now }
            let recorder = FirstCardRecorder()
            try session.run(on: recorder)
        case .answer:
            let database = try AppDatabase.open(path: path, now: now)
            let ids = try database.deckIDs(for: locations)
            let today = calendar.day(at: now)
            let cards = try database.dueCards(decks: ids, on: today.adding(days: 36_500), limit: count)
            var times: [Double] = []
            for (i, card) in cards.enumerated() {
                let day = max(today, card.state.due ?? today)
                let grade = Grade([3, 4, 5, 4, 2, 5][i % 6]) ?? .good
                let elapsed = try clock.measure {
                    _ = try database.recordAnswer(AnswerInput(cardRowID: card.rowID, grade: grade, at: now, day: day, answerMilliseconds: 4000, sessionID: nil))
                }
                times.append(elapsed.seconds)
            }
            let sample = Sample(times)
            print("\(sample.median) \(times.reduce(0, +) / Double(max(times.count, 1))) \(times.count)")
        case .dueCounts:
            let database = try AppDatabase.open(path: path, now: now)
            let ids = try database.deckIDs(for: locations)
            var counts = DueCounts(due: 0, new: 0, redrill: 0)
            let elapsed = try clock.measure { counts = try database.dueCounts(decks: ids, on: calendar.day(at: now)) }
            print("\(elapsed.seconds) \(counts.due)")
        case .ankiExport:
            // `muscle export --anki FILE --with-progress`: read, plan, build the SQLite file, zip, rename.
            let database = try AppDatabase.open(path: path, now: now)
            let ids = try database.deckIDs(for: locations)
            let target = (path as NSString).deletingLastPathComponent + "/export.apkg"
            var notes = 0
            let elapsed = try clock.measure {
                let cards = try database.ankiExportCards(decks: ids)
                let written = AnkiPackageWriter.write(cards: cards, reviews: { try database.forEachAnkiExportReview(of: cards, $0) }, now: now,
                                                      today: calendar.day(at: now), rolloverHour: 4,
                                                      dayStart: { Int64(calendar.start(of: $0).timeIntervalSince1970) }, to: target,
                                                      scratch: (path as NSString).deletingLastPathComponent)
                switch written {
                case .success(let package): notes = package.notes.count
                case .failure(let failure): throw BenchError("the Anki export failed: \(failure)")
                }
            }
            unlink(target)
            print("\(elapsed.seconds) \(notes)")
        case .classMerge:
            break
        case .report, .stats:
            let database = try AppDatabase.open(path: path, now: now, options: AppDatabase.Options(pageCacheMiB: 16))
            let ids = try database.deckIDs(for: locations)
            let elapsed = try clock.measure { try BenchReports.run(self, database: database, decks: ids, calendar: calendar, now: now) }
            print("\(elapsed.seconds)")
        }
    }
}

/// A process's peak resident memory (VmHWM) so far, in MiB: this one's by default. Not `ru_maxrss`
/// from wait4: Linux carries the spawning process's high-water mark into a child across exec.
func peakMemoryMiB(of process: String = "self") -> Double {
    guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kib = line.split(separator: " ").compactMap({ Double($0) }).first else { return .nan }
    return kib / 1024
}

/// The terminal of the cold-start step: it announces the first card, then ends the session.
final class FirstCardRecorder: StudyTerminal {
    private var announced = false

    func show(_ screen: StudyScreen) {
        guard !announced else { return }
        if case .front = screen {
            announced = true
            FileHandle.standardOutput.write(Data("ready\n".utf8))
        }
    }

    func read(_ prompt: StudyPrompt) -> StudyInput? { nil }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
