import Foundation

/// The dated exchange-rate table of `Rules/fx/` (monthly means of the ECB's daily euro
/// reference rates, with each month's lowest and highest day), giving any currency pair by
/// cross rates through the base currency.
///
/// The file is read at run start but each month's line is parsed only when a conversion
/// asks for it, so loading costs one split of the file into lines.
public struct ExchangeRateTable: Sendable {
    /// One currency's rate in one month: units per 1 base unit.
    struct MonthlyRate: Sendable {
        var mean: ExactDecimal
        var low: ExactDecimal
        var high: ExactDecimal
    }

    /// The table's file relative to the rules directory, as rates name it.
    public let path: String
    /// The currency every rate is quoted against (EUR for the ECB).
    public let base: String
    /// Days around a document's date within which a rate another article states is used.
    public let corpusRateDays: Int
    private let currencies: [String]
    /// Month (`YYYY-MM`) → the raw cells of that month, one per currency.
    private let months: [String: [Substring]]
    /// The months the table holds, in order.
    public let firstMonth: String
    public let lastMonth: String

    /// Reads `fx/fx.yaml` and the table it names.
    public init(rules: RuleSet) throws {
        guard let settings = rules.file("fx/fx.yaml") else {
            throw RuleError(origin: RuleOrigin(file: "fx/fx.yaml", line: 0), message: "missing: the exchange-rate settings")
        }
        let tableNode = try settings.root["table"].orThrow(settings.root, "missing key 'table'")
        let tableName = try tableNode.string()
        base = try settings.root.string("base")
        guard let days = Int(try settings.root.string("corpus_rate_days")), days >= 0 else {
            throw RuleError(origin: settings.root.origin, message: "corpus_rate_days must be a whole number of days")
        }
        corpusRateDays = days
        path = "fx/" + tableName
        let url = rules.directory.appendingPathComponent(path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RuleError(origin: tableNode.origin, message: "cannot read the rate table \(path): \(error.localizedDescription)")
        }
        var header: [String]?
        var months: [String: [Substring]] = [:]
        var order: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let columns = header else {
                header = cells.dropFirst().map(String.init)
                continue
            }
            guard cells.count == columns.count + 1, cells[0].count == 7 else {
                throw RuleError(origin: RuleOrigin(file: path, line: number + 1), message: "expected a month and \(columns.count) cells")
            }
            let month = String(cells[0])
            months[month] = Array(cells.dropFirst())
            order.append(month)
        }
        guard let header, let first = order.min(), let last = order.max() else {
            throw RuleError(origin: RuleOrigin(file: path, line: 1), message: "the rate table holds no months")
        }
        currencies = header
        self.months = months
        firstMonth = first
        lastMonth = last
    }

    /// Whether the table knows `currency` at all.
    public func knows(_ currency: String) -> Bool { currency == base || currencies.contains(currency) }

    /// The rate of `currency` against the base in `month`, parsed from its cell.
    func rate(of currency: String, month: String) -> MonthlyRate? {
        if currency == base { return MonthlyRate(mean: 1, low: 1, high: 1) }
        guard let column = currencies.firstIndex(of: currency), let cells = months[month] else { return nil }
        let parts = cells[column].split(separator: " ")
        guard parts.count == 3, let mean = ExactDecimal(String(parts[0])), let low = ExactDecimal(String(parts[1])),
              let high = ExactDecimal(String(parts[2])), !mean.isZero else { return nil }
        return MonthlyRate(mean: mean, low: low, high: high)
    }

    /// The table's conversion from `from` to `to` at `date` (`YYYY-MM-DD` or `YYYY-MM`), by
    /// cross rates through the base; nil where the table has no rate for that month.
    public func conversion(from: String, to: String, at date: String) -> Conversion? {
        let month = String(date.prefix(7))
        guard let source = rate(of: from, month: month), let target = rate(of: to, month: month) else { return nil }
        // units of `to` per `from` = (to per base) / (from per base); each month's relative
        // half-range of daily rates adds to the spread.
        return Conversion(
            from: from, to: to, numerator: target.mean, denominator: source.mean,
            spread: Self.halfRange(source) + Self.halfRange(target),
            source: "Rules/\(path) (ECB monthly mean \(month))", origin: .table, period: month)
    }

    /// The table's month nearest to `date`: the month itself when the table holds it.
    public func clampedMonth(_ date: String) -> String {
        let month = String(date.prefix(7))
        return min(max(month, firstMonth), lastMonth)
    }

    private static func halfRange(_ rate: MonthlyRate) -> ExactDecimal {
        (rate.high - rate.low).divided(by: rate.mean * 2)
    }
}

