/// One line of a JSON Lines file of documents (CONTRACT.md): `{"text": ..., "id"?, "url"?,
/// "title"?, "published"?, "language"?}`; other fields are skipped unread.
///
/// A small parser of its own rather than `JSONDecoder`: it validates the line, decodes only
/// the string fields it needs, and says where a line is broken (the column), which matters
/// for feeds of thousands of lines. It works on the line's bytes: keys are matched byte for
/// byte, and a value without escapes is decoded straight from the line's bytes.
struct JSONDocumentLine {
    var text: String?
    var id: String?
    var title: String?
    var published: String?
    var language: String?

    /// The keys read; `url` is checked (a string or null) but not kept.
    private enum Field {
        case text, id, url, title, published, language

        init?(key: some Collection<UInt8>) {
            func `is`(_ name: StaticString) -> Bool {
                name.withUTF8Buffer { key.elementsEqual($0) }
            }
            switch key.count {
            case 2 where `is`("id"): self = .id
            case 3 where `is`("url"): self = .url
            case 4 where `is`("text"): self = .text
            case 5 where `is`("title"): self = .title
            case 8 where `is`("language"): self = .language
            case 9 where `is`("published"): self = .published
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .text: "text"
            case .id: "id"
            case .url: "url"
            case .title: "title"
            case .published: "published"
            case .language: "language"
            }
        }
    }

    /// Parses one line of valid UTF-8; throws a plain-words reason for a line that is not a
    /// JSON object.
    init(_ line: String) throws(JSONLineError) {
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Self, JSONLineError> {
            Result { () throws(JSONLineError) in try Self(bytes) }
        }
        self = try (line.utf8.withContiguousStorageIfAvailable(parse) ?? Array(line.utf8).withUnsafeBufferPointer(parse)).get()
    }

