/// What `muscle sync` did, deck by deck; or why it did nothing.
public struct SyncReport: Sendable, Equatable {
    public struct DeckChange: Sendable, Equatable {
        public var deck: String
        public var title: String
        /// Nothing to do: the files were as they were at the last sync.
        public var unchanged: Bool
        public var added = 0
        public var updated = 0
        public var retired = 0
        public var restored = 0
        /// Cards whose question or location was slightly reworded (a typo fixed): they kept their
        /// history under their new ID.
        public var renamed = 0
        /// Files where cards were retired and others added: probably rewording that lost history.
        public var filesWithRetiredAndAdded: [String] = []

        public var changed: Int { added + updated + retired + restored + renamed }
    }

    public var decks: [DeckChange] = []
    /// Lint errors that stopped the sync: when not empty, nothing was changed.
    public var refusedBecause: [Diagnostic] = []
    /// Lint warnings of the synced decks (they never block).
    public var warnings: [Diagnostic] = []

    public var wasRefused: Bool { !refusedBecause.isEmpty }
    public var changedAnything: Bool { decks.contains { $0.changed > 0 } }
}
