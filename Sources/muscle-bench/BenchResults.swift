import Foundation

/// One step's figures at one collection size.
struct StepResult: Codable {
    var step: String
    var seconds: Sample
    var peakMiB: Double
    /// The issue's target for this step, at 100,000 cards (nil where none applies).
    var targetSeconds: Double?
    var peakTargetMiB: Double?
    var met: Bool?
}

struct CollectionResult: Codable {
    var cards: Int
    var cardsInDatabase = 0
    var reviews = 0
    var dueToday = 0
    var databaseMB = 0.0
    var steps: [StepResult] = []
    /// With --against-anki: Anki's medians on the same workload beside ours.
    var anki: AnkiComparison?

    init(cards: Int) { self.cards = cards }

    var failures: Int { steps.filter { $0.met == false }.count }

    mutating func add(_ step: String, _ seconds: [Double], peak: [Double], target: Double? = nil, peakTarget: Double? = nil) {
        let sample = Sample(seconds)
        let peakMiB = peak.max() ?? 0
        var met: Bool?
        if target != nil || peakTarget != nil {
            met = (target.map { sample.median <= $0 } ?? true) && (peakTarget.map { peakMiB <= $0 } ?? true)
        }
        steps.append(StepResult(step: step, seconds: sample, peakMiB: peakMiB, targetSeconds: target, peakTargetMiB: peakTarget, met: met))
    }
}

struct BenchResults: Codable {
    var date: String
    var machine: String
    var build: String
    var collections: [CollectionResult]
    /// The real `muscle study` on the bundled decks (empty when the binary was not found).
    var bundled: [StepResult] = []
    /// `muscle class` over simulated students' shares of the bundled curriculum.
    var classSteps: [StepResult] = []
    /// Exam practice on the bundled decks: generating every item, and `muscle exam`'s first item.
    var examSteps: [StepResult] = []

    func table() -> String {
        var out = "MuscleMemory benchmark, \(date), \(build) build\n\(machine)\n"
        for c in collections {
            let perCard = c.cardsInDatabase > 0 ? Double(c.reviews) / Double(c.cardsInDatabase) : 0
            let due = c.cardsInDatabase > 0 ? Double(c.dueToday) / Double(c.cardsInDatabase) * 100 : 0
            out += "\n\(group(c.cardsInDatabase)) cards, \(group(c.reviews)) reviews (\(String(format: "%.1f", perCard)) per card), \(String(format: "%.1f", due))% due today, database \(String(format: "%.1f", c.databaseMB)) MB\n"
            out += pad("step", 46) + pad("median", 11) + pad("min", 11) + pad("max", 11) + pad("peak MiB", 10) + "target\n"
            for s in c.steps { out += row(s) }
            if c.cards == 100_000 {
                out += pad("database size", 46) + pad(String(format: "%.1f MB", c.databaseMB), 43) + "≤ 150 MB" + (c.databaseMB <= 150 ? "  ok" : "  MISSED") + "\n"
            }
            if let anki = c.anki { out += ankiTable(anki) }
        }
        if !bundled.isEmpty {
            out += "\nThe bundled decks, `muscle study` piped, process start to the first card's first line\n"
            out += pad("step", 46) + pad("median", 11) + pad("min", 11) + pad("max", 11) + pad("peak MiB", 10) + "target\n"
            for s in bundled { out += row(s) }
        }
        if !examSteps.isEmpty {
            out += "\nExam practice on the bundled decks (generation in process; `muscle exam` piped, process start to the first item's first line)\n"
            out += pad("step", 46) + pad("median", 11) + pad("min", 11) + pad("max", 11) + pad("peak MiB", 10) + "target\n"
            for s in examSteps { out += row(s) }
        }
        if !classSteps.isEmpty {
            out += "\nClass reports: shares of simulated students of the bundled curriculum\n"
            out += pad("step", 46) + pad("median", 11) + pad("min", 11) + pad("max", 11) + pad("peak MiB", 10) + "target\n"
            for s in classSteps { out += row(s) }
        }
        return out
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Anki's medians beside ours, after a line saying whether both sides held the same workload.
    private func ankiTable(_ anki: AnkiComparison) -> String {
        let w = anki.workload
        var out = "\nBeside Anki's own backend (\(anki.versions)), the same workload: "
        if w.same {
            out += "\(group(w.anki.cards)) cards, \(group(w.anki.reviews)) reviews, \(group(w.anki.dueToday)) due today on both sides"
        } else {
            out += "DIFFERENT: MuscleMemory \(group(w.muscle.cards)) cards, \(group(w.muscle.reviews)) reviews, \(group(w.muscle.dueToday)) due; "
                + "Anki \(group(w.anki.cards)), \(group(w.anki.reviews)), \(group(w.anki.dueToday))"
        }
        out += "; the \(group(w.topics)) topics' figures " + (w.topicsSameBySql && w.topicsSameByGraphs ? "equal ours" : "DIFFER from ours")
        out += w.answersDurable ? "\n" : "; Anki's answers were NOT found committed\n"
        if let after = anki.loadAfterOurs, let low = anki.ankiLoad.min(), let high = anki.ankiLoad.max() {
            out += String(format: "Load average (1 min; the machine may be shared): %.1f as our steps ended, %.1f–%.1f as Anki's did\n", after, low, high)
        }
        out += pad("step", 46) + pad("ours", 11) + pad("Anki", 11) + pad("Anki ÷ ours", 13) + "Anki's step\n"
        for r in anki.rows {
            func value(_ v: Double?) -> String {
                guard let v else { return "—" }
                return r.unit == "s" ? duration(v) : String(format: "%.1f %@", v, r.unit)
            }
            out += pad(r.step, 46) + pad(value(r.ours), 11) + pad(value(r.anki), 11)
                + pad(r.ratio.map { String(format: $0 >= 10 ? "%.0f×" : "%.1f×", $0) } ?? "—", 13) + r.ankiStep + "\n"
        }
        return out
    }

    private func row(_ s: StepResult) -> String {
        var target = s.targetSeconds.map { "≤ " + duration($0) } ?? ""
        if let peak = s.peakTargetMiB { target += (target.isEmpty ? "" : ", ") + "≤ \(Int(peak)) MB" }
        if let met = s.met { target += met ? "  ok" : "  MISSED" }
        return pad(s.step, 46) + pad(duration(s.seconds.median), 11) + pad(duration(s.seconds.min), 11) + pad(duration(s.seconds.max), 11)
            + pad(s.peakMiB.isNaN ? "—" : String(format: "%.1f", s.peakMiB), 10) + target + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func duration(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1000) }
        return String(format: "%.3f ms", seconds * 1000)
    }

    private func group(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }
}

enum Machine {
    /// "Linux 6.1, x86_64, 2 cores, AMD EPYC …, 23.4 GiB" from /proc.
    static func describe() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memory = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal") }?
            .split(separator: " ").compactMap { Double($0) }.first.map { String(format: "%.1f GiB", $0 / 1_048_576) } ?? "?"
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        return "Linux \(kernel), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(memory)"
    }
}
