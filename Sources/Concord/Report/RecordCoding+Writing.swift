import Foundation

/// A value of a record that writes itself as JSON into a ``RecordJSONWriter``: each record
/// type writes its own fields in the order CONTRACT.md lists them ("The record"), so a
/// record's line is written straight into one byte buffer, with no `Encoder` containers,
/// boxes or dynamic dispatch per value.
///
/// The types keep their `Encodable` conformance (written to match, field for field) for
/// callers that use Foundation's `JSONEncoder`; ``RecordCoding/line(for:)`` uses this one.
protocol RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter)
}

/// Writes one line of compact JSON into a byte buffer: objects, arrays, strings with
/// quotes, backslashes and control characters escaped (`\n`, `\r`, `\t`, else `\u00XX`),
/// the rest of the text as its UTF-8, integers in decimal, `null` for absent values.
///
/// The buffer is raw memory the writer owns (allocated once at the estimated size, grown
/// by doubling): an array's uniqueness and capacity checks on every appended byte cost
/// more than the writing itself.
struct RecordJSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// A writer whose buffer holds `capacity` bytes before it needs to grow.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What was written, as text.
    var text: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    mutating func beginObject() { append(UInt8(ascii: "{")) }
    mutating func endObject() { append(UInt8(ascii: "}")) }

    /// One `"name":value` member of the object being written.
    mutating func field<Value: RecordJSONValue>(_ name: StaticString, _ value: Value) {
        separate()
        append(UInt8(ascii: "\""))
        raw(name)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        value.writeJSON(to: &self)
    }

    /// An array of `elements`.
    mutating func array<Elements: Sequence>(_ elements: Elements) where Elements.Element: RecordJSONValue {
        append(UInt8(ascii: "["))
        for element in elements {
            separate()
            element.writeJSON(to: &self)
        }
        append(UInt8(ascii: "]"))
    }

    /// An object of string keys in sorted order (a dictionary's own order changes from
    /// process to process: hashing is seeded per run).
    mutating func sortedObject<Value: RecordJSONValue>(_ dictionary: [String: Value]) {
        beginObject()
        for key in dictionary.keys.sorted() {
            separate()
            string(key)
            append(UInt8(ascii: ":"))
            dictionary[key]!.writeJSON(to: &self)
        }
        endObject()
    }

    /// The comma before a member or element, unless it is the first of its object or array
    /// (the last byte written is then the opening brace or bracket: no value ends in one).
    @inline(__always)
    private mutating func separate() {
        if count > 0, base[count - 1] != UInt8(ascii: "{"), base[count - 1] != UInt8(ascii: "[") {
            append(UInt8(ascii: ","))
        }
    }

    mutating func null() { raw("null") }

    mutating func boolean(_ value: Bool) { raw(value ? "true" : "false") }

    /// Decimal digits, written in place (no intermediate string).
    mutating func integer(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        digits(of: UInt64(value.magnitude))
    }

    /// An exact decimal as a JSON string, the same text as ``ExactDecimal/description``
    /// (plain notation, every digit of the significand). Where the significand fits in 64
    /// bits its digits are written here: Foundation's `Decimal.description` builds its
    /// string a character at a time and took a third of the time of writing records.
    mutating func decimal(_ value: ExactDecimal) {
        let significand = NSDecimalNumber(decimal: value.value.significand)
        guard !value.isZero, Self.isFast(significand) else {
            string(value.description)
            return
        }
        append(UInt8(ascii: "\""))
        if value.value.sign == .minus { append(UInt8(ascii: "-")) }
        let start = count
        digits(of: significand.uint64Value)
        let digitCount = count - start, exponent = value.value.exponent
        if exponent >= 0 {
            append(UInt8(ascii: "0"), times: exponent)
        } else if digitCount > -exponent {
            // The point goes before the last -exponent digits.
            let point = count + exponent
            append(UInt8(ascii: "0"))
            (base + point + 1).update(from: base + point, count: -exponent)
            base[point] = UInt8(ascii: ".")
        } else {
            // "0." and zeros go before all the digits.
            let leading = 2 - exponent - digitCount
            append(UInt8(ascii: "0"), times: leading)
            (base + start + leading).update(from: base + start, count: digitCount)
            (base + start).update(repeating: UInt8(ascii: "0"), count: leading)
            base[start + 1] = UInt8(ascii: ".")
        }
        append(UInt8(ascii: "\""))
    }

    /// Significands below this are converted to a 64-bit integer exactly.
    private static let largestFastSignificand = Decimal(UInt64(1_000_000_000_000_000_000))

    /// Whether `significand` is below ``largestFastSignificand``. Its `Double` value settles
    /// all but the significands near the bound, which `Decimal`'s own comparison decides: that
    /// comparison (2,600 instructions, it aligns the exponents) was a quarter of the time of
    /// writing records (callgrind), where the `Double` costs about 100.
    private static func isFast(_ significand: NSDecimalNumber) -> Bool {
        let approximate = significand.doubleValue
        if approximate < 9e17 { return true }
        if approximate >= 2e18 { return false }
        return significand.decimalValue < largestFastSignificand
    }

    private mutating func digits(of value: UInt64) {
        var value = value
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        reserve(digitCount)
        count += digitCount
        var index = count
        repeat {
            index -= 1
            base[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
    }

    /// A JSON string: the UTF-8 copied in runs between the bytes that need escaping.
    mutating func string(_ string: String) {
        append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                append(UnsafeBufferPointer(rebasing: source[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            append(UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
            raw("u00")
            append(hexDigit(byte >> 4))
            append(hexDigit(byte & 0x0F))
        }
    }

    // MARK: The buffer

    /// Text that needs no escaping, as it is.
    @inline(__always)
    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func append(_ byte: UInt8, times: Int) {
        reserve(times)
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Room for `more` bytes after the written ones.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(toHold: count + more) }
    }

    private mutating func grow(toHold needed: Int) {
        capacity = Swift.max(capacity * 2, needed)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
    }
}

// MARK: Values

extension String: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.string(self) }
}

extension Int: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.integer(self) }
}

