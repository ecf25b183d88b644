import Foundation
import Testing
@testable import Concord

/// Money extraction: the rule files' own examples, the seed articles of Corpus/ checked by
/// hand, and the cases that must not be money in running text.
@Suite struct MoneyTests {
    static let extractor: MoneyExtractor = {
        do { return try MoneyExtractor(rules: Fixtures.rules) } catch { fatalError("money rules do not compile: \(error)") }
    }()

    static func money(_ text: String, language: String = "en") throws -> [MoneyMention] {
        try extractor.mentions(in: Fixtures.tokenized(text, language: language))
    }

    /// Every `match` example yields exactly the sums its `expect` lists (one mapping or a
    /// list of them); every `no_match` example yields none.
    @Test(arguments: RuleExample.all(in: "money"))
    func ruleExample(_ example: RuleExample) throws {
        guard let expect = example.expect else {
            let found = try Self.money(example.text, language: Self.language(example, nil))
            #expect(found.isEmpty, "\(example.origin): found \(found.map(\.text))")
            return
        }
        let expected = (try? expect.list()) ?? [expect]
        let found = try Self.money(example.text, language: Self.language(example, expected.first))
        #expect(found.count == expected.count, "\(example.origin): found \(found.map(\.text))")
        for (mention, want) in zip(found, expected) {
            Self.check(mention, against: want, origin: example.origin)
        }
    }

    private static func language(_ example: RuleExample, _ expect: RuleNode?) -> String {
        if let tag = expect?["language"]?.scalar { return tag }
        guard let language = example.language, language != "common" else { return "en" }
        return language
    }

