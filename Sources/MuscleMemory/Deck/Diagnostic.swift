/// How bad a finding is. Errors block `muscle sync`; warnings are advice an instructor may ignore.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One lint finding, as data: rule, severity and the exact place, so the CLI can print it like a
/// compiler (`file:line:col: error: message [rule]`), editors can jump to it, and tests can assert it.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    public var rule: RuleID
    public var severity: Severity
    public var file: String
    /// 1-based line; 0 when the finding is about a whole file that could not be read.
    public var line: Int
    /// 1-based column, counted in characters (a tab counts as one).
    public var column: Int
    public var message: String

    public init(rule: RuleID, severity: Severity? = nil, file: String, line: Int, column: Int, message: String) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(place): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File order, then line and column: the order a reader fixes them in.
    public func sortedByPlace() -> [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.rule.rawValue) < ($1.file, $1.line, $1.column, $1.rule.rawValue) }
    }
}
