/// The general entity patterns of one language, built from the word lists of
/// `Rules/entities/<lang>.yaml`: people after a role, title or list cue ("co-founder and
/// CEO Arthur Mensch", "founded by A, B, and C") or before a role ("Arthur Mensch, CEO of
/// ..."), companies before a legal suffix ("Acme Robotics Inc."), anaphors that stand for
/// an organisation ("the Paris-based startup") and appositions that describe one.
/// A class: each document's reading holds a reference, not a copy whose dozens of fields
/// are each retained and released (measured: about 1% of `extract` time in those copies).
final class EntityGrammar: Sendable {
    /// One scan for people and companies; groups: `role`, `roleOrg` and `roleHolder`, `after`, `title`, `list`,
    /// `listBefore`, `company`, `suffix`, `orgName`, `orgFront`, `orgAfter` (with `preHead`, the
    /// descriptor before it), `orgContext` (with `apposition` or `agentVerb`), `orgCued` (with `orgCuedMore`),
    /// `productBefore`.
    let names: Pattern
    /// The numbers of the groups of `names`, looked up once.
    let nameGroups: NameGroups
    /// Products named after a verb of launching or a noun for a kind of product (group
    /// `productCued`): a scan of its own, tried only where a cue word starts
    /// (`productStarts`), so that cue words as common as
    /// "announced" do not make `names` try all its branches there (measured: 0.45 s of
    /// 2.4 s on Reuters-21578 when the cues were a branch of `names`).
    let products: Pattern?
    let productStarts: WordStartFilter?
    /// Where a match of `names` may start: a capital or a role, title, cue or head word, and
    /// after a capital only where something a branch needs follows the name.
    let nameStarts: NameStartFilter
    /// A capitalised personal name (used to split a list of names).
    let personName: Pattern
    /// A capitalised organisation's name (used to split the list `orgCuedMore`).
    let organizationName: Pattern
    /// Phrases that stand for an organisation; group `head` is the noun.
    let anaphor: Pattern?
    /// Where the investors of a round start to be named ("led by", "guidato da", "con la
    /// partecipazione di"; `investor_cues`): an anaphor that presents the company of the
    /// sentence before stands for none of them.
    let investorCues: Pattern?
    /// What follows a verb of saying after a name only when the name is an organisation's
    /// (`organization_speech`: "Forstmann Little said it acquired Sybron"; a person says
    /// "he"): such a name, said nothing else of, is an organisation's, unless a role or a
    /// given name makes it a person's. Matched anchored right after the verb.
    let organizationSpeech: Pattern?
    /// Where a match of `investorCues` may start (the words they begin with; nil: anywhere):
    /// tried at every byte of a story, the cues cost the ranking of organisations for anaphors
    /// 5.4 M instructions over 1,000 Reuters stories, 4.0 M so (callgrind). Not so the anaphors:
    /// PCRE2 looks for their first letter faster than the filter reads words (25.8 M → 34.7 M).
    let investorCueStarts: WordStartFilter?
    /// Anchored after an organisation: ", a Paris-based AI startup" (an indefinite article); group `head`.
    let descriptor: Pattern?
    /// "<Capitalised Words> <org word> (<INITIALS>)"; groups `long` and `short`.
    let acronym: Pattern?
    /// The initials in brackets that end every match of `acronym` ("(CMA)"): only the lines
    /// that hold them are scanned for `acronym`, which has no literal for PCRE2 to look for
    /// first and so was tried at every capital (16 M instructions over the first 1,000
    /// Reuters stories, callgrind).
    let acronymInitials: Pattern
    /// Particles allowed inside names, lower-cased ("von", "der").
    let particles: Set<String>
    /// Capitalised words that never start a company's name ("The", "Die").
    let articles: Set<String>
    /// Capitalised words that are no name on their own ("However", "Monday", "Analysts"):
    /// a name the verb and cue branches find is dropped when it holds nothing else.
    let nonNames: Set<String>
    /// Capitalised words that may start a name but are none alone: adjectives ("British
    /// Airways", but "invested in Italian startups") and nouns for groups of people that news
    /// quotes ("Bankers Trust", but "Dealers said").
    let partialNameWords: Set<String>
    /// Endings of capitalised adjectives made from a place (`adjective_endings`:
    /// "Valencia-based", "Frankfurt-listed"): such a word is no name and starts none. With
    /// each ending's length in characters, counted once: counted at each check, they took
    /// 0.9 M instructions over the first 1,000 Reuters stories (callgrind).
    let adjectiveEndings: [(text: String, length: Int)]
    /// Role and title words, lower-cased: never the first word of a person's name
    /// ("Vorstandschef Roland Busch" is Roland Busch).
    let roleWords: Set<String>
    /// The roles of more than one word ("chief executive", "directeur général"), each as its
    /// lower-cased words: written with capitals before a name ("Chief Executive Daniel Ek"),
    /// they are no part of it, and their words alone are no roles ("General Dynamics").
    let roleWordSequences: [[String]]
    /// Nouns that describe an organisation, lower-cased ("startup", "konzern").
    let descriptorHeads: Set<String>
    /// The same nouns as the rules write them ("startup", "Firma"): where nouns are
    /// capitalised, one inside a capitalised run of words describes the name after it
    /// ("Münchner Firma Quantix GmbH"); a capitalised "Bank" in English is part of a name.
    let writtenDescriptorHeads: Set<String>
    /// Whether a descriptor may end a compound word ("Softwarefirma"): `compound_heads`.
    let compoundHeads: Bool
    /// Words that end an organisation's name ("Holdings", "Ventures") and legal suffixes:
    /// a name ending in one is no person ("Brightline Holdings said").
    let organizationEndings: Set<String>
    /// Legal suffixes ("Inc.", "GmbH"): a name ending in one is that company.
    let companySuffixes: Set<String>
    /// Words of a trade that end a company's name (`company_words`: "Robotics", "Airlines"),
    /// never an institution's ("Bank", "Ministry"): the words before them name the company
    /// alone too ("Nordwind" after "Nordwind Robotics GmbH").
    let companyWords: Set<String>
    /// Indefinite articles, lower-cased: "a startup Microsoft backed" describes no name.
    let indefiniteArticles: Set<String>
    /// The verbs after which names are people (`person_list_verbs`), lower-cased: "said"
    /// after one name alone ("Ferrovial Digital said") tells a person less surely than a
    /// verb only an organisation takes ("Ferrovial Digital to buy") tells an organisation.
    let personVerbs: Set<String>

