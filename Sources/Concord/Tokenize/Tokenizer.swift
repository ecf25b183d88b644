/// Splits a document's cleaned text into sentences and tokens, by byte offsets.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
/// white space and a word that does not start in lower case, except after an abbreviation
/// of `Rules/tokenize/` ("Feb.", "Inc.", "No."), a single capital letter ("J. Smith") or a
/// word of short dotted parts ("U.S.", "z.B."); a decimal point is never followed by white
/// space, so it never ends one. A line break ends a sentence where the layout says so: before
/// a blank line, before or after a bullet or heading line, before a more indented line
/// (a new paragraph) and after a short line (a headline, a label). Other line breaks are
/// hard wraps inside a sentence, as in wire copy, except at the edge of a boilerplate line
/// (a row of share buttons above the lead paragraph is no part of its first sentence).
public struct Tokenizer: Sendable {
    private let abbreviations: Abbreviations

    /// Reads the abbreviation lists of `Rules/tokenize/`.
    public init(rules: RuleSet) throws {
        abbreviations = try Abbreviations(files: rules.files(in: "tokenize"))
    }

    public func tokenize(_ document: Document) -> TokenizedDocument {
        let buffer = TextBuffer(document.text)
        var bodyEdges: [Int] = []
        for range in document.bodyRanges {
            bodyEdges.append(buffer.byteOffset(ofScalar: range.lowerBound))
            bodyEdges.append(buffer.byteOffset(ofScalar: range.upperBound))
        }
        let sentences = buffer.withBytes { base in
            splitter(base, buffer, language: document.language).sentences(breakingAt: bodyEdges.sorted())
        }
        return TokenizedDocument(document: document, buffer: buffer, sentences: sentences)
    }

    /// The tokens of one of a document's sentences. Made on demand: no stage of `extract`
    /// reads them (tokenizing every sentence was 37 M instructions a thousand Reuters stories).
    public func tokens(of sentence: Sentence, in document: TokenizedDocument) -> [Token] {
        document.buffer.withBytes { base in
            splitter(base, document.buffer, language: document.document.language).tokens(in: sentence.range)
        }
    }

    private func splitter(_ base: UnsafePointer<UInt8>, _ buffer: TextBuffer, language: LanguageTag?) -> SentenceSplitter {
        SentenceSplitter(text: UnsafeBufferPointer(start: base, count: buffer.byteCount), isASCII: buffer.isASCII, abbreviations: abbreviations.list(for: language))
    }
}

/// One pass over a document's UTF-8 bytes finds its sentence ends; a sentence's tokens are
/// read on demand.
private struct SentenceSplitter {
    let text: UnsafeBufferPointer<UInt8>
    /// Whether every byte is ASCII (then bytes count scalars).
    let isASCII: Bool
    let abbreviations: Abbreviations.List

    /// A line shorter than this (in scalars) that does not end in running punctuation is a
    /// line of its own (a headline, a byline, a label), not a hard wrap.
    static let shortLine = 40

