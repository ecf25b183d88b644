import Testing
@testable import Concord

@Suite struct CanonicalTests {
    static func record(_ id: String, _ entities: [(String, EntityType)], claims: [Claim] = []) -> DocumentRecord {
        let span = SourceSpan(text: "", start: 0, end: 0, line: 1, bytes: 0..<0)
        return DocumentRecord(id: id, source: id, format: .text,
                              entities: entities.map { EntityMention(span: span, type: $0.1, name: $0.0) }, claims: claims)
    }

    @Test func accentsShortFormsSurnamesAndInitialsAcrossDocuments() throws {
        let founders = Claim(subject: "Zentrix", predicate: "founded-by", object: "", people: ["Cedric O", "Lacroix"], line: 1, sentence: "")
        let records = [
            Self.record("a", [("Cédric O", .person), ("Timothée Lacroix", .person), ("Zentrix Robotics", .organization), ("Federal Trade Commission", .organization)]),
            Self.record("b", [("Cedric O", .person), ("Lacroix", .person), ("Zentrix", .organization), ("FTC", .organization)], claims: [founders]),
        ]
        let canonical = try EntityCanonicalizer(rules: Fixtures.rules).canonicalize(records)
        #expect(canonical[1].entities.map(\.name) == ["Cédric O", "Timothée Lacroix", "Zentrix Robotics", "Federal Trade Commission"])
        #expect(canonical[1].claims[0].subject == "Zentrix Robotics")
        #expect(canonical[1].claims[0].people == ["Cédric O", "Timothée Lacroix"])
        #expect(canonical[0].entities.map(\.name) == records[0].entities.map(\.name))
    }

    @Test func distinctEntitiesStayApart() throws {
        let records = [
            Self.record("a", [("Google", .organization), ("Google DeepMind", .organization), ("Mistral Large", .product)]),
            Self.record("b", [("Nimbus", .organization), ("Nimbus Labs", .organization), ("Nimbus Health", .organization), ("Mistral AI", .organization)]),
        ]
        let names = try EntityCanonicalizer(rules: Fixtures.rules).canonicalNames(records)
        #expect(names["Google"] == nil)
        #expect(names["Nimbus"] == nil)  // ambiguous short form
        #expect(names["Mistral AI"] == nil)  // an organisation is not its product
    }

    @Test func mistralFormsOnCorpusAreOneName() throws {
        let extraction = try Extraction(rules: Fixtures.rules)
        let records = try ["000_f04260d33bd6e71a", "003_791e63e7b74a6ca2", "004_f27881c4a8e299fc"].map { name in
            let url = Fixtures.root.appendingPathComponent("Corpus/\(name).txt")
            return try extraction.record(for: Fixtures.document(try String(contentsOf: url, encoding: .utf8), id: name))
        }
        let canonical = try EntityCanonicalizer(rules: Fixtures.rules).canonicalize(records)
        let mistral = canonical.flatMap(\.entities).filter { $0.text.hasPrefix("Mistral") && $0.type == .organization }
        #expect(mistral.count > 30)
        #expect(Set(mistral.map(\.name)) == ["Mistral AI"])
        #expect(Set(mistral.map(\.text)) == ["Mistral", "Mistral AI", "Mistral\u{2019}s", "Mistral AI\u{2019}s"])
    }

    @Test func symmetricPartiesStayInNameOrderAfterRenaming() throws {
        // "Emile Labs" sorts before "Microsoft", its canonical "Émile Labs" after.
        let partnership = Claim(subject: "Emile Labs", predicate: "partnership", object: "Microsoft", line: 1, sentence: "")
        let records = [
            Self.record("a", [("Émile Labs", .organization), ("Microsoft", .organization)]),
            Self.record("b", [("Emile Labs", .organization)], claims: [partnership]),
        ]
        let claim = try #require(try EntityCanonicalizer(rules: Fixtures.rules).canonicalize(records)[1].claims.first)
        #expect(claim.subject == "Microsoft")
        #expect(claim.object == "Émile Labs")
    }
}

import Foundation
