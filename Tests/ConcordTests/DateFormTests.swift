import Testing
@testable import Concord

/// Every date form issue 5 lists, in each of the five languages, read against the
/// reference date Tuesday, February 27, 2024 (expected values worked out by hand).
@Suite struct DateFormTests {
    /// One sentence, the mention expected in it and its value, period (`start/end`) and relativity.
    struct Case: CustomTestStringConvertible, Sendable {
        let language: String
        let sentence: String
        let text: String
        let value: String
        let period: String?
        let relative: Bool

        init(_ language: String, _ sentence: String, _ text: String, _ value: String, _ period: String? = nil, relative: Bool = false) {
            self.language = language
            self.sentence = sentence
            self.text = text
            self.value = value
            self.period = period
            self.relative = relative
        }

        var testDescription: String { "\(language): \(sentence)" }
    }

    static let cases: [Case] = [
        Case("en", "It rained on Feb. 27, 2024 in Paris.", "Feb. 27, 2024", "2024-02-27"),
        Case("en", "It rained on 27 February 2024 in Paris.", "27 February 2024", "2024-02-27"),
        Case("en", "Last Updated : 28 Feb, 2024", "28 Feb, 2024", "2024-02-28"),
        Case("en", "It rained on 2024-02-27 in Paris.", "2024-02-27", "2024-02-27"),
        Case("en", "It rained on 27/02/2024 in Paris.", "27/02/2024", "2024-02-27"),
        Case("en", "It rained on 02/27/2024 in Paris.", "02/27/2024", "2024-02-27"),
        Case("en", "It rained on 03/04/2024 in Paris.", "03/04/2024", "2024-03-04"),
        Case("en-GB", "It rained on 03/04/2024 in Paris.", "03/04/2024", "2024-04-03"),
        Case("en", "It rained on 27.02.2024 in Paris.", "27.02.2024", "2024-02-27"),
        Case("en", "Sales fell in February 2024.", "February 2024", "2024-02", "2024-02-01/2024-02-29"),
        Case("en", "Sales fell in 2023.", "2023", "2023", "2023-01-01/2023-12-31"),
        Case("en", "Sales fell in Q3 2023.", "Q3 2023", "2023", "2023-07-01/2023-09-30"),
        Case("en", "Sales will rise in the second half of 2024.", "second half of 2024", "2024", "2024-07-01/2024-12-31"),
        Case("en", "Shares fell yesterday.", "yesterday", "2024-02-26", relative: true),
        Case("en", "Shares fell last week.", "last week", "2024-02", "2024-02-19/2024-02-25", relative: true),
        Case("en", "It said on Tuesday that sales fell.", "Tuesday", "2024-02-27", relative: true),
        Case("en", "It raised a seed round in June.", "June", "2023-06", "2023-06-01/2023-06-30", relative: true),
        Case("en", "The FTC on Jan. 25 opened an inquiry.", "Jan. 25", "2024-01-25", relative: true),
        Case("en", "It said earlier this month that sales fell.", "earlier this month", "2024-02", "2024-02-01/2024-02-27", relative: true),

        Case("fr", "Il a plu le 27 février 2024 à Paris.", "27 février 2024", "2024-02-27"),
        Case("fr", "Il a plu le 2024-02-27 à Paris.", "2024-02-27", "2024-02-27"),
        Case("fr", "Il a plu le 27/02/2024 à Paris.", "27/02/2024", "2024-02-27"),
        Case("fr", "Il a plu le 02/27/2024 à Paris.", "02/27/2024", "2024-02-27"),
        Case("fr", "Il a plu le 03/04/2024 à Paris.", "03/04/2024", "2024-04-03"),
        Case("fr", "Il a plu le 27.02.2024 à Paris.", "27.02.2024", "2024-02-27"),
        Case("fr", "Les ventes ont baissé en février 2024.", "février 2024", "2024-02", "2024-02-01/2024-02-29"),
        Case("fr", "Les ventes ont baissé en 2023.", "2023", "2023", "2023-01-01/2023-12-31"),
        Case("fr", "Les ventes ont baissé au troisième trimestre 2023.", "troisième trimestre 2023", "2023", "2023-07-01/2023-09-30"),
        Case("fr", "Les ventes ont baissé au T3 2023.", "T3 2023", "2023", "2023-07-01/2023-09-30"),
        Case("fr", "Les ventes progresseront au second semestre 2024.", "second semestre 2024", "2024", "2024-07-01/2024-12-31"),
        Case("fr", "Les actions ont chuté hier.", "hier", "2024-02-26", relative: true),
        Case("fr", "Les actions ont chuté la semaine dernière.", "la semaine dernière", "2024-02", "2024-02-19/2024-02-25", relative: true),
        Case("fr", "Le groupe a dit mardi que les ventes baissaient.", "mardi", "2024-02-27", relative: true),
        Case("fr", "Une levée de fonds en juin.", "juin", "2023-06", "2023-06-01/2023-06-30", relative: true),
        Case("fr", "Le 25 janvier, la FTC a ouvert une enquête.", "25 janvier", "2024-01-25", relative: true),
        Case("fr", "Le groupe a dit plus tôt ce mois-ci que les ventes baissaient.", "plus tôt ce mois-ci", "2024-02", "2024-02-01/2024-02-27", relative: true),
        Case("fr", "Le mois dernier, les ventes ont baissé.", "Le mois dernier", "2024-01", "2024-01-01/2024-01-31", relative: true),

        Case("de", "Es regnete am 27. Februar 2024 in Berlin.", "27. Februar 2024", "2024-02-27"),
        Case("de", "Es regnete am 2024-02-27 in Berlin.", "2024-02-27", "2024-02-27"),
        Case("de", "Es regnete am 27.02.2024 in Berlin.", "27.02.2024", "2024-02-27"),
        Case("de", "Es regnete am 02/27/2024 in Berlin.", "02/27/2024", "2024-02-27"),
        Case("de", "Es regnete am 03/04/2024 in Berlin.", "03/04/2024", "2024-04-03"),
        Case("de", "Der Umsatz sank im Februar 2024.", "Februar 2024", "2024-02", "2024-02-01/2024-02-29"),
        Case("de", "Der Umsatz sank im Jahr 2023.", "2023", "2023", "2023-01-01/2023-12-31"),
        Case("de", "Der Umsatz sank im dritten Quartal 2023.", "dritten Quartal 2023", "2023", "2023-07-01/2023-09-30"),
        Case("de", "Der Umsatz steigt im zweiten Halbjahr 2024.", "zweiten Halbjahr 2024", "2024", "2024-07-01/2024-12-31"),
        Case("de", "Die Aktien fielen gestern.", "gestern", "2024-02-26", relative: true),
        Case("de", "Die Aktien fielen letzte Woche.", "letzte Woche", "2024-02", "2024-02-19/2024-02-25", relative: true),
        Case("de", "Der Konzern sagte am Dienstag, der Umsatz sinke.", "Dienstag", "2024-02-27", relative: true),
        Case("de", "Eine Finanzierungsrunde im Juni.", "Juni", "2023-06", "2023-06-01/2023-06-30", relative: true),
        Case("de", "Die FTC hat am 25. Januar eine Untersuchung eröffnet.", "25. Januar", "2024-01-25", relative: true),
        Case("de", "Der Konzern sagte Anfang des Monats, der Umsatz sinke.", "Anfang des Monats", "2024-02", "2024-02-01/2024-02-27", relative: true),
        Case("de", "Der Umsatz ist vergangenen Monat gesunken.", "vergangenen Monat", "2024-01", "2024-01-01/2024-01-31", relative: true),

        Case("es", "Llovió el 27 de febrero de 2024 en Madrid.", "27 de febrero de 2024", "2024-02-27"),
        Case("es", "Llovió el 2024-02-27 en Madrid.", "2024-02-27", "2024-02-27"),
        Case("es", "Llovió el 27/02/2024 en Madrid.", "27/02/2024", "2024-02-27"),
        Case("es", "Llovió el 02/27/2024 en Madrid.", "02/27/2024", "2024-02-27"),
        Case("es", "Llovió el 03/04/2024 en Madrid.", "03/04/2024", "2024-04-03"),
        Case("es", "Llovió el 27.02.2024 en Madrid.", "27.02.2024", "2024-02-27"),
        Case("es", "Las ventas cayeron en febrero de 2024.", "febrero de 2024", "2024-02", "2024-02-01/2024-02-29"),
        Case("es", "Las ventas cayeron en 2023.", "2023", "2023", "2023-01-01/2023-12-31"),
        Case("es", "Las ventas cayeron en el tercer trimestre de 2023.", "tercer trimestre de 2023", "2023", "2023-07-01/2023-09-30"),
        Case("es", "Las ventas subirán el segundo semestre de 2024.", "segundo semestre de 2024", "2024", "2024-07-01/2024-12-31"),
        Case("es", "Las acciones cayeron ayer.", "ayer", "2024-02-26", relative: true),
        Case("es", "Las acciones cayeron la semana pasada.", "la semana pasada", "2024-02", "2024-02-19/2024-02-25", relative: true),
        Case("es", "La empresa dijo el martes que las ventas caían.", "martes", "2024-02-27", relative: true),
        Case("es", "Una ronda en junio.", "junio", "2023-06", "2023-06-01/2023-06-30", relative: true),
        Case("es", "El 25 de enero la FTC abrió una investigación.", "25 de enero", "2024-01-25", relative: true),
        Case("es", "La empresa dijo a principios de este mes que las ventas caían.", "a principios de este mes", "2024-02", "2024-02-01/2024-02-27", relative: true),
        Case("es", "El mes pasado la empresa recaudó fondos.", "El mes pasado", "2024-01", "2024-01-01/2024-01-31", relative: true),

        Case("it", "È piovuto il 27 febbraio 2024 a Roma.", "27 febbraio 2024", "2024-02-27"),
        Case("it", "È piovuto il 2024-02-27 a Roma.", "2024-02-27", "2024-02-27"),
        Case("it", "È piovuto il 27/02/2024 a Roma.", "27/02/2024", "2024-02-27"),
        Case("it", "È piovuto il 02/27/2024 a Roma.", "02/27/2024", "2024-02-27"),
        Case("it", "È piovuto il 03/04/2024 a Roma.", "03/04/2024", "2024-04-03"),
        Case("it", "È piovuto il 27.02.2024 a Roma.", "27.02.2024", "2024-02-27"),
        Case("it", "Le vendite sono calate a febbraio 2024.", "febbraio 2024", "2024-02", "2024-02-01/2024-02-29"),
        Case("it", "Le vendite sono calate nel 2023.", "2023", "2023", "2023-01-01/2023-12-31"),
        Case("it", "Le vendite sono calate nel terzo trimestre 2023.", "terzo trimestre 2023", "2023", "2023-07-01/2023-09-30"),
        Case("it", "Le vendite saliranno nel secondo semestre 2024.", "secondo semestre 2024", "2024", "2024-07-01/2024-12-31"),
        Case("it", "Le azioni sono scese ieri.", "ieri", "2024-02-26", relative: true),
        Case("it", "Le azioni sono scese la settimana scorsa.", "la settimana scorsa", "2024-02", "2024-02-19/2024-02-25", relative: true),
        Case("it", "Il gruppo ha detto martedì che le vendite calano.", "martedì", "2024-02-27", relative: true),
        Case("it", "Un round a giugno.", "giugno", "2023-06", "2023-06-01/2023-06-30", relative: true),
        Case("it", "Il 25 gennaio la FTC ha aperto un'indagine.", "25 gennaio", "2024-01-25", relative: true),
        Case("it", "Il gruppo ha detto all'inizio di questo mese che le vendite calano.", "all'inizio di questo mese", "2024-02", "2024-02-01/2024-02-27", relative: true),
        Case("it", "Il mese scorso la società ha raccolto fondi.", "Il mese scorso", "2024-01", "2024-01-01/2024-01-31", relative: true),
    ]

    @Test(arguments: cases)
    func formIsReadWithTheReferenceDate(_ expected: Case) throws {
        let found = try DateTests.analyze(expected.sentence, language: expected.language).mentions
        let mention = try #require(found.first { $0.text == expected.text }, "found \(found.map(\.text))")
        #expect(mention.value == expected.value)
        #expect(mention.period.map { "\($0.start)/\($0.end)" } == expected.period)
        #expect(mention.relative == expected.relative)
    }

    /// The relative forms again, with no reference date and no date in the text: nothing
    /// anchors them, so each has `value: null` and no period.
    @Test(arguments: cases.filter(\.relative))
    func relativeFormWithoutAnchorHasNoValue(_ expected: Case) throws {
        let found = try DateTests.analyze(expected.sentence, language: expected.language, reference: nil).mentions
        let mention = try #require(found.first { $0.text == expected.text }, "found \(found.map(\.text))")
        #expect(mention.value == nil && mention.period == nil && mention.relative)
    }

    @Test func yearlessQuarterWithoutAnchorHasNoValue() throws {
        let mention = try #require(try DateTests.analyze("Sales rose in the third quarter.", reference: nil).mentions.first)
        #expect(mention.text == "third quarter" && mention.value == nil && mention.relative)
    }
}
