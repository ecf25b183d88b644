import Testing
@testable import Concord

@Suite struct TokenizerTests {
    func tokenized(_ text: String, language: String? = "en") throws -> TokenizedDocument {
        try Fixtures.tokenized(text, language: language)
    }

    func sentences(_ text: String, language: String? = "en") throws -> [String] {
        let document = try tokenized(text, language: language)
        return document.sentences.map { document.buffer.string($0.range) }
    }

    @Test(arguments: RuleExample.all(in: "tokenize"))
    func ruleExample(_ example: RuleExample) throws {
        let found = try sentences(example.text, language: example.language)
        if let expect = example.expect {
            #expect(found == (try expect.list().map { try $0.string() }), "\(example.origin)")
        } else {
            #expect(found.count == 1, "\(example.origin): split into \(found)")
        }
    }

    /// A boilerplate line is never part of a sentence of the body, however long it is.
    @Test func aBoilerplateLineEndsWhereTheBodyStarts() throws {
        let buttons = "Share on Facebook Share on X Share on LinkedIn"
        let lead = "Berlin-based Pagora has raised €40 million in a Series B round."
        let text = buttons + "\n" + lead
        var document = Document(id: "t", source: "t.txt", format: .text, original: text, bodyRanges: [buttons.count..<text.unicodeScalars.count])
        document.language = LanguageTag("en")
        let tokenized = try Tokenizer(rules: Fixtures.rules).tokenize(document)
        #expect(tokenized.sentences.map { tokenized.buffer.string($0.range) } == [buttons, lead])
        // Without the boilerplate line, the long first line is a hard wrap of one sentence.
        #expect(try sentences(text).count == 1)
    }

    @Test func abbreviationsAndDecimalsDoNotEndSentences() throws {
        let text = "On Feb. 26 and Jan. 5 the U.S. unit of Acme Inc. bought No. 2 rival for 2.5 mln dlrs. Shares rose."
        #expect(try sentences(text) == [
            "On Feb. 26 and Jan. 5 the U.S. unit of Acme Inc. bought No. 2 rival for 2.5 mln dlrs.",
            "Shares rose.",
        ])
    }

    @Test func aSentenceEndsBeforeACapitalOrADigitOnly() throws {
        #expect(try sentences("It rose 5%. 2023 was worse. It fell, e.g. in May.") == ["It rose 5%.", "2023 was worse.", "It fell, e.g. in May."])
        #expect(try sentences("He said \"No.\" Then he left.") == ["He said \"No.\"", "Then he left."])
    }

    @Test func blankLinesHeadingsAndBulletsEndSentences() throws {
        let text = """
        Key Takeaway

        6 million investment in Mistral AI signals a pivotal moment
        In Short
          • Microsoft announces a new partnership with French AI startup, Mistral
          • This is Microsoft's second major AI investment after OpenAI
        1. Supercomputing: Microsoft will provide Mistral with infrastructure
        # Heading
        Body text here
        """
        #expect(try sentences(text) == [
            "Key Takeaway",
            "6 million investment in Mistral AI signals a pivotal moment",
            "In Short",
            "• Microsoft announces a new partnership with French AI startup, Mistral",
            "• This is Microsoft's second major AI investment after OpenAI",
            "1. Supercomputing: Microsoft will provide Mistral with infrastructure",
            "# Heading",
            "Body text here",
        ])
    }

    @Test func hardWrappedWireCopyStaysOneSentence() throws {
        let text = """
        SALVADOR, Feb 26 - Showers continued throughout the week in
        the Bahia cocoa zone, alleviating the drought since early
        January, Comissaria Smith said in its weekly review.
            The dry period means the temporao will be late this year.
        """
        #expect(try sentences(text) == [
            // The patterns read the wrapped lines as one (the spans quote the line feeds).
            "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January, Comissaria Smith said in its weekly review.",
            "The dry period means the temporao will be late this year.",
        ])
    }

    @Test func languageListsApply() throws {
        #expect(try sentences("Die Firma erhielt ca. 15 Mio. Euro. Das ist viel.", language: "de") == ["Die Firma erhielt ca. 15 Mio. Euro.", "Das ist viel."])
        // Without a language every list applies.
        #expect(try sentences("Le 27 févr. 2024, M. Dupont a signé.", language: nil).count == 1)
    }

    @Test func tokensHaveKindsAndByteOffsets() throws {
        let document = try tokenized("Microsoft’s €15 million (about $16.3m) in the U.S. co-founder")
        let tokens = try Tokenizer(rules: Fixtures.rules).tokens(of: try #require(document.sentences.first), in: document)
        let described = tokens.map { "\(document.buffer.string($0.range)):\($0.kind)" }
        #expect(described == [
            "Microsoft's:word", "€:symbol", "15:number", "million:word", "(:punctuation", "about:word", "$:symbol",
            "16.3:number", "m:word", "):punctuation", "in:word", "the:word", "U.S.:word", "co-founder:word",
        ])
        // Byte offsets: "€" is three bytes in UTF-8, at byte 12 of the cleaned text.
        #expect(tokens[1].range == 12..<15)
        #expect(tokens[2].range == 15..<17)
    }

    @Test func spansQuoteTheOriginalScalars() throws {
        let original = "Mistral’s\u{00A0}deal\r\nwas €15 million."
        let document = try tokenized(original)
        let tokens = try Tokenizer(rules: Fixtures.rules).tokens(of: try #require(document.sentences.first), in: document)
        let span = document.span(ofBytes: tokens[0].range)
        #expect(span.text == "Mistral’s")
        #expect(span.start == 0 && span.end == 9)
        let amount = try #require(tokens.first { $0.kind == .number })
        let amountSpan = document.span(ofBytes: amount.range)
        #expect(amountSpan.text == "15" && amountSpan.line == 2)
        #expect(String(Array(original.unicodeScalars)[amountSpan.start..<amountSpan.end].map(Character.init)) == "15")
    }

    @Test func emptyAndBlankTextHaveNoSentences() throws {
        #expect(try sentences("").isEmpty)
        #expect(try sentences(" \n\n \n").isEmpty)
    }
}

