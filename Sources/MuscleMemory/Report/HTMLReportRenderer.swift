/// `--format html`: one self-contained page (inline CSS and SVG, no network), readable on screen
/// and on paper, well-formed XHTML, with every piece of deck text escaped.
public enum HTMLReportRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var body = "<h1>\(escape(document.title))</h1>\n"
        for line in document.subtitle { body += "<p class=\"sub\">\(escape(line))</p>\n" }
        var charts = ""
        var contents: [(anchor: String, title: String)] = []
        var chartContents: [(anchor: String, title: String)] = []
        for section in document.sections {
            let anchor = self.anchor(section.title)
            var html = "<section id=\"\(anchor)\">\n<h2>\(escape(section.title))</h2>\n"
            if let note = section.note { html += "<p class=\"note\">\(escape(note))</p>\n" }
            switch section.content {
            case .table(let table):
                html += render(table)
            case .bars(let bars):
                html += bars.line ? lineChart(bars) : barChart(bars)
            case .lines(let lines):
                html += lines.map { "<p>\(escape($0))</p>" }.joined(separator: "\n") + "\n"
            case .commands(let commands):
                html += "<ol class=\"plan\">\n" + commands.map { "<li><code>\(escape($0))</code></li>" }.joined(separator: "\n") + "\n</ol>\n"
            case .heatMap(let map):
                html += heatMap(map)
            }
            html += "</section>\n"
            if case .bars = section.content {
                charts += html
                chartContents.append((anchor, section.title))
            } else {
                body += html
                contents.append((anchor, section.title))
            }
        }
        if let weakest = weaknessChart(document) {
            body = body.replacingFirst("<section id=", with: weakest + "<section id=")
            contents.insert(("weakness-chart", "Weakness by topic"), at: 0)
        }
        // A line of links to the sections, so a long report is quick to move around in on screen.
        let links = (contents + chartContents).map { "<a href=\"#\($0.anchor)\">\(escape($0.title))</a>" }
        if links.count > 1 {
            let nav = "<nav>" + links.joined(separator: " · ") + "</nav>\n"
            body = body.replacingFirst("<section", with: nav + "<section")
        }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>MuscleMemory: \(escape(document.title))</title>
            <style>
            body { font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2327; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { font-size: 1.15rem; margin: 1.8rem 0 .3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
            .sub, .note { color: #57606a; margin: .2rem 0; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; }
            th, td { padding: .25rem .5rem; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
            th { color: #57606a; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .bar { display: inline-block; height: .7rem; background: #d1495b; border-radius: 2px; vertical-align: middle; }
            .bar.good { background: #2da44e; }
            tr.folded td { color: #57606a; font-style: italic; }
            .barcell { width: 8rem; }
            nav { margin: .8rem 0 0; font-size: .9rem; line-height: 1.8; }
            nav a { color: #0969da; text-decoration: none; white-space: nowrap; }
            @media print { nav { display: none; } }
            code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; }
            svg { width: 100%; height: auto; }
            svg text { font: 11px sans-serif; fill: #57606a; }
            @media print { body { margin: 0; max-width: none; font-size: 11pt; } section { break-inside: avoid; } .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
            </style>
            </head>
            <body>
            \(body)\(charts)</body>
            </html>

            """
    }

    /// An id for a section heading: the heading's slug, as card IDs are made.
    static func anchor(_ title: String) -> String {
        let slug = Slug.make(title)
        return slug.isEmpty ? "section" : slug
    }

    static func render(_ table: ReportDocument.Table) -> String {
        guard !table.rows.isEmpty else { return "<p\(table.folded == nil ? "" : " class=\"folded\"")>\(escape(table.folded ?? "(none)"))</p>\n" }
        var html = "<table>\n<thead><tr>"
        for (i, column) in table.columns.enumerated() {
            html += "<th\(column.numeric ? " class=\"num\"" : "")>\(escape(column.title))</th>"
            if table.bar != nil && i == table.barAfter { html += "<th class=\"barcell\"></th>" }
        }
        html += "</tr></thead>\n<tbody>\n"
        for (r, row) in table.rows.enumerated() {
            html += "<tr>"
            for (i, cell) in row.enumerated() {
                let numeric = i < table.columns.count && table.columns[i].numeric
                html += "<td\(numeric ? " class=\"num\"" : "")>\(escape(cell))</td>"
                if let bars = table.bar, i == table.barAfter {
                    let value = bars[r].map { min(1, max(0, $0)) }
                    html += "<td class=\"barcell\">" + (value.map { "<span class=\"bar\(table.barIsGood ? " good" : "")\" style=\"width: \(Int(($0 * 100).rounded()))%\"></span>" } ?? "") + "</td>"
                }
            }
            html += "</tr>\n"
        }
        if let folded = table.folded {
            html += "<tr class=\"folded\"><td colspan=\"\(table.columns.count + (table.bar == nil ? 0 : 1))\">\(escape(folded))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A table whose cells are coloured by weakness, from green (0, strong) to red (100, weak);
    /// the number stays in the cell, so the page reads the same printed in grey.
    static func heatMap(_ map: HeatMap) -> String {
        var html = "<table class=\"heat\">\n<thead><tr><th>student</th>"
        for column in map.columns { html += "<th class=\"num\">\(escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in map.rows {
            html += "<tr><td>\(escape(row.label))</td>"
            for value in row.values {
                if let value {
                    let hue = Int((120 * (1 - min(100, max(0, value)) / 100)).rounded())
                    html += "<td class=\"num\" style=\"background: hsl(\(hue), 65%, 78%); print-color-adjust: exact; -webkit-print-color-adjust: exact\">\(Format.weakness(value))</td>"
                } else {
                    html += "<td class=\"num\" style=\"color: #8c959f\">—</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The weakest topics as a horizontal bar chart, drawn from the first table with scores.
    static func weaknessChart(_ document: ReportDocument) -> String? {
        guard let section = document.sections.first, case .table(let table) = section.content, let bars = table.bar else { return nil }
        let items = zip(table.rows, bars).compactMap { cells, value in value.map { (cells.first ?? "", $0) } }.prefix(12)
        guard !items.isEmpty else { return nil }
        let rowHeight = 22, labelWidth = 300, chartWidth = 560
        var svg = "<section id=\"weakness-chart\">\n<h2>Weakness by topic</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(labelWidth + chartWidth + 60) \(items.count * rowHeight + 10)\" role=\"img\" aria-label=\"Weakness by topic\">\n"
        for (i, item) in items.enumerated() {
            let y = i * rowHeight + 5
            let w = Int((item.1 * Double(chartWidth)).rounded())
            // Long topic names are cut with an ellipsis; the full name shows on hover.
            let label = item.0.count > 48 ? String(item.0.prefix(47)) + "…" : item.0
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\"><title>\(escape(item.0))</title>\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, 1))\" height=\"14\" rx=\"2\" fill=\"#d1495b\"/>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 14)\">\(Format.weakness(item.1 * 100))</text>\n"
        }
        return svg + "</svg>\n</section>\n"
    }

    static func barChart(_ bars: ReportDocument.Bars) -> String {
        let n = max(bars.values.count, 1), width = 900, height = 180, gap = 2
        let barWidth = max(2, (width - 40) / n - gap)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height + 30)\" role=\"img\">\n"
        // Y-axis ticks: 0, the middle and the maximum (whole numbers), each with a faint grid
        // line under the bars.
        let top = max(1, Int(bars.maximum.rounded(.up)))
        var ticks = [0, top]
        if top >= 2 { ticks.insert(top / 2, at: 1) }
        for tick in ticks {
            let y = height - Int((Double(tick) / max(bars.maximum, 0.0001) * Double(height - 20)).rounded())
            svg += "<line x1=\"26\" y1=\"\(y)\" x2=\"\(width)\" y2=\"\(y)\" stroke=\"#eaeef2\"/><text x=\"22\" y=\"\(y + 4)\" text-anchor=\"end\">\(tick)</text>\n"
        }
        for (i, value) in bars.values.enumerated() {
            let h = Int((value / max(bars.maximum, 0.0001) * Double(height - 20)).rounded())
            let x = 30 + i * (barWidth + gap)
            svg += "<rect x=\"\(x)\" y=\"\(height - h)\" width=\"\(barWidth)\" height=\"\(max(h, 0))\" fill=\"#2f6db5\"><title>\(escape(bars.labels[i])): \(escape(bars.valueLabels[i]))</title></rect>"
            if i % max(1, n / 10) == 0 {
                svg += "<text x=\"\(x)\" y=\"\(height + 16)\">\(escape(bars.labels[i]))</text>"
            }
            svg += "\n"
        }
        return svg + "</svg>\n"
    }

    static func lineChart(_ bars: ReportDocument.Bars) -> String {
        let n = max(bars.values.count, 2), width = 900, height = 180
        let step = Double(width - 60) / Double(n - 1)
        let points = bars.values.enumerated().map { i, value in
            "\(Int(40 + Double(i) * step)),\(Int(Double(height) - 10 - (value / max(bars.maximum, 0.0001)) * Double(height - 30)))"
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height + 30)\" role=\"img\">\n"
        svg += "<line x1=\"40\" y1=\"\(height - 10)\" x2=\"\(width - 20)\" y2=\"\(height - 10)\" stroke=\"#d0d7de\"/>\n"
        // One polyline per run of points with data, so a week without reviews is a gap.
        var run: [String] = []
        for i in 0...points.count {
            if i < points.count && !bars.missing.contains(i) { run.append(points[i]); continue }
            if !run.isEmpty {
                svg += "<polyline fill=\"none\" stroke=\"#2f6db5\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>\n"
                run = []
            }
        }
        for (i, point) in points.enumerated() {
            let xy = point.split(separator: ",")
            if !bars.missing.contains(i) {
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"#2f6db5\"><title>\(escape(bars.labels[i])): \(escape(bars.valueLabels[i]))</title></circle>"
                // The value over its point, so the chart reads without hovering (and on paper).
                svg += "<text x=\"\(xy[0])\" y=\"\((Int(xy[1]) ?? 0) - 7)\" text-anchor=\"middle\" class=\"value\">\(escape(bars.valueLabels[i]))</text>"
            }
            svg += "<text x=\"\(xy[0])\" y=\"\(height + 16)\" text-anchor=\"middle\">\(escape(bars.labels[i]))</text>\n"
        }
        return svg + "<text x=\"0\" y=\"20\">100%</text><text x=\"0\" y=\"\(height - 10)\">0%</text>\n</svg>\n"
    }

    /// Text for HTML and XML: the five special characters escaped, control characters removed.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in TerminalText.sanitize(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

