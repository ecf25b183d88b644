import Foundation

/// Finds organisations, people, products, places and events, with one canonical name per
/// entity in the document.
///
/// Three passes over the cleaned text: the gazetteer (one alternation of every known
/// form), the language's general patterns (people after roles, titles and list cues,
/// companies before legal suffixes), then the short forms those taught ("Okafor" after
/// "Jane Okafor", "Zentrix" after "Zentrix Inc.") and anaphors ("the Paris-based startup")
/// resolved to the organisation the document is about.
public struct EntityExtractor: Sendable {
    let gazetteer: Gazetteer
    let grammars: [String: EntityGrammar]

    public init(rules: RuleSet) throws {
        gazetteer = try Gazetteer(file: rules.file("entities/gazetteer.yaml"))
        var grammars: [String: EntityGrammar] = [:]
        for file in rules.files(in: "entities") where file.path != "entities/gazetteer.yaml" {
            let language = try file.root.string("language")
            grammars[language] = try EntityGrammar(file: file)
        }
        self.grammars = grammars
    }

    /// The grammar for `language`, English when the language has none.
    func grammar(for language: LanguageTag) -> EntityGrammar? {
        grammars[language.language] ?? grammars["en"]
    }

    public func mentions(in document: TokenizedDocument) throws -> [EntityMention] {
        let buffer = document.buffer
        var found = MentionSet()
        if let pattern = gazetteer.pattern {
            try pattern.forEachMatch(in: buffer, startingAt: gazetteer.starts) { match in
                let form = buffer.string(match["name"]!)
                if let entry = gazetteer.entries[form] {
                    found.add(Candidate(bytes: Self.withPossessive(match, name: form), name: entry.name, type: entry.type, source: .gazetteer))
                }
                return true
            }
        }
        let grammar = grammar(for: document.language)
        var acronyms: [String: Candidate] = [:]
        if let grammar {
            try addGeneralPatterns(grammar, in: buffer, to: &found)
            acronyms = try addAcronyms(grammar, in: buffer, to: &found)
        }
        try addShortForms(in: buffer, to: &found, grammar: grammar, acronyms: acronyms)
        if let grammar { try addAnaphors(grammar, in: buffer, to: &found) }
        // Names on boilerplate lines (share buttons: "Facebook | Twitter") are no mentions.
        return found.sorted.filter { document.isInBody(byte: $0.bytes.lowerBound) }.map { candidate in
            EntityMention(span: document.span(ofBytes: candidate.bytes), type: candidate.type, name: candidate.name)
        }
    }

    /// People and companies the general patterns find. A name the document gives a
    /// company ("Zentrix Robotics Inc.") is never a person elsewhere ("Zentrix Robotics said").
    private func addGeneralPatterns(_ grammar: EntityGrammar, in buffer: TextBuffer, to found: inout MentionSet) throws {
        var people: [Candidate] = []
        var companies: [Candidate] = []
        try grammar.names.forEachMatch(in: buffer, startingAt: grammar.nameStarts) { match in
            if let list = match["list"] ?? match["listBefore"] {
                let names = (try? grammar.personName.matches(in: buffer, from: list.lowerBound, to: list.upperBound)) ?? []
                people += names.map { person(at: $0.range, in: buffer) }
            } else if let name = match["role"] ?? match["after"] ?? match["title"] {
                people.append(person(at: name, in: buffer))
            } else if var organization = match["orgName"] ?? match["orgAfter"] ?? match["orgBefore"] {
                organization = Self.withoutArticle(organization, in: buffer, articles: grammar.articles)
                let text = buffer.string(organization)
                if let entry = gazetteer.entries[text] {
                    companies.append(Candidate(bytes: organization, name: entry.name, type: entry.type, source: .gazetteer))
                } else if let first = text.split(separator: " ").first, let entry = gazetteer.entries[String(first)], entry.type != .organization {
                    // "Azure AI": a product's name, not a company's.
                } else {
                    companies.append(Candidate(bytes: organization, name: text, type: .organization, source: .pattern, shortForm: text))
                }
            } else if var company = match["company"], let suffix = match["suffix"] {
                company = Self.withoutArticle(company, in: buffer, articles: grammar.articles)
                let base = buffer.string(company)
                let entry = gazetteer.entries[base] ?? gazetteer.entries[buffer.string(company.lowerBound..<suffix.upperBound)]
                companies.append(Candidate(bytes: company.lowerBound..<suffix.upperBound, name: entry?.name ?? base, type: entry?.type ?? .organization, source: .pattern, shortForm: base))
            }
            return true
        }
        let companyNames = Set(companies.compactMap(\.shortForm))
        companies.forEach { found.add($0) }
        people.filter { !companyNames.contains(buffer.string($0.bytes)) }.forEach { found.add($0) }
    }

