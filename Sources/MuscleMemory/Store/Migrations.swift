import GRDB

/// The migrations in `Schema/` (compiled in), applied in file-name order. Each file's name without
/// `.sql` is its identifier, recorded by GRDB in `grdb_migrations`, and the number of migrations
/// applied is mirrored in `PRAGMA user_version` for tools that read that.
enum Migrations {
    static var files: [(identifier: String, sql: String)] {
        Bundled.schemaFiles
            .filter { $0.path.hasSuffix(".sql") && !$0.path.contains("/") }
            .sorted { $0.path < $1.path }
            .map { (String($0.path.dropLast(4)), $0.text) }
    }

    static var identifiers: [String] { files.map(\.identifier) }

    static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, file) in files.enumerated() {
            migrator.registerMigration(file.identifier) { db in
                try db.execute(sql: file.sql)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")  // ok: an integer literal, not input
            }
            if file.identifier == last { break }
        }
        return migrator
    }
}
