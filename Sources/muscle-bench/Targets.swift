/// The benchmark's targets, one table for every size that has them: the second speed issue's
/// figures at 100,000 and 1,000,000 cards (release build, 2 cores, medians). A size without a row
/// is measured but not judged. Seconds and MiB (peak resident memory of the step's process);
/// the database size is in MB as `ls` shows it.
struct Targets {
    var syncFresh: Double?, syncFreshPeakMiB: Double?
    var syncUnchanged: Double?
    var firstCard: Double?, studyPeakMiB: Double?
    var dueCounts: Double?
    var report: Double?
    var stats: Double?
    var ankiExport: Double?
    var answer: Double?
    var databaseMB: Double?

    static func at(cards: Int) -> Targets {
        switch cards {
        case 100_000:
            Targets(syncFresh: 1.5, syncUnchanged: 0.100, firstCard: 0.012, studyPeakMiB: 30, dueCounts: 0.001,
                    report: 0.025, stats: 0.050, ankiExport: 3.0, answer: 0.0003, databaseMB: 120)
        case 1_000_000:
            Targets(syncFresh: 15, syncFreshPeakMiB: 200, firstCard: 0.020, studyPeakMiB: 32, dueCounts: 0.002,
                    report: 0.150, stats: 0.300, answer: 0.00035, databaseMB: 1200)
        default:
            Targets()
        }
    }
}