    /// Parses `bytes`, the UTF-8 of a line.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONLineError) {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "{") else { throw parser.error("a JSON object") }
        parser.index += 1
        parser.skipSpace()
        if parser.peek == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            while true {
                parser.skipSpace()
                guard parser.peek == UInt8(ascii: "\"") else { throw parser.error("a quoted key") }
                let field: Field?
                switch try parser.stringContent() {
                case let .verbatim(range): field = Field(key: bytes[range])
                case let .decoded(key): field = Field(key: key)
                }
                parser.skipSpace()
                guard parser.peek == UInt8(ascii: ":") else { throw parser.error("':'") }
                parser.index += 1
                parser.skipSpace()
                if let field {
                    if let value = try parser.scalarValue(field: field) { set(field, value) }
                } else {
                    try parser.skipValue(depth: 0)
                }
                parser.skipSpace()
                if parser.peek == UInt8(ascii: ",") {
                    parser.index += 1
                } else if parser.peek == UInt8(ascii: "}") {
                    parser.index += 1
                    break
                } else {
                    throw parser.error("',' or '}'")
                }
            }
        }
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.error("the end of the line after the object") }
    }

    /// Keeps a field's value; a key given twice keeps its last value.
    private mutating func set(_ field: Field, _ value: String) {
        switch field {
        case .text: text = value
        case .id: id = value
        case .url: break
        case .title: title = value
        case .published: published = value
        case .language: language = value
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        }

        func error(_ expected: String) -> JSONLineError {
            let found = index < bytes.count ? "'\(String(decoding: bytes[index..<min(index + 12, bytes.count)], as: UTF8.self))'" : "the end of the line"
            return JSONLineError(message: "invalid JSON at column \(index + 1): expected \(expected), found \(found)")
        }

        /// A string or null (nil) for a wanted field; an `id` may also be a number (kept as
        /// written), and so may `published` (a Unix time, which ``PublishedDate`` reads). A
        /// `url` is checked, not copied.
        mutating func scalarValue(field: Field) throws(JSONLineError) -> String? {
            switch peek {
            case UInt8(ascii: "\""):
                let content = try stringContent()
                guard field != .url else { return nil }
                switch content {
                case let .verbatim(range): return text(range)
                case let .decoded(bytes): return String(decoding: bytes, as: UTF8.self)
                }
            case UInt8(ascii: "n"):
                try literal("null")
                return nil
            case let byte? where (field == .id || field == .published) && (Bytes.isDigit(byte) || byte == UInt8(ascii: "-")):
                let start = index
                try number()
                return text(start..<index)
            default:
                throw JSONLineError(message: "\"\(field.name)\" must be a string")
            }
        }

        /// The line's text over a byte range that starts and ends at ASCII bytes, decoded from
        /// the bytes: a substring of the line's String cost 660 instructions a value (id,
        /// title, date); decoding them brought the parse of 1,000 Reuters lines from 12.7 M
        /// to 11.3 M (callgrind).
        private func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A string's content: where it has no escapes, its byte range in the line;
        /// otherwise its bytes decoded.
        enum Content {
            case verbatim(Range<Int>)
            case decoded([UInt8])
        }

        /// Moves `index` to the next quote or backslash, or to the end, eight bytes at a time
        /// (long texts run tens to hundreds of bytes between escapes).
        private mutating func skipToQuoteOrBackslash() {
            /// The high bit of each byte of `word` that equals `byte`; bits above the lowest
            /// match may be false, the lowest one is exact.
            func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
                let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
                return (spread &- 0x0101_0101_0101_0101) & ~spread & 0x8080_8080_8080_8080
            }
            if let base = bytes.baseAddress {
                while index + 8 <= bytes.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    let found = matches(word, UInt8(ascii: "\"")) | matches(word, UInt8(ascii: "\\"))
                    if found != 0 {
                        index += found.trailingZeroBitCount >> 3
                        return
                    }
                    index += 8
                }
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        }

        /// Reads the string that starts at `index` (its opening quote) up to its closing quote.
        mutating func stringContent() throws(JSONLineError) -> Content {
            index += 1  // the opening quote
            let start = index
            skipToQuoteOrBackslash()
            guard index < bytes.count else { throw error("a closing quote") }
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                return .verbatim(start..<(index - 1))
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count - start)
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return .decoded(decoded)
                }
                if byte != UInt8(ascii: "\\") {
                    // Copy the run up to the next quote or escape at once.
                    let runStart = index
                    skipToQuoteOrBackslash()
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    continue
                }
                guard index + 1 < bytes.count else { break }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "u"):
                    var value = try hex4()
                    if (0xD800..<0xDC00).contains(value), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let saved = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                        } else {
                            index = saved
                        }
                    }
                    decoded.append(contentsOf: String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
                default:
                    index -= 1
                    throw error("a valid escape")
                }
            }
            throw error("a closing quote")
        }

        private mutating func hex4() throws(JSONLineError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index] | 0x20
                let digit: UInt32
                if Bytes.isDigit(bytes[index]) { digit = UInt32(bytes[index] - 0x30) } else if byte &- 0x61 < 6 { digit = UInt32(byte - 0x61 + 10) } else { throw error("four hex digits") }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        private mutating func literal(_ word: StaticString) throws(JSONLineError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw error("a value") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw error("a value") }
            index += count
        }

        private mutating func number() throws(JSONLineError) {
            let start = index
            while index < bytes.count, Bytes.isDigit(bytes[index]) || [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { index += 1 }
            guard index > start else { throw error("a number") }
        }

        mutating func skipValue(depth: Int) throws(JSONLineError) {
            guard depth < 512 else { throw error("less nesting") }
            switch peek {
            case UInt8(ascii: "\""): _ = try stringContent()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = peek == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                index += 1
                skipSpace()
                if peek == close {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    if isObject {
                        guard peek == UInt8(ascii: "\"") else { throw error("a quoted key") }
                        _ = try stringContent()
                        skipSpace()
                        guard peek == UInt8(ascii: ":") else { throw error("':'") }
                        index += 1
                        skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") {
                        index += 1
                    } else if peek == close {
                        index += 1
                        return
                    } else {
                        throw error(isObject ? "',' or '}'" : "',' or ']'")
                    }
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case let byte? where Bytes.isDigit(byte) || byte == UInt8(ascii: "-"): try number()
            default: throw error("a value")
            }
        }
    }
}

/// Why a JSON line is not a document.
struct JSONLineError: Error {
    var message: String
}
