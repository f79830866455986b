import ArgumentParser
import Foundation
import MuscleMemory
import SM2

struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Merge students' shares (muscle share) into a class report: weak topics, cards the class fails, readiness, a heat map.",
        discussion: "Files that are not valid shares are named with the reason and skipped. Groups smaller than --min-group are shown only as counts. Cards are matched to the --decks decks (default: bundled) for their source file and line.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var out: ReportOutputOptions

    static let minGroupOption = WholeNumber(name: "--min-group", range: ClassOptions.minGroupRange)

    @Option(name: .customLong("min-group"), parsing: .unconditional, help: ArgumentHelp("The smallest group shown per topic, card or readiness, \(minGroupOption.rangeText).", valueName: "n"))
    var minGroup: String = String(ClassOptions.defaultMinGroup)

    @Option(help: ArgumentHelp("The exam day (YYYY-MM-DD) whose readiness is shown. Default: the day most shares were made for.", valueName: "date"))
    var exam: String?

    @Argument(help: ArgumentHelp("Share files, or folders of them (their *.json files).", valueName: "file-or-folder"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give the share files, or a folder of them: muscle class shares/") }
        _ = try Self.minGroupOption.parse(minGroup)
        if let exam, Day(iso: exam) == nil { throw ValidationError("--exam '\(exam)' is not a date; write it like 2027-05-14") }
        if out.since != "30d" { throw ValidationError("--since is not used by class: each share holds its student's own window") }
    }

    func run() throws {
        try reportingFailures {
            let options = ClassOptions(minGroup: try Self.minGroupOption.parse(minGroup), exam: exam.flatMap(Day.init(iso:)))
            // The decks compile (for the cards' sources) while the shares are read: neither needs the other.
            let decks = global.deckLocations
            let (known, (inputs, skipped)) = try Alongside.run({ ClassMerge.knownCards(cards: decks.map(DeckCompiler.cards)) },
                                                               while: { try Self.readShares(paths) })
            for skip in skipped { Output.warning("\(skip.name) \(skip.reason); skipped") }
            guard !inputs.isEmpty else {
                throw CommandFailure("none of the \(skipped.count) file\(skipped.count == 1 ? "" : "s") given is a valid share; nothing to merge", exitCode: 65)
            }
            let report = ClassMerge.merge(inputs, skipped: skipped, options: options, known: known)
            switch out.format {
            case .table: try out.emit(TerminalReportRenderer.render(ClassDocuments.report(report), width: out.width, style: out.style))
            case .markdown: try out.emit(MarkdownReportRenderer.render(ClassDocuments.report(report)))
            case .csv: try out.emit(ClassCSV.report(report))
            case .json: try out.emit(ClassJSON.report(report))
            case .html: try out.emit(HTMLReportRenderer.render(ClassDocuments.report(report)))
            }
        }
    }

    /// The shares in these files and folders (a folder's `*.json` files, sorted), each read and
    /// checked; the invalid ones with their reason. A path that does not exist is exit 66.
    static func readShares(_ paths: [String]) throws -> ([ClassInput], [SkippedShare]) {
        var files: [String] = []
        for path in paths {
            switch FileSystem.status(path) {
            case .failure(let failure):
                throw CommandFailure("cannot read '\(path)': \(failure.reason)", exitCode: 66)
            case .success(let status) where status.isDirectory:
                switch FileSystem.list(path) {
                case .failure(let failure): throw CommandFailure("cannot list the folder '\(path)': \(failure.reason)", exitCode: 66)
                case .success(let names):
                    let folder = path.hasSuffix("/") ? path : path + "/"
                    files += names.filter { $0.lowercased().hasSuffix(".json") }.map { folder + $0 }
                }
            case .success:
                files.append(path)
            }
        }
        var inputs: [ClassInput] = []
        var skipped: [SkippedShare] = []
        for (file, result) in zip(files, ShareReader.readFiles(files)) {
            switch result {
            case .success(let share): inputs.append(ClassInput(name: file, share: share))
            case .failure(let problem): skipped.append(SkippedShare(name: file, reason: problem.description))
            }
        }
        return (inputs, skipped)
    }
}
