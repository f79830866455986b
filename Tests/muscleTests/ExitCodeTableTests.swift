import Foundation
import GRDB
import Testing
import TestSupport

/// The README's exit-code table is what the binary does: each code in it is provoked here, and
/// the codes provoked are exactly the codes in the table.
@Suite(.serialized) struct ExitCodeTableTests {
    /// The rows `| 66 | … |` of the table under "Exit codes" in README.md.
    static func documentedCodes() throws -> Set<Int32> {
        let readme = try repositoryFile("README.md")
        let section = try #require(readme.range(of: "Exit codes")).upperBound
        var codes = Set<Int32>()
        for line in readme[section...].split(separator: "\n", omittingEmptySubsequences: false).drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = cells.first, let code = Int32(first) { codes.insert(code) }
        }
        return codes
    }

    @Test func everyDocumentedCodeIsWhatTheBinaryDoes() throws {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        sandbox.write("broken/x.md", "# X\nOrign: a\n")
        sandbox.write("notes.txt", "my revision notes\n")
        #expect(sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"]).exitCode == 0)
        var provoked: [Int32: String] = [:]
        func provoke(_ expected: Int32, _ what: String, _ result: ProcessResult) {
            #expect(result.exitCode == expected, "\(what): \(result.stderr)")
            #expect(result.exitCode == 0 || result.stderr.hasPrefix("muscle: error: ") || expected == 1, "\(what): \(result.stderr)")
            provoked[result.exitCode] = what
        }
        provoke(0, "lint of a good deck", sandbox.run(["lint", "deck"]))
        provoke(1, "lint of a broken deck", sandbox.run(["lint", "broken"]))
        provoke(64, "a value out of range", sandbox.run(["study", "--db", sandbox.db, "--new", "-1"]))
        provoke(65, "a text file as the database", sandbox.run(["check", "--db", sandbox.file("notes.txt")]))
        provoke(66, "no database at the path", sandbox.run(["check", "--db", sandbox.file("missing.sqlite")]))
        provoke(73, "--output a folder", sandbox.run(["stats", "--db", sandbox.db, "--decks", "deck", "--output", sandbox.home]))
        provoke(74, "standard output on a full disk",
                ProcessRunner.run("/bin/sh", ["-c", "exec \"$0\" cards --decks deck > /dev/full", MuscleBinary.muscle],
                                  environment: sandbox.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }, directory: sandbox.path))
        let holder = try DatabaseQueue(path: sandbox.db)
        let locked = try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            sandbox.write("deck/soleus.md", Fixtures.soleus.replacingOccurrences(of: "Seated calf raises", with: "Seated calf raises, slowly"))
            return sandbox.run(["sync", "--db", sandbox.db, "--decks", "deck"], environment: ["MUSCLE_BUSY_TIMEOUT_MS": "200"])
        }
        try holder.close()
        provoke(75, "a database locked past the busy timeout", locked)
        let documented = try Self.documentedCodes()
        #expect(Set(provoked.keys) == documented, "provoked \(provoked.keys.sorted()), the README documents \(documented.sorted())")
    }
}
