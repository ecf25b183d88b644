/// The claim patterns of one predicate in one language (`Rules/claims/<predicate>/<lang>.yaml`).
///
/// Patterns are written over a *masked* sentence in which every mention the extractors
/// found stands as one token, so a rule says "{subject} made a {money} investment in
/// {object}" and never re-describes money or names. Placeholders:
/// `{subject}`, `{object}` (an entity of the types `subject_types` / `object_types` allow,
/// by default ORG and PERSON / ORG; a pronoun may be the subject; a description may come
/// before the object: "AI startup {object}"), `{org}` (an organisation,
/// not captured), `{money}` (a sum with its stated equivalent in brackets), `{equivalent}`
/// (a sum stated further on as the same: ", equivalent to {equivalent}"), `{percent}`, `{date}`,
/// `{people}` and `{lead}` (lists of entities; the first lead investor, like the object,
/// may follow a description: "led by the fund {lead}"), `{words}` (up to four plain words or dates),
/// `{gap}` (a short stretch with no mention in it but dates and places: "Zentrix, a Berlin
/// startup, raised"), `{any}` (a stretch of the
/// same sentence, mentions included), `{round}` (a round name of `Rules/claims/rounds.yaml`).
/// Rules may add a `(?<what>...)` group of their own, and a `(?<subject>...)` group of
/// their own around an article or possessive ("Die Bewertung liegt bei", "Sa valorisation
/// atteint"): holding no entity, it stands for an organisation as a pronoun does. An
/// empty `(?<partial>)` group says the list the pattern reads names some, not all ("Mistral
/// co-founder Cedric O"): the claim's details say `list: partial`, and the list is never
/// short of names another source gives.
///
/// A class: each sentence's loop over the rules and each claim read from a match would
/// copy a struct of this many fields (measured: 4.5 M instructions a thousand Reuters stories).
final class ClaimRule: Sendable {
    /// How a claim gets its dates when its pattern captured none.
    enum Dating: String, Sendable {
        /// Only dates the pattern captured.
        case captured
        /// Captured, else the sentence's dates that name a day ("on Tuesday", "le 3 mars"):
        /// the day of the news it reports, never a year the sentence names in passing
        /// ("Quantix, founded in 2021, raised $20 million on Tuesday") nor a dateline.
        case day
        /// Captured, else the sentence's.
        case sentence
        /// Captured, else the sentence's, else the previous sentence of the paragraph,
        /// else the document's date (an announcement is dated by the news that reports it).
        case event
    }

    let predicate: String
    /// Slots that must be filled for a claim to stand (`money`, `people`, `percent`, `object`).
    let requires: Set<String>
    /// What marks a sentence must hold for one of `patterns` to give a claim: a mark of each
    /// of these sets. A required sum, percent or list of people is read from marks only (a
    /// sum from a money mark, people from entity marks), and so is a required object that
    /// only the `{object}` placeholder captures (an entity of `object_types`); without them
    /// every match is turned down.
    let patternNeeds: [MarkKinds]
    /// What marks a sentence must hold for one of `completions` to give a claim: the
    /// people it lists are entity marks.
    static let completionNeeds: [MarkKinds] = [.anyEntity]

    /// Whether a sentence holding marks of `present` may give a claim with `patterns`
    /// (`completions` when `completing`).
    func mayClaim(present: MarkKinds, completing: Bool) -> Bool {
        (completing ? Self.completionNeeds : patternNeeds).allSatisfy { !present.isDisjoint(with: $0) }
    }
    /// (a, p, b) is the same claim as (b, p, a): subject and object are put in name order.
    let symmetric: Bool
    let dating: Dating
    /// The claim's object is this captured group's canonical text (e.g. `round`), not an entity.
    let objectGroup: String?
    /// The object (and detail) where `objectGroup` captured nothing (`object_default`): the
    /// unnamed round of "a levé 10 millions d'euros auprès de Bpifrance".
    let objectDefault: String?
    /// Where an anaphor or pronoun subject ("the company") points (`reference_is:`
    /// `[investment.object, funding-round.subject]`): the party of the document's nearest
    /// earlier claim of one of these predicates, else of its first one.
    let referenceIs: [(predicate: String, isSubject: Bool)]
    /// The trigger as written (caseless, matched at the start of a word): a sentence must
    /// contain it before any pattern is tried. ``ClaimBuilder`` scans for every rule's
    /// trigger at once.
    let triggerSource: String
    /// Where the trigger is written, for errors in the combined scan.
    let triggerOrigin: RuleOrigin
    let patterns: [Pattern]
    /// Patterns of a statement that completes a claim stated before it (`completions:`):
    /// "The round was led by Index Ventures.", "Angeführt wurde die Runde von Earlybird."
    /// The people or lead investors it lists join the nearest claim of this predicate in
    /// the same sentence or an earlier one of the same paragraph; alone it states nothing.
    let completions: [Pattern]
    /// `patterns` and `completions` as written, and what each placeholder's text always
    /// holds (``ClaimPlaceholders/needs(objectTypes:rounds:)``): what ``ClaimSentenceFilter``
    /// reads the needs of each pattern from (``needs(completing:)``), once a document of the
    /// language is met.
    private let writtenPatterns: [String], writtenCompletions: [String]
    private let objectTypes: [EntityType]
    private let roundNeeds: [ClaimPatternNeed]

