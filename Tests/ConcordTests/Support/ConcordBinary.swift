import Foundation
@testable import Concord

/// Runs the `concord` executable that `swift build --build-tests` built beside the tests,
/// for tests of whole invocations (exit status, stdout, stderr).
enum ConcordBinary {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built binary: next to the test bundle, else the package's `.build/debug`.
    static let url: URL = {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("concord")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Fixtures.root.appendingPathComponent(".build/debug/concord")
    }()

    /// Runs `concord arguments` in the package root with `stdin` (empty when nil), or the
    /// file at `stdinPath` ("/dev/null"), and the shipped rules; stdout and stderr go through
    /// files, so large outputs cannot block, and no pipe's end is held open by a process
    /// another test starts at the same time (a read to the end of a pipe waited for that
    /// process: one test hung 668 s on a loaded machine).
    static func run(_ arguments: [String], stdin: Data? = nil, stdinPath: String? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("concord-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("in"), outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        try (stdin ?? Data()).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CONCORD_RULES")
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = try FileHandle(forReadingFrom: stdinPath.map { URL(fileURLWithPath: $0) } ?? inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
