import Foundation
import Testing
@testable import Concord

/// The JSON Schemas of schema/ against real output: records as `extract` writes them and
/// the report as `conflicts --format json` writes it; broken output must fail.
@Suite struct SchemaTests {
    let recordSchema: JSONSchemaValidator
    let reportSchema: JSONSchemaValidator

    init() throws {
        let folder = Fixtures.root.appendingPathComponent("schema")
        recordSchema = try JSONSchemaValidator(schemaAt: folder.appendingPathComponent("record.schema.json"))
        reportSchema = try JSONSchemaValidator(schemaAt: folder.appendingPathComponent("report.schema.json"))
    }

    func reportJSON(_ records: [DocumentRecord]) throws -> String {
        try ReportRenderer().render(try HandMadeRecords.reconciler().report(for: records), as: .json)
    }

    @Test func handMadeRecordsAndTheirReportAreValid() throws {
        for record in HandMadeRecords.corpus {
            #expect(recordSchema.errors(in: try JSONValue.parse(RecordCoding.line(for: record))) == [])
        }
        #expect(reportSchema.errors(in: try JSONValue.parse(reportJSON(HandMadeRecords.corpus))) == [])
    }

    @Test func extractedRecordsAndTheirReportAreValid() throws {
        let extraction = try Extraction(rules: Fixtures.rules)
        var records: [DocumentRecord] = []
        _ = Batch(extraction: extraction, jobs: 2).run(InputWalker().inputs(for: [Fixtures.root.appendingPathComponent("Corpus").path]),
                                                       emit: { records.append($0) }, fail: { Issue.record("\($0)") })
        #expect(records.count == 3)
        for record in records {
            #expect(recordSchema.errors(in: try JSONValue.parse(RecordCoding.line(for: record))) == [], "\(record.source)")
        }
        #expect(reportSchema.errors(in: try JSONValue.parse(reportJSON(records))) == [])
    }

    @Test func brokenReportsFail() throws {
        let good = try reportJSON(HandMadeRecords.corpus)
        let broken = [
            good.replacingOccurrences(of: "\"amount\" : \"15000000\"", with: "\"amount\" : \"1.5e7\""),
            good.replacingOccurrences(of: "\"status\" : \"conflict\"", with: "\"status\" : \"maybe\""),
            good.replacingOccurrences(of: "\"kind\" : \"rounding\"", with: "\"kind\" : \"roughly\""),
            good.replacingOccurrences(of: "\"line\" : 17", with: "\"line\" : \"17\""),
            good.replacingOccurrences(of: "\"documents\" : 3", with: "\"documentz\" : 3"),
        ]
        for text in broken {
            #expect(text != good)
            #expect(!reportSchema.errors(in: try JSONValue.parse(text)).isEmpty)
        }
    }

    @Test func brokenRecordsFail() throws {
        let good = try RecordCoding.line(for: HandMadeRecords.record003)
        let broken = [
            good.replacingOccurrences(of: "\"currency\":\"EUR\"", with: "\"currency\":\"euro\""),
            good.replacingOccurrences(of: "\"amount\":\"16000000\"", with: "\"amount\":16000000"),
            good.replacingOccurrences(of: "\"claims\":", with: "\"claimz\":"),
            good.replacingOccurrences(of: "\"equivalent\":3", with: "\"equivalent\":-1"),
        ]
        for text in broken {
            #expect(text != good)
            #expect(!recordSchema.errors(in: try JSONValue.parse(text)).isEmpty)
        }
    }

    @Test func validatorRefusesKeywordsItDoesNotCheck() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        try #"{"type": "object", "maxProperties": 2}"#.write(to: url, atomically: true, encoding: .utf8)
        let validator = try JSONSchemaValidator(schemaAt: url)
        #expect(validator.errors(in: .object([:])) == ["$: unsupported schema keyword 'maxProperties'"])
    }
}
