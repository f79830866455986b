/// A card's place in today's queue, without its text: what the queue is built from, read from
/// one index. The text is loaded when the card is about to be shown.
public struct QueueEntry: Sendable, Hashable {
    public var cardRowID: Int64
    /// Cards with the same sibling key (muscle and aspect) are not shown the same day while other
    /// cards are left.
    public var siblingKey: SiblingKey

    public init(cardRowID: Int64, siblingKey: SiblingKey) {
        self.cardRowID = cardRowID
        self.siblingKey = siblingKey
    }
}
