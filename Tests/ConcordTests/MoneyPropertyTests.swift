import Testing
@testable import Concord

/// Round trips: amounts generated with a seeded generator, written in each language's
/// formats (grouping, decimal mark, symbol or name before or after, scale words) inside a
/// sentence about money, must be extracted back as exactly one sum of the same exact
/// value and currency.
@Suite struct MoneyPropertyTests {
    /// SplitMix64: small, seeded, the same sequence on every platform.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// How a language writes a number: its grouping and decimal marks.
    struct NumberStyle {
        let group: [String]
        let decimal: String

        /// `units` with `decimals` digits after the mark (`units` = value × 10^decimals).
        func write(_ units: Int, decimals: Int, grouped: Bool, generator: inout Generator) -> String {
            let whole = String(units / Self.power(decimals))
            var text = ""
            if grouped {
                let mark = group[generator.below(group.count)]
                for (index, digit) in whole.enumerated() {
                    if index > 0, (whole.count - index) % 3 == 0 { text += mark }
                    text.append(digit)
                }
            } else {
                text = whole
            }
            if decimals > 0 {
                let fraction = String(units % Self.power(decimals))
                text += decimal + String(repeating: "0", count: decimals - fraction.count) + fraction
            }
            return text
        }

        static func power(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { value, _ in value * 10 } }
    }

    /// A format: how a number and its currency are written (`#` stands for the number).
    struct Format {
        let template: String
        let currency: String
        /// Power of ten of the scale word the template writes, 0 for none.
        let scale: Int
    }

    struct Language: CustomTestStringConvertible {
        let tag: String
        let style: NumberStyle
        let sentence: String
        let formats: [Format]
        var testDescription: String { tag }
    }

    static let languages: [Language] = [
        Language(tag: "en", style: NumberStyle(group: [",", "'"], decimal: "."), sentence: "The company said it raised % in its latest funding round.", formats: [
            Format(template: "$#", currency: "USD", scale: 0), Format(template: "US$ #", currency: "USD", scale: 0),
            Format(template: "€#", currency: "EUR", scale: 0), Format(template: "£#", currency: "GBP", scale: 0),
            Format(template: "# euros", currency: "EUR", scale: 0), Format(template: "EUR #", currency: "EUR", scale: 0),
            Format(template: "# dollars", currency: "USD", scale: 0), Format(template: "$# million", currency: "USD", scale: 6),
            Format(template: "# mln dlrs", currency: "USD", scale: 6), Format(template: "€#bn", currency: "EUR", scale: 9),
            Format(template: "C$#", currency: "CAD", scale: 0), Format(template: "¥# billion", currency: "JPY", scale: 9),
        ]),
        Language(tag: "fr", style: NumberStyle(group: [" ", "\u{00A0}", "\u{202F}", "."], decimal: ","), sentence: "La société a levé % lors de son dernier tour de table.", formats: [
            Format(template: "# €", currency: "EUR", scale: 0), Format(template: "# euros", currency: "EUR", scale: 0),
            Format(template: "# millions d'euros", currency: "EUR", scale: 6), Format(template: "# M€", currency: "EUR", scale: 6),
            Format(template: "# milliards de dollars", currency: "USD", scale: 9), Format(template: "# francs suisses", currency: "CHF", scale: 0),
        ]),
        Language(tag: "de", style: NumberStyle(group: [".", " "], decimal: ","), sentence: "Das Unternehmen hat % in einer Finanzierungsrunde eingesammelt.", formats: [
            Format(template: "# Euro", currency: "EUR", scale: 0), Format(template: "# €", currency: "EUR", scale: 0),
            Format(template: "# Mio. Euro", currency: "EUR", scale: 6), Format(template: "# Mrd. €", currency: "EUR", scale: 9),
            Format(template: "# Millionen US-Dollar", currency: "USD", scale: 6), Format(template: "CHF #", currency: "CHF", scale: 0),
        ]),
        Language(tag: "es", style: NumberStyle(group: [".", " "], decimal: ","), sentence: "La empresa recaudó % en su última ronda de financiación.", formats: [
            Format(template: "# euros", currency: "EUR", scale: 0), Format(template: "# €", currency: "EUR", scale: 0),
            Format(template: "# millones de euros", currency: "EUR", scale: 6), Format(template: "# millones de dólares", currency: "USD", scale: 6),
            Format(template: "# mil millones de dólares", currency: "USD", scale: 9),
        ]),
        Language(tag: "it", style: NumberStyle(group: [".", " "], decimal: ","), sentence: "La società ha raccolto % nel suo ultimo round di finanziamento.", formats: [
            Format(template: "# euro", currency: "EUR", scale: 0), Format(template: "€ #", currency: "EUR", scale: 0),
            Format(template: "# milioni di euro", currency: "EUR", scale: 6), Format(template: "# miliardi di dollari", currency: "USD", scale: 9),
            Format(template: "# sterline", currency: "GBP", scale: 0),
        ]),
    ]

    @Test(arguments: languages)
    func roundTrip(_ language: Language) throws {
        var generator = Generator(state: 20_240_227 &+ UInt64(language.tag.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) }))
        for _ in 0..<150 {
            let format = language.formats[generator.below(language.formats.count)]
            // Scaled sums are short ("16,3 millions"); plain ones any size, maybe grouped.
            let decimals = format.scale > 0 ? generator.below(2) : generator.below(3)
            let units = format.scale > 0 ? 1 + generator.below(999 * NumberStyle.power(decimals)) : 1 + generator.below(99_999_999)
            let grouped = format.scale == 0 && generator.below(2) == 0
            let number = language.style.write(units, decimals: decimals, grouped: grouped, generator: &generator)
            let money = format.template.replacingOccurrences(of: "#", with: number)
            let text = language.sentence.replacingOccurrences(of: "%", with: money)
            let expected = ExactDecimal(significand: units, exponent: format.scale - decimals)
            let found = try MoneyTests.extractor.mentions(in: Fixtures.tokenized(text, language: language.tag))
            #expect(found.count == 1, "\(text): found \(found.map(\.text))")
            #expect(found.first?.amount == expected, "\(text): \(found.first?.amount?.description ?? "nil") ≠ \(expected)")
            #expect(found.first?.currency == format.currency, "\(text)")
        }
    }
}
