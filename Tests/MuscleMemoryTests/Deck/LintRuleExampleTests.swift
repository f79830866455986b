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
    static func materialize(_ example: DeckExample, in folder: TemporaryDirectory) -> (DeckLocation, Set<Expected>, DeckLoader.Limits) {
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
        case .files(let files), .besideBundled(let files):
            for file in files { place(file.path, file.text) }
        case .bytes(let bytes):
            folder.write("example.md", bytes: bytes)
        case .unreadable:
            try? FileManager.default.createSymbolicLink(atPath: folder.file("broken.md"), withDestinationPath: folder.file("nowhere"))
            folder.write("fine.md", exampleMuscle)
        case .fifo:
            _ = mkfifo(folder.file("pipe.md"), 0o644)
            folder.write("fine.md", exampleMuscle)
        case .deviceLink:
            try? FileManager.default.createSymbolicLink(atPath: folder.file("zero.md"), withDestinationPath: "/dev/zero")
            folder.write("fine.md", exampleMuscle)
        case .fileLink:
            let elsewhere = TemporaryDirectory("linked")
            folder.keep(elsewhere)
            let target = elsewhere.write("soleus.txt", exampleMuscle)
            try? FileManager.default.createSymbolicLink(atPath: folder.file("soleus.md"), withDestinationPath: target)
        case .sizedFile(let size):
            let head = Array((exampleMuscle + "\n<!--\n").utf8)
            let tail = Array("\n-->\n".utf8)
            var bytes = head
            while bytes.count + tail.count < size {
                let line = Array(String(repeating: "padding ", count: 12).utf8) + [0x0A]
                bytes += line.prefix(size - tail.count - bytes.count)
            }
            folder.write("example.md", bytes: bytes + tail)
        case .namedFile(let name):
            let path = RawPath(folder.path).appending(name)
            let bytes = Array(exampleMuscle.utf8)
            let fd = open(path.cString, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        case .nested(let depth):
            folder.write(String(repeating: "a/", count: depth) + "example.md", exampleMuscle)
        case .linkCycle:
            folder.write("legs/example.md", exampleMuscle)
            try? FileManager.default.createSymbolicLink(atPath: folder.file("legs/back-to-the-top"), withDestinationPath: "..")
        case .limited(let limits, let files):
            for file in files { place(file.path, file.text) }
            return (.path(folder.path), expected, limits)
        case .missingPath:
            return (.path(folder.file("no-such-folder")), expected, .standard)
        case .emptyFolder:
            folder.write("notes.txt", "not a deck file")
        }
        return (.path(folder.path), expected, .standard)
    }

    /// The example's deck compiled as lint compiles it (with `no-exam-item`); one loaded beside the
    /// bundled decks is compiled with them.
    static func compileExample(_ example: DeckExample, _ location: DeckLocation, _ limits: DeckLoader.Limits) -> CompiledDeck {
        guard case .besideBundled = example else { return DeckCompiler.compile(location, displayPrefix: "deck", limits: limits, examItems: true) }
        // `DeckSet.compile` as lint runs it, with the bundled deck compiled once for every example
        // (only the example's own findings are looked at).
        return DeckSet.checked([BundledDeck.compiled, DeckCompiler.compile(location, displayPrefix: "deck", limits: limits, examItems: true)])[1]
    }

    @Test(arguments: RuleID.allCases)
    func triggeringExamplesTrigger(_ rule: RuleID) {
        #expect(!rule.rule.triggering.isEmpty, "rule \(rule.rawValue) has no triggering example")
        for (index, example) in rule.rule.triggering.enumerated() {
            let folder = TemporaryDirectory("rule")
            let (location, expected, limits) = Self.materialize(example, in: folder)
            let deck = Self.compileExample(example, location, limits)
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
            let (location, _, limits) = Self.materialize(example, in: folder)
            let deck = Self.compileExample(example, location, limits)
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
