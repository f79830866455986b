/// Every finding `muscle lint` can report. The raw value is the rule's stable name, printed in
/// brackets after each message and used in `--format json`.
public enum RuleID: String, CaseIterable, Codable, Sendable {
    case missingPath = "missing-path"
    case unreadableFile = "unreadable-file"
    case notARegularFile = "not-a-regular-file"
    case fileTooLarge = "file-too-large"
    case invalidFileName = "invalid-file-name"
    case folderTooDeep = "folder-too-deep"
    case deckTooLarge = "deck-too-large"
    case invalidUTF8 = "invalid-utf8"
    case emptyDeck = "empty-deck"
    case unknownOrderEntry = "unknown-order-entry"
    case missingName = "missing-name"
    case multipleMuscles = "multiple-muscles"
    case unknownField = "unknown-field"
    case unknownSection = "unknown-section"
    case duplicateField = "duplicate-field"
    case duplicateSection = "duplicate-section"
    case misplacedField = "misplaced-field"
    case misplacedAttribute = "misplaced-attribute"
    case strayText = "stray-text"
    case emptyField = "empty-field"
    case emptySection = "empty-section"
    case missingField = "missing-field"
    case missingReferral = "missing-referral"
    case questionWithoutAnswer = "question-without-answer"
    case answerWithoutQuestion = "answer-without-question"
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case duplicateMuscle = "duplicate-muscle"
    case shadowedMuscle = "shadowed-muscle"
    case duplicateItem = "duplicate-item"
    case sharedReverse = "shared-reverse"
    case controlCharacter = "control-character"
    case givesAway = "gives-away"
    case ambiguousReverse = "ambiguous-reverse"
    case vocabularySyntax = "vocabulary-syntax"
    case duplicateTerm = "duplicate-term"
    case unknownParent = "unknown-parent"
    case unresolvedAction = "unresolved-action"
    case unresolvedNerve = "unresolved-nerve"
    case unresolvedLandmark = "unresolved-landmark"
    case noExamItem = "no-exam-item"

    public var severity: Severity { rule.severity }

    /// The rule's description and examples.
    public var rule: LintRule {
        switch self {
        case .missingPath: .missingPath
        case .unreadableFile: .unreadableFile
        case .notARegularFile: .notARegularFile
        case .fileTooLarge: .fileTooLarge
        case .invalidFileName: .invalidFileName
        case .folderTooDeep: .folderTooDeep
        case .deckTooLarge: .deckTooLarge
        case .invalidUTF8: .invalidUTF8
        case .emptyDeck: .emptyDeck
        case .unknownOrderEntry: .unknownOrderEntry
        case .missingName: .missingName
        case .multipleMuscles: .multipleMuscles
        case .unknownField: .unknownField
        case .unknownSection: .unknownSection
        case .duplicateField: .duplicateField
        case .duplicateSection: .duplicateSection
        case .misplacedField: .misplacedField
        case .misplacedAttribute: .misplacedAttribute
        case .strayText: .strayText
        case .emptyField: .emptyField
        case .emptySection: .emptySection
        case .missingField: .missingField
        case .missingReferral: .missingReferral
        case .questionWithoutAnswer: .questionWithoutAnswer
        case .answerWithoutQuestion: .answerWithoutQuestion
        case .invalidID: .invalidID
        case .duplicateID: .duplicateID
        case .duplicateMuscle: .duplicateMuscle
        case .shadowedMuscle: .shadowedMuscle
        case .duplicateItem: .duplicateItem
        case .sharedReverse: .sharedReverse
        case .controlCharacter: .controlCharacter
        case .givesAway: .givesAway
        case .ambiguousReverse: .ambiguousReverse
        case .vocabularySyntax: .vocabularySyntax
        case .duplicateTerm: .duplicateTerm
        case .unknownParent: .unknownParent
        case .unresolvedAction: .unresolvedAction
        case .unresolvedNerve: .unresolvedNerve
        case .unresolvedLandmark: .unresolvedLandmark
        case .noExamItem: .noExamItem
        }
    }
}

/// A lint rule's description and the deck snippets that show it: `triggering` examples must
/// produce the rule's finding at every `↓` marker, `nonTriggering` ones must not produce it at all.
/// One parameterized test runs them all, so a rule cannot drift from its documentation.
public struct LintRule: Sendable {
    public var id: RuleID
    public var severity: Severity
    public var summary: String
    public var triggering: [DeckExample]
    public var nonTriggering: [DeckExample]

    public init(id: RuleID, severity: Severity, summary: String, triggering: [DeckExample], nonTriggering: [DeckExample]) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A small deck used as a rule's example. Text examples are one muscle file; `↓` marks where a
/// finding is expected and is removed before the deck is read.
public enum DeckExample: Sendable {
    /// One file named `example.md`.
    case text(String)
    /// Several files of one deck folder, by relative path.
    case files([ExampleFile])
    /// One file with these exact bytes (no markers).
    case bytes([UInt8])
    /// A deck file that cannot be read (a link to nothing).
    case unreadable
    /// A deck file that is a FIFO (`mkfifo`), beside a clean muscle file.
    case fifo
    /// A deck file that is a symbolic link to a device (`/dev/zero`), beside a clean muscle file.
    case deviceLink
    /// A deck file that is a symbolic link to a clean muscle file elsewhere.
    case fileLink
    /// A clean muscle file padded with a comment to exactly this many bytes.
    case sizedFile(Int)
    /// A clean muscle file under a name given as bytes (which need not be UTF-8).
    case namedFile([UInt8])
    /// A clean muscle file this many folders below the deck folder.
    case nested(depth: Int)
    /// A clean muscle file and a link from inside the deck back to the deck folder: a cycle.
    case linkCycle
    /// Files of one deck folder, read with lower limits than the standard ones (which would take
    /// a hundred thousand files or a gigabyte to reach).
    case limited(DeckLoader.Limits, [ExampleFile])
    /// A school deck of these files, loaded after the bundled decks (`--decks bundled --decks
    /// school`): for the checks across decks.
    case besideBundled([ExampleFile])
    /// A path that does not exist, given to lint.
    case missingPath
    /// A deck folder with no deck files in it.
    case emptyFolder

    public struct ExampleFile: Sendable {
        public var path: String
        public var text: String

        public init(_ path: String, _ text: String) {
            self.path = path
            self.text = text
        }
    }
}

/// A complete, clean muscle file that examples start from, so each shows only its own problem.
let exampleMuscle = """
# Example muscle
Region: Lower leg and foot
Etymology: Latin exemplum, "a sample"
Origin: Medial femoral condyle
Insertion: Calcaneus
Innervation: Tibial nerve (S1, S2)

## Actions
- Plantarflexes the ankle

## Trigger points
- Medial belly -> the instep

## Exercises
- Standing calf raises

## Cards
Q: How is it palpated?
A: With the client prone.
"""