    /// "Die Zentrix Robotik AG", "The Nordic Group": the article is not part of the name.
    private static func withoutArticle(_ range: Range<Int>, in buffer: TextBuffer, articles: Set<String>) -> Range<Int> {
        let text = buffer.string(range)
        guard let space = text.firstIndex(of: " "), articles.contains(String(text[..<space])) else { return range }
        return (range.lowerBound + text[...space].utf8.count)..<range.upperBound
    }

    private func person(at range: Range<Int>, in buffer: TextBuffer) -> Candidate {
        let text = buffer.string(range)
        if let entry = gazetteer.entries[text] { return Candidate(bytes: range, name: entry.name, type: entry.type, source: .gazetteer) }
        return Candidate(bytes: range, name: text, type: .person, source: .pattern)
    }

    /// Names the patterns found, and the surname of each person, found again elsewhere
    /// in the document without a cue ("Lample", "Zentrix Robotics").
    private func addShortForms(in buffer: TextBuffer, to found: inout MentionSet, grammar: EntityGrammar?, acronyms: [String: Candidate]) throws {
        var forms = acronyms
        for candidate in found.sorted where candidate.source == .pattern {
            let full = candidate.shortForm ?? buffer.string(candidate.bytes)
            forms[full] = forms[full] ?? candidate
            if candidate.type == .person, let surname = full.split(separator: " ").last.map(String.init),
               surname.count >= 3, !(grammar?.particles.contains(surname.lowercased()) ?? false), gazetteer.entries[surname] == nil {
                forms[surname] = forms[surname] ?? candidate
            }
        }
        guard !forms.isEmpty else { return }
        // A few names per document: a byte search, not a pattern compiled per document.
        for (form, source) in forms.sorted(by: { $0.key.utf8.count > $1.key.utf8.count }) {
            for start in Self.occurrences(of: form, in: buffer) {
                var end = start + form.utf8.count
                if end + 1 < buffer.byteCount && buffer[byte: end] == UInt8(ascii: "'") && buffer[byte: end + 1] == UInt8(ascii: "s")
                    && (end + 2 == buffer.byteCount || !Self.isWordByte(buffer[byte: end + 2])) {
                    end += 2
                }
                found.add(Candidate(bytes: start..<end, name: source.name, type: source.type, source: .shortForm))
            }
        }
    }

    /// Byte offsets where `form` stands in `buffer` as a whole word. `memchr` finds each
    /// candidate first byte: a byte-by-byte loop here took 1% of all samples of
    /// `concord extract` on Reuters (perf), since it runs once per name form per document.
    static func occurrences(of form: String, in buffer: TextBuffer) -> [Int] {
        let needle = Array(form.utf8)
        let count = buffer.byteCount
        guard let first = needle.first, needle.count <= count else { return [] }
        return buffer.withBytes { base in
            var found: [Int] = []
            var offset = 0
            while offset + needle.count <= count {
                guard let hit = memchr(base + offset, Int32(first), count - needle.count + 1 - offset) else { break }
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                let end = at + needle.count
                if (at == 0 || !isWordByte(base[at - 1])) && (end == count || !isWordByte(base[end])) && memcmp(base + at, needle, needle.count) == 0 {
                    found.append(at)
                    offset = end
                } else {
                    offset = at + 1
                }
            }
            return found
        }
    }

