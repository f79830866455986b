import ArgumentParser
import Foundation
import MuscleMemory

/// `swift run -c release muscle-bench`: builds synthetic collections and measures the product's
/// real code paths on them, each step in a fresh process, repeated (median, min, max).
@main
struct MuscleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muscle-bench",
        abstract: "Measure MuscleMemory on synthetic collections of 1,000 to 100,000 cards (1,000,000 with --huge).")

    @Flag(help: "Only the 1,000-card collection, 3 runs each (what CI runs).")
    var quick = false

    @Flag(name: .customLong("class-only"), help: "Only the class step: merging 300 simulated students' shares of the bundled curriculum.")
    var classOnly = false

    @Flag(name: .customLong("exam-only"), help: "Only the exam steps: generating every item of the bundled curriculum, and muscle exam's first item on screen.")
    var examOnly = false

    @Flag(help: "Add a 1,000,000-card collection (slow: its history takes a long time to write).")
    var huge = false

    @Option(help: ArgumentHelp("Collection sizes to measure, e.g. 1000,10000 (each 1-10000000).", valueName: "n,n"))
    var sizes: String?

    @Option(help: "Runs of each step, 1-100.")
    var runs: Int?

    @Option(help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Folder for the collections (kept, and reused when already built).", valueName: "dir"))
    var work: String = FileManager.default.temporaryDirectory.appendingPathComponent("muscle-bench").path

    @Flag(help: "Also run the same workload through Anki's own backend (Benchmarks/anki_bench.py) and print its medians beside ours.")
    var againstAnki = false

    @Option(help: ArgumentHelp("The Python with the anki package, for --against-anki (default: $\(AgainstAnki.environmentVariable), else the repository's .build-anki-venv).",
                               valueName: "path"))
    var ankiPython: String?

    @Option(help: .private) var child: String?
    @Option(help: .private) var db: String?
    @Option(help: .private) var decks: String?
    @Option(help: .private) var count: Int = 1000

    /// The instant the collections are studied "today": fixed, so runs are comparable.
    static let now = Date(timeIntervalSince1970: 1_796_119_200)  // 2026-12-01T10:00:00Z
    /// The study day of `now` (UTC, rollover at 04:00) as a date, for the Anki script.
    static var today: String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate]
        format.timeZone = TimeZone(identifier: "UTC")
        return format.string(from: now.addingTimeInterval(-4 * 3600))
    }

    func validate() throws {
        if ankiPython != nil && !againstAnki { throw ValidationError("--anki-python is only used with --against-anki") }
        if let runs, !(1...100).contains(runs) { throw ValidationError("--runs '\(runs)' is not a whole number from 1 to 100") }
        for size in sizes?.split(separator: ",") ?? [] {
            guard let cards = Int(size.trimmingCharacters(in: .whitespaces)), (1...10_000_000).contains(cards) else {
                throw ValidationError("--sizes: '\(size)' is not a whole number of cards from 1 to 10000000")
            }
        }
    }

    func run() throws {
        if let child {
            guard let step = ChildStep(rawValue: child), let db, let decks else { throw ExitCode(2) }
            try step.run(database: db, decks: decks, now: Self.now, count: count)
            print("peak \(peakMemoryMiB())")
            return
        }
        let cardCounts: [Int]
        if classOnly || examOnly {
            cardCounts = []
        } else if let sizes {
            cardCounts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        } else if quick {
            cardCounts = [1_000]
        } else {
            cardCounts = [1_000, 10_000, 100_000] + (huge ? [1_000_000] : [])
        }
        let repeats = runs ?? (quick ? 3 : 5)
        // Found before anything is measured, so a missing Python is said at once (exit 64), not after the run.
        var anki: AgainstAnki?
        if againstAnki {
            do { anki = try AgainstAnki.locate(python: ankiPython) } catch { throw ValidationError("\(error)") }
        }
        var results: [CollectionResult] = []
        for cards in cardCounts {
            let collection = Collection(cards: cards, folder: work + "/\(cards)")
            var result = try collection.measure(runs: repeats, log: log)
            if let anki {
                result.anki = try anki.measure(collection, ours: result, runs: repeats, today: Self.today, log: log)
            }
            results.append(result)
        }
        var report = BenchResults(date: ISOTime.format(Date()), machine: Machine.describe(), build: Self.buildKind, collections: results)
        if !classOnly && !examOnly { report.bundled = try BundledStudy.measure(runs: repeats, folder: work + "/bundled", log: log) }
        if !classOnly { report.examSteps = try BenchExam.measure(runs: repeats, folder: work + "/exam", log: log) }
        let students = quick ? BenchClass.quickStudents : BenchClass.students
        if !examOnly { report.classSteps = try BenchClass.measure(runs: repeats, students: students, folder: work + "/class-\(students)", log: log) }
        print(report.table())
        if let json {
            try report.json().write(toFile: json, atomically: true, encoding: .utf8)
            log("wrote \(json)")
        }
        if results.contains(where: { $0.failures > 0 }) || report.bundled.contains(where: { $0.met == false }) || report.examSteps.contains(where: { $0.met == false }) || report.classSteps.contains(where: { $0.met == false }) { throw ExitCode(1) }
        if results.contains(where: { $0.anki.map { !$0.agrees } ?? false }) {
            log("Anki's workload or figures differ from ours (see the table): the comparison does not hold")
            throw ExitCode(1)
        }
    }

    func log(_ text: String) {
        FileHandle.standardError.write(Data("muscle-bench: \(text)\n".utf8))
    }

    static var buildKind: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }
}
