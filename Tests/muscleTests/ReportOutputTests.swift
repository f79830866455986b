#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// `report --output FILE`: the file is written whole or not at all, and each way it can fail is
/// one sentence naming the cause, with its documented exit code.
@Suite struct ReportOutputTests {
    func prepared() -> (Sandbox, [String]) {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let common = ["--db", sandbox.db, "--decks", "deck", "--now", "2026-12-01T10:00:00Z"]
        #expect(sandbox.run(["sync"] + common).exitCode == 0)
        return (sandbox, common)
    }

    func leftovers(_ sandbox: Sandbox) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sandbox.path)) ?? []).filter { $0.contains(".partial-") }
    }

    /// A full disk (ENOSPC from the shim) was exit 73 and NSCocoa's words; it is exit 74, names the
    /// full disk, and the earlier report is left whole.
    @Test func aFullDiskIsExit74AndLeavesTheEarlierFileWhole() throws {
        let (sandbox, common) = prepared()
        let shim = try FullDiskShim.build(into: sandbox)
        let path = sandbox.write("report.html", "<p>last week's report</p>\n")
        let result = sandbox.run(["report", "--format", "html", "--output", "report.html"] + common,
                                 environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "2000"])
        #expect(result.exitCode == 74)
        #expect(result.stderr == "muscle: error: the disk holding 'report.html' is full; the report was not written; the earlier 'report.html' is unchanged. Free some space and try again.\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>last week's report</p>\n")
        #expect(leftovers(sandbox).isEmpty)

        let fresh = sandbox.run(["report", "--output", "new.md", "--format", "markdown"] + common,
                                environment: ["LD_PRELOAD": shim, "FULL_DISK_AFTER_BYTES": "0"])
        #expect(fresh.exitCode == 74)
        #expect(fresh.stderr == "muscle: error: the disk holding 'new.md' is full; the report was not written. Free some space and try again.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("new.md")))
        #expect(leftovers(sandbox).isEmpty)
    }

    @Test func aFolderOrADeviceIsNotAnOutputFile() throws {
        let (sandbox, common) = prepared()
        try FileManager.default.createDirectory(atPath: sandbox.file("reports"), withIntermediateDirectories: true)
        let folder = sandbox.run(["report", "--format", "html", "--output", "reports"] + common)
        #expect(folder.exitCode == 73)
        #expect(folder.stderr == "muscle: error: 'reports' is a folder; give --output the path of a file to write, such as 'reports/report.html'\n")
        // A link to the device, not the device itself: a program that renames its output into
        // place (as Foundation's atomic write did) would replace /dev/null for the whole machine.
        try FileManager.default.createSymbolicLink(atPath: sandbox.file("null"), withDestinationPath: "/dev/null")
        let device = sandbox.run(["stats", "--output", "null"] + common)
        #expect(device.exitCode == 73)
        #expect(device.stderr == "muscle: error: 'null' is a character device, not a regular file, and --output writes a whole file; leave --output out to write to standard output\n")
        #expect(mkfifo(sandbox.file("pipe"), 0o644) == 0)
        let fifo = sandbox.run(["report", "--output", "pipe"] + common, timeout: .seconds(20))
        #expect(fifo.exitCode == 73)
        #expect(fifo.stderr == "muscle: error: 'pipe' is a FIFO (named pipe), not a regular file, and --output writes a whole file; leave --output out to write to standard output\n")
        let missing = sandbox.run(["report", "--output", "no/such/folder/report.md"] + common)
        #expect(missing.exitCode == 73)
        #expect(missing.stderr == "muscle: error: cannot write 'no/such/folder/report.md': the folder 'no/such/folder' does not exist\n")
    }

    @Test func aWrittenReportIsWholeAndKeepsItsPermissions() throws {
        let (sandbox, common) = prepared()
        let path = sandbox.write("report.json", "{}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let written = sandbox.run(["report", "--format", "json", "--output", "report.json"] + common)
        #expect(written.exitCode == 0)
        #expect(written.stdout.isEmpty)
        let piped = sandbox.run(["report", "--format", "json"] + common)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == piped.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(leftovers(sandbox).isEmpty)
    }
}
