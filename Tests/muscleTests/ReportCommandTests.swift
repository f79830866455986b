import Foundation
import Testing
import TestSupport

/// `muscle report`, `muscle stats` and `muscle backup` through the real binary: their options,
/// their errors and exit codes, and every format against a golden file
/// (`MUSCLE_RECORD_GOLDEN=1 swift test --filter ReportCommandTests` records them, and fails).
@Suite struct ReportCommandTests {
    static let golden = GoldenFiles("Tests/muscleTests/Golden")

    /// Three days of study of the two-muscle deck: new cards, then the reviews they fall due for,
    /// some failed. Every answer is written through `muscle study` with `--now`.
    static func studied() -> Sandbox {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let days = [("01", "\n5\n\n2\n\n4\n\n1\n\n5\n\n3\n"), ("02", "\n4\n\n1\n\n5\n\n0\n\n4\n\n2\n\n4\n"), ("03", "\n5\n\n3\n\n1\n\n4\n\n4\n")]
        for (day, input) in days {
            let result = sandbox.run(["study", "--db", sandbox.db, "--decks", "deck", "--now", "2026-12-\(day)T10:00:00Z", "--new", "6"], stdin: input)
            #expect(result.exitCode == 0, "\(result.stderr)")
        }
        return sandbox
    }

    static let now = ["--db", "muscle.sqlite", "--decks", "deck", "--now", "2026-12-03T18:00:00Z"]

    @Test(arguments: ["table", "markdown", "csv", "json", "html"])
    func reportFormats(_ format: String) {
        let sandbox = Self.studied()
        let result = sandbox.run(["report", "--format", format, "--exam", "2026-12-20", "--max-per-day", "40"] + Self.now)
        #expect(result.exitCode == 0 && result.stderr.isEmpty, "\(result.stderr)")
        Self.golden.expectMatch(result.stdout, "report.\(format)")
    }

    @Test(arguments: ["table", "markdown", "csv", "json", "html"])
    func statsFormats(_ format: String) {
        let sandbox = Self.studied()
        let result = sandbox.run(["stats", "--format", format, "--since", "1w"] + Self.now)
        #expect(result.exitCode == 0 && result.stderr.isEmpty, "\(result.stderr)")
        Self.golden.expectMatch(result.stdout, "stats.\(format)")
    }

