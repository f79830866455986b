import Foundation
import Testing

/// Every numeric value has a documented range (README, help) and is refused outside it with one
/// line and exit 64, before any file is touched: no value reaches arithmetic that can overflow.
@Suite struct ValueRangeTests {
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func valuesOutsideTheirRangeSayWhatTheyMustBe() {
        let sandbox = Sandbox()
        let cases: [(arguments: [String], environment: [String: String], message: String)] = [
            (["study", "--new", "-1"], [:], "--new '-1' is not a whole number from 0 to 9999"),
            (["study", "--new", "abc"], [:], "--new 'abc' is not a whole number from 0 to 9999"),
            (["study", "--new", "4611686018427387894"], [:], "--new '4611686018427387894' is not a whole number from 0 to 9999"),
            (["study", "--new", "10000"], [:], "--new '10000' is not a whole number from 0 to 9999"),
            (["study", "--new", "2.5"], [:], "--new '2.5' is not a whole number from 0 to 9999"),
            (["study", "--reviews", "-1"], [:], "--reviews '-1' is not a whole number from 0 to 100000"),
            (["study", "--reviews", "99999999999999999999999"], [:], "--reviews '99999999999999999999999' is not a whole number from 0 to 100000"),
            (["study", "--rollover", "-1"], [:], "--rollover '-1' is not an hour from 0 to 23"),
            (["report", "--rollover", "four"], [:], "--rollover 'four' is not an hour from 0 to 23"),
            (["stats"], ["MUSCLE_ROLLOVER": "-4"], "MUSCLE_ROLLOVER '-4' is not an hour from 0 to 23"),
            (["report", "--max-per-day", "0"], [:], "--max-per-day '0' is not a whole number from 1 to 100000"),
            (["report", "--max-per-day", "-7"], [:], "--max-per-day '-7' is not a whole number from 1 to 100000"),
            (["report", "--max-per-day", "4611686018427387894"], [:], "--max-per-day '4611686018427387894' is not a whole number from 1 to 100000"),
            (["check"], ["MUSCLE_BUSY_TIMEOUT_MS": "99999999999"], "MUSCLE_BUSY_TIMEOUT_MS '99999999999' is not a number of milliseconds from 0 to 600000"),
        ]
        let span = "is not a span from 1 day to 10 years; write it like 30d, 4w or 3m (at most 3650d, 521w or 121m)"
        let spans = ["-5d", "0d", "3651d", "522w", "122m", "4611686018427387894m", "30", "30y", ""].map {
            (arguments: ["report", "--since", $0], environment: [String: String](), message: "--since '\($0)' \(span)")
        } + [(arguments: ["stats", "--since", "-1w"], environment: [:], message: "--since '-1w' \(span)")]
        for (arguments, environment, message) in cases + spans {
            let result = sandbox.run(arguments + ["--db", "x.sqlite"], environment: environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 })
            #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
            #expect(!result.signalled)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "muscle: error: \(message)\n", "\(arguments)")
        }
        #expect(!exists(sandbox.file("x.sqlite")))
    }

    @Test func theEndsOfEachRangeAreAccepted() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let now = ["--now", "2026-12-01T10:00:00Z", "--db", sandbox.db, "--decks", "deck"]
        let study = sandbox.run(["study", "--new", "9999", "--reviews", "100000", "--rollover", "23"] + now, stdin: "q\n")
        #expect(study.exitCode == 0, "\(study.stderr)")
        #expect(study.stdout.hasPrefix("[due 0 · new 18 · re-drill 0]"))
        #expect(sandbox.run(["study", "--new", "0", "--reviews", "0", "--rollover", "0"] + now).stdout.hasPrefix("Nothing is due today."))
        for since in ["3650d", "521w", "121m", "1d"] {
            let report = sandbox.run(["report", "--since", since, "--max-per-day", "100000", "--format", "json"] + now)
            #expect(report.exitCode == 0, "\(since): \(report.stderr)")
            let stats = sandbox.run(["stats", "--since", since, "--format", "csv"] + now)
            #expect(stats.exitCode == 0, "\(since): \(stats.stderr)")
        }
        #expect(sandbox.run(["check", "--db", sandbox.db], environment: ["MUSCLE_BUSY_TIMEOUT_MS": "600000"]).exitCode == 0)
    }

    /// `--exam 9999-12-31` ran for 138 s and printed a 116 MB plan; an exam today or in the past
    /// has no days to plan.
    @Test func anExamMustBeAfterTodayAndWithinTwoYears() {
        let sandbox = Sandbox()
        Fixtures.deck(in: sandbox)
        let now = ["--now", "2026-12-01T10:00:00Z", "--db", sandbox.db, "--decks", "deck"]
        let cases = [
            ("9999-12-31", "--exam '9999-12-31' is more than 730 days (two years) after today (2026-12-01); give a nearer exam day, no later than 2028-11-30"),
            ("2028-12-01", "--exam '2028-12-01' is more than 730 days (two years) after today (2026-12-01); give a nearer exam day, no later than 2028-11-30"),
            ("2026-12-01", "--exam '2026-12-01' is not after today (2026-12-01); give the day of an exam still to come"),
            ("2026-11-30", "--exam '2026-11-30' is not after today (2026-12-01); give the day of an exam still to come"),
            ("0001-01-01", "--exam '0001-01-01' is not after today (2026-12-01); give the day of an exam still to come"),
        ]
        for (exam, message) in cases {
            let started = ContinuousClock.now
            let result = sandbox.run(["report", "--exam", exam] + now, timeout: .seconds(20))
            #expect(result.exitCode == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "muscle: error: \(message)\n")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
        #expect(!exists(sandbox.db), "refused before the database is created")
        #expect(sandbox.run(["sync"] + now).exitCode == 0)  // report never creates the database
        let farthest = sandbox.run(["report", "--exam", "2028-11-30", "--format", "json"] + now)
        #expect(farthest.exitCode == 0, "\(farthest.stderr)")
        #expect(farthest.stdout.contains("\"days_left\" : 730,"))
        #expect(sandbox.run(["report", "--exam", "2026-12-02"] + now).exitCode == 0)
    }

    /// `--now` is parsed strictly: no day that does not exist, no offset beyond ±14:00, no year
    /// outside 2000–2999 (years before 1583 and 0001-01-01T00:00Z were read wrong).
    @Test func nowIsParsedStrictly() {
        let sandbox = Sandbox()
        let cases = [
            ("2026-02-30T10:00:00Z", "names a day that does not exist"),
            ("2026-02-30", "names a day that does not exist"),
            ("2026-02-10T10:00:00+25:00", "has an offset from UTC beyond 14 hours; offsets run from -14:00 to +14:00"),
            ("2026-02-10T10:00:00-14:30", "has an offset from UTC beyond 14 hours; offsets run from -14:00 to +14:00"),
            ("2026-12-01T24:00:00Z", "names a time of day that does not exist (hours run 00-23, minutes and seconds 00-59)"),
            ("2026-12-01T10:60Z", "names a time of day that does not exist (hours run 00-23, minutes and seconds 00-59)"),
            ("0001-01-01T00:00:00Z", "is in the year 1; muscle supports the years 2000 to 2999"),
            ("1500-06-01T10:00:00Z", "is in the year 1500; muscle supports the years 2000 to 2999"),
            ("3000-01-01", "is in the year 3000; muscle supports the years 2000 to 2999"),
            ("2026-12-01T10:00:00Zjunk", "is not an ISO-8601 time; write it like 2026-12-01T10:00:00Z"),
            ("26-12-01", "is not an ISO-8601 time; write it like 2026-12-01T10:00:00Z"),
        ]
        for (text, reason) in cases {
            let flag = sandbox.run(["stats", "--now", text, "--db", "x.sqlite"])
            #expect(flag.exitCode == 64)
            #expect(flag.stderr == "muscle: error: --now '\(text)' \(reason)\n")
            let env = sandbox.run(["stats", "--db", "x.sqlite"], environment: ["MUSCLE_NOW": text])
            #expect(env.stderr == "muscle: error: MUSCLE_NOW '\(text)' \(reason)\n")
        }
        #expect(!exists(sandbox.file("x.sqlite")))
    }
}
