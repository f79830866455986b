import GRDB

/// The migrations in `Schema/` (compiled in), applied in file-name order. Each file's name without
/// `.sql` is its identifier, recorded by GRDB in `grdb_migrations`, and the number of migrations
/// applied is mirrored in `PRAGMA user_version` for tools that read that. Numbers are reserved for
/// work in progress, so a migration may land after a higher-numbered one an existing database has
/// already applied (GRDB runs every registered migration not yet applied, in file order): the
/// version is the count applied, not the file's place.
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
        for file in files {
            migrator.registerMigration(file.identifier) { db in
                try db.execute(sql: file.sql)
                // This migration is recorded in grdb_migrations after it runs: one more than those there.
                let applied = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0
                try db.execute(sql: "PRAGMA user_version = \(applied + 1)")  // ok: an integer, not input
            }
            if file.identifier == last { break }
        }
        return migrator
    }
}