    /// The sentences of the text. `bodyEdges` (sorted) are the byte offsets where the
    /// article body starts or stops around a boilerplate line: a line break there always
    /// ends a sentence.
    func sentences(breakingAt bodyEdges: [Int]) -> [Sentence] {
        var result: [Sentence] = []
        var start = 0
        var lineStart = 0
        var index = 0
        // Line breaks come in text order: the first body edge not before the current one.
        // (A sorted array walked once, not a Set: hashing twice a line break was 3.6 M
        // instructions a thousand Reuters stories.)
        var nextEdge = 0
        let count = text.count
        while index < count {
            switch text[index] {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                var end = index + 1
                while end < count, Self.isTerminal(text[end]) { end += 1 }
                end = skipClosers(from: end)
                let isStop = text[index] == UInt8(ascii: ".") && end == index + 1
                if end == count || Bytes.isSpace(text[end]), !(isStop && (isAbbreviation(endingAt: index) || isListNumber(dot: index, lineStart: lineStart) || isOrdinal(dot: index))),
                   !nextWordIsLowercase(from: end) {
                    append(start..<end, to: &result)
                    start = end
                }
                index = end
            case UInt8(ascii: "\n"):
                while nextEdge < bodyEdges.count && bodyEdges[nextEdge] < index { nextEdge += 1 }
                let atBodyEdge = nextEdge < bodyEdges.count && bodyEdges[nextEdge] <= index + 1
                if atBodyEdge || lineBreakEndsSentence(lineStart: lineStart, newline: index) {
                    append(start..<index, to: &result)
                    start = index + 1
                }
                index += 1
                lineStart = index
            default:
                // Measured: a byte at a time, this loop cost 13 instructions a byte of text
                // (callgrind); a word at a time, about 3.
                index = Bytes.firstIndex(in: text, from: index + 1, to: count) { word in
                    Bytes.bytes(of: word, equalTo: UInt8(ascii: ".")) | Bytes.bytes(of: word, equalTo: UInt8(ascii: "!"))
                        | Bytes.bytes(of: word, equalTo: UInt8(ascii: "?")) | Bytes.bytes(of: word, equalTo: UInt8(ascii: "\n"))
                }
            }
        }
        append(start..<count, to: &result)
        return result
    }

    // MARK: Sentence ends

    private static func isTerminal(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// Skips closing quotes and brackets after a sentence's final punctuation.
    private func skipClosers(from offset: Int) -> Int {
        var end = offset
        while end < text.count {
            switch text[end] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"):
                end += 1
            case 0xC2 where end + 1 < text.count && text[end + 1] == 0xBB:  // »
                end += 2
            case 0xE2 where end + 2 < text.count && text[end + 1] == 0x80 && [0x99, 0x9D, 0xBA].contains(text[end + 2]):  // ’ ” ›
                end += 3
            default:
                return end
            }
        }
        return end
    }

    /// Whether the first word after the white space at `offset` starts with a lower-case letter.
    private func nextWordIsLowercase(from offset: Int) -> Bool {
        var next = offset
        while next < text.count, Bytes.isSpace(text[next]) { next += 1 }
        guard next < text.count else { return false }
        return Bytes.isLowercase(in: text, at: next)
    }

    /// Whether the full stop at `dot` closes the number of a numbered list item ("1. Supercomputing").
    private func isListNumber(dot: Int, lineStart: Int) -> Bool {
        var start = dot
        while start > lineStart, Bytes.isDigit(text[start - 1]) { start -= 1 }
        guard start < dot, dot - start <= 3 else { return false }
        return text[lineStart..<start].allSatisfy(Bytes.isSpace)
    }

    /// Whether the full stop at `dot` ends an ordinal number of one or two digits before a
    /// word of `ordinal_nouns` ("4. März").
    private func isOrdinal(dot: Int) -> Bool {
        var start = dot
        while start > 0, Bytes.isDigit(text[start - 1]) { start -= 1 }
        guard (1...2).contains(dot - start), start == 0 || !Bytes.isLetter(in: text, at: Bytes.scalarStart(in: text, before: start)) else { return false }
        var next = dot + 1
        while next < text.count, Bytes.isSpace(text[next]) { next += 1 }
        var end = next
        while end < text.count, Bytes.isLetter(in: text, at: end) { end += Bytes.scalar(in: text, at: end).length }
        return next < end && abbreviations.ordinalNouns.contains(String(decoding: text[next..<end], as: UTF8.self).lowercased())
    }

