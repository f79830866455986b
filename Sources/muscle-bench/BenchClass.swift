import Foundation
import MuscleMemory
import SeededRandom

/// The class step: 300 simulated students of the bundled curriculum, each a share file written
/// as `muscle share` writes it, merged as `muscle class FOLDER` merges them (read, check, merge
/// against the bundled decks, render the table), in a fresh process.
enum BenchClass {
    /// The issue's class: 300 students within 1 s (release). `--quick` merges 30.
    static let students = 300
    static let quickStudents = 30
    static let target = 1.0

    /// Writes the shares once (seeded: the same files every run).
    static func prepare(folder: String, students: Int) throws {
        let marker = folder + "/complete-v1"
        guard !FileManager.default.fileExists(atPath: marker) else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let deck = DeckCompiler.compile(.bundled)
        var random = SplitMix64(seed: 19)
        for student in 0..<students {
            try share(of: deck, student: student, random: &random).json().write(toFile: folder + "/student-\(student).json", atomically: true, encoding: .utf8)
        }
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
    }

    /// A student who has met a share of the curriculum (30-90%), each card answered 1-12 times with
    /// a personal miss rate; topics rolled up from the cards as the report rolls them up.
    static func share(of deck: CompiledDeck, student: Int, random: inout SplitMix64) -> Share {
        let coverage = Double.random(in: 0.3...0.9, using: &random)
        let skill = Double.random(in: 0.05...0.5, using: &random)
        var cards: [CardAnswerCount] = []
        struct Counts { var name = "", cards = 0, seen = 0, reviews = 0, correct = 0, lapses = 0 }
        var topics: [String: (TopicLevel, String, Counts)] = [:]
        for card in deck.cards {
            var reviews = 0, misses = 0
            if Double.random(in: 0...1, using: &random) < coverage {
                reviews = Int.random(in: 1...12, using: &random)
                for _ in 0..<reviews where Double.random(in: 0...1, using: &random) < skill { misses += 1 }
                cards.append(CardAnswerCount(id: card.id, reviews: reviews, misses: misses, lapses: misses / 2))
            }
            let keys: [(TopicLevel, String, String)] = [
                (.muscle, card.muscleKey, card.muscle), (.aspect, card.aspect.rawValue, card.aspect.title), (.region, card.region, card.region),
                (.muscleAspect, card.muscleKey + "/" + card.aspect.rawValue, card.muscle + " · " + card.aspect.title),
            ]
            for (level, key, name) in keys {
                var entry = topics[level.rawValue + "|" + key] ?? (level, key, Counts(name: name))
                entry.2.cards += 1
                if reviews > 0 { entry.2.seen += 1 }
                entry.2.reviews += reviews; entry.2.correct += reviews - misses; entry.2.lapses += misses / 2
                topics[level.rawValue + "|" + key] = entry
            }
        }
        let shareTopics = topics.values.filter { $0.2.seen > 0 }.map { level, key, c in
            Share.Topic(level: level, key: key, name: c.name, cards: c.cards, seen: c.seen, notLearned: c.cards - c.seen,
                        reviews: c.reviews, correct: c.correct, windowReviews: c.reviews / 2, windowCorrect: c.correct / 2,
                        lapses: c.lapses, meanEasiness: 250 - min(120, c.lapses), weakness: nil)
        }.sorted { ($0.level.rawValue, $0.key) < ($1.level.rawValue, $1.key) }
        return Share(schema: Share.schemaVersion, kind: Share.kindName, day: "2026-12-01", label: student % 3 == 0 ? "student \(student)" : nil,
                     windowDays: 30, decks: [DeckVersion(title: deck.info.title, fingerprint: deck.contentHash)], topics: shareTopics,
                     readiness: Share.Readiness(examDay: "2026-12-20", cards: deck.cards.count, ready: cards.count / 2),
                     cards: cards.sorted { $0.id < $1.id }, exam: .empty)
    }

    /// The child's work: every file read and checked, merged, rendered. Prints the seconds and the shares used.
    static func run(folder: String) throws {
        let clock = ContinuousClock()
        var used = 0
        let elapsed = try clock.measure {
            // As `muscle class` does it: the decks compile while the shares are read side by side.
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { $0.hasSuffix(".json") }
            let (known, results) = Alongside.run({ ClassMerge.knownCards(cards: [DeckCompiler.cards(.bundled)]) },
                                                 while: { ShareReader.readFiles(names.map { folder + "/" + $0 }) })
            var inputs: [ClassInput] = []
            var skipped: [SkippedShare] = []
            for (name, result) in zip(names, results) {
                switch result {
                case .success(let share): inputs.append(ClassInput(name: name, share: share))
                case .failure(let problem): skipped.append(SkippedShare(name: name, reason: problem.description))
                }
            }
            let report = ClassMerge.merge(inputs, skipped: skipped, options: ClassOptions(), known: known)
            _ = TerminalReportRenderer.render(ClassDocuments.report(report), width: 120, style: .plain)
            used = report.used
        }
        print("\(elapsed.seconds) \(used)")
    }

    static func measure(runs: Int, students: Int, folder: String, log: (String) -> Void) throws -> [StepResult] {
        log("writing \(students) shares in \(folder)")
        try prepare(folder: folder, students: students)
        var times: [Double] = [], peaks: [Double] = []
        for _ in 0..<runs {
            let outcome = try ChildProcess.run(["--child", "class-merge", "--db", folder, "--decks", "bundled"])
            let fields = outcome.lines.first?.split(separator: " ") ?? []
            guard outcome.status == 0, fields.count == 2, Int(fields[1]) == students else {
                throw BenchError("step class-merge failed (exit \(outcome.status)): \(outcome.lines.joined(separator: " "))")
            }
            times.append(Double(fields[0]) ?? .nan); peaks.append(outcome.peakMiB)
        }
        var result = CollectionResult(cards: 0)
        result.add("class report, \(students) shares (read, merge, render)", times, peak: peaks, target: MuscleBench.buildKind == "release" && students == Self.students ? target : nil)
        return result.steps
    }
}
