/// One line of a JSON Lines file of documents (CONTRACT.md): `{"text": ..., "id"?, "url"?,
/// "title"?, "published"?, "language"?}`; other fields are skipped unread.
///
/// A small parser of its own rather than `JSONDecoder`: it validates the line, decodes only
/// the string fields it needs, and says where a line is broken (the column), which matters
/// for feeds of thousands of lines.
struct JSONDocumentLine {
    var fields: [String: String] = [:]

    static let wanted: Set<String> = ["text", "id", "url", "title", "published", "language"]

    /// Parses one line; throws a plain-words reason for a line that is not a JSON object.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONLineError) {
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
                let key = try parser.string()
                parser.skipSpace()
                guard parser.peek == UInt8(ascii: ":") else { throw parser.error("':'") }
                parser.index += 1
                parser.skipSpace()
                if Self.wanted.contains(key) {
                    if let value = try parser.scalarValue(field: key) { fields[key] = value }
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

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        }

        func error(_ expected: String) -> JSONLineError {
            let found = index < bytes.count ? "'\(String(decoding: bytes[index..<min(index + 12, bytes.count)], as: UTF8.self))'" : "the end of the line"
            return JSONLineError(message: "invalid JSON at column \(index + 1): expected \(expected), found \(found)")
        }

        /// A string or null (nil) for a wanted field; an `id` may also be a number (kept as written).
        mutating func scalarValue(field: String) throws(JSONLineError) -> String? {
            switch peek {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "n"):
                try literal("null")
                return nil
            case let byte? where field == "id" && (Bytes.isDigit(byte) || byte == UInt8(ascii: "-")):
                let start = index
                try number()
                return String(decoding: bytes[start..<index], as: UTF8.self)
            default:
                throw JSONLineError(message: "\"\(field)\" must be a string")
            }
        }

        mutating func string() throws(JSONLineError) -> String {
            index += 1  // the opening quote
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
            guard index < bytes.count else { throw error("a closing quote") }
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count - start)
            decoded.append(contentsOf: bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: decoded, as: UTF8.self)
                }
                if byte != UInt8(ascii: "\\") {
                    // Copy the run up to the next quote or escape at once.
                    let runStart = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
                    decoded.append(contentsOf: bytes[runStart..<index])
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
            case UInt8(ascii: "\""): _ = try string()
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
                        _ = try string()
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
