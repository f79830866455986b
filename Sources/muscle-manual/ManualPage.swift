import Foundation
import MuscleMemory

/// One mdoc page for the whole program: the root command, then every subcommand with its
/// options, in the order the program lists them. Hidden options (`--now`) stay hidden.
enum ManualPage {
    static func render(_ root: CommandInfo) -> String {
        var out = """
            .\\" The man page of muscle, made by muscle-manual from the command definitions
            .\\" (muscle --experimental-dump-help). Do not edit: run `make man`.
            .Dd \(MuscleVersion.manualDate)
            .Dt \(root.commandName.uppercased()) 1
            .Os MuscleMemory \(MuscleVersion.number)
            .Sh NAME
            .Nm \(root.commandName)
            .Nd \(text(root.abstract ?? ""))
            .Sh SYNOPSIS
            .Nm
            .Op Ar command
            .Op Ar options

            """
        let commands = (root.subcommands ?? []).filter { $0.shouldDisplay ?? true }
        out += ".Sh DESCRIPTION\n"
        out += paragraphs(root.discussion ?? "")
        out += options(of: root, isRoot: true)
        out += ".Sh COMMANDS\n"
        for command in commands {
            let isDefault = root.defaultSubcommand == command.commandName
            out += ".Ss \(root.commandName) \(command.commandName)\(isDefault ? " (the default)" : "")\n"
            out += paragraphs(command.abstract ?? "")
            if let discussion = command.discussion, !discussion.isEmpty { out += ".Pp\n" + paragraphs(discussion) }
            out += options(of: command)
        }
        out += """
            .Sh SEE ALSO
            The README and Decks/FORMAT.md in the MuscleMemory repository.

            """
        return out
    }

    /// The command's arguments as a tagged list.
    static func options(of command: CommandInfo, isRoot: Bool = false) -> String {
        // --help and --version are the root's; every subcommand repeats them.
        let shown = (command.arguments ?? []).filter { argument in
            (argument.shouldDisplay ?? true) && (isRoot || !(argument.names ?? []).contains { ["help", "version"].contains($0.name) })
        }
        guard !shown.isEmpty else { return "" }
        var out = ".Bl -tag -width 6n\n"
        for argument in shown {
            out += ".It " + head(argument) + "\n"
            var help = argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty, !help.contains("default") { help += " (default: \(value))" }
            out += paragraphs(help.isEmpty ? " " : help)
            if let discussion = argument.discussion, !discussion.isEmpty { out += ".Pp\n" + paragraphs(discussion) }
        }
        return out + ".El\n"
    }

    /// `Fl -db Ar path`, `Fl h , Fl -help`, `Ar path ...`.
    static func head(_ argument: ArgumentInfo) -> String {
        let value = argument.valueName ?? "value"
        if argument.kind == "positional" {
            return "Ar \(text(value))" + (argument.isRepeating == true ? " ..." : "")
        }
        let names = (argument.names ?? []).map { name in
            "Fl " + (name.kind == "short" ? "" : "-") + text(name.name)
        }.joined(separator: " , ")
        return argument.kind == "option" ? names + " Ar \(text(value))" : names
    }

    /// Text as roff reads it: paragraphs from blank lines, every line safe (a leading `.` or `'`
    /// would be a request, a backslash an escape).
    static func paragraphs(_ text: String) -> String {
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return blocks.map { block in
            block.split(separator: "\n").map { line -> String in
                let escaped = self.text(String(line).trimmingCharacters(in: .whitespaces))
                return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
            }.joined(separator: "\n") + "\n"
        }.joined(separator: ".Pp\n")
    }

    /// A backslash as roff's `\e`, and every character outside ASCII as its `\[uXXXX]` escape
    /// (groff reads the page as Latin-1 otherwise).
    static func text(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" { out += "\\e" }
            else if scalar.isASCII { out.unicodeScalars.append(scalar) }
            else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }
}
