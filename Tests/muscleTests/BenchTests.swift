import Foundation
import Testing

/// The benchmark runs end to end on the smallest collection: it builds its collection through the
/// project's own write paths, measures every step, and writes the table and the JSON. Timings are
/// not asserted here (unit tests never time things); the release run checks the targets.
@Suite struct BenchTests {
    struct Results: Decodable {
        struct Collection: Decodable {
            struct Step: Decodable {
                struct Seconds: Decodable { var median: Double, min: Double, max: Double, runs: Int }
                var step: String
                var seconds: Seconds
                var peakMiB: Double
            }
            var cards: Int
            var reviews: Int
            var dueToday: Int
            var databaseMB: Double
            var steps: [Step]
        }
        var collections: [Collection]
        var bundled: [Collection.Step]
        var examSteps: [Collection.Step]
    }

    @Test func theQuickBenchmarkMeasuresEveryStep() throws {
        if let missing = MuscleBinary.missing("muscle-bench") { Issue.record(Comment(rawValue: missing)); return }
        let sandbox = Sandbox()
        let json = sandbox.file("bench.json")
        let result = ProcessRunner.run(MuscleBinary.bench, ["--quick", "--work", sandbox.file("work"), "--json", json],
                                       environment: sandbox.environment, directory: sandbox.path, timeout: .seconds(240))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let steps = [
            "sync, fresh", "sync, unchanged", "first due card, cold process", "due counts",
            "weak-topic report (30 days and all time)", "stats", "Anki export with progress (muscle export --anki)",
            "answer one card (median of 1,000, committed)",
        ]
        for step in steps { #expect(result.stdout.contains(step), "table has no row '\(step)'") }
        #expect(result.stdout.contains("1,000 cards"))

        let data = try Data(contentsOf: URL(fileURLWithPath: json))
        let results = try JSONDecoder().decode(Results.self, from: data)
        let collection = try #require(results.collections.first)
        #expect(!String(decoding: data, as: UTF8.self).contains("\"anki\""), "no Anki figures without --against-anki")
        #expect(collection.cards == 1000)
        #expect((15_000...25_000).contains(collection.reviews), "about 20 reviews per card: \(collection.reviews)")
        #expect((20...80).contains(collection.dueToday), "about 5% due today: \(collection.dueToday)")
        #expect(collection.databaseMB > 0)
        #expect(collection.steps.map(\.step) == steps)
        for step in collection.steps {
            #expect(step.seconds.runs == 3)
            #expect(step.seconds.min > 0 && step.seconds.min <= step.seconds.median && step.seconds.median <= step.seconds.max, "\(step.step)")
            #expect(step.peakMiB > 1, "\(step.step): peak memory \(step.peakMiB) MiB")
        }
        // The real muscle binary on the bundled decks, built beside the benchmark.
        #expect(results.bundled.map(\.step) == ["muscle study, first run (new database)", "muscle study, daily (first card on screen)"])
        for step in results.bundled {
            #expect(step.seconds.runs == 3 && step.seconds.min > 0, "\(step.step)")
            #expect(step.peakMiB > 1, "\(step.step): peak memory \(step.peakMiB) MiB")
        }
        #expect(result.stdout.contains("The bundled decks, `muscle study` piped"))
        #expect(result.stdout.contains("class report, 30 shares (read, merge, render)"))
        // Issue 14's two exam steps.
        #expect(results.examSteps.count == 2)
        #expect(results.examSteps.first?.step.hasPrefix("generate every exam item of the curriculum") == true)
        #expect(results.examSteps.last?.step == "muscle exam, first item on screen (bundled decks)")
        for step in results.examSteps { #expect(step.seconds.runs == 3 && step.seconds.min > 0, "\(step.step)") }
    }
}
