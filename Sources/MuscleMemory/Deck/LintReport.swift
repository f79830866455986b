import Foundation

/// Renders lint findings the way compilers do, or as JSON for editors and scripts.
public enum LintReport {
    /// `file:line:col: error: message [rule]` lines and a summary line.
    public static func text(_ diagnostics: [Diagnostic], files: Int, cards: Int, style: TextStyle = .plain) -> String {
        var out = ""
        for d in diagnostics {
            let place = d.line > 0 ? "\(d.file):\(d.line):\(d.column)" : d.file
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
            var line: Int
            var column: Int
            var message: String
        }
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
        var files: Int
        var cards: Int
    }

    /// `{"diagnostics": [{"rule", "severity", "file", "line", "column", "message"}], "errors",
    /// "warnings", "files", "cards"}`: stable field names, documented in Decks/FORMAT.md.
    public static func json(_ diagnostics: [Diagnostic], files: Int, cards: Int) throws(JSON.EncodingFailure) -> String {
        let document = JSONDocument(
            diagnostics: diagnostics.map { .init(rule: $0.rule.rawValue, severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column, message: $0.message) },
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: files, cards: cards)
        return try JSON.encode(document)
    }
}
