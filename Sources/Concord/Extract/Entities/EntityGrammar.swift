/// The general entity patterns of one language, built from the word lists of
/// `Rules/entities/<lang>.yaml`: people after a role, title or list cue ("co-founder and
/// CEO Arthur Mensch", "founded by A, B, and C") or before a role ("Arthur Mensch, CEO of
/// ..."), companies before a legal suffix ("Acme Robotics Inc."), anaphors that stand for
/// an organisation ("the Paris-based startup") and appositions that describe one.
struct EntityGrammar: Sendable {
    /// One scan for people and companies; groups: `role`, `after`, `title`, `list`,
    /// `listBefore`, `company`, `suffix`.
    let names: Pattern
    /// Where a match of `names` may start: a capital or a role, title, cue or head word.
    let nameStarts: WordStartFilter
    /// A capitalised personal name (used to split a list of names).
    let personName: Pattern
    /// Phrases that stand for an organisation; group `head` is the noun.
    let anaphor: Pattern?
    /// Anchored after an organisation: ", a Paris-based AI startup"; group `head`.
    let descriptor: Pattern?
    /// "<Capitalised Words> <org word> (<INITIALS>)"; groups `long` and `short`.
    let acronym: Pattern?
    /// Particles allowed inside names, lower-cased ("von", "der").
    let particles: Set<String>
    /// Capitalised words that never start a company's name ("The", "Die").
    let articles: Set<String>

