/// Cards of one muscle and aspect (an actions card and its reverse, the trigger points of one
/// muscle) are siblings: a study day does not show two of them while other cards are left. The
/// muscle is its row in the database, so two decks that both describe a soleus keep their cards
/// apart, and the key is read from the study-queue index without a join.
public struct SiblingKey: Hashable, Sendable {
    public var muscleRowID: Int64
    public var aspect: Aspect

    public init(muscleRowID: Int64, aspect: Aspect) {
        self.muscleRowID = muscleRowID
        self.aspect = aspect
    }
}

import GRDB

extension SiblingKey {
    /// From a row with `muscle_id` and `aspect` columns (a card without a muscle, which sync never
    /// writes, counts as muscle 0).
    init(row: Row) {
        let aspect: String = row["aspect"]
        self.init(muscleRowID: row["muscle_id"] ?? 0, aspect: Aspect(rawValue: aspect) ?? .custom)
    }
}
