/// A muscle's lines as the program understood them against the vocabulary.
public struct MuscleFacts: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, Codable {
        /// The muscle performs the movement.
        case prime
        /// The deck says it assists or helps.
        case assists
    }

    /// `ankle plantarflexion`, prime mover.
    public struct MovementFact: Sendable, Hashable {
        public var joint: String
        public var movement: String
        public var role: Role

        /// "ankle plantarflexion".
        public var name: String { "\(joint.lowercased()) \(movement)" }
    }

    /// A line of the muscle file that resolved to nothing.
    public struct Unresolved: Sendable, Hashable {
        public enum What: String, Sendable, Hashable { case action, nerve, landmark }
        public var what: What
        public var text: String
        public var location: SourceLocation
        /// The closest vocabulary terms, best first.
        public var suggestions: [String]
    }

    public var muscle: String
    public var key: String
    public var location: SourceLocation
    public var movements: [MovementFact] = []
    /// Function entries an action line matched (arch support, the calf muscle pump).
    public var functions: [String] = []
    /// Nerve names as the vocabulary spells them, in the order written.
    public var nerves: [String] = []
    public var roots: [String] = []
    /// `Femur: greater trochanter`, or a bone's name alone, for origin and insertion.
    public var origins: [String] = []
    public var insertions: [String] = []
    public var unresolved: [Unresolved] = []
}
