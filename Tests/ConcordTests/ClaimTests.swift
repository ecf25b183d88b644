import Testing
@testable import Concord

@Suite struct ClaimTests {
    /// Every example of every claim rule file: `match` sentences yield a claim of the file's
    /// predicate with the expected parties and sums; `no_match` sentences yield none.
    @Test(arguments: RuleExample.all(in: "claims"))
    func ruleExample(_ example: RuleExample) throws {
        let file = try #require(Fixtures.rules.allFiles.first { $0.path == example.origin.file })
        guard let predicate = file.root["predicate"]?.scalar else {
            // rounds.yaml: a round as written → its canonical name; no_match texts name no round.
            let rounds = try RoundNames(file: file)
            let named = rounds.names.first { (try? $0.pattern.anchoredMatch(in: TextBuffer(example.text), at: 0))?.range.upperBound == example.text.utf8.count }?.name
            #expect(named == example.expect?.scalar, "\(example.origin)")
            return
        }
        let (claims, mentions) = try ClaimTestSupport.claims(example.text, language: example.language ?? "en", published: "2024-02-27")
        let ofPredicate = claims.filter { $0.predicate == predicate }
        guard let expect = example.expect else {
            #expect(ofPredicate.isEmpty, "\(example.origin): \(ofPredicate)")
            return
        }
        let wanted = ClaimExpectation(expect)
        #expect(ofPredicate.contains { wanted.accepts($0, mentions: mentions) }, "\(example.origin): want \(wanted), got \(ofPredicate)")
    }

    /// Every predicate is covered in every language by enough examples to pin its
    /// patterns down: at least four sentences that yield the claim, three that must not.
    @Test func everyClaimRuleFileHasEnoughExamples() throws {
        let files = Fixtures.rules.files(in: "claims").filter { $0.root["predicate"] != nil }
        #expect(files.count >= 40)
        for file in files {
            let examples = try #require(file.root["examples"], "\(file.path): no examples")
            #expect(try examples.list("match").count >= 4, "\(file.path): fewer than 4 match examples")
            #expect(try examples.list("no_match").count >= 3, "\(file.path): fewer than 3 no_match examples")
        }
    }

    @Test func moneyOfAValuationIsNotAnInvestment() throws {
        let text = "Microsoft made a €15 million investment in Mistral AI. Mistral AI was valued at $2 billion."
        let (claims, mentions) = try ClaimTestSupport.claims(text.replacingOccurrences(of: ". ", with: ".\n"))
        let investment = try #require(claims.first { $0.predicate == "investment" })
        #expect(investment.money.map { mentions.money[$0].text } == ["€15 million"])
    }

    /// "acquired 50% of Quadran": the share names its company, which becomes an organisation
    /// though nothing else marks it, and the stake is read, in every language.
    @Test(arguments: [("en", "TotalEnergies acquired 50% of Quadran for $300 million."),
                      ("fr", "TotalEnergies a acquis 50 % de Quadran."),
                      ("de", "TotalEnergies erwarb 50 Prozent an Quadran."),
                      ("es", "TotalEnergies adquirió el 50 % de Quadran."),
                      ("it", "TotalEnergies ha acquisito il 50% di Quadran.")])
    func shareOfACompanyBoughtIsAStake(_ language: String, _ text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let stake = try #require(claims.first { $0.predicate == "stake" })
        #expect(stake.subject == "TotalEnergies" && stake.object == "Quadran")
    }

    /// Wire copy wraps sentences at a fixed width, with LF or CRLF line ends: the claim
    /// reads across the breaks.
    @Test(arguments: ["\n", "\r\n"])
    func hardWrappedSentenceYieldsItsClaim(_ lineEnd: String) throws {
        let text = ["Brightline Corp said it has", "completed the acquisition of Valtek Inc for", "$12 million in cash."].joined(separator: lineEnd)
        let (claims, _) = try ClaimTestSupport.claims(text)
        let acquisition = try #require(claims.first { $0.predicate == "acquisition" })
        #expect(acquisition.subject == "Brightline")
        #expect(acquisition.object == "Valtek")
    }

