@testable import Concord

/// Records made by hand for the Reconcile and Report tests, mirroring what extraction
/// finds in Corpus/ (checked against the articles' text and line numbers), so these tests
/// do not depend on the extractors.
enum HandMadeRecords {
    static let source000 = "Corpus/000_f04260d33bd6e71a.txt"
    static let source003 = "Corpus/003_791e63e7b74a6ca2.txt"
    static let source004 = "Corpus/004_f27881c4a8e299fc.txt"

    static func money(_ text: String, line: Int, start: Int = 0, amount: String?, currency: String?, approximate: Bool = false, equivalent: Int? = nil) -> MoneyMention {
        MoneyMention(span: span(text, line: line, start: start), amount: amount.flatMap(ExactDecimal.init), currency: currency, approximate: approximate, equivalent: equivalent)
    }

    static func date(_ text: String, line: Int, value: String?, period: DatePeriod? = nil, relative: Bool = false) -> DateMention {
        DateMention(span: span(text, line: line), value: value, period: period, relative: relative)
    }

    static func span(_ text: String, line: Int, start: Int = 0) -> SourceSpan {
        SourceSpan(text: text, start: start, end: start + text.unicodeScalars.count, line: line, bytes: 0..<0)
    }

    static func investment(money: [Int], line: Int, sentence: String) -> Claim {
        Claim(subject: "Microsoft", predicate: "investment", object: "Mistral AI", money: money, line: line, sentence: sentence)
    }

    /// 003: the headline's "$16 Million", the takeaway's "6 million" that lost its "$1",
    /// and "€15 million ..., equivalent to $16.3 million" on line 17. No date of its own.
    static var record003: DocumentRecord {
        DocumentRecord(
            id: "003_791e63e7b74a6ca2", source: source003, format: .text,
            title: "Microsoft’s $16 Million Investment In Mistral AI Unveiled", language: "en",
            money: [
                money("$16 Million", line: 1, start: 12, amount: "16000000", currency: "USD"),
                money("6 million", line: 9, start: 300, amount: "6000000", currency: nil),
                money("€15 million", line: 17, start: 1480, amount: "15000000", currency: "EUR", equivalent: 3),
                money("$16.3 million", line: 17, start: 1528, amount: "16300000", currency: "USD"),
            ],
            claims: [
                investment(money: [0], line: 1, sentence: "Microsoft’s $16 Million Investment In Mistral AI Unveiled"),
                investment(money: [1], line: 9, sentence: "6 million investment in Mistral AI signals a pivotal moment in the AI landscape, with the unveiling of Mistral Large and the strategic partnership with Microsoft reshaping the competitive dynamics in the industry."),
                investment(money: [2, 3], line: 17, sentence: "As part of the collaboration, Microsoft has committed a substantial €15 million investment in Mistral AI, equivalent to $16.3 million at the current exchange rate."),
            ])
    }

    /// 004: "€15 million (about $16.3 million)" on line 20, the Series A and the seed round,
    /// the valuation, a co-founder named on line 34 and the update dated Feb. 27, 2024.
    static var record004: DocumentRecord {
        DocumentRecord(
            id: "004_f27881c4a8e299fc", source: source004, format: .text,
            title: "Microsoft backs OpenAI rival Mistral AI", published: "2024-02-27", language: "en",
            money: [
                money("€15 million", line: 20, start: 2000, amount: "15000000", currency: "EUR", equivalent: 1),
                money("$16.3 million", line: 20, start: 2019, amount: "16300000", currency: "USD", approximate: true),
                money("$415 million", line: 16, start: 1500, amount: "415000000", currency: "USD"),
                money("$113 million", line: 28, start: 3000, amount: "113000000", currency: "USD"),
                money("$2 billion", line: 28, start: 3100, amount: "2000000000", currency: "USD", approximate: true),
            ],
            dates: [date("Feb. 27, 2024", line: 36, value: "2024-02-27")],
            claims: [
                investment(money: [0, 1], line: 20, sentence: "Microsoft made a €15 million (about $16.3 million) investment in the company, which will convert to equity in Mistral’s next funding round, according to a Microsoft spokesperson."),
                Claim(subject: "Mistral AI", predicate: "funding-round", object: "", money: [2], details: ["round": "Series A", "lead": "Andreessen Horowitz"], line: 16,
                      sentence: "Less than three months after raising a $415 million Series A led by Andreessen Horowitz, Mistral AI, a 10-month-old developer of large language models, has partnered with Microsoft."),
                Claim(subject: "Mistral AI", predicate: "funding-round", object: "", money: [3], details: ["round": "seed"], line: 28,
                      sentence: "The startup was founded by former Meta and Google DeepMind employees and raised a $113 million seed round led by Lightspeed in June."),
                Claim(subject: "Mistral AI", predicate: "valuation", object: "", money: [4], line: 28, sentence: "It was valued at around $2 billion after its Series A funding in December."),
                Claim(subject: "Microsoft", predicate: "partnership", object: "Mistral AI", dates: [0], line: 36,
                      sentence: "Update: This article was updated with financial details on Microsoft’s investment in Mistral. (Feb. 27, 2024)"),
                Claim(subject: "Mistral AI", predicate: "founded-by", object: "", people: ["Cedric O"], details: ["list": "partial"], line: 34,
                      sentence: "Mistral co-founder Cedric O has lobbied against restricting foundational models, saying in an October interview with Sifted that the AI Act “could kill Mistral.”"),
            ])
    }

    /// 000: the partnership "announced at Microsoft Ignite in November 2023" and the three founders.
    static var record000: DocumentRecord {
        DocumentRecord(
            id: "000_f04260d33bd6e71a", source: source000, format: .text,
            title: "Microsoft’s Second Major AI Deal: A Partnership with Mistral", published: "2024-02-28", language: "en",
            dates: [date("November 2023", line: 43, value: "2023-11", period: DatePeriod(start: "2023-11-01", end: "2023-11-30"))],
            claims: [
                Claim(subject: "Microsoft", predicate: "partnership", object: "Mistral AI", dates: [0], line: 43,
                      sentence: "Microsoft’s partnership with Mistral AI, announced at Microsoft Ignite in November 2023, marks a significant expansion of Azure’s AI offerings."),
                Claim(subject: "Mistral AI", predicate: "founded-by", object: "", people: ["Arthur Mensch", "Timothée Lacroix", "Guillaume Lample"], line: 75,
                      sentence: "Mistral AI was founded by Arthur Mensch, Timothée Lacroix, and Guillaume Lample, who were previously employed by Meta and Google DeepMind."),
            ])
    }

    static var corpus: [DocumentRecord] { [record000, record003, record004] }

    /// A reconciler over the shipped rules.
    static func reconciler(referenceDate: String? = nil) throws -> Reconciler {
        try Reconciler(rules: Fixtures.rules, options: .init(referenceDate: referenceDate))
    }
}
