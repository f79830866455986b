import ArgumentParser
import Foundation
import MuscleMemory

/// The options every command takes, with the same names, environment variables and defaults.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file. Env: MUSCLE_DB. Default: $XDG_DATA_HOME/muscle-memory/muscle.sqlite.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A deck folder; repeat for several. 'bundled' names the built-in decks. Env: MUSCLE_DECKS (colon-separated). Default: bundled.", valueName: "dir"))
    var decks: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The hour (0-23) at which a new study day starts. Env: MUSCLE_ROLLOVER. Default: 4.", valueName: "hour"))
    var rollover: String?

    @Option(name: .long, help: .private)
    var now: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    static let busyTimeoutRange = 0...600_000

    mutating func validate() throws {
        _ = try resolvedNow()
        _ = try resolvedRollover()
    }

    /// `--decks`, else `MUSCLE_DECKS`, else the bundled decks.
    var deckLocations: [DeckLocation] {
        if !decks.isEmpty { return decks.map(DeckLocation.init(argument:)) }
        if let value = environment["MUSCLE_DECKS"], !value.isEmpty {
            let parts = value.split(separator: ":").map(String.init).filter { !$0.isEmpty }
            if !parts.isEmpty { return parts.map(DeckLocation.init(argument:)) }
        }
        return [.bundled]
    }

    /// `--now`, else `MUSCLE_NOW`, else the clock: the one place the program reads the time.
    func resolvedNow() throws -> Date {
        let (text, source) = now.map { ($0, "--now") } ?? environment["MUSCLE_NOW"].map { ($0, "MUSCLE_NOW") } ?? (nil, "")
        guard let text else { return Date() }
        switch ISOTime.parse(text) {
        case .success(let date): return date
        case .failure(let invalid): throw ValidationError("\(source) '\(text)' \(invalid.reason)")
        }
    }

    /// `--db`, else `MUSCLE_DB`, else the XDG data directory.
    func databasePath() throws -> String {
        if let db {
            if db.isEmpty { throw ValidationError("--db '' is empty; give the path of the database file, or leave --db out for the default") }
            return db
        }
        if let env = environment["MUSCLE_DB"], !env.isEmpty { return env }
        guard let path = DatabaseLocation.defaultPath(environment: environment) else {
            throw CommandFailure("cannot tell where to keep the database: neither HOME nor XDG_DATA_HOME is set; use --db PATH")
        }
        return path
    }

    /// Opens (creating and migrating as needed) the database.
    /// `MUSCLE_BUSY_TIMEOUT_MS` (default 5,000; at most 600,000, ten minutes) bounds the wait for
    /// another program's write.
    /// Only `study` and `sync` pass `create: true`; they say so when they made the file.
    func openDatabase(now: Date, pageCacheMiB: Int? = nil, create: Bool = false) throws -> AppDatabase {
        var options = AppDatabase.Options(pageCacheMiB: pageCacheMiB)
        if let text = environment["MUSCLE_BUSY_TIMEOUT_MS"] {
            let ms = try WholeNumber(name: "MUSCLE_BUSY_TIMEOUT_MS", range: Self.busyTimeoutRange, noun: "a number of milliseconds").parse(text)
            options.busyTimeout = Double(ms) / 1000
        }
        let database = try AppDatabase.open(path: databasePath(), now: now, options: options, create: create)
        if database.wasCreated { Output.note("created a new database at '\(database.path)'") }
        return database
    }

    func calendar() throws -> StudyCalendar {
        StudyCalendar(rolloverHour: try resolvedRollover())
    }

    func resolvedRollover() throws -> Int {
        let (value, source): (String?, String) = rollover.map { ($0, "--rollover") } ?? (environment["MUSCLE_ROLLOVER"], "MUSCLE_ROLLOVER")
        guard let value else { return StudyCalendar.defaultRolloverHour }
        return try WholeNumber(name: source, range: 0...23, noun: "an hour").parse(value)
    }
}
