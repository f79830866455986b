/// Damerau-Levenshtein (optimal string alignment) distance, case-insensitive: powers "did you mean"
/// suggestions and the detection of renamed cards during sync.
public func editDistance(_ a: String, _ b: String) -> Int {
    editDistance(Array(a.lowercased()), Array(b.lowercased()))
}

/// A lowercased word, kept as bytes too when it is ASCII: comparing bytes is many times cheaper
/// than comparing `Character`s, and for ASCII the two agree.
struct EditWord {
    let characters: [Character]
    let ascii: [UInt8]?

    init(_ word: some StringProtocol) {
        let lowered = word.lowercased()
        characters = Array(lowered)
        ascii = lowered.utf8.allSatisfy { $0 < 0x80 } ? Array(lowered.utf8) : nil
    }
}

/// `editDistance` of two words when only distances up to `limit` matter: exact up to `limit`,
/// `limit + 1` beyond it. Words whose lengths differ by more than `limit` are never that close,
/// so most pairs cost a subtraction.
func boundedEditDistance(_ x: EditWord, _ y: EditWord, limit: Int) -> Int {
    if abs(x.characters.count - y.characters.count) > limit { return limit + 1 }
    if let a = x.ascii, let b = y.ascii { return min(editDistance(a, b), limit + 1) }
    return min(editDistance(x.characters, y.characters), limit + 1)
}

private func editDistance<Element: Equatable>(_ x: [Element], _ y: [Element]) -> Int {
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous2 = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                best = min(best, previous2[j - 2] + 1)
            }
            current[j] = best
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[y.count]
}

/// The candidate closest to `word`, if it is close enough to be what the writer meant.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = max(2, best.0.count / 3)
    return best.1 <= allowed ? best.0 : nil
}
