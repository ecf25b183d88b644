import Foundation
import Testing
@testable import Concord

/// The claims of the seed articles in Corpus/ (money located as in ``ClaimTestSupport``),
/// checked by hand against the articles.
@Suite struct ClaimCorpusTests {
    static func claims(_ name: String) throws -> (claims: [Claim], mentions: DocumentMentions) {
        let url = Fixtures.root.appendingPathComponent("Corpus").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ClaimTestSupport.claims(text)
    }

    static func facts(_ claims: [Claim], _ mentions: DocumentMentions, _ predicate: String) -> [String] {
        claims.filter { $0.predicate == predicate }.map { claim in
            "\(claim.subject)|\(claim.object)|\(claim.money.map { mentions.money[$0].text }.joined(separator: "+"))"
        }
    }

    @Test func investmentsOf003() throws {
        let (claims, mentions) = try Self.claims("003_791e63e7b74a6ca2.txt")
        #expect(Self.facts(claims, mentions, "investment") == [
            "Microsoft|Mistral AI|$16 Million",
            "Microsoft|Mistral AI|6 million",
            "Microsoft|Mistral AI|€15 million+$16.3 million",
        ])
    }

    @Test func investmentsOf004() throws {
        let (claims, mentions) = try Self.claims("004_f27881c4a8e299fc.txt")
        #expect(Self.facts(claims, mentions, "investment") == [
            "Microsoft|OpenAI|$10 billion",
            "Microsoft|Mistral AI|€15 million+$16.3 million",
        ])
    }
}
