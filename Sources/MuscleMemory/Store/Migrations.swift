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
                // The number applied, this one included (GRDB records it after this closure): a
                // reserved number filled in later (0007 after 0011) runs last, not in its place.
                let applied = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? index
                try db.execute(sql: "PRAGMA user_version = \(applied + 1)")  // ok: an integer, not input
            }
            if file.identifier == last { break }
        }
        return migrator
    }
}