    @Test func missingInvestorIsTheOneTheDocumentStates() throws {
        let text = "Microsoft has committed a €15 million investment in Mistral AI.\n6 million investment in Mistral AI signals a pivotal moment."
        let (claims, mentions) = try ClaimTestSupport.claims(text)
        let investments = claims.filter { $0.predicate == "investment" }
        #expect(investments.count == 2)
        let inferred = try #require(investments.first { $0.line == 2 })
        #expect(inferred.subject == "Microsoft")
        #expect(inferred.object == "Mistral AI")
        #expect(inferred.money.map { mentions.money[$0].text } == ["6 million"])
    }

    /// A lead investor may follow a description as an object does ("liderada por el fondo
    /// Hartmann Ventures", "led by the fund Index Ventures").
    @Test(arguments: [
        ("es", "La startup Kelvio ha cerrado una ronda de financiación Serie B de 40 millones de euros liderada por el fondo Hartmann Ventures."),
        ("en", "Kelvio raised $40 million in a Series B round led by venture fund Hartmann Ventures."),
        ("fr", "Kelvio a levé 40 millions d'euros lors d'une série B menée par le fonds Hartmann Ventures."),
    ])
    func aLeadInvestorMayFollowADescription(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let round = try #require(claims.first { $0.predicate == "funding-round" })
        #expect(round.object == "Series B")
        #expect(round.people == ["Hartmann Ventures"])
    }

    /// A partnership is dated by when it was made, not by a plan's year, half or month
    /// after the document's date ("entro il 2027"); a day it names stays its date.
    @Test(arguments: [
        ("La torinese Ardesia Robotics ha siglato una partnership strategica con Microsoft per automatizzare 40 magazzini entro il 2027.", [String]()),
        ("La torinese Ardesia Robotics ha siglato il 3 ottobre una partnership strategica con Microsoft.", ["2025-10-03"]),
    ])
    func anEventIsNotDatedByAPlan(text: String, dates: [String]) throws {
        let (claims, mentions) = try ClaimTestSupport.claims(text, language: "it", published: "2025-09-23")
        let partnership = try #require(claims.first { $0.predicate == "partnership" })
        #expect(partnership.dates.compactMap { mentions.dates[$0].value } == dates)
    }

    /// A lead stated after a blank line completes no round read before it.
    @Test(arguments: [
        ("en", "Quantix raised $20 million in a Series A round.\n\nThe round was led by Index Ventures."),
        ("de", "Die Quantix GmbH hat 20 Millionen Euro in einer Series-A-Runde eingesammelt.\n\nAngeführt wurde die Runde von Earlybird."),
        ("fr", "Quantix a levé 20 millions d'euros lors d'une série A.\n\nLa levée est menée par Partech."),
        ("es", "Quantix ha recaudado 20 millones de euros en una ronda Serie A.\n\nLa ronda fue liderada por Kibo Ventures."),
        ("it", "Quantix ha raccolto 20 milioni di euro in un round di Serie A.\n\nIl round è stato guidato da United Ventures."),
    ])
    func roundLeadStopsAtTheParagraph(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let rounds = claims.filter { $0.predicate == "funding-round" }
        #expect(rounds.count == 1)
        #expect(rounds.first?.people == [])
    }

    /// A lead stated later joins the nearest round before it, not an earlier one.
    @Test func roundLeadJoinsTheNearestRound() throws {
        let text = "Quantix raised $5 million in a seed round in 2020. In 2022 Quantix raised $20 million in a Series A round. The round was led by Sequoia."
        let (claims, _) = try ClaimTestSupport.claims(text)
        let rounds = Dictionary(claims.filter { $0.predicate == "funding-round" }.map { ($0.object, $0.people) }, uniquingKeysWith: { first, _ in first })
        #expect(rounds == ["Seed": [], "Series A": ["Sequoia Capital"]])
    }

