/// Normalized phrases indexed by their first word: which of them a line holds as a run of whole
/// words, found from the line's words instead of by searching the line for every phrase.
///
/// Why: the resolver asked `TermText.contains` for each of the vocabulary's joint and function
/// phrases on each action line, and that was most of resolving a deck's movements (the largest
/// part of a first `muscle study`). On normalized text (words joined by single spaces, as
/// `TermText.normalize` makes them) the two agree: a phrase is contained, space-bounded, exactly
/// when its words occur in a row.
struct PhraseIndex: Sendable {
    private let phrases: [[Substring]]
    private let byFirstWord: [Substring: [Int]]

    /// `texts` normalized; an empty one is never found (as `TermText.contains` finds none).
    init(_ texts: [String]) {
        phrases = texts.map { $0.split(separator: " ") }
        var index: [Substring: [Int]] = [:]
        for (position, words) in phrases.enumerated() {
            if let first = words.first { index[first, default: []].append(position) }
        }
        byFirstWord = index
    }

    /// The positions of the phrases `words` (normalized words, in order) holds, ascending.
    func found<Word: StringProtocol>(in words: [Word]) -> [Int] {
        var found = Set<Int>()
        for start in words.indices {
            guard let candidates = byFirstWord[Substring(words[start])] else { continue }
            for candidate in candidates where !found.contains(candidate) {
                let phrase = phrases[candidate]
                guard start + phrase.count <= words.count else { continue }
                if zip(phrase, words[start...]).allSatisfy({ $0 == $1 }) { found.insert(candidate) }
            }
        }
        return found.sorted()
    }
}
