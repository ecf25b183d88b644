/// Finds percentages ("49%", "49 per cent", "49 Prozent", "4.5 percentage points") and
/// reads their exact value with the document language's number rules.
///
/// One pattern per language, composed from `Rules/percent/<lang>.yaml` and the number
/// fragments of `Rules/numbers/<lang>.yaml`, anchored on the number.
public struct PercentExtractor: Sendable {
    private struct Grammar: Sendable {
        let numbers: NumberReader
        let pattern: Pattern
        /// The signs and point words alone: every percentage ends in one, and where none
        /// occurs the number-anchored `pattern` need not run.
        let signOrPoints: Pattern
        /// Point words worth a hundredth of a point ("basis points"), folded.
        let hundredths: Set<String>
    }

    private let grammars: [String: Grammar]

    public init(rules: RuleSet) throws {
        var grammars: [String: Grammar] = [:]
        for file in rules.files(in: "percent") {
            let root = file.root
            let language = try root.string("language")
            let numbers = try NumberRules(rules: rules, language: language)
            let points = PatternText.alternation(try root.strings("points"))
            let signs = PatternText.alternation(try root.strings("signs"))
            let source = "(?<![\\p{L}\\p{N}])(?<![\\p{N}][.,'])(?<!\\p{L}-)"
                + "(?:(?<digits>\(numbers.digitsPattern))|(?<written>\(numbers.writtenPattern)))"
                + "[ ]?(?:(?<points>\(points))|\(signs))"
            let origin = root["signs"]?.origin ?? root.origin
            let pattern: Pattern, signOrPoints: Pattern
            do {
                pattern = try Pattern(source, caseless: true, origin: origin)
                signOrPoints = try Pattern("(?:\(points))|\(signs)", caseless: true, origin: origin)
            } catch let error as PatternError {
                throw RuleError(origin: origin, message: error.message)
            }
            grammars[language] = Grammar(numbers: NumberReader(rules: numbers), pattern: pattern, signOrPoints: signOrPoints,
                                         hundredths: Set(try root.strings("hundredths").map(NumberRules.folded)))
        }
        guard grammars["en"] != nil else {
            throw RuleError(origin: RuleOrigin(file: "percent/en.yaml", line: 0), message: "the English percent rules are required (the fallback language)")
        }
        self.grammars = grammars
    }

    public func mentions(in document: TokenizedDocument) throws -> [PercentMention] {
        let grammar = grammars[document.language.language] ?? grammars["en"]!
        let buffer = document.buffer
        var found: [PercentMention] = []
        try ChunkedScan.forEachMatch(grammar.pattern, in: buffer, prefilter: grammar.signOrPoints) { match in
            guard document.isInBody(byte: match.range.lowerBound) else { return }
            let value = match["digits"].flatMap { grammar.numbers.digits(buffer.string($0)) }
                ?? match["written"].flatMap { grammar.numbers.words(buffer.string($0)) }
            guard var value else { return }
            let points = match["points"].map { NumberRules.folded(buffer.string($0)) }
            if let points, grammar.hundredths.contains(points.split(whereSeparator: \.isWhitespace).joined(separator: " ")) {
                value = value.divided(by: 100)
            }
            found.append(PercentMention(span: document.span(ofBytes: match.range), value: value, points: points != nil))
        }
        return found
    }
}
