import Foundation
import GRDB
import SM2
@testable import MuscleMemory
import TestSupport

/// A fixed clock for tests: 2026-12-01 10:00 UTC, and the study calendar in UTC.
let testNow = Date(timeIntervalSince1970: 1_796_119_200)
let utcCalendar = StudyCalendar(rolloverHour: 4, timeZone: TimeZone(identifier: "UTC") ?? .current)
let testDay = utcCalendar.day(at: testNow)

/// A database of its own in a temporary folder (or in memory), with a folder for its decks.
struct TestStore {
    let folder = TemporaryDirectory("store")
    let database: AppDatabase

    init(_ label: String = "db") throws {
        database = try AppDatabase.open(path: folder.file("\(label).sqlite"), now: testNow)
    }

    /// An in-memory database, configured and migrated as a file is: for tests that need no file.
    static func inMemory() throws -> TestStore {
        try TestStore(database: AppDatabase(writer: DatabaseQueue(configuration: AppDatabase.configuration())))
    }

    private init(database: AppDatabase) {
        self.database = database
    }

    var path: String { database.path }

    /// Writes a one-file deck and returns its location.
    func deck(_ text: String, file: String = "muscle.md", folder name: String = "deck") -> DeckLocation {
        folder.write("\(name)/\(file)", text)
        return .path(folder.file(name))
    }

    /// The database row of the card with this ID, if it has one.
    func rowID(of id: CardID) throws -> Int64? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT c.id FROM card c JOIN muscle m ON m.id = c.muscle_id WHERE m.key || '/' || c.item = ?", arguments: [id.rawValue])
        }
    }

    func count(_ sql: String) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}

func days(_ n: Int) -> TimeInterval { Double(n) * 86_400 }

/// A fingerprint of the file's bytes (and whether it exists), to show it was "left as it was".
func fingerprint(of path: String) -> String {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { return "missing" }
    var hash = ContentHash()
    hash.add(data)
    return "\(data.count) bytes, \(hash.hex)"
}
