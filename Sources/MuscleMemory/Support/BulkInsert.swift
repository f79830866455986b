import GRDB
import GRDBSQLite

/// One INSERT run for many rows with each value bound straight to SQLite: no argument array and
/// no `DatabaseValue` per value (the Anki export writes 1.5 million rows through it, a fresh sync
/// two per card). Bind the row's parameters, numbered from 1 or by name (`:muscle`), then
/// `insert()`.
struct BulkInsert {
    private let statement: Statement
    private let raw: OpaquePointer
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        raw = statement.sqliteStatement
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(raw, index, value)
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(raw, index, Int64(value))
    }

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns. An empty text is
            // bound as "" (a nil pointer would bind NULL).
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(raw, index, "", 0, nil)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(raw, index, chars, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
    }

    /// The number of the parameter `name` (`:muscle`); 0, which binds nothing, for a name the
    /// statement does not have.
    func index(_ name: String) -> Int32 {
        sqlite3_bind_parameter_index(raw, name)
    }

    func bind(_ name: String, _ value: Int64) { bind(index(name), value) }
    func bind(_ name: String, _ value: Int) { bind(index(name), value) }
    func bind(_ name: String, _ text: String) { bind(index(name), text) }

    /// Inserts the bound row.
    func insert() throws {
        let code = sqlite3_step(raw)
        sqlite3_reset(raw)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}
