import Testing
@testable import Concord

/// What a caseless pattern's matches must hold, read from its text.
@Suite struct PatternFactsTests {
    func strings(_ set: Set<[UInt8]>?) -> Set<String>? {
        set.map { Set($0.map { String(decoding: $0, as: UTF8.self) }) }
    }

    @Test func literalsRunAcrossItems() throws {
        let facts = try #require(PatternFacts(caselessPattern: #"[\w.~%-]{1,120}\.(?:jpe?g|png)"#))
        #expect(facts.prefixes == nil)
        #expect(facts.required.map(strings).contains([".jpg", ".jpeg", ".png"]))
        #expect(!facts.canBeEmpty)
    }

    @Test func prefixesAreLowerCasedAlternatives() throws {
        let facts = try #require(PatternFacts(caselessPattern: "(?:Share|Like)(?: this)?[ |]*"))
        #expect(strings(facts.prefixes) == ["share", "share this", "like", "like this"])
        #expect(facts.first.contains(UInt8(ascii: "S")) && facts.first.contains(UInt8(ascii: "l")) && !facts.first.contains(UInt8(ascii: "t")))
    }

    /// Every set of a conjunction must hold: a caption needs a bracket and a credit.
    @Test func requiredSetsAreAConjunction() throws {
        let facts = try #require(PatternFacts(caselessPattern: #"[^\n()]{0,250}+\((?:photo|foto)[ \t]*:[^\n()]{1,80}+\)"#))
        let sets = facts.required.compactMap(strings)
        #expect(sets.contains(["(photo", "(foto"]))
        #expect(sets.count > 1)
        #expect(sets.allSatisfy { [["(photo", "(foto"], ["photo", "foto"], ["("], [":"], [")"]].contains($0) })
    }

    /// A letter with another case beyond ASCII ends a literal; optional parts give none.
    @Test func nothingIsClaimedThatAMatchMayLack() throws {
        let facts = try #require(PatternFacts(caselessPattern: "th[èe]mes|(?:jetzt )?abo"))
        #expect(strings(facts.prefixes) == ["th", "jetzt abo", "abo"])
        #expect(try #require(PatternFacts(caselessPattern: "a?b*")).canBeEmpty)
        #expect(try #require(PatternFacts(caselessPattern: #"\p{Lu}\w+"#)).prefixes == nil)
    }

    @Test func unknownSyntaxGivesNoFacts() {
        #expect(PatternFacts(caselessPattern: "(?i)abc") == nil)
        #expect(PatternFacts(caselessPattern: #"(a)\1"#) == nil)
        #expect(PatternFacts(caselessPattern: "[[:alpha:]]") == nil)
    }
}
