extension ShareReader {
    /// The share in this file, read (a regular file, at most `byteLimit`) and checked; why not,
    /// in the words `muscle class` says beside the file's name.
    public static func readFile(_ path: String) -> Result<Share, ShareProblem> {
        switch FileSystem.readRegularFile(RawPath(path), limit: byteLimit) {
        case .success(let bytes): read(bytes)
        case .failure(.tooLarge): .failure(.unreadable("larger than \(byteLimit / 1024 / 1024) MiB, more than any share"))
        case .failure(.notARegularFile(let kind)): .failure(.unreadable("it is \(kind), not a file"))
        case .failure(.failed(let failure)): .failure(.unreadable(failure.reason))
        }
    }

    /// Each file read and checked, in the order given. Every file depends on itself alone, so
    /// they are read side by side on every core: a class of 300 shares is 150 MB of JSON, and
    /// reading it was most of the class report's time.
    public static func readFiles(_ paths: [String]) -> [Result<Share, ShareProblem>] {
        paths.concurrentMap(readFile)
    }
}
