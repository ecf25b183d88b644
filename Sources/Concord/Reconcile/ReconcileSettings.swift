/// How Concord decides that two values agree (`Rules/reconcile/common.yaml`): the slack an
/// approximate value gets, how far a relative date may be off, and which scale slips to try
/// when a value fits none of the others.
public struct ReconcileSettings: Sendable {
    /// Units of the last shown digit an approximate value may be off by (a plain value: ½).
    public var approximateUnits: ExactDecimal
    /// Days a relative date ("yesterday") may be off by.
    public var relativeDateDays: Int
    /// Factors a scale slip multiplies by (1000: "thousand" for "million").
    public var scaleFactors: [ExactDecimal]

    public init(approximateUnits: ExactDecimal = 1, relativeDateDays: Int = 1, scaleFactors: [ExactDecimal] = [1000]) {
        self.approximateUnits = approximateUnits
        self.relativeDateDays = relativeDateDays
        self.scaleFactors = scaleFactors
    }

    /// Reads `reconcile/common.yaml`; errors name the file and line.
    public init(rules: RuleSet) throws {
        guard let file = rules.file("reconcile/common.yaml") else {
            throw RuleError(origin: RuleOrigin(file: "reconcile/common.yaml", line: 0), message: "missing: the reconcile settings")
        }
        let tolerance = try file.root["tolerance"].orThrow(file.root, "missing key 'tolerance'")
        let unitsNode = try tolerance["approximate_units"].orThrow(tolerance, "missing key 'approximate_units'")
        guard let units = ExactDecimal(try unitsNode.string()), units >= 0 else {
            throw RuleError(origin: unitsNode.origin, message: "approximate_units must be a plain decimal")
        }
        let daysNode = try tolerance["relative_date_days"].orThrow(tolerance, "missing key 'relative_date_days'")
        guard let days = Int(try daysNode.string()), days >= 0 else {
            throw RuleError(origin: daysNode.origin, message: "relative_date_days must be a whole number")
        }
        let hints = try file.root["hints"].orThrow(file.root, "missing key 'hints'")
        let factors = try hints.list("scale_factors").map { node in
            guard let factor = ExactDecimal(try node.string()), factor > 1 else {
                throw RuleError(origin: node.origin, message: "a scale factor must be a plain decimal above 1")
            }
            return factor
        }
        self.init(approximateUnits: units, relativeDateDays: days, scaleFactors: factors)
    }
}

/// How precisely a text states a number: the place value of the last digit it shows.
/// "$16.3 million" shows tenths of a million (unit 100000), "$16 million" whole millions,
/// "$16,300,000" single dollars.
enum StatedPrecision {
    /// The unit of the last digit `text` shows for `amount`. Counts the ASCII digits of the
    /// text (leading zeros aside); falls back to the amount's own significant digits where
    /// the text spells the number in words or its digits do not fit the amount.
    static func unit(of amount: ExactDecimal, text: String) -> ExactDecimal {
        guard let exponent = amount.leadingExponent else { return 1 }
        let shown = text.unicodeScalars.filter { ("0"..."9").contains($0) }.drop { $0 == "0" }.count
        if shown > 0 {
            let unit = ExactDecimal.power(ofTen: exponent - shown + 1)
            if amount.rounded(to: unit) == amount { return unit }
        }
        return ExactDecimal.power(ofTen: exponent - significantDigits(of: amount) + 1)
    }

    /// The digits of `amount` without leading or trailing zeros: 3 for 16300000.
    static func significantDigits(of amount: ExactDecimal) -> Int {
        let digits = amount.magnitude.description.filter { $0 != "." }
        let trimmed = digits.drop { $0 == "0" }.reversed().drop { $0 == "0" }
        return max(1, trimmed.count)
    }
}

extension ExactDecimal {
    /// Rounded half away from zero to a multiple of `unit` (a power of ten).
    func rounded(to unit: ExactDecimal) -> ExactDecimal {
        guard let exponent = unit.leadingExponent else { return self }
        return rounded(scale: -exponent)
    }
}