    /// The word that ends where the white space before `offset` starts ("série" before "A.").
    private func word(endingBefore offset: Int) -> String {
        var end = offset
        while end > 0, Bytes.isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > 0, case let previous = Bytes.scalarStart(in: text, before: start), Bytes.isLetter(in: text, at: previous) { start = previous }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    /// Whether the full stop at `dot` closes an abbreviation.
    func isAbbreviation(endingAt dot: Int) -> Bool {
        var wordStart = dot
        var hasInnerDot = false
        while wordStart > 0 {
            let previous = Bytes.scalarStart(in: text, before: wordStart)
            if text[previous] == UInt8(ascii: ".") {
                hasInnerDot = true
            } else if !Bytes.isLetter(in: text, at: previous) {
                break
            }
            wordStart = previous
        }
        if wordStart < dot, text[wordStart] != UInt8(ascii: ".") {
            // "J." and other initials, but not the letter of "série A.".
            if dot - wordStart == 1, Bytes.isASCIIUpper(text[wordStart]) {
                return !abbreviations.letterNouns.contains(word(endingBefore: wordStart).lowercased())
            }
            // "U.S.", "e.g.": one- or two-letter parts joined by dots.
            if hasInnerDot, text[dot - 1] != UInt8(ascii: "."),
               text[wordStart..<dot].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy({ (1...2).contains($0.count) }) {
                return true
            }
            if abbreviations.contains(text[wordStart...dot]) { return true }
        }
        return abbreviations.phrases.contains { phrase in endsPhrase(phrase, at: dot) }
    }

    /// Whether the full stop at `dot` is one of the stops of `phrase` ("z. B.", "p. ex."), the
    /// phrase starting at a word boundary (its first letter in either case).
    private func endsPhrase(_ phrase: [UInt8], at dot: Int) -> Bool {
        phrase.indices.contains { stop in
            guard phrase[stop] == UInt8(ascii: "."), dot >= stop, dot - stop + phrase.count <= text.count else { return false }
            let start = dot - stop
            for offset in 0..<phrase.count {
                let byte = text[start + offset], expected = phrase[offset]
                if byte != expected && !(offset == 0 && Bytes.isASCIILetter(byte) && byte | 0x20 == expected | 0x20) { return false }
            }
            return start == 0 || !Bytes.isLetter(in: text, at: Bytes.scalarStart(in: text, before: start))
        }
    }

    /// Whether the line break at `newline` ends the sentence (see ``Tokenizer``).
    private func lineBreakEndsSentence(lineStart: Int, newline: Int) -> Bool {
        let current = Line(text: text, start: lineStart, end: newline)
        guard !current.isBlank else { return true }
        let nextEnd = Bytes.firstIndex(in: text, from: newline + 1, to: text.count) { Bytes.bytes(of: $0, equalTo: UInt8(ascii: "\n")) }
        let next = Line(text: text, start: newline + 1, end: nextEnd)
        if next.isBlank || current.isBullet || current.isHeading || next.isBullet || next.isHeading { return true }
        if next.indent > current.indent { return true }
        // A short line of its own after a long one: a heading, not the end of a wrapped sentence.
        if next.isShorter(than: Self.shortLine, ascii: isASCII), next.endsInWord, Bytes.isUppercase(in: text, at: next.contentStart) { return true }
        if current.isShorter(than: Self.shortLine, ascii: isASCII) {
            let last = text[current.contentEnd - 1]
            let runsOn = last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: "(") || last == UInt8(ascii: "-")
            return !runsOn && !Bytes.isLowercase(in: text, at: next.contentStart)
        }
        return false
    }

    // MARK: Tokens

    private func append(_ range: Range<Int>, to sentences: inout [Sentence]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Bytes.isSpace(text[lower]) { lower += 1 }
        while upper > lower, Bytes.isSpace(text[upper - 1]) { upper -= 1 }
        guard lower < upper else { return }
        sentences.append(Sentence(range: lower..<upper))
    }