    /// What every match of each of `patterns` (`completions` when `completing`) holds
    /// (``ClaimPatternReader``): a sentence that lacks it is not matched.
    func needs(completing: Bool) -> [[ClaimPatternNeed]] {
        let needs = ClaimPlaceholders.needs(objectTypes: objectTypes, rounds: roundNeeds)
        return (completing ? writtenCompletions : writtenPatterns).map { ClaimPatternReader.needs(of: $0, placeholders: needs) }
    }

    /// The scans of a pattern that run through PCRE2's interpreter before it is JIT-compiled
    /// (``Pattern/interpretedScans``). Measured on the claim patterns scanned in 1,000 Reuters
    /// stories (callgrind): a JIT compilation costs 0.6 to 4.4 M instructions (1.4 M for most),
    /// a scan of a sentence through the interpreter 80,000 on average (from 500 to 650,000),
    /// through the JIT code five to eight times less. Sixteen interpreted scans cost about one
    /// compilation: 31 of the 37 patterns scanned there are scanned fewer times and never
    /// compiled, and the scans cost 29 M instructions instead of 57 M (12 to 32 scans: 27 to
    /// 33 M).
    static let interpretedScans = 16

    /// Reads the rule in `file`; `placeholders` expands the placeholders of its language
    /// (``ClaimPlaceholders/expander()``, made once per language); `roundNeeds` is what every
    /// round name holds (``ClaimPatternReader``).
    init(file: RuleFile, placeholders: ClaimPatternExpander, roundNeeds: [ClaimPatternNeed]) throws {
        let root = file.root
        let subjectTypes = try Self.types(root["subject_types"]) ?? [.organization, .person]
        let objectTypes = try Self.types(root["object_types"]) ?? [.organization]
        self.objectTypes = objectTypes
        self.roundNeeds = roundNeeds
        predicate = try root.string("predicate")
        requires = Set(try root.strings("requires"))
        symmetric = root["symmetric"]?.scalar == "true"
        let datingName = root["dating"]?.scalar ?? "captured"
        guard let dating = Dating(rawValue: datingName) else {
            throw RuleError(origin: root["dating"]!.origin, message: "dating must be 'captured', 'day', 'sentence' or 'event'")
        }
        self.dating = dating
        objectGroup = root["object_group"]?.scalar
        objectDefault = root["object_default"]?.scalar
        referenceIs = try root.list("reference_is").map { node in
            let text = try node.string()
            guard let dot = text.lastIndex(of: "."), case let role = text[text.index(after: dot)...], role == "subject" || role == "object" else {
                throw RuleError(origin: node.origin, message: "reference_is takes 'predicate.subject' or 'predicate.object', not '\(text)'")
            }
            return (String(text[..<dot]), role == "subject")
        }
        guard let triggerNode = root["trigger"] else { throw RuleError(origin: root.origin, message: "missing key 'trigger'") }
        triggerSource = try triggerNode.string()
        triggerOrigin = triggerNode.origin
        do {
            // Compiled alone once so that a broken trigger is reported at its own line.
            _ = try Pattern("(?:\(triggerSource))", caseless: true, origin: triggerNode.origin)
        } catch let error as PatternError {
            throw RuleError(origin: triggerNode.origin, message: error.message)
        }
        let expander = placeholders.typed(subject: subjectTypes, object: objectTypes)
        let compile = { (node: RuleNode) throws -> Pattern in
            let source = try expander.expand(try node.string(), at: node.origin)
            do {
                return try Pattern(source, caseless: true, origin: node.origin, interpretedScans: Self.interpretedScans)
            } catch let error as PatternError {
                throw RuleError(origin: node.origin, message: error.message)
            }
        }
        patterns = try root.list("patterns").map(compile)
        // The object is an entity mark where no group of the rule's own names it and no
        // captured text (`object_group`) stands for it.
        writtenPatterns = try root.list("patterns").map { try $0.string() }
        // The standard library's search: Foundation's `contains` took 13 M instructions at
        // startup for these 40 rules (callgrind, one story).
        let objectIsMark = objectGroup == nil && !writtenPatterns.contains { $0.firstRange(of: "<object>") != nil || $0.firstRange(of: "'object'") != nil }
        let markOfSlot: [String: MarkKinds] = ["money": .money, "percent": .percent, "people": .anyEntity,
                                               "object": objectIsMark ? MarkKinds(objectTypes.map(MarkKinds.entity)) : []]
        patternNeeds = requires.sorted().compactMap { markOfSlot[$0] }.filter { !$0.isEmpty }
        completions = try root.list("completions").map(compile)
        writtenCompletions = try root.list("completions").map { try $0.string() }
        guard !patterns.isEmpty else { throw RuleError(origin: root.origin, message: "no patterns") }
    }

