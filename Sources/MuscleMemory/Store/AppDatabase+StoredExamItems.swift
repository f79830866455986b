import GRDB

/// What the stored exam items were generated from: when it is what the decks would generate
/// from now, `muscle exam` draws from the stored items instead of compiling the decks and
/// generating every item again (seconds over the bundled curriculum).
public struct ExamItemSource: Sendable, Equatable {
    /// Of the decks' files and of the program that generated the items (`ExamItemFingerprint`).
    public var fingerprint: String
    /// What the generation warned about the decks (their lint errors), shown again with the stored items.
    public var warning: String?

    public init(fingerprint: String, warning: String?) {
        self.fingerprint = fingerprint
        self.warning = warning
    }
}

/// One stored item as `syncExamItems` compares it.
struct StoredExamItem {
    var hash: String
    var retired: Bool
    var position: Int?
    var muscleName: String
}

/// The fingerprint of what exam items are generated from: every deck (where it is and its
/// files' content hash) and the program (its build: another one may generate other items).
public enum ExamItemFingerprint {
    public static func of(decks: [(location: DeckLocation, contentHash: String)], program: String) -> String {
        var hash = ContentHash()
        hash.add("exam items 1")
        hash.add(program)
        for deck in decks {
            hash.add(deck.location.description)
            hash.add(deck.contentHash)
        }
        return hash.hex
    }
}

extension AppDatabase {
    /// The active items in curriculum order, as outlines (ID, template, muscle, region; no
    /// text), and the warning their generation printed, if they were generated from
    /// `fingerprint`; nil if they were not (or the database holds none): then they must be
    /// generated. A draw needs only the outlines (`ExamDraw` weighs and spreads items by these),
    /// so only the items drawn are read whole (`storedExamItems(_:)`).
    public func storedExamItemOutlines(from fingerprint: String) throws(StoreError) -> (items: [ExamItem], warning: String?)? {
        try read { db in
            guard let source = try Self.examItemSource(db), source.fingerprint == fingerprint else { return nil }
            var items: [ExamItem] = []
            let (rows, column) = try Row.fetchCursorAndColumns(db, literal: "SELECT id, template, muscle_key, muscle_name, region FROM exam_item WHERE retired_at IS NULL ORDER BY position")
            let (id, templateName, muscleKey, muscleName, region) = try (column("id"), column("template"), column("muscle_key"), column("muscle_name"), column("region"))
            while let row = try rows.next() {
                guard let template = ExamTemplate(rawValue: row[templateName]) else { return nil }
                items.append(ExamItem(id: row[id], template: template, muscleKey: row[muscleKey], muscleName: row[muscleName], region: row[region], stem: "",
                                      options: [], keyIndex: 0, explanation: []))
            }
            return items.isEmpty ? nil : (items, source.warning)
        }
    }

    /// These items whole, in this order (stem, options, key, explanation as stored); nil if one
    /// is missing or does not read back as an item (four options, one explanation line each).
    public func storedExamItems(_ outlines: [ExamItem]) throws(StoreError) -> [ExamItem]? {
        try read { db in
            var items: [ExamItem] = []
            for outline in outlines {
                guard let row = try Row.fetchOne(db, literal: "SELECT stem, option_a, option_b, option_c, option_d, key_index, explanation FROM exam_item WHERE id = \(outline.id)") else { return nil }
                let options: [String] = [row["option_a"], row["option_b"], row["option_c"], row["option_d"]]
                // Split as it was joined, byte by byte (Foundation's `components(separatedBy:)` is slow).
                let explanation = (row["explanation"] as String).utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                guard explanation.count == options.count else { return nil }
                var item = outline
                item.stem = row["stem"]
                item.options = options
                item.keyIndex = row["key_index"]
                item.explanation = explanation
                items.append(item)
            }
            return items
        }
    }

    static func examItemSource(_ db: Database) throws -> ExamItemSource? {
        try Row.fetchOne(db, sql: "SELECT fingerprint, warning FROM exam_curriculum WHERE id = 1").map { ExamItemSource(fingerprint: $0["fingerprint"], warning: $0["warning"]) }
    }
}
