import Foundation

/// Which items a session asks, in which order: pure functions of the items, the history and a
/// seed, so `--seed` reproduces a set.
public enum ExamDraw {
    /// A practice set: `count` items drawn without replacement, each with a chance proportional to
    /// its weight (Efraimidis and Spirakis' keys u^(1/w)); weak topics weigh more (`weight`).
    public static func practice(_ items: [ExamItem], count: Int, seed: UInt64, weight: (ExamItem) -> Double) -> [ExamItem] {
        var random = ExamRandom(seed: seed)
        // Keys with the items' places, not the items: sorting moves these pairs, and the same
        // comparisons give the same order.
        let keyed = items.indices.map { index -> (Double, Int) in
            let w = max(0.01, weight(items[index]))
            let u = max(Double.leastNonzeroMagnitude, random.unit())
            return (Foundation.log(u) / w, index)
        }
        return spread(keyed.sorted { $0.0 > $1.0 }.prefix(max(0, count)).map { items[$0.1] })
    }

    /// A mock exam: `count` items in a seeded shuffle, as even across templates as the items allow.
    public static func mock(_ items: [ExamItem], count: Int, seed: UInt64) -> [ExamItem] {
        var random = ExamRandom(seed: seed)
        var byTemplate: [ExamTemplate: [ExamItem]] = [:]
        for item in items { byTemplate[item.template, default: []].append(item) }
        var queues = ExamTemplate.allCases.compactMap { byTemplate[$0] }.map { random.shuffled($0) }
        var drawn: [ExamItem] = []
        while drawn.count < count && queues.contains(where: { !$0.isEmpty }) {
            for index in queues.indices where !queues[index].isEmpty && drawn.count < count {
                drawn.append(queues[index].removeFirst())
            }
        }
        return spread(random.shuffled(drawn))
    }

    /// The same order, except that an item is not followed by another about the same muscle when
    /// a later one can be moved up (two soleus items in a row give each other away).
    static func spread(_ items: [ExamItem]) -> [ExamItem] {
        var rest = items
        var result: [ExamItem] = []
        while !rest.isEmpty {
            let index = rest.firstIndex { $0.muscleKey != result.last?.muscleKey } ?? 0
            result.append(rest.remove(at: index))
        }
        return result
    }

    /// How much a practice draw favours an item: 1, plus up to 3 for a wrong exam history (the
    /// last answer wrong counts most), plus up to 2 for weak card reviews of its muscle and aspect,
    /// plus 1 for an item never answered.
    public static func weight(_ item: ExamItem, history: ExamItemHistory?, reviews: (answers: Int, correct: Int)?) -> Double {
        var weight = 1.0
        if let history, history.answers > 0 {
            weight += 2 * Double(history.answers - history.correct) / Double(history.answers) + (history.lastWrong ? 1 : 0)
        } else {
            weight += 1
        }
        if let reviews, reviews.answers > 0 {
            weight += 2 * Double(reviews.answers - reviews.correct) / Double(reviews.answers)
        }
        return weight
    }

    /// Items matching a filter like `study`'s: muscles by name or key, aspects, regions by any part
    /// of their name (tags are card-only and match no item).
    public static func matching(_ items: [ExamItem], _ filter: CardFilter) -> [ExamItem] {
        items.filter { item in
            (filter.muscles.isEmpty || filter.muscles.contains { $0.lowercased() == item.muscleName.lowercased() || Slug.make($0) == item.muscleKey })
                && (filter.aspects.isEmpty || filter.aspects.contains(item.aspect))
                && (filter.regions.isEmpty || filter.regions.contains { item.region.lowercased().contains($0.lowercased()) })
        }
    }
}

/// SplitMix64: a small seeded generator (the core has no other source of randomness).
struct ExamRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// In (0, 1].
    mutating func unit() -> Double { Double((next() >> 11) + 1) / Double(1 << 53) }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            result.swapAt(index, other)
        }
        return result
    }
}
