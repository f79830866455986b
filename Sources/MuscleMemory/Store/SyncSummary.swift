/// `muscle sync`'s words: what changed in each deck, and the hint to pin IDs when cards were
/// retired and added in the same file.
public enum SyncSummary {
    /// - Parameter folder: the working folder; findings in files under it are printed with paths
    ///   relative to it, as `muscle lint` prints them (decks are stored under absolute paths).
    public static func text(_ report: SyncReport, style: TextStyle = .plain, relativeTo folder: String? = nil) -> String {
        if report.wasRefused {
            var findings = report.refusedBecause
            if let folder {
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                func relative(_ file: inout String) {
                    if file.hasPrefix(prefix) { file.removeFirst(prefix.count) }
                }
                for index in findings.indices {
                    relative(&findings[index].file)
                    for note in findings[index].notes.indices { relative(&findings[index].notes[note].file) }
                }
            }
            var out = LintReport.text(findings, files: Set(findings.map(\.file)).count, cards: 0, style: style)
            out += "Sync refused: fix the errors above; nothing was changed.\n"
            return out
        }
        var out = ""
        for deck in report.decks {
            let name = deck.title.isEmpty || deck.title == deck.deck ? deck.deck : "\(deck.title) (\(deck.deck))"
            if deck.unchanged || deck.changed == 0 {
                out += "\(name): no changes.\n"
                continue
            }
            var parts: [String] = []
            if deck.added > 0 { parts.append("\(deck.added) added") }
            if deck.updated > 0 { parts.append("\(deck.updated) updated") }
            if deck.renamed > 0 { parts.append("\(deck.renamed) reworded (history kept)") }
            if deck.retired > 0 { parts.append("\(deck.retired) retired") }
            if deck.restored > 0 { parts.append("\(deck.restored) restored") }
            out += "\(name): " + parts.joined(separator: ", ") + ".\n"
            for file in deck.filesWithRetiredAndAdded {
                out += style.dim("  hint: \(file): cards were retired and others added. If they are the same cards reworded, pin their identity with 'Id:' lines (see Decks/FORMAT.md) and sync again to keep their history.") + "\n"
            }
        }
        if !report.warnings.isEmpty {
            out += "\(report.warnings.count) lint warning\(report.warnings.count == 1 ? "" : "s") (see `muscle lint`).\n"
        }
        return out
    }
}
