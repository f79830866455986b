/// The sums the weak-topic report gives each topic (a muscle and an aspect) over its active card
/// states, defined once for the places that compute them from `card_state`: the report's own scan
/// (with a filter or an exam date), the cards a sync adds to `topic_state`, and `muscle check`'s
/// comparison of that table with the cards. (Migration 0013's fill and triggers hold the same
/// sums, as a migration is fixed for good.) Generated text, never input.
enum TopicSums {
    /// The summed columns, as `topic_state` and the report's rows name them.
    static let columns = ["cards", "seen", "not_learned", "reviews", "correct", "lapses", "easiness_sum"]

    /// `count(*) AS cards, sum(s.reviews > 0) AS seen, …` over the card states in `table` (no
    /// prefix when nil), in the order of `columns`.
    static func select(in table: String?) -> String {
        let s = table.map { $0 + "." } ?? ""
        return """
            count(*) AS cards, sum(\(s)reviews > 0) AS seen, sum(\(s)repetitions = 0) AS not_learned, sum(\(s)reviews) AS reviews, \
            sum(\(s)correct) AS correct, sum(\(s)lapses) AS lapses, sum(CASE WHEN \(s)reviews > 0 THEN \(s)easiness ELSE 0 END) AS easiness_sum
            """
    }

    /// `cards = cards + excluded.cards, …`: an upsert's update that adds the new sums to a topic's.
    static let addExcluded = columns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")

    /// `k.cards IS NOT a.cards OR …`: whether the sums of rows `k` and `a` differ.
    static func differ(_ k: String, _ a: String) -> String {
        columns.map { "\(k).\($0) IS NOT \(a).\($0)" }.joined(separator: " OR ")
    }

    /// `cards <> 0 OR …`: whether a row holds any count at all.
    static let anyNonZero = columns.map { "\($0) <> 0" }.joined(separator: " OR ")
}
