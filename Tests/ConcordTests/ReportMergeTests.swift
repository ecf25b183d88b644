import Foundation
import Testing
@testable import Concord

/// `concord conflicts` over record files written by `extract`: the same report as over the
/// records directly, however they were split across files; bad lines named; exit statuses.
@Suite struct ReportMergeTests {
    /// Removed with the suite's instance, after each test.
    let folder: TemporaryFolder
    var directory: URL { folder.url }

    init() throws {
        folder = try TemporaryFolder()
    }

    func write(_ records: [DocumentRecord], to name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try (records.map { try RecordCoding.line(for: $0) }.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func mergeOfSeveralFilesEqualsTheDirectReport() throws {
        let direct = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus)
        let first = try write([HandMadeRecords.record004, HandMadeRecords.record000], to: "machine-1.jsonl")
        let second = try write([HandMadeRecords.record003], to: "machine-2.jsonl")
        var merged: [DocumentRecord] = []
        for url in [second, first] {
            let decoded = RecordCoding.records(in: try Data(contentsOf: url), path: url.path)
            #expect(decoded.failures.isEmpty)
            merged += decoded.records
        }
        #expect(merged.count == 3)
        #expect(try HandMadeRecords.reconciler().report(for: merged) == direct)
    }

    @Test func extractedRecordsGiveTheSameReportAsTheDocuments() throws {
        let extraction = try Extraction(rules: Fixtures.rules)
        let inputs = InputWalker().inputs(for: [Fixtures.root.appendingPathComponent("Corpus").path])
        var direct: [DocumentRecord] = []
        let summary = Batch(extraction: extraction, jobs: 2).run(inputs, emit: { direct.append($0) }, fail: { Issue.record("\($0)") })
        #expect(summary.documents == 3)
        let file = try write(direct, to: "corpus.jsonl")
        let decoded = RecordCoding.records(in: try Data(contentsOf: file), path: file.path)
        let reconciler = try HandMadeRecords.reconciler()
        #expect(reconciler.report(for: decoded.records) == reconciler.report(for: direct))
    }

    @Test func partitionTellsRecordFilesFromDocuments() throws {
        let records = try write([HandMadeRecords.record003], to: "records.jsonl")
        let documents = directory.appendingPathComponent("documents.jsonl")
        try "{\"text\": \"Microsoft invested €15 million in Mistral AI.\", \"id\": \"a\"}\n".write(to: documents, atomically: true, encoding: .utf8)
        let text = directory.appendingPathComponent("article.txt")
        try "Microsoft invested €15 million.".write(to: text, atomically: true, encoding: .utf8)
        let (documentInputs, recordFiles) = RecordCoding.partition(InputWalker().inputs(for: [directory.path]))
        #expect(recordFiles.map(\.path) == [records.path])
        #expect(documentInputs.compactMap { try? $0.get().path } == [text.path, documents.path])
    }

    @Test func badLinesAreNamedAndGoodOnesKept() throws {
        let good = try RecordCoding.line(for: HandMadeRecords.record003)
        let data = Data((good + "\n{\"source\": \"x\", \"money\": [], \"claims\": []}\nnot json\n{\"id\": \"b\", \"source\": \"b.txt\", \"format\": \"text\", \"money\": [{\"text\": \"$1\", \"start\": 0, \"end\": 2, \"line\": 1, \"amount\": \"1e6\", \"currency\": \"USD\"}]}\n").utf8)
        let decoded = RecordCoding.records(in: data, path: "batch.jsonl")
        #expect(decoded.records.count == 1)
        #expect(decoded.failures.map(\.path) == ["batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4"])
        #expect(decoded.failures[0].reason == "not a record: missing key 'id'")
        #expect(decoded.failures[1].reason == "not a record: not valid JSON")
        #expect(decoded.failures[2].reason.hasPrefix("not a record: bad value at .money[0].amount: not a plain decimal: 1e6"))
    }

    @Test func contractShapedRecordDecodes() throws {
        let line = #"{"id": "a", "source": "a.txt", "format": "text", "title": null, "published": "2024-02-27", "language": "en", "money": [{"text": "€15 million", "start": 10, "end": 21, "line": 2, "amount": "15000000", "currency": "EUR", "approximate": false, "range": null, "equivalent": null}], "dates": [], "percents": [{"text": "49%", "start": 0, "end": 3, "line": 7, "value": "49"}], "entities": [], "claims": [{"subject": "Microsoft", "predicate": "investment", "object": "Mistral AI", "money": [0], "dates": [], "people": [], "line": 2, "sentence": "Microsoft invested €15 million."}], "warnings": []}"#
        let record = try RecordCoding.record(from: line)
        #expect(record.money[0].amount == ExactDecimal(15_000_000) && record.claims[0].details.isEmpty && record.percents[0].points == false)
    }

    /// Runs the built `concord` binary (``ConcordBinary``: no pipes).
    func runConcord(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let outcome = try ConcordBinary.run(arguments)
        return (outcome.status, Data(outcome.stdout.utf8))
    }

    @Test func cliReadsRecordFilesAndFailsOnConflict() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ConcordBinary.url.path), "build the concord product first (swift build)")
        let first = try write([HandMadeRecords.record000, HandMadeRecords.record004], to: "one.jsonl")
        let second = try write([HandMadeRecords.record003], to: "two.jsonl")
        let plain = try runConcord(["conflicts", first.path, second.path, "--format", "json"])
        #expect(plain.status == 0)
        let failing = try runConcord(["conflicts", first.path, second.path, "--format", "json", "--fail-on-conflict"])
        #expect(failing.status == 3)
        let report = try JSONDecoder().decode(ConflictReport.self, from: failing.output)
        let direct = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus)
        #expect(report == direct)
        let consistentOnly = try write([HandMadeRecords.record004], to: "three.jsonl")
        #expect(try runConcord(["conflicts", consistentOnly.path, "--fail-on-conflict"]).status == 0)
    }
}
