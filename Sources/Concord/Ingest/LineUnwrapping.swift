/// Hard-wrapped plain text (newswire copy, e-mail, fixed-width dumps) breaks its lines inside
/// sentences and names: "U.S. Agriculture Secretary Richard\nLyng does not intend". The line
/// feeds that only wrap a paragraph become spaces, scalar for scalar, so the patterns, which
/// read a name or a date within a line, read across them, while spans, offsets and line
/// numbers still quote the original.
enum LineUnwrapping {
    /// Lines longer than this are paragraphs of their own, not wrapped ones.
    static let maximumWidth = 100
    /// Narrower text is a table or a list, whose lines are no wrapped paragraph.
    static let minimumWidth = 50
    /// How far short of the width a wrapper may leave a line (words of different lengths).
    static let slack = 10

    /// `text` with the line feeds that wrap a paragraph replaced by spaces; `text` itself when
    /// it is not hard-wrapped.
    ///
    /// A line feed wraps when the document has a wrap width (``wrapWidth(_:)``) that most of
    /// its lines fill, the line before it holds text, the next line starts with no space (an
    /// indented or blank line opens a paragraph) and opens no item (a bullet, a heading, "1."),
    /// and the line before, a space and the next line's first word come within ``slack`` of
    /// the width: the wrapper moved that word down because it did not fit. A short line
    /// ("Reuter", a table row, a paragraph's last line) keeps its line feed.
    static func unwrapped(_ text: String) -> String {
        var text = text
        let joined: [UInt8]? = text.withUTF8 { source in
            let lines = lineLengths(source)
            guard lines.count > 2, let width = wrapWidth(lines.lazy.map(\.scalars)) else { return nil }
            // Most lines of wrapped text fill it (all but a paragraph's last); a page dump whose
            // headings, bullets and short paragraphs happen to share a length does not.
            let filled = lines.count(where: { $0.scalars >= width - 2 * slack })
            guard filled * 2 > lines.count(where: { $0.scalars > 0 }) else { return nil }
            var bytes: [UInt8]?
            for index in 0..<(lines.count - 1) {
                let line = lines[index], next = lines[index + 1]
                guard line.scalars > 0, next.scalars > 0, !Bytes.isSpace(source[next.start]), !opensItem(source, at: next.start, end: next.end),
                      line.scalars + 1 + firstWordLength(source, from: next.start, to: next.end) > width - slack else { continue }
                if bytes == nil { bytes = Array(source) }
                bytes![line.end] = UInt8(ascii: " ")
            }
            return bytes
        }
        return joined.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The width the text is wrapped at: the longest line length (up to ``maximumWidth``) that
    /// two more lines come within ``slack`` of; nil when there is none or it is narrower than
    /// ``minimumWidth`` (text with a line per paragraph, a table).
    ///
    /// The lengths are counted by value, and the widths tried from the widest down: sorting
    /// them cost 6.7 M instructions per 1,000 Reuters stories (callgrind; the whole of
    /// ``unwrapped(_:)`` went from 18.9 M to 11.6 M with this and the reserved lines).
    static func wrapWidth(_ lengths: some Sequence<Int>) -> Int? {
        var counts = [Int](repeating: 0, count: maximumWidth + 1)
        for length in lengths where length <= maximumWidth { counts[length] += 1 }
        for width in stride(from: maximumWidth, through: 0, by: -1) where counts[width] > 0 {
            // The lines of this width and those up to `slack` shorter.
            guard counts[Swift.max(0, width - slack)...width].reduce(0, +) >= 3 else { continue }
            return width >= minimumWidth ? width : nil
        }
        return nil
    }

    /// Each line's byte range (without its line feed) and length in scalars, eight bytes at a
    /// time (``Bytes`` SWAR): a loop over the String's UTF-8 view cost 33 M instructions per
    /// 1,000 Reuters stories, one over its bytes 12 M (callgrind).
    private static func lineLengths(_ source: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, scalars: Int)] {
        var lines: [(start: Int, end: Int, scalars: Int)] = []
        // Room for lines of about 40 bytes, so the array is seldom grown.
        lines.reserveCapacity(source.count / 40 + 1)
        var start = 0
        while true {
            let end = Bytes.firstIndex(in: source, from: start, to: source.count) { Bytes.bytes(of: $0, equalTo: UInt8(ascii: "\n")) }
            lines.append((start, end, scalarCount(source, from: start, to: end)))
            guard end < source.count else { return lines }
            start = end + 1
        }
    }

    /// The scalars of `source[start..<end]`: its bytes less the continuation bytes (10xxxxxx).
    private static func scalarCount(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = source.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var continuations = 0, index = start
        while index + 8 <= end {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            continuations += (word & ~(word << 1) & Bytes.highBits).nonzeroBitCount
            index += 8
        }
        while index < end {
            if source[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return end - start - continuations
    }

    /// Whether a line opens an item of its own: a heading or quote mark ("#", ">"), a bullet
    /// ("-", "*", "•", "–") or a number that counts ("1.", "2)").
    private static func opensItem(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        switch bytes[start] {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: "*"): return true
        case 0xE2:
            // U+2022 bullet, U+2013 en dash, U+2014 em dash, U+25AA and U+25CF squares and dots.
            guard start + 2 < end else { return false }
            return (bytes[start + 1] == 0x80 && [0xA2, 0x93, 0x94].contains(bytes[start + 2])) || (bytes[start + 1] == 0x96 && [0xAA, 0x8F].contains(bytes[start + 2]))
        default:
            var index = start
            while index < end, Bytes.isDigit(bytes[index]) { index += 1 }
            return index > start && index + 1 < end && (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")) && Bytes.isSpace(bytes[index + 1])
        }
    }

    /// The scalars of the first word of `bytes[start..<end]` (up to a space).
    private static func firstWordLength(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0, index = start
        while index < end, !Bytes.isSpace(bytes[index]) {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
