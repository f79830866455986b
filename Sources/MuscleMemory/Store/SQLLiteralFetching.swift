import GRDB

// Fetching from an SQL literal (`"... WHERE id IN \(ids)"`, every value bound), as GRDB's
// `execute(literal:)` does for writes: short for `SQLRequest<T>(literal:)`, so that no read in
// Store/ builds `?` lists or positional argument arrays by hand.

extension Row {
    static func fetchCursor(_ db: Database, literal sql: SQL) throws -> RowCursor {
        try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
    }

    /// A cursor over the rows and the positions of their columns by name (`ColumnPositions`).
    static func fetchCursorAndColumns(_ db: Database, literal sql: SQL) throws -> (rows: RowCursor, column: ColumnPositions) {
        let prepared = try SQLRequest<Row>(literal: sql).makePreparedRequest(db)  // its values bound
        return (try Row.fetchCursor(prepared.statement), ColumnPositions(prepared.statement))
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

/// A statement's columns by name, looked up once: a loop over many rows (the Anki export's
/// 100,000 cards) reads each value at its position, as cheap as a positional read, while the
/// code still names the column it means, so reordering the SELECT cannot shift a value.
struct ColumnPositions {
    private let positions: [String: Int]

    init(_ statement: Statement) {
        positions = Dictionary(statement.columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func callAsFunction(_ name: String) throws -> Int {
        guard let position = positions[name] else { throw DatabaseError(message: "the query has no column '\(name)'") }
        return position
    }
}
