/// The program's version, defined once: `muscle --version` prints it and the man page
/// (`Docs/muscle.1`, made by `muscle-manual`) carries it with its date.
public enum MuscleVersion {
    public static let number = "0.1.0"
    /// The day this version's man page is dated (mdoc's `.Dd`): a constant, never the clock, so
    /// regenerating the page gives the same file.
    public static let manualDate = "December 2, 2026"
}
