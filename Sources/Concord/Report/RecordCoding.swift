import Foundation

/// Writes and reads records as JSON Lines (one record per line), the format `extract`
/// writes and `conflicts` reads back, so extraction can run on many machines and one
/// `conflicts` run merges their outputs.
public enum RecordCoding {
    /// One record as a single line of JSON, without the newline. Keys come in CONTRACT.md's
    /// order (the record's own fields, then each mention's), so the output is byte-identical
    /// across runs.
    ///
    /// Each record type writes its own fields into one byte buffer (``RecordJSONValue``)
    /// rather than going through an `Encoder`: with Foundation's `JSONEncoder` the encoding
    /// took 19% of all instructions of `concord extract` on Reuters stories, and even a
    /// streaming `Encoder` still spent 7% of the samples in its keyed-container boxes and
    /// generic dispatch (perf, `--jobs 1`). Never fails today; it throws so that callers
    /// count a record that cannot be written as a failed input should one ever be.
    public static func line(for record: DocumentRecord) throws -> String {
        var writer = RecordJSONWriter(capacity: record.estimatedJSONBytes)
        record.writeJSON(to: &writer)
        return writer.text
    }

    /// Decodes one JSON line written by ``line(for:)`` or by another Concord build: keys
    /// CONTRACT.md does not name (a claim's `details`, `percents`, offsets; a percent's
    /// `points` and `approximate`) may be absent and take their defaults. Throws ``RecordError`` saying what is wrong.
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
        object["percents"] = (object["percents"] as? [Any])?.map { withDefaults($0, ["points": false, "approximate": false]) }
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
