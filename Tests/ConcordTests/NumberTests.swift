import Testing
@testable import Concord

/// Number reading: every example of Rules/numbers must be matched in full by the
/// language's number patterns and read to the expected exact value; every `no_match`
/// example must not be matched in full.
@Suite struct NumberTests {
    @Test(arguments: RuleExample.all(in: "numbers"))
    func ruleExample(_ example: RuleExample) throws {
        let rules = try NumberRules(rules: Fixtures.rules, language: example.language ?? "en")
        let whole = try Pattern("^(?:(?<digits>\(rules.digitsPattern))|(?<written>\(rules.writtenPattern)))$", caseless: true)
        let buffer = TextBuffer(example.text)
        let match = try whole.firstMatch(in: buffer)
        guard let expect = example.expect else {
            #expect(match == nil, "\(example.origin): \(example.text) reads as a number")
            return
        }
        let reader = NumberReader(rules: rules)
        let value = match?["digits"].map { reader.digits(buffer.string($0)) } ?? match?["written"].map { reader.words(buffer.string($0)) }
        #expect(value??.description == expect.scalar, "\(example.origin): \(example.text)")
    }

    /// Words of several pieces are read whole only after their first piece
    /// (``NumberRules/multiPieceHeads``); the other pieces are read alone.
    /// A minus sign glued before a number, or a minus word, starts it; a dash after a number
    /// ("3 -5") or a hyphen inside a word is no sign, nor "minus" of "plus or minus".
    @Test func minusSignStartsWhereItIsWritten() throws {
        let rules = try NumberRules(rules: Fixtures.rules, language: "en")
        func signStart(_ text: String) -> Int? {
            let buffer = TextBuffer(text)
            return rules.minusSignStart(before: text.utf8.count - 3, in: buffer)
        }
        #expect(signStart("fell -0.3") == 5)
        #expect(signStart("fell \u{2212}0.3") == 5)
        #expect(signStart("(-0.3") == 1)
        #expect(signStart("at minus 0.3") == 3)
        #expect(signStart("3 -0.3") == nil)
        #expect(signStart("COVID-0.3") == nil)
        #expect(signStart("plus or minus 0.3") == nil)
        #expect(signStart("rose 0.3") == nil)
    }

    @Test func wordsOfSeveralPiecesReadAfterTheirHead() throws {
        let spanish = try NumberRules(rules: Fixtures.rules, language: "es")
        let french = try NumberRules(rules: Fixtures.rules, language: "fr")
        #expect(spanish.multiPieceHeads.contains("mil"))
        #expect(!spanish.multiPieceHeads.contains("tres"))
        #expect(french.multiPieceHeads.contains("quatre"))
        #expect(NumberReader(rules: spanish).words("tres mil millones") == 3_000_000_000)
        #expect(NumberReader(rules: spanish).words("mil quinientos millones") == 1_500_000_000)
        #expect(NumberReader(rules: french).words("quatre-vingt-dix") == 90)
        #expect(NumberReader(rules: french).words("quatre vingt") == 80)
        #expect(NumberReader(rules: french).words("quatre") == 4)
        #expect(NumberReader(rules: french).words("quatre pommes") == nil)
    }

    @Test func ambiguitySettledByLanguage() throws {
        let english = NumberReader(rules: try NumberRules(rules: Fixtures.rules, language: "en"))
        let german = NumberReader(rules: try NumberRules(rules: Fixtures.rules, language: "de"))
        #expect(english.digits("1.500") == ExactDecimal("1.5"))
        #expect(german.digits("1.500") == 1500)
        #expect(english.digits("1,500") == 1500)
        #expect(german.digits("1,500") == ExactDecimal("1.5"))
        #expect(english.digits("16,3") == ExactDecimal("16.3"))
        #expect(german.digits("1.500.000,25") == ExactDecimal("1500000.25"))
        #expect(english.digits("1 500 000") == 1_500_000)
        #expect(english.digits("2½") == ExactDecimal("2.5"))
        #expect(english.digits("12,34,567.89") == ExactDecimal("1234567.89"))
    }

