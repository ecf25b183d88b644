import Testing
@testable import Concord

/// What a claim pattern's matches hold (``ClaimPatternReader``), the words found in a text
/// (``WordAutomaton``), and that the filter built on them (``ClaimSentenceFilter``) keeps every
/// pattern that matches.
@Suite struct ClaimSentenceFilterTests {
    static let placeholders: [String: [ClaimPatternNeed]] = [
        "subject": [], "words": [], "gap": [],
        "object": [ClaimPatternNeed(kinds: .entity(.organization), words: [])],
        "money": [ClaimPatternNeed(kinds: .money, words: [])],
    ]

    func needs(_ pattern: String) -> [String] {
        ClaimPatternReader.needs(of: pattern, placeholders: Self.placeholders).map { need in
            (need.kinds.isEmpty ? [] : ["#\(need.kinds.rawValue)"]) + need.words.map { String(decoding: $0, as: UTF8.self) }
        }.map { $0.joined(separator: "|") }
    }

    /// Runs of plain characters, split at spaces, three characters or more; placeholders' marks; in order.
    @Test func wordsAndMarksInOrder() {
        #expect(needs(#"{subject}\h+(?:has\h+)?Invested\h+{words}{money}\h+in to\h+{object}"#) == ["invested", "#1", "#8"])
        #expect(needs("{object}'s stake") == ["#8", "stake"])
    }

    /// A group's branches give one need: each branch's strongest, joined; a branch with none
    /// leaves the group none; an optional item none.
    @Test func branchesJoin() {
        #expect(needs(#"(?:bought|took\h+over|agreed\h+to\h+(?:buy|acquire))\h+{object}"#) == ["bought|took|agreed", "#8"])
        #expect(needs("(?:a|bc|def)x") == [])
        #expect(needs("(?:stake|{money})") == ["#1|stake"])
        #expect(needs("(?:stakes?)?deal") == ["deal"])
        #expect(needs("stakes?") == ["stake"])
        #expect(needs("(?=invest)put") == ["put"])
    }

    /// Classes, escapes of classes and characters beyond ASCII break runs; a literal escaped
    /// character is part of one.
    @Test func classesBreakRuns() {
        #expect(needs(#"finali[sz]ed"#) == ["finali"])
        #expect(needs(#"co\-founded"#) == ["co-founded"])
        #expect(needs(#"gegründet\p{L}+"#) == ["gegr", "ndet"])
        #expect(needs(#"\x01abc"#) == ["abc"])
    }

    /// Text the reader does not know gives no needs at all.
    @Test func unknownSyntaxGivesNone() {
        #expect(needs("(?i)invested") == [])
        #expect(needs(#"(invest)\1"#) == [])
        #expect(needs(#"\Qinvest\E"#) == [])
        #expect(needs("{unknown} invested") == [])
        #expect(needs("(?#note)invested") == [])
    }

    @Test func automatonFindsOverlappingWordsCaseFolded() {
        let words: [[UInt8]] = ["invest", "investment", "stake", "take", "co-founded"].map { Array($0.utf8) }
        let automaton = WordAutomaton(words: words)
        let text = Array("An INVESTMENT and a stake; Co-Founded.".utf8)
        var found: [(Int, Int)] = []
        text.withUnsafeBufferPointer { bytes in
            automaton.forEachWord(in: bytes.baseAddress!, 0..<bytes.count) { found.append(($0, $1)) }
        }
        #expect(found.map(\.0).sorted() == [0, 1, 2, 3, 4])
        #expect(found.contains { $0 == (1, 3) } && found.contains { $0 == (0, 3) })
        #expect(found.contains { $0 == (2, 20) } && found.contains { $0 == (3, 21) })
        // Within the range only.
        var inRange: [Int] = []
        text.withUnsafeBufferPointer { bytes in
            automaton.forEachWord(in: bytes.baseAddress!, 3..<9) { word, _ in inRange.append(word) }
        }
        #expect(inRange.sorted() == [0])
    }

