import Foundation

/// Turns the text of a number, as a pattern of ``NumberRules`` matched it, into an exact
/// value: digits with the language's separators (`1.500` is 1500 in German, 1.5 in
/// English), and written numbers ("a quarter of a million", "tres mil millones").
/// The ambiguity policy is stated in `Rules/numbers/en.yaml`.
public struct NumberReader: Sendable {
    public let rules: NumberRules
    /// The mark a single ambiguous separator stands for when it is this one: the language's
    /// (``NumberRules/decimalMark``) unless one document's style says otherwise.
    public let decimalMark: Character

    /// A reader in the language's own style.
    public init(rules: NumberRules) {
        self.init(rules: rules, decimalMark: rules.decimalMark)
    }

    private init(rules: NumberRules, decimalMark: Character) {
        self.rules = rules
        self.decimalMark = decimalMark
    }

    /// The reader for one document of this language (the policy in `Rules/numbers/en.yaml`):
    /// where the language lists `regional_decimal_marks`, numbers that the text writes
    /// unambiguously ("1,234.56", "1,500,000" or "1.234,56", "1.500.000") settle the decimal
    /// mark when they all agree; else the region of the document's tag, if listed; else the
    /// language's own mark. A language that lists no region keeps its own mark always.
    public func reader(region: String?, text: TextBuffer) -> NumberReader {
        guard !rules.regionalDecimalMarks.isEmpty else { return self }
        let written = Self.unambiguousDecimalMarks(in: text)
        let mark = written.count == 1 ? written.first! : region.flatMap { rules.regionalDecimalMarks[$0] } ?? rules.decimalMark
        return NumberReader(rules: rules, decimalMark: mark)
    }

    /// The decimal marks that numbers in `text` settle beyond doubt: both marks in one
    /// number ("1,234.56": the last is the decimal mark), or one mark grouping thousands
    /// more than once ("1,500,000": the other is). Dates and versions ("12.03.2025", "1.2.3")
    /// group no thousands and say nothing.
    static func unambiguousDecimalMarks(in text: TextBuffer) -> Set<Character> {
        var marks = Set<Character>()
        let count = text.byteCount
        var index = 0
        while index < count {
            let byte = text[byte: index]
            guard Self.isDigit(byte), index == 0 || !(Self.isDigit(text[byte: index - 1]) || Self.isMark(text[byte: index - 1])) else {
                index += 1
                continue
            }
            var end = index
            while end < count, Self.isDigit(text[byte: end]) || Self.isMark(text[byte: end]) { end += 1 }
            var last = end
            while last > index, Self.isMark(text[byte: last - 1]) { last -= 1 }  // "1,500,000." ends a sentence
            if let mark = Self.decimalMark(settledBy: (index..<last).map { text[byte: $0] }) { marks.insert(mark) }
            index = end
        }
        return marks
    }

    /// The decimal mark one run of digits and marks settles, if it settles one.
    private static func decimalMark(settledBy run: [UInt8]) -> Character? {
        var groups: [(digits: Int, mark: UInt8?)] = [(0, nil)]
        for byte in run {
            if isDigit(byte) { groups[groups.count - 1].digits += 1 } else { groups.append((0, byte)) }
        }
        let marks = groups.dropFirst().compactMap(\.mark)
        guard marks.count >= 2, (1...3).contains(groups[0].digits) else { return nil }
        let grouping = marks[0]
        let thousands = marks.dropLast().allSatisfy { $0 == grouping } && groups.dropFirst().dropLast().allSatisfy { $0.digits == 3 }
        guard thousands, let final = groups.last, let finalMark = final.mark, final.digits > 0 else { return nil }
        if finalMark != grouping { return Character(UnicodeScalar(finalMark)) }          // 1,234.56
        guard final.digits == 3 else { return nil }
        return grouping == UInt8(ascii: ",") ? "." : ","                                  // 1,500,000
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isMark(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") }

    /// The value of a run of digits and separators, or nil if it is not a number.
    public func digits(_ text: String) -> ExactDecimal? {
        var utf8 = text
        if let read = utf8.withUTF8({ asciiDigits($0) }) { return read }
        if text.utf8.contains(UInt8(ascii: "/")) { return fraction(text) }
        var significand = 0
        var digitCount = 0
        var marks: [(mark: Character, digitsBefore: Int)] = []
        var fraction: ExactDecimal?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                guard digitCount < 18 else { return nil }  // beyond any amount news states
                significand = significand * 10 + Int(scalar.value - 48)
                digitCount += 1
            case ".", ",": marks.append((Character(scalar), digitCount))
            case "'", "’", " ", "\u{A0}", "\u{202F}", "\u{2009}": continue
            case "½": fraction = ExactDecimal(significand: 5, exponent: -1)
            case "¼": fraction = ExactDecimal(significand: 25, exponent: -2)
            case "¾": fraction = ExactDecimal(significand: 75, exponent: -2)
            default: return nil
            }
        }
        guard digitCount > 0 else { return fraction }
        let decimals = decimalPosition(marks: marks, digitCount: digitCount).map { digitCount - $0 } ?? 0
        let value = ExactDecimal(significand: significand, exponent: -decimals)
        return fraction.map { value + $0 } ?? value
    }

