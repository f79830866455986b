import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// Thousands of random and mutated decks: the compiler never traps or hangs, every finding points
/// at a real place in its file, and a deck without errors yields well-formed cards.
@Suite struct ParserFuzzTests {
    static let fragments = [
        "# ", "## ", "### ", "Origin:", "origin: ", "Insertion: x", "Region: Hip, deep", "Tags: a, b", "Id: ", "Id: ok-1",
        "Q: ", "A: ", "q:", "- ", "* ", "1. ", "-> ", "→", "Trigger points", "Actions", "Heads", "Cards", "Exercises",
        "<!--", "-->", "  ", "\t", "\n", "\n", "\n", "\r\n", "é", "日本", "👍🏽", "\u{1B}[2J", "\u{0}", "\u{7F}", "\u{202E}",
        ":", "#", "Gastrocnemius", "medial head", "the instep", "Lateral head: outer", "\u{FEFF}", "\\", "\"", "`",
    ]

    static func randomDeck(_ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            text += fragments.randomElement(using: &rng) ?? ""
            if Int.random(in: 0..<4, using: &rng) == 0 { text += "\n" }
        }
        return text
    }

    static func mutate(_ base: String, _ rng: inout SplitMix64) -> String {
        var characters = Array(base)
        for _ in 0..<Int.random(in: 1...8, using: &rng) where !characters.isEmpty {
            let at = Int.random(in: 0..<characters.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: characters.remove(at: at)
            case 1: characters.insert(contentsOf: Array(fragments.randomElement(using: &rng) ?? ""), at: at)
            case 2: characters.insert("\n", at: at)
            case 3: characters = Array(characters[..<at])
            case 4:
                let end = min(characters.count, at + Int.random(in: 1...80, using: &rng))
                characters.insert(contentsOf: characters[at..<end], at: at)
            default:
                characters[at] = [":", "-", ">", "#", " ", "Q", "A"].randomElement(using: &rng) ?? " "
            }
        }
        return String(characters)
    }

    static func check(_ text: String, file: String = "f.md") {
        let loaded = LoadedDeck(location: .bundled, files: [DeckFileText(relativePath: file, displayPath: file, text: text)], diagnostics: [], contentHash: "")
        let deck = DeckCompiler.compile(loaded)
        let lines = DeckLexer.lines(of: text)
        for finding in deck.diagnostics {
            #expect(finding.file == file)
            guard let position = finding.position else {
                Issue.record("a finding about text without a place: \(finding) in \(text.debugDescription)")
                continue
            }
            #expect(position.line >= 1 && position.line <= max(1, lines.count), "line out of range: \(finding) in \(text.debugDescription)")
            if position.line >= 1 && position.line <= lines.count {
                let length = lines[position.line - 1].raw.count
                #expect(position.column >= 1 && position.column <= length + 1, "column out of range: \(finding) in \(text.debugDescription)")
            }
        }
        if !deck.hasErrors {
            let ids = deck.cards.map(\.id)
            #expect(Set(ids).count == ids.count, "duplicate IDs without an error: \(text.debugDescription)")
            for card in deck.cards {
                #expect(!card.front.isEmpty && !card.back.isEmpty, "empty card side without an error: \(card) from \(text.debugDescription)")
                #expect(!(card.front + card.back).unicodeScalars.contains(where: TerminalText.isUnsafe), "control character passed lint: \(text.debugDescription)")
                let segments = card.id.rawValue.split(separator: "/", omittingEmptySubsequences: false)
                #expect(segments.count >= 2 && segments.allSatisfy { !$0.isEmpty }, "bad ID \(card.id)")
                #expect(!card.id.rawValue.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains(where: TerminalText.isUnsafe) }), "bad ID \(card.id)")
            }
        }
    }

    @Test(arguments: TestSeed.sequence(from: 0xDEC0, count: 4))
    func randomDecks(_ seed: TestSeed) {
        var rng = seed.generator
        for _ in 0..<1_000 { Self.check(Self.randomDeck(&rng)) }
    }

    @Test(arguments: TestSeed.sequence(from: 0xBEEF, count: 4))
    func mutatedDecks(_ seed: TestSeed) throws {
        let gastrocnemius = try String(contentsOfFile: repositoryRoot + "/Decks/leg-foot/gastrocnemius.md", encoding: .utf8)
        var rng = seed.generator
        for round in 0..<1_000 {
            let base = round % 2 == 0 ? gastrocnemius : exampleMuscle
            Self.check(Self.mutate(base, &rng))
        }
    }

    @Test func pathologicalInputsFinish() {
        Self.check(String(repeating: "- ", count: 50_000))
        Self.check(String(repeating: "\n", count: 100_000))
        Self.check(String(repeating: "#", count: 100_000))
        Self.check("# X\n## Cards\n" + String(repeating: "Q: a\n", count: 5_000))
        Self.check("# X\nOrigin: a\n" + String(repeating: "  more\n", count: 20_000))
        Self.check(String(repeating: "<!--", count: 10_000))
        Self.check("# X\n## Trigger points\n- " + String(repeating: "->", count: 20_000))
    }

    @Test(arguments: [TestSeed(99)])
    func invalidBytesNeverTrap(_ seed: TestSeed) {
        var rng = seed.generator
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            switch UTF8Validation.decode(bytes) {
            case .success(let text):
                #expect(String(decoding: bytes, as: UTF8.self) == text)
                Self.check(text)
            case .failure(let invalid):
                #expect(invalid.offset < bytes.count)
                #expect(String(validating: bytes, as: UTF8.self) == nil)
                let (line, column) = UTF8Validation.position(of: invalid.offset, in: bytes)
                #expect(line >= 1 && column >= 1)
            }
        }
    }
}
