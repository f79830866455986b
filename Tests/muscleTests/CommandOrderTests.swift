import Foundation
import Testing

/// The global options go before or after a command's name, as the README promises.
@Suite struct CommandOrderTests {
    /// `muscle --db x stats` said "unknown command 'stats'; did you mean 'stats'?".
    @Test func globalOptionsBeforeTheCommandName() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        let after = sandbox.run(["stats", "--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"])
        #expect(after.exitCode == 0)
        for before in [["--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z", "stats"],
                       ["--db=\(sandbox.db)", "--now", "2026-12-01T10:00:00Z", "stats", "--decks", "deck"]] {
            let result = sandbox.run(before)
            #expect(result.exitCode == 0, "\(before): \(result.stderr)")
            #expect(result.stdout == after.stdout)
        }
        let misplaced = sandbox.run(["--new", "5", "stats", "--db", sandbox.db])
        #expect(misplaced.exitCode == 64)
        #expect(misplaced.stderr == "muscle: error: 'stats' is a command: write it first, as in 'muscle stats …', and its options after it\n")
    }

    /// A path typed on the command line reaches the program as text; one that is not UTF-8 is
    /// named as such rather than only "no such file".
    @Test func aCommandLinePathThatIsNotUTF8IsExplained() {
        let sandbox = Sandbox()
        let result = ProcessRunner.run("/bin/sh", ["-c", "exec \"$0\" lint \"$(printf 'caf\\351.md')\"", MuscleBinary.muscle],
                                       environment: sandbox.environment, directory: sandbox.path)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("a path given to muscle must be UTF-8"))
    }
}
