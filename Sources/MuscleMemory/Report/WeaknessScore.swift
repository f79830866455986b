import SM2

/// How weak a topic is, from 0 (strong) to 100 (weak): the one definition every format prints.
///
///   weakness = 100 × (0.6 × failed + 0.25 × hard + 0.15 × unlearned)
///
/// - failed: the share of reviews graded below 3, and of exam-practice answers missed, in the
///   window (all time when the window holds fewer than `minimumReviews` and all time holds enough);
/// - hard: how far the cards' mean easiness has fallen from 2.5 toward the 1.3 floor (0 at 2.5,
///   1 at 1.3);
/// - unlearned: the share of the topic's cards with no successful repetition yet.
///
/// Failing recall weighs most; low easiness says the cards were hard over a longer time; unlearned
/// cards are a gap to close before an exam. A topic with fewer than `minimumReviews` reviews in
/// both the window and all time is "too few to judge": it is shown, but never ranked as strong.
public enum WeaknessScore {
    public static let minimumReviews = 5
    public static let failedWeight = 0.60
    public static let hardWeight = 0.25
    public static let unlearnedWeight = 0.15

    public static let definition = "weakness = 100 × (0.6 × failed + 0.25 × easiness lost + 0.15 × not learned), each a share from 0 to 1: failed = reviews graded below \(Grade.lowestCorrect.rawValue) and exam answers missed in the window (all time if it holds fewer than 5), easiness lost = the fall of mean easiness from 2.50 toward 1.30, not learned = cards at repetition 0 (new, or failed at their last review); 0 is strong, 100 weak; fewer than 5 reviews: too few to judge"

    public static func score(_ topic: TopicStats) -> Double? {
        // Exam-practice answers count as reviews: a missed item is a failed recall of its topic.
        let failed: Double
        let (windowAnswers, windowRight) = (topic.windowReviews + topic.windowExamAnswers, topic.windowCorrect + topic.windowExamCorrect)
        let (answers, right) = (topic.reviews + topic.examAnswers, topic.correct + topic.examCorrect)
        if windowAnswers >= minimumReviews {
            failed = 1 - Double(windowRight) / Double(windowAnswers)
        } else if answers >= minimumReviews {
            failed = 1 - Double(right) / Double(answers)
        } else {
            return nil
        }
        let hard = topic.meanEasiness.map { min(1, max(0, Double(250 - $0) / 120)) } ?? 0
        let unlearned = topic.cards > 0 ? Double(topic.notLearned) / Double(topic.cards) : 0
        let value = 100 * (failedWeight * failed + hardWeight * hard + unlearnedWeight * unlearned)
        return (value * 10).rounded() / 10
    }
}
