/// Scans a document with a pattern piece by piece, each piece a run of whole lines of at
/// least `chunkBytes`. PCRE2 checks that the subject is valid UTF-8 from the start offset
/// to its end on every match call (``Pattern`` does not pass `PCRE2_NO_UTF_CHECK`); over a
/// whole document that check makes a scan quadratic in its length. Bounding each call's
/// subject to a short piece keeps it linear, with a small constant.
/// No money or percent pattern crosses a line break, so no match is lost at a seam.
enum ChunkedScan {
    static let chunkBytes = 512

    static func forEachMatch(_ pattern: Pattern, in buffer: TextBuffer, _ body: (PatternMatch) -> Void) throws {
        var start = 0
        while start < buffer.byteCount {
            var end = min(buffer.byteCount, start + chunkBytes)
            while end < buffer.byteCount, buffer[byte: end - 1] != UInt8(ascii: "\n") { end += 1 }
            try pattern.forEachMatch(in: buffer, from: start, to: end) { match in
                body(match)
                return true
            }
            start = end
        }
    }
}
