/// Scans a document with a pattern piece by piece, each piece a run of whole lines of at
/// least `chunkBytes`, cut where a paragraph or sentence ends. It was written when every
/// PCRE2 call re-checked the subject's UTF-8 to its end (quadratic over a document);
/// ``Pattern`` now passes `PCRE2_NO_UTF_CHECK`, so the pieces only bound how far a
/// lookahead may run. Whether to scan whole documents instead is open: it must be shown
/// byte-identical on a corpus first.
/// A sum may wrap at a line end, but not across a paragraph or after a full stop, so a
/// seam placed there loses none.
enum ChunkedScan {
    static let chunkBytes = 512

    /// Calls `body` for each match of `pattern`, piece by piece. A `prefilter` is a cheap
    /// pattern that every match of `pattern` contains (the words a match must end in): a
    /// piece where it finds nothing is skipped without the costly scan. `starts` says where a
    /// match may start (``Pattern/forEachMatch(in:from:to:startingAt:_:)``).
    static func forEachMatch(_ pattern: Pattern, in buffer: TextBuffer, prefilter: Pattern? = nil, startingAt starts: WordStartFilter? = nil, _ body: (PatternMatch) -> Void) throws {
        var start = 0
        while start < buffer.byteCount {
            let end = seam(in: buffer, after: min(buffer.byteCount, start + chunkBytes))
            let mayMatch = try prefilter.map { try $0.firstMatch(in: buffer, from: start, to: end) != nil } ?? true
            if mayMatch {
                try pattern.forEachMatch(in: buffer, from: start, to: end, startingAt: starts) { match in
                    body(match)
                    return true
                }
            }
            start = end
        }
    }

    /// Calls `body` for each match of the money or percent scan `pattern`, piece by piece,
    /// tried (anchored) only at the offsets `starts` finds: the matches of
    /// ``forEachMatch(_:in:prefilter:startingAt:_:)``, as `starts` never passes over an offset
    /// where `pattern` matches. A piece where the `prefilter` finds nothing is skipped.
    static func forEachMatch(_ pattern: Pattern, in buffer: TextBuffer, prefilter: Pattern? = nil, startingAt starts: MoneyStarts, _ body: (PatternMatch) -> Void) throws {
        var start = 0
        while start < buffer.byteCount {
            let end = seam(in: buffer, after: min(buffer.byteCount, start + chunkBytes))
            let mayMatch = try prefilter.map { try $0.firstMatch(in: buffer, from: start, to: end) != nil } ?? true
            var position = start
            while mayMatch, position <= end {
                let candidate = buffer.withBytes { starts.nextStart($0, count: end, from: position) }
                guard let candidate else { break }
                guard let match = try pattern.anchoredMatch(in: buffer, at: candidate, to: end) else {
                    position = candidate + 1
                    continue
                }
                body(match)
                // After an empty match, step one whole code point so no scalar is split.
                position = match.range.upperBound > match.range.lowerBound ? match.range.upperBound : buffer.nextScalarBoundary(after: match.range.upperBound)
            }
            start = end
        }
    }

    /// The first line end at or after `offset` (within 4 KB) where no sum can wrap: before
    /// a blank or indented line, or after a full stop; else the first line end.
    private static func seam(in buffer: TextBuffer, after offset: Int) -> Int {
        let newline = UInt8(ascii: "\n")
        var position = offset
        var firstLineEnd: Int?
        while position < buffer.byteCount, position < offset + 4096 {
            if buffer[byte: position] == newline {
                if firstLineEnd == nil { firstLineEnd = position + 1 }
                let next = position + 1 < buffer.byteCount ? buffer[byte: position + 1] : newline
                let previous = position > 0 ? buffer[byte: position - 1] : newline
                if next == newline || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || previous == UInt8(ascii: ".") {
                    return position + 1
                }
            }
            position += 1
        }
        if position >= buffer.byteCount { return buffer.byteCount }
        if let firstLineEnd { return firstLineEnd }
        while position < buffer.byteCount, buffer[byte: position] != newline { position += 1 }
        return min(buffer.byteCount, position + 1)
    }
}
