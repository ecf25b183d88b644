import Foundation

/// A document after tokenizing: its cleaned text as a ``TextBuffer`` for the pattern
/// stages, the sentences, and the helpers that turn a byte range of the
/// cleaned text into a ``SourceSpan`` in the original.
public struct TokenizedDocument: Sendable {
    /// The document as ingested (language already settled).
    public let document: Document
    /// The cleaned text, scanned by every pattern.
    public let buffer: TextBuffer
    /// Sentences in text order.
    public let sentences: [Sentence]
    private let originalLines: LineIndex
    /// The original text, where it differs from the cleaned one, so spans quote it.
    private let originalBuffer: TextBuffer?

    public init(document: Document, buffer: TextBuffer, sentences: [Sentence]) {
        self.document = document
        self.buffer = buffer
        self.sentences = sentences
        originalLines = LineIndex(document.original)
        originalBuffer = Self.sameBytes(document.text, document.original) ? nil : TextBuffer(document.original)
    }

    /// Whether two strings have the same UTF-8 bytes (one memcmp, no normalization).
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { a in second.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
    }

    /// The language the document is read in (English when nothing said otherwise).
    public var language: LanguageTag { document.language ?? LanguageTag(language: "en") }

    /// Where the cleaned bytes `range` stand in the original: scalar offsets, line and text.
    /// The text quotes the original where the cleaned text copies it (curly quotes and
    /// non-breaking spaces as written) and the cleaned text where it replaced markup (a
    /// decoded entity), so for plain text it is exactly the original's scalars `start..<end`.
    public func span(ofBytes range: Range<Int>) -> SourceSpan {
        let cleaned = buffer.scalarRange(ofBytes: range)
        let original = document.offsetMap.originalRange(cleaned)
        return SourceSpan(
            text: quote(cleaned: cleaned, bytes: range, original: original), start: original.lowerBound, end: original.upperBound,
            line: originalLines.line(of: original.lowerBound), bytes: range)
    }

    private func quote(cleaned: Range<Int>, bytes: Range<Int>, original: Range<Int>) -> String {
        guard let originalBuffer else { return buffer.string(bytes) }
        let map = document.offsetMap
        if map == .identity {
            return originalBuffer.string(originalBuffer.byteOffset(ofScalar: original.lowerBound)..<originalBuffer.byteOffset(ofScalar: original.upperBound))
        }
        var text = ""
        for offset in cleaned {
            let start = map.originalStart(offset)
            let source = map.originalEnd(offset + 1) - start == 1
                ? originalBuffer.string(originalBuffer.byteOffset(ofScalar: start)..<originalBuffer.byteOffset(ofScalar: start + 1))
                : buffer.string(buffer.byteOffset(ofScalar: offset)..<buffer.byteOffset(ofScalar: offset + 1))
            text += source
        }
        return text
    }

    /// The index of the sentence holding byte `offset`, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid].range
            if offset < range.lowerBound { high = mid - 1 } else if offset >= range.upperBound { low = mid + 1 } else { return mid }
        }
        return nil
    }

    /// Whether byte `offset` of the cleaned text lies in the article body.
    public func isInBody(byte offset: Int) -> Bool {
        let scalar = buffer.scalarOffset(ofByte: offset)
        let ranges = document.bodyRanges
        // The ranges are sorted and disjoint: find the last one starting at or before `scalar`.
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= scalar { low = mid + 1 } else { high = mid }
        }
        return low > 0 && ranges[low - 1].contains(scalar)
    }
}

/// Where a mention stands: its text, scalar offsets into the original text (end
/// exclusive), its 1-based line, and the byte range in the cleaned text it was found at.
public struct SourceSpan: Sendable, Equatable {
    /// The mention as it reads in the cleaned text.
    public var text: String
    /// Scalar offset in the original text.
    public var start: Int
    /// Scalar offset in the original text, exclusive.
    public var end: Int
    /// 1-based line in the original text.
    public var line: Int
    /// Byte range in the cleaned text (not part of records).
    public var bytes: Range<Int>
}

/// A sentence: its byte range in the cleaned text (``Tokenizer/tokens(of:in:)`` reads its tokens).
public struct Sentence: Sendable, Equatable {
    /// Byte range in the cleaned text.
    public var range: Range<Int>

    public init(range: Range<Int>) {
        self.range = range
    }
}

/// A token: a word, a number, or a punctuation mark, by byte range in the cleaned text.
public struct Token: Sendable, Equatable {
    /// What sort of token this is.
    public enum Kind: Sendable, Equatable {
        case word, number, punctuation, symbol
    }

    public var range: Range<Int>
    public var kind: Kind

    public init(range: Range<Int>, kind: Kind) {
        self.range = range
        self.kind = kind
    }
}
