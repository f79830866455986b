/// The default `--format table`: aligned tables with bar glyphs, fitted to the terminal's width.
public enum TerminalReportRenderer {
    static let barWidth = 10

    public static func render(_ document: ReportDocument, width: Int, style: TextStyle) -> String {
        let width = max(width, 40)
        var out = style.bold(document.title) + "\n"
        for line in document.subtitle {
            out += DisplayWidth.wrap(clean(line), width: width).map { style.dim($0) }.joined(separator: "\n") + "\n"
        }
        for section in document.sections {
            out += "\n" + style.bold(clean(section.title)) + "\n"
            if let note = section.note { out += style.dim(DisplayWidth.truncate(clean(note), to: width)) + "\n" }
            switch section.content {
            case .table(let table):
                out += render(table, width: width, style: style, limit: section.terminalRowLimit)
            case .bars(let bars):
                out += render(bars, width: width, style: style)
            case .lines(let lines):
                out += lines.map { DisplayWidth.wrap(clean($0), width: width).joined(separator: "\n") }.joined(separator: "\n") + "\n"
            case .commands(let commands):
                out += commands.enumerated().map { "\($0.offset + 1). " + style.accent(clean($0.element)) }.joined(separator: "\n") + "\n"
            case .heatMap(let map):
                out += render(map.table, width: width, style: style, limit: section.terminalRowLimit)
            }
        }
        return out
    }

    static func render(_ table: ReportDocument.Table, width: Int, style: TextStyle, limit: Int?) -> String {
        let rows = limit.map { Array(table.rows.prefix($0)) } ?? table.rows
        let folded = table.folded.map { DisplayWidth.wrap(clean($0), width: width).map { style.dim($0) }.joined(separator: "\n") + "\n" } ?? ""
        guard !rows.isEmpty else { return table.folded == nil ? style.dim("(none)") + "\n" : folded }
        let hasBar = table.bar != nil
        var widths = table.columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(clean(cell))) }
        }
        // Too wide for the terminal: the last columns go first (the name, the score and the bar stay),
        // then the name column gives way.
        var shown = widths.count
        func total(_ count: Int) -> Int { widths.prefix(count).reduce(0, +) + 2 * (count - 1) + (hasBar ? barWidth + 2 : 0) }
        while shown > max(2, table.barAfter + 1) && total(shown) > width { shown -= 1 }
        widths = Array(widths.prefix(shown))
        // Then the widest text column gives way, a character at a time, down to 8.
        while total(shown) > width {
            guard let widest = widths.indices.filter({ !table.columns[$0].numeric && widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        func line(_ cells: [String], bar: String?) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < widths.count {
                let text = DisplayWidth.truncate(clean(cell), to: widths[i])
                let padded = table.columns[i].numeric
                    ? String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(text))) + text
                    : DisplayWidth.pad(text, to: widths[i])
                parts.append(padded)
                if i == table.barAfter, let bar { parts.append(bar) }
            }
            return parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = style.dim(line(table.columns.map(\.title), bar: hasBar ? String(repeating: " ", count: barWidth) : nil))
        for (index, row) in rows.enumerated() {
            let value = table.bar?[index] ?? nil
            out += line(row, bar: hasBar ? Self.bar(value, style: style) : nil)
        }
        if shown < table.columns.count {
            // Columns are dropped from the end, the least important last in every table; never silently.
            let left = table.columns[shown...].map(\.title).joined(separator: ", ")
            out += DisplayWidth.wrap("(left out at \(width) columns: \(left); a wider terminal, a file or a pipe shows them)", width: width).map { style.dim($0) }.joined(separator: "\n") + "\n"
        }
        if let limit, table.rows.count > limit {
            out += style.dim(DisplayWidth.truncate("… \(table.rows.count - limit) more (--format markdown, csv, json or html show all)", to: width)) + "\n"
        }
        return out + folded
    }

    /// A bar of `barWidth` cells in eighths: "█████▍    ".
    static func bar(_ value: Double?, style: TextStyle) -> String {
        guard let value else { return String(repeating: " ", count: barWidth) }
        let eighths = Int((min(1, max(0, value)) * Double(barWidth * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let text = String(repeating: "█", count: eighths / 8) + partial
        return style.accent(text) + String(repeating: " ", count: barWidth - text.count)
    }

    static func render(_ bars: ReportDocument.Bars, width: Int, style: TextStyle) -> String {
        guard !bars.values.isEmpty else { return style.dim("(none)") + "\n" }
        // A sparkline when the terminal is too narrow for one row per bar to be useful.
        let labelWidth = bars.labels.map(DisplayWidth.of).max() ?? 0
        let valueWidth = bars.valueLabels.map(DisplayWidth.of).max() ?? 0
        let room = width - labelWidth - valueWidth - 4
        if room < 10 || bars.values.count > 40 {
            let blocks = Array("▁▂▃▄▅▆▇█")
            let line = bars.values.map { blocks[min(7, Int((($0 / max(bars.maximum, 0.0001)) * 7).rounded()))] }
            let spark = String(line.prefix(max(10, width - 16)))
            return style.accent(spark) + "  " + style.dim(DisplayWidth.truncate("\(bars.labels.first ?? "") … \(bars.labels.last ?? "")", to: max(0, width - spark.count - 2))) + "\n"
        }
        var out = ""
        for (i, value) in bars.values.enumerated() {
            let cells = Int((value / max(bars.maximum, 0.0001) * Double(room)).rounded())
            out += DisplayWidth.pad(bars.labels[i], to: labelWidth) + "  " + style.accent(String(repeating: "█", count: max(0, cells)))
                + (cells > 0 ? " " : "") + bars.valueLabels[i] + "\n"
        }
        return out
    }

    static func clean(_ text: String) -> String {
        TerminalText.sanitize(text).replacingNewlines()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }

    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ")
    }
}
