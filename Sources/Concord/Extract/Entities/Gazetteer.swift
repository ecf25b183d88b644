/// The known entities of `Rules/entities/gazetteer.yaml`, compiled into ONE PCRE2
/// alternation shaped as a trie (longest surface form first), so a document is scanned
/// once whatever the number of names; each hit is looked up by its surface form (a line
/// break inside a name read as a space).
struct Gazetteer: Sendable {
    /// What a surface form names.
    struct Entry: Sendable, Equatable {
        var name: String
        var type: EntityType
    }

    /// Surface form → entity.
    let entries: [String: Entry]

    /// The entry a matched text names: "Mistral\nAI" as "Mistral AI".
    func entry(matched text: String) -> Entry? {
        entries[text] ?? entries[text.split(whereSeparator: \.isWhitespace).joined(separator: " ")]
    }
    /// Given names (`given_names`): a short name after a cue for an organisation that starts
    /// with one is a person's ("led by Carlos Tavares").
    let givenNames: Set<String>
    /// Canonical names of news media (`media: true`): the sources of a story, never what
    /// it is about, so never what "the company" stands for.
    let media: Set<String>
    /// News media and the regulators (`regulator: true`) that a company tells or files with
    /// ("told the Securities and Exchange Commission it has acquired a 6.2 pct stake"): never
    /// what "it" or "the company" stands for, unless the pronoun follows their own verb of
    /// saying ("The SEC said it ...").
    let nonReferents: Set<String>
    /// `(?<name>form|form|...)` followed by an optional possessive; nil when empty.
    let pattern: Pattern?
    /// Where a match of `pattern` may start: a word that begins like one of the forms.
    let starts: WordStartFilter

    init(file: RuleFile?) throws {
        var entries: [String: Entry] = [:]
        var media = Set<String>(), regulators = Set<String>()
        for node in try file?.root.list("entities") ?? [] {
            let name = try node.string("name")
            if node["media"]?.scalar == "true" { media.insert(name) }
            if node["regulator"]?.scalar == "true" { regulators.insert(name) }
            let typeName = try node.string("type")
            guard let type = EntityType(rawValue: typeName) else {
                throw RuleError(origin: node.origin, message: "unknown entity type '\(typeName)' (ORG, PERSON, PRODUCT, PLACE, EVENT)")
            }
            for form in [name] + (try node.strings("aliases")) {
                if let existing = entries[form], existing.name != name {
                    throw RuleError(origin: node.origin, message: "'\(form)' already names '\(existing.name)'")
                }
                entries[form] = Entry(name: name, type: type)
            }
        }
        self.entries = entries
        self.media = media
        nonReferents = media.union(regulators)
        givenNames = Set(try file?.root.strings("given_names") ?? [])
        // The forms as the pattern reads them: a typographic apostrophe matches either kind.
        starts = WordStartFilter(capitals: false, prefixes: entries.keys.map { String(String.UnicodeScalarView(PatternText.atoms($0, bounded: false, foldCase: false).atoms)) }, caseless: false)
        guard !entries.isEmpty, let file else {
            pattern = nil
            return
        }
        // A trie: a step per character whatever the number of names, longest form first.
        let alternation = PatternText.alternation(Array(entries.keys), bounded: false, foldCase: false)
        pattern = try Pattern(
            EntityGrammar.bounded("(?<name>\(alternation))"),
            origin: RuleOrigin(file: file.path, line: file.root["entities"]?.origin.line ?? 1))
    }
}