    /// "Die Bewertung liegt bei ...": the article stands for the company whose round the
    /// document reports, not for the organisation it names most (the lead investor).
    @Test(arguments: [
        ("en", "Sequoia is big and Sequoia grows. Quantix Inc. raised $100 million in a Series A round led by Sequoia. Its valuation now stands at about $1 billion."),
        ("de", "Lightspeed wächst und Lightspeed investiert. Die Quantix GmbH hat in einer Finanzierungsrunde unter Führung von Lightspeed 20 Millionen Euro eingesammelt. Die Bewertung liegt nun bei über 100 Millionen Euro."),
    ])
    func valuationWithoutANameIsTheRoundsCompany(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let valuation = try #require(claims.first { $0.predicate == "valuation" })
        #expect(valuation.subject == "Quantix")
    }

    /// A round takes the day its sentence names ("on Monday"), resolved against the
    /// document's date, not a year the sentence names in passing; a founding takes only
    /// the date its pattern reads.
    @Test func claimTakesTheDayItsSentenceNames() throws {
        let text = "Quantix Inc., founded in 2021 by Anna Berg and Jonas Weil, said on Monday it had raised $20 million in a Series A round."
        let (claims, mentions) = try ClaimTestSupport.claims(text, published: "2024-02-27")
        let round = try #require(claims.first { $0.predicate == "funding-round" })
        #expect(round.dates.map { mentions.dates[$0].value } == ["2024-02-26"])
        let founders = try #require(claims.first { $0.predicate == "founded-by" })
        #expect(founders.dates.map { mentions.dates[$0].value } == ["2021"])
    }

