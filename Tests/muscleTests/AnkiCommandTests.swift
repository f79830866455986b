import Foundation
import Testing
import TestSupport

@Suite struct AnkiCommandTests {
    @Test func exportWritesAPackageAndAnUnwritablePathIsExit73() throws {
        let sandbox = Sandbox()
        _ = sandbox.run(["sync", "--db", sandbox.db, "--now", "2026-12-01T10:00:00Z"])  // export never creates a database
        let done = sandbox.run(["export", "--db", sandbox.db, "--anki", sandbox.file("out.apkg"), "--muscle", "gastrocnemius", "--now", "2026-12-01T10:00:00Z"])
        #expect(done.exitCode == 0)
        #expect(done.stdout.hasPrefix("Wrote 34 notes in 1 deck to "), "\(done.stdout)")  // 30 of its file, 4 synergist and antagonist cards
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.file("out.apkg")))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip
        let missing = sandbox.run(["export", "--db", sandbox.db, "--anki", sandbox.file("no/such/out.apkg")])
        #expect(missing.exitCode == 73)
        #expect(missing.stderr.contains("does not exist"))
        let folder = sandbox.run(["export", "--db", sandbox.db, "--anki", sandbox.file("")])
        #expect(folder.exitCode == 73)
    }

    @Test func importWritesDeckFilesAndNeverOverwritesWithoutForce() {
        let sandbox = Sandbox()
        let export = sandbox.write("notes.txt", "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\nabc\tBasic\tAnki::Calf\tWhere is the <b>soleus</b>?\tDeep to the gastrocnemius <img src=\"a.png\">\n")
        let first = sandbox.run(["import", "anki", export, "--into", sandbox.file("deck")])
        #expect(first.exitCode == 0)
        #expect(first.stdout == "Imported 1 note as 1 card in 1 file under \(sandbox.file("deck"))\n  line 6 (abc): lost formatting\n  line 6 (abc): lost an image\n")
        let written = sandbox.file("deck/leg-foot/soleus.md")
        let text = (try? String(contentsOfFile: written, encoding: .utf8)) ?? ""
        #expect(text.contains("Q: Where is the soleus?\nA: Deep to the gastrocnemius\nId: abc\n"))
        #expect(sandbox.run(["lint", sandbox.file("deck")]).exitCode == 0)
        let again = sandbox.run(["import", "anki", export, "--into", sandbox.file("deck")])
        #expect(again.exitCode == 73)
        #expect(again.stderr.contains("--force"))
        #expect(sandbox.run(["import", "anki", export, "--into", sandbox.file("deck"), "--force"]).exitCode == 0)
        let bad = sandbox.write("bad.txt", "Front\tBack\n")
        let refused = sandbox.run(["import", "anki", bad, "--into", sandbox.file("other")])
        #expect(refused.exitCode == 65)
        #expect(refused.stderr.contains("line 1:"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("other")))
    }
}
