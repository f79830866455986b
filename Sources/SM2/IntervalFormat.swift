/// A short label for an interval of `days`, for the grade keys: "1d", "6d", "29d", then months with
/// one decimal ("1.0mo", "2.5mo") from 30 days, then years with one decimal ("1.0y", "100.0y") from
/// 365 days.
///
/// A month is 365.25 / 12 = 30.4375 days and a year 365.25 days (the mean Gregorian year to the
/// precision that matters here), so 12.0mo and 1.0y sit next to each other. Rounded half up to the
/// tenth, in integer arithmetic (no Foundation formatting, no overflow for any `Int`).
public func shortInterval(_ days: Int) -> String {
    if days < 30 { return "\(days)d" }
    if days < 365 { return tenths(days, perFourYears: 480) + "mo" }
    return tenths(days, perFourYears: 40) + "y"
}

/// round(days · units / 1461) as "X.Y", where `units` is tenths of the unit per four years
/// (1461 days): 480 tenths of a month, 40 tenths of a year. Split by whole four-year spans first so
/// the product cannot overflow. `days` is positive here.
private func tenths(_ days: Int, perFourYears units: Int) -> String {
    let (spans, rest) = days.quotientAndRemainder(dividingBy: 1_461)
    let total = spans * units + (rest * units * 2 + 1_461) / (2 * 1_461)
    return "\(total / 10).\(total % 10)"
}
