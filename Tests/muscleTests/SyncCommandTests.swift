import Foundation
import Testing

@Suite struct SyncCommandTests {
    @Test func firstSyncAddsThenNothingChanges() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let first = sandbox.run(["sync", "--db", sandbox.db, "deck"])
        #expect(first.stdout == "deck: 18 added.\n")
        #expect(first.exitCode == 0)
        let second = sandbox.run(["sync", "--db", sandbox.db, "deck"])
        #expect(second.stdout == "deck: no changes.\n")
        #expect(second.exitCode == 0)
    }

    @Test func theBundledDecksSyncIntoANewDatabaseThenReportNoChanges() {
        let sandbox = Sandbox()
        let first = sandbox.run(["sync", "--db", sandbox.db])
        #expect(first.exitCode == 0)
        #expect(first.stdout.hasPrefix("MuscleMemory curriculum (the bundled decks): "))
        #expect(first.stdout.contains(" added."))
        let second = sandbox.run(["sync", "--db", sandbox.db])
        #expect(second.stdout == "the bundled decks: no changes.\n")
        let check = sandbox.run(["check", "--db", sandbox.db])
        #expect(check.exitCode == 0)
        #expect(check.stdout.hasSuffix("integrity, foreign keys and invariants hold)\n"))
    }

    @Test func lintErrorsRefuseTheSyncAndChangeNothing() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        _ = sandbox.run(["sync", "--db", sandbox.db, "deck"])
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
        sandbox.write("deck/soleus.md", Fixtures.soleus + "Q: A question\n")
        let refused = sandbox.run(["sync", "--db", sandbox.db, "deck"])
        #expect(refused.exitCode == 1)
        #expect(refused.stdout == """
            deck/soleus.md:21:4: error: 'Q:' has no 'A:'; add the answer on the next line [question-without-answer]
            1 error in 1 file.
            Sync refused: fix the errors above; nothing was changed.

            """)
        #expect(refused.stderr.isEmpty)
        _ = sandbox.run(["check", "--db", sandbox.db])
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.db)) == before)
    }
}
