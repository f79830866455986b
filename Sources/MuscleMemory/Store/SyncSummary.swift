/// `muscle sync`'s words: what changed in each deck, and the hint to pin IDs when cards were
/// retired and added in the same file.
public enum SyncSummary {
    /// - Parameter folder: the working folder; findings in files under it are printed with paths
    ///   relative to it, as `muscle lint` prints them (decks are stored under absolute paths).
    public static func text(_ report: SyncReport, style: TextStyle = .plain, relativeTo folder: String? = nil) -> String {
        if report.wasRefused { return refusal(report.refusedBecause, style: style, relativeTo: folder) }
        var out = ""
        for deck in report.decks {
            let name = name(deck.deck, title: deck.title)
            if deck.unchanged || deck.changed == 0 {
                out += "\(name): no changes.\n"
                continue
            }
            out += counts(deck, name: name)
            for file in deck.filesWithRetiredAndAdded {
                out += style.dim("  hint: \(TerminalText.escape(file)): cards were retired and others added. If they are the same cards reworded, pin their identity with 'Id:' lines (see Decks/FORMAT.md) and sync again to keep their history.") + "\n"
            }
        }
        out += warnings(report.warnings)
        return out
    }

    /// "deck: 3 added, 1 retired."
    static func counts(_ deck: SyncReport.DeckChange, name: String) -> String {
        var parts: [String] = []
        if deck.added > 0 { parts.append("\(deck.added) added") }
        if deck.updated > 0 { parts.append("\(deck.updated) updated") }
        if deck.renamed > 0 { parts.append("\(deck.renamed) reworded (history kept)") }
        if deck.retired > 0 { parts.append("\(deck.retired) retired") }
        if deck.restored > 0 { parts.append("\(deck.restored) restored") }
        return "\(name): " + parts.joined(separator: ", ") + ".\n"
    }

    /// The lint errors that refused a sync, then the line that says nothing was changed.
    static func refusal(_ findings: [Diagnostic], style: TextStyle, relativeTo folder: String?) -> String {
        var findings = findings
        for index in findings.indices {
            findings[index].file = relative(findings[index].file, to: folder)
            for note in findings[index].notes.indices { findings[index].notes[note].file = relative(findings[index].notes[note].file, to: folder) }
        }
        return LintReport.text(findings, files: Set(findings.map(\.file)).count, cards: 0, style: style)
            + "Sync refused: fix the errors above; nothing was changed.\n"
    }

    /// "Title (deck)", or the deck alone when it has no title of its own. Deck titles and folder
    /// names come from the deck's author: a title is sanitized like card text, a path escaped
    /// (`\x1B`) so it stays recognisable.
    static func name(_ deck: String, title: String) -> String {
        let path = TerminalText.escape(deck)
        return title.isEmpty || title == deck ? path : "\(TerminalText.sanitize(title)) (\(path))"
    }

    static func warnings(_ warnings: [Diagnostic]) -> String {
        warnings.isEmpty ? "" : "\(warnings.count) lint warning\(warnings.count == 1 ? "" : "s") (see `muscle lint`).\n"
    }

    /// A path under `folder` relative to it, as `muscle lint` prints paths (decks are stored under
    /// absolute paths); any other path as it is.
    static func relative(_ path: String, to folder: String?) -> String {
        guard let prefix = prefix(folder) else { return path }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The folder with one trailing "/": what the paths under it start with.
    static func prefix(_ folder: String?) -> String? {
        folder.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }
}