extension Bool: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.boolean(self) }
}

extension Optional: RecordJSONValue where Wrapped: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        switch self {
        case let .some(value): value.writeJSON(to: &writer)
        case .none: writer.null()
        }
    }
}

extension Array: RecordJSONValue where Element: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.array(self) }
}

extension Dictionary: RecordJSONValue where Key == String, Value: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.sortedObject(self) }
}

extension ExactDecimal: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.decimal(self) }
}

extension DocumentFormat: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.string(rawValue) }
}

extension EntityType: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) { writer.string(rawValue) }
}

// MARK: Record types, each in CONTRACT.md's order

extension DocumentRecord: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("id", id)
        writer.field("source", source)
        writer.field("format", format)
        writer.field("title", title)
        writer.field("published", published)
        writer.field("language", language)
        writer.field("money", money)
        writer.field("dates", dates)
        writer.field("percents", percents)
        writer.field("entities", entities)
        writer.field("claims", claims)
        writer.field("warnings", warnings)
        writer.endObject()
    }

    /// Roughly the bytes of this record's line, so its buffer is allocated once.
    var estimatedJSONBytes: Int {
        let mentions = money.count + dates.count + percents.count + entities.count
        return 256 + source.utf8.count * 2 + (title?.utf8.count ?? 0) + 128 * mentions
            + claims.reduce(0) { $0 + 256 + $1.sentence.utf8.count }
            + warnings.reduce(0) { $0 + 32 + $1.message.utf8.count }
    }
}

extension MoneyMention: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("text", text)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("line", line)
        writer.field("amount", amount)
        writer.field("currency", currency)
        writer.field("approximate", approximate)
        writer.field("range", range)
        writer.field("equivalent", equivalent)
        writer.endObject()
    }
}

extension AmountRange: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("min", min)
        writer.field("max", max)
        writer.endObject()
    }
}

extension DateMention: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("text", text)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("line", line)
        writer.field("value", value)
        writer.field("period", period)
        writer.field("relative", relative)
        writer.endObject()
    }
}

extension DatePeriod: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("start", start)
        writer.field("end", end)
        writer.endObject()
    }
}

extension PercentMention: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("text", text)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("line", line)
        writer.field("value", value)
        writer.field("approximate", approximate)
        writer.field("range", range)
        writer.field("points", points)
        writer.endObject()
    }
}

extension EntityMention: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("text", text)
        writer.field("start", start)
        writer.field("end", end)
        writer.field("line", line)
        writer.field("type", type)
        writer.field("name", name)
        writer.endObject()
    }
}

extension Claim: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("subject", subject)
        writer.field("predicate", predicate)
        writer.field("object", object)
        writer.field("money", money)
        writer.field("dates", dates)
        writer.field("percents", percents)
        writer.field("people", people)
        writer.field("details", details)
        writer.field("line", line)
        writer.field("sentence", sentence)
        writer.field("start", start)
        writer.field("end", end)
        writer.endObject()
    }
}

extension DocumentWarning: RecordJSONValue {
    func writeJSON(to writer: inout RecordJSONWriter) {
        writer.beginObject()
        writer.field("code", code)
        writer.field("message", message)
        writer.endObject()
    }
}
