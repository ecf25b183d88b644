/// Finds sums of money in a document and resolves them to exact amounts, ISO currencies,
/// ranges, qualifiers and stated equivalents (CONTRACT.md, the record's `money`).
///
/// The rules are data (`Rules/money/`, `Rules/numbers/`); ``MoneyGrammar`` composes them
/// into a few patterns per language. One scan finds the core of each sum; each hit is then
/// read once where it stands: the low end of a range and a qualifier just before it, a
/// bound just after it, a minor unit that completes it ("1 dollar and 42 cents"), and
/// whether a sum with no currency stands in a sentence about money. Nothing rescans the
/// document per match.
public struct MoneyExtractor: Sendable {
    let grammars: GrammarsByLanguage<MoneyGrammar>

    public init(rules: RuleSet, compilation: GrammarCompilation = .eager) throws {
        let currencies = try CurrencyTable(rules: rules)
        let files = rules.filesByLanguage(in: "money")
        guard files["en"] != nil else {
            throw RuleError(origin: RuleOrigin(file: "money/en.yaml", line: 0), message: "the English money rules are required (the fallback language)")
        }
        grammars = try GrammarsByLanguage(languages: files.keys, compilation: compilation) { language in
            try MoneyGrammar(file: files[language]!, rules: rules, numbers: try NumberRules(rules: rules, language: language), currencies: currencies)
        }
    }

    /// The languages with money rules.
    public var languages: [String] { grammars.languages }

    public func mentions(in document: TokenizedDocument) throws -> [MoneyMention] {
        let grammar = try grammars.grammar(for: document.language.language)!
        let numbers = grammar.numbers.reader(region: document.language.region, text: document.buffer)
        let reading = MoneyReading(document: document, grammar: grammar, numbers: numbers)
        return try reading.mentions()
    }
}

/// One document read with one grammar: the steps of ``MoneyExtractor`` over one text.
private struct MoneyReading {
    let document: TokenizedDocument
    let grammar: MoneyGrammar
    /// The document's number style (``NumberReader/reader(region:text:)``).
    let numbers: NumberReader
    var buffer: TextBuffer { document.buffer }
    /// The region of the document's language tag.
    var taggedRegion: String? { document.language.region }

    /// A sum as found, before qualifiers and the context check.
    struct Found {
        var bytes: Range<Int>
        var value: MoneyValue
        var range: (low: ExactDecimal, high: ExactDecimal)?
    }

    func mentions() throws -> [MoneyMention] {
        var found: [Found] = []
        let take = { (match: PatternMatch) in
            let previousEnd = found.last?.bytes.upperBound ?? 0
            guard match.range.lowerBound >= previousEnd else { return }  // "dollars" of "two million dollars"
            if let sum = match[grammar.scanGroups.anchor] != nil ? readWritten(match, after: previousEnd) : read(match, after: previousEnd, previousInCurrency: found.last?.value.unit != nil) { found.append(sum) }
        }
        if let starts = grammar.moneyStarts {
            try ChunkedScan.forEachMatch(grammar.scan, in: buffer, startingAt: starts, take)
        } else {
            try ChunkedScan.forEachMatch(grammar.scan, in: buffer, startingAt: grammar.scanStarts, take)
        }
        // Most documents state no sum: the steps below, each a new array, have nothing to do.
        guard !found.isEmpty else { return [] }
        found = try joinMinorUnits(found)
        found = try addCents(found)
        found = try joinRanges(found)
        found = try withElidedCurrencies(found)
        var sums: [Found] = []
        sums.reserveCapacity(found.count)
        for sum in found where document.isInBody(byte: sum.bytes.lowerBound) {
            if sum.value.unit == nil, try !isAboutMoney(sum.bytes) { continue }
            sums.append(sum)
        }
        let region = try documentRegion(sums)
        var mentions = try sums.map { try mention(for: $0, region: region) }
        try linkEquivalents(&mentions)
        return mentions
    }

