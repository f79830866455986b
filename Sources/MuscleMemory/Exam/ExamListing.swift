/// `muscle exam --list`: every generated item, as text or JSON.
public enum ExamListing {
    struct ItemJSON: Encodable {
        var id: String
        var template: String
        var muscle: String
        var region: String
        var stem: String
        var options: [String]
        /// The key's letter, and its text.
        var key: String
        var answer: String
        var explanation: [String]
    }

    public static func json(_ items: [ExamItem]) throws(JSON.EncodingFailure) -> String {
        try JSON.encode(items.map { item in
            ItemJSON(id: item.id, template: item.template.rawValue, muscle: item.muscleKey, region: item.region, stem: item.stem,
                     options: item.options, key: ExamItem.letters[item.keyIndex], answer: item.key, explanation: item.explanation)
        })
    }

    /// One block per item: its ID and template, the stem, the options with the key marked.
    public static func text(_ items: [ExamItem]) -> String {
        var out = ""
        for item in items {
            out += "\(item.id)  \(item.muscleKey)\n\(item.stem)\n"
            for (index, option) in item.options.enumerated() {
                out += "  \(index == item.keyIndex ? "*" : " ") \(ExamItem.letters[index])) \(option)\n"
            }
            out += "\n"
        }
        var counts: [ExamTemplate: Int] = [:]
        for item in items { counts[item.template, default: 0] += 1 }
        out += "\(items.count) item\(items.count == 1 ? "" : "s"): " + ExamTemplate.allCases.compactMap { t in counts[t].map { "\($0) \(t.rawValue)" } }.joined(separator: ", ") + ".\n"
        return TerminalText.sanitize(out)
    }
}
