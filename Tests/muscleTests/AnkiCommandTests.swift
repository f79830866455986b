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

    /// `import anki` writes deck files under --into: its failures name --into and the deck file,
    /// not export's "--anki" and "package" (the messages it shared with export until now).
    @Test func importFailuresNameTheDeckFileAndInto() throws {
        let sandbox = Sandbox()
        let export = sandbox.write("notes.txt", "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\nabc\tBasic\tAnki::Calf\tWhere is the soleus?\tDeep to the gastrocnemius\n")
        let notAFolder = sandbox.write("deck.txt", "not a folder\n")
        let into = sandbox.run(["import", "anki", export, "--into", notAFolder])
        #expect(into.exitCode == 73)
        #expect(into.stderr == "muscle: error: '\(notAFolder)' is not a folder, and import anki writes '\(notAFolder)/leg-foot/soleus.md' under it; move it aside or give --into another folder\n")
        try FileManager.default.createDirectory(atPath: sandbox.file("deck/leg-foot/soleus.md"), withIntermediateDirectories: true)
        let folder = sandbox.run(["import", "anki", export, "--into", sandbox.file("deck"), "--force"])
        #expect(folder.exitCode == 73)
        #expect(folder.stderr == "muscle: error: '\(sandbox.file("deck/leg-foot/soleus.md"))' is a folder, and import anki writes a deck file there; move it aside or give --into another folder\n")
        let shim = try FullDiskShim.build(into: sandbox)
        let full = sandbox.run(["import", "anki", export, "--into", sandbox.file("new")], environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "0"])
        #expect(full.exitCode == 74)
        #expect(full.stderr == "muscle: error: the disk holding '\(sandbox.file("new/leg-foot/soleus.md"))' is full; the deck file was not written. Free some space and try again.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("new/leg-foot/soleus.md")))
    }
}
