import Testing
import TestSupport
@testable import MuscleMemory

/// The bounded distance the "closest terms" suggestions use must agree with the full one wherever
/// the suggestions look (up to the limit), and say "beyond" everywhere else.
@Suite struct EditDistanceTests {
    @Test func theBoundedDistanceIsExactUpToItsLimit() {
        #expect(boundedEditDistance(EditWord("plantarflexion"), EditWord("plantarflexoin"), limit: 2) == 1)
        #expect(boundedEditDistance(EditWord("Tibial"), EditWord("tibialis"), limit: 2) == 2)
        #expect(boundedEditDistance(EditWord("tibial"), EditWord("fibularis"), limit: 2) == 3)
        #expect(boundedEditDistance(EditWord(""), EditWord("ab"), limit: 2) == 2)
    }

    @Test(arguments: TestSeed.sequence(from: 2026_12_04, count: 4))
    func theBoundedDistanceAgreesWithTheFullOne(seed: TestSeed) {
        var random = SplitMix64(seed: seed.value)
        let letters = Array("abcdeéfE")  // ASCII and not, upper and lower case
        func word() -> [Character] { (0..<Int.random(in: 0...7, using: &random)).map { _ in letters.randomElement(using: &random) ?? "a" } }
        for _ in 0..<1_000 {
            let x = word(), y = word()
            let full = editDistance(String(x), String(y))
            for limit in 0...3 {
                #expect(boundedEditDistance(EditWord(String(x)), EditWord(String(y)), limit: limit) == min(full, limit + 1), "seed \(seed): '\(String(x))' '\(String(y))' limit \(limit)")
            }
        }
    }
}