/// A way from one currency to another: an exact ratio `numerator / denominator` (units of
/// `to` per unit of `from`), how far the rate moved day to day (relative), and where the
/// rate came from.
public struct Conversion: Sendable, Equatable {
    /// Where a rate came from, in the order Concord prefers them.
    public enum Origin: Sendable {
        /// The same article states the converted sum (an equivalent) or the rate.
        case sameArticle
        /// Another article of the corpus, dated near this one, states it.
        case corpus
        /// The table at the document's date.
        case table
        /// The table at the run's reference date (the document states no usable date).
        case reference
    }

    public let from: String
    public let to: String
    public let numerator: ExactDecimal
    public let denominator: ExactDecimal
    /// `numerator / denominator` to five significant digits, as reports show it.
    public let shownRate: ExactDecimal
    /// Relative day-to-day spread of the rate (0 for a rate an article states).
    public var spread: ExactDecimal
    /// `path:line` of a stated rate, or the table and month.
    public var source: String
    public var origin: Origin
    /// The table's month, for a rate from the table.
    public var period: String?

    public init(from: String, to: String, numerator: ExactDecimal, denominator: ExactDecimal, spread: ExactDecimal, source: String, origin: Origin, period: String? = nil) {
        self.from = from
        self.to = to
        self.numerator = numerator
        self.denominator = denominator
        shownRate = numerator.divided(by: denominator, scale: 16).roundedToSignificantDigits(5)
        self.spread = spread
        self.source = source
        self.origin = origin
        self.period = period
    }

    /// `amount` in `to`, rounded to hundredths.
    public func apply(_ amount: ExactDecimal) -> ExactDecimal {
        (amount * numerator).divided(by: denominator, scale: 2)
    }

    /// The same rate the other way round.
    public var inverse: Conversion {
        Conversion(from: to, to: from, numerator: denominator, denominator: numerator, spread: spread, source: source, origin: origin, period: period)
    }

    /// The rate as reports show it: five significant digits.
    public var rate: Rate {
        Rate(from: from, to: to, value: shownRate, source: source)
    }
}

extension ExactDecimal {
    /// The power of ten of the leading digit: 2 for 163, -3 for 0.0015; nil for zero.
    var leadingExponent: Int? {
        guard !isZero else { return nil }
        // One pass over the plain digits: "16300000" → 7, "0.0015" → -3.
        var integerDigits = 0, leadingFractionZeros = 0, seenPoint = false
        for byte in magnitude.description.utf8 {
            if byte == UInt8(ascii: ".") { seenPoint = true; continue }
            if !seenPoint { integerDigits += 1 } else if byte == UInt8(ascii: "0") { leadingFractionZeros += 1 } else { break }
        }
        let integerIsZero = integerDigits == 1 && magnitude < 1
        return integerIsZero ? -(leadingFractionZeros + 1) : integerDigits - 1
    }

    /// Rounded to `digits` significant digits.
    func roundedToSignificantDigits(_ digits: Int) -> ExactDecimal {
        guard let exponent = leadingExponent else { return self }
        return rounded(scale: digits - 1 - exponent)
    }

    /// `10^exponent`.
    static func power(ofTen exponent: Int) -> ExactDecimal { ExactDecimal(significand: 1, exponent: exponent) }
}

extension Optional where Wrapped == RuleNode {
    /// The node, or a rule error at `parent` saying what is missing.
    func orThrow(_ parent: RuleNode, _ message: String) throws -> RuleNode {
        guard let self else { throw RuleError(origin: parent.origin, message: message) }
        return self
    }
}
