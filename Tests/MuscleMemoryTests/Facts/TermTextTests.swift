import Foundation
import Testing
@testable import MuscleMemory

/// `TermText.contains` searches ASCII over its bytes: the same answers as Foundation's search of
/// the padded strings, and no answer (the Foundation search then) for anything not ASCII.
@Suite struct TermTextTests {
    static func foundation(_ text: String, _ phrase: String) -> Bool { (" " + text + " ").contains(" " + phrase + " ") }

    @Test func asciiAnswersAsFoundationAnswers() {
        let texts = ["", "knee", "knee flexion", "flexes the knee", "flexes the knee and hip", "kneel", "a b a b c", "  double  spaces ", "hip hip"]
        let phrases = ["knee", "knee flexion", "flexion", "the knee", "nee", "kne", "hip", "a b c", "b a b", "double", " spaces", "hip hip hip", "x", " "]
        for text in texts {
            for phrase in phrases {
                #expect(TermText.asciiContains(text, phrase) == Self.foundation(text, phrase), "'\(phrase)' in '\(text)'")
            }
        }
    }

    @Test func anythingNotASCIIIsLeftToFoundation() {
        #expect(TermText.asciiContains("plié", "plie") == nil)
        #expect(TermText.asciiContains("knee", "kné") == nil)
        #expect(TermText.contains("caf\u{E9} au lait", "cafe\u{301}"))
        #expect(TermText.contains("café au lait", "au lait"))
        #expect(!TermText.contains("knee", ""))
    }
}
