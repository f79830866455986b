extension Comparable {
    /// The value, or the nearer end of `range` when it lies outside: how limits given by a caller
    /// (a count per day, a window in days) are kept inside their documented ranges.
    func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
