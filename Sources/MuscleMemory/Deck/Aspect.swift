/// What a card asks about. Reports rank weak topics by aspect across muscles ("trigger points
/// overall"), so the set is closed and each has a stable name used in IDs, filters and JSON.
public enum Aspect: String, CaseIterable, Codable, Sendable, Comparable {
    case etymology
    case heads
    case origin
    case insertion
    case innervation
    case actions
    case triggerPoints = "trigger-points"
    case exercises
    case palpation
    /// Cards made from the facts (FORMAT.md, "Cards from the facts"): who performs a movement,
    /// who works with a muscle, who opposes it.
    case movements
    case synergists
    case antagonists
    case custom

    /// Words for tables and headers ("trigger points").
    public var title: String {
        switch self {
        case .triggerPoints: "trigger points"
        default: rawValue
        }
    }

    /// Accepts the raw name, the title, and simple variants ("trigger points", "TriggerPoints", "tp").
    public init?(loose text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "etymology", "name": self = .etymology
        case "heads", "head": self = .heads
        case "origin", "origins": self = .origin
        case "insertion", "insertions": self = .insertion
        case "innervation", "nerve", "nerves": self = .innervation
        case "actions", "action": self = .actions
        case "triggerpoints", "triggerpoint", "tp", "tps": self = .triggerPoints
        case "exercises", "exercise": self = .exercises
        case "palpation", "palpate", "palpating": self = .palpation
        case "movements", "movement": self = .movements
        case "synergists", "synergist": self = .synergists
        case "antagonists", "antagonist": self = .antagonists
        case "custom", "cards", "card", "qa": self = .custom
        default: return nil
        }
    }

    /// Cards made from the resolved facts, whose IDs name the facts ("ankle-movements/plantarflexion"):
    /// a new ID is a new fact, never a reworded question, so sync does not carry history across.
    public var isFromFacts: Bool { self == .movements || self == .synergists || self == .antagonists }

    public static func < (lhs: Aspect, rhs: Aspect) -> Bool {
        guard let l = allCases.firstIndex(of: lhs), let r = allCases.firstIndex(of: rhs) else { return false }
        return l < r
    }
}
