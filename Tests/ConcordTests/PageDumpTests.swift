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

    /// The record of `text` read as the file `name`, boilerplate rules on.
    static func record(_ text: String, name: String) throws -> DocumentRecord {
        let reader = try DocumentReader(rules: Fixtures.rules)
        let document = try reader.decode(Data(text.utf8), input: Input(kind: .file, path: name, id: name)).get()
        return try Extraction(rules: Fixtures.rules).record(for: document)
    }

    /// A dump copied with the site's menu, skip link and share buttons above the byline:
    /// furniture and blank lines do not push the byline out of the header, so its date, the
    /// earliest, dates the document rather than the "Last Updated" line above it.
    @Test func aBylineUnderTheMenuDatesTheDump() throws {
        let text = """
            Skip to content
            Home
            News
            Tech
            Business

            Open In App

            Quantix Robotics raises $75 million for warehouse robots

            Last Updated : 14 Apr, 2025
            Like Article
            Share

            By Priya Nair | April 12, 2025 | 4 min read

            Quantix Robotics has raised $75 million in a Series C round, the company said.
            """
        let record = try Self.record(text, name: "quantix.txt")
        #expect(record.title == "Quantix Robotics raises $75 million for warehouse robots")
        #expect(record.published == "2025-04-12")
    }

    /// "Madrid | 3 de junio de 2025": a place and a bar before the date is a dateline, so
    /// the update below it is not the publishing date.
    @Test func aPlaceAndABarDateTheDump() throws {
        let text = """
            Grupo Levante compra la aseguradora Sol por 85 millones

            Por Redacción
            Madrid | 3 de junio de 2025 - 10:45 CEST
            Actualizado: 4 de junio de 2025 - 09:10

            El Grupo Levante ha cerrado la compra de la aseguradora Sol por 85 millones de euros.
            """
        #expect(try Self.record(text, name: "levante.txt").published == "2025-06-03")
    }

    /// Subscription offers, paywall notes and captions credited in brackets give no value.
    @Test(arguments: [
        ("fr", "Offre spéciale : 1 € le premier mois\nIl vous reste 80% à découvrir.\n(Photo de Jean Durand/AFP)"),
        ("de", "Jetzt 4 Wochen für 1 € testen\nZum Inhalt springen"),
        ("es", "Suscríbete por 1 euro el primer mes"),
        ("it", "Abbonati a 1 euro al mese per 3 mesi\nIl cantiere di Genova.\n(Foto di Giovanni Verdi/ANSA)"),
        ("en", "Get 50% off your first year. Subscribe now.\nRobots at a warehouse in Oakland.\n(Jane Park/Reuters)"),
    ])
    func offersAndCreditsGiveNoValue(language: String, furniture: String) throws {
        let record = try Self.record("Verdane rachète Solaria\n\n\(furniture)\n", name: "offer-\(language).txt")
        #expect(record.money.isEmpty && record.percents.isEmpty, "\(record.money.map(\.text)) \(record.percents.map(\.text))")
        #expect(!record.entities.contains { ["AFP", "ANSA", "Reuters"].contains($0.name) })
    }
}
