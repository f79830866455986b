/// Where each of some cards' row ids sits in their list, looked up once per review of a scan of
/// the whole review log (2 million at 100,000 cards). Row ids are mostly dense, so the positions
/// are an array indexed by row id when the ids' span is not much larger than their count (a
/// hash lookup per review cost more than reading the review), and a dictionary otherwise.
struct CardPositions {
    private let lowest: Int64
    /// Position + 1 of row id `lowest + i`; 0 for a row id not in the list.
    private let dense: [Int32]
    private let sparse: [Int64: Int]

    init(_ rowIDs: [Int64]) {
        guard let low = rowIDs.min(), let high = rowIDs.max() else {
            (lowest, dense, sparse) = (0, [], [:])
            return
        }
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < Int64(rowIDs.count) * 4 + 1024, rowIDs.count < Int(Int32.max) {
            var table = [Int32](repeating: 0, count: Int(span.partialValue) + 1)
            for (index, id) in rowIDs.enumerated() { table[Int(id - low)] = Int32(index + 1) }
            (lowest, dense, sparse) = (low, table, [:])
        } else {
            var positions = [Int64: Int](minimumCapacity: rowIDs.count)
            for (index, id) in rowIDs.enumerated() { positions[id] = index }
            (lowest, dense, sparse) = (0, [], positions)
        }
    }

    /// The position of `rowID` in the list, or nil when it is not there.
    func index(of rowID: Int64) -> Int? {
        if dense.isEmpty { return sparse[rowID] }
        let offset = rowID.subtractingReportingOverflow(lowest)
        guard !offset.overflow, offset.partialValue >= 0, offset.partialValue < Int64(dense.count) else { return nil }
        let slot = dense[Int(offset.partialValue)]
        return slot == 0 ? nil : Int(slot) - 1
    }
}