    /// A fraction read from integers (``NumberReader/decimalFraction(whole:numerator:denominator:)``)
    /// is the value Decimal division gives, written alike; only a quotient that does not end
    /// within 12 decimals is left to the division.
    @Test func fractionsReadFromIntegersAsDivisionReadsThem() {
        for denominator in 1...99 {
            var rest = denominator
            for prime in [2, 5] { while rest % prime == 0 { rest /= prime } }
            for numerator in 0...20 {
                for whole in [0, 8, 999] {
                    let divided = ExactDecimal(whole) + ExactDecimal(numerator).divided(by: ExactDecimal(denominator))
                    let read = NumberReader.decimalFraction(whole: whole, numerator: numerator, denominator: denominator)
                    #expect((read != nil) == (rest == 1), "\(whole) \(numerator)/\(denominator)")
                    guard let read else { continue }
                    #expect(read == divided && read.description == divided.description, "\(whole) \(numerator)/\(denominator): \(read) for \(divided)")
                    #expect(read.value.exponent == divided.value.exponent && read.value.significand == divided.value.significand)
                }
            }
        }
        #expect(NumberReader.decimalFraction(whole: 1_000_000, numerator: 1, denominator: 2) == nil)
    }

    @Test func unambiguousNumbersSettleTheDecimalMark() throws {
        let marks = { (text: String) in NumberReader.unambiguousDecimalMarks(in: TextBuffer(text)) }
        #expect(marks("It cost 1,234.56 and 1,500,000.") == ["."])
        #expect(marks("Costó 1.234,56 y 1.500.000.") == [","])
        #expect(marks("1,234.56 y 1.234,56") == [".", ","])
        #expect(marks("1,500 o 2.500, el 12.03.2025, versión 1.2.3, 12,34,567.89").isEmpty)
        let spanish = NumberReader(rules: try NumberRules(rules: Fixtures.rules, language: "es"))
        #expect(spanish.reader(region: "MX", text: TextBuffer("")).digits("1,200") == 1200)
        #expect(spanish.reader(region: "AR", text: TextBuffer("")).digits("1,200") == ExactDecimal("1.2"))
        #expect(spanish.reader(region: nil, text: TextBuffer("1,500,000")).digits("1,200") == 1200)
        #expect(spanish.reader(region: "MX", text: TextBuffer("1.500.000")).digits("1,200") == ExactDecimal("1.2"))
        let english = NumberReader(rules: try NumberRules(rules: Fixtures.rules, language: "en"))
        #expect(english.reader(region: nil, text: TextBuffer("1.500.000")).digits("1,200") == 1200)
    }

    @Test func writtenNumbers() throws {
        let reader = { (language: String) in NumberReader(rules: try NumberRules(rules: Fixtures.rules, language: language)) }
        #expect(try reader("en").words("two and a half million") == 2_500_000)
        #expect(try reader("en").words("one million two hundred thousand") == 1_200_000)
        #expect(try reader("de").words("achtundsiebzig Millionen") == 78_000_000)
        #expect(try reader("de").words("siebenhundert") == 700)
        #expect(try reader("it").words("venticinque") == 25)
        #expect(try reader("it").words("duecento") == 200)
        #expect(try reader("fr").words("quatre-vingt-dix-neuf") == 99)
        #expect(try reader("es").words("tres mil millones") == 3_000_000_000)
        #expect(try reader("en").words("million dogs") == nil)
    }

    @Test func missingLanguageIsAClearError() {
        #expect(throws: RuleError.self) { try NumberRules(rules: Fixtures.rules, language: "xx") }
    }

    /// A key written twice in a rule file is reported at its second line, not silently merged.
    @Test func aKeyGivenTwiceIsAnError() throws {
        let yaml = "language: xx\nstopwords: [a, b]\nexamples: {}\nstopwords: [c]\n"
        let error = try #require(throws: RuleError.self) { try RuleFile(path: "language/xx.yaml", yaml: yaml) }
        #expect(error.origin.line == 4)
        #expect(error.message.contains("duplicate key 'stopwords'"))
    }
}
