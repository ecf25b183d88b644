import Foundation
import Testing
@testable import Concord

/// `concord extract` on Tests/Fixtures/ingest-pages: pages and page dumps written for this
/// test (invented companies and figures) in five languages and the layouts sites produce: a
/// WordPress post, newspaper pages with navigation, related links, ads and a cookie banner,
/// AMP pages, pages dated only by JSON-LD (an `@graph`, an array, a timezone offset), a
/// `<time>`, a byline or the byline in the article's own `<header>`, upper-case tags,
/// unclosed paragraphs, `<br>` paragraphs, tables, CDATA, and plain-text copies with menus,
/// share rows, comment counts, reading times, newsletter prompts, credits and teasers.
///
/// Tests/Fixtures/ingest-pages.json holds the hand-checked expectations of each page: its
/// title and publishing date, its money and percent mentions in order (so a figure of the
/// furniture, "Join the more than 2 million ...", is not among them, and none of the body's
/// is lost), and its furniture lines, on which no mention of any kind may stand.
@Suite(.serialized) struct IngestPageTests {
    struct Expectation: Decodable, Sendable {
        let title: String?
        let published: String?
        let money: [String]
        let percents: [String]
        let furniture: [Int]
    }

    static let folder = "Tests/Fixtures/ingest-pages"

    static let expectations: [String: Expectation] = {
        let url = Fixtures.root.appendingPathComponent(folder + ".json")
        guard let data = try? Data(contentsOf: url), let expectations = try? JSONDecoder().decode([String: Expectation].self, from: data) else { return [:] }
        return expectations
    }()

    /// The records of every page, by id, from one run over the folder.
    static let records: [String: DocumentRecord] = {
        guard let run = try? ConcordBinary.run(["extract", "--progress", "never", folder]), run.status == 0 else { return [:] }
        let records = run.stdout.split(separator: "\n").compactMap { try? JSONDecoder().decode(DocumentRecord.self, from: Data($0.utf8)) }
        return Dictionary(records.map { ($0.id, $0) }) { first, _ in first }
    }()

    @Test func everyPageHasItsExpectation() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent(Self.folder).path)
        let ids = Set(pages.map { ($0 as NSString).deletingPathExtension })
        #expect(ids.count >= 25)
        #expect(ids == Set(Self.expectations.keys))
        #expect(ids == Set(Self.records.keys))
    }

    @Test(arguments: expectations.keys.sorted())
    func pageReadsAsExpected(id: String) throws {
        let expected = try #require(Self.expectations[id])
        let record = try #require(Self.records[id])
        #expect(record.title == expected.title)
        #expect(record.published == expected.published)
        #expect(record.money.map(\.text) == expected.money)
        #expect(record.percents.map(\.text) == expected.percents)
        let lines = record.money.map(\.line) + record.percents.map(\.line) + record.dates.map(\.line) + record.entities.map(\.line)
        let onFurniture = lines.filter(expected.furniture.contains)
        #expect(onFurniture.isEmpty, "mentions on furniture lines \(onFurniture)")
    }
}
