import Testing
@testable import Concord

/// The capture-free text of a pattern (``CaptureFreeText``) and the filtered scans that try it
/// first: the same matches and groups as the pattern itself.
@Suite struct CaptureFreeTextTests {
    @Test(arguments: [
        (#"(?<day>\d{1,2}) (?<month>[a-z]+)"#, #"(?:\d{1,2}) (?:[a-z]+)"#),
        (#"(a|b)(?:c)(?'q'd)(?P<r>e)"#, "(?:a|b)(?:c)(?:d)(?:e)"),
        (#"(?<![\p{L}(])(?<=x)(?=y)(?!z)(?>w)(?i:v)(?-i:u)"#, #"(?<![\p{L}(])(?<=x)(?=y)(?!z)(?>w)(?i:v)(?-i:u)"#),
        (#"[(][]()][^]a(]\(\)[[:alpha:](]"#, #"[(][]()][^]a(]\(\)[[:alpha:](]"#),
        (#"(?|Q(?<q>[1-4])|(?<q>[1-4])Q)\K(*SKIP)"#, #"(?:Q(?:[1-4])|(?:[1-4])Q)\K(*SKIP)"#),
    ])
    func groupsBecomePlain(source: String, expected: String) {
        #expect(CaptureFreeText.of(source) == expected)
    }

    @Test(arguments: [
        #"(a)\1"#, #"(?<n>a)\k<n>"#, #"(a)\g{1}"#, #"(?<g>a)?(?(<g>)b|c)"#, #"(a(?1)?)"#,
        #"(?<n>a)(?&n)"#, #"(?P<n>a)(?P=n)"#, #"(a)(?-1)"#, #"(?x) (a) # comment"#, #"(?ix:a)"#, #"\Q(a)\E"#,
    ])
    func patternsThatReferToGroupsAreLeftAlone(source: String) {
        #expect(CaptureFreeText.of(source) == nil)
    }

    /// A pattern with more groups than ``CaptureFreeText/minimumGroups`` scanned with a start
    /// filter (tried without groups first) finds what a plain scan finds, groups included.
    @Test func filteredScanOfManyGroupsMatchesAPlainScan() throws {
        let forms = (0..<20).map { "(?<w\($0)>word\($0))\\h+(?<n\($0)>[0-9]+)" }
        let source = "(?<![\\p{L}\\p{N}])(?:" + forms.joined(separator: "|") + ")"
        let pattern = try Pattern(source, caseless: true)
        #expect(CaptureFreeText.of(source) != nil)
        let buffer = TextBuffer("word3 12, Word17 4 and word3x 5; word19   777 word0 1")
        let filter = WordStartFilter(capitals: false, prefixes: ["word"])
        var plain: [[String?]] = [], filtered: [[String?]] = []
        func groups(_ match: PatternMatch) -> [String?] {
            [buffer.string(match.range)] + (0..<20).flatMap { ["w\($0)", "n\($0)"] }.map { match[$0].map(buffer.string) }
        }
        try pattern.forEachMatch(in: buffer) { plain.append(groups($0)); return true }
        try pattern.forEachMatch(in: buffer, startingAt: filter) { filtered.append(groups($0)); return true }
        #expect(plain.map { $0[0] } == ["word3 12", "Word17 4", "word19   777", "word0 1"])
        #expect(filtered == plain)
        #expect(plain[1].compactMap { $0 } == ["Word17 4", "Word17", "4"])
    }
}
