import Foundation
import Testing
@testable import Concord

/// `concord extract` on the page dumps of Tests/Fixtures/page-dumps (invented companies and
/// figures, written for this test in the layouts scrapers produce): the page furniture
/// (share rows, newsletter prompts, a subscription offer, teaser headlines under a
/// related-content heading, an author bio) gives no value, every body sentence does, and
/// a qualified publishing label dates the document.
@Suite(.serialized) struct PageDumpTests {
    static func records() throws -> [String: DocumentRecord] {
        let run = try ConcordBinary.run(["extract", "Tests/Fixtures/page-dumps"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("concord: 2 documents, 0 failed"))
        let records = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(DocumentRecord.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
    }

    @Test func germanDumpIsDatedByItsUpdatedLineAndLosesItsFurniture() throws {
        let record = try #require(try Self.records()["nordlicht-de"])
        #expect(record.title == "Nordlicht Robotics sammelt 42 Millionen Euro ein")
        // "Zuletzt aktualisiert: 11.03.2025, 17:45 Uhr" (line 8); Tuesday, March 11, 2025.
        #expect(record.published == "2025-03-11")
        #expect(record.dates.map(\.text) == ["11.03.2025", "Dienstag", "in diesem Jahr"])
        #expect(record.dates.map(\.value) == ["2025-03-11", "2025-03-11", "2025"])
        // The headline (1) and the body sentence (10); not the teasers under "Mehr zum
        // Thema" (17, 18: 11 and 900 million euros, the year 2024).
        #expect(record.money.map(\.line) == [1, 10])
        // App banner, share buttons, newsletter prompt, heading, teasers, author bio.
        let furniture: Set<Int> = [3, 5, 6, 14, 16, 17, 18, 20]
        let lines = record.money.map(\.line) + record.dates.map(\.line) + record.percents.map(\.line) + record.entities.map(\.line)
        #expect(lines.allSatisfy { !furniture.contains($0) }, "\(lines)")
        #expect(record.percents.map(\.line) == [12])
    }

    @Test func spanishPageLosesItsShareRowAndAuthorBio() throws {
        let record = try #require(try Self.records()["aurelia-es"])
        #expect(record.title == "Banco Meridiano compra Aurelia Pay por 310 millones de euros")
        #expect(record.published == "2025-05-06")
        // The share row (line 11) named Facebook; the bio (line 12) dated 2015.
        #expect(!record.entities.contains { $0.line == 11 || $0.line == 12 })
        #expect(record.dates.map(\.text) == ["martes", "tercer trimestre de 2025"])
        #expect(record.money.map(\.line) == [8, 9])
    }
}
