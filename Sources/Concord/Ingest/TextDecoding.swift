/// Turns a document's bytes into text (CONTRACT.md, "Encodings"): UTF-8 with or without a
/// byte-order mark; UTF-16 with a byte-order mark; anything else that is not valid UTF-8 as
/// Windows-1252, with a warning. Binary content (NUL bytes, a known binary signature, or
/// mostly control bytes) is refused with the reason.
enum TextDecoding {
    struct Decoded {
        var text: String
        var warnings: [DocumentWarning]
    }

    /// Why bytes were refused as text.
    struct Refusal: Error {
        var reason: String
    }

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, Refusal> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .success(utf8OrWindows1252(bytes[3...])) }
        if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return .success(utf16(bytes[2...], bigEndian: false)) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .success(utf16(bytes[2...], bigEndian: true)) }
        if let reason = binaryReason(bytes) { return .failure(Refusal(reason: reason)) }
        return .success(utf8OrWindows1252(bytes[...]))
    }

    /// Why `bytes` look binary, or nil for text.
    static func binaryReason(_ bytes: [UInt8]) -> String? {
        for (signature, name) in signatures where bytes.starts(with: signature) {
            return "binary content (\(name)); skipped"
        }
        if bytes.contains(0) { return "binary content (NUL bytes); skipped" }
        // Text has few control bytes besides tab, line ends, form feed and escape.
        let sample = bytes.prefix(8192)
        let controls = sample.reduce(0) { count, byte in
            count + (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B ? 1 : 0)
        }
        if controls * 10 > sample.count { return "binary content (control bytes); skipped" }
        return nil
    }

    private static let signatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "PDF"), ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0x1F, 0x8B], "gzip data"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"), (Array("GIF8".utf8), "GIF image"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"), (Array("BZh".utf8), "bzip2 data"),
    ]

    static let invalidUTF8 = DocumentWarning(code: "invalid-utf8", message: "not valid UTF-8; decoded as Windows-1252")

    static func utf8OrWindows1252(_ bytes: ArraySlice<UInt8>) -> Decoded {
        if let text = String(validating: bytes, as: UTF8.self) { return Decoded(text: text, warnings: []) }
        return Decoded(text: Windows1252.decode(bytes), warnings: [invalidUTF8])
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var warnings: [DocumentWarning] = []
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                scalars.append("\u{FFFD}")
                if warnings.isEmpty { warnings.append(DocumentWarning(code: "invalid-utf16", message: "unpaired UTF-16 surrogates replaced by U+FFFD")) }
            }
        }
        if index < bytes.endIndex { warnings.append(DocumentWarning(code: "invalid-utf16", message: "odd number of bytes in UTF-16; the last byte is dropped")) }
        return Decoded(text: String(scalars), warnings: warnings)
    }
}

/// Windows-1252, the decoding used for bytes that are not valid UTF-8. The five bytes it
/// leaves undefined map to the C1 controls of the same value, as browsers do.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar((0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte))!
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(scalar(for: byte)) }
        return String(scalars)
    }
}
