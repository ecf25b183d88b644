import Foundation

/// Writes and reads records as JSON Lines (one record per line), the format `extract`
/// writes and `conflicts` reads back, so extraction can run on many machines and one
/// `conflicts` run merges their outputs.
public enum RecordCoding {
    /// One record as a single line of JSON, without the newline. Keys come in the fixed order
    /// each type's `encode(to:)` writes them (the record's own fields, then each mention's),
    /// so the output is byte-identical across runs.
    ///
    /// Written by ``StreamingJSONEncoder`` rather than Foundation's `JSONEncoder`: with
    /// `JSONEncoder` the encoding took 19% of all instructions of `concord extract` on 2,000
    /// Reuters stories even with the extractors stubbed out, more than tokenizing (callgrind,
    /// `--jobs 1`, see scripts/bench); the streaming encoder writes the same JSON without
    /// building a tree of boxed values first.
    public static func line(for record: DocumentRecord) throws -> String {
        do {
            return try StreamingJSONEncoder.encode(record)
        } catch is StreamingJSONEncoder.Unsupported {
            // A type that asks for a nested or super encoder: Foundation's encoder handles it.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(record), as: UTF8.self)
        }
    }

    /// Decodes one JSON line written by ``line(for:)`` or by another Concord build: keys
    /// CONTRACT.md does not name (a claim's `details`, `percents`, offsets; a percent's
    /// `points`) may be absent and take their defaults. Throws ``RecordError`` saying what is wrong.
    public static func record(from line: String) throws -> DocumentRecord {
        try record(from: Data(line.utf8))
    }

    /// ``record(from:)`` over the line's UTF-8 bytes.
    public static func record(from data: Data) throws -> DocumentRecord {
        do {
            return try JSONDecoder().decode(DocumentRecord.self, from: data)
        } catch DecodingError.keyNotFound, DecodingError.valueNotFound {
            // A record that leaves out keys with defaults: fill them in and decode again.
            return try decodeWithDefaults(data)
        } catch let error as DecodingError {
            throw RecordError(reason: describe(error))
        }
    }

    private static func decodeWithDefaults(_ data: Data) throws -> DocumentRecord {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw RecordError(reason: "not valid JSON")
        }
        for key in ["money", "dates", "percents", "entities", "claims", "warnings"] where object[key] == nil || object[key] is NSNull {
            object[key] = [Any]()
        }
        object["claims"] = (object["claims"] as? [Any])?.map { withDefaults($0, ["percents": [Any](), "details": [String: Any](), "people": [Any](), "dates": [Any](), "money": [Any](), "start": 0, "end": 0]) }
        object["percents"] = (object["percents"] as? [Any])?.map { withDefaults($0, ["points": false]) }
        object["money"] = (object["money"] as? [Any])?.map { withDefaults($0, ["approximate": false]) }
        object["dates"] = (object["dates"] as? [Any])?.map { withDefaults($0, ["relative": false]) }
        do {
            return try JSONDecoder().decode(DocumentRecord.self, from: try JSONSerialization.data(withJSONObject: object))
        } catch let error as DecodingError {
            throw RecordError(reason: describe(error))
        }
    }

    /// Whether `data` is a file of records (as `extract` writes) rather than of documents:
    /// its first non-empty line is an object with `source`, `money` and `claims`.
    public static func holdsRecords(_ data: Data) -> Bool {
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            let line = data[start..<end]
            if !line.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else { return false }
                return object["source"] is String && object["money"] is [Any] && object["claims"] is [Any]
            }
            start = end + 1
        }
        return false
    }

    /// A record file among the inputs: its path and its bytes.
    public struct RecordFile: Sendable {
        public var path: String
        public var data: Data
    }

    /// Splits the inputs of `conflicts` into documents (to extract) and record files (to
    /// decode): a `.jsonl` file whose first line is a record is a record file. Inputs that
    /// cannot be read stay with the documents, whose reader names them with the reason.
    public static func partition(_ inputs: [Result<Input, InputFailure>]) -> (documents: [Result<Input, InputFailure>], recordFiles: [RecordFile]) {
        var documents: [Result<Input, InputFailure>] = []
        var recordFiles: [RecordFile] = []
        for input in inputs {
            if case let .success(file) = input, file.kind == .file, file.path.lowercased().hasSuffix(".jsonl"),
               let data = try? Data(contentsOf: URL(fileURLWithPath: file.path)), holdsRecords(data) {
                recordFiles.append(RecordFile(path: file.path, data: data))
            } else {
                documents.append(input)
            }
        }
        return (documents, recordFiles)
    }

    /// Every record of a record file, and each line that could not be read (named
    /// `path:LINE` with its reason); the good lines are kept.
    public static func records(in data: Data, path: String) -> (records: [DocumentRecord], failures: [InputFailure]) {
        var records: [DocumentRecord] = []
        var failures: [InputFailure] = []
        guard String(validating: data, as: UTF8.self) != nil else {
            return ([], [InputFailure(path: path, reason: "a record file must be UTF-8")])
        }
        var start = data.startIndex, number = 0
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            let line = data[start..<end]
            number += 1
            start = end + 1
            guard line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { continue }
            do {
                records.append(try record(from: Data(line)))
            } catch let error as RecordError {
                failures.append(InputFailure(path: "\(path):\(number)", reason: "not a record: \(error.reason)"))
            } catch {
                failures.append(InputFailure(path: "\(path):\(number)", reason: "not a record: \(error)"))
            }
        }
        return (records, failures)
    }

    private static func withDefaults(_ element: Any, _ defaults: [String: Any]) -> Any {
        guard var object = element as? [String: Any] else { return element }
        for (key, value) in defaults where object[key] == nil || object[key] is NSNull { object[key] = value }
        return object
    }

    /// A decoding error in plain words with the path of keys where it happened.
    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, context): return "missing key '\(key.stringValue)'\(at(context.codingPath))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context): return "wrong type\(at(context.codingPath)): \(context.debugDescription)"
        case let .dataCorrupted(context) where context.codingPath.isEmpty: return "not valid JSON"
        case let .dataCorrupted(context): return "bad value\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Why a line of a record file is not a record.
