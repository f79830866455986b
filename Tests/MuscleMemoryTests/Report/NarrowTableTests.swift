import Testing
@testable import MuscleMemory

/// Issue 16: a terminal too narrow for a table drops its last (least important) columns and says
/// which; nothing is dropped silently.
@Suite struct NarrowTableTests {
    let document = ReportDocument(title: "Report", subtitle: [], sections: [
        ReportDocument.Section(title: "Muscles", note: nil, content: .table(ReportDocument.Table(
            columns: [.init("Muscle"), .init("Weakness", numeric: true), .init("Reviews", numeric: true), .init("Lapses", numeric: true), .init("Mean easiness", numeric: true)],
            rows: [["Soleus", "65", "12", "3", "2.10"], ["Piriformis", "40", "8", "1", "2.40"]], bar: nil, barAfter: 1)), terminalRowLimit: nil),
    ])

    @Test func droppedColumnsAreNamed() {
        let narrow = TerminalReportRenderer.render(document, width: 40, style: .plain)
        #expect(narrow.contains("(left out at 40 columns: Mean easiness; a wider terminal, a file or a pipe shows them)")
                || narrow.replacingOccurrences(of: "\n", with: " ").contains("(left out at 40 columns: Mean easiness; a wider terminal, a file or a pipe shows them)"), "\(narrow)")
        #expect(narrow.contains("Weakness") && narrow.contains("Reviews"), "the first columns stay: \(narrow)")
        for line in narrow.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 40, "\(line)") }
        let wide = TerminalReportRenderer.render(document, width: 120, style: .plain)
        #expect(!wide.contains("left out") && wide.contains("Mean easiness"), "\(wide)")
    }
}
