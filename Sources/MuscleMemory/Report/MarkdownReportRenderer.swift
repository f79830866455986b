/// `--format markdown`: GitHub-flavoured tables, every row, deck text with Markdown's special
/// characters escaped so a card cannot break the table or inject a link.
public enum MarkdownReportRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n\n"
        for line in document.subtitle { out += "_\(escape(line))_\n\n" }
        for section in document.sections {
            out += "## \(escape(section.title))\n\n"
            if let note = section.note { out += "_\(escape(note))_\n\n" }
            var content = section.content
            if case .heatMap(let map) = content { content = .table(map.table) }
            switch content {
            case .heatMap: break
            case .table(let table):
                let folded = table.folded.map { "_\(escape($0))_\n\n" } ?? ""
                guard !table.rows.isEmpty else { out += table.folded == nil ? "(none)\n\n" : folded; continue }
                out += "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
                out += "|" + table.columns.map { $0.numeric ? "---:|" : "---|" }.joined() + "\n"
                for row in table.rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
                out += "\n" + folded
            case .bars(let bars):
                out += "| day | value |\n|---|---:|\n"
                for (label, value) in zip(bars.labels, bars.valueLabels) { out += "| \(escape(label)) | \(escape(value)) |\n" }
                out += "\n"
            case .lines(let lines):
                out += lines.map(escape).joined(separator: "\n\n") + "\n\n"
            case .commands(let commands):
                out += commands.enumerated().map { "\($0.offset + 1). `\($0.element.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: "\n") + "\n\n"
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in TerminalText.sanitize(text).replacingNewlines() {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