    init(file: RuleFile) throws {
        let root = file.root
        let origin = RuleOrigin(file: file.path, line: 1)
        let particleWords = try root.strings("particles")
        particles = Set(particleWords.map { $0.lowercased() })
        articles = Set(try root.strings("articles"))
        let particle = particleWords.isEmpty ? "" : "(?:(?:\(particleWords.map(PatternText.escape).joined(separator: "|")))\\h+)*"
        // A name word: "Arthur", "Timothée", "McDonald", "Jean-Luc", "O'Neil", "O", an initial
        // "F."; not an acronym ("AI", "CEO"). Possessive quantifiers: a word is read one way.
        let word = "(?:\\p{Lu}\\p{Ll}\\p{L}*+(?:-\\p{Lu}\\p{Ll}\\p{L}*+)?|\\p{Lu}'\\p{Lu}\\p{Ll}\\p{L}*+|\\p{Lu}\\.|\\p{Lu}(?![\\p{L}\\p{N}]))"
        let name = "\(word)(?:\\h+\(particle)\(word)){1,3}(?![\\p{L}\\p{N}])"
        // Atomic: a name once read is never split another way, so lists of names cannot
        // backtrack without end over a run of capitalised words.
        let atomicName = "(?>\(name))"
        let joiners = try root.strings("conjunctions").map(PatternText.escape).joined(separator: "|")
        let roles = try Self.alternation(root.strings("roles"))
        let titles = try Self.alternation(root.strings("titles"))
        let cues = try Self.alternation(root.strings("person_list_cues"))
        let suffixes = try Self.alternation(root.strings("company_suffixes"))
        // A word of a company's name: "Zentrix", "AT&T", "O'Reilly"; a possessive is not part of it.
        let companyWord = "\\p{Lu}[\\p{L}\\p{N}&-]*+(?:'\\p{Lu}[\\p{L}\\p{N}]*+)?"
        var branches: [String] = []
        if let cues, !joiners.isEmpty {
            branches.append("(?i:\(cues))\\h+(?<list>\(atomicName)(?:\\h*,\\h*\(atomicName))*(?:\\h*,?\\h+(?:\(joiners))\\h+\(atomicName))?)")
        }
        if let verbs = try Self.alternation(root.strings("person_list_verbs")), !joiners.isEmpty {
            branches.append("(?<listBefore>\(atomicName)(?:\\h*,\\h*\(atomicName))*(?:\\h*,?\\h+(?:\(joiners))\\h+\(atomicName))?)\\h+(?i:\(verbs))\\b")
        }
        if let roles {
            let roleChain = "(?i:(?:\(roles))(?:\\h+(?:\(joiners.isEmpty ? "and" : joiners))\\h+(?:\(roles)))*)"
            branches.append("\(roleChain)\\h+(?<role>\(atomicName))")
            branches.append("(?<after>\(atomicName)),\\h+(?:(?i:the|a|an)\\h+)?\(roleChain)\\b")
        }
        if let titles { branches.append("(?:\(titles))\\h+(?<title>\(atomicName))") }
        if let suffixes {
            branches.append("(?<company>\(companyWord)(?:\\h+\(companyWord)){0,3}),?\\h+(?<suffix>\(suffixes))(?![\\p{L}\\p{N}])")
        }
        // Organisations the gazetteer does not know: a name ending in a word such as
        // "Ventures" or "Labs" ("Index Ventures"), a name after a descriptor ("AI startup
        // Poolside"), a name before an apposition that describes it ("Poolside, a Paris-based
        // startup").
        let capitalisedName = "\(companyWord)(?:\\h+\(companyWord)){0,3}"
        let orgWords = try Self.alternation(root.strings("org_words"))
        if let orgWords {
            branches.append("(?<orgName>\(companyWord)(?:\\h+\(companyWord)){0,3}\\h+(?:\(orgWords)))(?![\\p{L}\\p{N}])")
        }
        if let heads = try Self.alternation(root.strings("descriptor_heads")) {
            branches.append("(?i:\(heads))\\h+(?<orgAfter>\(capitalisedName))(?![\\p{L}\\p{N}])")
            branches.append("(?<orgBefore>\(capitalisedName)),\\h+(?i:an?|une?|ein|eine|una?|uno)\\h+(?:[\\p{L}\\p{N}-]+\\h+){0,4}?(?i:\(heads))(?![\\p{L}\\p{N}])")
        }
        guard !branches.isEmpty else { throw RuleError(origin: origin, message: "no entity patterns: give roles, titles, person_list_cues or company_suffixes") }
        // Every branch starts a word: the lookbehind keeps PCRE2 from trying each branch
        // inside words. When every branch also starts with a letter (a capital, or a listed
        // word that starts with one), the lookahead of the bytes a letter can start with
        // gives PCRE2 a start bitmap, so it skips spaces, digits and punctuation without
        // trying the branches there.
        let leadWords = try ["roles", "titles", "person_list_cues", "descriptor_heads"].flatMap { try root.strings($0) }
        let letterStart = leadWords.allSatisfy { $0.first?.isLetter == true } ? "(?=[A-Za-z\\x{80}-\\x{10FFFF}])" : ""
        names = try Pattern("(?<![\\p{L}\\p{N}])\(letterStart)(?:\(branches.joined(separator: "|")))", origin: origin)
        nameStarts = WordStartFilter(capitals: true, words: leadWords)
        personName = try Pattern(atomicName, origin: origin)
        let acronymJoiners = try Self.alternation(root.strings("acronym_joiners")).map { "(?:(?:\($0))\\h+)?" } ?? ""
        let capitalised = "\\p{Lu}[\\p{Ll}\\p{Lu}&-]*+"
        // Only names of bodies ("... Commission (FTC)"), not of things ("Large Language Model (LLM)").
        acronym = try orgWords.map { words in
            try Pattern("(?<![\\p{L}\\p{N}])(?<long>\(capitalised)(?:\\h+\(acronymJoiners)\(capitalised)){0,5}\\h+\(acronymJoiners)(?:\(words)))\\h+\\((?<short>\\p{Lu}{2,8})\\)", origin: origin)
        }
        let anaphors = try root.list("anaphors")
        anaphor = anaphors.isEmpty ? nil : try Pattern(anaphors.map { try $0.string() }.map { "(?:\($0))" }.joined(separator: "|"), caseless: true, origin: anaphors[0].origin)
        if let heads = try Self.alternation(root.strings("descriptor_heads")) {
            descriptor = try Pattern(",\\h+(?:an?|the)\\h+(?<modifiers>(?:[\\p{L}\\p{N}-]+\\h+){0,4}?)(?<head>\(heads))\\b", caseless: true, origin: origin)
        } else {
            descriptor = nil
        }
    }

    /// `a|b|c` of escaped words, longest first; nil for none.
    static func alternation(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        return words.sorted { $0.utf8.count > $1.utf8.count }.map(PatternText.escape).joined(separator: "|")
    }


    /// `core` as a whole word, not followed by "-<digits>" (a model name such as
    /// "Mistral-7B"), with an optional possessive in group `possessive`.
    static func bounded(_ core: String) -> String {
        "(?<![\\p{L}\\p{N}])\(core)(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}]*[0-9])(?<possessive>'s(?![\\p{L}])|'(?![\\p{L}]))?"
    }
}
