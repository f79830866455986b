import Foundation
import Testing

/// The options every command shares, and what a mistyped command does.
@Suite struct GlobalOptionsTests {
    @Test func dbFlagThenEnvironmentThenXDGThenHome() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", "flag.sqlite", "--decks", "deck"]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.file("flag.sqlite")))
        #expect(sandbox.run(["sync", "--decks", "deck"], environment: ["MUSCLE_DB": sandbox.file("env.sqlite")]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.file("env.sqlite")))
        #expect(sandbox.run(["sync", "--decks", "deck"], environment: ["XDG_DATA_HOME": sandbox.file("xdg")]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.file("xdg/muscle-memory/muscle.sqlite")))
        #expect(sandbox.run(["sync", "--decks", "deck"]).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: sandbox.home + "/.local/share/muscle-memory/muscle.sqlite"))
    }

    @Test func decksFromTheFlagOrTheColonSeparatedEnvironment() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox, folder: "one")
        sandbox.write("two/plantaris.md", "# Plantaris\n## Actions\n- Weakly plantarflexes the ankle\n")
        let both = sandbox.run(["cards", "--decks", "one", "--decks", "two"])
        #expect(both.stdout.split(separator: "\n").count == 20)
        let env = sandbox.run(["cards"], environment: ["MUSCLE_DECKS": "one:two"])
        #expect(env.stdout == both.stdout)
        let withBundled = sandbox.run(["cards"], environment: ["MUSCLE_DECKS": "bundled:two"])
        #expect(withBundled.stdout.contains("gastrocnemius/origin"))
        #expect(withBundled.stdout.contains("plantaris/actions"))
    }

    @Test func aBadNowOrRolloverNamesTheValue() {
        let sandbox = Sandbox()
        let now = sandbox.run(["study", "--now", "not-a-time", "--db", "x.sqlite"])
        #expect(now.exitCode == 64)
        #expect(now.stderr.contains("--now 'not-a-time' is not an ISO-8601 time"))
        let env = sandbox.run(["sync", "--db", "x.sqlite"], environment: ["MUSCLE_NOW": "yesterday"])
        #expect(env.exitCode == 64)
        #expect(env.stderr.contains("MUSCLE_NOW 'yesterday'"))
        let rollover = sandbox.run(["study", "--rollover", "25", "--db", "x.sqlite"])
        #expect(rollover.exitCode == 64)
        #expect(rollover.stderr.contains("--rollover '25' is not an hour from 0 to 23"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("x.sqlite")))
    }

    @Test func aMistypedCommandRunsNothing() {
        let sandbox = Sandbox()
        let result = sandbox.run(["stduy", "--db", "x.sqlite"])
        #expect(result.exitCode == 64)
        #expect(result.stderr == "muscle: error: unknown command 'stduy'; did you mean 'study'?\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("x.sqlite")))
    }
}
