import Foundation
import Testing
import TestSupport

/// `muscle lint` and `muscle cards`, run as a user runs them, whole output compared.
@Suite struct LintAndCardsTests {
    @Test func aBrokenDeckGetsCompilerStyleFindingsAndExitCode1() {
        let sandbox = Sandbox()
        sandbox.write("deck/soleus.md", "# Soleus\nOrign: Tibia\n## Trigger points\n- Distal belly\n## Cards\nQ: Why?\n")
        let result = sandbox.run(["lint", "deck"])
        #expect(result.exitCode == 1)
        #expect(result.stdout == """
            deck/soleus.md:1:3: warning: 'Soleus' has no 'Region'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no 'Etymology'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no 'Origin'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no 'Insertion'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no 'Innervation'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no '## Actions'; a complete muscle has one [missing-field]
            deck/soleus.md:1:3: warning: 'Soleus' has no '## Exercises'; a complete muscle has one [missing-field]
            deck/soleus.md:2:1: error: unknown field 'Orign'; did you mean 'Origin'? [unknown-field]
            deck/soleus.md:4:3: error: a trigger point needs a referral: write 'where it is -> where the pain refers' [missing-referral]
            deck/soleus.md:6:4: error: 'Q:' has no 'A:'; add the answer on the next line [question-without-answer]
            3 errors and 7 warnings in 1 file.

            """)
        #expect(result.stderr.isEmpty)
    }

    @Test func aCleanDeckSaysSoAndExits0() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let result = sandbox.run(["lint", "deck"])
        #expect(result.stdout == "No problems in 2 files (18 cards).\n")
        #expect(result.stderr.isEmpty)
        #expect(result.exitCode == 0)
    }

    @Test func aSingleCleanFileSaysSoInTheSingular() {
        let sandbox = Sandbox()
        let file = sandbox.write("deck/soleus.md", Fixtures.soleus)
        let folder = sandbox.run(["lint", "deck"])
        #expect(folder.stdout == "No problems in 1 file (9 cards).\n")
        #expect(folder.exitCode == 0)
        let named = sandbox.run(["lint", file])
        #expect(named.stdout == "No problems in 1 file (9 cards).\n")
        #expect(named.exitCode == 0)
    }

    @Test func theBundledDecksAreClean() {
        let result = Sandbox().run(["lint"])
        #expect(result.exitCode == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("No problems in ") && lines[0].hasSuffix(" cards)."), "\(result.stdout)")
    }

    @Test func jsonFindingsHaveTheDocumentedFields() throws {
        let sandbox = Sandbox()
        sandbox.write("deck/x.md", "# X\nOrign: a\n")
        let result = sandbox.run(["lint", "--format", "json", "deck"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["diagnostics"] as? [[String: Any]])
        let error = try #require(findings.first { $0["severity"] as? String == "error" })
        #expect(error["rule"] as? String == "unknown-field")
        #expect(error["file"] as? String == "deck/x.md")
        #expect(error["line"] as? Int == 2 && error["column"] as? Int == 1)
        #expect(object["errors"] as? Int == 1)
        #expect(result.exitCode == 1)
    }

    /// On a terminal the findings are coloured, and the text read is exactly the piped text;
    /// piped, or with NO_COLOR, not one escape sequence.
    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let sandbox = Sandbox()
        sandbox.write("deck/x.md", "# X\nOrign: a\n")
        let piped = sandbox.run(["lint", "deck"])
        #expect(piped.exitCode == 1)
        #expect(piped.stdout.hasPrefix("deck/x.md:1:3: warning: 'X' has no 'Region'"))
        #expect(!ANSI.hasEscapes(piped.stdout + piped.stderr))
        let terminal = try sandbox.terminal(["lint", "deck"])
        #expect(terminal.waitForExit() == 1)
        #expect(ANSI.hasColour(terminal.raw), "\(terminal.raw)")
        #expect(terminal.text == piped.stdout)
        let plain = try sandbox.terminal(["lint", "deck"], environment: ["NO_COLOR": "1"])
        #expect(plain.waitForExit() == 1)
        #expect(!ANSI.hasEscapes(plain.raw), "\(plain.raw)")
        #expect(plain.text == piped.stdout)
    }

    @Test func cardsPipedAreOneTabSeparatedLineEach() {
        let sandbox = Sandbox()
        sandbox.write("deck/soleus.md", "# Soleus\nOrigin: Tibia\n## Actions\n- Plantarflexes the ankle\n- Steadies the leg\n")
        let result = sandbox.run(["cards", "deck"])
        #expect(result.stdout == """
            soleus/origin\torigin\tState the origin of the soleus.\tTibia
            soleus/actions\tactions\tList the actions of the soleus.\t• Plantarflexes the ankle / • Steadies the leg
            soleus/actions/reverse\tactions\tWhich muscle (or group) performs all of these actions? / • Plantarflexes the ankle / • Steadies the leg\tSoleus

            """)
        #expect(result.exitCode == 0)
    }

    @Test func cardsAsJSON() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let result = sandbox.run(["cards", "--format", "json", "deck"])
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(cards.count == 18)
        #expect(Set(cards[0].keys) == ["id", "muscle", "aspect", "region", "tags", "front", "back", "file", "line"])
        #expect(cards.contains { $0["id"] as? String == "soleus/trigger-points/distal-belly-above-the-heel" && $0["back"] as? String == "The heel and the back of the heel" })
    }

    @Test func cardsRefusesADeckWithErrors() {
        let sandbox = Sandbox()
        sandbox.write("deck/x.md", "# X\n## Cards\nQ: Why?\n")
        let result = sandbox.run(["cards", "deck"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("deck/x.md:3:4: error: 'Q:' has no 'A:'"))
    }
}
