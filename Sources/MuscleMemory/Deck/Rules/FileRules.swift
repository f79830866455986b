// Rules about reaching and reading the deck files at all.
extension LintRule {
    static let missingPath = LintRule(
        id: .missingPath, severity: .error,
        summary: "A deck path given on the command line does not exist.",
        triggering: [.missingPath],
        nonTriggering: [.text(exampleMuscle)])

    static let unreadableFile = LintRule(
        id: .unreadableFile, severity: .error,
        summary: "A deck file cannot be read (permissions, a broken link, an I/O error).",
        triggering: [.unreadable],
        nonTriggering: [.text(exampleMuscle)])

    static let invalidUTF8 = LintRule(
        id: .invalidUTF8, severity: .error,
        summary: "A deck file is not valid UTF-8; the finding points at the first bad byte.",
        triggering: [.bytes(Array("# Soleus\nOrigin: fibula \u{00}".utf8).dropLast() + [0xC3, 0x28])],
        nonTriggering: [.bytes(Array("# Sóleo\nOrigin: fíbula\n".utf8))])

    static let emptyDeck = LintRule(
        id: .emptyDeck, severity: .warning,
        summary: "A deck folder holds no muscle files (*.md).",
        triggering: [.emptyFolder],
        nonTriggering: [.text(exampleMuscle)])

    static let unknownOrderEntry = LintRule(
        id: .unknownOrderEntry, severity: .warning,
        summary: "An entry of deck.md's `Order:` names no folder or file of the deck.",
        triggering: [.files([.init("deck.md", "# Anatomy\nOrder: legs, ↓arms\n"), .init("legs/soleus.md", exampleMuscle)])],
        nonTriggering: [.files([.init("deck.md", "# Anatomy\nOrder: legs/soleus, legs\n"), .init("legs/soleus.md", exampleMuscle)])])
}
