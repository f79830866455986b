import ArgumentParser
import Foundation
import MuscleMemory

/// The options `report` and `stats` share: the window, the format and where the output goes.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The window: days (30d), weeks (4w) or months of 30 days (3m).", valueName: "span"))
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

    func windowDays() throws -> Int {
        let text = since.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, count <= 36_500 else {
            throw ValidationError("--since '\(since)' is not a span; write it like 30d, 4w or 3m")
        }
        switch unit {
        case "d": return count
        case "w": return count * 7
        case "m": return count * 30
        default: throw ValidationError("--since '\(since)' is not a span; write it like 30d, 4w or 3m")
        }
    }

    /// Writes the rendered text to the file (whole, or not at all) or to standard output.
    func emit(_ text: String) throws {
        guard let output else {
            Output.out(text)
            return
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write '\(output)': \((error as NSError).localizedDescription)", exitCode: 73)
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
}
