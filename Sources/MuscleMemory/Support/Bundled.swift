/// The decks and migrations compiled into the binary (see `Plugins/EmbedFiles`).
public enum Bundled {
    public static var deckFiles: [(path: String, text: String)] { EmbeddedFiles.decks }
    public static var schemaFiles: [(path: String, text: String)] { EmbeddedFiles.schema }
}
