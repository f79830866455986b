import Foundation
import MuscleMemory

/// One synthetic collection: its deck files and its database with two years of history.
struct Collection {
    let cards: Int
    let folder: String

    var deckFolder: String { folder + "/decks" }
    var databasePath: String { folder + "/collection.sqlite" }
    var scratchPath: String { folder + "/scratch.sqlite" }

    /// Builds the collection if needed (through sync and the review writer), then measures it.
    func measure(runs: Int, log: (String) -> Void) throws -> CollectionResult {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let marker = folder + "/complete-v2"
        if !FileManager.default.fileExists(atPath: marker) {
            log("building \(cards) cards in \(folder)")
            removeDatabase(at: databasePath)
            try SyntheticDeck.write(cards: cards, to: deckFolder)
            let database = try AppDatabase.open(path: databasePath, now: MuscleBench.now)
            _ = try DeckSync.run([.path(deckFolder)], in: database, now: MuscleBench.now)
            let calendar = StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current)
            let history = SyntheticHistory(database: database, decks: try database.deckIDs(for: [.path(deckFolder)]),
                                           today: calendar.day(at: MuscleBench.now), calendar: calendar)
            let started = Date()
            let written = try history.generate { day, total in log("  history: day \(day) of \(total)") }
            log("  \(written.answers) answers written in \(Int(Date().timeIntervalSince(started))) s")
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
        }
        var result = CollectionResult(cards: cards)
        let targets = Targets.at(cards: cards)
        try facts(into: &result)
        func child(_ step: ChildStep, db: String? = nil, count: Int? = nil) throws -> ChildProcess.Outcome {
            var arguments = ["--child", step.rawValue, "--db", db ?? databasePath, "--decks", deckFolder]
            if let count { arguments += ["--count", String(count)] }
            let outcome = try ChildProcess.run(arguments)
            guard outcome.status == 0, !outcome.lines.isEmpty else {
                throw BenchError("step \(step.rawValue) failed (exit \(outcome.status)): \(outcome.lines.joined(separator: " "))")
            }
            return outcome
        }
        func seconds(_ outcome: ChildProcess.Outcome) -> Double {
            Double(outcome.lines.first?.split(separator: " ").first ?? "") ?? .nan
        }
        var fresh: [Double] = [], freshPeak: [Double] = []
        var unchanged: [Double] = [], unchangedPeak: [Double] = []
        for _ in 0..<runs {
            removeDatabase(at: scratchPath)
            let first = try child(.syncFresh, db: scratchPath)
            fresh.append(seconds(first)); freshPeak.append(first.peakMiB)
            let again = try child(.syncUnchanged, db: scratchPath)
            unchanged.append(seconds(again)); unchangedPeak.append(again.peakMiB)
        }
        result.add("sync, fresh", fresh, peak: freshPeak, target: targets.syncFresh, peakTarget: targets.syncFreshPeakMiB)
        result.add("sync, unchanged", unchanged, peak: unchangedPeak, target: targets.syncUnchanged)

        var cold: [Double] = [], coldPeak: [Double] = []
        for _ in 0..<runs {
            let outcome = try child(.firstCard)
            cold.append(outcome.secondsToFirstLine); coldPeak.append(outcome.peakMiB)
        }
        result.add("first due card, cold process", cold, peak: coldPeak, target: targets.firstCard, peakTarget: targets.studyPeakMiB)

        var counts: [Double] = [], countsPeak: [Double] = []
        for _ in 0..<runs {
            let outcome = try child(.dueCounts)
            counts.append(seconds(outcome)); countsPeak.append(outcome.peakMiB)
        }
        result.add("due counts", counts, peak: countsPeak, target: targets.dueCounts)

        for (step, name, target) in [(ChildStep.report, "weak-topic report (30 days and all time)", targets.report), (.stats, "stats", targets.stats)] {
            var times: [Double] = [], peaks: [Double] = []
            for _ in 0..<runs {
                let outcome = try child(step)
                times.append(seconds(outcome)); peaks.append(outcome.peakMiB)
            }
            result.add(name, times, peak: peaks, target: target)
        }

        var exports: [Double] = [], exportPeak: [Double] = []
        for _ in 0..<runs {
            let outcome = try child(.ankiExport)
            exports.append(seconds(outcome)); exportPeak.append(outcome.peakMiB)
        }
        result.add("Anki export with progress (muscle export --anki)", exports, peak: exportPeak, target: targets.ankiExport)

        // Answers change a collection, so each run answers on a fresh copy of it.
        var answers: [Double] = [], answerPeak: [Double] = []
        let copy = folder + "/answers.sqlite"
        for _ in 0..<runs {
            removeDatabase(at: copy)
            try FileManager.default.copyItem(atPath: databasePath, toPath: copy)
            let outcome = try child(.answer, db: copy, count: 1000)
            answers.append(seconds(outcome)); answerPeak.append(outcome.peakMiB)
        }
        removeDatabase(at: copy)
        result.add("answer one card (median of 1,000, committed)", answers, peak: answerPeak, target: targets.answer, peakTarget: targets.studyPeakMiB)
        return result
    }

    /// Size on disk and the shape of the history.
    private func facts(into result: inout CollectionResult) throws {
        let database = try AppDatabase.open(path: databasePath, now: MuscleBench.now)
        let shape = try database.shape(today: StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current).day(at: MuscleBench.now))
        result.reviews = shape.reviews
        result.dueToday = shape.due
        result.cardsInDatabase = shape.cards
        try database.checkpoint()
        let size = (try? FileManager.default.attributesOfItem(atPath: databasePath)[.size] as? NSNumber)?.doubleValue ?? 0
        result.databaseMB = size / 1_000_000
    }
}

/// Deletes a database file with its write-ahead log and shared-memory index, if they are there.
func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