    /// ``digits(_:)`` of ASCII text without a fraction bar, read from its bytes: the same
    /// steps without a `Character` or an array per number (the general reading cost some
    /// 2,500 instructions a number). The outer nil: other text, read the general way.
    private func asciiDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal?? {
        var significand = 0, digitCount = 0
        var markCount = 0, firstMark: UInt8 = 0, lastMark: UInt8 = 0, lastDigitsBefore = 0, mixedMarks = false
        if bytes.contains(where: { $0 == UInt8(ascii: "/") || $0 >= 0x80 }) { return nil }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digitCount < 18 else { return .some(nil) }  // beyond any amount news states
                significand = significand * 10 + Int(byte - 48)
                digitCount += 1
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if markCount == 0 { firstMark = byte } else if byte != firstMark { mixedMarks = true }
                markCount += 1
                lastMark = byte
                lastDigitsBefore = digitCount
            case UInt8(ascii: "'"), UInt8(ascii: " "): continue
            default: return .some(nil)
            }
        }
        guard digitCount > 0 else { return .some(nil) }
        // ``decimalPosition(marks:digitCount:)``, from the counts.
        let point: Int?
        if markCount == 0 {
            point = nil
        } else if mixedMarks {
            point = lastDigitsBefore                                       // 1,500,000.50 / 1.500.000,50
        } else if markCount > 1 {
            point = nil                                                    // 1,500,000 / 1.500.000
        } else if digitCount - lastDigitsBefore != 3 {
            point = lastDigitsBefore                                       // 16,3 / 2.75
        } else {
            point = decimalMark.asciiValue == lastMark ? lastDigitsBefore : nil  // 1.500: the language (or document) decides
        }
        let decimals = point.map { digitCount - $0 } ?? 0
        return .some(ExactDecimal(significand: significand, exponent: -decimals))
    }

    /// "1-1/2" → 1.5, "8 3/4" → 8.75, "1/2" → 0.5 (thirds and the like to 12 places).
    private func fraction(_ text: String) -> ExactDecimal? {
        let pieces = text.split(separator: "/")
        guard pieces.count == 2, let denominator = Int(pieces[1]), denominator > 0 else { return nil }
        let head = pieces[0].split(whereSeparator: { $0 == "-" || $0 == " " })
        guard (1...2).contains(head.count), let numerator = head.last.flatMap({ Int($0) }),
              let whole = head.count == 2 ? Int(head[0]) : 0 else { return nil }
        return Self.decimalFraction(whole: whole, numerator: numerator, denominator: denominator)
            ?? ExactDecimal(whole) + ExactDecimal(numerator).divided(by: ExactDecimal(denominator))
    }

    /// `whole + numerator / denominator` where the quotient ends within 12 decimals (a
    /// denominator of twos and fives: halves, quarters, eighths): the value of the division
    /// rounded to 12 places, written alike (no trailing zeros, as Decimal's quotient and sum
    /// are), from integers. Foundation's Decimal division cost some 58,000 instructions a
    /// fraction, 7.6 M per 1,000 Reuters stories ("8-1/4 pct"; callgrind). Nil for other
    /// denominators (thirds), for a negative part and for parts of more than six digits.
    static func decimalFraction(whole: Int, numerator: Int, denominator: Int) -> ExactDecimal? {
        guard (0..<1_000_000).contains(whole), (0..<1_000_000).contains(numerator), denominator > 0 else { return nil }
        var places = 0, scale = 1
        while scale % denominator != 0 {
            guard places < 12 else { return nil }
            places += 1
            scale *= 10
        }
        var significand = whole * scale + numerator * (scale / denominator)
        while places > 0, significand % 10 == 0 {
            significand /= 10
            places -= 1
        }
        return ExactDecimal(significand: significand, exponent: -places)
    }

    /// Where the decimal point stands (as a count of digits before it), or nil if every mark groups thousands.
    private func decimalPosition(marks: [(mark: Character, digitsBefore: Int)], digitCount: Int) -> Int? {
        guard let last = marks.last else { return nil }
        let kinds = Set(marks.map(\.mark))
        if kinds.count > 1 { return last.digitsBefore }                 // 1,500,000.50 / 1.500.000,50
        if marks.count > 1 { return nil }                                // 1,500,000 / 1.500.000
        if digitCount - last.digitsBefore != 3 { return last.digitsBefore } // 16,3 / 2.75
        return last.mark == decimalMark ? last.digitsBefore : nil  // 1.500: the language (or document) decides
    }

    /// The value of written number words ("fifteen million", "half a billion"), or nil if
    /// a word is not a number word of this language.
    public func words(_ text: String) -> ExactDecimal? {
        let folded = NumberRules.folded(text)
        // The first word read (``longestWord(in:from:)``), whole or as the head of a compound,
        // is a number word that begins where the text does, after any separator: one whose
        // first two characters are the text's, or a word of one character that is the text's
        // first. Otherwise there is no number, and the splits below need not be made.
        let start = folded.drop(while: { $0 == " " || $0 == "-" })
        guard rules.numberWordStarts.contains(String(start.prefix(2))) || rules.numberWordStarts.contains(String(start.prefix(1))) else { return nil }
        let pieces = folded.split(whereSeparator: { $0 == " " || $0 == "-" })
            .flatMap { piece in isNumberWord(String(piece)) ? [String(piece)] : compounds(of: String(piece)) ?? [String(piece)] }
        var total = ExactDecimal(0)
        var current: ExactDecimal?
        var afterAnd = false
        var index = 0
        var sawNumber = false
        /// The scale just read, while no number follows it: "deux millions et demi" adds half of it.
        var lastScale: ExactDecimal?
        /// The digits spoken after a decimal point ("point five"), until a scale closes them.
        var decimals: [Int]?
        while index < pieces.count {
            guard let (word, next) = longestWord(in: pieces, from: index) else { return nil }
            index = next
            if rules.decimalWords.contains(word) {
                guard decimals == nil, current != nil else { return nil }
                decimals = []
                continue
            }
            if let digits = decimals {
                if let digit = Self.digit(word, rules: rules) {
                    decimals = digits + [digit]
                    continue
                }
                guard rules.scales[word] != nil, !digits.isEmpty else { return nil }
                current = (current ?? 0) + Self.fraction(digits)
                decimals = nil
            }
            if rules.joiners.contains(word) { afterAnd = true; continue }
            if word == "a" || word == "an", current != nil { continue }  // "two and a half", "half a billion"
            defer { afterAnd = false }
            sawNumber = true
            if let unit = rules.units[word] {
                current = (current ?? 0) + unit
            } else if rules.hundreds.contains(word) {
                current = (current ?? 1) * 100
            } else if let fraction = rules.fractions[word] {
                if afterAnd, current == nil, let scale = lastScale {
                    total = total + fraction * scale
                } else if afterAnd, let whole = current { current = whole + fraction } else { current = (current ?? 1) * fraction }
            } else if let power = rules.scales[word] {
                let scale = ExactDecimal(significand: 1, exponent: power)
                lastScale = scale
                if total > 0, total < scale {
                    total = (total + (current ?? 0)) * scale             // "mil millones", "mil quinientos millones"
                } else {
                    total = total + (current ?? 1) * scale
                }
                current = nil
            } else {
                return nil
            }
        }
        guard sawNumber else { return nil }
        if let digits = decimals {
            guard !digits.isEmpty else { return nil }
            current = (current ?? 0) + Self.fraction(digits)
        }
        return total + (current ?? 0)
    }

    /// A single digit spoken after a decimal point: "five", "zero", "fünf".
    private static func digit(_ word: String, rules: NumberRules) -> Int? {
        if rules.zeroWords.contains(word) { return 0 }
        guard let value = rules.units[word], value >= 1, value <= 9, value.rounded(scale: 0) == value, !rules.articles.contains(word) else { return nil }
        return Int(value.description)
    }

    /// The spoken digits after a decimal point as a fraction: [2, 5] → 0.25.
    private static func fraction(_ digits: [Int]) -> ExactDecimal {
        ExactDecimal(significand: digits.reduce(0) { $0 * 10 + $1 }, exponent: -digits.count)
    }

    /// The longest run of pieces from `start` that is one rule word ("quatre-vingt-dix",
    /// "mil millones"), joined by a space or a hyphen as the rules write it.
    /// A piece that begins no word of several pieces (``NumberRules/multiPieceHeads``) is a
    /// word alone or none: its joins with the next pieces are not made (callgrind, 1,000
    /// Reuters stories: `words` 7.3 M → 5.3 M instructions).
    private func longestWord(in pieces: [String], from start: Int) -> (String, Int)? {
        guard rules.multiPieceHeads.contains(pieces[start]) else { return isNumberWord(pieces[start]) ? (pieces[start], start + 1) : nil }
        var end = min(pieces.count, start + 4)
        while end > start {
            let slice = pieces[start..<end]
            for candidate in [slice.joined(separator: "-"), slice.joined(separator: " ")] where isNumberWord(candidate) {
                return (candidate, end)
            }
            end -= 1
        }
        return nil
    }

    /// A compound written as one word split into number words ("siebenhundert" →
    /// sieben, hundert; "achtundsiebzig" → acht, und, siebzig), longest parts first.
    private func compounds(of word: String) -> [String]? {
        if word.isEmpty { return [] }
        // No number word is longer than `longestWord`: a longer head is none.
        var length = min(word.count, rules.longestWord)
        while length > 0 {
            let head = String(word.prefix(length))
            if isNumberWord(head), let rest = compounds(of: String(word.dropFirst(length))) { return [head] + rest }
            length -= 1
        }
        return nil
    }

    private func isNumberWord(_ word: String) -> Bool {
        rules.numberWords.contains(word)
    }
}
