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

    static let notARegularFile = LintRule(
        id: .notARegularFile, severity: .error,
        summary: "A deck file that is a FIFO, a device or a socket (or a link to one, such as /dev/zero): it is not read, so it can neither block nor fill memory.",
        triggering: [.fifo, .deviceLink],
        nonTriggering: [.text(exampleMuscle), .fileLink])

    static let fileTooLarge = LintRule(
        id: .fileTooLarge, severity: .error,
        summary: "A deck file larger than \(DeckLoader.Limits.standard.fileSize / 1_048_576) MiB is not read.",
        triggering: [.sizedFile(DeckLoader.Limits.standard.fileSize + 1)],
        nonTriggering: [.sizedFile(DeckLoader.Limits.standard.fileSize)])

    static let invalidFileName = LintRule(
        id: .invalidFileName, severity: .error,
        summary: "A deck file or folder whose name is not UTF-8 or holds control characters; it is shown with \\x escapes.",
        triggering: [.namedFile(Array("caf".utf8) + [0xE9] + Array(".md".utf8)), .namedFile(Array("\u{1B}]0;retitled\u{7}.md".utf8))],
        nonTriggering: [.namedFile(Array("café.md".utf8)), .namedFile(Array("soleus (deep) #2.md".utf8))])

    static let folderTooDeep = LintRule(
        id: .folderTooDeep, severity: .error,
        summary: "A folder more than \(DeckLoader.Limits.standard.depth) levels below the deck folder: the walk stops there and says so.",
        triggering: [.nested(depth: DeckLoader.Limits.standard.depth + 1)],
        nonTriggering: [.nested(depth: DeckLoader.Limits.standard.depth), .linkCycle])

    static let deckTooLarge = LintRule(
        id: .deckTooLarge, severity: .error,
        summary: "A deck whose walk meets more than \(DeckLoader.Limits.standard.entries) files and folders, or whose files add up to more than \(DeckLoader.Limits.standard.totalSize >> 30) GiB (such as a link to '/'): the walk or the reading stops there and says so.",
        triggering: [
            .limited(DeckLoader.Limits(entries: 2), [.init("a.md", "# A\n"), .init("b.md", "# B\n"), .init("c/d.md", "# D\n")]),
            .limited(DeckLoader.Limits(totalSize: 10), [.init("a.md", "# A\n"), .init("b.md", "# Bbbbbbbbbbbbb\n")]),
        ],
        nonTriggering: [
            .limited(DeckLoader.Limits(entries: 4), [.init("a.md", "# A\n"), .init("b.md", "# B\n"), .init("c/d.md", "# D\n")]),
            .limited(DeckLoader.Limits(totalSize: 8), [.init("a.md", "# A\n"), .init("b.md", "# B\n")]),
        ])

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
