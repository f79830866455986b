/// A card's place in today's queue, without its text: what the queue is built from, read from
/// one index. The text is loaded when the card is about to be shown.
public struct QueueEntry: Sendable, Hashable {
    public var cardID: Int64
    /// Cards with the same sibling key (muscle and aspect) are not shown the same day while other
    /// cards are left.
    public var siblingKey: String

    public init(cardID: Int64, siblingKey: String) {
        self.cardID = cardID
        self.siblingKey = siblingKey
    }
}