    func tokens(in range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 4)
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = text[index]
            if Bytes.isSpace(byte) {
                index += 1
            } else if Bytes.isDigit(byte) {
                let tokenEnd = numberEnd(from: index, limit: end)
                tokens.append(Token(range: index..<tokenEnd, kind: .number))
                index = tokenEnd
            } else if Bytes.isASCIILetter(byte) {
                let tokenEnd = wordEnd(from: index, limit: end)
                tokens.append(Token(range: index..<tokenEnd, kind: .word))
                index = tokenEnd
            } else if byte < 0x80 {
                tokens.append(Token(range: index..<index + 1, kind: Self.asciiSymbols.contains(byte) ? .symbol : .punctuation))
                index += 1
            } else {
                let (scalar, length) = Bytes.scalar(in: text, at: index)
                if scalar.properties.isAlphabetic {
                    let tokenEnd = wordEnd(from: index, limit: end)
                    tokens.append(Token(range: index..<tokenEnd, kind: .word))
                    index = tokenEnd
                } else {
                    let kind: Token.Kind
                    switch scalar.properties.generalCategory {
                    case .currencySymbol, .mathSymbol, .modifierSymbol, .otherSymbol: kind = .symbol
                    default: kind = .punctuation
                    }
                    tokens.append(Token(range: index..<index + length, kind: kind))
                    index += length
                }
            }
        }
        return tokens
    }

    /// ASCII symbols (Unicode categories Sc, Sm, Sk): `$ + < = > ^ ` | ~`; other ASCII marks are punctuation.
    private static let asciiSymbols: Set<UInt8> = Set("$+<=>^`|~".utf8)

    /// A number: digits with inner `.` or `,` between digits ("5.93", "155,221", "1.000.000").
    private func numberEnd(from start: Int, limit: Int) -> Int {
        var index = start + 1
        while index < limit {
            if Bytes.isDigit(text[index]) {
                index += 1
            } else if (text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ",")), index + 1 < limit, Bytes.isDigit(text[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// A word: letters and digits, with inner apostrophes and hyphens ("Mistral's",
    /// "co-founder") and inner dots ("U.S"); its final stop belongs to it when it is an
    /// abbreviation ("Feb.", "U.S.").
    private func wordEnd(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit {
            let byte = text[index]
            if Bytes.isASCIILetter(byte) || Bytes.isDigit(byte) {
                index += 1
            } else if byte >= 0x80 {
                let (scalar, length) = Bytes.scalar(in: text, at: index)
                let properties = scalar.properties
                guard properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark else { break }
                index += length
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), index + 1 < limit, Bytes.isLetter(in: text, at: index + 1) {
                index += 2
            } else {
                break
            }
        }
        if index < limit, text[index] == UInt8(ascii: "."), isAbbreviation(endingAt: index) { index += 1 }
        return index
    }
}

/// One line of the text, trimmed, as the line-break rules look at it.
private struct Line {
    let contentStart: Int
    let contentEnd: Int
    let indent: Int
    private let text: UnsafeBufferPointer<UInt8>

    init(text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.text = text
        var lower = start, upper = end
        while lower < upper, Bytes.isSpace(text[lower]) { lower += 1 }
        while upper > lower, Bytes.isSpace(text[upper - 1]) { upper -= 1 }
        contentStart = lower
        contentEnd = upper
        indent = lower - start
    }

    /// Shorter than `limit` scalars (counted only when the byte length leaves it open).
    func isShorter(than limit: Int, ascii: Bool) -> Bool {
        let bytes = contentEnd - contentStart
        if bytes < limit { return true }
        if ascii || bytes >= 4 * limit { return false }
        var scalars = 0
        for index in contentStart..<contentEnd where text[index] & 0xC0 != 0x80 { scalars += 1 }
        return scalars < limit
    }

    var isBlank: Bool { contentStart == contentEnd }

    /// Starts with a bullet: `-`, `*`, `+`, `•` and the like, or `1.` / `2)`, then a space.
    var isBullet: Bool {
        guard !isBlank else { return false }
        let first = text[contentStart]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return followedBySpace(contentStart + 1)
        }
        if Bytes.isDigit(first) {
            var index = contentStart
            while index < contentEnd, index - contentStart < 3, Bytes.isDigit(text[index]) { index += 1 }
            guard index < contentEnd, text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ")") else { return false }
            return followedBySpace(index + 1)
        }
        guard first >= 0x80 else { return false }
        let (scalar, length) = Bytes.scalar(in: text, at: contentStart)
        return Self.bulletMarks.contains(scalar) && (followedBySpace(contentStart + length) || contentStart + length == contentEnd)
    }

    /// Whether the line ends with a letter or digit (no closing punctuation).
    var endsInWord: Bool {
        guard !isBlank else { return false }
        let last = text[Bytes.scalarStart(in: text, before: contentEnd)]
        return Bytes.isASCIILetter(last) || Bytes.isDigit(last) || last >= 0x80
    }

    /// A Markdown heading (`# Title`).
    var isHeading: Bool { !isBlank && text[contentStart] == UInt8(ascii: "#") }

    private func followedBySpace(_ index: Int) -> Bool { index < contentEnd && Bytes.isSpace(text[index]) }

    private static let bulletMarks: Set<Unicode.Scalar> = ["•", "·", "‣", "▪", "▫", "►", "▶", "●", "○", "◦", "■", "□", "➢", "✓", "✔", "–", "—"]
}