public struct RecordError: Error, Sendable, Equatable {
    public var reason: String
}


/// A JSON encoder that writes as `encode(to:)` calls come, into one byte buffer: an object
/// is opened by the first `container(keyedBy:)` and closed when the value's `encode(to:)`
/// returns. Covers what records use (keyed, unkeyed and single-value containers, optionals
/// as `null`); a type that asks for `nestedContainer` or `superEncoder` makes it throw
/// ``Unsupported`` so the caller can fall back to Foundation's encoder.
struct StreamingJSONEncoder {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let output = Output()
        try output.write(value)
        if output.unsupported { throw Unsupported() }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// The bytes written so far and the state of the value being written.
    final class Output {
        // One Output belongs to one encoding on one thread: the dynamic exclusivity checks of
        // class properties would cost more than the writing itself.
        @exclusivity(unchecked) var bytes: [UInt8] = []
        /// What the value being encoded opened: nothing yet, an object, an array, or a single value.
        enum Opened { case nothing, object, array, single }
        @exclusivity(unchecked) var opened: Opened = .nothing
        @exclusivity(unchecked) var count = 0
        /// Set when a value asked for a nested or super encoder, which this encoder does not write.
        @exclusivity(unchecked) var unsupported = false

        init() { bytes.reserveCapacity(1024) }

        /// Writes `value`, closing whatever its `encode(to:)` opened.
        func write<T: Encodable>(_ value: T) throws {
            // Type identity, not dynamic casts: this runs for every value of every record.
            if T.self == String.self {
                writeString(unsafeBitCast(value, to: String.self))
            } else if T.self == Int.self {
                writeInteger(unsafeBitCast(value, to: Int.self))
            } else if T.self == Bool.self {
                bytes.append(contentsOf: unsafeBitCast(value, to: Bool.self) ? Self.trueBytes : Self.falseBytes)
            } else if StreamingJSONEncoder.dictionaryTypes.isDictionary(T.self), let dictionary = value as? any SortedJSONObject {
                try dictionary.writeSorted(into: self)
            } else {
                let (savedOpened, savedCount) = (opened, count)
                opened = .nothing
                count = 0
                try value.encode(to: Writer(output: self))
                switch opened {
                case .nothing: bytes.append(contentsOf: Self.emptyObject)
                case .object: bytes.append(UInt8(ascii: "}"))
                case .array: bytes.append(UInt8(ascii: "]"))
                case .single: break
                }
                (opened, count) = (savedOpened, savedCount)
            }
        }

        /// Opens the container a value's `encode(to:)` asked for; asking for a second,
        /// different one is not supported.
        func open(_ kind: Opened) {
            switch (opened, kind) {
            case (.nothing, .object): bytes.append(UInt8(ascii: "{"))
            case (.nothing, .array): bytes.append(UInt8(ascii: "["))
            case (.nothing, .single): break
            case (.object, .object), (.array, .array): return
            default: unsupported = true
            }
            opened = kind
        }

