/// Checks across a deck's vocabulary files: a term means one thing, and every parent nerve or
/// plexus named is itself in the vocabulary (else "supplied by the sciatic nerve" cannot be judged).
enum VocabularyChecker {
    static func check(_ vocabulary: Vocabulary, known: Vocabulary = Vocabulary()) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var seen: [String: (Vocabulary.Entry, SourceLocation)] = [:]
        for entry in vocabulary.entries {
            for term in entry.terms {
                let key = TermText.normalize(term)
                guard !key.isEmpty else { continue }
                if let (first, at) = seen[key] {
                    if first.name == entry.name && first.location == entry.location { continue }
                    findings.append(Diagnostic(rule: .duplicateTerm, at: entry.location,
                                               message: "'\(term)' already names '\(first.name)' (\(at.file):\(at.line)); a term must mean one thing: merge the entries or drop the synonym",
                                               notes: [Diagnostic.Note("'\(first.name)' is declared here", at: at)]))
                } else {
                    seen[key] = (entry, entry.location)
                }
            }
        }
        // A local synonym may repeat another file's local synonym (each counts beside its own
        // file's terms), never a term, nor a local synonym of its own file.
        var local: [String: (Vocabulary.Entry, SourceLocation)] = [:]
        for entry in vocabulary.entries {
            for term in entry.localSynonyms {
                let key = TermText.normalize(term)
                guard !key.isEmpty else { continue }
                let fileKey = entry.location.file + "\u{0}" + key
                if let (first, at) = seen[key] ?? local[fileKey] {
                    findings.append(Diagnostic(rule: .duplicateTerm, at: entry.location,
                                               message: "'\(term)' already names '\(first.name)' (\(at.file):\(at.line)); a term must mean one thing: merge the entries or drop the synonym",
                                               notes: [Diagnostic.Note("'\(first.name)' is declared here", at: at)]))
                } else {
                    local[fileKey] = (entry, entry.location)
                }
            }
        }
        let all = known + vocabulary
        for entry in vocabulary.entries {
            for reference in [entry.parent, entry.plexus].compactMap({ $0 }) where all.entry(named: reference.value) == nil {
                let names = all.entries.filter { $0.kind == .nerve || $0.kind == .plexus }.map(\.name)
                let suggestion = closestMatch(to: reference.value, in: names).map { "; did you mean '\($0)'?" } ?? ""
                findings.append(Diagnostic(rule: .unknownParent, at: reference.location,
                                           message: "'\(reference.value)' is not in the vocabulary\(suggestion); declare it with '# \(reference.value)' so the nerve tree is complete"))
            }
        }
        return findings
    }
}
