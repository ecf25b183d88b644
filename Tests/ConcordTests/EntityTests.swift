import Testing
@testable import Concord

@Suite struct EntityTests {
    static let extractor: EntityExtractor = { try! EntityExtractor(rules: Fixtures.rules) }()

    static func entities(_ text: String, language: String = "en") throws -> [EntityMention] {
        try extractor.mentions(in: try Fixtures.tokenized(text, language: language))
    }

    /// An all-caps headline has no case to tell names by, even when the story right under
    /// it is in lower case: its words are no organisations.
    @Test func anAllCapsHeadlineNamesNoOrganisation() throws {
        let text = "SWISS NATIONAL BANK SAYS IT BOUGHT DOLLARS\nThe dealers said the bank bought dollars."
        let found = try Self.entities(text).filter { $0.type == .organization }
        #expect(found.allSatisfy { !$0.text.contains("SAYS") && $0.text != "DOLLARS" }, "\(found.map(\.text))")
    }

    /// Every example of the entity rule files: `match` texts yield exactly the expected
    /// mentions (text, type, canonical name) in order; `no_match` texts yield none.
    @Test(arguments: RuleExample.all(in: "entities"))
    func ruleExample(_ example: RuleExample) throws {
        let found = try Self.entities(example.text, language: example.language ?? "en")
        guard let expect = example.expect else {
            #expect(found.isEmpty, "\(example.origin): \(found.map(\.text))")
            return
        }
        let wanted = try expect.list().map { node in [try node.string("text"), try node.string("type"), try node.string("name")] }
        #expect(found.map { [$0.text, $0.type.rawValue, $0.name] } == wanted, "\(example.origin)")
    }

    @Test func mistralFormsAreOneEntityWithCurlyApostrophe() throws {
        // The original has a curly apostrophe: ingest cleans it to ASCII for matching, and the
        // mention's text quotes the original (CONTRACT.md: the original's scalars spell it).
        let found = try Self.entities("Mistral\u{2019}s models and Mistral AI: Mistral grows.")
        #expect(found.map(\.name) == ["Mistral AI", "Mistral AI", "Mistral AI"])
        #expect(found.first?.text == "Mistral\u{2019}s")
        #expect(found.first.map { $0.end - $0.start } == 9)
    }

    @Test func spansPointIntoTheOriginal() throws {
        let found = try Self.entities("Le prix: €15 — Microsoft investit.")
        let microsoft = try #require(found.first)
        #expect(microsoft.name == "Microsoft")
        #expect(microsoft.start == 15)
        #expect(microsoft.end == 24)
    }

    @Test func modelNamesAreNotTheCompany() throws {
        #expect(try Self.entities("the Mistral-7B-v0.1 LLM").isEmpty)
        #expect(try Self.entities("the Microsoft-Mistral deal").map(\.name) == ["Microsoft", "Mistral AI"])
    }

    @Test func anaphorPicksTheDescribedOrganisation() throws {
        let text = "Nimbus Labs Inc., a Berlin-based startup, met Orbital Corp., a Texas-based company. Orbital Corp. and Orbital Corp. talked. The Berlin-based startup agreed."
        let anaphor = try #require(try Self.entities(text).last)
        #expect(anaphor.text == "The Berlin-based startup")
        #expect(anaphor.name == "Nimbus Labs")
    }
}
