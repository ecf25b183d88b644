/// Finds percentages ("49%", "49 per cent", "49 Prozent", "4.5 percentage points") and
/// reads their exact value with the document language's number rules, with the qualifiers
/// money has: approximate ("about 5%"), open bounds ("more than 20%", "up to 30%") and
/// ranges ("10-15%", "between 10% and 20%", "entre el 10 y el 20 %"). A range or bound
/// leaves `value` null, as money leaves `amount`.
///
/// One pattern per language, composed from `Rules/percent/<lang>.yaml` and the number
/// fragments of `Rules/numbers/<lang>.yaml`, anchored on the number; the qualifier words are
/// money's (`Rules/money/<lang>.yaml`, read through ``Qualifiers``).
public struct PercentExtractor: Sendable {
    /// One language's patterns and words. A class: a document's look-up of its grammar then
    /// retains one reference, where a copy of the struct retained each of the some forty
    /// tables it holds (1,100 instructions a copy, twice a document, and as many to release).
    final class Grammar: Sendable {
        let numbers: NumberReader
        let pattern: Pattern
        /// The signs and point words alone: every percentage ends in one, and where none
        /// occurs the number-anchored `pattern` need not run.
        let signOrPoints: Pattern
        /// Where `pattern` may match: at a number in digits that a sign or point word may
        /// follow, at a word that may begin a written number, at a non-ASCII scalar. Nil where
        /// the number words cannot be checked (``WordTrieCheck``): `pattern` is tried everywhere.
        /// Measured (callgrind, 1,000 Reuters stories): `pattern` tried at every offset of the
        /// pieces that hold a sign cost 23.5 M instructions; tried at these starts, 8.5 M, and
        /// finding them 6.2 M.
        let starts: MoneyStarts?
        /// Point words worth a hundredth of a point ("basis points"), folded.
        let hundredths: Set<String>
        let qualifiers: Qualifiers
        /// Matched backwards from a percentage (ending where it starts): the low end of a
        /// range ("between 10% and", "10-", "tra il 10 e il").
        let rangeStart: Pattern

        /// The grammar of `file` (`percent/<lang>.yaml`), with the numbers and the money
        /// qualifiers of its language.
        init(file: RuleFile, rules: RuleSet) throws {
            let root = file.root
            let language = try root.string("language")
            let numberRules = try NumberRules(rules: rules, language: language)
            guard let money = rules.file("money/\(language).yaml") else {
                throw RuleError(origin: root.origin, message: "no money rules for language '\(language)': percents read its qualifier words")
            }
            let contractions = try root.pairs("contractions").flatMap { pair in
                try pair.value.list().map { (word: NumberRules.folded(pair.key), contracted: try $0.string()) }
            }
            qualifiers = try Qualifiers(money: money, rules: rules, articles: try root.strings("articles"), contractions: contractions)
            // Signs and point words that count only in the case written ("12.5pc", never "5 PC
            // games"; "50 pb", never "4.5 PB" in a freight table).
            let inCase = { (words: [String]) in words.isEmpty ? "" : "|(?-i:\(PatternText.alternation(words, foldCase: false)))" }
            let pointWords = try root.strings("points") + root.strings("points_in_case"), signWords = try root.strings("signs") + root.strings("signs_in_case")
            let points = PatternText.alternation(try root.strings("points")) + inCase(try root.strings("points_in_case"))
            let signs = PatternText.alternation(try root.strings("signs")) + inCase(try root.strings("signs_in_case"))
            let number = "(?:(?<digits>\(numberRules.digitsPattern))|(?<written>\(numberRules.writtenPattern)))"
            // A space, or a hyphen before a word: "a 20-percent stake", "ein 20-Prozent-Anteil".
            let separator = "(?:[ ]|-(?=\\p{L}))?"
            let source = "(?<![\\p{L}\\p{N}])(?<![\\p{N}][.,'])(?<!\\p{L}-)\(number)\(separator)(?:(?<points>\(points))|\(signs))"
            let rangeSource = "(?<![\\p{L}\\p{N}])(?:(?<open>\(qualifiers.rangeOpen))[ ]+)?\(number)(?:\(separator)(?<sign>\(signs)))?"
                + "[ \\n]*(?<join>\(qualifiers.rangeJoiner))[ \\n]*\\z"
            numbers = NumberReader(rules: numberRules)
            pattern = try file.compile(source, key: "signs")
            signOrPoints = try file.compile("(?:\(points))|\(signs)", key: "signs")
            hundredths = Set(try root.strings("hundredths").map(NumberRules.folded))
            rangeStart = try file.compile(rangeSource, key: "articles")
            let writtenStarts = numberRules.writtenStarts, ends = signWords + pointWords
            starts = WordTrieCheck(words: writtenStarts, codes: []).map { words in
                MoneyStarts(numbers: NumberStarts(followers: LiteralKeys(ends.map { LiteralKeys.Literal(text: $0, bounded: false) }, backwards: false)),
                            words: words, anchorWords: writtenStarts)
            }
        }
    }

