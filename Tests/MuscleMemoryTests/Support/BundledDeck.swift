@testable import MuscleMemory

/// The bundled curriculum compiled once per test process, as sync and study compile it (without
/// the `no-exam-item` lint): a debug compile takes a while and a dozen suites read it, so they
/// share this one instead of compiling it each (a struct: a test that changes it changes a copy).
enum BundledDeck {
    static let compiled = DeckCompiler.compile(.bundled)
}