    private static func types(_ node: RuleNode?) throws -> [EntityType]? {
        try node?.list().map { item in
            guard let type = EntityType(rawValue: try item.string()) else {
                throw RuleError(origin: item.origin, message: "unknown entity type (ORG, PERSON, PRODUCT, PLACE, EVENT)")
            }
            return type
        }
    }
}

/// The words behind the placeholders of claim patterns ("{subject}", "{people}", ...):
/// ``expander()`` turns them into the pattern text that matches the masks of
/// ``MaskedSentence``; pronouns come from the language's entity rules.
struct ClaimPlaceholders: Sendable {
    let pronouns: [String]
    /// Words that join the items of a list ("and", "et"), from the language's entity rules.
    let conjunctions: [String]
    /// Nouns that may end a description of people before their names ("founded by former
    /// ⟨Google⟩ engineers {people}"): the language's `person_description_nouns`.
    var descriptionNouns: [String] = []
    /// Nouns that describe an organisation ("startup", "Firma"), from the language's entity
    /// rules: `{object}` may follow a description ("in British AI startup {object}",
    /// "in die US-Firma {object}").
    let descriptorHeads: [String]
    /// Articles that may stand before the object, alone or before its description ("in die
    /// Quantix GmbH investiert", "in die US-Firma Altair"): the language's `apposition_articles`.
    let articles: [String]
    /// Whether adjectives follow the noun in the language (`adjectives_after_noun` of its entity rules).
    let adjectivesAfterNoun: Bool
    /// The alternation of every round name's pattern.
    let rounds: String

    /// The pattern text of a mask of `kind` (a class of letters).
    static func mark(_ kind: String) -> String { "\(MaskedSentence.open)\(kind)[0-9]+\(MaskedSentence.close)" }

    /// The pattern text of the mask of an entity of one of `types`.
    static func entity(_ types: [EntityType]) -> String {
        mark("[\(String(decoding: types.map(MaskedSentence.letter(for:)), as: UTF8.self))]")
    }

