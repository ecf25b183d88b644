import Foundation

/// An exact decimal number, as Concord carries every amount from parse to report: no
/// floating point anywhere. Written as a plain decimal string with no exponent
/// (`"16300000"`, `"2.5"`), which is how records and reports store it.
///
/// Backed by Foundation's `Decimal` (38 significant digits, base 10), which is exact for
/// every amount news text states.
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The underlying value.
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init(integerLiteral literal: Int) { value = Decimal(literal) }

    public init(_ integer: Int) { value = Decimal(integer) }

    /// Parses a plain decimal string (`"15"`, `"-2.50"`, `"0.001"`); nil for anything else,
    /// including exponents, separators and empty strings.
    public init?(_ text: String) {
        var digitsSeen = false, pointSeen = false
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digitsSeen = true
            case ".": if pointSeen { return nil }; pointSeen = true
            case "-", "+": if index != 0 { return nil }
            default: return nil
            }
        }
        guard digitsSeen, let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        value = decimal
    }

    /// `digits × 10^exponent`, exactly: `ExactDecimal(significand: 163, exponent: 5)` is 16300000.
    public init(significand: Int, exponent: Int) {
        value = Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(abs(significand)))
    }

    /// The plain decimal string: no exponent, no trailing zeros after the point.
    public var description: String {
        // Foundation writes Decimal in plain notation, never with an exponent.
        value.isZero ? "0" : value.description
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { ExactDecimal(lhs.value + rhs.value) }
    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { ExactDecimal(lhs.value - rhs.value) }
    public static prefix func - (operand: ExactDecimal) -> ExactDecimal { ExactDecimal(-operand.value) }
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal { ExactDecimal(lhs.value * rhs.value) }

    /// The value times `10^power`: the product with `ExactDecimal(significand: 1, exponent:
    /// power)`, equal to it and written alike, by a move of the exponent instead of a Decimal
    /// multiplication (thousands of instructions).
    public func timesPowerOfTen(_ power: Int) -> ExactDecimal {
        ExactDecimal(Decimal(sign: .plus, exponent: power, significand: value))
    }

    /// `lhs / rhs`, rounded to `scale` digits after the point.
    public func divided(by divisor: ExactDecimal, scale: Int = 12) -> ExactDecimal {
        ExactDecimal(value / divisor.value).rounded(scale: scale)
    }

    /// Rounded half away from zero to `scale` digits after the point (negative: to tens, hundreds...).
    public func rounded(scale: Int) -> ExactDecimal {
        var source = value, result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return ExactDecimal(result)
    }

    /// Whether the value is zero.
    public var isZero: Bool { value.isZero }

    /// The absolute value.
    public var magnitude: ExactDecimal { value < 0 ? ExactDecimal(-value) : self }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a plain decimal: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
