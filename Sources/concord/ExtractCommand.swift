import ArgumentParser
import Concord

/// `concord extract`: one JSON record per document on stdout (or `--output`).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write one JSON record per document (JSON Lines)."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Write the records to FILE instead of stdout.")
    var output: String?

    func run() throws {
        let extraction = try common.extraction()
        let inputs = try common.inputs()
        let sink = try OutputSink(path: output)
        var encodingFailures = 0
        let summary = Batch(extraction: extraction, jobs: common.jobs).run(
            inputs,
            emit: { record in
                do {
                    sink.write(try RecordCoding.line(for: record) + "\n")
                } catch {
                    encodingFailures += 1
                    Diagnostics.error("\(record.source): cannot write the record: \(error)")
                }
            },
            fail: { Diagnostics.error($0.description) })
        Diagnostics.line(summary.line)
        if summary.failed + encodingFailures > 0 { throw ExitCode(1) }
    }
}
