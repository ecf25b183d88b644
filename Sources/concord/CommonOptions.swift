import ArgumentParser
import Concord
import Foundation

/// Options shared by `extract` and `conflicts` (CONTRACT.md, "Commands").
struct CommonOptions: ParsableArguments {
    @Argument(help: "Files or directories to read; '-' (or nothing, with piped input) reads stdin.")
    var paths: [String] = []

    @Option(help: "The rules directory (default: $CONCORD_RULES, else the Rules/ of this build).")
    var rules: String?

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Progress on stderr: auto (only on a terminal), always or never.")
    var progress: ProgressMode = .auto

    @Option(name: .customLong("reference-date"), help: "Anchor for relative dates in documents that state no date (YYYY-MM-DD).")
    var referenceDate: String?

    @Option(name: .customLong("stdin-format"), help: "How to read stdin: text, html or jsonl.")
    var stdinFormat: StdinFormat?

    @Option(help: "Language of every document (BCP 47: en, en-GB, fr-CA); overrides detection.")
    var language: String?

    @Option(help: "Kinds to extract, a comma list of \(Extraction.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (default: all; claims runs every kind).")
    var kinds: String?

    /// The kinds `--kinds` names; a name that is no kind is a usage error.
    func kindSet() throws -> Set<Extraction.Kind> {
        guard let kinds else { return Set(Extraction.Kind.allCases) }
        return Set(try kinds.split(separator: ",", omittingEmptySubsequences: false).map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let kind = Extraction.Kind(rawValue: trimmed) else {
                throw ValidationError("--kinds takes \(Extraction.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(trimmed)'")
            }
            return kind
        })
    }

    func validate() throws {
        _ = try kindSet()
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let referenceDate, referenceDate.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--reference-date must be YYYY-MM-DD, not '\(referenceDate)'")
        }
        if let language, LanguageTag(language) == nil {
            throw ValidationError("--language must be a language tag such as en, en-GB or fr-CA, not '\(language)'")
        }
    }

    /// The inputs: the paths given, or stdin when there are none. Never waits on a terminal:
    /// stdin that is a terminal is a usage error, not a prompt.
    func inputs() throws -> [Result<Input, InputFailure>] {
        let stdinIsTerminal = isatty(STDIN_FILENO) != 0
        if paths.isEmpty {
            guard !stdinIsTerminal else {
                throw ValidationError("no input: give files or directories, or pipe a document to stdin")
            }
            return [.success(.standardInput)]
        }
        if paths.contains("-") && stdinIsTerminal {
            throw ValidationError("'-' reads stdin, but stdin is a terminal: pipe a document in")
        }
        return InputWalker().inputs(for: paths)
    }

    /// What `make` builds from the rules, read once without their examples; a rule error is a
    /// usage error (exit 2, nothing written).
    func withRules<T>(_ make: (RuleSet) throws -> T) throws -> T {
        do {
            return try make(try RuleSet(directory: RuleSet.locate(explicit: rules), examples: false))
        } catch let error as RuleError {
            Diagnostics.error("invalid rules: \(error)")
            throw ExitCode(2)
        }
    }

    /// The batch that reads and extracts the inputs with `ruleSet`, each language's patterns
    /// compiled at its first document.
    func batch(rules ruleSet: RuleSet) throws -> Batch {
        let extraction = try Extraction(rules: ruleSet, options: .init(referenceDate: referenceDate, language: language.flatMap(LanguageTag.init), kinds: try kindSet()), compilation: .onFirstUse)
        let reader = try DocumentReader(rules: ruleSet, stdinFormat: stdinFormat?.documentFormat)
        return Batch(extraction: extraction, reader: reader, jobs: jobs)
    }

    /// The progress line `--progress` asks for.
    func progressLine() -> ProgressLine? {
        switch progress {
        case .never: return nil
        case .always: return ProgressLine()
        case .auto: return isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
        }
    }
}

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

enum StdinFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, jsonl

    var documentFormat: DocumentFormat { DocumentFormat(rawValue: rawValue)! }
}

/// The progress line on stderr: documents done (of the total when known), MB/s and the time
/// left, redrawn in place at most a few times a second and erased at the end.
final class ProgressLine {
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    func update(_ progress: Batch.Progress) {
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(progress.bytes) / elapsed / 1_000_000
        var line = "concord: \(progress.done)" + (progress.total.map { "/\($0)" } ?? "") + " documents, "
            + String(format: "%.1f MB/s", rate)
        if let totalBytes = progress.totalBytes, progress.bytes > 0 {
            let left = Double(totalBytes - progress.bytes) / (Double(progress.bytes) / elapsed)
            line += ", ETA " + Self.duration(max(0, left))
        } else if let total = progress.total, progress.done > 0 {
            line += ", ETA " + Self.duration(Double(total - progress.done) * elapsed / Double(progress.done))
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    /// Erases the line before the summary is written.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}

/// Messages on stderr.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("concord: \(message)\n".utf8))
    }

    static func line(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// Where output goes: stdout or `--output FILE`, written in large blocks.
final class OutputSink {
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private static let blockSize = 1 << 16

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            Diagnostics.error("cannot write \(path)")
            throw ExitCode(2)
        }
        self.handle = handle
    }

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= Self.blockSize { flush() }
    }

    func write(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.blockSize { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        handle.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
