import Foundation

/// `--against-anki`: the same workload through Anki's own backend, measured by
/// `Benchmarks/anki_bench.py` in a Python that has the PyPI `anki` package, and set beside ours.
/// The script reads the collection this benchmark wrote, so both sides hold the same cards, reviews
/// and due cards; it checks that, and the per-topic figures, before it times anything.
struct AgainstAnki {
    let python: String
    let script: String
    /// "anki 26.09.3, Python 3.11.7", from the script's `--check`.
    let versions: String

    /// The repository this benchmark was built from: the script lives there, and so does the
    /// virtual environment Benchmarks/README.md makes (`.build-anki-venv`, ignored by git).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let environmentVariable = "MUSCLE_BENCH_ANKI_PYTHON"
    static let setUp = "python3 -m venv .build-anki-venv && .build-anki-venv/bin/pip install anki==26.9.3"

    /// Finds the Python (the option, else $MUSCLE_BENCH_ANKI_PYTHON, else the repository's venv) and
    /// checks that it runs the script with `anki` importable; the error says how to set it up.
    static func locate(python option: String?) throws -> AgainstAnki {
        let python = option ?? ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? repository + "/.build-anki-venv/bin/python"
        let script = repository + "/Benchmarks/anki_bench.py"
        let howTo = "make it in the repository with `\(setUp)` (Benchmarks/README.md), or name one with --anki-python PATH or \(environmentVariable)"
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchError("--against-anki: the Anki script is not at \(script) (run the benchmark from its repository's build)")
        }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw BenchError("--against-anki: no Python with Anki at \(python); \(howTo)")
        }
        let check = try ChildProcess.spawnAndRead(python, [script, "--check"])
        struct Versions: Decodable { var anki: String, python: String }
        guard check.status == 0, let versions = try? JSONDecoder().decode(Versions.self, from: Data(check.output)) else {
            throw BenchError("--against-anki: \(python) cannot run the Anki script (is the anki package installed in it?); \(howTo)")
        }
        return AgainstAnki(python: python, script: script, versions: "anki \(versions.anki), Python \(versions.python)")
    }

    /// Runs the script over one collection (its Anki copy is kept in `folder/anki` and reused while
    /// the workload is the same) and pairs its medians with ours.
    func measure(_ collection: Collection, ours: CollectionResult, runs: Int, today: String, log: (String) -> Void) throws -> AnkiComparison {
        log("Anki (\(versions)) on the \(collection.cards)-card workload")
        let loadAfterOurs = Machine.loadAverage()
        let read = try ChildProcess.spawnAndRead(python, [script, "--muscle-db", collection.databasePath, "--work", collection.folder + "/anki",
                                                          "--runs", String(runs), "--today", today])
        guard read.status == 0 else { throw BenchError("the Anki script failed (exit \(read.status)); its messages are above") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let result: AnkiResult
        do {
            result = try decoder.decode(AnkiResult.self, from: Data(read.output))
        } catch {
            throw BenchError("the Anki script's output is not the JSON expected: \(error)")
        }
        var comparison = AnkiComparison(result, ours: ours)
        comparison.loadAfterOurs = loadAfterOurs
        return comparison
    }
}

/// What `anki_bench.py` prints (its keys in snake case).
struct AnkiResult: Codable {
    struct Step: Codable {
        var step: String
        var name: String
        var seconds: Sample
        var peakMib: Double
        /// For the per-topic steps: the figures computed in the timed run equal MuscleMemory's.
        var sameFigures: Bool?
        /// The machine's 1-minute load average as the step ended.
        var load: Double?
        /// For the answer step: how many cards Anki's queue had to answer (at most 1,000).
        var answered: Int?
    }
    struct Side: Codable {
        var cards: Int
        var reviews: Int
        var dueToday: Int
    }
    struct Workload: Codable {
        var muscle: Side
        var anki: Side
        var same: Bool
        var topics: Int
        var topicsSameBySql: Bool
        var topicsSameByGraphs: Bool
        var answersDurable: Bool
    }
    var anki: String
    var python: String
    var today: String
    var fileMb: Double
    var steps: [Step]
    var workload: Workload
}

/// Anki's medians beside ours, for every step both can do.
struct AnkiComparison: Codable {
    struct Row: Codable {
        /// Our step's name (as in the table above it), or what is compared.
        var step: String
        /// What Anki does for it.
        var ankiStep: String
        var unit: String
        var ours: Double?
        var anki: Double
        /// Anki ÷ ours: above 1, Anki takes longer (or more).
        var ratio: Double?
    }
    var versions: String
    var workload: AnkiResult.Workload
    var rows: [Row]
    /// The machine's 1-minute load average when our steps had ended, and as each of Anki's ended:
    /// on a shared machine, whether both sides ran on an equally quiet one.
    var loadAfterOurs: Double?
    var ankiLoad: [Double]

    /// Our steps and the Anki steps that do the same work.
    static let pairs: [(ours: String, anki: String, label: String)] = [
        ("sync, fresh", "bulk-load", "text (CSV) import into a new collection"),
        ("first due card, cold process", "first-card", "process start to get_queued_cards' first card"),
        ("due counts", "due-counts", "deck_due_tree: the deck list's counts"),
        ("weak-topic report (30 days and all time)", "report-sql", "one SQL aggregate over revlog and cards"),
        ("weak-topic report (30 days and all time)", "report-graphs", "Stats screen graphs, one call per muscle × aspect"),
        ("stats", "stats-deck", "Stats screen as it opens (current deck, 1 year)"),
        ("stats", "stats-collection", "Stats screen, whole collection (1 year)"),
        ("answer one card (median of 1,000, committed)", "answer", "answer_card, committed"),
    ]

    init(_ result: AnkiResult, ours: CollectionResult) {
        versions = "anki \(result.anki), Python \(result.python)"
        workload = result.workload
        ankiLoad = result.steps.compactMap(\.load)
        func row(_ step: String, _ ankiStep: String, _ unit: String, _ ours: Double?, _ anki: Double) -> Row {
            Row(step: step, ankiStep: ankiStep, unit: unit, ours: ours, anki: anki, ratio: ours.flatMap { $0 > 0 ? anki / $0 : nil })
        }
        rows = Self.pairs.compactMap { pair in
            guard let theirs = result.steps.first(where: { $0.step == pair.anki }) else { return nil }
            var label = pair.label
            if let answered = theirs.answered { label = "answer_card, committed (median of \(answered))" }
            if theirs.sameFigures == false { label += " (figures DIFFER)" }
            return row(pair.ours, label, "s", ours.steps.first { $0.step == pair.ours }?.seconds.median, theirs.seconds.median)
        }
        for (step, ourStep, ankiStep) in [("peak memory, first due card", "first due card, cold process", "first-card"),
                                          ("peak memory, bulk load", "sync, fresh", "bulk-load")] {
            guard let theirs = result.steps.first(where: { $0.step == ankiStep }) else { continue }
            rows.append(row(step, "VmHWM of the process", "MiB", ours.steps.first { $0.step == ourStep }?.peakMiB, theirs.peakMib))
        }
        rows.append(row("database size", "collection.anki2, closed", "MB", ours.databaseMB, result.fileMb))
    }

    /// The workload is the same and every figure Anki computed equals ours.
    var agrees: Bool {
        workload.same && workload.topicsSameBySql && workload.topicsSameByGraphs && !rows.contains { $0.ankiStep.hasSuffix("DIFFER)") }
    }
}

extension Machine {
    /// The 1-minute load average, from /proc/loadavg.
    static func loadAverage() -> Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }
}
