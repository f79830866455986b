import Foundation
import Testing

/// The options every command shares, and what a mistyped command does.
@Suite struct GlobalOptionsTests {
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Each source of the database path wins over every one after it: --db, MUSCLE_DB,
    /// $XDG_DATA_HOME/muscle-memory/muscle.sqlite, $HOME/.local/share/muscle-memory/muscle.sqlite.
    @Test func dbFlagThenEnvironmentThenXDGThenHome() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let xdg = sandbox.file("xdg/muscle-memory/muscle.sqlite")
        let home = sandbox.home + "/.local/share/muscle-memory/muscle.sqlite"
        let everything = ["MUSCLE_DB": sandbox.file("env.sqlite"), "XDG_DATA_HOME": sandbox.file("xdg")]

        let flag = sandbox.run(["sync", "--db", "flag.sqlite", "--decks", "deck"], environment: everything)
        #expect(flag.stdout == "deck: 18 added.\n")
        #expect(exists(sandbox.file("flag.sqlite")))
        #expect(!exists(sandbox.file("env.sqlite")) && !exists(xdg) && !exists(home))

        #expect(sandbox.run(["sync", "--decks", "deck"], environment: everything).exitCode == 0)
        #expect(exists(sandbox.file("env.sqlite")))
        #expect(!exists(xdg) && !exists(home))

        #expect(sandbox.run(["sync", "--decks", "deck"], environment: ["XDG_DATA_HOME": sandbox.file("xdg")]).exitCode == 0)
        #expect(exists(xdg))
        #expect(!exists(home))

        #expect(sandbox.run(["sync", "--decks", "deck"]).exitCode == 0)
        #expect(exists(home))
    }

    @Test func decksFromTheFlagOrTheColonSeparatedEnvironment() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox, folder: "one")
        sandbox.write("two/plantaris.md", "# Plantaris\n## Actions\n- Weakly plantarflexes the ankle\n")
        let both = sandbox.run(["cards", "--decks", "one", "--decks", "two"])
        #expect(both.stdout.split(separator: "\n").count == 20)
        #expect(both.stdout.contains("soleus/origin\t") && both.stdout.contains("plantaris/actions\t"))
        let env = sandbox.run(["cards"], environment: ["MUSCLE_DECKS": "one:two"])
        #expect(env.stdout == both.stdout)
        let flagWins = sandbox.run(["cards", "--decks", "two"], environment: ["MUSCLE_DECKS": "one"])
        #expect(flagWins.stdout.split(separator: "\n").count == 2)
        #expect(!flagWins.stdout.contains("soleus/"))
        let withBundled = sandbox.run(["cards"], environment: ["MUSCLE_DECKS": "bundled:two"])
        #expect(withBundled.stdout.contains("gastrocnemius/origin"))
        #expect(withBundled.stdout.contains("plantaris/actions"))
        #expect(sandbox.run(["cards"]).stdout == sandbox.run(["cards", "--decks", "bundled"]).stdout)
    }

    /// A bad --now, MUSCLE_NOW or --rollover is refused before anything is opened, naming the value.
    @Test func aBadNowOrRolloverNamesTheValue() {
        let sandbox = Sandbox()
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["study", "--now", "not-a-time"], [:], "--now 'not-a-time' is not an ISO-8601 time; write it like 2026-12-01T10:00:00Z"),
            (["sync"], ["MUSCLE_NOW": "yesterday"], "MUSCLE_NOW 'yesterday' is not an ISO-8601 time; write it like 2026-12-01T10:00:00Z"),
            (["study", "--rollover", "25"], [:], "--rollover '25' is not an hour from 0 to 23"),
            (["sync"], ["MUSCLE_ROLLOVER": "noon"], "MUSCLE_ROLLOVER 'noon' is not an hour from 0 to 23"),
        ]
        for (arguments, environment, message) in cases {
            let result = sandbox.run(arguments + ["--db", "x.sqlite"], environment: environment)
            #expect(result.exitCode == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "muscle: error: \(message)\n")
        }
        #expect(!exists(sandbox.file("x.sqlite")))
    }

    @Test func aMistypedCommandRunsNothing() {
        let sandbox = Sandbox()
        let result = sandbox.run(["stduy", "--db", "x.sqlite"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "muscle: error: unknown command 'stduy'; did you mean 'study'?\n")
        #expect(result.stdout.isEmpty)
        let unlike = sandbox.run(["xyzzy", "--db", "x.sqlite"])
        #expect(unlike.exitCode == 64)
        #expect(unlike.stderr == "muscle: error: unknown command 'xyzzy'; see 'muscle --help'\n")
        // After a global option the word reaches ArgumentParser (as an argument to the default
        // command): still refused, naming the word, before anything is opened.
        let late = sandbox.run(["--db", "x.sqlite", "stduy"], stdin: "\n5\n")
        #expect(late.exitCode == 64)
        #expect(late.stdout.isEmpty)
        #expect(late.stderr == "muscle: error: unknown command 'stduy'; did you mean 'study'?\n")
        let help = sandbox.run(["help", "stduy"])
        #expect(help.exitCode == 64)
        #expect(help.stdout.isEmpty)
        #expect(help.stderr == "muscle: error: unknown command 'stduy'; did you mean 'study'?\n")
        let option = sandbox.run(["cards", "--colour"])
        #expect(option.exitCode == 64)
        #expect(option.stderr == "muscle: error: Unknown option '--colour'\n")
        #expect(!exists(sandbox.file("x.sqlite")))
    }
}
