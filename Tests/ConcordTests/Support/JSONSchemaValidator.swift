import Foundation

/// A JSON value as the schema validator sees it.
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Validates JSON against the subset of JSON Schema (2020-12) that `schema/` uses, so the
/// tests need nothing installed. A keyword outside the subset is an error, so a schema
/// cannot silently rely on something this validator does not check.
struct JSONSchemaValidator {
    static let keywords: Set<String> = ["$schema", "$id", "title", "description", "$defs", "$ref", "type", "properties", "required",
                                        "additionalProperties", "items", "enum", "pattern", "minimum", "minLength", "anyOf", "allOf"]
    let root: JSONValue

    init(schemaAt url: URL) throws {
        root = try JSONValue.parse(String(contentsOf: url, encoding: .utf8))
    }

    /// Every violation, as `path: message`; empty when `instance` is valid.
    func errors(in instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "$", into: &errors)
        return errors
    }

    private func check(_ instance: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
        guard case let .object(rules) = schema else {
            errors.append("\(path): the schema is not an object")
            return
        }
        for keyword in rules.keys where !Self.keywords.contains(keyword) {
            errors.append("\(path): unsupported schema keyword '\(keyword)'")
        }
        if case let .string(reference)? = rules["$ref"] {
            guard let target = resolve(reference) else { return errors.append("\(path): unresolved $ref \(reference)") }
            check(instance, against: target, at: path, into: &errors)
        }
        if case let .array(all)? = rules["allOf"] {
            for schema in all { check(instance, against: schema, at: path, into: &errors) }
        }
        if case let .array(any)? = rules["anyOf"] {
            let fits = any.contains { schema in
                var local: [String] = []
                check(instance, against: schema, at: path, into: &local)
                return local.isEmpty
            }
            if !fits { errors.append("\(path): fits none of anyOf") }
        }
        if let type = rules["type"] {
            let allowed: [String] = switch type {
            case let .string(name): [name]
            case let .array(names): names.compactMap { if case let .string(name) = $0 { name } else { nil } }
            default: []
            }
            let actual = instance.typeName
            if !allowed.contains(actual) && !(actual == "integer" && allowed.contains("number")) {
                errors.append("\(path): is \(actual), expected \(allowed.joined(separator: " or "))")
            }
        }
        if case let .array(options)? = rules["enum"], !options.contains(instance) {
            errors.append("\(path): not one of the allowed values")
        }
        switch instance {
        case let .string(text):
            if case let .integer(minimum)? = rules["minLength"], text.count < minimum { errors.append("\(path): shorter than \(minimum)") }
            if case let .string(pattern)? = rules["pattern"] {
                let regex = try? NSRegularExpression(pattern: pattern)
                if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    errors.append("\(path): '\(text)' does not match \(pattern)")
                }
            }
        case let .integer(number):
            if case let .integer(minimum)? = rules["minimum"], number < minimum { errors.append("\(path): below \(minimum)") }
        case let .array(elements):
            if let items = rules["items"] {
                for (index, element) in elements.enumerated() { check(element, against: items, at: "\(path)[\(index)]", into: &errors) }
            }
        case let .object(members):
            if case let .array(required)? = rules["required"] {
                for case let .string(key) in required where members[key] == nil { errors.append("\(path): missing '\(key)'") }
            }
            var known: Set<String> = []
            if case let .object(properties)? = rules["properties"] {
                known = Set(properties.keys)
                for (key, schema) in properties { if let member = members[key] { check(member, against: schema, at: "\(path).\(key)", into: &errors) } }
            }
            switch rules["additionalProperties"] {
            case .bool(false)?:
                for key in members.keys where !known.contains(key) { errors.append("\(path): unexpected '\(key)'") }
            case let .object(schema)?:
                for (key, member) in members where !known.contains(key) { check(member, against: .object(schema), at: "\(path).\(key)", into: &errors) }
            default: break
            }
        default: break
        }
    }

    /// `#/$defs/name` in the root schema.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/"), case let .object(root) = root, case let .object(definitions)? = root["$defs"] else { return nil }
        return definitions[String(reference.dropFirst("#/$defs/".count))]
    }
}
