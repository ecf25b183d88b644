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

/// The other predicates on Corpus/: each statement its own fact, none mixed into the
/// €15 million investment.
@Suite struct ClaimCorpusPredicateTests {
    static func claims(_ name: String, _ predicate: String) throws -> [(claim: Claim, money: [String], dates: [String])] {
        let (claims, mentions) = try ClaimCorpusTests.claims(name)
        return claims.filter { $0.predicate == predicate }.map { claim in
            (claim, claim.money.map { mentions.money[$0].text }, claim.dates.map { mentions.dates[$0].value ?? "null" })
        }
    }

    @Test func foundersAreOneListPerDocument() throws {
        let in000 = try Self.claims("000_f04260d33bd6e71a.txt", "founded-by")
        #expect(in000.map(\.claim.subject) == ["Mistral AI"])
        #expect(in000.first?.claim.people == ["Arthur Mensch", "Timothée Lacroix", "Guillaume Lample"])
        let in004 = try Self.claims("004_f27881c4a8e299fc.txt", "founded-by")
        #expect(in004.map(\.claim.subject) == ["Mistral AI"])
        #expect(in004.first?.claim.people == ["Arthur Mensch", "Cédric O"])
    }

    @Test func roundsAndValuationAreTheirOwnFacts() throws {
        let rounds = try Self.claims("004_f27881c4a8e299fc.txt", "funding-round")
        #expect(rounds.map { "\($0.claim.subject)|\($0.claim.object)|\($0.money)|\($0.claim.people)" } == [
            "Mistral AI|Series A|[\"$415 million\"]|[\"Andreessen Horowitz\"]",
            "Mistral AI|Seed|[\"$113 million\"]|[\"Lightspeed\"]",
        ])
        let valuations = try Self.claims("004_f27881c4a8e299fc.txt", "valuation")
        #expect(valuations.map { "\($0.claim.subject)|\($0.money)|\($0.dates)" } == ["Mistral AI|[\"$2 billion\"]|[\"2023-12\"]"])
    }

    @Test func partnershipDates() throws {
        let in000 = try Self.claims("000_f04260d33bd6e71a.txt", "partnership").filter { $0.claim.object == "Mistral AI" }
        #expect(in000.contains { $0.claim.subject == "Microsoft" && $0.dates == ["2023-11"] && $0.claim.details["dated"] == nil })
        let in004 = try Self.claims("004_f27881c4a8e299fc.txt", "partnership")
        #expect(!in004.isEmpty)
        #expect(in004.allSatisfy { $0.claim.subject == "Microsoft" && $0.claim.object == "Mistral AI" && $0.dates == ["2024-02-27"] })
    }
}
