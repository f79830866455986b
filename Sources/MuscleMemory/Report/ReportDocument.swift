/// A report as sections of tables, bar charts, lines and commands: built once from a report's
/// figures, drawn by the terminal, Markdown and HTML renderers, so the three agree.
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    public var subtitle: [String]
    public var sections: [Section]

    public struct Section: Sendable, Equatable {
        public var title: String
        public var note: String?
        public var content: Content
        /// Rows left out of the terminal view (the other formats show everything).
        public var terminalRowLimit: Int?
    }

    public enum Content: Sendable, Equatable {
        case table(Table)
        case bars(Bars)
        case lines([String])
        case commands([String])
        /// Rows × columns of weakness (0-100), coloured in HTML (the class report's heat map).
        case heatMap(HeatMap)
    }

    public struct Table: Sendable, Equatable {
        public var columns: [Column]
        public var rows: [[String]]
        /// A 0…1 value per row drawn as a bar after the column `barAfter` (nil for no bar).
        public var bar: [Double?]?
        public var barAfter: Int
        /// One line after the rows standing for rows folded away (the muscles not started yet), so
        /// a long tail of empty rows reads as one fact. Every renderer prints it.
        public var folded: String? = nil
        /// A full bar is good (readiness, retention): drawn green in HTML; otherwise it is weakness, red.
        public var barIsGood: Bool = false
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// A bar chart: one bar per label. `line` draws it as a line chart in HTML.
    public struct Bars: Sendable, Equatable {
        public var labels: [String]
        public var values: [Double]
        public var valueLabels: [String]
        public var maximum: Double
        public var line: Bool = false
        /// Positions with no data (a week without reviews): a line chart leaves a gap there
        /// rather than drawing a fall to zero.
        public var missing: Set<Int> = []
    }
}

extension HeatMap {
    /// The heat map as a plain table, for the formats that cannot colour it.
    var table: ReportDocument.Table {
        ReportDocument.Table(columns: [.init("student")] + columns.map { .init($0, numeric: true) },
                             rows: rows.map { [$0.label] + $0.values.map { $0.map(Format.weakness) ?? "—" } }, bar: nil, barAfter: 0)
    }
}

enum Format {
    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
    }

    static func easiness(_ hundredths: Int?) -> String {
        guard let hundredths else { return "—" }
        let whole = hundredths / 100, part = hundredths % 100
        return "\(whole).\(part < 10 ? "0" : "")\(part)"
    }

    static func weakness(_ topic: TopicStats) -> String {
        if let score = topic.weakness { return weakness(score) }
        return topic.started ? "too few" : "not started"
    }

    /// The weakness score as printed in every format (table, Markdown, CSV, JSON, HTML, and the
    /// class report's): a whole number from 0 to 100, rounded half away from zero. Ranking uses
    /// the unrounded score. Docs/REPORTS.md, "Numbers".
    static func weakness(_ score: Double) -> String { String(weaknessValue(score)) }

    static func weaknessValue(_ score: Double) -> Int {
        guard score.isFinite else { return 0 }
        return Int(min(100, max(0, score)).rounded())
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// "1 h 05 min", "12 min", "40 s".
    static func duration(milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        let rest = minutes % 60
        return "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest) min"
    }
}
