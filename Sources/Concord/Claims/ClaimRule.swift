/// The claim patterns of one predicate in one language (`Rules/claims/<predicate>/<lang>.yaml`).
///
/// Patterns are written over a *masked* sentence in which every mention the extractors
/// found stands as one token, so a rule says "{subject} made a {money} investment in
/// {object}" and never re-describes money or names. Placeholders:
/// `{subject}`, `{object}` (an entity, or a pronoun for the subject), `{org}` (an entity,
/// not captured), `{money}` (a sum with its stated equivalent in brackets), `{equivalent}`
/// (a sum stated further on as the same: ", equivalent to {equivalent}"), `{percent}`, `{date}`,
/// `{people}` and `{lead}` (lists of entities), `{words}` (up to four plain words),
/// `{gap}` (a short stretch with no mention in it but dates). Rules may add `(?<round>...)` or
/// `(?<what>...)` groups of their own.
struct ClaimRule: Sendable {
    /// How a claim gets its dates when its pattern captured none.
    enum Dating: String, Sendable {
        /// Only dates the pattern captured.
        case captured
        /// Captured, else the sentence's, else the previous sentence of the paragraph,
        /// else the document's date (an announcement is dated by the news that reports it).
        case event
    }

    let predicate: String
    let language: String
    /// Slots that must be filled for a claim to stand (`money`, `people`, `percent`, `object`).
    let requires: Set<String>
    /// (a, p, b) is the same claim as (b, p, a): subject and object are put in name order.
    let symmetric: Bool
    let dating: Dating
    /// The claim's object is this captured group's canonical text (e.g. `round`), not an entity.
    let objectGroup: String?
    /// Caseless; a sentence must contain it before any pattern is tried.
    let trigger: Pattern
    let patterns: [Pattern]

    init(file: RuleFile, placeholders: ClaimPlaceholders) throws {
        let root = file.root
        predicate = try root.string("predicate")
        language = try root.string("language")
        requires = Set(try root.strings("requires"))
        symmetric = root["symmetric"]?.scalar == "true"
        let datingName = root["dating"]?.scalar ?? "captured"
        guard let dating = Dating(rawValue: datingName) else {
            throw RuleError(origin: root["dating"]!.origin, message: "dating must be 'captured' or 'event'")
        }
        self.dating = dating
        objectGroup = root["object_group"]?.scalar
        guard let triggerNode = root["trigger"] else { throw RuleError(origin: root.origin, message: "missing key 'trigger'") }
        trigger = try triggerNode.pattern(caseless: true)
        patterns = try root.list("patterns").map { node in
            let source = try placeholders.expand(try node.string(), at: node.origin)
            do {
                return try Pattern(source, caseless: true, origin: node.origin)
            } catch let error as PatternError {
                throw RuleError(origin: node.origin, message: error.message)
            }
        }
        guard !patterns.isEmpty else { throw RuleError(origin: root.origin, message: "no patterns") }
    }
}

/// Expands the placeholders of claim patterns into the pattern text that matches the
/// masks of ``MaskedSentence``; pronouns come from the language's entity rules.
struct ClaimPlaceholders: Sendable {
    let pronouns: [String]

    func expand(_ pattern: String, at origin: RuleOrigin) throws -> String {
        let entity = "\(MaskedSentence.open)E[0-9]+\(MaskedSentence.close)"
        let mark = { (kind: String) in "\(MaskedSentence.open)\(kind)[0-9]+\(MaskedSentence.close)" }
        let pronoun = pronouns.isEmpty ? "" : "|\\b(?:\(pronouns.map(EntityGrammar.escape).joined(separator: "|")))\\b"
        let list = "\(entity)(?:\\h*,\\h*\(entity))*(?:\\h*,?\\h+(?:and|et|und|y|e|&)\\h+\(entity))?"
        let money = "\(mark("M"))(?:\\h*\\([^()\(MaskedSentence.open)]{0,30}\(mark("M"))\\))?"
        let expansions: [String: String] = [
            "subject": "(?<subject>\(entity)\(pronoun))",
            "object": "(?<object>\(entity))",
            "org": "(?:\(entity))",
            "money": "(?<money>\(money))",
            "equivalent": "(?<equivalent>\(mark("M")))",
            "percent": "(?<percent>\(mark("P")))",
            "date": "(?<date>\(mark("D")))",
            "people": "(?<people>\(list))",
            "lead": "(?<lead>\(list))",
            "words": "(?:[^\\s\(MaskedSentence.open)\(MaskedSentence.close)]+\\h+){0,4}?",
            "gap": "(?:[^\(MaskedSentence.open)\(MaskedSentence.close).;]|\(mark("D"))){0,80}?",
        ]
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { result += rest[open...]; return result }
            let name = String(rest[rest.index(after: open)..<close])
            if let expansion = expansions[name] {
                result += expansion
            } else if !name.isEmpty && name.allSatisfy({ $0.isLowercase }) {
                throw RuleError(origin: origin, message: "unknown placeholder {\(name)}")
            } else {
                result += rest[open...close]  // a quantifier {0,3} or a property \p{L}
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// Round names ("seed round" → "Seed", "série A" → "Series A") from `Rules/claims/rounds.yaml`.
struct RoundNames: Sendable {
    let names: [(name: String, pattern: Pattern)]

    init(file: RuleFile?) throws {
        names = try (file?.root.list("rounds") ?? []).map { node in
            (try node.string("name"), try node["pattern"].map { try $0.pattern(caseless: true) } ?? Pattern(""))
        }
    }

    func canonical(_ text: String) -> String {
        names.first { (try? $0.pattern.matches(text)) == true }?.name ?? text
    }
}
