/// The E-Factor (EF), kept exactly as a whole number of hundredths: 250 is 2.50.
///
/// Docs/SM2.md ("EF precision"): every change step 5 can make is a multiple of 0.02, so hundredths hold
/// EF exactly, and intervals are computed in integer arithmetic. A `Double` EF drifts (2.5 + 0.1 −
/// 0.8 + 0.1 + 0.1 is not 2.0) and can add a day to an interval; `value` exists for display only.
public struct Easiness: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// EF × 100.
    public var hundredths: Int

    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// 2.50: every item starts with EF = 2.5 (step 2).
    public static let initial = Easiness(hundredths: 250)

    /// 1.30: "if EF′ < 1.3 then EF′ = 1.3" (step 5).
    public static let floor = Easiness(hundredths: 130)

    /// EF as a number, for display and reports only; never compute intervals from it.
    public var value: Double {
        Double(hundredths) / 100
    }

    /// "2.50": always two decimals, as Docs/SM2.md writes EF.
    public var description: String {
        let magnitude = hundredths.magnitude
        let cents = String(magnitude % 100)
        return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + "."
            + (cents.count < 2 ? "0" + cents : cents)
    }

    /// Step 5's change for grade q, in hundredths:
    /// 100 · (0.1 − (5 − q) · (0.08 + (5 − q) · 0.02)) = 10 − (5 − q) · (8 + 2 · (5 − q)).
    /// q = 5…0 gives +10, 0, −14, −32, −54, −80.
    public static func change(for grade: Grade) -> Int {
        let miss = 5 - grade.rawValue
        return 10 - miss * (8 + 2 * miss)
    }

    /// EF′ after an answer of `grade`: step 5, then its floor (1.30 unless the options say otherwise).
    /// Saturates instead of overflowing for an absurd stored value.
    public func updated(after grade: Grade, floor: Easiness = .floor) -> Easiness {
        let (sum, overflow) = hundredths.addingReportingOverflow(Easiness.change(for: grade))
        let next = overflow ? Int.max : sum
        return Easiness(hundredths: Swift.max(next, floor.hundredths))
    }

    public static func < (lhs: Easiness, rhs: Easiness) -> Bool {
        lhs.hundredths < rhs.hundredths
    }

    // MARK: Codable: the bare integer of hundredths (250), exact in any format

    public init(from decoder: any Decoder) throws {
        hundredths = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hundredths)
    }
}