    /// `--since` sets the window in days, weeks or months of 30 days; anything else is one usage line.
    @Test func sinceIsASpan() {
        let sandbox = Self.studied()
        let week = sandbox.run(["stats", "--since", "1w"] + Self.now)
        #expect(week.stdout.contains("Answers per day, last 7 days"))
        #expect(sandbox.run(["stats", "--since", "7d"] + Self.now).stdout == week.stdout)
        #expect(sandbox.run(["report", "--since", "2m"] + Self.now).stdout.contains("window: the last 60 days"))
        for bad in ["30", "0d", "3y", "1.5w", "lots"] {
            for command in ["report", "stats"] {
                let result = sandbox.run([command, "--since", bad] + Self.now)
                #expect(result.exitCode == 64, "\(command) --since \(bad)")
                #expect(result.stderr == "muscle: error: --since '\(bad)' is not a span from 1 day to 10 years; write it like 30d, 4w or 3m (at most 3650d, 521w or 121m)\n", "\(command) --since \(bad)")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    @Test func examIsADateAndThePlanSaysWhenItDoesNotFit() {
        let sandbox = Self.studied()
        for bad in ["tomorrow", "2026-13-01", "2026-02-30", "20261220"] {
            let result = sandbox.run(["report", "--exam", bad] + Self.now)
            #expect(result.exitCode == 64)
            #expect(result.stderr == "muscle: error: --exam '\(bad)' is not a date; write it like 2027-05-14\n")
        }
        // Issue 15: an exam day that is not after today is refused before anything is read.
        let past = sandbox.run(["report", "--exam", "2026-12-01"] + Self.now)
        #expect(past.exitCode == 64)
        #expect(past.stdout.isEmpty && past.stderr.contains("2026-12-01"))
        let tight = sandbox.run(["report", "--exam", "2026-12-05", "--max-per-day", "1"] + Self.now)
        #expect(tight.stdout.contains("The plan does not fit"))
        #expect(sandbox.run(["report", "--max-per-day", "0"] + Self.now).stderr == "muscle: error: --max-per-day '0' is not a whole number from 1 to 100000\n")
    }

    /// `--output` writes the file whole and prints nothing; a file that cannot be written is one
    /// line and exit code 73 (EX_CANTCREAT), with nothing left behind.
    @Test func outputGoesToAFileOrFailsWithExitCode73() throws {
        let sandbox = Self.studied()
        let report = sandbox.run(["report", "--format", "html", "--output", "report.html"] + Self.now)
        #expect(report.exitCode == 0 && report.stdout.isEmpty && report.stderr.isEmpty)
        let written = try String(contentsOfFile: sandbox.file("report.html"), encoding: .utf8)
        #expect(written == sandbox.run(["report", "--format", "html"] + Self.now).stdout)
        let stats = sandbox.run(["stats", "--format", "csv", "--output", "stats.csv"] + Self.now)
        #expect(stats.exitCode == 0 && stats.stdout.isEmpty)
        #expect(try String(contentsOfFile: sandbox.file("stats.csv"), encoding: .utf8).hasPrefix("section,label,value\r\n"))

        for command in ["report", "stats"] {
            let missing = sandbox.run([command, "--output", "no/such/folder/out.txt"] + Self.now)
            #expect(missing.exitCode == 73, "\(command): \(missing.stderr)")
            #expect(missing.stderr.hasPrefix("muscle: error: cannot write 'no/such/folder/out.txt': "), "\(missing.stderr)")
            #expect(missing.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: sandbox.file("no")))
        }
        let folder = sandbox.run(["report", "--output", "deck"] + Self.now)
        #expect(folder.exitCode == 73 && folder.stderr == "muscle: error: 'deck' is a folder; give --output the path of a file to write, such as 'deck/report.txt'\n", "\(folder.stderr)")
        #expect(sandbox.run(["report", "--format", "pdf"] + Self.now).exitCode == 64)
    }

    /// Piped, the table has no colour and is laid out for 160 columns; written to a file, neither
    /// NO_COLOR nor a terminal changes it.
    @Test func theTableIsPlainWhenPipedOrWritten() throws {
        let sandbox = Self.studied()
        let piped = sandbox.run(["report"] + Self.now)
        #expect(!ANSI.hasColour(piped.stdout))
        #expect(sandbox.run(["report", "--no-color"] + Self.now).stdout == piped.stdout)
        #expect(sandbox.run(["report", "--output", "r.txt"] + Self.now, environment: ["COLUMNS": "50"]).exitCode == 0)
        #expect(try String(contentsOfFile: sandbox.file("r.txt"), encoding: .utf8) == piped.stdout)
    }

    /// A backup is a sound copy of the database, by default under backups/ named by the time;
    /// one that would overwrite a file is refused with exit code 73.
    @Test func backupWritesASoundCopyAndNeverOverwrites() throws {
        let sandbox = Self.studied()
        let automatic = sandbox.run(["backup", "--db", sandbox.db, "--now", "2026-12-03T18:30:00Z"])
        let expected = sandbox.file("backups/muscle-20261203-183000.sqlite")
        #expect(automatic.exitCode == 0 && automatic.stderr.isEmpty)
        #expect(automatic.stdout == "Backed up \(sandbox.db) to \(expected)\n")
        let check = sandbox.run(["check", "--db", expected])
        #expect(check.exitCode == 0 && check.stdout.contains("(18 cards, 18 reviews;"), "\(check.stdout)")

        let named = sandbox.run(["backup", "--db", sandbox.db, "copies/before-exam.sqlite"])
        #expect(named.exitCode == 0)
        #expect(sandbox.run(["stats", "--db", "copies/before-exam.sqlite", "--decks", "deck", "--now", "2026-12-03T18:00:00Z"]).stdout
            == sandbox.run(["stats"] + Self.now).stdout)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.file("copies/before-exam.sqlite")))
        let again = sandbox.run(["backup", "--db", sandbox.db, "copies/before-exam.sqlite"])
        #expect(again.exitCode == 73)
        #expect(again.stderr == "muscle: error: 'copies/before-exam.sqlite' already exists; choose another backup file name.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.file("copies/before-exam.sqlite"))) == bytes)
        let clash = sandbox.run(["backup", "--db", sandbox.db, "--now", "2026-12-03T18:30:00Z"])
        #expect(clash.exitCode == 73 && clash.stderr == "muscle: error: '\(expected)' already exists; choose another backup file name.\n")
        // No database at the path: backup creates none (a mistyped --db must not look like lost progress).
        let empty = sandbox.run(["backup", "--db", sandbox.file("none.sqlite"), "none-copy.sqlite"])
        #expect(empty.exitCode == 66, "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.file("none.sqlite")) && !FileManager.default.fileExists(atPath: sandbox.file("none-copy.sqlite")))
    }
}
