import Foundation
import Testing
import TestSupport

/// `muscle share` and `muscle class` through the binary: five students study (piped, with --now),
/// each shares, and the instructor merges the folder, with a corrupt and a future-version share in it.
@Suite struct ClassCommandTests {
    static let golden = GoldenFiles("Tests/muscleTests/Golden")

    func classroom() -> Sandbox {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        try? FileManager.default.createDirectory(atPath: sandbox.file("shares"), withIntermediateDirectories: true)
        // Student i grades every card 5, except that the first i answers of each day are 1s.
        for student in 0..<5 {
            let db = sandbox.file("student-\(student).sqlite")
            for day in ["01", "02", "03", "04", "05", "06"] {
                var input = ""
                for answer in 0..<12 { input += "\n" + (answer < student ? "1" : "5") + "\n" }
                let study = sandbox.run(["study", "--db", db, "--decks", "deck", "--now", "2026-11-\(day)T10:00:00Z", "--new", "12"], stdin: input)
                #expect(study.exitCode == 0, "\(study.stderr)")
            }
            var share = ["share", "--db", db, "--decks", "deck", "--now", "2026-11-06T18:00:00Z", "--output", "shares/s\(student).json", "--exam", "2026-12-01"]
            if student < 2 { share += ["--label", ["Ana", "Ben"][student]] }
            let result = sandbox.run(share)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        _ = sandbox.write("shares/broken.json", "{\"schema\": 1, \"kind\": \"muscle-")
        _ = sandbox.write("shares/next-year.json", "{\"schema\": 2, \"kind\": \"muscle-share\"}")
        return sandbox
    }

    @Test func fiveStudentsShareAndTheInstructorMergesThem() throws {
        let sandbox = classroom()
        let printed = sandbox.run(["share", "--db", sandbox.file("student-0.sqlite"), "--decks", "deck", "--now", "2026-11-06T18:00:00Z",
                                   "--exam", "2026-12-01", "--label", "Ana", "--print"])
        #expect(printed.exitCode == 0)
        #expect(printed.stdout == (try String(contentsOfFile: sandbox.file("shares/s0.json"), encoding: .utf8)), "--print shows what the file holds")
        for text in [printed.stdout] {
            #expect(!text.contains(sandbox.path) && !text.contains(".sqlite") && !text.contains("Soleal line") && !text.contains("T18:"))
        }

        let table = sandbox.run(["class", "shares", "--decks", "deck"])
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stderr == """
            muscle: warning: shares/broken.json is not valid JSON (\(table.stderr.components(separatedBy: "(")[1].components(separatedBy: ")")[0])); skipped
            muscle: warning: shares/next-year.json is a share of schema 2, newer than this muscle reads (1); update muscle to merge it; skipped

            """)
        Self.golden.expectMatch(table.stdout, "class.table")
        #expect(table.stdout.contains("5 shares used, 2 skipped"))

        let json = sandbox.run(["class", "shares", "--decks", "deck", "--format", "json", "--output", "class.json"])
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sandbox.file("class.json")))) as? [String: Any])
        #expect(object["shares_used"] as? Int == 5)
        let cards = try #require(object["cards"] as? [[String: Any]])
        #expect(cards.allSatisfy { ($0["source"] as? String)?.contains(".md:") == true }, "known cards show their file:line")

        // A group of six: only counts.
        let small = sandbox.run(["class", "shares", "--decks", "deck", "--min-group", "6"])
        #expect(small.exitCode == 0)
        #expect(small.stdout.contains("5 shares used: fewer than --min-group 6"))
        #expect(!small.stdout.contains("Soleus") && !small.stdout.contains("Ana"))
    }

    @Test func badArgumentsAndNoValidShare() throws {
        let sandbox = Sandbox()
        _ = sandbox.write("bad.json", "not json")
        let none = sandbox.run(["class", "bad.json"])
        #expect(none.exitCode == 65)
        #expect(none.stderr.hasSuffix("muscle: error: none of the 1 file given is a valid share; nothing to merge\n"))
        #expect(sandbox.run(["class", "missing.json"]).exitCode == 66)
        let range = sandbox.run(["class", "bad.json", "--min-group", "0"])
        #expect(range.exitCode == 64)
        #expect(range.stderr == "muscle: error: --min-group '0' is not a whole number from 1 to 1000\n")
        #expect(sandbox.run(["share"]).exitCode == 64)
        #expect(sandbox.run(["share", "--print", "--label", String(repeating: "x", count: 41)]).exitCode == 64)
    }
}
