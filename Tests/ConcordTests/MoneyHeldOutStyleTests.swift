import Foundation
import Testing
@testable import Concord

/// Held-out style checks for money and percentages: news sentences in en/fr/de/es/it written
/// by hand (not taken from Corpus/ or the peer suites), each with every money and percent
/// mention it must yield, in order, and sentences that must yield none (years, phone
/// numbers, model names, ages, scores, counts of people or shares).
///
/// Expected values are written as `[~]AMOUNT CUR`, `[~]MIN..MAX CUR` (a side left empty
/// is open), `=N` for a stated equivalent, then percents as `[~]VALUE%`, `MIN..MAX%` or
/// `VALUEpp` (percentage points), all joined with " ; ".
@Suite struct MoneyHeldOutStyleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let language: String
        let text: String
        let expected: String
        init(_ language: String, _ text: String, _ expected: String) {
            self.language = language
            self.text = text
            self.expected = expected
        }
        var testDescription: String { "\(language): \(text)" }
    }

    static let cases: [Case] = [
        Case("en", "The company raised $2.5 million in a Series A round.", "2500000 USD"),
        Case("en", "Revenue reached US$1.2bn last year.", "1200000000 USD"),
        Case("en", "The deal is worth C$450 million, the bank said.", "450000000 CAD"),
        Case("en", "Qantas booked an A$1.1 billion profit.", "1100000000 AUD"),
        Case("en", "The tycoon paid HK$3.6bn for the tower.", "3600000000 HKD"),
        Case("en", "Grab lost S$120m in the quarter.", "120000000 SGD"),
        Case("en", "Fonterra raised its forecast to NZ$8.90 per kilogram.", "8.9 NZD"),
        Case("en", "Petrobras will invest R$ 50 billion over five years.", "50000000000 BRL"),
        Case("en", "The painting sold for EUR 3.4 million.", "3400000 EUR"),
        Case("en", "The regulator imposed a fine of 250,000 GBP.", "250000 GBP"),
        Case("en", "The contract is worth USD 1,250,000.", "1250000 USD"),
        Case("en", "Lloyds set aside £1.5bn for mis-selling claims.", "1500000000 GBP"),
        Case("en", "The budget gap is half a billion dollars.", "500000000 USD"),
        Case("en", "They spent a quarter of a million dollars on ads.", "250000 USD"),
        Case("en", "The stock fell 1-1/2 dlrs to 34 dlrs.", "1.5 USD ; 34 USD"),
        Case("en", "The board raised the quarterly dividend to 12 cts a share.", "0.12 USD"),
        Case("en", "The company said it had a net loss of 15 mln dlrs.", "15000000 USD"),
        Case("en", "BP raised 1.2 billion stg in the offering.", "1200000000 GBP"),
        Case("en", "He paid 42 bucks for the ticket.", "42 USD"),
        Case("en", "That watch cost him 10 grand.", "10000 USD"),
        Case("en-GB", "Tickets cost £45 each.", "45 GBP"),
        Case("en-CA", "The province will spend $2 billion on transit.", "2000000000 CAD"),
        Case("en", "The startup raised about $30 million from investors.", "~30000000 USD"),
        Case("en", "The firm expects sales of between $10 million and $12 million.", "10000000..12000000 USD"),
        Case("en", "The settlement could be worth up to $5 billion.", "..5000000000 USD"),
        Case("en", "Apple has more than $3 billion in cash.", "3000000000.. USD"),
        Case("en", "The IPO is priced at $18-$20 per share.", "18..20 USD"),
        Case("en", "Sales were forecast at $4.2 billion to $4.4 billion.", "4200000000..4400000000 USD"),
        Case("en", "Mistral raised €600 million (about $640 million) this week.", "600000000 EUR =1 ; ~640000000 USD"),
        Case("en", "The portfolio is worth roughly £200m.", "~200000000 GBP"),
        Case("en", "The seat upgrade cost $1.5k.", "1500 USD"),
        Case("en", "Federal debt passed $3tn.", "3000000000000 USD"),
        Case("en", "Japan approved a ¥500 billion stimulus package.", "500000000000 JPY"),
        Case("en", "The bank lent 2 bln dlrs to the utility.", "2000000000 USD"),
        Case("en", "Profit was 1.3 mn euros.", "1300000 EUR"),
        Case("en", "The chief executive earns $ 2.3 million a year.", "2300000 USD"),
        Case("en", "The stake is worth fifteen million dollars.", "15000000 USD"),
        Case("en", "The fund manages 2.3 trillion yen.", "2300000000000 JPY"),
        Case("en", "Ticket prices start at 20 euros.", "20 EUR"),
        Case("en", "The charity received 5,000 Swiss francs.", "5000 CHF"),
        Case("en", "Shares rose 3.5% on Tuesday.", "3.5%"),
        Case("en", "Unemployment fell to 4.1 percent in May.", "4.1%"),
        Case("en", "Inflation rose 0.3 percentage points to 2.9%.", "0.3pp ; 2.9%"),
        Case("en", "Support for the plan is around 40 per cent.", "~40%"),
        Case("en", "Turnout was between 60% and 65%.", "60..65%"),
        Case("en", "Operating margins were more than 20%.", "20..%"),
        Case("en", "The bond yields 4½%.", "4.5%"),
        Case("en", "Prices climbed 5 % in a year.", "5%"),
        Case("en", "Netflix added 5 million subscribers in the quarter.", ""),
        Case("en", "The company was founded in 1998 and employs 4,500 people.", ""),
        Case("en", "Call 555-1234 for details.", ""),
        Case("en", "Mistral-7B outperforms GPT-4 on some benchmarks.", ""),
        Case("en", "The 42-year-old chief executive resigned on Monday.", ""),
        Case("en", "Arsenal won 3-1 at home.", ""),
        Case("en", "The meeting is on 12 March 2024.", ""),
        Case("en", "The camera records 1080p video at 60 frames per second.", ""),
        Case("en", "The office is at 221 Baker Street.", ""),
        Case("en", "The laptop ships with Windows 11.", ""),
        Case("en", "Boeing 737 deliveries resumed in June.", ""),
        Case("en", "The company bought back 2 million shares.", ""),
        Case("en", "More than 10,000 people attended the rally.", ""),
        Case("en", "Version 2.5 of the software was released.", ""),
        Case("en", "The Airbus A320neo seats 180 passengers.", ""),
        Case("en", "Dial +44 20 7946 0958 to reach the desk.", ""),
        Case("fr", "L'entreprise a levé 15 millions d'euros.", "15000000 EUR"),
        Case("fr", "Le groupe a investi quinze millions d'euros.", "15000000 EUR"),
        Case("fr", "Le chiffre d'affaires atteint 2,5 milliards d'euros.", "2500000000 EUR"),
        Case("fr", "La facture s'élève à 1 250 000 €.", "1250000 EUR"),
        Case("fr", "Le prix est de 12\u{00A0}500\u{00A0}€.", "12500 EUR"),
        Case("fr", "Le budget atteint 3\u{202F}400\u{202F}000 euros.", "3400000 EUR"),
        Case("fr", "Le contrat vaut 450 M€.", "450000000 EUR"),
        Case("fr", "La dette atteint 2,3 Md€.", "2300000000 EUR"),
        Case("fr", "La société a perdu 1,2 milliard de dollars.", "1200000000 USD"),
        Case("fr", "Il a payé 30 dollars canadiens.", "30 CAD"),
        Case("fr-CH", "Le billet coûte 80 francs.", "80 CHF"),
        Case("fr", "La banque a versé 2 millions de francs suisses.", "2000000 CHF"),
        Case("fr", "Environ 300 millions d'euros seront investis.", "~300000000 EUR"),
        Case("fr", "L'État a dépensé plus de 5 milliards d'euros.", "5000000000.. EUR"),
        Case("fr", "Le projet coûtera entre 10 et 12 millions d'euros.", "10000000..12000000 EUR"),
        Case("fr", "Jusqu'à 500 millions d'euros pourraient être levés.", "..500000000 EUR"),
        Case("fr", "L'usine a coûté un milliard d'euros.", "1000000000 EUR"),
        Case("fr", "Le titre vaut 45,20 €.", "45.2 EUR"),
        Case("fr", "Le rachat représente 3 milliards de livres sterling.", "3000000000 GBP"),
        Case("fr", "Le plan prévoit un demi-milliard d'euros.", "500000000 EUR"),
        Case("fr", "Le chèque est de 10 000 $.", "10000 USD"),
        Case("fr-CA", "Le billet coûte 25 $.", "25 CAD"),
        Case("fr", "La start-up a levé 20 M$.", "20000000 USD"),
        Case("fr", "Le groupe a investi 15 millions d'Euros.", "15000000 EUR"),
        Case("fr", "Le fonds pèse 800 millions de dollars américains.", "800000000 USD"),
        Case("fr", "Le taux de chômage est de 7,3 %.", "7.3%"),
        Case("fr", "Les ventes ont progressé de 12 pour cent.", "12%"),
        Case("fr", "Le taux a baissé de 0,5 point de pourcentage.", "0.5pp"),
        Case("fr", "Environ 40 % des salariés sont concernés.", "~40%"),
        Case("fr", "La Bourse a gagné entre 2 % et 3 %.", "2..3%"),
        Case("fr", "Le groupe a été fondé en 1987 et emploie 12 000 personnes.", ""),
        Case("fr", "Il a 45 ans.", ""),
        Case("fr", "Le PSG s'est imposé 2-0.", ""),
        Case("fr", "Appelez le 01 23 45 67 89.", ""),
        Case("fr", "La Peugeot 208 reste la plus vendue.", ""),
        Case("fr", "Rendez-vous le 14 juillet 2023 à Paris.", ""),
        Case("fr", "Le groupe a racheté 3 millions d'actions.", ""),
        Case("de", "Das Unternehmen sammelte 15 Millionen Euro ein.", "15000000 EUR"),
        Case("de", "Der Konzern investiert zwei Milliarden Euro.", "2000000000 EUR"),
        Case("de", "Der Umsatz stieg auf 2,5 Mrd. Euro.", "2500000000 EUR"),
        Case("de", "Der Gewinn lag bei 450 Mio. €.", "450000000 EUR"),
        Case("de", "Das Fahrrad kostet 1.500 Euro.", "1500 EUR"),
        Case("de", "Die Strafe beträgt 1.250.000 Euro.", "1250000 EUR"),
        Case("de", "Der Preis liegt bei 12,99 €.", "12.99 EUR"),
        Case("de", "Die Aktie kostet 45 EUR.", "45 EUR"),
        Case("de", "Die Bank zahlte 3 Mrd. Dollar.", "3000000000 USD"),
        Case("de", "Rund 300 Millionen Euro fließen in das Projekt.", "~300000000 EUR"),
        Case("de", "Der Bund gibt mehr als 5 Milliarden Euro aus.", "5000000000.. EUR"),
        Case("de", "Die Kosten liegen zwischen 10 und 12 Millionen Euro.", "10000000..12000000 EUR"),
        Case("de", "Bis zu 500 Millionen Euro sollen eingesammelt werden.", "..500000000 EUR"),
        Case("de", "Die UBS zahlt 2 Millionen Franken.", "2000000 CHF"),
        Case("de-CH", "Die Firma erzielte einen Umsatz von CHF 1'250'000.", "1250000 CHF"),
        Case("de", "Die Miete beträgt 1.200 Euro im Monat.", "1200 EUR"),
        Case("de", "Der Konzern verlor 1,2 Mrd. US-Dollar.", "1200000000 USD"),
        Case("de", "Das Paket kostet eine halbe Milliarde Euro.", "500000000 EUR"),
        Case("de", "Die Firma erhält 20 Mio. Pfund.", "20000000 GBP"),
        Case("de", "Der Vertrag hat ein Volumen von 3,4 Millionen Dollar.", "3400000 USD"),
        Case("de", "Der Fonds verwaltet 2 Billionen Euro.", "2000000000000 EUR"),
        Case("de", "Die Arbeitslosenquote sank auf 5,7 Prozent.", "5.7%"),
        Case("de", "Der Leitzins steigt um 0,25 Prozentpunkte.", "0.25pp"),
        Case("de", "Die Inflation liegt bei etwa 3 %.", "~3%"),
        Case("de", "Der DAX gewann 1,5 %.", "1.5%"),
        Case("de", "Die Firma wurde 1998 gegründet und hat 4.500 Mitarbeiter.", ""),
        Case("de", "Bayern gewann 3:1 gegen Dortmund.", ""),
        Case("de", "Der 56-Jährige übernimmt den Vorsitz.", ""),
        Case("de", "Der VW Golf 8 ist beliebt.", ""),
        Case("de", "Die Sitzung findet am 12. März 2024 statt.", ""),
        Case("de", "Die Firma verkaufte 1,5 Millionen Aktien.", ""),
        Case("es", "La empresa recaudó 15 millones de euros.", "15000000 EUR"),
        Case("es", "El Gobierno invertirá mil millones de euros.", "1000000000 EUR"),
        Case("es", "Las ventas alcanzaron 2.500 millones de euros.", "2500000000 EUR"),
        Case("es", "La multa asciende a 1,2 millones de dólares.", "1200000 USD"),
        Case("es", "El precio es de 1.500 euros.", "1500 EUR"),
        Case("es", "El crédito es de 3,5 mil millones de dólares.", "3500000000 USD"),
        Case("es", "La compañía ganó 450 millones de pesos mexicanos.", "450000000 MXN"),
        Case("es", "La entrada cuesta 20 dólares.", "20 USD"),
        Case("es", "Se invertirán unos 300 millones de euros.", "~300000000 EUR"),
        Case("es", "El plan movilizará más de 5.000 millones de euros.", "5000000000.. EUR"),
        Case("es", "El coste estará entre 10 y 12 millones de euros.", "10000000..12000000 EUR"),
        Case("es", "La firma podría captar hasta 500 millones de euros.", "..500000000 EUR"),
        Case("es", "La entrada cuesta 12,50 €.", "12.5 EUR"),
        Case("es", "Petrobras invertirá R$ 50.000 millones.", "50000000000 BRL"),
        Case("es", "El fondo gestiona 2 billones de euros.", "2000000000000 EUR"),
        Case("es", "La minera invertirá US$ 200 millones.", "200000000 USD"),
        Case("es", "El club pagó medio millón de euros.", "500000 EUR"),
        Case("es", "El fichaje costó 80 millones de libras.", "80000000 GBP"),
        Case("es", "El paro bajó al 12,3 %.", "12.3%"),
        Case("es", "El PIB creció un 2,5 por ciento.", "2.5%"),
        Case("es", "La tasa subió 0,25 puntos porcentuales.", "0.25pp"),
        Case("es", "Alrededor del 40 % de los votantes se abstuvo.", "~40%"),
        Case("es", "El Real Madrid ganó 3-1.", ""),
        Case("es", "La empresa, fundada en 1995, tiene 2.000 empleados.", ""),
        Case("es", "El joven de 23 años fue detenido.", ""),
        Case("es", "El Airbus A320 aterrizó sin problemas.", ""),
        Case("es", "La reunión será el 5 de mayo de 2024.", ""),
        Case("es", "La compañía vendió 3 millones de acciones.", ""),
        Case("it", "L'azienda ha raccolto 15 milioni di euro.", "15000000 EUR"),
        Case("it", "Lo Stato investirà un miliardo di euro.", "1000000000 EUR"),
        Case("it", "Il fatturato è salito a 2,5 miliardi di euro.", "2500000000 EUR"),
        Case("it", "Il prezzo è di 1.500 euro.", "1500 EUR"),
        Case("it", "La multa è di 3 mln di euro.", "3000000 EUR"),
        Case("it", "Il debito sale a 2,7 mld di euro.", "2700000000 EUR"),
        Case("it", "Il club ha pagato 40 milioni di sterline.", "40000000 GBP"),
        Case("it", "Il contratto vale 10 milioni di dollari.", "10000000 USD"),
        Case("it", "Sono stati stanziati circa 300 milioni di euro.", "~300000000 EUR"),
        Case("it", "Il piano vale oltre 5 miliardi di euro.", "5000000000.. EUR"),
        Case("it", "Il costo sarà tra 10 e 12 milioni di euro.", "10000000..12000000 EUR"),
        Case("it", "Il gruppo potrà raccogliere fino a 500 milioni di euro.", "..500000000 EUR"),
        Case("it", "Il biglietto costa 12,50 €.", "12.5 EUR"),
        Case("it", "La banca ha versato 2 milioni di franchi svizzeri.", "2000000 CHF"),
        Case("it", "Il governo stanzia mezzo miliardo di euro.", "500000000 EUR"),
        Case("it", "Il gas costa 35 euro al megawattora.", "35 EUR"),
        Case("it", "La disoccupazione è scesa al 7,8%.", "7.8%"),
        Case("it", "Il Pil è cresciuto dello 0,4 per cento.", "0.4%"),
        Case("it", "Lo spread è salito di 0,5 punti percentuali.", "0.5pp"),
        Case("it", "Circa il 40% degli italiani non vota.", "~40%"),
        Case("it", "La Juventus ha vinto 2-1.", ""),
        Case("it", "La Fiat 500 è stata lanciata nel 2007.", ""),
        Case("it", "L'uomo, 54 anni, è stato arrestato.", ""),
        Case("it", "L'azienda ha 3.000 dipendenti.", ""),
        Case("it", "La società ha venduto 2 milioni di azioni.", "")
    ]

    @Test(arguments: cases)
    func sentence(_ sample: Case) throws {
        let document = try Fixtures.tokenized(sample.text, language: sample.language)
        let money = try MoneyTests.extractor.mentions(in: document).map(Self.rendered)
        let percents = try PercentTests.extractor.mentions(in: document).map(Self.rendered)
        #expect((money + percents).joined(separator: " ; ") == sample.expected)
    }

    static func rendered(_ mention: MoneyMention) -> String {
        var text = (mention.approximate ? "~" : "") + amount(mention.amount, mention.range)
        text += " " + (mention.currency ?? "none")
        if let equivalent = mention.equivalent { text += " =\(equivalent)" }
        return text
    }

    static func rendered(_ mention: PercentMention) -> String {
        (mention.approximate ? "~" : "") + amount(mention.value, mention.range) + (mention.points ? "pp" : "%")
    }

    private static func amount(_ value: ExactDecimal?, _ range: AmountRange?) -> String {
        guard let range else { return value?.description ?? "" }
        return (range.min?.description ?? "") + ".." + (range.max?.description ?? "")
    }
}
