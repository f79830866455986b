/// A deck read, checked and turned into cards: everything `lint`, `cards` and `sync` need.
public struct CompiledDeck: Sendable {
    public var location: DeckLocation
    public var info: DeckInfo
    public var muscles: [Muscle]
    /// In deck order: files by path, and within a muscle in the order the generator writes them.
    public var cards: [Card]
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    public var contentHash: String
    public var fileCount: Int

    public var hasErrors: Bool { diagnostics.hasErrors }
}

public enum DeckCompiler {
    public static func compile(_ location: DeckLocation, displayPrefix: String? = nil) -> CompiledDeck {
        compile(DeckLoader.load(location, displayPrefix: displayPrefix))
    }

    /// Never throws and never traps: whatever the input, problems come back as diagnostics.
    public static func compile(_ loaded: LoadedDeck) -> CompiledDeck {
        var diagnostics = loaded.diagnostics
        var info: DeckInfo?
        var muscles: [Muscle] = []
        var cards: [Card] = []
        for file in loaded.files {
            diagnostics += DeckLinter.checkText(file)
            if file.isDeckInfo {
                let (parsed, findings) = DeckInfoParser.parse(file.text, file: file.displayPath)
                info = parsed
                diagnostics += findings
                continue
            }
            let (muscle, findings) = MuscleParser.parse(file.text, file: file.displayPath)
            diagnostics += findings
            if let muscle {
                diagnostics += DeckLinter.check(muscle)
                muscles.append(muscle)
                cards += CardGenerator.cards(for: muscle)
            }
        }
        diagnostics += DeckLinter.checkDeck(muscles, cards: cards)
        return CompiledDeck(
            location: loaded.location,
            info: info ?? DeckInfo(title: defaultTitle(loaded.location)),
            muscles: muscles,
            cards: cards,
            diagnostics: diagnostics.sortedByPlace(),
            contentHash: loaded.contentHash,
            fileCount: loaded.files.count)
    }

    private static func defaultTitle(_ location: DeckLocation) -> String {
        switch location {
        case .bundled: "MuscleMemory curriculum"
        case .path(let path):
            String(FileSystem.absolute(path).split(separator: "/").last ?? "Deck")
        }
    }
}
