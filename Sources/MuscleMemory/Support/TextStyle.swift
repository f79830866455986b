/// Colour and emphasis for terminal output, or none: the core renders through a style so that the
/// same text serves a colour terminal, `NO_COLOR`, a pipe and a golden-file test.
public struct TextStyle: Sendable {
    public var colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public static let plain = TextStyle(colors: false)

    private func wrap(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func error(_ text: String) -> String { wrap(text, "1;31") }
    public func warning(_ text: String) -> String { wrap(text, "1;35") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func accent(_ text: String) -> String { wrap(text, "36") }
    public func bad(_ text: String) -> String { wrap(text, "31") }
}
