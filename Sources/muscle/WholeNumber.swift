import ArgumentParser

/// A whole-number option or environment variable with its documented range, and the one sentence
/// that says what the value must be. Numeric options are declared as text with `.unconditional`
/// parsing and read here: so `--new -1` is judged as a value (ArgumentParser alone calls it a
/// missing value, the "-1" looking like an option), `--new abc` says a whole number is wanted,
/// and no value outside its range, such as 4611686018427387894, reaches any arithmetic.
struct WholeNumber: Sendable {
    /// `--new`, or `MUSCLE_ROLLOVER`.
    var name: String
    var range: ClosedRange<Int>
    /// What the value is, with its article: "a whole number", "an hour".
    var noun = "a whole number"

    /// The value, or a usage error (exit 64): "--new '-1' is not a whole number from 0 to 9999".
    func parse(_ text: String) throws -> Int {
        guard let value = Self.decimal(text), range.contains(value) else {
            throw ValidationError("\(name) '\(text)' is not \(noun) from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Optional sign and ASCII digits only (`Int(_:)` also takes "+5" and would take "٣" in some
    /// versions); nil for anything else, including values too large for `Int`.
    static func decimal(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// "from 0 to 9999", for help texts.
    var rangeText: String { "\(range.lowerBound)-\(range.upperBound)" }
}
