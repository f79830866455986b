import Foundation
import Testing

/// The full-disk shim (Support/Shim/full-disk.c), loaded with LD_PRELOAD: writes fail with ENOSPC
/// once FULL_DISK_AFTER_BYTES bytes have been written.
enum FullDiskShim {
    /// Built here rather than by SwiftPM so the package needs no C target for a test; any C
    /// compiler will do (the Swift toolchain ships clang). Returns the library's path.
    static func build(into sandbox: Sandbox) throws -> String {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Shim/full-disk.c").path
        let library = sandbox.file("libfull-disk.so")
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/opt/swift/usr/bin"]
        let compilers = ["cc", "gcc", "clang"].flatMap { name in folders.map { "\($0)/\(name)" } }.filter { FileManager.default.isExecutableFile(atPath: $0) }
        let compiler = try #require(compilers.first, "a C compiler (cc, gcc or clang on PATH) is needed to build the full-disk shim")
        let build = ProcessRunner.run(compiler, ["-shared", "-fPIC", "-O1", "-o", library, source, "-ldl"], environment: ["PATH": "/usr/bin:/bin"],
                                      directory: sandbox.path, timeout: .seconds(60))
        #expect(build.exitCode == 0, "\(build.stderr)")
        return library
    }
}
