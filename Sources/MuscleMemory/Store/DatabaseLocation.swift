/// Where the database lives when neither `--db` nor `MUSCLE_DB` says: the XDG data directory.
public enum DatabaseLocation {
    public static let folderName = "muscle-memory"
    public static let fileName = "muscle.sqlite"

    /// `$XDG_DATA_HOME/muscle-memory/muscle.sqlite`, falling back to
    /// `~/.local/share/muscle-memory/muscle.sqlite` (XDG says a relative XDG_DATA_HOME is ignored).
    public static func defaultPath(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/" + folderName + "/" + fileName
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/" + folderName + "/" + fileName
    }
}
