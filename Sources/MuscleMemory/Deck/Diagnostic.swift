/// How bad a finding is. Errors block `muscle sync`; warnings are advice an instructor may ignore.
public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One lint finding, as data: rule, severity, the file and the exact place in it, and notes with
/// their own places (a duplicate ID points at both definitions, as swift-format's findings do), so
/// the CLI can print it like a compiler (`file:line:col: error: message [rule]`), editors can jump to
/// every place, and tests can assert them.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// A place in a file: 1-based line, and 1-based column counted in characters (a tab counts as one).
    public struct Position: Hashable, Codable, Sendable, Comparable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    }

    /// Another place the finding is about: the first definition of a duplicate, the muscle whose
    /// actions a second one repeats.
    public struct Note: Hashable, Codable, Sendable {
        public var message: String
        public var file: String
        public var position: Position?

        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            file = location.file
            position = Position(line: location.line, column: location.column)
        }
    }

    public var rule: RuleID
    public var severity: Severity
    public var file: String
    /// Where in `file`; nil when the finding is about the whole file (it cannot be read, it is not
    /// there, it holds no muscle).
    public var position: Position?
    public var message: String
    public var notes: [Note]

    /// A finding at a place in a file.
    public init(rule: RuleID, severity: Severity? = nil, at location: SourceLocation, message: String, notes: [Note] = []) {
        self.init(rule: rule, severity: severity, file: location.file, position: Position(line: location.line, column: location.column), message: message, notes: notes)
    }

    /// A finding about a whole file or folder.
    public init(rule: RuleID, severity: Severity? = nil, file: String, position: Position? = nil, message: String, notes: [Note] = []) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.file = file
        self.position = position
        self.message = message
        self.notes = notes
    }

    /// `file:line:col`, or `file` alone for a finding about the whole file.
    public var place: String {
        position.map { "\(file):\($0.line):\($0.column)" } ?? file
    }

    public var description: String {
        "\(place): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// File order, then line and column (whole-file findings first): the order a reader fixes them in.
    public func sortedByPlace() -> [Diagnostic] {
        sorted { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.position != b.position { return (a.position.map { (1, $0.line, $0.column) } ?? (0, 0, 0)) < (b.position.map { (1, $0.line, $0.column) } ?? (0, 0, 0)) }
            return a.rule.rawValue < b.rule.rawValue
        }
    }
}
