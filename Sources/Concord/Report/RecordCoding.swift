import Foundation

/// Writes and reads records as JSON Lines (one record per line), the format `extract`
/// writes and `conflicts` reads back.
public enum RecordCoding {
    /// One record as a single line of JSON, without the newline. Keys are sorted: Foundation's
    /// encoder does not keep declaration order, and output must be byte-identical across runs.
    public static func line(for record: DocumentRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    /// Decodes one JSON line written by ``line(for:)``.
    public static func record(from line: String) throws -> DocumentRecord {
        try JSONDecoder().decode(DocumentRecord.self, from: Data(line.utf8))
    }
}