/// The word-at-a-time byte search and the line index built on it.
@Suite struct ByteScanTests {
    /// `Bytes.firstIndex` finds what a byte-by-byte search finds, at every start, in text
    /// with the sought bytes in the first word, in the padded tail, next to non-ASCII bytes
    /// and nowhere.
    @Test func firstIndexFindsWhatAByteLoopFinds() {
        let texts = ["", ".", "abc", "Mr. Smith said.\nHe left!", "Zürich — née? Ünïcödé text without any stop", "no stop at all in this one", "\n\n\n", "abcdefgh.", "abcdefghijklmno?"]
        let sought: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\n")]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { sought.contains($0) } ?? bytes.count
                    let found = Bytes.firstIndex(in: buffer, from: start, to: bytes.count) { word in
                        sought.reduce(0) { $0 | Bytes.bytes(of: word, equalTo: $1) }
                    }
                    #expect(found == expected, "\(text) from \(start)")
                    let below = bytes[start...].firstIndex { $0 < 0x0E || $0 >= 0x80 } ?? bytes.count
                    #expect(Bytes.firstIndex(in: buffer, from: start, to: bytes.count) { Bytes.bytes(of: $0, below: 0x0E) | $0 & Bytes.highBits } == below)
                }
            }
        }
    }

    /// Lines end at LF, CR and CRLF, counted in scalars, past non-ASCII text and long lines.
    @Test func lineIndexCountsScalarsAndLineEnds() {
        let text = "Zürich über alles, a line longer than a word or two\r\nsecond\rthird\n\nfifth — last"
        let index = LineIndex(text)
        let scalars = Array(text.unicodeScalars)
        var line = 1
        for (offset, scalar) in scalars.enumerated() {
            #expect(index.line(of: offset) == line, "scalar \(offset)")
            let isCRBeforeLF = scalar == "\r" && offset + 1 < scalars.count && scalars[offset + 1] == "\n"
            if (scalar == "\n" || scalar == "\r") && !isCRBeforeLF { line += 1 }
        }
        #expect(index.count == 5)
    }
}
