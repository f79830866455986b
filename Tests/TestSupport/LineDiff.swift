import Foundation

/// A line diff of two texts in unified form (`-` expected, `+` actual, two lines of context), so a
/// failed comparison of a whole output says where it differs instead of printing both texts.
public enum LineDiff {
    public static func unified(expected: String, actual: String, context: Int = 2) -> String {
        let old = lines(expected), new = lines(actual)
        let edits = script(old, new)
        var out = "--- expected\n+++ actual\n"
        var index = 0
        while index < edits.count {
            guard let start = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            // A hunk: from `context` lines before the first change to `context` lines after the
            // last change that is no more than 2 × context unchanged lines from the next.
            var end = start
            var probe = start
            while probe < edits.count {
                if edits[probe].kind != .same { end = probe; probe += 1; continue }
                let run = edits[probe...].prefix { $0.kind == .same }.count
                if probe + run >= edits.count || run > 2 * context { break }
                probe += run
            }
            let from = max(index, start - context), to = min(edits.count - 1, end + context)
            let hunk = edits[from...to]
            let oldStart = (hunk.first { $0.kind != .insert }?.old ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.new ?? 0) + 1
            out += "@@ -\(oldStart),\(hunk.filter { $0.kind != .insert }.count) +\(newStart),\(hunk.filter { $0.kind != .delete }.count) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + old[edit.old] + "\n"
                case .delete: out += "-" + old[edit.old] + "\n"
                case .insert: out += "+" + new[edit.new] + "\n"
                }
            }
            index = to + 1
        }
        if expected.hasSuffix("\n") != actual.hasSuffix("\n") {
            out += "(the \(expected.hasSuffix("\n") ? "expected" : "actual") text ends with a line break, the other does not)\n"
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var old: Int
        var new: Int
    }

    /// Lines, each shown with its invisible characters made visible (a trailing space, a tab, a CR).
    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { parts.removeLast() }
        return parts.map { line in
            var shown = line.replacingOccurrences(of: "\r", with: "␍").replacingOccurrences(of: "\t", with: "␉")
            if shown.hasSuffix(" ") { shown += "⏎" }
            return shown
        }
    }

    /// The shortest edit script by longest common subsequence, after the common head and tail.
    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)]), b = Array(new[head..<(new.count - tail)])
        // lcs[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits = (0..<head).map { Edit(kind: .same, old: $0, new: $0) }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(Edit(kind: .same, old: head + i, new: head + j)); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] > lcs[i + 1][j] {
                edits.append(Edit(kind: .insert, old: head + i, new: head + j)); j += 1
            } else {
                edits.append(Edit(kind: .delete, old: head + i, new: head + j)); i += 1
            }
        }
        edits += (0..<tail).map { Edit(kind: .same, old: old.count - tail + $0, new: new.count - tail + $0) }
        return edits
    }
}