    /// Letters, digits and every byte of a multi-byte scalar (accented letters) join words.
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// "Competition and Markets Authority (CMA)": the long form is an organisation and the
    /// initials name it wherever they stand alone. Returns initials → the organisation.
    private func addAcronyms(_ grammar: EntityGrammar, in buffer: TextBuffer, to found: inout MentionSet) throws -> [String: Candidate] {
        guard let pattern = grammar.acronym else { return [:] }
        var acronyms: [String: Candidate] = [:]
        try pattern.forEachMatch(in: buffer) { match in
            guard var long = match["long"], let short = match["short"] else { return true }
            let shortText = buffer.string(short)
            var longText = buffer.string(long)
            // "The Nordic Quantum Alliance (NQA)": drop leading words until the initials fit.
            while EntityCanonicalizer.initials(longText) != shortText {
                guard let space = longText.firstIndex(of: " ") else { return true }
                let dropped = longText[...space].utf8.count
                long = (long.lowerBound + dropped)..<long.upperBound
                longText = buffer.string(long)
            }
            let entry = gazetteer.entries[longText]
            let candidate = Candidate(bytes: long, name: entry?.name ?? longText, type: entry?.type ?? .organization, source: entry == nil ? .pattern : .gazetteer, shortForm: longText)
            found.add(candidate)
            if gazetteer.entries[shortText] == nil { acronyms[shortText] = candidate }
            return true
        }
        return acronyms
    }

    /// "the company", "the Paris-based startup": the organisation an apposition described
    /// with the same noun (and most of the same modifiers), else the organisation the
    /// document names most often.
    private func addAnaphors(_ grammar: EntityGrammar, in buffer: TextBuffer, to found: inout MentionSet) throws {
        guard let anaphor = grammar.anaphor else { return }
        let organizations = found.sorted.filter { $0.type == .organization }
        guard !organizations.isEmpty else { return }
        var descriptions: [(name: String, head: String, modifiers: Set<String>)] = []
        if let descriptor = grammar.descriptor {
            for organization in organizations where organization.bytes.upperBound < buffer.byteCount && buffer[byte: organization.bytes.upperBound] == UInt8(ascii: ",") {
                if let match = try descriptor.anchoredMatch(in: buffer, at: organization.bytes.upperBound), let head = match["head"] {
                    descriptions.append((organization.name, buffer.string(head).lowercased(), Self.words(match["modifiers"].map(buffer.string) ?? "")))
                }
            }
        }
        let ranking = EntitySalience.ranking(organizations.map(\.name))
        try anaphor.forEachMatch(in: buffer) { match in
            let head = match["head"].map { buffer.string($0).lowercased() } ?? ""
            let modifiers = Self.words(buffer.string(match.range)).subtracting([head])
            let described = descriptions.filter { $0.head == head }
                .max { lhs, rhs in
                    let left = lhs.modifiers.intersection(modifiers).count, right = rhs.modifiers.intersection(modifiers).count
                    return left != right ? left < right : (ranking.firstIndex(of: lhs.name) ?? .max) > (ranking.firstIndex(of: rhs.name) ?? .max)
                }
            if let name = described?.name ?? ranking.first {
                found.add(Candidate(bytes: match.range, name: name, type: .organization, source: .anaphor))
            }
            return true
        }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)).subtracting(["the", "a", "an"])
    }

    /// The match's range, with the possessive only where it belongs ("Mistral's",
    /// "Reuters'", not "Mistral'").
    private static func withPossessive(_ match: PatternMatch, name: String) -> Range<Int> {
        guard let possessive = match["possessive"] else { return match["name"]! }
        if possessive.count == 1 && !name.hasSuffix("s") { return match["name"]! }
        return match["name"]!.lowerBound..<possessive.upperBound
    }
}

/// A possible entity mention before overlaps are settled.
struct Candidate: Sendable {
    /// Where it was found, in order of trust when two overlap with the same extent.
    enum Source: Int, Sendable { case anaphor, shortForm, pattern, gazetteer }

    var bytes: Range<Int>
    var name: String
    var type: EntityType
    var source: Source
    /// For a company found by its suffix: the name without it ("Zentrix Robotics").
    var shortForm: String?
}

/// Candidates with overlaps settled: the longer span wins, then the more trusted source.
/// Kept sorted by start, so each addition looks only at its neighbours.
struct MentionSet {
    private var candidates: [Candidate] = []

    mutating func add(_ candidate: Candidate) {
        // The first candidate that ends after this one starts; overlaps follow it.
        var low = 0, high = candidates.count
        while low < high {
            let mid = (low + high) / 2
            if candidates[mid].bytes.upperBound <= candidate.bytes.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < candidates.count && candidates[end].bytes.overlaps(candidate.bytes) {
            let existing = candidates[end]
            if existing.bytes.count > candidate.bytes.count { return }
            if existing.bytes.count == candidate.bytes.count && existing.source.rawValue >= candidate.source.rawValue { return }
            end += 1
        }
        candidates.replaceSubrange(low..<end, with: [candidate])
    }

    var sorted: [Candidate] { candidates }
}
