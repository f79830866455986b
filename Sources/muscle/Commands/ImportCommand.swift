import ArgumentParser
import Foundation
import MuscleMemory

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring other material into the deck format.",
        subcommands: [ImportAnkiCommand.self])
}

struct ImportAnkiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anki",
        abstract: "Turn Anki's \"Notes in Plain Text\" export into deck files.",
        discussion: """
            Export from Anki with File > Export, "Notes in Plain Text", ticking "Include HTML", \
            "Include tags", "Include deck name", "Include notetype name" and "Include unique identifier". \
            Each note becomes a Q:/A: card in the file of the muscle it is about (or one file per Anki \
            deck), its GUID its Id:; each cloze deletion becomes its own card. What a note loses \
            (media, formatting, other fields) is listed. Nothing is written when the file is not such \
            an export, or when a file exists and --force is not given.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The plain-text export (.txt).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The deck folder to write into (made if missing). Default: the working folder.", valueName: "dir"))
    var into: String = "."

    @Flag(help: "Overwrite deck files that exist.")
    var force = false

    /// The text before the first comma is the region ("Lower leg and foot, posterior compartment").
    static func region(_ field: String) -> String {
        String(field.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces)
    }

    func run() throws {
        try reportingFailures {
            let bytes: [UInt8]
            switch FileSystem.readRegularFile(RawPath(file), limit: 64 * 1024 * 1024) {
            case .success(let read): bytes = read
            case .failure(.notARegularFile(let kind)): throw CommandFailure("'\(file)' is \(kind), not a file", exitCode: 66)
            case .failure(.tooLarge): throw CommandFailure("'\(file)' is larger than 64 MiB", exitCode: 65)
            case .failure(.failed(let failure)): throw CommandFailure("cannot read '\(file)': \(failure.reason)", exitCode: 66)
            }
            guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self) else {
                throw CommandFailure("'\(file)' is not UTF-8 text; export the notes from Anki as plain text", exitCode: 65)
            }
            let bundled = DeckCompiler.compile(.bundled)
            let known = bundled.muscles.filter { !$0.name.isEmpty }.map { muscle in
                AnkiTextImport.KnownMuscle(name: muscle.name, names: AnkiTextImport.otherNames(muscle.name),
                                           region: Self.region(muscle.fields[.region]?.value ?? ""),
                                           file: muscle.location.file.hasPrefix("Decks/") ? String(muscle.location.file.dropFirst(6)) : muscle.location.file)
            }
            let plan: AnkiTextImport
            switch AnkiTextImport.plan(text, known: known) {
            case .success(let made): plan = made
            case .failure(let failure): throw CommandFailure("\(file): \(failure.description); nothing was written", exitCode: 65)
            }
            let folder = into.hasSuffix("/") ? String(into.dropLast()) : into
            let existing = plan.files.map { folder + "/" + $0.path }.filter(FileSystem.exists)
            if !existing.isEmpty, !force {
                throw CommandFailure("\(existing.count) file\(existing.count == 1 ? "" : "s") exist already (\(existing.prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", …" : "")); nothing was written. Give --force to overwrite, or --into another folder.", exitCode: 73)
            }
            for (written, file) in plan.files.enumerated() {
                let path = folder + "/" + file.path
                let parent = (path as NSString).deletingLastPathComponent
                if case .failure(let failure) = FileSystem.makeFolders(parent) {
                    throw CommandFailure.makingDeckFolder(failure, for: path, written: written)
                }
                if case .failure(let failure) = FileSystem.replace(path, with: Array(file.text.utf8)) {
                    throw CommandFailure.writingDeckFile(failure, to: path, into: folder, written: written)
                }
            }
            var report = "Imported \(plan.notes) note\(plan.notes == 1 ? "" : "s") as \(plan.cards) card\(plan.cards == 1 ? "" : "s") in \(plan.files.count) file\(plan.files.count == 1 ? "" : "s") under \(folder)\n"
            for loss in plan.losses {
                report += "  line \(loss.line)\(loss.guid.isEmpty ? "" : " (\(loss.guid))"): lost \(loss.what)\n"
            }
            Output.out(TerminalText.sanitize(report))
        }
    }
}