    /// A percentage as found, before ranges and qualifiers.
    private struct Found {
        var bytes: Range<Int>
        var value: ExactDecimal
        var points: Bool
    }

    let grammars: GrammarsByLanguage<Grammar>

    public init(rules: RuleSet, compilation: GrammarCompilation = .eager) throws {
        let files = rules.filesByLanguage(in: "percent")
        guard files["en"] != nil else {
            throw RuleError(origin: RuleOrigin(file: "percent/en.yaml", line: 0), message: "the English percent rules are required (the fallback language)")
        }
        grammars = try GrammarsByLanguage(languages: files.keys, compilation: compilation) { try Grammar(file: files[$0]!, rules: rules) }
    }

    public func mentions(in document: TokenizedDocument) throws -> [PercentMention] {
        let grammar = try grammars.grammar(for: document.language.language)!
        let buffer = document.buffer
        // The document's number style ("0,125 %" and "0.125 %" by region, numbers/en.yaml),
        // made at the first match (``percent(_:grammar:numbers:in:)``).
        var numbers: NumberReader?
        var found: [Found] = []
        let take = { (match: PatternMatch) in
            if let percent = Self.percent(match, grammar: grammar, numbers: &numbers, in: document) { found.append(percent) }
        }
        if let starts = grammar.starts {
            try ChunkedScan.forEachMatch(grammar.pattern, in: buffer, prefilter: grammar.signOrPoints, startingAt: starts, take)
        } else {
            try ChunkedScan.forEachMatch(grammar.pattern, in: buffer, prefilter: grammar.signOrPoints, take)
        }
        guard !found.isEmpty, let numbers else { return [] }
        // Read from the grammar (a class) once: each read copies the struct, retaining each of
        // its tables (1,600 copies per 1,000 Reuters stories, 1.4 M instructions; callgrind).
        let qualifiers = grammar.qualifiers
        var mentions: [PercentMention] = []
        for percent in found {
            var range: (low: Int, start: Int, value: ExactDecimal)?
            switch try lowEnd(before: percent, grammar: grammar, qualifiers: qualifiers, numbers: numbers, in: buffer) {
            case .range(let low, let start, let value): range = (low, start, value)
            case .changeStart(let bytes, let value):
                // "pasó del 3 al 4 %", "stieg von 3 auf 4 Prozent": the start, in the end's sign.
                if mentions.last.map({ $0.bytes.upperBound <= bytes.lowerBound }) ?? true {
                    mentions.append(PercentMention(span: document.span(ofBytes: bytes), value: value, approximate: false, range: nil, points: percent.points))
                }
            case nil: break
            }
            var bytes = percent.bytes
            var qualifierEnd = percent.bytes.lowerBound
            var bounds: AmountRange?
            if let range {
                while let last = mentions.last, last.bytes.lowerBound >= range.low { mentions.removeLast() }  // "10%" of "10% to 15%"
                bytes = range.low..<percent.bytes.upperBound
                qualifierEnd = range.start
                bounds = AmountRange(min: range.value, max: percent.value)
            }
            let before = try qualifiers.reading(before: qualifierEnd, in: buffer)
            let after = try qualifiers.reading(after: percent.bytes.upperBound, in: buffer)
            if bounds == nil, let bound = before?.bound ?? after?.bound {
                bounds = AmountRange(percent.value, bound)
            }
            mentions.append(PercentMention(span: document.span(ofBytes: bytes), value: bounds == nil ? percent.value : nil,
                                           approximate: before?.approximate == true || after?.approximate == true, range: bounds, points: percent.points))
        }
        return mentions
    }