    init(file: RuleFile) throws {
        let root = file.root
        let origin = RuleOrigin(file: file.path, line: 1)
        let particleWords = try root.strings("particles")
        particles = Set(particleWords.map { $0.lowercased() })
        articles = Set(try root.strings("articles"))
        nonNames = Set(try root.strings("non_names"))
        partialNameWords = Set(try root.strings("name_adjectives") + root.strings("group_nouns"))
        adjectiveEndings = try root.strings("adjective_endings").map { ($0, $0.count) }
        writtenDescriptorHeads = Set(try root.strings("descriptor_heads"))
        descriptorHeads = Set(writtenDescriptorHeads.map { $0.lowercased() })
        compoundHeads = root["compound_heads"]?.scalar == "true"
        indefiniteArticles = Set(try root.strings("indefinite_articles").map { $0.lowercased() })
        personVerbs = Set(try root.strings("person_list_verbs").map { $0.lowercased() })
        companySuffixes = Set(try root.strings("company_suffixes"))
        companyWords = Set(try root.strings("company_words"))
        organizationEndings = Set(try root.strings("org_words")).union(companySuffixes)
        roleWords = Set(try (root.strings("roles") + root.strings("titles")).map { $0.lowercased() })
        roleWordSequences = roleWords.map { $0.split(separator: " ").map(String.init) }.filter { $0.count > 1 }
        // A particle ending in an apostrophe joins the word after it ("Luc d'Aubigny",
        // "Giovanni dell'Acqua"); any other is a word of its own ("Ursula von der Leyen").
        // The particles of letters only are one trie before their white space, the others
        // each on its own: at every capital that starts a name PCRE2 tried the particles one by
        // one (measured: 4 M of the 116 M instructions of the name scan's tries over the first
        // 1,000 Reuters stories, a C harness replaying them under callgrind). When no particle
        // holds white space, at most one can be read at a point (what follows one of letters
        // only is white space, which no other holds there), so their order changes nothing.
        let spaced = particleWords.contains { $0.contains(where: \.isWhitespace) }
        let letterParticles = spaced ? [] : particleWords.filter { $0.allSatisfy(\.isLetter) }
        let particleAlternatives = (Self.alternation(letterParticles).map { ["\($0)\\h+"] } ?? [])
            + particleWords.filter { !letterParticles.contains($0) }.map { PatternText.escape($0) + ($0.hasSuffix("'") ? "\\h*" : "\\h+") }
        let particle = particleWords.isEmpty ? "" : "(?:\(particleAlternatives.joined(separator: "|")))*"
        // A name word: "Arthur", "Timothée", "McDonald", "Jean-Luc", "O'Neil", "O", an initial
        // "F."; not an acronym ("AI", "CEO"). Possessive quantifiers: a word is read one way.
        // The capital that starts every form is read once, before the forms: read at the head
        // of each, it cost 6% of the name scan (8 M of 136 M instructions over the first 1,000
        // Reuters stories, a C harness under callgrind).
        let word = "(?:\\p{Lu}(?:\\p{Ll}\\p{L}*+(?:-\\p{Lu}\\p{Ll}\\p{L}*+)?|'\\p{Lu}\\p{Ll}\\p{L}*+|\\.|(?![\\p{L}\\p{N}])))"
        // Particles stand after the first name ("Luc de la Tour", "Jan van der Berg"), and then
        // may stand again ("Sophie de La Rochefoucauld"); after two plain words a particle
        // starts what is no name ("Roland Busch von Siemens", "Guillaume Faury d'Airbus").
        // The space before the second word is read once for both ways (a word or a particle
        // starts with a letter, so only the whole run of spaces can be followed by one), and
        // a plain word, the common case, is tried first: a particle's way starts where no word
        // does, so at most one way can match and the order changes nothing. Another 4 M of the
        // name scan's 128 M (same harness).
        let tail = particle.isEmpty ? "(?:\\h+\(word)){1,3}" : "(?:\\h+(?:\(word)(?:\\h+\(word)){0,2}|(?!\(word))\(particle)\(word)(?:\\h+\(particle)\(word)){0,2}))"
        let name = "\(word)\(tail)(?![\\p{L}\\p{N}])"
        // Atomic: a name once read is never split another way, so lists of names cannot
        // backtrack without end over a run of capitalised words.
        let atomicName = "(?>\(name))"
        let joiners = try root.strings("conjunctions").map(PatternText.escape).joined(separator: "|")
        let roles = try Self.alternation(root.strings("roles"))
        let titles = try Self.alternation(root.strings("titles"))
        let cueDate = try root["person_list_cue_dates"]?.string()
        let cueContractions = try root.pairs("person_list_cue_contractions").map { ($0.key, try $0.value.list().map { try $0.string() }) }
        let cues = try Self.cueAlternation(root.strings("person_list_cues"), date: cueDate, contractions: Dictionary(cueContractions, uniquingKeysWith: +))
        let suffixes = try Self.alternation(root.strings("company_suffixes"))
        // A word of a company's name: "Zentrix", "AT&T", "O'Reilly"; a possessive is not part of it.
        let companyWord = "\\p{Lu}[\\p{L}\\p{N}&-]*+(?:'\\p{Lu}[\\p{L}\\p{N}]*+)?"
        let orgCues = try root.strings("org_cues")
        // The words that the branches for roles, titles, cues and descriptors start with (the
        // other branches start with a capital). A cue a date may split ("creada en 2020 por")
        // starts with its words before the last.
        let cueStarts = try root.strings("person_list_cues").map { cue in cueDate == nil ? cue : cue.lastIndex(of: " ").map { String(cue[..<$0]) } ?? cue }
        let leadWords = try ["roles", "titles", "descriptor_heads", "nationality_nouns", "org_prefix_words"].flatMap { try root.strings($0) } + cueStarts
            + orgCues.flatMap(PatternText.literalStarts)
            // A compound head may follow any letters ("softwarefirma"): every word may start one.
            + (compoundHeads ? [""] : [])
        // Whether one of the lead words starts the text is read once, before the branches, into
        // the empty group `leadWord`, and a branch that starts with one is tried only when it is
        // set: most tries are at capitals that start none, where PCRE2 tried each such branch in
        // turn (measured: 9 M of the 106 M instructions the name scan's tries took over the first
        // 1,000 Reuters stories, a C harness replaying them under callgrind). The check is the
        // branches' own words (case folded; titles, which are not, only let more through), so no
        // branch that could match is skipped. Not where every word may start one.
        let leadCheck = leadWords.contains("") ? "" : "(?>(?=(?i:\(PatternText.alternation(leadWords, bounded: false, foldCase: false))))(?<leadWord>)|)"
        func leadBranch(_ branch: String) -> String {
            leadCheck.isEmpty ? branch : "(?(<leadWord>)\(branch)|(*FAIL))"
        }
        var branches: [String] = []
        if let cues, !joiners.isEmpty {
            // A name may have an apposition before the next: "founded by A, a former Google
            // engineer, and B" (lower case after the comma, up to the next comma).
            let apposition = "(?:,\\h+(?=\\p{Ll})[^\\n.;,!?]{1,80}?(?=\\h*,))?"
            let description = Self.descriptionBeforeNames(nouns: try root.strings("person_description_nouns"), joiners: joiners, word: "[\\p{L}\\p{N}'’&-]++")
            // After a cue that ends in an elided article ("fondata dall'imprenditore"), no space.
            branches.append(leadBranch("(?i:\(cues))(?:\\h+|(?<=['’]))\(description)(?<list>\(Self.list(of: atomicName, joiners: joiners, apposition: apposition)))"))
        }
        if let verbs = try Self.alternation(root.strings("person_list_verbs")), !joiners.isEmpty {
            branches.append("(?<listBefore>\(Self.list(of: atomicName, joiners: joiners)))\\h+(?i:\(verbs))\\b")
        }
        if let roles {
            let roleChain = "(?i:(?:\(roles))(?:\\h+(?:\(joiners.isEmpty ? "and" : joiners))\\h+(?:\(roles)))*)"
            // "founders Zach Abrams and Sean Yu": a role may introduce a list of names.
            let roleNames = joiners.isEmpty ? atomicName : Self.list(of: atomicName, joiners: joiners)
            // Or "the CEO of Microsoft, Satya Nadella", "el consejero delegado de Telefónica, José
            // María Álvarez-Pallete", "the founders of Lumora, Priya Raman and Tomasz Nowak":
            // the organisation, then the people (one branch: the role words are read once).
            let roleOf = try Self.alternation(root.strings("role_prepositions")).map { prepositions in
                "|(?i:\(prepositions))\\h*(?<roleOrg>(?>\(companyWord)(?:\\h+(?:&\\h+)?\(companyWord)){0,3})),\\h+(?<roleHolder>\(roleNames))"
            } ?? ""
            // A comma may stand after the role where the names are an apposition that a comma
            // or the sentence's end closes ("Quantix's founders, Anna Berg and Luc Tour, said",
            // "explicó su consejero delegado, Juan Pérez.").
            branches.append(leadBranch("\(roleChain)(?:,(?=\\h+\(roleNames)(?:,|\\h*[.;]|\\h*$)))?\\h+(?:(?<role>\(roleNames))\(roleOf))"))
            let article = try Self.alternation(root.strings("apposition_articles")).map { "(?:(?i:\($0))\\h*)?" } ?? ""
            branches.append("(?<after>\(atomicName)),\\h+\(article)\(roleChain)\\b")
        }
        // After a title one word is a name ("Mr. Okafor", "President Macron").
        if let titles { branches.append(leadBranch("(?:\(titles))\\h+(?<title>(?>\(word)\(tail)?)(?![\\p{L}\\p{N}]))")) }
        // Up to four capitalised words and what ends them: a legal suffix (`company`, with
        // `suffix`) or, from `org_words`, a word such as "Ventures" or "Labs" ("Index Ventures":
        // `orgName`), in this order. Both are tried only where a cheap look finds such an end
        // after one to four runs of letters (no white space, no comma) joined by spaces, each
        // after the first starting as a capital may: a name they read is such runs, since a
        // company word holds neither a space nor a comma and is followed by one, so the look
        // never misses one. Reading the words with Unicode classes in both, at every capital,
        // cost 13 M of the name scan's 122 M instructions more (first 1,000 Reuters stories, a
        // C harness under callgrind).
        // The look reads the spaces after each run once and then one trie of every word that
        // may stand there (suffixes and org words; after a comma, suffixes only), the next run
        // nested inside: a lazy repeat of the runs before two tries, each reading the spaces
        // again, cost 10 M instructions more over the same tries (the harness replaying the
        // name scan's tries of the first 1,000 Reuters stories). A look only says whether an end
        // exists, so the order it tries them in changes no match.
        // A word such as "Banco", "Gruppo", "Groupe" before the name (`org_prefix_words`, as
        // Spanish, Italian and French write them), perhaps joined by a preposition: "Banco
        // Santander", "Banca d'Italia", "Banque de France" (`orgFront`).
        let prefixWordList = try root.strings("org_prefix_words")
        let prepositions = try root.strings("role_prepositions").map { $0.hasSuffix("'") ? PatternText.escape(String($0.dropLast())) + "['’]" : PatternText.escape($0) + "\\h+" }
        // A title after the name starts a person's: "the Bank of Japan Governor Satoshi Sumita".
        let notTitle = titles.map { "(?!(?:\($0))(?![\\p{L}\\p{N}]))" } ?? ""
        if let prefixWords = Self.alternation(prefixWordList) {
            let joint = prepositions.isEmpty ? "" : "(?:\(prepositions.joined(separator: "|")))?"
            branches.append(leadBranch("(?<orgFront>(?:\(prefixWords))\\h+\(joint)\(notTitle)\(companyWord)(?:\\h+\(notTitle)\(companyWord)){0,2})(?![\\p{L}\\p{N}])"))
        }
        var runBranches: [String] = []
        if let suffixes {
            runBranches.append("(?<company>\(companyWord)(?:\\h+\(companyWord)){0,3}),?\\h+(?<suffix>\(suffixes))(?![\\p{L}\\p{N}])")
        }
        // Organisations the gazetteer does not know: a name ending in a word such as
        // "Ventures" or "Labs" ("Index Ventures"), a name after a descriptor ("AI startup
        // Poolside", "la startup francese Wayve"), a name before an apposition that describes it ("Poolside, a Paris-based
        // startup").
        // "Hellman & Friedman": an ampersand joins two words of one name.
        let capitalisedName = "\(companyWord)(?:\\h+(?:&\\h+)?\(companyWord)){0,3}"
        // An org word that may also open a name (English "Bank", "University") takes what a
        // preposition joins to it, up to three capitalised words that are no title: "Union
        // Bank of Switzerland", "the Federal Reserve Bank of New York", not "Union Bank" and
        // the place, nor the `orgFront` "Bank of Switzerland" inside the name.
        let orgWordList = try root.strings("org_words")
        let closingOnly = Self.alternation(orgWordList.filter { !prefixWordList.contains($0) })
        let opensToo = Self.alternation(orgWordList.filter(prefixWordList.contains)).map { words in
            prepositions.isEmpty ? words : "(?:\(words))(?:\\h+(?:\(prepositions.joined(separator: "|")))\(notTitle)\(companyWord)(?:\\h+\(notTitle)\(companyWord)){0,2})?"
        }
        let endingWords = [closingOnly, opensToo].compactMap { $0 }
        let orgWords = endingWords.isEmpty ? nil : endingWords.joined(separator: "|")
        if let orgWords {
            runBranches.append("(?<orgName>\(companyWord)(?:\\h+\(companyWord)){0,3}\\h+(?:\(orgWords)))(?![\\p{L}\\p{N}])")
        }
        if let endWords = try Self.alternation(root.strings("company_suffixes") + root.strings("org_words")) {
            let run = "[^\\h\\v,]++"
            let afterComma = suffixes.map { ",\\h++\($0)|" } ?? ""
            // What may follow the fourth run, then each run before it.
            var end = "(?:\(afterComma)\\h++\(endWords))"
            for _ in 1...3 {
                end = "(?:\(afterComma)\\h++(?:\(endWords)|(?=[A-Z\\x{80}-\\x{10FFFF}])\(run)\(end)))"
            }
            branches.append("(?=\(run)\(end))(?:\(runBranches.joined(separator: "|")))")
        }
        let appositionArticles = try Self.alternation(root.strings("apposition_articles"))
        // An adjective after a noun is no preposition ("la empresa en España").
        let notPreposition = try Self.alternation(root.strings("prepositions")).map { "(?!(?:\($0))(?![\\p{L}\\p{N}]))" } ?? ""
        // A nationality as a noun right after an article (`nationality_nouns`) describes the
        // name after it as a descriptor does: "l'allemand Kabelwerk Nord", "la alemana
        // Kabelwerk Nord"; not after another noun ("le président américain Donald Trump").
        let nationalityArticles = try root.strings("apposition_articles").map { article in
            "(?<![\\p{L}\\p{N}])(?i:\(PatternText.escape(article.hasSuffix("'") ? String(article.dropLast()) : article)))" + (article.hasSuffix("'") ? "['’]" : "\\h")
        }
        let nationalities = try Self.alternation(root.strings("nationality_nouns")).map { "|(?<=\(nationalityArticles.joined(separator: "|")))(?:\($0))" } ?? ""
        // Where adjectives follow the noun (`adjectives_after_noun: true`): "la startup francese Wayve".
        let adjectives = root["adjectives_after_noun"]?.scalar == "true" ? "(?:\\h+\(notPreposition)\\p{Ll}[\\p{L}-]*+){0,2}?" : ""
        // Then what it makes or does (`descriptor_complements`): "le fabricant de
        // batteries Northvolt", "el fabricante de chips Nvidia".
        let complements = try root.strings("descriptor_complements").map { PatternText.escape($0) + ($0.hasSuffix("'") ? "\\h*" : "\\h+") }
        let complement = complements.isEmpty ? "" : "(?:\\h+(?:\(complements.joined(separator: "|")))(?:\\p{Ll}[\\p{L}-]*+\\h+){0,2}?\\p{Ll}[\\p{L}-]*+)?"
        if let heads = try Self.alternation(root.strings("descriptor_heads")).map({ $0 + nationalities }) {
            // Where nouns compound (`compound_heads: true`): "US-Softwarefirma Altair".
            let compound = compoundHeads ? "\\p{L}*?" : ""
            // Where a noun takes a case ending (`descriptor_head_endings`): "die Mehrheit des
            // US-Softwareanbieters Altair".
            let ending = try Self.alternation(root.strings("descriptor_head_endings")).map { "(?:\($0))?" } ?? ""
            branches.append(leadBranch("(?i:\(compound)(?<preHead>\(heads))\(ending))\(adjectives)\(complement)\\h+(?<orgAfter>\(capitalisedName))(?![\\p{L}\\p{N}])"))
        }
        // A name after a phrase that only an organisation follows ("acquired Brightline",
        // "invest $500 million in Wayve"): the name is in a lookahead, so the scan goes on
        // at the name and a suffix or org word there still reads the longer name.
        if !orgCues.isEmpty {
            // "led by Index Ventures and Accel": the names listed after the first (group
            // `orgCuedMore`) are organisations too.
            let cued = "(?>\(capitalisedName))(?![\\p{L}\\p{N}])"
            let more = joiners.isEmpty ? "" : "(?<orgCuedMore>(?:\\h*,\\h*\(cued))*\\h*,?\\h+(?:\(joiners))\\h+\(cued))?"
            // A cue that ends in an elided article joins the name: "le rachat d'Axa", "l'acquisizione dell'Ilva".
            branches.append(leadBranch("(?i:\(orgCues.map { "(?:\($0))" }.joined(separator: "|")))(?:\\h+|(?<=['’]))(?=(?<orgCued>\(cued))\(more))"))
        }
        // A product's name: capitalised words that may end in a version ("Llama 3", "GPT-4o");
        // a dot only inside a word ("v1.5", "Node.js"), never the sentence's full stop.
        let productWord = "\\p{Lu}(?:[\\p{L}\\p{N}&+-]|\\.(?=[\\p{L}\\p{N}]))*+"
        let productName = "(?>\(productWord)(?:\\h+(?:\(productWord)|[0-9](?:[\\p{L}\\p{N}]|\\.(?=[\\p{L}\\p{N}]))*+)){0,3})"
        // A product named after a verb of launching ("unveiled the Vision Pro", "a lancé Le
        // Chat"; `product_cues`).
        // Or after a noun for the kind of product, after a possessive ("son nouveau robot
        // Orion"; `product_kind_cues`): the noun describes the name, so a verb after it
        // ("son nouveau robot Orion sera livré") is no sign of a clause.
        let productCues = try root.strings("product_cues")
        let productKindCues = try root.strings("product_kind_cues")
        if !productCues.isEmpty || !productKindCues.isEmpty {
            // A name a verb follows is the subject of a clause ("announced Daiwa would
            // ..."), no product (`product_clause_words`).
            let clause = try Self.alternation(root.strings("product_clause_words")).map { "(?!\\h+(?i:\($0))(?![\\p{L}\\p{N}]))" } ?? ""
            let cues = (productCues.isEmpty ? [] : ["(?<verbCue>\(productCues.map { "(?:\($0))" }.joined(separator: "|")))"]) + productKindCues.map { "(?:\($0))" }
            let product = "\(productName)(?![\\p{L}\\p{N}])\(productCues.isEmpty || clause.isEmpty ? "" : "(?(<verbCue>)\(clause))")"
            products = try Pattern("(?<![\\p{L}\\p{N}])(?i:\(cues.joined(separator: "|")))\\h+(?=(?<productCued>\(product)))", origin: origin)
            productStarts = WordStartFilter(capitals: false, prefixes: (productCues + productKindCues).flatMap(PatternText.literalStarts))
        } else {
            products = nil
            productStarts = nil
        }
        // Where the verb comes last ("hat am Montag Le Chat vorgestellt"; `product_verbs_after`):
        // a name right before such a verb, with no determiner before it (`product_determiners`:
        // "seine Zahlen vorgestellt" names no product).
        let productVerbsAfter = try root.strings("product_verbs_after")
        if !productVerbsAfter.isEmpty {
            let determiners = try root.strings("product_determiners").map { "(?<!\\b\(PatternText.escape($0))\\h)" }.joined()
            branches.append("\(determiners)(?<productBefore>\(productName))(?=\\h+(?i:\(productVerbsAfter.map { "(?:\($0))" }.joined(separator: "|")))(?![\\p{L}\\p{N}]))")
        }
        // A name before an apposition that describes it ("Poolside, a Paris-based startup",
        // group `apposition`) or before a verb that only an organisation (or a person named in
        // full elsewhere) takes ("Brightline said", "Nexi ha annunciato"; group `agentVerb`):
        // one branch, so the name is read once. After the suffix, org-word, person and cue
        // branches, which read the name first ("Investment In Mistral AI Unveiled" is a
        // cue); the verb is in a lookahead, so a cue after the name ("was founded by A, B
        // and C") is still read.
        var afterName: [String] = []
        var appositions: [String] = []
        if let heads = try Self.alternation(root.strings("descriptor_heads")), let appositionArticles {
            // Where adjectives follow the noun, the apposition may go without its article
            // when an adjective follows and a comma closes it ("Volvex, startup torinese della
            // robotica, ha chiuso"; the noun as written in lower case).
            let bare = adjectives.isEmpty ? "" : "|(?:\(heads))\\h+\(notPreposition)\\p{Ll}[^,.;:!?\\n]{0,60}+,"
            appositions.append("(?i:\(appositionArticles))\\h*(?:[\\p{L}\\p{N}-]+\\h+){0,4}?(?i:\(heads))(?![\\p{L}\\p{N}])\(bare)")
        }
        // An apposition that only an organisation takes: "Neovolt, founded in 2021 by ...";
        // in a lookahead, so that the founders' list after it is still read.
        appositions += try root.strings("apposition_cues").map { "(?=(?i:\($0)))" }
        if !appositions.isEmpty {
            afterName.append("(?<apposition>,\\h+(?:\(appositions.joined(separator: "|"))))")
        }
        // Verbs as words, and `org_phrases` as patterns ("wurde 2021 von A und B gegründet").
        let agentVerbs = try [Self.alternation(root.strings("org_verbs"))].compactMap { $0 } + root.strings("org_phrases").map { "(?:\($0))" }
        if !agentVerbs.isEmpty {
            afterName.append("(?=\\h+(?<agentVerb>(?i:\(agentVerbs.joined(separator: "|"))))(?![\\p{L}\\p{N}]))")
        }
        if !afterName.isEmpty {
            // A name right after a word that introduces a place (`place_prepositions`: "die Quorix
            // GmbH aus Leipzig meldete") is the place, which the verb after it does not make an
            // organisation.
            let notAfterPlaceWord = try root.strings("place_prepositions").map { "(?<!(?<![\\p{L}\\p{N}])(?i:\(PatternText.escape($0)))\\h)" }.joined()
            branches.append("\(notAfterPlaceWord)(?<orgContext>(?>\(capitalisedName)))(?:\(afterName.joined(separator: "|")))")
        }
        guard !branches.isEmpty else { throw RuleError(origin: origin, message: "no entity patterns: give roles, titles, person_list_cues or company_suffixes") }
        // Every branch starts a word: the lookbehind keeps PCRE2 from trying each branch
        // inside words. When every branch also starts with a letter (a capital, or a listed
        // word that starts with one), the lookahead of the bytes a letter can start with
        // gives PCRE2 a start bitmap, so it skips spaces, digits and punctuation without
        // trying the branches there.
        let letterStart = leadWords.allSatisfy { $0.first?.isLetter == true } ? "(?=[A-Za-z\\x{80}-\\x{10FFFF}])" : ""
        names = try Pattern("(?<![\\p{L}\\p{N}])\(letterStart)\(leadCheck)(?:\(branches.joined(separator: "|")))", origin: origin)
        nameGroups = NameGroups(names)
        // What the branches that start with a name read after it: after white space, a verb
        // (`listBefore`, `agentVerb`, `productBefore`), a joiner or particle of a longer name,
        // a suffix or org word; after a comma, an apposition, a role or a suffix.
        let afterSpace = try ["person_list_verbs", "org_verbs", "conjunctions", "company_suffixes", "org_words", "particles"].flatMap { try root.strings($0) }
            + ["&"] + (try root.strings("org_phrases") + root.strings("product_verbs_after")).flatMap(PatternText.literalStarts)
        let afterComma = try ["apposition_articles", "roles", "descriptor_heads", "company_suffixes"].flatMap { try root.strings($0) }
            + (try root.strings("apposition_cues")).flatMap(PatternText.literalStarts)
        nameStarts = NameStartFilter(leadWords: leadWords, afterSpace: afterSpace, afterComma: afterComma)
        personName = try Pattern(atomicName, origin: origin)
        organizationName = try Pattern("(?<![\\p{L}\\p{N}])(?>\(capitalisedName))(?![\\p{L}\\p{N}])", origin: origin)
        let acronymJoiners = try Self.alternation(root.strings("acronym_joiners")).map { "(?:(?:\($0))\\h+)?" } ?? ""
        let capitalised = "\\p{Lu}[\\p{Ll}\\p{Lu}&-]*+"
        // Only names of bodies ("... Commission (FTC)"), not of things ("Large Language Model (LLM)").
        acronymInitials = try Pattern(#"\(\p{Lu}{2,8}\)"#, origin: origin)
        acronym = try orgWords.map { words in
            try Pattern("(?<![\\p{L}\\p{N}])(?<long>\(capitalised)(?:\\h+\(acronymJoiners)\(capitalised)){0,5}\\h+\(acronymJoiners)(?:\(words)))\\h+\\((?<short>\\p{Lu}{2,8})\\)", origin: origin)
        }
        organizationSpeech = try root["organization_speech"].map { try $0.pattern(caseless: true) }
        let anaphors = try root.list("anaphors")
        // Not before a name: "the startup Wayve", "die US-Firma Altair", "la fintech allemande
        // Concardis", "la società valenciana di software cloud Nubalia" describe the name
        // that follows.
        let investorCueList = try root.strings("investor_cues")
        investorCues = investorCueList.isEmpty ? nil : try Pattern("(?<![\\p{L}\\p{N}])(?:\(investorCueList.map { "(?:\($0))" }.joined(separator: "|")))(?![\\p{L}\\p{N}])", caseless: true, origin: root["investor_cues"]?.origin ?? origin)
        anaphor = anaphors.isEmpty ? nil : try Pattern("(?:\(anaphors.map { try $0.string() }.map { "(?:\($0))" }.joined(separator: "|")))(?!\(adjectives)\(complement)\\h+\\p{Lu})", caseless: true, origin: anaphors[0].origin)
        investorCueStarts = investorCues.flatMap(Self.wordStarts)
        // An indefinite apposition describes ("Poolside, a startup"); a definite one only with
        // words before its noun ("Wayve, the London-based startup"): "Sequoia, the company
        // said" is a subject.
        if let heads = try Self.alternation(root.strings("descriptor_heads")), let indefinite = try Self.alternation(root.strings("indefinite_articles")) {
            let definite = appositionArticles.map { "|(?:\($0))\\h*(?<modifiers>(?:[\\p{L}\\p{N}-]+\\h+){1,4}?)" } ?? ""
            descriptor = try Pattern(",\\h+(?|(?:\(indefinite))\\h*(?<modifiers>(?:[\\p{L}\\p{N}-]+\\h+){0,4}?)\(definite))(?<head>\(heads))\\b", caseless: true, origin: origin)
        } else {
            descriptor = nil
        }
    }

    /// Where a match of `pattern` (caseless, every match starting where no letter or digit
    /// precedes) may start: the words its text begins with; nil when its text does not tell.
    private static func wordStarts(of pattern: Pattern) -> WordStartFilter? {
        PatternPrefixes.of(pattern.source, caseless: true).map { WordStartFilter(capitals: false, prefixes: $0) }
    }

    /// Where a person's name begins in `words` that hold a role: the index of the word after the
    /// last role word or role of several words, when a word follows it ("Spotify Chief
    /// Executive Daniel Ek" → "Daniel", "Siemens-Chef Roland Busch" → "Roland"); nil without one.
    func nameStart(afterRoleIn words: [Substring]) -> Int? {
        var start: Int?
        for index in words.indices.dropLast() {
            if isRole(words[index]) { start = index + 1 }
            let first = words[index].lowercased()
            for sequence in roleWordSequences where sequence[0] == first && index + sequence.count < words.count
                && zip(words[(index + 1)...], sequence.dropFirst()).allSatisfy({ $0.lowercased() == $1 }) {
                start = max(start ?? 0, index + sequence.count)
            }
        }
        return start
    }

    /// Whether `word` is a role or title, alone or after a hyphen ("Chef", "Siemens-Chef").
    func isRole<Word: StringProtocol>(_ word: Word) -> Bool where Word.SubSequence == Substring {
        roleWords.contains(word.lowercased()) || word.splitting(at: "-").last.map { roleWords.contains($0.lowercased()) } == true
    }

    /// Whether `word` of a name is a particle or starts with one that ends in an apostrophe
    /// ("von", "d'Aubigny").
    func isParticle(_ word: Substring) -> Bool {
        particles.contains(word.lowercased()) || particles.contains { $0.hasSuffix("'") && word.hasPrefix($0) && word.count > $0.count }
    }

    /// Whether `word` is an adjective made from a place ("Valencia-based"): `adjective_endings`.
    func isPlaceAdjective(_ word: Substring) -> Bool {
        // The word's length once, not once an ending (4,100 instructions a call, callgrind).
        let length = word.count
        return adjectiveEndings.contains { length > $0.length && word.hasSuffix($0.text) }
    }

    /// The descriptor, lower-cased, that a word of a capitalised name is as the rules write
    /// it ("Firma", "US-Firma", "Softwarefirma" where nouns compound: "firma"); nil for none.
    func descriptorHead(of word: Substring) -> String? {
        if writtenDescriptorHeads.contains(String(word)) { return word.lowercased() }
        // The part after the last hyphen ("US-Firma"); a word without one was looked up whole.
        if word.utf8.contains(UInt8(ascii: "-")), let last = word.splitting(at: "-").last.map(String.init), writtenDescriptorHeads.contains(last) {
            return last.lowercased()
        }
        guard compoundHeads else { return nil }
        let lower = word.lowercased()
        return descriptorHeads.filter { lower.count > $0.count && lower.hasSuffix($0) }.max { $0.count < $1.count }
    }

    /// The words as one trie-shaped alternation, case kept (a step per character, not a
    /// try per word; longer words before their prefixes); nil for none.
    /// `item`s in a row, joined by commas and, before the last, perhaps by one of `joiners`
    /// ("A, B and C", "A, B, and C"); `apposition` (a pattern, optional in itself) may stand
    /// before each comma or joiner that follows an item. Lists of names here and the
    /// `{people}` and `{lead}` lists of the claim rules.
    static func list(of item: String, joiners: String, apposition: String = "") -> String {
        "\(item)(?:\(apposition)\\h*,\\h*\(item))*(?:\(apposition)\\h*,?\\h+(?:\(joiners))\\h+\(item))?"
    }

    /// What may stand between a cue and the names it lists: a description in lower case
    /// that ends in one of `nouns` ("founded by former Google engineers A and B", "fondée par
    /// l'entrepreneur A", "por el empresario A"), of up to three `word`s before the noun, the
    /// first in lower case and none a joiner, so "by A and engineer B" keeps A. Optional;
    /// empty when the language lists no nouns.
    static func descriptionBeforeNames(nouns: [String], joiners: String, word: String) -> String {
        guard let nouns = alternation(nouns) else { return "" }
        let notJoiner = joiners.isEmpty ? "" : "(?!(?:\(joiners))\\h)"
        return "(?:(?:\\p{Ll}[\\p{L}'’-]*+\\h+(?:\(notJoiner)\(word)\\h+){0,2}?)?(?:\\p{Ll}+['’])?(?:\(nouns))\\h+)?"
    }

    static func alternation(_ words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        return PatternText.alternation(words, bounded: false, foldCase: false)
    }

    /// The person list cues as one alternation; with a `date` pattern, a date may stand
    /// before a cue's last word ("founded in 2021 by", "gegründet 2021 von"). A last word may
    /// also be written with an article joined to it (`contractions`: Italian "da" → "dal",
    /// "dalla", "dall'"), which ends the cue without a space. Nil for none.
    static func cueAlternation(_ cues: [String], date: String?, contractions: [String: [String]] = [:]) -> String? {
        guard date != nil || !contractions.isEmpty else { return alternation(cues) }
        // The cues by their last word: "(?:founded|co-founded)(?:\h+(?:date))?\h+by".
        var byLast: [String: [String]] = [:]
        var whole: [String] = []
        for cue in cues {
            guard let space = cue.lastIndex(of: " ") else { whole.append(cue); continue }
            byLast[String(cue[cue.index(after: space)...]), default: []].append(String(cue[..<space]))
        }
        let beforeLast = date.map { "(?:\\h+(?:\($0)))?\\h+" } ?? "\\h+"
        let split = byLast.keys.sorted().compactMap { last in
            alternation(byLast[last]!).map { "\($0)\(beforeLast)\(contractions[last].flatMap { alternation([last] + $0) } ?? PatternText.escape(last))" }
        }
        let all = split + (alternation(whole).map { [$0] } ?? [])
        return all.isEmpty ? nil : all.map { "(?:\($0))" }.joined(separator: "|")
    }


    /// `core` as a whole word, not followed by "-<digits>" (a model name such as
    /// "Mistral-7B") nor by "$" (a currency prefix such as "US$"), with an optional
    /// possessive in group `possessive`.
    static func bounded(_ core: String) -> String {
        "(?<![\\p{L}\\p{N}])\(core)(?![\\p{L}\\p{N}$]|-[\\p{L}\\p{N}]*[0-9])(?<possessive>'s(?![\\p{L}])|'(?![\\p{L}]))?"
    }
}

/// The numbers of the groups of ``EntityGrammar/names`` (nil: the language's pattern has no
/// such branch), so that reading a match hashes no group name.
struct NameGroups: Sendable {
    let list, listBefore, role, roleOrg, roleHolder, after, title, company, suffix: Int?
    let orgName, orgFront, orgAfter, preHead, orgContext, agentVerb, orgCued, orgCuedMore, productBefore: Int?

    init(_ names: Pattern) {
        list = names.groupNumber("list")
        listBefore = names.groupNumber("listBefore")
        role = names.groupNumber("role")
        roleOrg = names.groupNumber("roleOrg")
        roleHolder = names.groupNumber("roleHolder")
        after = names.groupNumber("after")
        title = names.groupNumber("title")
        company = names.groupNumber("company")
        suffix = names.groupNumber("suffix")
        orgName = names.groupNumber("orgName")
        orgFront = names.groupNumber("orgFront")
        orgAfter = names.groupNumber("orgAfter")
        preHead = names.groupNumber("preHead")
        orgContext = names.groupNumber("orgContext")
        agentVerb = names.groupNumber("agentVerb")
        orgCued = names.groupNumber("orgCued")
        orgCuedMore = names.groupNumber("orgCuedMore")
        productBefore = names.groupNumber("productBefore")
    }
}
