import Foundation
import GRDB
import Testing
import TestSupport

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

    /// `sync --dry-run` lists every change by card ID, with the old and new text of an update,
    /// writes nothing (not even a new database), and the sync then does what it listed.
    @Test func aDryRunListsEveryChangeThenTheSyncAgrees() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let fresh = sandbox.run(["sync", "--dry-run", "--db", sandbox.db, "deck"])
        #expect(fresh.exitCode == 0)
        #expect(fresh.stdout.hasPrefix("deck: 18 to add.\n  add      piriformis/etymology  new in deck/piriformis.md:3\n"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.db), "a dry run created the database")
        #expect(sandbox.run(["sync", "--db", sandbox.db, "deck"]).stdout == "deck: 18 added.\n")

        sandbox.write("deck/soleus.md", Fixtures.soleus.replacingOccurrences(of: "Seated calf raises", with: "Seated calf raises, slowly"))
        sandbox.write("deck/piriformis.md", Fixtures.piriformis.replacingOccurrences(
            of: "Q: Which nerve may the piriformis compress?\nA: The sciatic nerve.", with: "Q: How is the piriformis stretched?\nA: Hip flexed, adducted and rotated."))
        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
        let dry = sandbox.run(["sync", "--dry-run", "--db", sandbox.db, "deck"])
        #expect(dry.exitCode == 0 && dry.stderr.isEmpty)
        expectSameText(dry.stdout, """
            deck: 1 to add, 1 to update, 1 to retire.
              update   soleus/exercises  its answer changed
                       A: • Seated calf raises → • Seated calf raises, slowly
              add      piriformis/custom/how-is-the-piriformis-stretched  new in deck/piriformis.md:19
              retire   piriformis/custom/which-nerve-may-the-piriformis-compress  no longer in the deck (it was in deck/piriformis.md)
              hint: deck/piriformis.md: cards would be retired and others added. If they are the same cards reworded, pin their identity with 'Id:' lines (see Decks/FORMAT.md) to keep their history.
            Dry run: nothing was written. Run the same command without --dry-run to apply these changes.

            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.db)) == before, "a dry run wrote to the database")
        let real = sandbox.run(["sync", "--db", sandbox.db, "deck"])
        // The real sync lists the same changes card by card, the `Id:` line that would keep the
        // retired card's history, and the counts at the end.
        expectSameText(real.stdout, """
              added     piriformis/custom/how-is-the-piriformis-stretched  new in deck/piriformis.md:19
              updated   soleus/exercises  its answer changed
                        A: • Seated calf raises → • Seated calf raises, slowly
              retired   piriformis/custom/which-nerve-may-the-piriformis-compress  no longer in the deck (it was in deck/piriformis.md)
              hint: piriformis/custom/which-nerve-may-the-piriformis-compress lost its history to piriformis/custom/how-is-the-piriformis-stretched; to keep it, write this line after the answer of the card at deck/piriformis.md:19 and sync again:
                    Id: which-nerve-may-the-piriformis-compress
            deck: 1 added, 1 updated, 1 retired.

            """)
        let cards = sandbox.run(["cards", "--decks", "deck"]).stdout
        #expect(cards.contains("piriformis/custom/how-is-the-piriformis-stretched\t") && !cards.contains("which-nerve-may"))
        #expect(sandbox.run(["sync", "--dry-run", "--db", sandbox.db, "deck"]).stdout
            == "deck: no changes.\nDry run: nothing was written. Run the same command without --dry-run to apply these changes.\n")
    }

    /// The `Id:` line a sync prints for a rewording that lost its history brings the history back.
    @Test func theHintedIdLineRestoresTheHistory() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let now = "2026-12-01T10:00:00Z"
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--now", now, "deck"]).exitCode == 0)
        // Answer every card once, so the retired one has history.
        _ = sandbox.run(["study", "--db", sandbox.db, "--decks", "deck", "--now", now, "--new", "100"], stdin: String(repeating: "\n4\n", count: 30))
        sandbox.write("deck/soleus.md", Fixtures.soleus.replacingOccurrences(
            of: "- Distal belly, above the heel -> the heel", with: "- Deep fibres near the calcaneus -> the heel"))
        let sync = sandbox.run(["sync", "--db", sandbox.db, "--now", now, "deck"])
        let hint = "  hint: soleus/trigger-points/distal-belly-above-the-heel lost its history to soleus/trigger-points/deep-fibres-near-the-calcaneus; "
            + "to keep it, write this line under the trigger point at deck/soleus.md:13 and sync again:\n          Id: distal-belly-above-the-heel\n"
        #expect(sync.stdout.contains(hint), "\(sync.stdout)")
        sandbox.write("deck/soleus.md", Fixtures.soleus.replacingOccurrences(
            of: "- Distal belly, above the heel -> the heel and the back of the heel",
            with: "- Deep fibres near the calcaneus -> the heel and the back of the heel\n  Id: distal-belly-above-the-heel"))
        let again = sandbox.run(["sync", "--db", sandbox.db, "--now", now, "deck"])
        #expect(again.stdout.contains("  restored  soleus/trigger-points/distal-belly-above-the-heel  back in deck/soleus.md:13\n"), "\(again.stdout)")
        #expect(again.stdout.contains("  retired   soleus/trigger-points/deep-fibres-near-the-calcaneus"))
        #expect(!again.stdout.contains("hint:"))
    }

    @Test func aDryRunWithLintErrorsIsRefusedLikeTheSync() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        sandbox.write("deck/soleus.md", Fixtures.soleus + "Q: A question\n")
        let refused = sandbox.run(["sync", "--dry-run", "--db", sandbox.db, "deck"])
        #expect(refused.exitCode == 1)
        #expect(refused.stdout.hasSuffix("1 error in 1 file.\nSync refused: fix the errors above; nothing was changed.\n"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    /// Issue 16: a school deck that describes the bundled soleus again is warned about
    /// (`shadowed-muscle`, naming both files), and was silently studied twice; with
    /// `Overrides: bundled` its file replaces the bundled one: no warning, one soleus in `cards`,
    /// the bundled card IDs, and the history studied under the bundled decks carries on.
    @Test func aSchoolMuscleBesideTheBundledOneWarnsOrOverridesItOnPurpose() throws {
        let sandbox = Sandbox()
        sandbox.write("school/soleus.md", Fixtures.soleus)
        let lint = sandbox.run(["lint", "bundled", "school"])
        #expect(lint.exitCode == 0)
        #expect(lint.stdout.contains("school/soleus.md:1:3: warning: 'Soleus' is also described in the bundled decks (Decks/leg-foot/soleus.md:1); both would be studied, as two muscles: add 'Overrides: bundled' to this file's header to replace the bundled one on purpose (its history carries over), or remove one of them [shadowed-muscle]\n"), "\(lint.stdout)")
        // The fixture's own reverse card (plantarflexion only) is ambiguous too: the gastrocnemius does it.
        #expect(lint.stdout.contains("\nschool/soleus.md:8:4: warning: the reverse card of 'Soleus' has more than one right answer: 'Gastrocnemius'"), "\(lint.stdout)")
        // Those two and nothing of the bundled decks.
        #expect(lint.stdout.contains("\n2 warnings in "), "\(lint.stdout)")

        let now = "2026-12-01T10:00:00Z"
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--now", now]).exitCode == 0)
        let studied = sandbox.run(["study", "--db", sandbox.db, "--muscle", "soleus", "--new", "2", "--now", now], stdin: "\n4\n\n4\n")
        #expect(studied.exitCode == 0, "\(studied.stderr)")
        let bundledIDs = Set(sandbox.run(["cards", "--format", "json", "--decks", "bundled"]).stdout.components(separatedBy: "\"id\" : \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("soleus/") })

        sandbox.write("school/soleus.md", Fixtures.soleus.replacingOccurrences(of: "Region:", with: "Overrides: bundled\nRegion:"))
        let quiet = sandbox.run(["lint", "bundled", "school"])
        #expect(!quiet.stdout.contains("shadowed-muscle"), "\(quiet.stdout)")
        let cards = sandbox.run(["cards", "--format", "json", "--decks", "bundled", "--decks", "school"]).stdout
        let soleusIDs = cards.components(separatedBy: "\"id\" : \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("soleus/") }
        #expect(!soleusIDs.isEmpty && Set(soleusIDs).count == soleusIDs.count, "the soleus is listed once: \(soleusIDs)")
        #expect(Set(soleusIDs).isSubset(of: bundledIDs) || !Set(soleusIDs).isDisjoint(with: bundledIDs), "the school's cards keep the bundled IDs")

        let before = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
        let dryRun = sandbox.run(["sync", "--dry-run", "--db", sandbox.db, "--decks", "bundled", "--decks", "school", "--now", now])
        #expect(dryRun.stdout.contains("\n  restore  soleus/origin  back in school/soleus.md:5\n"), "the dry run shows the move: \(dryRun.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.db)) == before)
        let sync = sandbox.run(["sync", "--db", sandbox.db, "--decks", "bundled", "--decks", "school", "--now", now])
        #expect(sync.exitCode == 0, "\(sync.stderr)")
        // The school's soleus takes over the bundled cards: the bundled deck lets them go, and
        // one the school's file shares comes back in it with its history (not added afresh; the
        // school's own items are added).
        #expect(sync.stdout.contains("  retired   soleus/origin  no longer in the deck (it was in Decks/leg-foot/soleus.md)\n"), "\(sync.stdout)")
        #expect(sync.stdout.contains("\n  restored  soleus/origin  back in school/soleus.md:5\n"), "\(sync.stdout)")
        #expect(!sync.stdout.contains("added     soleus/origin"), "\(sync.stdout)")
        let check = sandbox.run(["check", "--db", sandbox.db])
        #expect(check.exitCode == 0, "\(check.stdout)")
        let queue = try DatabaseQueue(path: sandbox.db)
        defer { try? queue.close() }
        let kept = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, count(r.id) AS reviews FROM muscle m JOIN deck d ON d.id = m.deck_id JOIN card c ON c.muscle_id = m.id
                LEFT JOIN review r ON r.card_id = c.id WHERE m.key = 'soleus' GROUP BY d.path
                """).map { "\(($0["path"] as String).hasSuffix("/school") ? "school" : $0["path"] as String) \($0["reviews"] as Int)" }
        }
        #expect(kept == ["school 2"])
    }
}
