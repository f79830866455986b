import ArgumentParser
import Foundation
import MuscleMemory

/// The options `report` and `stats` share: the window, the format and where the output goes.
struct ReportOutputOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("The window: days (30d), weeks (4w) or months of 30 days (3m), from 1 day to 10 years (3650d, 521w, 121m).", valueName: "span"))
    var since: String = "30d"

    @Option(help: "Output format: table, markdown, csv, json or html.")
    var format: ReportFormat = .table

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("no-color"), help: "No colour (also: NO_COLOR).")
    var noColor = false

    func validate() throws {
        _ = try windowDays()
    }

    /// The window in days, within `ReportOptions.windowDaysRange` (a count too large for the
    /// range is refused before it is multiplied, so no span can overflow).
    func windowDays() throws -> Int {
        let text = since.trimmingCharacters(in: .whitespaces).lowercased()
        let days: [Character: Int] = ["d": 1, "w": 7, "m": 30]
        let range = ReportOptions.windowDaysRange
        guard let unit = text.last, let perUnit = days[unit], let count = WholeNumber.decimal(String(text.dropLast())),
              count >= 1, count <= range.upperBound / perUnit else {
            throw ValidationError("--since '\(since)' is not a span from 1 day to 10 years; write it like 30d, 4w or 3m (at most \(range.upperBound)d, \(range.upperBound / 7)w or \(range.upperBound / 30)m)")
        }
        return count * perUnit
    }

    /// Writes the rendered text to the file (whole, or not at all: an earlier file stays as it was
    /// when writing fails) or to standard output. A full disk or an I/O error is exit 74; a path
    /// that cannot be a file, or a folder that refuses it, is exit 73.
    func emit(_ text: String) throws {
        guard let output else {
            Output.out(text)
            return
        }
        try Self.write(text, to: output, what: "report", fileExtension: format.fileExtension)
    }

    /// The whole-or-nothing writer of `--output`, for every command that writes a file.
    static func write(_ text: String, to output: String, what: String, fileExtension: String) throws {
        switch FileSystem.replace(output, with: Array(text.utf8)) {
        case .success:
            return
        case .failure(let failure):
            throw CommandFailure.writing(failure, to: output, option: "--output", what: what, exampleName: "\(what).\(fileExtension)",
                                         folder: (output as NSString).deletingLastPathComponent,
                                         notAFileAdvice: "; leave --output out to write to standard output")
        }
    }

    var style: TextStyle { output == nil ? TerminalInfo.style(disabled: noColor) : .plain }
    var width: Int { output == nil && TerminalInfo.isTerminal(1) ? TerminalInfo.width() : 160 }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case markdown
    case csv
    case json
    case html

    var fileExtension: String {
        switch self {
        case .table: "txt"
        case .markdown: "md"
        default: rawValue
        }
    }
}