/// Byte-level helpers over UTF-8 text.
enum Bytes {
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always) static func isASCIIUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// Whether the scalar at `index` is a letter (ASCII answered without a table lookup).
    @inline(__always) static func isLetter(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        return byte < 0x80 ? isASCIILetter(byte) : scalar(in: text, at: index).scalar.properties.isAlphabetic
    }

    @inline(__always) static func isLowercase(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        return byte < 0x80 ? byte &- 0x61 < 26 : scalar(in: text, at: index).scalar.properties.isLowercase
    }

    @inline(__always) static func isUppercase(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        return byte < 0x80 ? isASCIIUpper(byte) : scalar(in: text, at: index).scalar.properties.isUppercase
    }

    /// The scalar starting at byte `index` of valid UTF-8, and its length in bytes.
    static func scalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = text[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= text.count else { return (Unicode.Scalar(0xFFFD)!, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!, length)
    }

    /// The byte offset where the scalar before byte `index` starts.
    static func scalarStart(in text: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var start = index - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}

/// Word-at-a-time scanning (SWAR: eight bytes tested with a few integer operations), for
/// loops that look for a few byte values in long runs of text: the ends of sentences, line
/// breaks. A mask sets the high bit of each byte of a word that is sought; only its lowest
/// set bit is exact (a borrow may set higher ones), and that is all
/// ``firstIndex(in:from:to:where:)`` reads.
extension Bytes {
    static let lowBits: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The mask of the bytes of `word` equal to `byte`.
    @inline(__always) static func bytes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (lowBits &* UInt64(byte))
        return (difference &- lowBits) & ~difference & highBits
    }

    /// The mask of the bytes of `word` below `limit` (at most 0x80).
    @inline(__always) static func bytes(of word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- lowBits &* UInt64(limit)) & ~word & highBits
    }

    /// The first offset in `start..<end` whose byte `mask` sets (``Bytes`` SWAR masks), else `end`.
    @inline(__always) static func firstIndex(in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, where mask: (UInt64) -> UInt64) -> Int {
        guard start < end, let base = text.baseAddress.map(UnsafeRawPointer.init) else { return end }
        var index = start
        while index + 8 <= end {
            let hits = mask(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if hits != 0 { return index + hits.trailingZeroBitCount / 8 }
            index += 8
        }
        // The last bytes, padded with zeros: a hit in the padding is past `end`.
        var word: UInt64 = 0
        for offset in 0..<(end - index) { word |= UInt64(text[index + offset]) << (8 * offset) }
        let hits = mask(word)
        return hits == 0 ? end : min(end, index + hits.trailingZeroBitCount / 8)
    }
}
