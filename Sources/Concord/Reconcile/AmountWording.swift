/// Writes amounts the way explanations and reports show them to people: "$16.3 million",
/// "€15 million", "CHF 2.5 billion", "6 million", "16,300,000".
public enum AmountWording {
    private static let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]
    private static let scales: [(exponent: Int, word: String)] = [(12, "trillion"), (9, "billion"), (6, "million")]

    /// `amount` with a scale word where it has one and the currency's symbol or code.
    /// Shows at most `digits` significant digits (nil: every digit).
    public static func phrase(_ amount: ExactDecimal, currency: String?, digits: Int? = nil) -> String {
        let shown = digits.map { amount.roundedToSignificantDigits($0) } ?? amount
        let number = scaled(shown)
        guard let currency else { return number }
        if currency == "%" { return number + "%" }
        if let symbol = symbols[currency] { return (shown < 0 ? "-" : "") + symbol + scaled(shown.magnitude) }
        return currency + " " + number
    }

    /// "16.3 million", "950,000", "2.5".
    static func scaled(_ amount: ExactDecimal) -> String {
        for scale in scales where amount.magnitude >= ExactDecimal.power(ofTen: scale.exponent) {
            let value = amount.divided(by: ExactDecimal.power(ofTen: scale.exponent), scale: 12)
            return "\(value) \(scale.word)"
        }
        return grouped(amount)
    }

    /// The plain decimal with thousands separators: "16,300,000", "1,234.5".
    public static func grouped(_ amount: ExactDecimal) -> String {
        let text = amount.magnitude.description
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = ""
        for (offset, character) in parts[0].reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { integer.append(",") }
            integer.append(character)
        }
        let sign = amount < 0 ? "-" : ""
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + String(integer.reversed()) + fraction
    }

    /// What rounding to a power of ten keeps: "the nearest million", "the nearest 100,000",
    /// "a whole number", "1 decimal place".
    static func nearest(_ unit: ExactDecimal) -> String {
        for scale in scales where unit == ExactDecimal.power(ofTen: scale.exponent) {
            return "the nearest \(scale.word)"
        }
        guard let exponent = unit.leadingExponent, exponent <= 0 else { return "the nearest \(scaled(unit))" }
        return exponent == 0 ? "a whole number" : "\(-exponent) decimal place\(exponent == -1 ? "" : "s")"
    }
}
