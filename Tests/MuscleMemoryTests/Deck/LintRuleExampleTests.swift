import Foundation
import Testing
@testable import MuscleMemory
import TestSupport

/// Every lint rule carries examples that must trigger it (at each `↓`) and examples that must not.
/// This one parameterized test runs them all, as SwiftLint does for its rules.
@Suite struct LintRuleExampleTests {
    struct Expected: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var description: String { "\(file):\(line):\(column)" }
    }

    /// Writes an example to a fresh folder; returns what to lint and where the markers were.
    static func materialize(_ example: DeckExample, in folder: TemporaryDirectory) -> (DeckLocation, Set<Expected>) {
        var expected = Set<Expected>()
        func place(_ path: String, _ text: String) {
            var clean = ""
            var line = 1
            var column = 1
            for character in text {
                if character == "↓" {
                    expected.insert(Expected(file: "deck/" + path, line: line, column: column))
                    continue
                }
                clean.append(character)
                if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            }
            folder.write(path, clean)
        }
        switch example {
        case .text(let text):
            place("example.md", text)
        case .files(let files):
            for file in files { place(file.path, file.text) }
        case .bytes(let bytes):
            folder.write("example.md", bytes: bytes)
        case .unreadable:
            try? FileManager.default.createSymbolicLink(atPath: folder.file("broken.md"), withDestinationPath: folder.file("nowhere"))
            folder.write("fine.md", exampleMuscle)
        case .missingPath:
            return (.path(folder.file("no-such-folder")), expected)
        case .emptyFolder:
            folder.write("notes.txt", "not a deck file")
        }
        return (.path(folder.path), expected)
    }

    @Test(arguments: RuleID.allCases)
    func triggeringExamplesTrigger(_ rule: RuleID) {
        #expect(!rule.rule.triggering.isEmpty, "rule \(rule.rawValue) has no triggering example")
        for (index, example) in rule.rule.triggering.enumerated() {
            let folder = TemporaryDirectory("rule")
            let (location, expected) = Self.materialize(example, in: folder)
            let deck = DeckCompiler.compile(location, displayPrefix: "deck")
            let found = deck.diagnostics.filter { $0.rule == rule }
            #expect(!found.isEmpty, "example \(index) of \(rule.rawValue) did not trigger it; got \(deck.diagnostics)")
            #expect(found.allSatisfy { $0.severity == rule.severity })
            if !expected.isEmpty {
                let places = Set(found.map { Expected(file: $0.file, line: $0.position?.line ?? 0, column: $0.position?.column ?? 0) })
                #expect(places == expected, "example \(index) of \(rule.rawValue): expected findings at \(expected.sorted { $0.description < $1.description }), got \(found)")
            }
        }
    }

    @Test(arguments: RuleID.allCases)
    func nonTriggeringExamplesDoNotTrigger(_ rule: RuleID) {
        #expect(!rule.rule.nonTriggering.isEmpty, "rule \(rule.rawValue) has no non-triggering example")
        for (index, example) in rule.rule.nonTriggering.enumerated() {
            let folder = TemporaryDirectory("rule")
            let (location, _) = Self.materialize(example, in: folder)
            let deck = DeckCompiler.compile(location, displayPrefix: "deck")
            let found = deck.diagnostics.filter { $0.rule == rule }
            #expect(found.isEmpty, "non-triggering example \(index) of \(rule.rawValue) triggered it: \(found)")
        }
    }

    @Test func everyRuleIsDocumentedInFormatMD() throws {
        let format = try String(contentsOfFile: repositoryRoot + "/Decks/FORMAT.md", encoding: .utf8)
        for rule in RuleID.allCases {
            #expect(format.contains("| `\(rule.rawValue)` | \(rule.severity.rawValue) |"), "Decks/FORMAT.md does not list \(rule.rawValue)")
        }
    }

    @Test func theExampleMuscleIsClean() {
        #expect(compile(exampleMuscle).diagnostics.isEmpty)
    }
}