    /// "founded by A, a former Google engineer, and B": the words after a founder describe
    /// the founder; the company is the sentence's subject, never the one the apposition names,
    /// and the founders are both names around the apposition (German says it otherwise:
    /// only the first check).
    @Test(arguments: [
        ("en", "Neovolt was founded in 2021 by Anna Berg, a former Google engineer, and Tom Reed."),
        ("fr", "Neovolt a été fondée en 2021 par Anna Berg, une ancienne ingénieure de Google, et Tom Reed."),
        ("es", "Neovolt fue fundada en 2021 por Anna Berg, una exingeniera de Google, y Tom Reed."),
        ("it", "Neovolt è stata fondata nel 2021 da Anna Berg, ex ingegnera di Google, e Tom Reed."),
        ("de", "Neovolt wurde im Jahr 2021 gegründet von Anna Berg, einer früheren Ingenieurin bei Google, und Tom Reed."),
    ])
    func aFoundersAppositionNamesNoFoundedCompany(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language, published: "2024-02-27")
        let founded = claims.filter { $0.predicate == "founded-by" }
        #expect(!founded.contains { $0.subject == "Google" }, "\(founded)")
        if language != "de" {
            #expect(founded.map(\.subject) == ["Neovolt"] && founded.first?.people == ["Anna Berg", "Tom Reed"], "\(founded)")
        }
    }

    /// A dateline in the round's sentence dates the document, not the round: the round takes
    /// the day the sentence names, resolved against the dateline, or none.
    @Test func claimDayIsNeverTheDateline() throws {
        let named = try ClaimTestSupport.claims("PARIS, 3 février 2024 – Quantix SAS a levé lundi 20 millions d'euros lors d'une série A.", language: "fr")
        let round = try #require(named.claims.first { $0.predicate == "funding-round" })
        #expect(round.dates.map { named.mentions.dates[$0].value } == ["2024-01-29"])
        let unnamed = try ClaimTestSupport.claims("PARIS, 3 février 2024 – Quantix SAS a levé 20 millions d'euros lors d'une série A.", language: "fr")
        #expect(unnamed.claims.first { $0.predicate == "funding-round" }?.dates == [])
    }

    /// An event dated by its sentence (a partnership) is dated as published when its
    /// sentence names no day but the dateline: the dateline is no event date.
    @Test func eventIsNeverDatedByTheDateline() throws {
        let read = try ClaimTestSupport.claims("TORINO, 22 novembre 2025 - Microsoft ha stretto una partnership con Mistral AI.", language: "it")
        let partnership = try #require(read.claims.first { $0.predicate == "partnership" })
        #expect(partnership.dates.map { read.mentions.dates[$0].value } == ["2025-11-22"])
        #expect(partnership.details["dated"] == "document")
    }

    /// "liderada por Northzone, con una valoración de ...": the lead investor is not what is valued.
    @Test(arguments: [
        ("es", "La startup Ventura ha captado 35 millones de euros en una ronda liderada por Northzone, con una valoración de 250 millones de euros."),
        ("it", "La startup Ventura ha raccolto 35 milioni di euro in un round guidato da Northzone, con una valutazione di 250 milioni di euro."),
        ("de", "Das Start-up Ventura hat 35 Millionen Euro eingesammelt, angeführt von Northzone, bei einer Bewertung von 250 Millionen Euro."),
        ("en", "Ventura Inc. raised €35 million in a round led by Northzone, at a €250 million valuation."),
    ])
    func leadInvestorIsNotTheValuedCompany(language: String, text: String) throws {
        let read = try ClaimTestSupport.claims(text, language: language)
        #expect(read.claims.filter { $0.predicate == "valuation" }.map(\.subject) == ["Ventura"])
    }

    @Test func theCompanyIsNeverItsOwnInvestor() throws {
        // Microsoft is named most often, yet "the company" cannot be the investor itself.
        let text = "Microsoft and Microsoft's cloud met Mistral AI.\nMicrosoft made a €15 million investment in the company."
        let (claims, _) = try ClaimTestSupport.claims(text)
        let investment = try #require(claims.first { $0.predicate == "investment" })
        #expect(investment.subject == "Microsoft")
        #expect(investment.object == "Mistral AI")
    }

    /// A pronoun that opens a sentence goes on about the organisation the sentence before
    /// named first, not about the one the document names most.
    @Test(arguments: [
        ("en", "Amazon.com Inc. backs Rivian Automotive Inc. with money. Amazon.com Inc. owns shares and Amazon.com Inc. buys vans.\nVolkswagen Group will invest $5 billion this year. It will take a 5% stake in Rivian Automotive Inc. too.", "5%"),
        ("fr", "Amazon.com Inc. soutient Rivian Automotive Inc. depuis longtemps. Amazon.com Inc. détient des actions et Amazon.com Inc. achète des fourgons.\nVolkswagen Group va investir 5 milliards de dollars cette année. Il prendra une participation de 8 % dans Rivian Automotive Inc. aussi.", "8 %"),
    ])
    func aPronounOpeningASentenceGoesOnAboutTheSubjectBefore(language: String, text: String, percent: String) throws {
        let (claims, mentions) = try ClaimTestSupport.claims(text, language: language)
        let stake = try #require(claims.first { $0.predicate == "stake" })
        #expect(stake.subject == "Volkswagen")
        #expect(stake.object == "Rivian Automotive")
        #expect(stake.percents.map { mentions.percents[$0].text } == [percent])
    }

    /// A pronoun after a verb of saying stands for the organisation that says it, not for
    /// the one the sentence names first; where no organisation says it, the first still holds.
    @Test(arguments: [
        ("en", "Shares of Quorra Systems jumped after Volvex said it would acquire Brightline Inc. for $200 million.", "Volvex"),
        ("en", "Shares of Quorra Systems rose 4% on Monday after Volvex Corp. said on Tuesday that it had agreed to acquire Brightline Inc. for $200 million.", "Volvex"),
        ("fr", "L'action de Quorra Systems a bondi après que Volvex a annoncé mardi qu'elle rachètera Brightline Inc. pour 200 millions de dollars.", "Volvex"),
        ("de", "Die Aktie von Quorra Systems stieg, nachdem Volvex erklärte, es übernimmt Brightline Inc. für 200 Millionen Dollar.", "Volvex"),
        ("en", "Microsoft Corp., which backs OpenAI, said it would acquire Brightline Inc. for $200 million.", "Microsoft"),
        // A name that wire copy wraps and the entities split ("Continental", "Affiliates Inc")
        // has no speaker in its tail.
        ("en", "ENGLEWOOD CLIFFS, N.J., March 11 - Continental Health\nAffiliates Inc said that it has acquired <Brightline Inc>, an 80\npct partner in <Diatronics Nutrition Services>.\n    Continental said the terms of the deal were not disclosed.", "Continental"),
    ])
    func aPronounAfterAVerbOfSayingIsTheSpeaker(language: String, text: String, subject: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let acquisition = try #require(claims.first { $0.predicate == "acquisition" })
        #expect(acquisition.subject == subject)
        #expect(acquisition.object == "Brightline")
    }

    /// "The company, founded in 2019, raised ...": the claim is about the company the
    /// sentence before presents, not about the one the document names most.
    @Test(arguments: [
        ("en", "Microsoft Corp. backs OpenAI. Microsoft Corp. owns shares and Microsoft Corp. buys chips.\nMicrosoft Corp. also works with Brightline Robotics. The company, founded in 2019, raised $40 million in a Series B round."),
        ("es", "Microsoft Corp. respalda a OpenAI. Microsoft Corp. tiene acciones y Microsoft Corp. compra chips.\nMicrosoft Corp. también trabaja con Brightline Robotics S.L. desde marzo. La compañía, fundada en 2019, ha captado 40 millones de euros en una ronda Serie B."),
    ])
    func anAnaphorWithAnAppositionIsTheCompanyBefore(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        let round = try #require(claims.first { $0.predicate == "funding-round" })
        #expect(round.subject == "Brightline Robotics")
    }
}

