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
        #expect(MarkKinds(marked.map(\.mark.kind)) == .entity)
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

    @Test func markKindsCollectTheKindsOfMarks() {
        let kinds = MarkKinds([.money, .entity, .money])
        #expect(kinds == [.money, .entity])
        #expect(kinds.isSuperset(of: .money) && !kinds.isSuperset(of: [.money, .percent]))
        #expect(MarkKinds([MaskedSentence.Kind]()).isEmpty)
    }
}
