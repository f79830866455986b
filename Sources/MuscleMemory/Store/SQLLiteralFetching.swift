import GRDB

// Fetching from an SQL literal (`"... WHERE id IN \(ids)"`, every value bound), as GRDB's
// `execute(literal:)` does for writes: short for `SQLRequest<T>(literal:)`, so that no read in
// Store/ builds `?` lists or positional argument arrays by hand.

extension Row {
    static func fetchCursor(_ db: Database, literal sql: SQL) throws -> RowCursor {
        try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
    }

    static func fetchAll(_ db: Database, literal sql: SQL) throws -> [Row] {
        try Row.fetchAll(db, SQLRequest<Row>(literal: sql))
    }

    static func fetchOne(_ db: Database, literal sql: SQL) throws -> Row? {
        try Row.fetchOne(db, SQLRequest<Row>(literal: sql))
    }
}

extension FetchableRecord {
    static func fetchAll(_ db: Database, literal sql: SQL) throws -> [Self] {
        try SQLRequest<Self>(literal: sql).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal sql: SQL) throws -> Self? {
        try SQLRequest<Self>(literal: sql).fetchOne(db)
    }
}

extension DatabaseValueConvertible {
    static func fetchAll(_ db: Database, literal sql: SQL) throws -> [Self] {
        try SQLRequest<Self>(literal: sql).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal sql: SQL) throws -> Self? {
        try SQLRequest<Self>(literal: sql).fetchOne(db)
    }
}