    /// A sum stated without its currency right after one with it in the same sentence, joined
    /// by a word of comparison ("$2.5 billion, up from 2.1 billion", "2,5 milliards d'euros,
    /// contre 2,1 milliards"), is in that currency.
    private func withElidedCurrencies(_ found: [Found]) throws -> [Found] {
        guard let join = grammar.comparisonJoin else { return found }
        var result = found
        for index in result.indices.dropFirst() where result[index].value.unit == nil {
            let previous = result[index - 1]
            guard let unit = previous.value.unit, previous.bytes.upperBound <= result[index].bytes.lowerBound,
                  document.sentenceIndex(containing: previous.bytes.lowerBound) == document.sentenceIndex(containing: result[index].bytes.lowerBound),
                  try join.anchoredMatch(in: buffer, at: previous.bytes.upperBound, to: result[index].bytes.lowerBound) != nil else { continue }
            result[index].value.unit = unit
        }
        return result
    }

    /// Reads a number in digits: its scale, and the currency after it or, failing that,
    /// before it. A number with neither currency nor a scale that may stand alone is no sum.
    /// `previousInCurrency`: whether the sum before, ending at `previousEnd`, names its currency.
    private func read(_ match: PatternMatch, after previousEnd: Int, previousInCurrency: Bool) -> Found? {
        let groups = grammar.scanGroups
        guard let numberRange = match[groups.n] else { return nil }
        let scaleRange = match[groups.s]
        let scaleText = (scaleRange ?? match[groups.s2]).map(buffer.string)
        var start = match.range.lowerBound, end = match.range.upperBound
        // "$(12.3) million": an accounting negative is read as its amount (the record has no sign).
        if match[groups.close] != nil {
            guard start > 0, buffer[byte: start - 1] == UInt8(ascii: "(") else { return nil }
            start -= 1
        }
        var unit: MoneyUnit?
        // A symbol or code that closed the sum before ("10 rmb 20 usd") is not this one's prefix.
        // Only a hint in the scan or a scale (names before scaled numbers) sends us looking.
        let mayHavePrefix = match[groups.pf] != nil || scaleText != nil
        let prefix = mayHavePrefix ? prefix(before: start, scaled: scaleText != nil).flatMap { $0.start >= previousEnd ? $0 : nil } : nil
        let currencyRange = match[groups.p]
        if let prefix, currencyRange.map({ !grammar.isNameOfCurrency(buffer.string($0)) }) ?? true {
            // "rmb 10 usd 20": a symbol or code on both sides belongs to the number before it.
            unit = prefix.unit
            start = prefix.start
            end = scaleRange?.upperBound ?? numberRange.upperBound
        } else if let suffix = match[groups.g] ?? currencyRange {
            let suffixText = buffer.string(suffix)
            let key = MoneyGrammar.wordKey(suffixText)
            guard let known = grammar.unit(of: suffixText, key: key) else { return nil }
            unit = known
            if isNotCoinMoney(start..<end, key: key) { return nil }
        }
        if unit == nil {
            if buffer.isLetter(before: start) { return nil }  // "v0.1"
            guard let scaleText, grammar.bareScales.contains(grammar.numbers.rules.scaleWord(scaleText)) || endsRangeInCurrency(at: start)
                    || (previousInCurrency && isCompared(toSumEndingAt: previousEnd, at: start)) else { return nil }
        }
        guard var value = MoneyValue(number: buffer.string(numberRange), written: false, scale: scaleText, unit: unit, grammar: grammar, numbers: numbers) else { return nil }
        // "-€2m", "-3,2 millions d'euros", "minus 3 Mio. Euro": a sum below zero, its sign part of the mention.
        if let sign = numbers.rules.minusSignStart(before: start, in: buffer) {
            start = sign
            value.number = -value.number
        }
        return Found(bytes: start..<end, value: value)
    }

