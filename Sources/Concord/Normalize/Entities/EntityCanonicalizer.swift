import Foundation

/// Gives every entity one canonical name across a corpus, so that facts from different
/// documents line up: "Cedric O" and "Cédric O" (accents), "Mistral" and "Mistral AI" (a
/// short form that extends to exactly one longer name of the same type), "Mensch" and
/// "Arthur Mensch" (a surname), "FTC" and "Federal Trade Commission" (initials).
///
/// Names are grouped per entity type; a group's canonical name is its fullest form (the
/// longest, with accents where any form has them). Entity mentions and the parties and
/// people of claims are rewritten; everything else is left as it is. Two distinct
/// entities of the gazetteer ("Google", "Google DeepMind") are never joined.
public struct EntityCanonicalizer: Sendable {
    /// Canonical names of the gazetteer: each a distinct entity.
    let known: Set<String>
    /// Predicates whose parties have no direction (`symmetric: true` in Rules/claims):
    /// their parties are put back in name order after renaming.
    let symmetric: Set<String>

    /// A canonicalizer that knows no entity or predicate in advance.
    public init() {
        known = []
        symmetric = []
    }

    /// A canonicalizer that keeps the gazetteer's entities apart and the parties of
    /// symmetric predicates in order.
    public init(rules: RuleSet) throws {
        known = Set(try Gazetteer(file: rules.file("entities/gazetteer.yaml")).entries.values.map(\.name))
        symmetric = Set(rules.files(in: "claims").filter { $0.root["symmetric"]?.scalar == "true" }.compactMap { $0.root["predicate"]?.scalar })
    }

    /// `records` with canonical names across all of them.
    public func canonicalize(_ records: [DocumentRecord]) -> [DocumentRecord] {
        let names = canonicalNames(records)
        guard !names.isEmpty else { return records }
        return records.map { record in
            var record = record
            for index in record.entities.indices { record.entities[index].name = names[record.entities[index].name] ?? record.entities[index].name }
            for index in record.claims.indices {
                var claim = record.claims[index]
                claim.subject = names[claim.subject] ?? claim.subject
                claim.object = names[claim.object] ?? claim.object
                var people: [String] = []
                for person in claim.people.map({ names[$0] ?? $0 }) where !people.contains(person) { people.append(person) }
                claim.people = people
                if symmetric.contains(claim.predicate) && claim.object < claim.subject { swap(&claim.subject, &claim.object) }
                record.claims[index] = claim
            }
            return record
        }
    }

    /// Every entity name of `records` that another name stands for, mapped to that name.
    public func canonicalNames(_ records: [DocumentRecord]) -> [String: String] {
        var namesByType: [EntityType: Set<String>] = [:]
        for record in records {
            for entity in record.entities { namesByType[entity.type, default: []].insert(entity.name) }
        }
        var mapping: [String: String] = [:]
        for (type, names) in namesByType {
            let groups = Self.group(Array(names).sorted(), type: type, known: known)
            for group in groups where group.count > 1 {
                let canonical = group.max { Self.fullness($0) < Self.fullness($1) }!
                for name in group where name != canonical { mapping[name] = canonical }
            }
        }
        return mapping
    }

    /// Names of one type grouped into entities (union-find over the rules above).
    static func group(_ names: [String], type: EntityType, known: Set<String> = []) -> [[String]] {
        var parent = Array(names.indices)
        var knownName: [String?] = names.map { known.contains($0) ? $0 : nil }
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        func join(_ a: Int, _ b: Int) {
            let (rootA, rootB) = (root(a), root(b))
            guard rootA != rootB else { return }
            if let nameA = knownName[rootA], let nameB = knownName[rootB], nameA != nameB { return }
            parent[rootA] = rootB
            knownName[rootB] = knownName[rootB] ?? knownName[rootA]
        }
        let folded = names.map(fold)
        let words = folded.map { $0.split(separator: " ").map(String.init) }
        var byFolded: [String: Int] = [:]
        for index in names.indices {
            if let same = byFolded[folded[index]] { join(index, same) } else { byFolded[folded[index]] = index }
        }
        for index in names.indices {
            // The longer names this one is a short form of: word prefix (organisations,
            // products), surname (people), initials (organisations).
            let longer = names.indices.filter { other in
                guard other != index, words[other].count > words[index].count else { return false }
                switch type {
                case .person:
                    return words[index].count == 1 && words[other].last == words[index].first
                case .organization:
                    return Array(words[other].prefix(words[index].count)) == words[index]
                        || (words[index].count == 1 && names[index].count >= 2 && names[index].allSatisfy(\.isUppercase) && initials(names[other]) == names[index])
                default:
                    return Array(words[other].prefix(words[index].count)) == words[index]
                }
            }
            // Only an unambiguous short form joins ("Mistral" with "Mistral AI", not with
            // both "Mistral AI" and "Mistral Labs").
            let distinct = Set(longer.map { root($0) })
            if distinct.count == 1, let target = longer.first { join(index, target) }
        }
        var groups: [Int: [String]] = [:]
        for index in names.indices { groups[root(index), default: []].append(names[index]) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// Lower case, no accents, no possessive, single spaces.
    static func fold(_ name: String) -> String {
        var text = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        if text.hasSuffix("'s") { text.removeLast(2) }
        return text.split { !$0.isLetter && !$0.isNumber && $0 != "&" }.joined(separator: " ")
    }

    /// The capital initials of a name's words: "Federal Trade Commission" → "FTC".
    static func initials(_ name: String) -> String {
        String(name.split(separator: " ").compactMap { $0.first }.filter(\.isUppercase))
    }

    /// How full a name is: more words, then accents kept, then longer, then alphabetical.
    static func fullness(_ name: String) -> (Int, Int, Int, String) {
        (name.split(separator: " ").count, name.unicodeScalars.filter { !$0.isASCII }.count, name.count, name)
    }
}