    /// The pattern text of every placeholder but `{subject}` and `{object}`, which depend on
    /// a rule's entity types (``ClaimPatternExpander/typed(subject:object:)``): worked out once
    /// per language, not once per rule, as the lists of nouns behind them are tries rendered
    /// as alternations.
    func expander() -> ClaimPatternExpander {
        let mark = Self.mark, entity = Self.entity
        let pronounStop = pronouns.isEmpty ? "" : "(?!\\b(?:\(pronouns.map(PatternText.escape).joined(separator: "|")))\\b)"
        let pronoun = pronouns.isEmpty ? "" : "|\\b(?:\(pronouns.map(PatternText.escape).joined(separator: "|")))\\b"
        let joiners = conjunctions.isEmpty ? "and" : conjunctions.map(PatternText.escape).joined(separator: "|")
        // In a list of people each name may have an apposition before the next: "A, a former
        // ⟨Google⟩ engineer, and B", "A, who left ⟨Meta⟩, B and C" (lower case after the comma,
        // up to the next comma). Lead investors take none.
        let nameApposition = "(?:,\\h+(?=\\p{Ll})(?:[^\(MaskedSentence.open)\(MaskedSentence.close).;,!?]|\(mark("[A-Z]"))){1,80}?(?=\\h*,))?"
        // Up to three words (a place among them: "U.S. software maker"), then a word ending
        // in a descriptor noun (German compounds: "US-Firma", "Softwarekonzern"; marks of
        // places inside are allowed: "⟨L1⟩-Firma"),
        // then, where adjectives follow the noun, up to four lower-case words ("la startup
        // francesa", "le développeur espagnol de centrales solaires").
        let adjectives = adjectivesAfterNoun ? "(?:\\h+\\p{Ll}[\\p{L}-]*){0,4}?" : ""
        let description = descriptorHeads.isEmpty ? "" : "(?:(?:(?:[^\\s.;,\(MaskedSentence.close)]+|\(mark("L")))\\h+){0,3}?[^\\s.;,]*?(?:\(descriptorHeads.map { ($0, $0.count) }.sorted { $0.1 > $1.1 }.map { PatternText.escape($0.0) }.joined(separator: "|")))\(adjectives)\\h+)?"
        // "l'" joins its noun; any other article is a word.
        let article = articles.isEmpty ? "" : "(?:\\b(?:\(articles.map { PatternText.escape($0) + ($0.hasSuffix("'") ? "\\h*" : "\\h+") }.joined(separator: "|"))))?"
        // Lead investors, the first after an article and a description ("liderada por el
        // fondo {lead}") where `prefix` allows them; not the others ("angeführt von A, auch
        // der Bestandsinvestor B beteiligte sich" names one lead).
        let lead = { (prefix: String) in "(?<lead>\(prefix)\(EntityGrammar.list(of: entity([.organization, .person]), joiners: joiners)))" }
        // An apposition after the subject, between commas, that names no other organisation:
        // "Neovolt, a battery startup founded in 2021 by ⟨A⟩ and ⟨B⟩, raised ...", "Neovolt,
        // spécialiste des batteries, annonce ...", "Neovolt, das 2020 von ⟨A⟩ gegründet wurde,
        // hat ...". It starts in lower case, so a list of names ("A, B and C invested") is none.
        let apposition = "(?:,\\h+(?=\\p{Ll})(?:[^\(MaskedSentence.open)\(MaskedSentence.close).;,!?]|\(mark("[HDL]"))){1,160}?(?=,))?"
        let money = "\(mark("M"))(?:\\h*\\([^()\(MaskedSentence.open)]{0,30}\(mark("M"))\\))?"
        let expansions: [String: String] = [
            "org": "(?:\(entity([.organization])))",
            "money": "(?<money>\(money))",
            "equivalent": "(?<equivalent>\(mark("M")))",
            "percent": "(?<percent>\(mark("P")))",
            "date": "(?<date>\(mark("D")))",
            // A person may bear a title in capitals, after an article where the language writes
            // one: "founded by CEO ⟨A⟩ and CTO ⟨B⟩", "par la CEO ⟨A⟩ et le CTO ⟨B⟩"; the list,
            // a description: "by former ⟨Google⟩ engineers ⟨A⟩ and ⟨B⟩" (names marked inside it
            // are no people of the list).
            "people": EntityGrammar.descriptionBeforeNames(nouns: descriptionNouns, joiners: joiners, word: "(?:[\\p{L}\\p{N}'’&-]++|\(mark("[A-Z]")))")
                + "(?<people>\(EntityGrammar.list(of: "(?:\(article)\\p{Lu}{2,4}\\h+)?" + entity([.person]), joiners: joiners, apposition: nameApposition)))",
            "lead": lead(article + description),
            // A date is a word here: "a levé mardi 20 millions", "hat am 3. März 20 Millionen".
            "words": "(?:(?:[^\\s\(MaskedSentence.open)\(MaskedSentence.close)]+|\(mark("D")))\\h+){0,4}?",
            "any": "[^.;!?]{0,160}?",
            "round": "(?<round>\(rounds))",
            // A gap never crosses a pronoun: "OpenAI, said it would buy": "it" is the subject; nor
        // a party: only dates and places may stand in it.
            "gap": "(?:\(pronounStop)[^\(MaskedSentence.open)\(MaskedSentence.close).;]|\(mark("[DL]"))){0,80}?",
        ]
        return ClaimPatternExpander(expansions: expansions, subjectAfter: "\(pronoun))\(apposition)", beforeObject: article + description, firstLead: lead(""))
    }

