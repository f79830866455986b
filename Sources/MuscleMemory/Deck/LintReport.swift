import Foundation

/// Renders lint findings the way compilers do, or as JSON for editors and scripts.
public enum LintReport {
    /// `file:line:col: error: message [rule]` lines and a summary line. (A finding's notes are in
    /// the JSON; its message already names the other place.)
    public static func text(_ diagnostics: [Diagnostic], files: Int, cards: Int, style: TextStyle = .plain) -> String {
        var out = ""
        for d in diagnostics {
            // The file name is as untrusted as the text: escaped (the loader already escapes names
            // found in a deck folder; a path typed on the command line is not).
            let file = TerminalText.escape(d.file)
            let place = d.position.map { "\(file):\($0.line):\($0.column)" } ?? file
            let severity = d.severity == .error ? style.error("error:") : style.warning("warning:")
            out += "\(style.bold(place + ":")) \(severity) \(TerminalText.sanitize(d.message)) [\(d.rule.rawValue)]\n"
        }
        out += summary(diagnostics, files: files, cards: cards) + "\n"
        return out
    }

    public static func summary(_ diagnostics: [Diagnostic], files: Int, cards: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let fileWord = files == 1 ? "file" : "files"
        if errors == 0 && warnings == 0 {
            return "No problems in \(files) \(fileWord) (\(cards) cards)."
        }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
        return parts.joined(separator: " and ") + " in \(files) \(fileWord)."
    }

    struct JSONDocument: Encodable {
        struct Entry: Encodable {
            var rule: String
            var severity: String
            var file: String
            /// 0 for a finding about the whole file.
            var line: Int
            var column: Int
            var message: String
            /// Absent when the finding has none, so older readers see the same objects.
            var notes: [NoteEntry]?
        }
        struct NoteEntry: Encodable {
            var message: String
            var file: String
            var line: Int
            var column: Int
        }
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
        var files: Int
        var cards: Int
    }

    /// `{"diagnostics": [{"rule", "severity", "file", "line", "column", "message", "notes"?}], "errors",
    /// "warnings", "files", "cards"}`, each note `{"message", "file", "line", "column"}`: stable field
    /// names, documented in Decks/FORMAT.md.
    public static func json(_ diagnostics: [Diagnostic], files: Int, cards: Int) throws(JSON.EncodingFailure) -> String {
        let document = JSONDocument(
            diagnostics: diagnostics.map { d in
                JSONDocument.Entry(
                    rule: d.rule.rawValue, severity: d.severity.rawValue, file: d.file, line: d.position?.line ?? 0, column: d.position?.column ?? 0,
                    message: d.message,
                    notes: d.notes.isEmpty ? nil : d.notes.map { .init(message: $0.message, file: $0.file, line: $0.position?.line ?? 0, column: $0.position?.column ?? 0) })
            },
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: files, cards: cards)
        return try JSON.encode(document)
    }
}
