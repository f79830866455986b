import Foundation
import MuscleMemory
import Testing
import TestSupport

/// Getting the command: its version, its shell completions and its man page, through the built binary.
@Suite struct InstallTests {
    static let commands = ["study", "sync", "report", "stats", "lint", "cards", "backup", "check"]

    @Test func versionIsTheOneDefinedInTheCore() {
        let result = Sandbox().run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout == MuscleVersion.number + "\n")
    }

    /// The README's one-line installs depend on these scripts being printed, whole, for each shell.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesEverySubcommand(shell: String) {
        let result = Sandbox().run(["--generate-completion-script", shell])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for command in Self.commands {
            #expect(result.stdout.contains(command), "the \(shell) completion script does not mention '\(command)'")
        }
        for option in ["--db", "--decks", "--muscle", "--dry-run", "--exam"] {
            #expect(result.stdout.contains(option.dropFirst(2)), "the \(shell) completion script does not mention '\(option)'")
        }
        #expect(!result.stdout.contains("--now"), "the hidden --now is offered by the \(shell) completion")
    }

    /// Docs/muscle.1 is what `make man` makes now: regenerated from the built binary's definitions
    /// and compared whole (`MUSCLE_RECORD_GOLDEN=1` rewrites it).
    @Test func manPageIsCurrent() throws {
        let manual = ProcessRunner.run(MuscleBinary.path(of: "muscle-manual"), [MuscleBinary.muscle], environment: Sandbox().environment,
                                       directory: repositoryRoot)
        #expect(manual.exitCode == 0, "\(manual.stderr)")
        GoldenFiles("Docs").expectMatch(manual.stdout, "muscle.1")
        for command in Self.commands {
            #expect(manual.stdout.contains(".Ss muscle \(command)"), "the man page has no section for '\(command)'")
        }
        #expect(manual.stdout.contains(".Os MuscleMemory \(MuscleVersion.number)"))
        #expect(!manual.stdout.contains("Fl -now"))
        // Nothing outside ASCII reaches the page unescaped (groff would read it as Latin-1).
        let isASCII = manual.stdout.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII)
    }

    /// The page renders without a warning where groff is installed.
    @Test func manPageRendersCleanly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let result = ProcessRunner.run("/usr/bin/groff", ["-mdoc", "-Tutf8", "-ww", "-z", "Docs/muscle.1"], environment: Sandbox().environment,
                                       directory: repositoryRoot)
        #expect(result.exitCode == 0)
        #expect(result.stderr == "", "groff warns about Docs/muscle.1:\n\(result.stderr)")
    }
}
