import Foundation
import MuscleMemory

/// Issue 14's targets on the bundled decks: the first exam item on screen within 50 ms of process
/// start (the real `muscle exam`, piped, on a database that already holds the items), and every
/// item of the curriculum generated within 1 s (in this process: compile the decks, resolve the
/// covered muscles, generate).
enum BenchExam {
    static func measure(runs: Int, folder: String, log: (String) -> Void) throws -> [StepResult] {
        var results = CollectionResult(cards: 0)
        let release = MuscleBench.buildKind == "release"
        var generate: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let start = Date()
            let decks = [DeckCompiler.compile(.bundled)]
            let items = ExamGenerator.items(ExamCurriculum(decks: decks, vocabulary: FactsReport.vocabulary(for: decks)))
            generate.append(Date().timeIntervalSince(start))
            count = items.count
        }
        log("the bundled decks generate \(count) exam items")
        results.add("generate every exam item of the curriculum (\(count))", generate, peak: [peakMemoryMiB()], target: release ? 1.0 : nil)
        guard FileManager.default.isExecutableFile(atPath: BundledStudy.muscleBinary) else {
            log("no muscle binary at \(BundledStudy.muscleBinary); build it (swift build -c release) to measure muscle exam")
            return results.steps
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = folder + "/exam.sqlite"
        removeDatabase(at: database)
        let arguments = ["exam", "--db", database, "--decks", "bundled", "--seed", "1"]
        _ = try ChildProcess.runUntilFirstLine(BundledStudy.muscleBinary, arguments)  // creates the database and stores the items
        var first: [Double] = [], peak: [Double] = []
        for _ in 0..<runs {
            let outcome = try ChildProcess.runUntilFirstLine(BundledStudy.muscleBinary, arguments)
            first.append(outcome.seconds); peak.append(outcome.peakMiB)
        }
        removeDatabase(at: database)
        results.add("muscle exam, first item on screen (bundled decks)", first, peak: peak, target: release ? 0.050 : nil)
        return results.steps
    }
}
