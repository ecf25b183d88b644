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
    let grammars: GrammarsByLanguage<EntityGrammar>
    /// The names of funding rounds (`Rules/claims/rounds.yaml`): a name inside one is no
    /// entity ("announced a Series B round" names no product, "levée de série B" no "B").
    let rounds: RoundNames
    /// Where a round's name may start (the words its patterns begin with), so that the
    /// check after each mention tries `rounds.wholeName` only there: it was tried at each
    /// mention and up to two words before, 27 M instructions over the first 1,000 Reuters
    /// stories (callgrind). Nil when the patterns do not tell: every word is tried.
    let roundStarts: WordStartFilter?

    public init(rules: RuleSet, compilation: GrammarCompilation = .eager) throws {
        gazetteer = try Gazetteer(file: rules.file("entities/gazetteer.yaml"))
        rounds = try RoundNames(file: rules.file("claims/rounds.yaml"))
        roundStarts = rounds.wholeName.flatMap { PatternPrefixes.of($0.source, caseless: true) }.map { WordStartFilter(capitals: false, prefixes: $0) }
        let files = rules.filesByLanguage(in: "entities")
        grammars = try GrammarsByLanguage(languages: files.keys, compilation: compilation) { try EntityGrammar(file: files[$0]!) }
    }

    public func mentions(in document: TokenizedDocument) throws -> [EntityMention] {
        let buffer = document.buffer
        var found = MentionSet()
        if let pattern = gazetteer.pattern {
            // The groups by number, looked up once: by name, each hashed the name at each match.
            let nameGroup = pattern.groupNumber("name"), possessiveGroup = pattern.groupNumber("possessive")
            try pattern.forEachMatch(in: buffer, startingAt: gazetteer.starts) { match in
                let name = match[group: nameGroup]!
                let form = buffer.string(name)
                if let entry = gazetteer.entry(matched: form) {
                    found.add(Candidate(bytes: Self.withPossessive(name, match[group: possessiveGroup], form: form), name: entry.name, type: entry.type, source: .gazetteer))
                }
                return true
            }
        }
        let grammar = try grammars.grammar(for: document.language.language)
        var acronyms: [String: Candidate] = [:]
        var described: [Description] = []
        if let grammar {
            described = try addGeneralPatterns(grammar, in: buffer, to: &found)
            acronyms = try addAcronyms(grammar, in: buffer, to: &found)
        }
        try addShortForms(in: buffer, to: &found, grammar: grammar, acronyms: acronyms)
        if let grammar { try addAnaphors(grammar, in: document, to: &found, described: described) }
        // Names on boilerplate lines (share buttons: "Facebook | Twitter") are no mentions.
        return found.sorted.filter { document.isInBody(byte: $0.bytes.lowerBound) && !isInRoundName($0.bytes, in: buffer) }.map { candidate in
            EntityMention(span: document.span(ofBytes: candidate.bytes), type: candidate.type, name: candidate.name)
        }
    }

    /// Whether `bytes` lie inside the name of a funding round that starts there or one or two
    /// words before ("Series B", "série B", "Serie-B-Finanzierungsrunde"). A one-word name that
    /// is all the round's name is a name ("Bridge said", "Growth Labs").
    private func isInRoundName(_ bytes: Range<Int>, in buffer: TextBuffer) -> Bool {
        guard let wholeName = rounds.wholeName else { return false }
        var start = bytes.lowerBound
        for _ in 0..<3 {
            if roundStarts.map({ filter in buffer.withBytes { filter.mayStart($0, count: buffer.byteCount, at: start) } }) ?? true,
               let match = try? wholeName.anchoredMatch(in: buffer, at: start), match.range.upperBound >= bytes.upperBound,
               match.range != bytes || buffer.string(bytes).contains(where: { !$0.isLetter }) { return true }
            // The start of the word before, or of the word this one is glued into ("Serie-B").
            var previous = start
            while previous > 0, Bytes.isSpace(buffer[byte: previous - 1]) { previous -= 1 }
            guard previous > 0, previous > start - 40 else { return false }
            while previous > 0, !Bytes.isSpace(buffer[byte: previous - 1]) { previous -= 1 }
            start = previous
        }
        return false
    }

    /// People and companies the general patterns find. A name the document gives a
    /// company ("Zentrix Robotics Inc.") is never a person elsewhere ("Zentrix Robotics said").
    /// A name read only from its context (a verb after it, a cue before it) yields to a
    /// person of that name or surname ("Lample said" after "Guillaume Lample").
    /// Returns the descriptions read before names ("AI startup Wayve"), for anaphors.
    private func addGeneralPatterns(_ grammar: EntityGrammar, in buffer: TextBuffer, to found: inout MentionSet) throws -> [Description] {
        var people: [Candidate] = []
        var products: [Candidate] = []
        var companies: [Candidate] = []
        var contextual: [Candidate] = []
        // One name alone before a verb of saying ("Ferrovial Digital said"): a person unless
        // a verb or cue that only an organisation takes reads the same name elsewhere
        // (`surelyOrganizations`: "Ferrovial Digital to buy", "acquired Ferrovial Digital").
        var speakers: [Candidate] = []
        var surelyOrganizations = Set<String>()
        var described: [Description] = []
        // A company, and the noun that described it before its name ("Die Münchner Firma
        // Quantix GmbH"), which an anaphor may stand for later ("die Firma").
        func addCompany(_ candidate: Candidate?, describedAs head: String?) {
            guard let candidate else { return }
            companies.append(candidate)
            if let head, candidate.type == .organization { described.append((candidate.name, head, [])) }
        }
        // "unveiled the Vision Pro": a product, unless the words are no name ("launched
        // Monday") or the gazetteer knows them as something else ("launched in Paris").
        func addProduct(_ product: Range<Int>) {
            guard !Self.isAllCaps(around: product, in: buffer), let name = Self.withoutNonNames(product, in: buffer, grammar: grammar),
                  buffer.string(name).first?.isLetter == true else { return }
            let text = buffer.string(name)
            if let entry = gazetteer.entries[text] {
                if entry.type == .product { products.append(Candidate(bytes: name, name: entry.name, type: .product, source: .gazetteer)) }
            } else {
                products.append(Candidate(bytes: name, name: text, type: .product, source: .context))
            }
        }
        if let productNames = grammar.products {
            try productNames.forEachMatch(in: buffer, startingAt: grammar.productStarts) { match in
                if let product = match["productCued"] { addProduct(product) }
                return true
            }
        }
        // A name read from its context: a verb after it, a cue before it.
        func addContextual(_ organization: Range<Int>, surely: Bool = false) {
            guard let name = Self.withoutNonNames(organization, in: buffer, grammar: grammar).map({ withoutDescription($0, in: buffer, grammar: grammar).range }) else { return }
            // "Le PDG Patrick Pouyanné a déclaré": a role starts a person's name; "SAP-Chef
            // Christian Klein sagte": the company before the role, the person after it.
            let text = buffer.string(name)
            let words = text.splitting(at: " ")
            if let nameStart = grammar.nameStart(afterRoleIn: words) {
                let roleWord = words[nameStart - 1]
                if let hyphen = roleWord.lastIndex(of: "-") {
                    let start = name.lowerBound + text[..<roleWord.startIndex].utf8.count
                    organizationCandidate(start..<(start + roleWord[..<hyphen].utf8.count), in: buffer).map { contextual.append($0) }
                }
                person(at: (name.lowerBound + text[..<words[nameStart].startIndex].utf8.count)..<name.upperBound, in: buffer, grammar: grammar).map { people.append($0) }
                return
            }
            // "led by Carlos Tavares", "backed by John Paul Richards": a given name, perhaps a
            // second one, and a surname are a person's, unless the gazetteer knows the name
            // ("Mark IV", "Patrick Petroleum Co" are none: no surname ends them).
            if gazetteer.entries[text] == nil, Self.isPersonalName(words, givenNames: gazetteer.givenNames, organizationEndings: grammar.organizationEndings) {
                person(at: name, in: buffer, grammar: grammar).map { people.append($0) }
                return
            }
            organizationCandidate(knownPrefix(of: name, in: buffer), in: buffer).map { candidate in
                var candidate = candidate
                if candidate.source == .pattern { candidate.source = .context }
                contextual.append(candidate)
                if surely { surelyOrganizations.insert(buffer.string(candidate.bytes)) }
            }
        }
        let groups = grammar.nameGroups
        try grammar.names.forEachMatch(in: buffer, startingAt: grammar.nameStarts) { match in
            if let list = match[group: groups.list] ?? match[group: groups.listBefore] ?? match[group: groups.role] {
                let appositions = Self.appositions(in: list, buffer: buffer)
                let names = ((try? grammar.personName.matches(in: buffer, from: list.lowerBound, to: list.upperBound)) ?? [])
                    .filter { name in !appositions.contains { $0.contains(name.range.lowerBound) } }
                let speaker = names.count == 1 && match[group: groups.listBefore] != nil
                for name in names {
                    // "Brightline Holdings said": a name that ends as companies' names do;
                    // "Berliner Softwarefirma Quantix sagte": a described one.
                    // "The Tokyo Grain Exchange said": the article opening the sentence is no part of the name.
                    let undescribed = withoutDescription(Self.withoutArticle(name.range, in: buffer, articles: grammar.articles), in: buffer, grammar: grammar)
                    if let last = buffer.string(name.range).splitting(at: " ").last, grammar.organizationEndings.contains(String(last)) || undescribed.head != nil {
                        addCompany(suffixedCompany(undescribed.range, in: buffer, grammar: grammar) ?? organizationCandidate(undescribed.range, in: buffer), describedAs: undescribed.head)
                    } else if let candidate = person(at: name.range, in: buffer, grammar: grammar) {
                        // "President Reagan said": a title read with the name makes it a person's;
                        // "Forstmann Little said it acquired": what it says makes it an organisation's.
                        if speaker && candidate.bytes == name.range {
                            if let cue = grammar.organizationSpeech, (try? cue.anchoredMatch(in: buffer, at: match.range.upperBound)) != nil {
                                addContextual(name.range, surely: true)
                            } else {
                                speakers.append(candidate)
                            }
                        } else {
                            people.append(candidate)
                        }
                    }
                }
                // "Founded in 2021 by A and B, Quantix makes sensors": the name right after a
                // list of founders that opens the sentence is what they founded.
                if let cued = match[group: groups.list], Self.opensSentence(at: match.range.lowerBound, in: buffer),
                   cued.upperBound + 2 < buffer.byteCount, buffer.string(cued.upperBound..<(cued.upperBound + 2)) == ", ",
                   let organization = try? grammar.organizationName.anchoredMatch(in: buffer, at: cued.upperBound + 2) {
                    addContextual(organization.range, surely: true)
                }
            } else if let organization = match[group: groups.roleOrg], let holder = match[group: groups.roleHolder] {
                organizationCandidate(organization, in: buffer).map { companies.append($0) }
                for name in (try? grammar.personName.matches(in: buffer, from: holder.lowerBound, to: holder.upperBound)) ?? [] {
                    person(at: name.range, in: buffer, grammar: grammar).map { people.append($0) }
                }
            } else if let name = match[group: groups.after] ?? match[group: groups.title] {
                person(at: name, in: buffer, grammar: grammar).map { people.append($0) }
            } else if let organization = match[group: groups.orgName] {
                let undescribed = withoutDescription(Self.withoutArticle(organization, in: buffer, articles: grammar.articles), in: buffer, grammar: grammar)
                addCompany(organizationCandidate(undescribed.range, in: buffer), describedAs: undescribed.head)
            } else if let organization = match[group: groups.orgFront] {
                addCompany(organizationCandidate(Self.withoutArticle(organization, in: buffer, articles: grammar.articles), in: buffer), describedAs: nil)
            } else if let product = match[group: groups.productBefore] {
                addProduct(product)
            } else if let organization = match[group: groups.orgCued] ?? match[group: groups.orgContext] ?? match[group: groups.orgAfter], Self.isAllCaps(around: organization, in: buffer) {
                // An all-caps headline ("RED LION INNS FILES FOR OFFERING"): no case to tell a name.
            } else if let organization = match[group: groups.orgContext] ?? match[group: groups.orgAfter], match[group: groups.agentVerb] == nil {
                // "However, the company said", "the startup said Tuesday": a word that is no name.
                guard let undescribed = Self.withoutNonNames(organization, in: buffer, grammar: grammar).map({ withoutDescription($0, in: buffer, grammar: grammar) }),
                      case let name = undescribed.range,
                      let candidate = suffixedCompany(name, in: buffer, grammar: grammar) ?? organizationCandidate(name, in: buffer) else { return true }
                addCompany(candidate, describedAs: undescribed.head)
                // "AI startup Wayve": "the startup" later is Wayve; not "a startup Microsoft
                // backed", where the name after the noun is another party.
                // Nor across words ("la société concurrence OpenAI": a verb, not an adjective).
                if let head = match[group: groups.preHead], candidate.type == .organization,
                   buffer.string(head.upperBound..<name.lowerBound).allSatisfy(\.isWhitespace),
                   !grammar.indefiniteArticles.contains(Self.word(before: head.lowerBound, in: buffer).lowercased()) {
                    described.append((candidate.name, buffer.string(head).lowercased(), []))
                }
            } else if let organization = match[group: groups.orgCued] ?? match[group: groups.orgContext] {
                let surely = match[group: groups.orgCued] != nil || match[group: groups.agentVerb].map { !grammar.personVerbs.contains(buffer.string($0).lowercased()) } == true
                addContextual(organization, surely: surely)
                // "led by Index Ventures and Accel": every name of the list after a cue.
                if let more = match[group: groups.orgCuedMore], !Self.isOneName(more, in: buffer, grammar: grammar) {
                    ((try? grammar.organizationName.matches(in: buffer, from: more.lowerBound, to: more.upperBound)) ?? []).forEach { addContextual($0.range, surely: surely) }
                }
            } else if let company = match[group: groups.company], let suffix = match[group: groups.suffix] {
                // "The Corporation has sought ...", "The SAS move": an article or a word that is
                // no name, alone before a legal suffix, names no company.
                let base = buffer.string(company)
                if grammar.articles.contains(base) || grammar.nonNames.contains(base) { return true }
                let undescribed = withoutDescription(Self.withoutArticle(company, in: buffer, articles: grammar.articles), in: buffer, grammar: grammar)
                addCompany(suffixedCompany(base: undescribed.range, end: suffix.upperBound, in: buffer), describedAs: undescribed.head)
            }
            return true
        }
        let companyNames = Set(companies.compactMap(\.shortForm))
        // "Orbital declined" after "Orbital Systems", "the startup Volvex" after "Volvex
        // Robotics GmbH": a name read without a suffix (nor known to the gazetteer) that
        // starts exactly one longer organisation name of the document is that organisation.
        let organizationNames = Set((companies + found.sorted).filter { $0.type == .organization }.map(\.name))
        var linkedNames: [String: String] = [:]
        func linked(_ candidate: Candidate) -> Candidate {
            guard candidate.type == .organization, candidate.source != .gazetteer, buffer.string(candidate.bytes) == candidate.name else { return candidate }
            // Counted, not filtered into a new set: building one for each name took 2 M
            // instructions over the first 1,000 Reuters stories (callgrind).
            let prefix = candidate.name + " "
            var longer: String?
            for name in organizationNames where name.hasPrefix(prefix) {
                if longer != nil { return candidate }
                longer = name
            }
            guard let name = longer else { return candidate }
            linkedNames[candidate.name] = name
            var candidate = candidate
            candidate.name = name
            return candidate
        }
        companies.map(linked).forEach { found.add($0) }
        products.forEach { found.add($0) }
        // The last words of a person named in full ("Ortiz Mena" of "Antonio Ortiz Mena,
        // president of ..."): a speaker so named is that person, whatever verb follows elsewhere.
        let fullNames = Set((people + found.sorted.filter { $0.type == .person }).flatMap { Self.lastWords(of: buffer.string($0.bytes)) })
        people += speakers.filter { !surelyOrganizations.contains(buffer.string($0.bytes)) || fullNames.contains(buffer.string($0.bytes)) }
        people = people.filter { !companyNames.contains(buffer.string($0.bytes)) }
        people.forEach { found.add($0) }
        var personForms = fullNames
        for candidate in people + found.sorted.filter({ $0.type == .person }) {
            let text = buffer.string(candidate.bytes)
            personForms.insert(text)
            if let surname = Self.surname(of: text, grammar: grammar) { personForms.insert(surname) }
        }
        // "Chancellor of the Exchequer Nigel Lawson pledged ...; Lawson said": a one-word name
        // read from its context that the document also writes after a given name is that
        // person's surname, unless the word starts an organisation's name ("Lorimar" of
        // "Lorimar Telepictures") or the two words name one ("Morgan Stanley said").
        // The names of organisations, gathered at the first word that needs them.
        var organizationForms: Set<String>?
        for candidate in contextual {
            let word = buffer.string(candidate.bytes)
            guard !personForms.contains(word), !word.contains(" "), gazetteer.entries[word] == nil, !companyNames.contains(word) else { continue }
            let forms = organizationForms ?? organizationNames.union(contextual.map { buffer.string($0.bytes) })
            organizationForms = forms
            guard !forms.contains(where: { $0.hasPrefix(word + " ") }),
                  let person = namedInFull(surname: word, in: buffer, excluding: forms) else { continue }
            found.add(person)
            personForms.insert(word)
        }
        for candidate in contextual where !personForms.contains(buffer.string(candidate.bytes)) {
            found.add(linked(candidate))
        }
        // An anaphor picks the organisation by the name it is linked to.
        return described.map { (linkedNames[$0.name] ?? $0.name, $0.head, $0.modifiers) }
    }

    /// A company named with its legal suffix (`base` up to `end`: "Zentrix Robotics Inc."):
    /// the gazetteer's entry for the name without or with it, else the name without it.
    private func suffixedCompany(base: Range<Int>, end: Int, in buffer: TextBuffer) -> Candidate {
        let name = buffer.string(base)
        let entry = gazetteer.entries[name] ?? gazetteer.entries[buffer.string(base.lowerBound..<end)]
        return Candidate(bytes: base.lowerBound..<end, name: entry?.name ?? name, type: entry?.type ?? .organization, source: .pattern, shortForm: name)
    }

    /// A name read after a description that ends in a legal suffix ("the sensor maker
    /// Quantix Inc.", "la start-up Lengow S.A.": the name read stops in the suffix's dots),
    /// with the whole suffix; nil for any other name.
    private func suffixedCompany(_ range: Range<Int>, in buffer: TextBuffer, grammar: EntityGrammar) -> Candidate? {
        let text = buffer.string(range)
        guard let space = text.lastIndex(of: " ") else { return nil }
        let lastStart = range.lowerBound + text[...space].utf8.count
        let following = buffer.string(lastStart..<min(buffer.byteCount, lastStart + 16))
        // The suffixes are not filtered into a new set (1.5 M instructions over the first
        // 1,000 Reuters stories, callgrind); of two that both start the text, one is longer.
        let suffix = grammar.companySuffixes.lazy.filter { suffix in
            guard following.hasPrefix(suffix), lastStart + suffix.utf8.count >= range.upperBound else { return false }
            return following.dropFirst(suffix.count).first.map { !$0.isLetter && !$0.isNumber } ?? true
        }.max { $0.count < $1.count }
        guard let suffix else { return nil }
        return suffixedCompany(base: range.lowerBound..<(range.lowerBound + text[..<space].utf8.count), end: lastStart + suffix.utf8.count, in: buffer)
    }

    /// An organisation the patterns read: the gazetteer's entry when it knows the name;
    /// nil for a name that starts with a product's ("Azure AI"). A place may start one
    /// ("Singapore Airlines", "Qatar Investment Authority", "China Construction Bank").
    private func organizationCandidate(_ range: Range<Int>, in buffer: TextBuffer) -> Candidate? {
        let text = buffer.string(range)
        if let entry = gazetteer.entries[text] {
            return Candidate(bytes: range, name: entry.name, type: entry.type, source: .gazetteer)
        }
        if let first = text.splitting(at: " ").first, let entry = gazetteer.entries[String(first)], entry.type == .product {
            return nil
        }
        return Candidate(bytes: range, name: text, type: .organization, source: .pattern, shortForm: text)
    }

    /// The first place where a given name of the gazetteer stands right before `surname`
    /// ("Nigel Lawson"), as a person; nil when there is none or the two words are a name in
    /// `organizations` or the gazetteer. Read on the bytes (`memchr`, `memcmp`): a search of the
    /// String (`range(of:)`) and a walk over its Characters cost 88 M instructions per 1,000
    /// Reuters stories (callgrind).
    private func namedInFull(surname: String, in buffer: TextBuffer, excluding organizations: Set<String>) -> Candidate? {
        let needle = Array(surname.utf8)
        let count = buffer.byteCount
        return buffer.withBytes { base -> Candidate? in
            var from = 0
            while from + needle.count <= count, let hit = memchr(base + from, Int32(needle[0]), count - from) {
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                from = start + 1
                let end = start + needle.count
                guard end <= count, memcmp(base + start, needle, needle.count) == 0 else { continue }
                // A whole word after one space, after a word of letters (a hyphen inside).
                guard start >= 2, base[start - 1] == UInt8(ascii: " "), end == count || !Bytes.isASCIILetter(base[end]) && !Bytes.isDigit(base[end]) && base[end] < 0x80 else { continue }
                var givenStart = start - 1
                while givenStart > 0, Bytes.isASCIILetter(base[givenStart - 1]) || base[givenStart - 1] >= 0x80 || base[givenStart - 1] == UInt8(ascii: "-") { givenStart -= 1 }
                guard givenStart < start - 1, Bytes.isASCIIUpper(base[givenStart]) || base[givenStart] >= 0x80 else { continue }
                let given = buffer.string(givenStart..<(start - 1))
                let full = given + " " + surname
                guard gazetteer.givenNames.contains(given), !organizations.contains(full), gazetteer.entries[full] == nil else { continue }
                return Candidate(bytes: givenStart..<end, name: full, type: .person, source: .pattern)
            }
            return nil
        }
    }

    /// Whether `words` are a given name, perhaps a second given name, and a surname: a
    /// capital, then lower case (a hyphen may join two such parts), and no word that ends an
    /// organisation's name.
    static func isPersonalName(_ words: [Substring], givenNames: Set<String>, organizationEndings: Set<String>) -> Bool {
        guard (2...3).contains(words.count), givenNames.contains(String(words[0])), let surname = words.last,
              words.count == 2 || givenNames.contains(String(words[1])) else { return false }
        let isSurname = surname.split(separator: "-").allSatisfy { part in
            part.count >= 2 && part.first!.isUppercase && part.dropFirst().allSatisfy(\.isLowercase)
        }
        return isSurname && !organizationEndings.contains(String(surname))
    }

    /// Whether the text around `range` (30 bytes either side, within its line) has no
    /// lower-case ASCII letter.
    static func isAllCaps(around range: Range<Int>, in buffer: TextBuffer) -> Bool {
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z"), newline = UInt8(ascii: "\n")
        // Within the line: the story under an all-caps headline is in lower case.
        var start = range.lowerBound, end = range.upperBound
        while start > max(0, range.lowerBound - 30), buffer[byte: start - 1] != newline { start -= 1 }
        while end < min(buffer.byteCount, range.upperBound + 30), buffer[byte: end] != newline { end += 1 }
        return !(start..<end).contains { lower.contains(buffer[byte: $0]) }
    }

    /// Whether a list after a cue is one name rather than several: a company's ("Goldman,
    /// Sachs and Co.", "Laidlaw Adams and Peck Inc.", "Guarantee Savings and Loan
    /// Association": its last word, or the word after it, ends an organisation's name) or a
    /// person's ("Len M. House": it ends in an initial).
    static func isOneName(_ list: Range<Int>, in buffer: TextBuffer, grammar: EntityGrammar) -> Bool {
        let last = buffer.string(list).splitting(at: " ").last.map(String.init) ?? ""
        var start = list.upperBound
        while start < buffer.byteCount && [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(buffer[byte: start]) { start += 1 }
        var end = start
        while end < buffer.byteCount && end - start < 40 && isWordByte(buffer[byte: end]) { end += 1 }
        let endsAName = [last, buffer.string(start..<end)].contains { grammar.organizationEndings.contains($0) || grammar.organizationEndings.contains($0 + ".") }
        return endsAName || (last.count == 1 && last.first?.isUppercase == true)
    }

    /// The appositions inside a list of names ("A, a former Google engineer, and B"): from a
    /// comma that lower case follows up to the next comma, which must stand in the list. The names in them are not the
    /// list's ("Y Combinator" in "A, a former Y Combinator president, and B").
    static func appositions(in list: Range<Int>, buffer: TextBuffer) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = list.lowerBound
        while index < list.upperBound {
            defer { index += 1 }
            guard buffer[byte: index] == UInt8(ascii: ",") else { continue }
            var start = index + 1
            while start < list.upperBound, buffer[byte: start] == UInt8(ascii: " ") || buffer[byte: start] == UInt8(ascii: "\t") { start += 1 }
            guard start < list.upperBound, buffer.string(start..<buffer.nextScalarBoundary(after: start)).first?.isLowercase == true else { continue }
            var end = start
            while end < list.upperBound, buffer[byte: end] != UInt8(ascii: ",") { end += 1 }
            // Between two commas: ", and B" at the list's end is its last name.
            guard end < list.upperBound else { continue }
            found.append(start..<end)
            index = end - 1
        }
        return found
    }

    /// Whether a sentence starts at `offset`: nothing but spaces before it back to the
    /// text's start, a line's end, a sentence's end or an opening quote.
    static func opensSentence(at offset: Int, in buffer: TextBuffer) -> Bool {
        var index = offset
        while index > 0 && (buffer[byte: index - 1] == UInt8(ascii: " ") || buffer[byte: index - 1] == UInt8(ascii: "\t")) { index -= 1 }
        return index == 0 || [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"), UInt8(ascii: "\"")].contains(buffer[byte: index - 1])
    }

    /// The letters of the word that ends before `offset` (spaces between skipped; "a" in
    /// "OpenAI—a startup"); empty at the start.
    static func word(before offset: Int, in buffer: TextBuffer) -> String {
        var end = offset
        while end > 0 && (buffer[byte: end - 1] == UInt8(ascii: " ") || buffer[byte: end - 1] == UInt8(ascii: "\t")) { end -= 1 }
        var start = end
        while start > 0 && end - start < 40 && isWordByte(buffer[byte: start - 1]) { start -= 1 }
        // ASCII letters and digits: the last run of letters, read by bytes (the Character
        // split below took 4,500 instructions a call, callgrind, first 1,000 Reuters stories).
        if (start..<end).allSatisfy({ buffer[byte: $0] < 0x80 }) {
            let isLetter = { (byte: UInt8) in byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
            var lettersEnd = end
            while lettersEnd > start && !isLetter(buffer[byte: lettersEnd - 1]) { lettersEnd -= 1 }
            var lettersStart = lettersEnd
            while lettersStart > start && isLetter(buffer[byte: lettersStart - 1]) { lettersStart -= 1 }
            return buffer.string(lettersStart..<lettersEnd)
        }
        return buffer.string(start..<end).split { !$0.isLetter }.last.map(String.init) ?? ""
    }

    /// The longest run of the name's first words that the gazetteer knows ("Mistral AI"
    /// in the headline "Investment In Mistral AI Unveiled"); the whole name if none.
    private func knownPrefix(of range: Range<Int>, in buffer: TextBuffer) -> Range<Int> {
        let text = buffer.string(range)
        var words = text.splitting(at: " ")
        while words.count > 1 {
            words.removeLast()
            let prefix = words.joined(separator: " ")
            if gazetteer.entries[prefix] != nil { return range.lowerBound..<(range.lowerBound + prefix.utf8.count) }
        }
        return range
    }

    /// The name without leading articles and words that are no name ("Die Commerzbank" →
    /// "Commerzbank", "However Brightline" → "Brightline"); nil when nothing is left but
    /// such words and name adjectives ("Italian"), a role or a descriptor ("Konzern").
    private static func withoutNonNames(_ range: Range<Int>, in buffer: TextBuffer, grammar: EntityGrammar) -> Range<Int>? {
        var range = range
        var text = buffer.string(range)
        let isNonName = { (word: Substring) in
            let word = String(word)
            return grammar.nonNames.contains(word) || grammar.articles.contains(word) || grammar.isPlaceAdjective(word[...])
        }
        while let space = text.firstIndex(ofASCII: " "), isNonName(text[..<space]) {
            range = (range.lowerBound + text[...space].utf8.count)..<range.upperBound
            text = buffer.string(range)
        }
        let words = text.splitting(at: " ")
        let lower = text.lowercased()
        if words.allSatisfy({ isNonName($0) || grammar.partialNameWords.contains(String($0)) })
            || grammar.roleWords.contains(lower) || grammar.descriptorHeads.contains(lower)
            // A legal suffix alone is what is left of a name wrapped at a line end ("Vestar\nInc").
            || grammar.companySuffixes.contains(text) { return nil }
        return range
    }

    /// The name without a description before it ("Münchner Firma Quantix GmbH" → "Quantix
    /// GmbH", "Berliner Softwarefirma Quantix" → "Quantix"): the words up to the last
    /// descriptor noun are dropped, unless nothing would be left ("Deutsche Bank AG") or
    /// the gazetteer knows them as a name ("Deutsche Bank Research"). With the descriptor
    /// noun, lower-cased ("firma"), when one was dropped.
    private func withoutDescription(_ range: Range<Int>, in buffer: TextBuffer, grammar: EntityGrammar) -> (range: Range<Int>, head: String?) {
        let text = buffer.string(range)
        // A name of one word has no description before it: not split into an array of words,
        // 1.5 M instructions over the first 1,000 Reuters stories (callgrind).
        guard text.firstIndex(ofASCII: " ") != nil else { return (range, nil) }
        let words = text.splitting(at: " ")
        guard let index = words.dropLast().lastIndex(where: { grammar.descriptorHead(of: $0) != nil }),
              gazetteer.entries[String(text[..<words[index].endIndex])] == nil else { return (range, nil) }
        return ((range.lowerBound + text[..<words[index + 1].startIndex].utf8.count)..<range.upperBound, grammar.descriptorHead(of: words[index]))
    }

    /// The runs of two or more last words of a name, shorter than it ("Ortiz Mena" of
    /// "Antonio Ortiz Mena"); none for a name of two words.
    static func lastWords(of name: String) -> [String] {
        let words = name.splitting(at: " ")
        return words.count < 3 ? [] : (1..<(words.count - 1)).map { words[$0...].joined(separator: " ") }
    }

    /// The last word of a person's name when it can stand alone for them ("Lample").
    static func surname(of name: String, grammar: EntityGrammar?) -> String? {
        guard let surname = name.splitting(at: " ").last.map(String.init), surname.count >= 3, surname != name,
              !(grammar?.particles.contains(surname.lowercased()) ?? false) else { return nil }
        return surname
    }

    /// "Die Zentrix Robotik AG", "The Nordic Group": the article is not part of the name.
    private static func withoutArticle(_ range: Range<Int>, in buffer: TextBuffer, articles: Set<String>) -> Range<Int> {
        let text = buffer.string(range)
        guard let space = text.firstIndex(ofASCII: " "), articles.contains(String(text[..<space])) else { return range }
        return (range.lowerBound + text[...space].utf8.count)..<range.upperBound
    }

    /// A person the patterns read, without a role or title glued before the name
    /// ("Vorstandschef Roland Busch" is Roland Busch) nor leading words that are no name
    /// ("On Monday Jane Okafor"); nil when only the role is left, or one word after words
    /// that are no name ("On Monday Brightline" tells no person).
    private func person(at range: Range<Int>, in buffer: TextBuffer, grammar: EntityGrammar) -> Candidate? {
        var range = range
        var text = buffer.string(range)
        var droppedNonName = false
        while let space = text.firstIndex(ofASCII: " ") {
            let first = String(text[..<space])
            if grammar.nonNames.contains(first) || grammar.articles.contains(first) {
                droppedNonName = true
            } else if !grammar.isRole(first) {
                break
            }
            range = (range.lowerBound + text[...space].utf8.count)..<range.upperBound
            text = buffer.string(range)
        }
        // "Finance Secretary Jaime Ongpin", "Siemens-Chef Roland Busch": the words up to the
        // last role word are the role. The words are those of `text` throughout: split again
        // only when it changes.
        var words = text.splitting(at: " ")
        if let nameStart = grammar.nameStart(afterRoleIn: words) {
            let next = words[nameStart]
            range = (range.lowerBound + text[..<next.startIndex].utf8.count)..<range.upperBound
            text = buffer.string(range)
            words = text.splitting(at: " ")
        }
        guard !grammar.roleWords.contains(text.lowercased()), !(droppedNonName && !text.contains(" ")) else { return nil }
        // "Guillaume Faury d'Airbus a déclaré": a name with a particle that starts inside a run
        // of capitalised words ("Faury d'Airbus") is the end of one name and another's start.
        // A role, a title or a word that is no name may stand right before it ("Präsidentin
        // Ursula von der Leyen", "Selon Luc de la Tour"); where nouns are capitalised, any noun
        // may, unless an organisation follows the particle ("Roland Busch von Siemens sagte").
        let before = Self.word(before: range.lowerBound, in: buffer)
        // A given name before it ("Roland Busch von Siemens", "Guillaume Faury d'Airbus") opens
        // the person's name, which ends before the particle when the document also names what
        // follows it without one ("Siemens übernimmt ..."): that is where they work. Else it
        // may be a surname ("Jorge Braga de Macedo"), and the name is left to the rules below.
        if gazetteer.givenNames.contains(before), let particle = words.dropFirst().firstIndex(where: grammar.isParticle),
           let given = Self.wordAndStart(before: range.lowerBound, in: buffer), given.text == before,
           Self.isNamedAlone(Self.withoutParticle(words[particle...], grammar: grammar), in: buffer, grammar: grammar) {
            let person = given.start..<(range.lowerBound + text[..<words[particle - 1].endIndex].utf8.count)
            return Candidate(bytes: person, name: buffer.string(person), type: .person, source: .pattern)
        }
        if before.first?.isUppercase == true, !grammar.isRole(before), !grammar.nonNames.contains(before), !grammar.articles.contains(before),
           words.dropFirst().contains(where: grammar.isParticle),
           !grammar.compoundHeads || words.last.map({ gazetteer.entries[String($0)]?.type == .organization }) == true {
            return nil
        }
        if let entry = gazetteer.entries[text] { return Candidate(bytes: range, name: entry.name, type: entry.type, source: .gazetteer) }
        return Candidate(bytes: range, name: text, type: .person, source: .pattern)
    }

    /// The first word after the particles that open `words`, without an elided particle
    /// ("d'Airbus" → "Airbus").
    private static func withoutParticle(_ words: ArraySlice<Substring>, grammar: EntityGrammar) -> Substring {
        guard let word = words.first(where: { !grammar.particles.contains($0.lowercased()) }) else { return words.last ?? "" }
        return word.firstIndex(where: { $0 == "'" || $0 == "’" }).map { word[word.index(after: $0)...] } ?? word
    }

    /// Whether `word` stands in `buffer` somewhere after no particle: a name of its own, not
    /// only the end of a surname ("de Macedo").
    private static func isNamedAlone(_ word: Substring, in buffer: TextBuffer, grammar: EntityGrammar) -> Bool {
        guard !word.isEmpty else { return false }
        return occurrences(of: String(word), in: buffer).contains { start in
            let before = buffer.string(max(0, start - 3)..<start)
            return !before.hasSuffix("'") && !before.hasSuffix("’") && !grammar.isParticle(Substring(Self.word(before: start, in: buffer)))
        }
    }

    /// Names the patterns found, the surname of each person and the words before a
    /// company's trade ("Nordwind" of "Nordwind Robotics GmbH"), found again elsewhere in the
    /// document without a cue ("Lample", "Zentrix Robotics", "value Nordwind at").
    private func addShortForms(in buffer: TextBuffer, to found: inout MentionSet, grammar: EntityGrammar?, acronyms: [String: Candidate]) throws {
        var forms = acronyms
        var companyHeads = CompanyHeads()
        for candidate in found.sorted where candidate.source == .pattern || candidate.source == .context || (candidate.source == .gazetteer && candidate.type == .person) {
            let full = candidate.shortForm ?? buffer.string(candidate.bytes)
            if candidate.source != .gazetteer { forms[full] = forms[full] ?? candidate }
            if candidate.type == .person, let surname = Self.surname(of: full, grammar: grammar), gazetteer.entries[surname] == nil {
                forms[surname] = forms[surname] ?? candidate
            }
            if candidate.type == .organization, candidate.source != .gazetteer, let grammar { companyHeads.add(candidate, fullName: full, grammar: grammar, gazetteer: gazetteer) }
        }
        if let grammar {
            for (head, company) in companyHeads.unambiguous(in: buffer, grammar: grammar) where forms[head] == nil { forms[head] = company }
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
        for line in try Self.lines(holding: grammar.acronymInitials, in: buffer) {
            try pattern.forEachMatch(in: buffer, from: line.lowerBound, to: line.upperBound) { match in
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
        }
        return acronyms
    }

    /// The lines (without their line feeds) where `pattern` matches, in order. A pattern
    /// that every match of another ends with (the acronym's initials in brackets) tells which
    /// lines a scan for that one need read when its matches never cross a line: the whole
    /// text took the acronym scan 87,000 instructions a story where initials stand
    /// (callgrind, first 1,000 Reuters stories).
    static func lines(holding pattern: Pattern, in buffer: TextBuffer) throws -> [Range<Int>] {
        var lines: [Range<Int>] = []
        try pattern.forEachMatch(in: buffer) { match in
            if let last = lines.last, last.upperBound >= match.range.upperBound { return true }
            var start = match.range.lowerBound, end = match.range.upperBound
            while start > 0, buffer[byte: start - 1] != UInt8(ascii: "\n") { start -= 1 }
            while end < buffer.byteCount, buffer[byte: end] != UInt8(ascii: "\n") { end += 1 }
            lines.append(start..<end)
            return true
        }
        return lines
    }

    /// "the company", "the Paris-based startup": the organisation an apposition or a
    /// description before its name ("AI startup Wayve") described with the same noun (and
    /// most of the same modifiers); else, for one that opens a sentence with an apposition
    /// ("The company, founded in 2019, ...", "La compañía, fundada en 2019, ..."), the
    /// organisation named last in the sentence before, in the same paragraph, which such a
    /// sentence goes on to present; else the organisation the document names most often.
    private func addAnaphors(_ grammar: EntityGrammar, in document: TokenizedDocument, to found: inout MentionSet, described: [Description]) throws {
        let buffer = document.buffer
        guard let anaphor = grammar.anaphor else { return }
        let organizations = found.sorted.filter { $0.type == .organization }
        guard !organizations.isEmpty else { return }
        var descriptions = described
        if let descriptor = grammar.descriptor {
            for organization in organizations where organization.bytes.upperBound < buffer.byteCount && buffer[byte: organization.bytes.upperBound] == UInt8(ascii: ",") {
                if let match = try descriptor.anchoredMatch(in: buffer, at: organization.bytes.upperBound), let head = match["head"] {
                    descriptions.append((organization.name, buffer.string(head).lowercased(), Self.words(match["modifiers"].map(buffer.string) ?? "")))
                }
            }
        }
        // Ranked at the first anaphor that needs it: most stories have none (measured: 5.3 M
        // instructions over the first 1,000 Reuters stories when ranked for each story).
        var rankedNames: [String]?
        func ranking() throws -> [String] {
            if let rankedNames { return rankedNames }
            let investors = try Self.namedOnlyAsInvestors(organizations, in: document, investorCues: grammar.investorCues, startingAt: grammar.investorCueStarts)
            let ranked = EntitySalience.ranking(organizations.map(\.name).filter { !gazetteer.nonReferents.contains($0) && !investors.contains($0) })
            rankedNames = ranked
            return ranked
        }
        var anaphors: [PatternMatch] = []
        try anaphor.forEachMatch(in: buffer) { anaphors.append($0); return true }
        for match in anaphors {
            // "The European Investment Bank": a noun capitalised where the language writes
            // it in lower case is part of a name.
            let written = match["head"].map(buffer.string) ?? ""
            if written.first?.isUppercase == true && !grammar.writtenDescriptorHeads.contains(written) { continue }
            let head = written.lowercased()
            let candidates = descriptions.filter { $0.head == head }
            // The anaphor's words only choose between descriptions of its noun, and most
            // anaphors have one or none (measured: reading them for each took 3 M instructions
            // over the first 1,000 Reuters stories, callgrind).
            let modifiers = candidates.count > 1 ? Self.words(buffer.string(match.range)).subtracting([head]) : []
            let described = try candidates
                .max { lhs, rhs in
                    let left = lhs.modifiers.intersection(modifiers).count, right = rhs.modifiers.intersection(modifiers).count
                    return left != right ? left < right : (try ranking().firstIndex(of: lhs.name) ?? .max) > (try ranking().firstIndex(of: rhs.name) ?? .max)
                }
            if let name = try described?.name ?? Self.presentedBefore(match.range, in: document, organizations: organizations, nonReferents: gazetteer.nonReferents, investorCues: grammar.investorCues) ?? ranking().first {
                found.add(Candidate(bytes: match.range, name: name, type: .organization, source: .anaphor))
            }
        }
    }

    /// The organisation named last in the sentence before the one that the anaphor at
    /// `anaphor` opens with an apposition (a comma right after it), before the investors of a
    /// round that sentence names (`investorCues`), when both sentences stand in one
    /// paragraph; nil when the anaphor stands elsewhere ("..., the company said") or that
    /// sentence names none (news media aside).
    private static func presentedBefore(_ anaphor: Range<Int>, in document: TokenizedDocument, organizations: [Candidate], nonReferents: Set<String>, investorCues: Pattern?) -> String? {
        guard anaphor.upperBound < document.buffer.byteCount, document.buffer[byte: anaphor.upperBound] == UInt8(ascii: ","),
              let index = document.sentenceIndex(containing: anaphor.lowerBound), index > 0 else { return nil }
        let sentence = document.sentences[index].range, previous = document.sentences[index - 1].range
        let opening = document.buffer.string(sentence.lowerBound..<anaphor.lowerBound)
        guard opening.allSatisfy({ !$0.isLetter && !$0.isNumber }) else { return nil }
        let between = document.buffer.string(previous.upperBound..<sentence.lowerBound)
        guard between.filter({ $0 == "\n" }).count < 2 else { return nil }
        // The investors a round names come after the company it presents ("Cortexa ha chiuso
        // un round guidato da United Ventures. La società, fondata nel 2021, ..." is Cortexa).
        let investorsFrom = (try? investorCues?.firstMatch(in: document.buffer, from: previous.lowerBound, to: previous.upperBound))?.range.lowerBound
        let named = organizations.filter { organization in
            previous.contains(organization.bytes.lowerBound) && !nonReferents.contains(organization.name) && !continuesAName(organization.bytes, in: document.buffer)
        }
        return (named.last { $0.bytes.lowerBound < investorsFrom ?? previous.upperBound } ?? named.last)?.name
    }

    /// The names of `organizations` that the document names only as investors: each mention
    /// follows an investor cue in its sentence ("a round led by Sequoia Capital"). No anaphor
    /// stands for them when nothing else does: in "The startup raised $20 million in a round led
    /// by Sequoia Capital, the company said", the company is the unnamed startup.
    private static func namedOnlyAsInvestors(_ organizations: [Candidate], in document: TokenizedDocument, investorCues: Pattern?, startingAt starts: WordStartFilter?) throws -> Set<String> {
        guard let investorCues else { return [] }
        var cueStarts: [Int] = []
        try investorCues.forEachMatch(in: document.buffer, startingAt: starts) { cueStarts.append($0.range.lowerBound); return true }
        guard !cueStarts.isEmpty else { return [] }
        var investors = Set<String>(), others = Set<String>()
        for organization in organizations {
            let sentenceStart = document.sentenceIndex(containing: organization.bytes.lowerBound).map { document.sentences[$0].range.lowerBound } ?? 0
            let followsCue = cueStarts.contains { $0 >= sentenceStart && $0 < organization.bytes.lowerBound }
            if followsCue { investors.insert(organization.name) } else { others.insert(organization.name) }
        }
        return investors.subtracting(others)
    }

    /// Whether the name at `bytes` is the tail of a longer name the patterns split: a
    /// capitalised word stands right before it ("Comdata Network", "Purolator Courier"), or
    /// a short joiner after a capitalised word inside a sentence ("the Securities and
    /// Exchange Commission"; "Shares of Acme" opens a sentence).
    private static func continuesAName(_ bytes: Range<Int>, in buffer: TextBuffer) -> Bool {
        guard let joiner = wordAndStart(before: bytes.lowerBound, in: buffer), let first = joiner.text.first else { return false }
        if first.isUppercase { return true }
        guard joiner.text.count <= 3, joiner.text.allSatisfy(\.isLowercase), let name = wordAndStart(before: joiner.start, in: buffer),
              name.text.first?.isUppercase == true, let before = wordAndStart(before: name.start, in: buffer) else { return false }
        return !".!?:".contains(before.text.last ?? ".")
    }

    /// The word that ends right before the white space before byte `offset`, and where it starts.
    private static func wordAndStart(before offset: Int, in buffer: TextBuffer) -> (text: String, start: Int)? {
        var end = offset
        guard end > 0, Bytes.isSpace(buffer[byte: end - 1]) else { return nil }
        while end > 0, Bytes.isSpace(buffer[byte: end - 1]) { end -= 1 }
        var start = end
        while start > 0, !Bytes.isSpace(buffer[byte: start - 1]) { start -= 1 }
        return start < end ? (buffer.string(start..<end), start) : nil
    }

    /// The words of `text` lower-cased (letters, digits and hyphens), articles left out.
    static func words(_ text: String) -> Set<String> {
        let lower = text.lowercased()
        var words = Set<String>()
        if lower.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII text, read by bytes: the Character split took 16,000 instructions a call
            // (callgrind, first 1,000 Reuters stories).
            let bytes = Array(lower.utf8)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || !(isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "-")) {
                if start < end { words.insert(String(decoding: bytes[start..<end], as: UTF8.self)) }
                start = end + 1
            }
        } else {
            words = Set(lower.split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init))
        }
        return words.subtracting(["the", "a", "an"])
    }

    /// The name's range (`form` is its text), with the possessive after it only where it
    /// belongs ("Mistral's", "Reuters'", not "Mistral'").
    private static func withPossessive(_ name: Range<Int>, _ possessive: Range<Int>?, form: String) -> Range<Int> {
        guard let possessive else { return name }
        if possessive.count == 1 && !form.hasSuffix("s") { return name }
        return name.lowerBound..<possessive.upperBound
    }
}

/// What a document says an organisation is: its name, the descriptor noun ("startup")
/// and the words around it ("Paris-based"), so that an anaphor can pick it.
typealias Description = (name: String, head: String, modifiers: Set<String>)

/// A possible entity mention before overlaps are settled.
struct Candidate: Sendable {
    /// Where it was found, in order of trust when two overlap with the same extent:
    /// `context` is a name read only from the words around it ("Brightline said").
    enum Source: Int, Sendable { case anaphor, context, shortForm, pattern, gazetteer }

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
        // An insertion, the common case, builds no array for the replacement.
        if low == end { candidates.insert(candidate, at: low) } else { candidates.replaceSubrange(low..<end, with: [candidate]) }
    }

    var sorted: [Candidate] { candidates }
}
