/// The value a matched sum stands for, before it is placed in a record: a number already
/// multiplied by its scale ("15 million" → 15000000), its scale multiplier (which the low
/// end of a range may inherit: "$10-15 million"), and its unit if the text names one.
struct MoneyValue: Sendable, Equatable {
    /// The number in the unit's own terms (cents for "12 cts"), scale applied.
    var number: ExactDecimal
    /// The scale's multiplier (10^6 for "million"), nil when none was written.
    var scale: ExactDecimal?
    /// The currency the text names, nil for "6 million" with no currency.
    var unit: MoneyUnit?

    /// The amount in major units ("12 cts" → 0.12).
    var amount: ExactDecimal {
        guard let unit, !unit.isMajor else { return number }
        if let power = unit.factorPower { return number.timesPowerOfTen(power) }
        return number * unit.factor
    }

    /// Reads the parts of a match: a number (digits or words), an optional scale word and
    /// an optional currency unit, digits with the document's `numbers` (its decimal mark).
    /// Nil when the number does not read.
    init?(number text: String, written: Bool, scale scaleText: String?, unit: MoneyUnit?, grammar: MoneyGrammar, numbers: NumberReader) {
        guard let base = written ? numbers.words(text) : numbers.digits(text) else { return nil }
        var scale: ExactDecimal?
        var power: Int?
        if let scaleText {
            guard let scalePower = grammar.scalePower(of: scaleText) else { return nil }
            power = scalePower
            scale = ExactDecimal(significand: 1, exponent: scalePower)
        }
        // Decimal arithmetic costs thousands of instructions an operation: none is done for
        // a number with no half, and a scale moves the exponent.
        var number = base
        // Called, not partially applied: `map(grammar.numbers.rules.addsHalf)` copied the rules
        // (a dozen references retained and released) at each sum.
        if let scaleText, grammar.numbers.rules.addsHalf(scaleText) { number = number + ExactDecimal(significand: 5, exponent: -1) }
        if let power { number = number.timesPowerOfTen(power) }
        self.number = number
        // A written number that ends in a scale ("three billion") carries it already; it is
        // still its scale, which the low end of a range inherits ("between two and three billion").
        let lastWord = written ? text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "-" }).last.map(String.init) : nil
        self.scale = scale ?? lastWord.flatMap(grammar.scalePower(of:)).map { ExactDecimal(significand: 1, exponent: $0) }
        self.unit = unit
    }

    init(number: ExactDecimal, scale: ExactDecimal?, unit: MoneyUnit?) {
        self.number = number
        self.scale = scale
        self.unit = unit
    }

    /// The start of a change written without a unit, read with the end's ("rose from 5 to
    /// 7 euros" → 5 euros): it takes the end's scale when it has none and counts under a
    /// thousand ("fell from 1.2 to 0.9 billion") or stays within ten times the end with it
    /// ("pasó de 1.000 a 1.200 millones"); "from 500,000 to 2 million" stays 500,000.
    func changeStart(to end: MoneyValue) -> MoneyValue {
        var start = self
        start.unit = end.unit
        if scale == nil, let endScale = end.scale, number < 1000 || number * endScale <= end.number * 10 {
            start.number = number * endScale
            start.scale = endScale
        }
        return start
    }

    /// The low end of a range whose high end is `high`: it takes the high end's currency
    /// when it names none, and its scale when it has none and the result stays below the
    /// high end ("$10-15 million" → 10 million; "500,000 to 2 million" stays 500,000).
    /// Nil when the two cannot be one range (different currencies, low above high); "$" and
    /// "dólares" may be one ("$10 - 20 dólares": the high end's unit is the range's).
    func lowEnd(of high: MoneyValue, currencies: CurrencyTable) -> (low: ExactDecimal, high: ExactDecimal, unit: MoneyUnit?)? {
        if let mine = unit, let theirs = high.unit, mine.unit != theirs.unit,
           !currencies.isFamily(mine.unit, within: theirs.unit), !currencies.isFamily(theirs.unit, within: mine.unit) { return nil }
        let sharedUnit = high.unit ?? unit
        var low = number
        if scale == nil, let highScale = high.scale, number * highScale <= high.number {
            low = number * highScale
        }
        let factor = sharedUnit?.factor ?? 1
        let lowAmount = low * (unit?.factor ?? factor)
        let highAmount = high.number * factor
        guard lowAmount < highAmount else { return nil }
        return (lowAmount, highAmount, sharedUnit)
    }
}