    private static func check(_ mention: MoneyMention, against want: RuleNode, origin: RuleOrigin) {
        let context = "\(origin): \(mention.text)"
        if let amount = want["amount"] { #expect(mention.amount?.description == amount.scalar.flatMap { $0 == "null" ? nil : $0 }, "\(context) amount") }
        if let currency = want["currency"] {
            let expected = currency.scalar.flatMap { $0 == "null" || $0.isEmpty ? nil : $0 }
            #expect(mention.currency == expected, "\(context) currency")
        }
        #expect(mention.approximate == (want["approximate"]?.scalar == "true"), "\(context) approximate")
        if let range = want["range"] {
            #expect(mention.amount == nil, "\(context) a range has no amount")
            #expect(mention.range?.min?.description == range["min"]?.scalar.flatMap { $0 == "null" ? nil : $0 }, "\(context) range.min")
            #expect(mention.range?.max?.description == range["max"]?.scalar.flatMap { $0 == "null" ? nil : $0 }, "\(context) range.max")
        } else {
            #expect(mention.range == nil, "\(context) range")
        }
        #expect(mention.equivalent == want["equivalent"]?.scalar.flatMap(Int.init), "\(context) equivalent")
    }

    // MARK: The seed articles, checked by hand

    struct Expected: Sendable, CustomTestStringConvertible {
        let text: String
        let amount: String
        let currency: String?
        var approximate = false
        var equivalent: Int?
        var testDescription: String { text }
    }

    static func corpus(_ name: String) throws -> [MoneyMention] {
        let url = Fixtures.root.appendingPathComponent("Corpus").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try money(text)
    }

    static func expectExactly(_ found: [MoneyMention], _ expected: [Expected]) {
        #expect(found.map(\.text) == expected.map(\.text))
        for (mention, want) in zip(found, expected) {
            #expect(mention.amount?.description == want.amount, "\(want.text) amount")
            #expect(mention.currency == want.currency, "\(want.text) currency")
            #expect(mention.approximate == want.approximate, "\(want.text) approximate")
            #expect(mention.range == nil, "\(want.text) range")
            #expect(mention.equivalent == want.equivalent, "\(want.text) equivalent")
        }
    }

    @Test func article004() throws {
        let found = try Self.corpus("004_f27881c4a8e299fc.txt")
        Self.expectExactly(found, [
            Expected(text: "$415 million", amount: "415000000", currency: "USD"),
            Expected(text: "$10 billion", amount: "10000000000", currency: "USD"),
            Expected(text: "€15 million", amount: "15000000", currency: "EUR", equivalent: 3),
            Expected(text: "$16.3 million", amount: "16300000", currency: "USD", approximate: true),
            Expected(text: "$113 million", amount: "113000000", currency: "USD"),
            Expected(text: "$2 billion", amount: "2000000000", currency: "USD", approximate: true),
        ])
    }

    @Test func article003() throws {
        let found = try Self.corpus("003_791e63e7b74a6ca2.txt")
        Self.expectExactly(found, [
            Expected(text: "$16 Million", amount: "16000000", currency: "USD"),
            Expected(text: "6 million", amount: "6000000", currency: nil),
            Expected(text: "€15 million", amount: "15000000", currency: "EUR", equivalent: 3),
            Expected(text: "$16.3 million", amount: "16300000", currency: "USD"),
        ])
    }

    @Test func article000HasNoMoney() throws {
        #expect(try Self.corpus("000_f04260d33bd6e71a.txt").isEmpty)
    }

    @Test func offsetsSpellTheOriginal() throws {
        let url = Fixtures.root.appendingPathComponent("Corpus/004_f27881c4a8e299fc.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        for mention in try Self.money(text) {
            var spelled = String.UnicodeScalarView()
            spelled.append(contentsOf: scalars[mention.start..<mention.end])
            #expect(String(spelled) == mention.text)
        }
    }

    // MARK: Not money in running text

    @Test(arguments: [
        "Microsoft 365 and Xbox", "It rivals GPT-4 and Claude 2.", "Mistral-7B-v0.1 is open.",
        "a 10-month-old developer", "Join the more than 2 million industry professionals who read us.",
        "multi-billion dollar investments", "In 2023 the startup hired 40 people.",
        "Call +1 555-123-4567 or 555 0199.", "She is 45 and won 3-1 on Jan. 25, 2024.",
        "The app has 10 million users after the funding round.", "It sold 2 million shares.",
        "Version 2.5 runs 7B and 70B models.", "The 737 MAX flew 1,200 miles.",
        "The set streams 1080p video.", "Shares rose 2p to 345p.", "Profit rose in the first quarter; a quarter of the staff left.",
    ])
    func notMoney(_ text: String) throws {
        #expect(try Self.money(text).isEmpty)
    }

    // MARK: Numbers and regions

    @Test func separatorsFollowTheLanguage() throws {
        #expect(try Self.money("It cost €1.500.", language: "de").first?.amount == 1500)
        #expect(try Self.money("It cost €1.500 million.").first?.amount == 1_500_000)
        #expect(try Self.money("Il a payé 1 500 000 euros.", language: "fr").first?.amount == 1_500_000)
        #expect(try Self.money("It cost CHF 1'500'000.").first?.amount == 1_500_000)
        #expect(try Self.money("It cost 1\u{00A0}500\u{202F}000 euros.", language: "fr").first?.amount == 1_500_000)
    }

    @Test func regionSettlesTheDollar() throws {
        #expect(try Self.money("It raised $5 million.", language: "en-CA").first?.currency == "CAD")
        #expect(try Self.money("It raised $5 million.", language: "en-AU").first?.currency == "AUD")
        #expect(try Self.money("It raised $5 million.").first?.currency == "USD")
        #expect(try Self.money("He paid 10 grand.", language: "en-GB").first?.currency == "GBP")
    }

    /// "$" is the local peso where the region writes it so; "dólares", "US$" and "USD" stay US dollars.
    @Test(arguments: [("es-MX", "MXN"), ("es-AR", "ARS"), ("es-CL", "CLP"), ("es-CO", "COP"), ("es-ES", "USD"), ("es", "USD")])
    func dollarSignIsTheLocalPeso(_ language: String, _ currency: String) throws {
        let found = try Self.money("Pagó $500 millones, 20 millones de dólares, US$3 millones y USD 4 millones.", language: language)
        #expect(found.map(\.currency) == [currency, "USD", "USD", "USD"])
    }

    /// The region's number style, else the document's own unambiguous numbers, reads "1,200".
    @Test func regionAndDocumentSettleTheNumberStyle() throws {
        let sentence = "El Gobierno destinará 1,200 millones de pesos a vivienda."
        #expect(try Self.money(sentence, language: "es-MX").first?.amount == 1_200_000_000)
        #expect(try Self.money(sentence, language: "es-ES").first?.amount == 1_200_000)
        #expect(try Self.money(sentence, language: "es").first?.amount == 1_200_000)
        #expect(try Self.money("El bono vale 1,234.50 pesos. " + sentence, language: "es").last?.amount == 1_200_000_000)
        #expect(try Self.money("Hay 3,500,000 afiliados. " + sentence, language: "es").last?.amount == 1_200_000_000)
        #expect(try Self.money("El bono vale 1.234,50 pesos. " + sentence, language: "es-MX").last?.amount == 1_200_000)
        // Dates and versions settle nothing; English keeps its own style whatever the text writes.
        #expect(try Self.money("El 12.03.2025 " + sentence.lowercased(), language: "es").last?.amount == 1_200_000)
        #expect(try Self.money("It paid €1.234,50 and then $1,200 million.").last?.amount == 1_200_000_000)
    }

    /// "as low as" and "as little as" give the lowest a sum goes, "as high as" and "as much as" the highest.
    @Test(arguments: [("Tickets sell for as low as $5.", "en", "5", nil), ("It could cost as little as $3 million.", "en", "3000000", nil),
                      ("Bids went as high as $12 million.", "en", nil, "12000000"), ("Abonnements dès 10 euros.", "fr", "10", nil)] as [(String, String, String?, String?)])
    func lowAndHighAsBounds(_ text: String, _ language: String, _ min: String?, _ max: String?) throws {
        let found = try Self.money(text, language: language)
        #expect(found.count == 1)
        #expect(found.first?.amount == nil)
        #expect(found.first?.range == AmountRange(min: min.flatMap(ExactDecimal.init), max: max.flatMap(ExactDecimal.init)))
    }

    @Test func germanThousandsOfACurrency() throws {
        let found = try Self.money("Umsatz 2024: 1.234 TEUR (Vorjahr: T€ 987); Kosten 12 TUSD.", language: "de")
        #expect(found.map(\.amount) == [1_234_000, 987_000, 12_000])
        #expect(found.map(\.currency) == ["EUR", "EUR", "USD"])
    }

    /// "R" is the rand only glued before a scale, or in an en-ZA document.
    @Test func randNeedsAScaleOrTheRegion() throws {
        #expect(try Self.money("Eskom will get R2 billion and R150m more.").map(\.currency) == ["ZAR", "ZAR"])
        #expect(try Self.money("The fare is R500 a month.", language: "en-ZA").first?.amount == 500)
        #expect(try Self.money("The fare is R500 a month.").isEmpty)
        #expect(try Self.money("He drove the R5 road for 2 million people, R 2 billion.").isEmpty)
        #expect(try Self.money("It cost R$5 million.").first?.currency == "BRL")
        #expect(try Self.money("The fund paid 300 R to each, 2 million euros in all.").map(\.currency) == ["EUR"])
    }

    @Test func kenyanShillings() throws {
        let found = try Self.money("Safaricom paid KSh 500 and Ksh2.1 billion; fees were Kshs. 40.")
        #expect(found.map(\.amount) == [500, 2_100_000_000, 40])
        #expect(found.allSatisfy { $0.currency == "KES" })
    }

    /// "$(12.3) million": an accounting negative reads as its amount; the span keeps the parentheses.
    @Test func accountingNegativeInParentheses() throws {
        let found = try Self.money("The unit lost $(12.3) million, against €(4.5)m a year earlier.")
        #expect(found.map(\.amount) == [12_300_000, 4_500_000])
        #expect(found.map(\.text) == ["$(12.3) million", "€(4.5)m"])
        #expect(try Self.money("See note (3) million times.").isEmpty)
    }

    @Test func newswireShorthand() throws {
        let found = try Self.money("Net profit rose to 15 mln dlrs, or 22 cts a share, from 1.2 billion stg and 500 mln yen.")
        #expect(found.map(\.amount) == [15_000_000, ExactDecimal("0.22"), 1_200_000_000, 500_000_000])
        #expect(found.map(\.currency) == ["USD", "USD", "GBP", "JPY"])
    }

    @Test func sumsWrapAtLineEnds() throws {
        let found = try Self.money("as much as 200 mln\ndlrs if Brazil pays,\nor 6.7 billion\ndlrs over the year.")
        #expect(found.map(\.currency) == ["USD", "USD"])
        #expect(found.first?.range == AmountRange(min: nil, max: 200_000_000))
        #expect(found.last?.amount == 6_700_000_000)
    }

    @Test(arguments: [
        ("Deposits rose by 834 mln francs to 24.79\nbillion francs.", ["834000000", "24790000000"]),
        ("Treasury bills rose\n950 mln dlrs to 74.55 billion dlrs.", ["950000000", "74550000000"]),
        ("MAGMA LOWERS COPPER 0.75 CENT TO 66 CTS", ["0.0075", "0.66"]),
        ("Spending will rise in the year beginning April 1 to\n110.14 billion dlrs.", ["110140000000"]),
        ("Sales fell to $10\nmillion, and to $15 million in May.", ["10000000", "15000000"]),
    ])
    func changesAndDatesAreNoRanges(_ text: String, _ amounts: [String]) throws {
        let found = try Self.money(text)
        #expect(found.map { $0.amount?.description } == amounts)
    }

    @Test(arguments: [
        ("Shares went up to $40.", "en", "40"), ("The stock climbed up to $41.50.", "en", "41.5"),
        ("La acción cayó hasta 3,85 euros.", "es", "3.85"), ("Il titolo è sceso fino a 3 euro.", "it", "3"),
        ("L'action a grimpé jusqu'à 40 euros.", "fr", "40"),
    ])
    func afterAVerbOfChangeUpToIsTheEndPoint(_ text: String, _ language: String, _ amount: String) throws {
        let found = try Self.money(text, language: language)
        #expect(found.map { $0.amount?.description } == [amount])
        #expect(found.first?.range == nil)
    }

    @Test func upToWithoutAChangeIsABound() throws {
        #expect(try Self.money("It may raise up to $40 million.").first?.range == AmountRange(min: nil, max: 40_000_000))
        #expect(try Self.money("Der Preis stieg auf bis zu 40 Euro.", language: "de").first?.range == AmountRange(min: nil, max: 40))
    }

    @Test func aStatementOfTheCurrencyBeatsTheTagAndTheDateline() throws {
        let text = "TORONTO, March 3 - The firm earned $7 million and C$2 million.\n(All figures in US dollars unless stated otherwise.)"
        #expect(try Self.money(text).first?.currency == "USD")
        #expect(try Self.money("All figures in CAD. It earned $7 million.", language: "en-AU").first?.currency == "CAD")
        #expect(try Self.money("Alle Beträge in kanadischen Dollar. Gewinn: 7 Millionen $.", language: "de").first?.currency == "CAD")
        // Amounts in euros say nothing about "$".
        #expect(try Self.money("All amounts in euros. It earned $7 million.").first?.currency == "USD")
    }

    @Test func coinsAndPenceNeedAPriceContextWithoutARegion() throws {
        let pence = try Self.money("The board proposed a dividend of 50p per share.")
        #expect(pence.map(\.amount) == [ExactDecimal("0.5")] && pence.first?.currency == "GBP")
        #expect(try Self.money("A phone call costs a quarter.").first?.amount == ExactDecimal("0.25"))
        #expect(try Self.money("He found a quarter on the floor.").isEmpty)
        // With a region tag a coin stands alone, as before.
        #expect(try Self.money("He found a quarter on the floor.", language: "en-US").first?.currency == "USD")
        #expect(try Self.money("It costs a quarter million dollars.").map(\.amount) == [250_000])
    }

    @Test func spokenDecimals() throws {
        #expect(try Self.money("It raised one point five billion dollars.").first?.amount == 1_500_000_000)
        #expect(try Self.money("Sie nahm zwei Komma fünf Milliarden Euro ein.", language: "de").first?.amount == 2_500_000_000)
        #expect(try Self.money("At one point five people had left.").isEmpty)
        #expect(try Self.money("Sie nahm 20 Euro ein.", language: "de").first?.amount == 20)
    }

    @Test func changeIsNotARange() throws {
        let found = try Self.money("Revenue rose from 5 mln dlrs to 10 mln dlrs.")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.range == nil })
    }
}
