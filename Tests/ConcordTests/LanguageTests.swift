import Foundation
import Testing
@testable import Concord

/// Language detection from the stop-word model of Rules/language.
@Suite struct LanguageTests {
    static let detector: LanguageDetector = {
        do { return try LanguageDetector(rules: Fixtures.rules) } catch { fatalError("language rules do not load: \(error)") }
    }()

    @Test(arguments: RuleExample.all(in: "language"))
    func ruleExample(_ example: RuleExample) {
        let detected = Self.detector.detect(example.text)?.language
        #expect(detected == example.expect?.scalar, "\(example.origin): \(example.text)")
    }

    @Test func seedArticlesAreEnglish() throws {
        for name in ["000_f04260d33bd6e71a.txt", "003_791e63e7b74a6ca2.txt", "004_f27881c4a8e299fc.txt"] {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Corpus").appendingPathComponent(name), encoding: .utf8)
            #expect(Self.detector.detect(text)?.language == "en", "\(name)")
        }
    }

    /// One sentence is enough: a short text needs one hit for every six words.
    @Test(arguments: [
        ("Das Unternehmen sammelte 25 Mio. Euro ein.", "de"),
        ("La société a levé 12,5 millions d'euros.", "fr"),
        ("Invirtió unos 3,5 millones de euros.", "es"),
        ("Ha investito circa 800 mila euro nel progetto.", "it"),
        ("The company said it raised $5 million.", "en"),
    ])
    func oneSentenceIsEnough(text: String, language: String) {
        #expect(Self.detector.detect(text)?.language == language)
    }

    /// Where no word is any language's, nothing is detected (the text is read as English).
    @Test func aTextWithNoFunctionWordIsUndetected() {
        #expect(Self.detector.detect("Microsoft 365 Copilot Pro") == nil)
    }

    @Test func knowsTheFiveLanguages() {
        #expect(Self.detector.languages.sorted() == ["de", "en", "es", "fr", "it"])
    }

    /// A French article runs through the pipeline with no language given: the record says
    /// `fr`, and "1.500 euros" is read the French way.
    @Test func pipelineDetectsAndReadsNumbers() throws {
        let extraction = try Extraction(rules: Fixtures.rules)
        let text = "La start-up a levé 1.500 euros auprès de ses fondateurs, puis 15 millions d'euros dans un tour de table mené par un fonds."
        let record = try extraction.record(for: Fixtures.document(text, language: nil))
        #expect(record.language == "fr")
        #expect(record.money.map(\.amount) == [1500, 15_000_000])
    }

    /// The stop-word table: every word found with all the languages that list it, after
    /// the table has grown; other words, and words too long to look up, find none.
    @Test func stopWordTableKeepsEveryWordAndItsLanguages() {
        var table = StopWordTable()
        let words = (0..<300).map { "w\($0)" } + ["l'entreprise", "dell'azienda", "übermäßig"]
        for (index, word) in words.enumerated() { table.add(StopWordTable.Key(word.utf8), language: index % 3) }
        table.add(StopWordTable.Key("w7".utf8), language: 5)
        table.add(StopWordTable.Key(String(repeating: "x", count: 25).utf8), language: 0)
        for (index, word) in words.enumerated() where word != "w7" {
            #expect(table.languages(of: StopWordTable.Key(word.utf8)) == 1 << UInt64(index % 3), "\(word)")
        }
        #expect(table.languages(of: StopWordTable.Key("w7".utf8)) == (1 << 1 | 1 << 5))
        #expect(table.languages(of: StopWordTable.Key("w300".utf8)) == 0)
        #expect(table.languages(of: StopWordTable.Key("l'entrepris".utf8)) == 0)
        #expect(table.languages(of: StopWordTable.Key(String(repeating: "x", count: 25).utf8)) == 0)
    }

    /// A word's key read eight bytes at a time, inside a text (bytes after it are not part
    /// of it) and at the text's very end (read a byte at a time), is the key of the word
    /// with its ASCII letters lower-cased and every other byte as it is.
    @Test(arguments: [
        ("The", "the"), ("DELL'AZIENDA", "dell'azienda"), ("Übermäßig", "Übermäßig"), ("ÉTÉ", "ÉtÉ"),
        ("Wednesdays", "wednesdays"), ("Unternehmens", "unternehmens"), ("a", "a"), ("ABCDEFGH", "abcdefgh"),
        ("ABCDEFGHIJKLMNOPQRSTUVWX", "abcdefghijklmnopqrstuvwx"), ("AbcdefghijklmnoP", "abcdefghijklmnop"),
    ])
    func wordKeyIsTheLowerCasedWord(word: String, folded: String) {
        let expected = StopWordTable.Key(folded.utf8)
        for (before, after) in [("Said ", " and more words after it, a long way on"), ("so ", "")] {
            let bytes = Array((before + word + after).utf8)
            let key = bytes.withUnsafeBufferPointer { StopWordTable.Key(word: $0, at: before.utf8.count, length: word.utf8.count) }
            #expect(key == expected, "\(word) after '\(before)'")
        }
    }
}