    /// What stands before a percentage as the low end of "A joiner B".
    private enum LowEnd {
        /// A range's low end: where its text starts, where its open word starts (qualifiers
        /// stand before it) and its value.
        case range(low: Int, start: Int, value: ExactDecimal)
        /// The start of a change written without its sign ("rose from 3 to 4%"), which states
        /// a percentage too.
        case changeStart(bytes: Range<Int>, value: ExactDecimal)
    }

    /// The low end of a range that `high` closes, or the start of a change it ends: "rose
    /// from 5% to 10%" is a change, not a range; a range's low end must be below the high one.
    private func lowEnd(before high: Found, grammar: Grammar, qualifiers: Qualifiers, numbers: NumberReader, in buffer: TextBuffer) throws -> LowEnd? {
        guard !high.points, qualifiers.mayEndRange(before: high.bytes.lowerBound, in: buffer),
              let match = try grammar.rangeStart.firstMatch(in: buffer, from: buffer.scalarBoundary(atOrBefore: high.bytes.lowerBound - 100), to: high.bytes.lowerBound),
              let low = Self.value(of: match, numbers: numbers, in: buffer),
              let join = match["join"], let number = match["digits"] ?? match["written"] else { return nil }
        let joiner = NumberRules.folded(buffer.string(join)).split(separator: " ").first.map(String.init) ?? ""
        guard match["open"] != nil || (qualifiers.bareJoiners.contains(joiner) && qualifiers.mayJoin(low: low, high: high.value)) else { return nil }
        if qualifiers.isChange(before: match.range.lowerBound, ownUnit: match["sign"] != nil, joiner: joiner, openWord: match["open"].map(buffer.string), in: buffer) {
            return match["sign"] == nil && match["open"] != nil ? .changeStart(bytes: number, value: low) : nil
        }
        return low < high.value ? .range(low: number.lowerBound, start: match.range.lowerBound, value: low) : nil
    }

    /// The percentage a match of `pattern` states, if it stands in the document's body and its
    /// number reads. The document's number reader, `numbers`, is made at its first match:
    /// most documents have none, and the reader is a copy of the language's number tables
    /// (2.3 M instructions per 1,000 Reuters stories to make and free; callgrind).
    private static func percent(_ match: PatternMatch, grammar: Grammar, numbers: inout NumberReader?, in document: TokenizedDocument) -> Found? {
        let buffer = document.buffer
        guard document.isInBody(byte: match.range.lowerBound) else { return nil }
        let reader = numbers ?? grammar.numbers.reader(region: document.language.region, text: buffer)
        numbers = reader
        guard var value = value(of: match, numbers: reader, in: buffer) else { return nil }
        let points = match["points"].map { NumberRules.folded(buffer.string($0)) }
        if let points, grammar.hundredths.contains(points.split(whereSeparator: \.isWhitespace).joined(separator: " ")) {
            value = value.divided(by: 100)
        }
        // "-0.3%", "−0,3 %", "minus 0,5 Prozent": below zero, the sign part of the mention.
        var bytes = match.range
        if let sign = reader.rules.minusSignStart(before: bytes.lowerBound, in: buffer) {
            bytes = sign..<bytes.upperBound
            value = -value
        }
        return Found(bytes: bytes, value: value, points: points != nil)
    }

    private static func value(of match: PatternMatch, numbers: NumberReader, in buffer: TextBuffer) -> ExactDecimal? {
        match["digits"].flatMap { numbers.digits(buffer.string($0)) } ?? match["written"].flatMap { numbers.words(buffer.string($0)) }
    }
}
