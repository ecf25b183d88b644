import Testing
@testable import Concord

/// A company named with an apposition between commas that names people and dates
/// ("Neovolt, a battery startup founded in 2021 by Julie Perrin and Marc Aubert, raised ..."):
/// the apposition tells an organisation, gives its founders, and does not cut the company off
/// from the verb of the main clause.
@Suite struct ClaimAppositionTests {
    @Test(arguments: [
        ("en", "Neovolt, a battery startup founded in 2021 by Julie Perrin and Marc Aubert, raised €42 million in a Series B round led by Eurazeo."),
        ("fr", "Neovolt, spécialiste des batteries fondé en 2021 par Julie Perrin et Marc Aubert, a levé 42 millions d'euros lors d'un tour de série B mené par Eurazeo."),
        ("es", "Neovolt, fundada en 2021 por Julie Perrin y Marc Aubert, ha cerrado una ronda de serie B de 42 millones de euros liderada por Eurazeo."),
        ("it", "Neovolt, fondata nel 2021 da Julie Perrin e Marc Aubert, ha chiuso un round di serie B da 42 milioni di euro guidato da Eurazeo."),
    ])
    func foundersAndRoundAcrossTheApposition(language: String, text: String) throws {
        let (claims, _) = try ClaimTestSupport.claims(text, language: language, published: "2025-03-14")
        let founded = try #require(claims.first { $0.predicate == "founded-by" }, "\(claims)")
        #expect(founded.subject == "Neovolt")
        #expect(founded.people == ["Julie Perrin", "Marc Aubert"])
        let round = try #require(claims.first { $0.predicate == "funding-round" }, "\(claims)")
        #expect(round.subject == "Neovolt")
        #expect(round.object == "Series B")
        #expect(round.people == ["Eurazeo"])
    }

    @Test func germanRelativeClauseApposition() throws {
        let text = "Neovolt, das 2020 von Julie Perrin gegründet wurde, hat 40 Millionen Euro in einer Series-B-Runde eingesammelt."
        let (claims, _) = try ClaimTestSupport.claims(text, language: "de", published: "2025-03-14")
        #expect(claims.first { $0.predicate == "founded-by" }?.people == ["Julie Perrin"])
        #expect(claims.first { $0.predicate == "funding-round" }?.subject == "Neovolt")
    }

    /// A list of companies is no apposition: its first name does not become the sole subject,
    /// and an apposition that names another organisation bridges nothing.
    @Test func listsAndOtherOrganisationsAreNoApposition() throws {
        let (listed, _) = try ClaimTestSupport.claims("Microsoft, Google, and Amazon invested $5 billion in Anthropic.", language: "en")
        #expect(!listed.contains { $0.predicate == "investment" && $0.subject == "Microsoft" })
        let (unit, _) = try ClaimTestSupport.claims("Brightline, a unit of Volvex Holdings Inc., raised $20 million in a Series A round.", language: "en")
        #expect(!unit.contains { $0.predicate == "funding-round" && $0.subject == "Brightline" })
    }
}

/// The name of a funding round is no entity: "Series B" is no product after "announced a",
/// the "B" of "série B" no organisation; and a claim reads past it.
@Suite struct RoundNameEntityTests {
    @Test(arguments: [
        ("en", "Neovolt announced a Series B round on Monday.", ["Neovolt"]),
        ("fr", "Neovolt annonce une levée de fonds de série B de 42 millions d'euros.", ["Neovolt"]),
        ("it", "Neovolt ha annunciato un round di Serie B.", ["Neovolt"]),
        ("en", "Bridge Capital led the seed round of Growth Labs.", ["Bridge Capital", "Growth Labs"]),
    ])
    func roundNamesAreNoEntities(language: String, text: String, names: [String]) throws {
        #expect(try EntityTests.entities(text, language: language).map(\.name) == names)
    }

    @Test func frenchRoundAnnouncedWithTheSeriesInItsName() throws {
        let (claims, _) = try ClaimTestSupport.claims("Neovolt annonce une levée de fonds de série B de 42 millions d'euros.", language: "fr")
        let round = try #require(claims.first { $0.predicate == "funding-round" })
        #expect(round.subject == "Neovolt")
        #expect(round.object == "Series B")
    }
}

/// "La società, fondata nel 2021 da ..." after a sentence that names a round's investors
/// stands for the company that raised it, not for the investor named last.
@Suite struct AnaphorAfterInvestorsTests {
    @Test(arguments: [
        ("it", "La startup milanese Cortexa ha chiuso un round di Serie A da 12 milioni di euro guidato da United Ventures, con la partecipazione di CDP Venture Capital. La società, fondata nel 2021 da Luca Bianchi e Giorgia De Luca, è ora valutata circa 60 milioni di euro.", "Cortexa"),
        ("es", "La fintech Pagora ha cerrado una ronda de serie A de 18 millones de euros liderada por Kibo Ventures. La compañía, fundada en 2019 por Lucía Gómez, prevé triplicar sus ingresos.", "Pagora"),
        ("en", "Battery startup Neovolt raised €42 million in a Series B round led by Eurazeo. The company, founded in 2021 by Julie Perrin, plans to double its staff.", "Neovolt"),
        ("fr", "La start-up Neovolt a levé 42 millions d'euros lors d'un tour de série B mené par Eurazeo. La société, fondée en 2021 par Julie Perrin, compte doubler ses effectifs.", "Neovolt"),
    ])
    func anaphorStandsForTheCompanyNotItsInvestors(language: String, text: String, name: String) throws {
        let found = try EntityTests.entities(text, language: language)
        let anaphor = try #require(found.last { mention in mention.type == .organization && ["La ", "The "].contains { mention.text.hasPrefix($0) } }, "\(found.map(\.text))")
        #expect(anaphor.name == name)
        let (claims, _) = try ClaimTestSupport.claims(text, language: language)
        #expect(claims.first { $0.predicate == "founded-by" }?.subject == name, "\(claims)")
    }
}
