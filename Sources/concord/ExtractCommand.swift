import ArgumentParser
import Concord

/// `concord extract`: one JSON record per document on stdout (or `--output`), in input order;
/// every input that cannot be read is named on stderr, and a summary line closes the run.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write one JSON record per document (JSON Lines)."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Write the records to FILE instead of stdout.")
    var output: String?

    func run() throws {
        let batch = try common.withRules(common.batch(rules:))
        let inputs = try common.inputs()
        let sink = try OutputSink(path: output)
        let progressLine = common.progressLine()
        var encodingFailures = 0
        var summary = batch.run(
            inputs,
            transform: { record in
                Result { try RecordCoding.line(for: record) + "\n" }.mapError {
                    UnwritableRecord(message: "\(record.source): cannot write the record of \(record.id): \($0)")
                }
            },
            emit: { (line: Result<String, UnwritableRecord>) in
                switch line {
                case let .success(text): sink.write(text)
                case let .failure(failure):
                    encodingFailures += 1
                    Diagnostics.error(failure.message)
                }
            },
            fail: { failure in
                progressLine?.finish()
                Diagnostics.error(failure.description)
            },
            progress: progressLine.map { line in { line.update($0) } })
        sink.flush()
        progressLine?.finish()
        summary.documents -= encodingFailures
        summary.failed += encodingFailures
        Diagnostics.line(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// A record the encoder refused (counted as a failed input).
struct UnwritableRecord: Error {
    var message: String
}
