import Foundation
import Testing
@testable import Concord

@Suite struct BoilerplateTests {
    static let boilerplate: Boilerplate = {
        do { return try Boilerplate(rules: Fixtures.rules) } catch { fatalError("boilerplate rules do not compile: \(error)") }
    }()

    /// `match` lines must be dropped, `no_match` lines (body sentences) kept, by all rules together.
    @Test(arguments: RuleExample.all(in: "boilerplate"))
    func ruleExample(_ example: RuleExample) {
        #expect(Self.boilerplate.isBoilerplate(line: example.text) == (example.expect != nil), "\(example.origin)")
    }

    func droppedLines(of path: String) throws -> [String] {
        let reader = try DocumentReader(rules: Fixtures.rules)
        let input = Input(kind: .file, path: Fixtures.root.appendingPathComponent(path).path, id: "seed")
        let document = try reader.document(from: .file(input)).get()
        let buffer = TextBuffer(document.text)
        return Self.boilerplate.lines(in: buffer).map { buffer.string($0).trimmingCharacters(in: .whitespaces) }
    }

    /// The dropped lines of each seed article, checked by hand: page furniture only.
    @Test func seedArticlesLoseOnlyTheirFurniture() throws {
        #expect(try droppedLines(of: "Corpus/000_f04260d33bd6e71a.txt") == [
            "Open In App", "Like Article", "Like Article", "Suggest improvement", "Share your thoughts in the comments", "Similar Reads",
        ])
        #expect(try droppedLines(of: "Corpus/003_791e63e7b74a6ca2.txt") == [
            "Leave a Reply", "Your email address will not be published. Required fields are marked *",
        ])
        #expect(try droppedLines(of: "Corpus/004_f27881c4a8e299fc.txt") == [
            "driven by the PitchBook Platform", "WPA Pool/Getty Images", "WPA Pool/Getty Images", "Learn more about our editorial standards.",
            "• jacob-robbins-headshot.jpg", "About Jacob Robbins",
            "Reporter Jacob Robbins covers artificial intelligence and the venture capital ecosystem for PitchBook. Based in Seattle, Jacob is originally from Massachusetts and holds dual degrees in political science and cinema studies from the American University. His work has previously appeared in Air Mail and Business Insider.",
            "Join the more than 2 million industry professionals who get our daily newsletter!",
            "I agree to PitchBook's privacy policy",
        ])
    }

    @Test func boilerplateNumbersAreOutsideTheBody() throws {
        let text = "Microsoft made a €15 million investment.\n\nJoin the more than 2 million industry professionals who get our daily newsletter!\nShare\n"
        let reader = try DocumentReader(rules: Fixtures.rules)
        let document = try reader.decode(Data(text.utf8), input: Input(kind: .file, path: "a.txt", id: "a")).get()
        let tokenized = try Tokenizer(rules: Fixtures.rules).tokenize(document)
        let bytes = Array(document.text.utf8)
        func byte(of needle: String) -> Int {
            let pattern = Array(needle.utf8)
            return (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern }!
        }
        #expect(tokenized.isInBody(byte: byte(of: "15 million")))
        #expect(!tokenized.isInBody(byte: byte(of: "2 million")))
        #expect(!tokenized.isInBody(byte: byte(of: "Share")))
        // 40 scalars of body and a blank line; the 81-scalar newsletter line; "Share" (124..<129).
        #expect(document.bodyRanges == [0..<42, 123..<124, 129..<130])
    }

    /// The headlines listed under a related-content heading go with it, up to the blank
    /// line; a paragraph right under a heading ends like a sentence and stays, with the
    /// lines after it.
    @Test func teaserHeadlinesUnderARelatedHeadingAreDropped() {
        func dropped(_ text: String) -> [String] {
            let buffer = TextBuffer(text)
            return Self.boilerplate.lines(in: buffer).map { buffer.string($0) }
        }
        let german = "Der Umsatz soll um 150 Prozent wachsen.\n\nMehr zum Thema\nLagerroboter: Pickwise erhält 11 Millionen Euro\nKI-Start-ups sammeln 2 Milliarden ein\n\nNordlicht beschäftigt 120 Mitarbeiter.\n"
        #expect(dropped(german) == ["Mehr zum Thema", "Lagerroboter: Pickwise erhält 11 Millionen Euro", "KI-Start-ups sammeln 2 Milliarden ein"])
        let english = "Related stories\nHelix Ventures raised a $300 million fund in May.\nPickwise raises $12 million\n"
        #expect(dropped(english) == ["Related stories"])
        let wrapped = "See also\nThe company said it expects earnings of 1.20 dlrs a\nshare in 1987, up from 90 cts.\n"
        #expect(dropped(wrapped) == ["See also"])
        #expect(dropped("Leggi anche\n\nVerdemare raccoglie 18 milioni\n") == ["Leggi anche"])
        #expect(dropped("Most Read\nOsprey rival Voltstack cuts 200 jobs\nUK battery storage capacity hit 5GW in 2024\n\nTopics\n") == [
            "Most Read", "Osprey rival Voltstack cuts 200 jobs", "UK battery storage capacity hit 5GW in 2024",
        ])
    }

    /// A caption that ends in its bracketed credit gives no values; the body sentences
    /// around it, one citing a source in brackets, do.
    @Test func aCaptionWithItsCreditGivesNoValues() throws {
        let text = """
            Vantor Labs raised $12 million, the company said (Reuters/Ipsos data).

            The robot, which cost $2 million, at work in Lyon. (Photo: Jean Dupont/AFP)

            Der Roboter kostete 3 Millionen Euro. [Foto: dpa]

            The company plans to spend $7 million in 2026.
            """
        let reader = try DocumentReader(rules: Fixtures.rules)
        let document = try reader.decode(Data(text.utf8), input: Input(kind: .file, path: "a.txt", id: "a")).get()
        let record = try Extraction(rules: Fixtures.rules).record(for: document)
        #expect(record.money.map(\.text) == ["$12 million", "$7 million"])
    }

    /// Wire copy wraps sentences at about 65 columns: a wrapped tail is body text.
    @Test func theTailOfAWrappedSentenceIsBody() {
        let text = "The company said it expects earnings of 1.20 dlrs a\nshare.\nIt declined to\ncomment.\nThe plant will be powered by the hot gases of burning coal and\npowered by the combustion gases of burning coal.\nShare\n"
        let buffer = TextBuffer(text)
        #expect(Self.boilerplate.lines(in: buffer).map { buffer.string($0) } == ["Share"])
    }

    @Test func aLongLineIsNeverBoilerplate() {
        let line = "Join " + String(repeating: "the readers ", count: 100) + "newsletter"
        #expect(!Self.boilerplate.isBoilerplate(line: line))
    }

    /// The line filter lets through every line a rule takes, whatever its case, lead and
    /// length, among body lines it skips: a heading and its teasers, a photo credit, a row
    /// of symbols, a wrapped "Read more" line, a bulleted share button.
    @Test func filteredLinesAreTheLinesTheRulesTake() {
        let text = """
        The company said on Monday it would buy the unit for 2 mln dlrs.
        SIMILAR READS
        Acme buys Beta for $2 billion
        
          • SHARE ON FACEBOOK
        Read more: the startup raised a seed round led by two funds in Berlin and Paris
        * * *
        Justin Sullivan/Getty Images
        The deal is expected to close in the second quarter, it said.
        """
        let buffer = TextBuffer(text)
        #expect(Self.boilerplate.lines(in: buffer).map { buffer.string($0) } == [
            "SIMILAR READS", "Acme buys Beta for $2 billion", "  • SHARE ON FACEBOOK",
            "Read more: the startup raised a seed round led by two funds in Berlin and Paris", "* * *", "Justin Sullivan/Getty Images",
        ])
    }

    /// A text holding a character that PCRE2 matches to an ASCII letter caselessly (U+017F
    /// for "s", U+212A for "k") is scanned whole: the filter compares bytes.
    @Test func aTextWithCharactersFoldingToASCIIIsNotFiltered() {
        func filters(_ text: String) -> Bool {
            TextBuffer(text).withBytes { BoilerplateLineFilter.filters($0, count: text.utf8.count) }
        }
        #expect(filters("Share on Facebook’s “page” » Tech"))
        #expect(!filters("\u{17F}hare"))
        #expect(!filters("Lin\u{212A}edIn"))
    }

    /// A kicker before a colon ("Windkraft: ...") heads a headline; a label before one
    /// ("Stand: 12.03.2024", "Written by: Jane Ann Doe") does not.
    @Test(arguments: [
        ("Windkraft: Nordwind Energie kauft Turbinenbauer Flügelwerk", true),
        ("Finanzierungsrunde: Ackerbot erhält 12 Millionen Euro von Agrarfonds", true),
        ("Exclusive: Apple Weighs Bid For Streaming Startup", true),
        ("Update 2: Acme agrees to buy Beta for $50 million", true),
        ("Stand: 12.03.2024 14:20 Uhr", false),
        ("Last Updated : 22 May, 2024", false),
        ("Published: April 2, 2024 | Updated: April 3, 2024", false),
        ("Written by: Jane Ann Doe", false),
        ("Date: Monday, March 4", false),
        ("Fecha: 3 de marzo de 2024", false),
    ])
    func aKickerHeadsAHeadlineALabelDoesNot(line: String, isHeadline: Bool) {
        #expect(TitleFinder.isHeadline(line) == isHeadline)
    }

    /// The line filter finds the literals a rule needs in either case and wherever they
    /// stand (its search reads eight bytes at a time, the last few one by one): each of these
    /// photo credits and share rows is still taken.
    @Test(arguments: [
        "WPA Pool/Getty Images", "JUSTIN SULLIVAN/GETTY IMAGES", "Justin Sullivan/gEtTy iMaGeS", "AP/Getty Images",
        "Photo: Jane Park/Getty Images", "SHARE ON FACEBOOK", "• Share on LinkedIn",
    ])
    func lineFilterFindsLiteralsInEitherCase(line: String) {
        #expect(Self.boilerplate.isBoilerplate(line: line))
    }
}