        /// Marks the encoding as unsupported and gives a scratch output to write into.
        func refuse() -> Output {
            unsupported = true
            return Output()
        }

        func separate() {
            if count > 0 { bytes.append(UInt8(ascii: ",")) }
            count += 1
        }

        func writeKey(_ key: String) {
            separate()
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
        }

        func writeNull() { bytes.append(contentsOf: Self.nullBytes) }

        func writeInteger<I: BinaryInteger>(_ value: I) {
            bytes.append(contentsOf: String(value).utf8)
        }

        func writeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws {
            guard value.isFinite else { throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not a finite number")) }
            bytes.append(contentsOf: String(value).utf8)
        }

        /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
        func writeString(_ string: String) {
            bytes.append(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { source in
                var runStart = 0
                for index in 0..<source.count {
                    let byte = source[index]
                    guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    switch byte {
                    case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                    case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                    default: bytes.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
                    }
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
        private static let nullBytes = Array("null".utf8), emptyObject = Array("{}".utf8)
    }

    /// A dictionary with string keys: written with its keys sorted, since its own order
    /// changes from run to run (hashing is seeded per process).
    fileprivate protocol SortedJSONObject {
        func writeSorted(into output: Output) throws
    }

    /// Which types are string-keyed dictionaries, asked once per type for the whole process:
    /// the runtime's conformance lookup costs more than writing a small value.
    static let dictionaryTypes = TypeFlags()

    final class TypeFlags: @unchecked Sendable {
        private let lock = NSLock()
        private var flags: [ObjectIdentifier: Bool] = [:]

        func isDictionary<T>(_ type: T.Type) -> Bool {
            let key = ObjectIdentifier(type)
            lock.lock()
            defer { lock.unlock() }
            if let known = flags[key] { return known }
            let answer = type is any SortedJSONObject.Type
            flags[key] = answer
            return answer
        }
    }

    /// The `Encoder` handed to each value's `encode(to:)`.
    struct Writer: Encoder {
        let output: Output
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            output.open(.object)
            return KeyedEncodingContainer(KeyedWriter<Key>(output: output))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            output.open(.array)
            return UnkeyedWriter(output: output)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            output.open(.single)
            return SingleWriter(output: output)
        }
    }

    struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let output: Output
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            output.writeKey(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws { self.key(key); output.writeNull() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); try output.write(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); output.writeString(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); try output.writeFloat(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); try output.writeFloat(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); output.writeInteger(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try output.write(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedWriter<NestedKey>(output: output.refuse()))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { UnkeyedWriter(output: output.refuse()) }
        mutating func superEncoder() -> any Encoder { Writer(output: output.refuse()) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Writer(output: output.refuse()) }
    }

    struct UnkeyedWriter: UnkeyedEncodingContainer {
        let output: Output
        var codingPath: [any CodingKey] { [] }
        var count: Int { output.count }

        private func element() {
            output.separate()
        }

        mutating func encodeNil() throws { element(); output.writeNull() }
        mutating func encode(_ value: String) throws { element(); output.writeString(value) }
        mutating func encode(_ value: Int) throws { element(); output.writeInteger(value) }
        mutating func encode(_ value: Double) throws { element(); try output.writeFloat(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { element(); try output.write(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedWriter<NestedKey>(output: output.refuse()))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(output: output.refuse()) }
        mutating func superEncoder() -> any Encoder { Writer(output: output.refuse()) }
    }

    struct SingleWriter: SingleValueEncodingContainer {
        let output: Output
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { output.writeNull() }
        mutating func encode(_ value: String) throws { output.writeString(value) }
        mutating func encode(_ value: Bool) throws { try output.write(value) }
        mutating func encode(_ value: Int) throws { output.writeInteger(value) }
        mutating func encode(_ value: Double) throws { try output.writeFloat(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try output.write(value) }
    }
}

extension Dictionary: StreamingJSONEncoder.SortedJSONObject where Key == String, Value: Encodable {
    fileprivate func writeSorted(into output: StreamingJSONEncoder.Output) throws {
        output.bytes.append(UInt8(ascii: "{"))
        for (index, key) in keys.sorted().enumerated() {
            if index > 0 { output.bytes.append(UInt8(ascii: ",")) }
            output.writeString(key)
            output.bytes.append(UInt8(ascii: ":"))
            try output.write(self[key]!)
        }
        output.bytes.append(UInt8(ascii: "}"))
    }
}
