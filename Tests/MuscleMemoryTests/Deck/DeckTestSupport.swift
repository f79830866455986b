import Foundation
@testable import MuscleMemory
import TestSupport

/// Compiles deck text as if it were a one-file deck folder.
func compile(_ text: String, name: String = "example.md") -> CompiledDeck {
    let folder = TemporaryDirectory("deck")
    folder.write(name, text)
    return DeckCompiler.compile(.path(folder.path), displayPrefix: "deck")
}

func compile(files: [(String, String)]) -> CompiledDeck {
    let folder = TemporaryDirectory("deck")
    for (name, text) in files { folder.write(name, text) }
    return DeckCompiler.compile(.path(folder.path), displayPrefix: "deck")
}

/// Parses one muscle file without touching the disk.
func parse(_ text: String) -> (Muscle?, [Diagnostic]) {
    MuscleParser.parse(text, file: "m.md")
}

func card(_ deck: CompiledDeck, _ id: CardID) -> Card? {
    deck.cards.first { $0.id == id }
}
