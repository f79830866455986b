/// Where a deck comes from: the curriculum compiled into the program, or a folder (or a single
/// file) on disk.
public enum DeckLocation: Hashable, Sendable, CustomStringConvertible {
    case bundled
    case path(String)

    /// The word that names the bundled decks in `--decks` and `MUSCLE_DECKS`.
    public static let bundledName = "bundled"

    /// `bundled` names the bundled decks; anything else is a path.
    public init(argument: String) {
        self = argument == Self.bundledName ? .bundled : .path(argument)
    }

    /// The key a deck is stored under: "bundled", or the absolute path, so the same folder given
    /// as `./decks` or by its absolute path is one deck.
    public var storageKey: String {
        switch self {
        case .bundled: Self.bundledName
        case .path(let path): FileSystem.absolute(path)
        }
    }

    public var description: String {
        switch self {
        case .bundled: "the bundled decks"
        case .path(let path): path
        }
    }
}