/// The `expect:` of a claim example: `subject`, `object`, `money` (texts), `people`,
/// `percents` (texts), `dates` (values), `round`, `list` (`partial`, else `whole`).
struct ClaimExpectation: CustomStringConvertible {
    var fields: [String: String] = [:]
    var lists: [String: [String]] = [:]

    init(_ node: RuleNode) {
        for (key, value) in (try? node.pairs()) ?? [] {
            if let scalar = value.scalar { fields[key] = scalar } else { lists[key] = ((try? value.list()) ?? []).compactMap(\.scalar) }
        }
    }

    func accepts(_ claim: Claim, mentions: DocumentMentions) -> Bool {
        if let subject = fields["subject"], subject != claim.subject { return false }
        if let object = fields["object"], object != claim.object { return false }
        if let round = fields["round"], round != claim.details["round"] { return false }
        if let list = fields["list"], list != claim.details["list"] ?? "whole" { return false }
        if let money = lists["money"], money != claim.money.map({ mentions.money[$0].text }) { return false }
        if let people = lists["people"], people != claim.people { return false }
        if let percents = lists["percents"], percents != claim.percents.map({ mentions.percents[$0].text }) { return false }
        if let dates = lists["dates"], dates != claim.dates.map({ mentions.dates[$0].value ?? "null" }) { return false }
        return true
    }

    var description: String { "\(fields) \(lists)" }
}

@Suite struct ClaimRuleErrorTests {
    static func rules(_ yaml: String) throws -> RuleSet {
        // The rule set reads its files when made: the folder may go right after.
        let folder = try TemporaryFolder()
        try folder.write("claims/investment/en.yaml", yaml)
        return try RuleSet(directory: folder.url)
    }

    @Test func unknownPlaceholderNamesFileAndLine() throws {
        let rules = try Self.rules("predicate: investment\nlanguage: en\ntrigger: 'invest'\npatterns:\n  - '{subject} invested in {objekt}'\n")
        #expect {
            _ = try ClaimBuilder(rules: rules)
        } throws: { error in
            guard let error = error as? RuleError else { return false }
            return error.origin.file == "claims/investment/en.yaml" && error.origin.line == 5 && error.message.contains("{objekt}")
        }
    }

    @Test func badPatternNamesFileAndLine() throws {
        let rules = try Self.rules("predicate: investment\nlanguage: en\ntrigger: 'invest'\npatterns:\n  - '{subject} (invested'\n")
        #expect {
            _ = try ClaimBuilder(rules: rules)
        } throws: { error in
            (error as? RuleError)?.description.hasPrefix("claims/investment/en.yaml:5:") == true
        }
    }
}

import Foundation
