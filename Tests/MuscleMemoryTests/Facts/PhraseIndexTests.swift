import Testing
import TestSupport
@testable import MuscleMemory

/// `PhraseIndex` finds, on normalized text, exactly the phrases `TermText.contains` finds: it
/// replaced that search in the resolver, and movement cards and exam items depend on the answer.
@Suite struct PhraseIndexTests {
    @Test func aPhraseIsFoundOnlyAsARunOfWholeWords() {
        let index = PhraseIndex(["point the foot", "foot", "toe off", ""])
        #expect(index.found(in: "helps point the foot down".split(separator: " ")) == [0, 1])
        #expect(index.found(in: "footwork and toe".split(separator: " ")) == [])
        #expect(index.found(in: "toe off".split(separator: " ")) == [2])
        #expect(index.found(in: [Substring]()) == [])
    }

    @Test(arguments: TestSeed.sequence(from: 2026_12_06, count: 4))
    func itAgreesWithContainsOnNormalizedText(seed: TestSeed) {
        var random = SplitMix64(seed: seed.value)
        let words = ["a", "ab", "b", "ba", "foot", "éte", "x"]
        func text(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &random)).map { _ in words.randomElement(using: &random) ?? "a" }.joined(separator: " ")
        }
        for _ in 0..<300 {
            let phrases = (0..<5).map { _ in text(0...3) }
            let line = text(0...8)
            let expected = phrases.indices.filter { TermText.contains(line, phrases[$0]) }
            #expect(PhraseIndex(phrases).found(in: line.split(separator: " ")) == expected, "seed \(seed): '\(line)' \(phrases)")
        }
    }
}