    /// Whether a scaled number with no currency at `offset` closes a range whose low end
    /// names one: "$10-15m", "£2.5-3bn", "$10m to 15m" ("15m" alone is no sum: "m" and
    /// "bn" stand for money only next to a currency).
    private func endsRangeInCurrency(at offset: Int) -> Bool {
        guard grammar.qualifiers.mayEndRange(before: offset, in: buffer), grammar.mayEndRangeStart(in: buffer, before: offset),
              let match = try? grammar.rangeStart.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: offset - 100), to: offset) else { return false }
        return match["lpre"] != nil || match["lp"] != nil
    }

    /// Whether a word of comparison is all that stands between the sum that ends at
    /// `previousEnd` and the one at `offset`: "$4.1 billion, up from 3.5bn" ("3.5bn" alone is
    /// no sum, but compared with a sum in a currency it is one in that currency).
    private func isCompared(toSumEndingAt previousEnd: Int, at offset: Int) -> Bool {
        guard let join = grammar.comparisonJoin, previousEnd > 0, previousEnd <= offset, offset - previousEnd < 40,
              document.sentenceIndex(containing: previousEnd - 1) == document.sentenceIndex(containing: offset) else { return false }
        return (try? join.anchoredMatch(in: buffer, at: previousEnd, to: offset)) != nil
    }

    /// Reads a written number from the scale or currency word after it: "two million
    /// [dollars]", "ten dollars", "a grand", "twenty MUSD"; a coin may stand alone ("a dime").
    private func readWritten(_ match: PatternMatch, after previousEnd: Int) -> Found? {
        guard let anchor = match["anchor"] else { return nil }
        let anchorText = buffer.string(anchor)
        let windowStart = buffer.scalarBoundary(atOrBefore: max(previousEnd, anchor.lowerBound - 96))
        let written = (try? grammar.writtenBefore.firstMatch(in: buffer, from: windowStart, to: anchor.lowerBound))?["w"]
        var unit: MoneyUnit?
        var number: Range<Int>
        var end = anchor.upperBound
        var unitText = anchorText
        if grammar.isNameOfCurrency(anchorText) || grammar.scalePower(of: anchorText) == nil {
            guard let known = grammar.unit(of: anchorText) else { return nil }
            // French "cent" is a hundred before more of the number or its currency ("trois cent
            // mille euros", "deux cents euros"): the sum is read from the word that ends it.
            if grammar.numbers.rules.hundreds.contains(NumberRules.folded(anchorText)), let next = buffer.foldedWord(after: anchor.upperBound),
               !grammar.numbers.rules.articles.contains(next), grammar.numbers.words(next) != nil || grammar.isNameOfCurrency(next) { return nil }
            unit = known
            guard let written else {
                // A coin alone is one coin ("dime", "a nickel" with the article read above).
                guard grammar.isCoin(anchorText), !isNotCoinMoney(anchor, unit: anchorText) else { return nil }
                return Found(bytes: anchor, value: MoneyValue(number: 1, scale: nil, unit: known))
            }
            // "a USD 5 million loan": an article before a code is no number.
            if !grammar.isNameOfCurrency(anchorText), grammar.numbers.rules.articles.contains(NumberRules.folded(buffer.string(written))) { return nil }
            number = written
        } else {
            guard let written else { return nil }  // "millions of dollars"
            // "un millón doscientos mil euros": the number goes on past this scale; the scale or
            // currency word that ends it reads it whole (not "one billion one-dlr par shares").
            if let next = buffer.foldedWord(after: anchor.upperBound), !grammar.numbers.rules.articles.contains(next), grammar.numbers.words(next) != nil,
               !continuesWithHyphen(after: anchor.upperBound) { return nil }
            let half = try? grammar.halfAfterScale.anchoredMatch(in: buffer, at: anchor.upperBound, to: buffer.lookahead(from: anchor.upperBound))
            number = written.lowerBound..<(half?.range.upperBound ?? anchor.upperBound)
            end = number.upperBound
            if let after = try? grammar.currencyAfter.anchoredMatch(in: buffer, at: end, to: buffer.lookahead(from: end)),
               let currency = after["p"], let known = grammar.unit(of: buffer.string(currency)) {
                unit = known
                unitText = buffer.string(currency)
                end = after.range.upperBound
            }
        }
        var start = number.lowerBound
        if unit == nil, let prefix = prefix(before: number.lowerBound, scaled: true), prefix.start >= previousEnd {
            unit = prefix.unit
            start = prefix.start
        }
        if unit != nil, isNotCoinMoney(start..<end, unit: unitText) { return nil }
        guard let value = MoneyValue(number: buffer.string(number), written: true, scale: nil, unit: unit, grammar: grammar, numbers: numbers) else { return nil }
        return Found(bytes: start..<end, value: value)
    }

    /// Whether the word after `offset` (spaces skipped) is joined by a hyphen to the next one.
    private func continuesWithHyphen(after offset: Int) -> Bool {
        let end = buffer.wordRange(after: offset).upperBound
        return end < buffer.byteCount && buffer[byte: end] == UInt8(ascii: "-")
    }

    /// Whether a coin word or price unit stands where it is no money: "the first quarter",
    /// "two quarters in a row", "1080p". A price unit is money only in a price context ("50p
    /// per share"); a coin too where the document's tag names no region ("costs a quarter").
    private func isNotCoinMoney(_ bytes: Range<Int>, unit text: String) -> Bool {
        isNotCoinMoney(bytes, key: MoneyGrammar.wordKey(text))
    }

    /// ``isNotCoinMoney(_:unit:)`` with the unit's ``MoneyGrammar/wordKey(_:)`` already made.
    private func isNotCoinMoney(_ bytes: Range<Int>, key: String) -> Bool {
        let kind = grammar.coinOrPriceUnit(key: key)
        if kind.priceUnit { return !isPrice(bytes) }
        guard kind.coin else { return false }
        // "a quarter of", "a quarter million dollars": the coin word is a fraction.
        if let word = buffer.foldedWord(after: bytes.upperBound), grammar.coinNotBefore.contains(word) || grammar.scalePower(of: word) != nil { return true }
        if isPrice(before: bytes) { return false }  // "sold for two dimes each"
        if let word = buffer.foldedWord(before: bytes.lowerBound), grammar.coinNotAfter.contains(word) { return true }  // "tonnes of a nickel a month"
        return taggedRegion == nil && !isPrice(after: bytes)
    }

    /// Whether a price word stands right before the sum ("costs", "priced at") or right after it ("per share", "each").
    private func isPrice(_ bytes: Range<Int>) -> Bool {
        isPrice(before: bytes) || isPrice(after: bytes)
    }

    private func isPrice(before bytes: Range<Int>) -> Bool {
        (try? grammar.priceBefore.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: bytes.lowerBound - 40), to: bytes.lowerBound)) != nil
    }

    private func isPrice(after bytes: Range<Int>) -> Bool {
        (try? grammar.priceAfter.anchoredMatch(in: buffer, at: bytes.upperBound, to: buffer.lookahead(from: bytes.upperBound))) != nil
    }

    /// A currency symbol, code or name right before a number ("$", "US$ ", "EUR", "dollar
    /// 22.5 million"); a name counts before unscaled digits only if the rules list it.
    /// A symbol of `glued_symbols` ("R") counts only glued to the digits and before a scale
    /// or in a document of its region ("R2 billion"; "R500" in `en-ZA`).
    private func prefix(before offset: Int, scaled: Bool) -> (unit: MoneyUnit, start: Int)? {
        guard offset > 0, buffer.withBytes({ grammar.prefixEnds.mayStand($0, at: offset, count: offset) }),
              let match = try? grammar.prefixBefore.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: offset - 32), to: offset),
              match["name"] == nil || scaled,
              let range = match["symbol"] ?? match["name"] ?? match["always"],
              let unit = grammar.unit(of: buffer.string(range)) else { return nil }
        if let region = grammar.currencies.regionOfGluedSymbol(buffer.string(range)),
           range.upperBound != offset || !(scaled || taggedRegion == region) { return nil }
        return (unit, match.range.lowerBound)
    }

    /// "1 dollar and 42 cents", "1 USD et 23 centimes": a minor unit right after a sum in
    /// a major unit completes it.
    private func joinMinorUnits(_ found: [Found]) throws -> [Found] {
        var result: [Found] = []
        result.reserveCapacity(found.count)
        for sum in found {
            if let last = result.last, let major = last.value.unit, !major.isMinor, let minor = sum.value.unit, minor.isMinor,
               last.value.scale == nil, sum.value.scale == nil,
               try grammar.minorJoin.anchoredMatch(in: buffer, at: last.bytes.upperBound, to: sum.bytes.lowerBound) != nil {
                let total = last.value.amount + sum.value.amount
                result[result.count - 1] = Found(bytes: last.bytes.lowerBound..<sum.bytes.upperBound, value: MoneyValue(number: total, scale: nil, unit: MoneyUnit(unit: major.unit)))
            } else {
                result.append(sum)
            }
        }
        return result
    }

    /// "15 dollars 50", "$20 and 43c", "zwei Euro fünfzig": a number under a hundred right
    /// after a whole sum in a major unit, closing the clause, gives its cents.
    private func addCents(_ found: [Found]) throws -> [Found] {
        var result: [Found] = []
        result.reserveCapacity(found.count)
        var index = 0
        while index < found.count {
            let sum = found[index]
            index += 1
            // The cheap tests first: a Decimal rounding and comparison cost thousands of instructions.
            guard let unit = sum.value.unit, unit.isMajor, sum.value.scale == nil, mayBeFollowedByCents(sum.bytes.upperBound),
                  sum.value.number.rounded(scale: 0) == sum.value.number,
                  let match = try grammar.cents.anchoredMatch(in: buffer, at: sum.bytes.upperBound, to: buffer.lookahead(from: sum.bytes.upperBound)) else {
                result.append(sum)
                continue
            }
            let cents = match["digits"].flatMap { numbers.digits(buffer.string($0)) }
                ?? match["written"].flatMap { written -> ExactDecimal? in
                    // "Sie nahm 20 Euro ein": an article closing the clause is a verb's particle, not a cent.
                    let text = buffer.string(written)
                    return grammar.numbers.rules.articles.contains(NumberRules.folded(text)) ? nil : grammar.numbers.words(text)
                }
            guard let cents, cents < 100, cents.rounded(scale: 0) == cents else {
                result.append(sum)
                continue
            }
            // "17 USD 25.": the cents were also read as a sum of their own ("USD 25"); they are not.
            while index < found.count, found[index].bytes.lowerBound < match.range.upperBound { index += 1 }
            var value = sum.value
            value.number = value.number + cents.divided(by: 100)
            result.append(Found(bytes: sum.bytes.lowerBound..<match.range.upperBound, value: value, range: sum.range))
        }
        return result
    }

    /// Reads the low end of a range just before each sum and merges it (and any sum it
    /// covers) into one range.
    private func joinRanges(_ found: [Found]) throws -> [Found] {
        var result: [Found] = []
        result.reserveCapacity(found.count)
        for sum in found {
            let windowStart = buffer.scalarBoundary(atOrBefore: max(result.last.map { max($0.bytes.lowerBound - 20, 0) } ?? 0, sum.bytes.lowerBound - 100))
            guard grammar.qualifiers.mayEndRange(before: sum.bytes.lowerBound, in: buffer), grammar.mayEndRangeStart(in: buffer, before: sum.bytes.lowerBound),
                  let match = try grammar.rangeStart.firstMatch(in: buffer, from: windowStart, to: sum.bytes.lowerBound) else {
                result.append(sum)
                continue
            }
            guard let merged = try range(match, before: sum, previous: result.last) else {
                if let start = changeStart(match, before: sum) {
                    // "von 1,1 Milliarden auf 1,4 Milliarden Euro": a start with a scale of its own was
                    // also read alone, with no currency; it is the change's, in the end's currency.
                    if let last = result.last, last.bytes == start.bytes, last.value.unit == nil { result.removeLast() }
                    if result.last.map({ $0.bytes.upperBound <= start.bytes.lowerBound }) ?? true { result.append(start) }
                }
                result.append(sum)
                continue
            }
            while let last = result.last, last.bytes.lowerBound >= merged.bytes.lowerBound { result.removeLast() }
            result.append(merged)
        }
        return result
    }

    /// The start of a change written without its own unit: "rose from 5 to 7 euros",
    /// "stieg von 5 auf 7 Euro" state 5 euros too, in the end's currency and scale.
    private func changeStart(_ match: PatternMatch, before high: Found) -> Found? {
        guard match["open"] != nil, high.range == nil, high.value.unit != nil, match["lpre"] == nil, match["lp"] == nil,
              let loRange = match["lo"] ?? match["lw"], let joinRange = match["join"],
              grammar.qualifiers.isChange(before: match.range.lowerBound, ownUnit: false, joiner: NumberRules.folded(buffer.string(joinRange)), openWord: match["open"].map(buffer.string), in: buffer),
              let low = MoneyValue(number: buffer.string(loRange), written: match["lw"] != nil, scale: match["ls"].map(buffer.string), unit: nil, grammar: grammar, numbers: numbers)
        else { return nil }
        return Found(bytes: loRange.lowerBound..<(match["ls"]?.upperBound ?? loRange.upperBound), value: low.changeStart(to: high.value))
    }

    private func range(_ match: PatternMatch, before high: Found, previous: Found?) throws -> Found? {
        guard high.range == nil, let loRange = match["lo"] ?? match["lw"], let joinRange = match["join"] else { return nil }
        let start = match.range.lowerBound
        if let previous, previous.bytes.lowerBound < start, previous.bytes.upperBound > start { return nil }
        let join = NumberRules.folded(buffer.string(joinRange))
        let unitText = (match["lpre"] ?? match["lp"]).map(buffer.string)
        let loUnit = unitText.flatMap(grammar.unit(of:))
        if unitText != nil, loUnit == nil { return nil }
        if match["open"] == nil {
            guard match["lw"] == nil else { return nil }
            guard grammar.qualifiers.bareJoiners.contains(join) else { return nil }
            // A unit on both sides makes a range only in one scale: "$10 million to $15 million",
            // "24 cts to 30 cts", but not "834 mln francs to 24.79 billion" ("cut $5 to $10" is a change);
            // a high end with no unit of its own takes the low end's ("$10 to 15 million").
            let lowScale = match["ls"].flatMap { grammar.scalePower(of: buffer.string($0)) }.map { ExactDecimal(significand: 1, exponent: $0) }
            if loUnit != nil, high.value.unit != nil, join.first?.isLetter == true, lowScale != high.value.scale { return nil }
        }
        if grammar.qualifiers.isChange(before: start, ownUnit: loUnit != nil, joiner: join, openWord: match["open"].map(buffer.string), in: buffer) { return nil }
        guard let low = MoneyValue(number: buffer.string(loRange), written: match["lw"] != nil,
                                   scale: match["ls"].map(buffer.string), unit: loUnit, grammar: grammar, numbers: numbers),
              let bounds = low.lowEnd(of: high.value, currencies: grammar.currencies),
              match["open"] != nil || grammar.qualifiers.mayJoin(low: bounds.low, high: bounds.high) else { return nil }
        let spanStart = match["lpre"]?.lowerBound ?? loRange.lowerBound
        var value = high.value
        value.unit = bounds.unit
        return Found(bytes: spanStart..<high.bytes.upperBound, value: value, range: (bounds.low, bounds.high))
    }

    /// The region that settles generic units: a statement of the document's currency
    /// ("All figures in Canadian dollars"), else the tag's, else what the text says
    /// (`region_evidence` in Rules/money/common.yaml). The text is read only when a sum
    /// needs it.
    private func documentRegion(_ sums: [Found]) throws -> String? {
        let evidence = grammar.currencies.regionEvidence
        var bareDollarSums = 0
        for sum in sums where sum.value.unit.map({ grammar.currencies.isFamily($0.unit, within: "dollar") }) == true { bareDollarSums += 1 }
        guard bareDollarSums > 0 || sums.contains(where: { $0.value.unit?.unit == "local" }) else { return taggedRegion }
        if let statement = try grammar.currencyStatement.firstMatch(in: buffer, from: 0, to: buffer.byteCount),
           let currency = statement["currency"], let unit = grammar.unit(of: buffer.string(currency)),
           unit.unit.first?.isUppercase == true,  // "all figures in dollars" names no region
           let region = evidence.region(ofDollar: grammar.isoCode(of: unit, region: nil)) { return region }
        if let taggedRegion { return taggedRegion }
        if let region = try evidence.datelineRegion(in: document) { return region }
        let explicit = sums.compactMap { sum in sum.value.unit.map(\.unit).flatMap { $0.first?.isUppercase == true ? $0 : nil } }
        return evidence.explicitRegion(currencies: explicit, bareDollarSums: bareDollarSums)
    }

    private func mention(for sum: Found, region: String?) throws -> MoneyMention {
        let currency = sum.value.unit.map { grammar.isoCode(of: $0, region: region) }
        var approximate = false
        var bounds: AmountRange? = sum.range.map { AmountRange(min: $0.low, max: $0.high) }
        var amount: ExactDecimal? = bounds == nil ? sum.value.amount : nil
        let start = try rangeOpenStart(sum) ?? sum.bytes.lowerBound
        let qualifiers = grammar.qualifiers
        let before = try qualifiers.reading(before: start, in: buffer)
        let after = try qualifiers.reading(after: sum.bytes.upperBound, in: buffer)
        approximate = before?.approximate == true || after?.approximate == true
        if bounds == nil, let value = amount, let bound = before?.bound ?? after?.bound {
            bounds = AmountRange(value, bound)
            amount = nil
        }
        return MoneyMention(span: document.span(ofBytes: sum.bytes), amount: amount, currency: currency, approximate: approximate, range: bounds)
    }

    /// Where the open word of a range ("between", "entre") starts, so that qualifiers are
    /// read before it.
    private func rangeOpenStart(_ sum: Found) throws -> Int? {
        guard sum.range != nil else { return nil }
        let windowStart = buffer.scalarBoundary(atOrBefore: sum.bytes.lowerBound - 20)
        return try grammar.rangeStart.firstMatch(in: buffer, from: windowStart, to: sum.bytes.lowerBound)?["open"]?.lowerBound
    }

    /// A sum with no currency is money only in a sentence about money, and only when the
    /// word after it does not name what is counted ("2 million industry professionals").
    private func isAboutMoney(_ bytes: Range<Int>) throws -> Bool {
        if let next = try grammar.nextWord.anchoredMatch(in: buffer, at: bytes.upperBound, to: buffer.lookahead(from: bytes.upperBound)), let word = next["word"] {
            if try grammar.context.anchoredMatch(in: buffer, at: word.lowerBound, to: buffer.lookahead(from: word.lowerBound)) != nil { return true }
            let folded = NumberRules.folded(buffer.string(word))
            if try namesWhatIsCounted(joiner: folded, at: word) { return false }
            guard grammar.followers.contains(folded) else { return false }
        }
        let sentence = document.sentenceIndex(containing: bytes.lowerBound).map { document.sentences[$0].range } ?? lineRange(around: bytes)
        return try grammar.context.firstMatch(in: buffer, from: sentence.lowerBound, to: sentence.upperBound) != nil
    }

    /// Whether the word after a bare sum joins it to what it counts: "3 millones de
    /// acciones", "2 millions d'actions" (the joiner glued to the noun), but not "5 millones
    /// de los socios" (a determiner: "from") nor "10 millones de financiación" (a money word).
    private func namesWhatIsCounted(joiner: String, at word: Range<Int>) throws -> Bool {
        if let glued = grammar.countedJoiners.first(where: { $0.hasSuffix("'") && joiner.hasPrefix($0) && joiner.count > $0.count }) {
            let noun = word.lowerBound + buffer.string(word).prefix(glued.count).utf8.count
            return try grammar.context.anchoredMatch(in: buffer, at: noun, to: buffer.lookahead(from: noun)) == nil
        }
        guard grammar.countedJoiners.contains(joiner),
              let next = try grammar.nextWord.anchoredMatch(in: buffer, at: word.upperBound, to: buffer.lookahead(from: word.upperBound)),
              let noun = next["word"] else { return false }
        if grammar.countedJoinerDeterminers.contains(NumberRules.folded(buffer.string(noun))) { return false }
        return try grammar.context.anchoredMatch(in: buffer, at: noun.lowerBound, to: buffer.lookahead(from: noun.lowerBound)) == nil
    }

    /// "€15 million (about $16.3 million)": links a sum to the next one when that one is a
    /// stated conversion of it into another currency.
    private func linkEquivalents(_ mentions: inout [MoneyMention]) throws {
        guard mentions.count > 1 else { return }
        for index in 0..<(mentions.count - 1) {
            let first = mentions[index], second = mentions[index + 1]
            guard let from = first.currency, let to = second.currency, from != to,
                  second.bytes.lowerBound - first.bytes.upperBound <= 120 else { continue }
            if try grammar.equivalence.anchoredMatch(in: buffer, at: first.bytes.upperBound, to: second.bytes.lowerBound) != nil {
                mentions[index].equivalent = index + 1
            }
        }
    }

    /// Whether cents may follow at `offset`: digits, a joiner ("and 43") or a number word.
    private func mayBeFollowedByCents(_ offset: Int) -> Bool {
        var position = offset
        while position < buffer.byteCount, buffer[byte: position] == UInt8(ascii: " ") { position += 1 }
        guard position < buffer.byteCount else { return false }
        if buffer[byte: position] >= UInt8(ascii: "0"), buffer[byte: position] <= UInt8(ascii: "9") { return true }
        let word = buffer.wordRange(after: offset)
        guard !word.isEmpty else { return false }
        // `words` folds the text itself.
        return grammar.centsJoinerWords.contains(word, in: buffer) || grammar.numbers.words(buffer.string(word)) != nil
    }

    private func lineRange(around bytes: Range<Int>) -> Range<Int> {
        var start = bytes.lowerBound, end = bytes.upperBound
        while start > 0, buffer[byte: start - 1] != UInt8(ascii: "\n") { start -= 1 }
        while end < buffer.byteCount, buffer[byte: end] != UInt8(ascii: "\n") { end += 1 }
        return start..<end
    }

}