    /// For each placeholder of ``expander()``, what its text always holds, for
    /// ``ClaimPatternReader``: a mark of one of some kinds (`{object}`: of `objectTypes`), or
    /// one of `rounds` (none: it may match without one).
    static func needs(objectTypes: [EntityType], rounds: [ClaimPatternNeed]) -> [String: [ClaimPatternNeed]] {
        let mark = { (kinds: MarkKinds) in [ClaimPatternNeed(kinds: kinds, words: [])] }
        return [
            "subject": [], "object": mark(MarkKinds(objectTypes.map(MarkKinds.entity))), "org": mark(.entity(.organization)),
            "money": mark(.money), "equivalent": mark(.money), "percent": mark(.percent), "date": mark(.date),
            "people": mark(.entity(.person)), "lead": mark(MarkKinds([.entity(.organization), .entity(.person)])),
            "words": [], "any": [], "gap": [], "round": rounds,
        ]
    }
}

/// Expands the placeholders of claim patterns: the texts of ``ClaimPlaceholders``, built
/// once per language rather than once per rule or pattern (the lists of nouns behind them are
/// tries rendered as alternations, a cost that showed at startup).
struct ClaimPatternExpander: Sendable {
    /// The pattern text of each placeholder name.
    private(set) var expansions: [String: String]
    /// What follows the subject's mask in `{subject}`: a pronoun that may stand for it, and
    /// an apposition.
    let subjectAfter: String
    /// An article and a description that may stand before `{object}` ("in die US-Firma {object}").
    let beforeObject: String
    /// `{lead}` where a pattern starts: without a description, which would be tried at every
    /// position of the sentence.
    let firstLead: String

    /// This expander with `{subject}` and `{object}` for a rule's entity types.
    func typed(subject: [EntityType], object: [EntityType]) -> ClaimPatternExpander {
        var typed = self
        typed.expansions["subject"] = "(?<subject>\(ClaimPlaceholders.entity(subject))\(subjectAfter)"
        typed.expansions["object"] = "(?<object>\(ClaimPlaceholders.entity(object)))"
        return typed
    }

    func expand(_ pattern: String, at origin: RuleOrigin) throws -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { result += rest[open...]; return result }
            let name = String(rest[rest.index(after: open)..<close])
            if let expansion = expansions[name] {
                // An article and a description before the object ("in die US-Firma {object}"), except where the
                // pattern starts: there it would be tried at every position of the sentence.
                if name == "object" && !result.isEmpty { result += beforeObject }
                // The first lead investor too may have its description ("liderada por el fondo {lead}"),
                // except where the pattern starts.
                result += name == "lead" && result.isEmpty ? firstLead : expansion
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
    /// The name of a round the text does not name (`unnamed: true`): "a funding round".
    let unnamed: String?
    /// Every round's pattern as one alternation, for the `{round}` placeholder.
    let alternation: String
    /// A round's name as a whole word, anchored where it is tried ("Series B round", "série B").
    let wholeName: Pattern?

    init(file: RuleFile?) throws {
        var names: [(name: String, pattern: Pattern)] = []
        var sources: [String] = []
        var unnamed: String?
        for node in try file?.root.list("rounds") ?? [] {
            let source = try node.string("pattern")
            guard let patternNode = node["pattern"] else { continue }
            names.append((try node.string("name"), try patternNode.pattern(caseless: true)))
            if node["unnamed"]?.scalar == "true" { unnamed = try node.string("name") }
            sources.append("(?:\(source))")
        }
        self.names = names
        self.unnamed = unnamed
        alternation = sources.isEmpty ? "(?!)" : sources.joined(separator: "|")
        wholeName = sources.isEmpty ? nil : try Pattern("(?<![\\p{L}\\p{N}])(?:\(alternation))(?![\\p{L}\\p{N}])", caseless: true, origin: file?.root.origin ?? .inline)
    }

    /// The canonical name of a round as written; the text itself when no rule knows it.
    func canonical(_ text: String) -> String {
        names.first { (try? $0.pattern.anchoredMatch(in: TextBuffer(text), at: 0)) != nil }?.name ?? text
    }
}
