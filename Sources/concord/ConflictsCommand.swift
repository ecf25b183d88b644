import ArgumentParser
import Concord

/// `concord conflicts`: the conflict report over every document and record file given.
/// Documents are extracted here; record files (`.jsonl` written by `extract`, perhaps on
/// other machines) are decoded; both are merged into one report.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Report the facts the documents state and where they disagree."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Report format: md, json or html.")
    var format: ReportFormatOption = .md

    @Option(help: "Write the report to FILE instead of stdout.")
    var output: String?

    @Flag(name: .customLong("fail-on-conflict"), help: "Exit 3 when the report holds a discrepancy, date discrepancy or list mismatch.")
    var failOnConflict = false

    func run() throws {
        let (batch, reconciler) = try common.withRules { ruleSet in
            (try common.batch(rules: ruleSet), try Reconciler(rules: ruleSet, options: .init(referenceDate: common.referenceDate)))
        }
        let (documents, recordFiles) = RecordCoding.partition(try common.inputs())
        var records: [DocumentRecord] = []
        var summary = batch.run(
            documents, emit: { records.append($0) }, fail: { Diagnostics.error($0.description) })
        for file in recordFiles {
            let decoded = RecordCoding.records(in: file.data, path: file.path)
            records += decoded.records
            summary.documents += decoded.records.count
            summary.warnings += decoded.records.reduce(0) { $0 + $1.warnings.count }
            summary.failed += decoded.failures.count
            decoded.failures.forEach { Diagnostics.error($0.description) }
        }
        let report = reconciler.report(for: records)
        let sink = try OutputSink(path: output)
        sink.write(try ReportRenderer().render(report, as: format.value))
        sink.flush()
        Diagnostics.line(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
        if failOnConflict && report.hasConflict { throw ExitCode(3) }
    }
}

enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case md, json, html

    var value: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
