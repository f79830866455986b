/// Whether a session counts for the schedule, or drills cards without touching it: the one type
/// for the mode, from `muscle study --cram` through the session, its summary and each answer, to the
/// `mode` column of `study_session`.
public enum StudyMode: String, Sendable, Codable {
    /// Today's cards; the first answer of a day to a due or new card moves its schedule.
    case study
    /// The chosen cards whatever their due dates; no answer moves the schedule.
    case cram
}
