/// The kinds of multiple-choice item the curriculum's facts can generate (Docs/EXAM.md). The raw
/// value is the template's stable name: the first part of every item ID, the `template` column,
/// and the name reports group by.
public enum ExamTemplate: String, CaseIterable, Codable, Sendable, Comparable {
    /// "Which nerve supplies the soleus?"
    case muscleNerve = "muscle-nerve"
    /// "Which muscle is supplied by the deep fibular nerve?"
    case nerveMuscle = "nerve-muscle"
    /// "Which muscle both plantarflexes the ankle and flexes the knee?"
    case movementMuscle = "movement-muscle"
    /// "Which movement does the tibialis anterior perform?"
    case muscleMovement = "muscle-movement"
    /// "Which muscle originates on the Tibia: soleal line?"
    case originMuscle = "origin-muscle"
    /// "Which muscle inserts on the Calcaneus?"
    case insertionMuscle = "insertion-muscle"
    /// "Where does the soleus originate?"
    case muscleOrigin = "muscle-origin"
    /// "Where does the popliteus insert?"
    case muscleInsertion = "muscle-insertion"
    /// "Which muscle's name means 'fish-shaped'?"
    case etymologyMuscle = "etymology-muscle"
    /// "A trigger point referring to the heel belongs to which muscle?"
    case triggerPointMuscle = "trigger-point-muscle"
    /// "Which muscle is an antagonist of the tibialis anterior at the ankle?"
    case antagonist
    /// "Which muscle, like the soleus, plantarflexes the ankle?"
    case synergist
    /// "Which muscle is supplied by roots L4-S1 ... ?"
    case rootMuscle = "root-muscle"

    /// The card aspect the template tests: what `--aspect` selects and reports group by.
    public var aspect: Aspect {
        switch self {
        case .muscleNerve, .nerveMuscle, .rootMuscle: .innervation
        case .movementMuscle, .muscleMovement, .antagonist, .synergist: .actions
        case .originMuscle, .muscleOrigin: .origin
        case .insertionMuscle, .muscleInsertion: .insertion
        case .etymologyMuscle: .etymology
        case .triggerPointMuscle: .triggerPoints
        }
    }

    /// Words for tables ("muscle → nerve").
    public var title: String {
        switch self {
        case .muscleNerve: "muscle -> nerve"
        case .nerveMuscle: "nerve -> muscle"
        case .movementMuscle: "movement -> muscle"
        case .muscleMovement: "muscle -> movement"
        case .originMuscle: "origin -> muscle"
        case .insertionMuscle: "insertion -> muscle"
        case .muscleOrigin: "muscle -> origin"
        case .muscleInsertion: "muscle -> insertion"
        case .etymologyMuscle: "etymology -> muscle"
        case .triggerPointMuscle: "trigger point -> muscle"
        case .antagonist: "antagonist"
        case .synergist: "synergist"
        case .rootMuscle: "root level -> muscle"
        }
    }

    /// What a `no-exam-item` finding suggests.
    public var missingHint: String {
        switch self {
        case .etymologyMuscle: "every meaning in quotes names a word of the muscle's own name, or fewer than three other muscles' meanings differ; quote the meanings, not the Latin words"
        case .triggerPointMuscle: "every referral names a body part another muscle's referrals name too, or no known body part; name the zone (heel, calf, knee…)"
        default: "every other option satisfies the stem too; check the muscle's facts with `muscle facts`"
        }
    }

    public static func < (lhs: ExamTemplate, rhs: ExamTemplate) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
