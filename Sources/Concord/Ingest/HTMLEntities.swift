/// Decodes HTML character references: every named one of the WHATWG table
/// (``table``, generated) and numeric ones (`&#8364;`, `&#x20AC;`), the way browsers do:
/// a missing `;` is tolerated for the legacy names and numbers, code points 0x80–0x9F are
/// read as Windows-1252, and invalid code points become U+FFFD.
enum HTMLEntities {
    /// Name (as written after `&`, with its `;` if any) → the characters it stands for.
    static let named: [String: String] = {
        var names: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            let scalars = parts[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            names[String(parts[0])] = String(String.UnicodeScalarView(scalars))
        }
        return names
    }()

    /// The longest name in the table.
    private static let longestName = 32

    /// The reference starting with the `&` at `index`: what it decodes to and how many bytes
    /// it takes; nil where the `&` starts no reference (it stays a literal `&`).
    static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: String, length: Int)? {
        var cursor = index + 1
        guard cursor < text.count else { return nil }
        if text[cursor] == UInt8(ascii: "#") {
            return decodeNumeric(text, at: index)
        }
        while cursor < text.count, cursor - index <= longestName, Bytes.isASCIILetter(text[cursor]) || Bytes.isDigit(text[cursor]) { cursor += 1 }
        guard cursor > index + 1 else { return nil }
        let name = String(decoding: text[(index + 1)..<cursor], as: UTF8.self)
        if cursor < text.count, text[cursor] == UInt8(ascii: ";"), let value = named[name + ";"] {
            return (value, cursor + 1 - index)
        }
        // Legacy names decode without a `;`, taking the longest that fits ("&copy2023").
        var prefix = Substring(name)
        while prefix.count >= 2 {
            if let value = named[String(prefix)] { return (value, prefix.utf8.count + 1) }
            prefix = prefix.dropLast()
        }
        return nil
    }

    private static func decodeNumeric(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: String, length: Int)? {
        var cursor = index + 2
        let hex = cursor < text.count && (text[cursor] | 0x20) == UInt8(ascii: "x")
        if hex { cursor += 1 }
        let digitsStart = cursor
        var value: UInt32 = 0
        while cursor < text.count {
            let byte = text[cursor]
            let digit: UInt32
            if Bytes.isDigit(byte) {
                digit = UInt32(byte - 0x30)
            } else if hex, (byte | 0x20) &- 0x61 < 6 {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                break
            }
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            cursor += 1
        }
        guard cursor > digitsStart else { return nil }
        if cursor < text.count, text[cursor] == UInt8(ascii: ";") { cursor += 1 }
        return (String(scalar(forCodePoint: value)), cursor - index)
    }

    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if (0x80...0x9F).contains(value) { return Windows1252.scalar(for: UInt8(value)) }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
