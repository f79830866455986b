#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// `muscle-bench --against-anki`: without a Python that has Anki it says how to make one, at once
/// and before it builds or measures anything. With the repository's venv (Benchmarks/README.md)
/// present, it runs the smallest workload through Anki and checks that both sides held the same
/// cards, reviews, due cards and per-topic figures; without the venv that test is skipped, so
/// `swift test` never needs Python.
@Suite struct BenchAgainstAnkiTests {
    /// The repository's venv, where Benchmarks/README.md makes it.
    static let venvPython = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build-anki-venv/bin/python").path

    @Test(arguments: [
        (["--anki-python", "PYTHON"], [:]),
        ([], ["MUSCLE_BENCH_ANKI_PYTHON": "PYTHON"]),
    ] as [([String], [String: String])])
    func aMissingPythonIsNamedWithHowToMakeIt(options: [String], environment: [String: String]) throws {
        if let missing = MuscleBinary.missing("muscle-bench") { Issue.record(Comment(rawValue: missing)); return }
        let sandbox = Sandbox()
        let python = sandbox.file("no-venv/bin/python")
        let work = sandbox.file("work")
        let result = ProcessRunner.run(MuscleBinary.bench, ["--quick", "--work", work, "--against-anki"] + options.map { $0 == "PYTHON" ? python : $0 },
                                       environment: sandbox.environment.merging(environment.mapValues { $0 == "PYTHON" ? python : $0 }) { $1 },
                                       directory: sandbox.path, timeout: .seconds(30))
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains("no Python with Anki at \(python)"), "\(result.stderr)")
        #expect(result.stderr.contains("pip install anki==26.9.3") && result.stderr.contains("Benchmarks/README.md"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work), "nothing is built before the Python is found")
    }

    @Test func aPythonWithoutAnkiIsRefused() throws {
        if let missing = MuscleBinary.missing("muscle-bench") { Issue.record(Comment(rawValue: missing)); return }
        let sandbox = Sandbox()
        // An executable that is no Python at all: the script's --check cannot run in it.
        let fake = sandbox.write("bin/python", "#!/bin/sh\nexit 3\n")
        chmod(fake, 0o755)
        let result = ProcessRunner.run(MuscleBinary.bench, ["--quick", "--work", sandbox.file("work"), "--against-anki", "--anki-python", fake],
                                       environment: sandbox.environment, directory: sandbox.path, timeout: .seconds(30))
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(result.stderr.contains("\(fake) cannot run the Anki script"), "\(result.stderr)")
    }

    @Test func anAnkiPythonOptionWithoutTheFlagIsAMistake() throws {
        if let missing = MuscleBinary.missing("muscle-bench") { Issue.record(Comment(rawValue: missing)); return }
        let sandbox = Sandbox()
        let result = ProcessRunner.run(MuscleBinary.bench, ["--quick", "--anki-python", "/usr/bin/python3"],
                                       environment: sandbox.environment, directory: sandbox.path, timeout: .seconds(30))
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--anki-python is only used with --against-anki"), "\(result.stderr)")
    }

    struct Results: Decodable {
        struct Collection: Decodable {
            struct Comparison: Decodable {
                struct Row: Decodable { var step: String, ankiStep: String, unit: String, ours: Double?, anki: Double, ratio: Double? }
                struct Side: Decodable { var cards: Int, reviews: Int, dueToday: Int }
                struct Workload: Decodable {
                    var muscle: Side, anki: Side, same: Bool, topics: Int, topicsSameBySql: Bool, topicsSameByGraphs: Bool, answersDurable: Bool
                }
                var versions: String
                var workload: Workload
                var rows: [Row]
            }
            var cards: Int
            var reviews: Int
            var dueToday: Int
            var anki: Comparison
        }
        var collections: [Collection]
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: venvPython), "no venv with Anki at .build-anki-venv (Benchmarks/README.md)"))
    func theSameWorkloadRunsThroughAnki() throws {
        if let missing = MuscleBinary.missing("muscle-bench") { Issue.record(Comment(rawValue: missing)); return }
        let sandbox = Sandbox()
        let json = sandbox.file("bench.json")
        let result = ProcessRunner.run(MuscleBinary.bench, ["--sizes", "1000", "--runs", "1", "--work", sandbox.file("work"), "--json", json,
                                                            "--against-anki", "--anki-python", Self.venvPython],
                                       environment: sandbox.environment, directory: sandbox.path, timeout: .seconds(240))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Beside Anki's own backend (anki 26.09.3"), "\(result.stdout)")
        #expect(result.stdout.contains("1,000 cards, 18,"), "\(result.stdout)")
        #expect(result.stdout.contains("topics' figures equal ours"), "\(result.stdout)")

        let results = try JSONDecoder().decode(Results.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        let collection = try #require(results.collections.first)
        let w = collection.anki.workload
        #expect(w.same && w.topicsSameBySql && w.topicsSameByGraphs && w.answersDurable)
        #expect(w.anki.cards == collection.cards && w.anki.reviews == collection.reviews && w.anki.dueToday == collection.dueToday)
        #expect(w.muscle.cards == w.anki.cards && w.muscle.reviews == w.anki.reviews && w.muscle.dueToday == w.anki.dueToday)
        #expect(w.topics > 100, "50 muscles × their aspects: \(w.topics)")
        #expect(collection.anki.rows.map(\.step) == [
            "sync, fresh", "first due card, cold process", "due counts", "weak-topic report (30 days and all time)",
            "weak-topic report (30 days and all time)", "stats", "stats", "answer one card (median of 1,000, committed)",
            "peak memory, first due card", "peak memory, bulk load", "database size",
        ])
        for row in collection.anki.rows {
            let ours = try #require(row.ours, "\(row.step): no figure of ours")
            #expect(ours > 0 && row.anki > 0, "\(row.step): \(ours) vs \(row.anki)")
            #expect(row.ratio.map { abs($0 - row.anki / ours) < 1e-9 } == true, "\(row.step)")
        }
    }
}
