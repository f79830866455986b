import GRDB
import SM2

/// The size of a collection in a few numbers: what the benchmark prints beside its timings.
public struct CollectionShape: Sendable, Equatable {
    public var cards: Int
    public var reviews: Int
    /// Active cards due on the day asked about (overdue included).
    public var due: Int
}

extension AppDatabase {
    public func shape(today: Day) throws(StoreError) -> CollectionShape {
        try read { db in
            CollectionShape(
                cards: try Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE retired_at IS NULL") ?? 0,
                reviews: try Int.fetchOne(db, sql: "SELECT count(*) FROM review") ?? 0,
                due: try Int.fetchOne(db, literal: "SELECT count(*) FROM card_state WHERE active = 1 AND due_day <= \(today.number)") ?? 0)
        }
    }

    /// Moves the write-ahead log into the database file and empties it, so the file's size is the
    /// collection's size.
    public func checkpoint() throws(StoreError) {
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }
}
