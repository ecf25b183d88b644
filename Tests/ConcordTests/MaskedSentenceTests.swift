import Testing
@testable import Concord

/// The masked text claim patterns read, built byte by byte, and the marks a claim needs.
@Suite struct MaskedSentenceTests {
    /// An entity mention over the first occurrence of `name` in the document's cleaned text.
    func entity(_ name: String, in document: TokenizedDocument, type: EntityType = .organization) throws -> EntityMention {
        let text = document.buffer.text
        let range = try #require(text.range(of: name))
        let bytes = text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
        return EntityMention(span: document.span(ofBytes: bytes), type: type, name: name)
    }

    /// Marks stand for mentions (a wire name's angle brackets dropped, a possessive kept as
    /// text), line breaks read as spaces, and non-ASCII text is copied as it is.
    @Test func marksReplaceMentionsAndLineBreaksAreSpaces() throws {
        let document = try Fixtures.tokenized("Shares of <Gulfex Inc> rose\nafter Acme's\nbid in Zürich, Anna Berg said.")
        let mentions = DocumentMentions(money: [], dates: [], percents: [], entities: [
            try entity("Gulfex Inc", in: document), try entity("Acme's", in: document), try entity("Anna Berg", in: document, type: .person),
        ])
        let whole = 0..<document.buffer.byteCount
        let spans = MentionSpans(mentions)
        let marked = spans.marked(in: whole)
        let masked = MaskedSentence(sentence: whole, in: document, marked: marked)
        #expect(masked.buffer.text == "Shares of \u{1}O0\u{2} rose after \u{1}O1\u{2}'s bid in Zürich, \u{1}H2\u{2} said.")
        #expect(masked.marks.map(\.index) == [0, 1, 2])
        #expect(marked.reduce(into: MarkKinds()) { $0.formUnion($1.kinds) } == [.entity(.organization), .entity(.person)])
        // A sentence that ends inside a mention does not take it.
        #expect(spans.marked(in: 0..<15).isEmpty)
    }

    @Test func possessivesAreCountedInScalars() {
        #expect(MentionSpans.possessiveLength("Microsoft's") == 2)
        #expect(MentionSpans.possessiveLength("Microsoft’s") == 2)
        #expect(MentionSpans.possessiveLength("Jones'") == 1)
        #expect(MentionSpans.possessiveLength("Jones’") == 1)
        #expect(MentionSpans.possessiveLength("Siemens") == 0)
        #expect(MentionSpans.possessiveLength("s") == 0)
        #expect(MentionSpans.possessiveLength("") == 0)
    }

    /// A rule's patterns need the marks of the slots it requires: a sum, a percent, people,
    /// an object (an entity of its object types); completions need people.
    @Test func rulesNeedTheMarksOfTheirRequiredSlots() throws {
        let builder = try ClaimBuilder(rules: Fixtures.rules)
        let rules = try #require(try builder.languages.grammar(for: "en")).rules
        let investment = try #require(rules.first { $0.predicate == "investment" })
        let organisation = MarkKinds.entity(.organization)
        #expect(investment.mayClaim(present: [.money, organisation], completing: false))
        #expect(!investment.mayClaim(present: [.money, .entity(.person)], completing: false))
        #expect(!investment.mayClaim(present: [organisation, .percent], completing: false))
        let round = try #require(rules.first { $0.predicate == "funding-round" })
        // The round's object is its name, read as text: only the sum is needed.
        #expect(round.mayClaim(present: .money, completing: false))
        #expect(!round.mayClaim(present: .date, completing: false))
        #expect(round.mayClaim(present: .entity(.person), completing: true))
        #expect(!round.mayClaim(present: .money, completing: true))
    }
}