    /// For every example sentence of every claim rule, in every language: each pattern that
    /// matches a sentence's masked text (and whose rule may claim with its marks) is one the
    /// filter keeps, by its marks, its words and their order.
    @Test(arguments: RuleExample.all(in: "claims").filter { !$0.origin.file.hasSuffix("rounds.yaml") })
    func keepsEveryPatternThatMatches(_ example: RuleExample) throws {
        let tokenized = try Fixtures.tokenized(example.text, language: example.language ?? "en", published: "2024-02-27")
        let mentions = try ClaimTestSupport.mentions(tokenized)
        let language = try #require(try ClaimTestSupport.builder.languages.grammar(for: example.language ?? "en"))
        let filter = language.filter
        let (mayHold, mayFakeMarks) = ClaimBuilder.markKinds(in: tokenized, mentions: mentions)
        #expect(!mayFakeMarks)
        let spans = MentionSpans(mentions)
        try tokenized.buffer.withBytes { base in
            var scratch = filter.scratch(base, count: tokenized.buffer.byteCount, isASCII: tokenized.buffer.isASCII)
            for (index, sentence) in tokenized.sentences.enumerated() {
                let marked = spans.marked(in: sentence.range)
                let present = marked.reduce(into: MarkKinds()) { $0.formUnion($1.kinds) }
                #expect(mayHold[index].isSuperset(of: present))
                var kept = Set<Int>()
                if filter.mayMatch(base, sentence.range, kinds: mayHold[index], &scratch) {
                    filter.narrow(&scratch, kinds: present)
                    if filter.inOrder(base, sentence.range, marks: marked, &scratch) {
                        _ = filter.keepSlots(&scratch) { number, _ in kept.insert(number).inserted }
                    }
                }
                let masked = MaskedSentence(sentence: sentence.range, in: tokenized, marked: marked)
                for (number, slot) in filter.slots.enumerated() {
                    let rule = language.rules[slot.rule]
                    let pattern = slot.completes ? rule.completions[slot.pattern] : rule.patterns[slot.pattern]
                    guard rule.mayClaim(present: present, completing: slot.completes), try pattern.firstMatch(in: masked.buffer) != nil else { continue }
                    #expect(kept.contains(number), "\(example.origin): \(rule.predicate) pattern \(slot.pattern) matches \(masked.buffer.text)")
                }
            }
        }
    }

    /// A text holding a character that matches an ASCII letter caselessly (`ſ` for `s`) is
    /// not filtered by words: "ſtake" matches "stake".
    @Test func foldingCharactersTurnWordsOff() throws {
        let text = "Siemens AG has a 5% ſtake in Quantix Inc."
        let tokenized = try Fixtures.tokenized(text)
        let filter = try #require(try ClaimTestSupport.builder.languages.grammar(for: "en")).filter
        let kinds: MarkKinds = [.percent, .entity(.organization)]
        let (byWords, notByWords) = try tokenized.buffer.withBytes { base -> (Set<Int>, Set<Int>) in
            let range = try #require(tokenized.sentences.first).range
            var kept: [Set<Int>] = []
            for isASCII in [true, tokenized.buffer.isASCII] {
                var scratch = filter.scratch(base, count: tokenized.buffer.byteCount, isASCII: isASCII)
                var slots = Set<Int>()
                if filter.mayMatch(base, range, kinds: kinds, &scratch) { _ = filter.keepSlots(&scratch) { number, _ in slots.insert(number).inserted } }
                kept.append(slots)
            }
            return (kept[0], kept[1])
        }
        #expect(byWords.isStrictSubset(of: notByWords))
        #expect(try ClaimTestSupport.claims(text).claims.contains { $0.predicate == "stake" })
    }

    /// A pattern scanned through the interpreter first finds what its JIT code finds.
    @Test func interpretedScansFindTheSameMatches() throws {
        let source = #"(?<word>\p{Lu}\p{Ll}+)\h+(?:invested|acquired)"#
        let interpreted = try Pattern(source, caseless: true, interpretedScans: 2)
        let compiled = try Pattern(source, caseless: true)
        let text = TextBuffer("Siemens invested in Quantix, then Bosch ACQUIRED Brightline; Volvex acquired it.")
        for _ in 0..<4 {
            #expect(try interpreted.matches(in: text).map(\.range) == compiled.matches(in: text).map(\.range))
            #expect(try interpreted.matches(in: text).map { $0["word"] } == compiled.matches(in: text).map { $0["word"] })
        }
    }
}
