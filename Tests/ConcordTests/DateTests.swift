import Testing
@testable import Concord

@Suite struct DateTests {
    static let extractor: DateExtractor = { try! DateExtractor(rules: Fixtures.rules) }()
    /// The reference date of every example: Tuesday, February 27, 2024.
    static let reference = "2024-02-27"

    static func analyze(_ text: String, language: String = "en", reference: String? = reference) throws -> DateExtractor.Analysis {
        try extractor.analyze(try Fixtures.tokenized(text, language: language), published: nil, reference: reference)
    }

    /// Every example of the date rule files, read with the reference date: a `match`
    /// text holds a mention with the expected text, value and relativity, and where the
    /// example gives one, its period (`start/end`); a `no_match` text holds no date.
    @Test(arguments: RuleExample.all(in: "dates"))
    func ruleExample(_ example: RuleExample) throws {
        let found = try Self.analyze(example.text, language: example.language ?? "en").mentions
        guard let expect = example.expect else {
            #expect(found.isEmpty, "\(example.origin): \(found.map(\.text))")
            return
        }
        let text = try expect.string("text"), value = try expect.string("value")
        let relative = expect["relative"]?.scalar == "true"
        let period = expect["period"]?.scalar
        func describe(_ mention: DateMention) -> String {
            "\(mention.text) = \(mention.value ?? "null")\(mention.period.map { " \($0.start)/\($0.end)" } ?? "")\(mention.relative ? " (relative)" : "")"
        }
        #expect(found.contains { $0.text == text && $0.value == value && $0.relative == relative && (period == nil || $0.period.map { "\($0.start)/\($0.end)" } == period) },
                "\(example.origin): want \(text) = \(value) \(period ?? ""), got \(found.map(describe))")
    }

    /// A word is looked up lower-cased, its runs of white space one space, without a final
    /// period: ASCII text in one pass over its bytes, other text by words, alike.
    /// A fiscal year across two calendar years holds both, across a century too; years that
    /// do not follow each other are no fiscal year.
    @Test func fiscalYearSpansItsTwoCalendarYears() {
        #expect(DateResolver.fiscalYear(from: "1987", to: "88").map { "\($0.first.iso)/\($0.last.iso)" } == "1987-01-01/1988-12-31")
        #expect(DateResolver.fiscalYear(from: "1999", to: "00").map { "\($0.first.iso)/\($0.last.iso)" } == "1999-01-01/2000-12-31")
        #expect(DateResolver.fiscalYear(from: "23", to: "24").map { "\($0.first.iso)/\($0.last.iso)" } == "2023-01-01/2024-12-31")
        #expect(DateResolver.fiscalYear(from: "2023", to: "2025") == nil)
        #expect(DateResolver.fiscalYear(from: "2023", to: nil) == nil)
    }

    /// "June 3 and 4": the second day is a date of its own at its own place; a count after it
    /// ("4 million") is none.
    @Test func secondDayOfAMonthIsADateOfItsOwn() throws {
        let found = try Self.analyze("Talks were held on June 3 and 4 in Geneva.").mentions
        #expect(found.map(\.text) == ["June 3", "4"])
        #expect(found.map(\.value) == ["2024-06-03", "2024-06-04"])
        #expect(try Self.analyze("It sold on June 3 and 4 million shares changed hands.").mentions.map(\.text) == ["June 3"])
    }

    @Test func vocabularyKeysAreTheSameForASCIIAndOtherText() {
        #expect(DateVocabulary.key("Feb.") == "feb")
        #expect(DateVocabulary.key("  Last\t\r\nYEAR ") == "last year")
        #expect(DateVocabulary.key("Sept. ") == "sept")
        #expect(DateVocabulary.key("a .") == "a ")
        #expect(DateVocabulary.key("") == "")
        #expect(DateVocabulary.key(" L'an\u{2003}Dernier.") == "l'an dernier")
        #expect(DateVocabulary.key("MÄRZ.") == "märz")
    }

    @Test func relativeDatesWithoutAnchorHaveNoValue() throws {
        let found = try Self.analyze("Shares fell yesterday and rose on Jan. 25.", reference: nil).mentions
        #expect(found.map(\.text) == ["yesterday", "Jan. 25"])
        #expect(found.allSatisfy { $0.value == nil && $0.relative })
    }

    @Test func numericOrderIsSettledByRegion() throws {
        #expect(try Self.analyze("on 03/04/2024", language: "en-GB").mentions.first?.value == "2024-04-03")
        #expect(try Self.analyze("on 03/04/2024", language: "en").mentions.first?.value == "2024-03-04")
        #expect(try Self.analyze("on 31/02/2024").mentions.isEmpty)
    }

    @Test func documentDateFromUpdatedLine() throws {
        let analysis = try Self.analyze("Microsoft's deal\n\nLast Updated : 28 Feb, 2024\nannounced at Microsoft Ignite in November 2023.", reference: nil)
        #expect(analysis.documentDate == "2024-02-28")
        #expect(analysis.documentDateIndex == 0)
    }

    @Test func documentDateFromUpdateNoteIsTheEarliestAndAnchorsRelativeDates() throws {
        let text = """
            The FTC on Jan. 25 opened an inquiry.
            Update: This article was updated with financial details. (Feb. 27, 2024)
            Update: corrected a name. (Feb. 29, 2024)
            """
        let analysis = try Self.analyze(text, reference: "2020-01-01")
        #expect(analysis.documentDate == "2024-02-27")
        #expect(analysis.mentions.first?.value == "2024-01-25")
    }

    @Test func datelineGivesTheDocumentDate() throws {
        let analysis = try Self.analyze("NEW YORK, March 3, 2024 - Stocks rose after the March 1, 2024 report.", reference: nil)
        #expect(analysis.documentDate == "2024-03-03")
        let french = try Self.analyze("PARIS (Reuters), 3 mars 2024 - Le CAC 40 a progressé après le rapport du 1er mars 2024.", language: "fr", reference: nil)
        #expect(french.documentDate == "2024-03-03")
    }

    /// A wire dateline without its year takes the year that puts it last up to the published
    /// date (a day later allowed), else up to a dated publishing line, else up to the reference.
    @Test(arguments: [
        ("PARIS, Sept 23 (Reuters) - Renault said on Monday it would cut jobs.", "2024-09-24", nil, "2024-09-23"),
        ("NEW YORK, Dec 31 - Stocks rose on Tuesday.", "2025-01-02", nil, "2024-12-31"),
        ("NEW YORK, March 3 - Stocks fell.", "2025-01-10", nil, "2024-03-03"),
        ("SYDNEY, Jan 3 (Reuters) - The bank cut rates.", "2025-01-02", nil, "2025-01-03"),
        ("NEW YORK, March 3 - Stocks fell.", nil, "2025-01-10", "2024-03-03"),
        ("Stocks fall\nPublished: Jan 2, 2025\nLONDON, Dec 31 (Reuters) - Stocks fell.", nil, nil, "2024-12-31"),
        ("PARIS, Sept 23 (Reuters) - Renault said it would cut jobs.", nil, nil, nil),
    ] as [(String, String?, String?, String?)])
    func aDatelineWithoutAYearTakesThePublishedYear(text: String, published: String?, reference: String?, expected: String?) throws {
        let analysis = try Self.extractor.analyze(try Fixtures.tokenized(text, language: "en"), published: published, reference: reference)
        #expect(analysis.documentDate == expected)
        #expect(analysis.documentDateIndex.flatMap { analysis.mentions[$0].value } == expected)
    }

    /// European outlets write the place in title case, with the agency or without.
    @Test(arguments: [
        ("de", "München, 12.03.2025 – Die Firma hat am 10.03.2025 Geld eingesammelt.", "2025-03-12"),
        ("de", "Frankfurt am Main (dpa) - 4. März 2025: Die Bank meldete am 1. März 2025 Zahlen.", "2025-03-04"),
        ("it", "Milano, 21 ottobre 2025 - La startup ha chiuso il 20 ottobre 2025 un round.", "2025-10-21"),
        ("es", "San Sebastián, 4 de junio de 2025. - La empresa cerró el 2 de junio de 2025 la ronda.", "2025-06-04"),
        ("fr", "Paris, le 5 mars 2025 - La start-up a levé le 3 mars 2025 25 millions d'euros.", "2025-03-05"),
        ("de", "Berlin, den 4. März 2025 - Die Runde schloss am 2. März 2025.", "2025-03-04"),
    ])
    func aTitleCaseDatelineGivesTheDocumentDate(language: String, text: String, expected: String) throws {
        #expect(try Self.analyze(text, language: language, reference: nil).documentDate == expected)
    }

    /// A byline with the date dates the document; the same words inside a sentence do not.
    @Test(arguments: [
        ("en", "Headline here\nBy Jane Doe | March 12, 2025\nThe company said yesterday it agreed.", "2025-03-12"),
        ("de", "Titel\nvon Max Weber | 12. März 2025, 10:32 Uhr\nDas Unternehmen meldete gestern Zahlen.", "2025-03-12"),
        ("es", "Titular\nPor Ana Gil - 12 de marzo de 2025\nLa empresa anunció ayer un acuerdo.", "2025-03-12"),
        ("it", "Titolo\nDi Marco Rossi, 12 marzo 2025\nLa società ha annunciato ieri un accordo.", "2025-03-12"),
        ("en", "Headline\nThe deal, agreed by Acme Inc, March 12, 2025, closed.\nIt said yesterday.", nil),
        // The byline after the date: "March 12, 2025 by Jane Doe", "12 marzo 2025 | di Marco Rossi".
        ("en", "Headline here\nMarch 12, 2025 by Jane Doe\nThe company said yesterday it agreed.", "2025-03-12"),
        ("it", "Titolo\n12 marzo 2025 | di Marco Rossi\nLa società ha annunciato ieri un accordo.", "2025-03-12"),
        ("en", "Headline\nMarch 12, 2025 by the board, the plan was approved.\nIt said yesterday.", nil),
    ])
    func aBylineWithADateGivesTheDocumentDate(language: String, text: String, expected: String?) throws {
        #expect(try Self.analyze(text, language: language, reference: nil).documentDate == expected)
    }

    /// A dateline stands at the top: a line far into the story that reads like one dates an event.
    @Test func aDatelineFarIntoTheStoryIsNoPublishingDate() throws {
        let text = (1...14).map { "Paragraph \($0) of the story." }.joined(separator: "\n") + "\nBerlin, March 3, 2024 - the talks began."
        #expect(try Self.analyze(text, reference: nil).documentDate == nil)
    }

    @Test func aCueWordInRunningTextIsNoPublishingDate() throws {
        let text = """
            Microsoft and Mistral
            Last Updated : 28 Feb, 2024
            Microsoft published its results on Jan. 30, 2024, and said the deal was updated on Feb. 1, 2024.
            """
        #expect(try Self.analyze(text, reference: nil).documentDate == "2024-02-28")
    }

    /// A label may qualify its cue word ("Zuletzt aktualisiert", "Dernière mise à jour"):
    /// the line still gives the document's date.
    @Test(arguments: [
        ("de", "Zuletzt aktualisiert: 11.03.2025, 17:45 Uhr", "2025-03-11"),
        ("fr", "Dernière mise à jour le 4 février 2025 à 11h12", "2025-02-04"),
        ("it", "Ultimo aggiornamento: 07/05/2025 10:40", "2025-05-07"),
        ("es", "Última actualización: 6 de mayo de 2025", "2025-05-06"),
        ("en", "Originally published: March 3, 2025", "2025-03-03"),
    ])
    func aQualifiedCueGivesTheDocumentDate(language: String, line: String, expected: String) throws {
        let text = "Nordlicht Robotics\n\n\(line)\n\nNordlicht Robotics closed a round on March 1, 2025."
        #expect(try Self.analyze(text, language: language, reference: nil).documentDate == expected)
    }

    @Test func aCueAfterABylineSeparatorStillCounts() throws {
        #expect(try Self.analyze("Mistral's deal\nBy Jane Doe | Updated Feb. 28, 2024\nThe deal closed.", reference: nil).documentDate == "2024-02-28")
    }

    @Test func aHeadlineDateIsNotTheDocumentDate() throws {
        // The first line is the headline, dating the event; the earliest date must not be taken from it.
        for headline in ["MICROSOFT AND MISTRAL SIGN DEAL ON NOV. 15, 2023", "Nov. 15, 2023: Microsoft and Mistral sign a deal", "Microsoft and Mistral sign a deal on Nov. 15, 2023"] {
            let analysis = try Self.analyze("\(headline)\n\nPublished: Feb. 27, 2024\nThe deal was signed at Ignite.", reference: nil)
            #expect(analysis.documentDate == "2024-02-27", "\(headline)")
        }
    }

    @Test func aDateAloneOnTheFirstLineIsTheDocumentDate() throws {
        #expect(try Self.analyze("Feb. 27, 2024\nMicrosoft and Mistral signed a deal on Nov. 15, 2023.", reference: nil).documentDate == "2024-02-27")
    }

    /// A date alone on a header line may carry its time of day and a reading time; a
    /// sentence after a date is no such rest.
    @Test(arguments: [
        ("en", "March 4, 2025 at 10:15 AM", "2025-03-04"),
        ("en", "March 4, 2025 | 10:15 AM ET | 3 min read", "2025-03-04"),
        ("it", "04 marzo 2025 - 10:40", "2025-03-04"),
        ("de", "4. März 2025, 14:20 Uhr", "2025-03-04"),
        ("fr", "4 mars 2025 à 07h30", "2025-03-04"),
        ("en", "March 4, 2025 10:15 AM GMT+1 Updated 2 hours ago", "2025-03-04"),
        ("en", "5 March 2025 10.42 GMT", "2025-03-05"),
        ("en", "March 4, 2025: Helix closed its fund at 10", nil),
    ])
    func aHeaderDateMayCarryItsTime(language: String, line: String, expected: String?) throws {
        let text = "Helix Ventures closes its second fund\nBy Jane Doe\n\(line)\n\nHelix Ventures said it closed the fund."
        #expect(try Self.analyze(text, language: language, reference: nil).documentDate == expected)
    }

    /// An author's handle, a time of day, a weekday's abbreviation or the article a date
    /// takes may stand before the date on a header line; words of a sentence may not.
    @Test(arguments: [
        ("en", "@romaindillet / 10:00 AM UTC • January 15, 2025", "2025-01-15"),
        ("de", "10:15 | 04.06.2025", "2025-06-04"),
        ("en", "Helix said on January 15, 2025", nil),
        ("fr", "Le 18/11/2025 à 15:20, mis à jour le 19/11/2025 à 08:00", "2025-11-18"),
        ("es", "Actualizado: martes, 18 noviembre 2025 16:05", "2025-11-18"),
        ("en", "Tue 5 Mar 2024 10.42 GMT", "2024-03-05"),
        ("de", "Di., 5. März 2024, 10:42 Uhr", "2024-03-05"),
        ("en", "Helix said 5 Mar 2024", nil),
        ("en", "Pay March 31, 2025", nil),
    ])
    func aHeaderDateMayFollowAHandleOrATime(language: String, line: String, expected: String?) throws {
        let text = "Helix Ventures closes its second fund\nJane Doe\n\(line)\n\nHelix Ventures said it closed the fund."
        #expect(try Self.analyze(text, language: language, reference: nil).documentDate == expected)
    }

    /// A quarter to come is the first one not over by the anchor (next year's once this
    /// year's has passed); a quarter reported stays the last one begun.
    @Test func anUpcomingQuarterIsNotThePastOne() throws {
        let future = try Self.analyze("The deal is expected to close in the first quarter.", reference: "2024-11-15").mentions
        #expect(future.map(\.text) == ["first quarter"] && future.first?.period == DatePeriod(start: "2025-01-01", end: "2025-03-31"))
        let current = try Self.analyze("The deal will close in the fourth quarter.", reference: "2024-11-15").mentions
        #expect(current.first?.period == DatePeriod(start: "2024-10-01", end: "2024-12-31"))
        let past = try Self.analyze("Sales fell in the first quarter.", reference: "2024-11-15").mentions
        #expect(past.first?.period == DatePeriod(start: "2024-01-01", end: "2024-03-31"))
    }

    /// A weekday with a day's number and no month ("jeudi 13") is the day of that number on
    /// that weekday nearest the anchor, before it or after; none within six months is no day.
    @Test func aWeekdayWithADayNumberIsTheNearestSuchDay() throws {
        let wednesday = CalendarDay(year: 2024, month: 6, day: 12)!
        #expect(DateResolver.nearestDay(numbered: 13, on: 4, to: wednesday) == CalendarDay(year: 2024, month: 6, day: 13))
        #expect(DateResolver.nearestDay(numbered: 3, on: 1, to: wednesday) == CalendarDay(year: 2024, month: 6, day: 3))
        #expect(DateResolver.nearestDay(numbered: 13, on: 5, to: wednesday) == CalendarDay(year: 2024, month: 9, day: 13))
        #expect(DateResolver.nearestDay(numbered: 31, on: 1, to: CalendarDay(year: 2024, month: 2, day: 27)!) == nil)
        let found = try Self.analyze("Le conseil se réunira jeudi 29, a précisé la direction.", language: "fr").mentions
        #expect(found.map(\.text) == ["jeudi 29"] && found.first?.value == "2024-02-29")
    }

    @Test func eventDatesAreNotTheDocumentDate() throws {
        let analysis = try Self.analyze("The company was founded on April 28, 2023 in Paris.", reference: nil)
        #expect(analysis.documentDate == nil)
    }

    @Test func aDayIsReadAndWrittenInISOForm() {
        // The ten-byte form, read and written in place; other forms take the general path.
        #expect(CalendarDay(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CalendarDay(iso: "0987-01-05")?.iso == "0987-01-05")
        #expect(CalendarDay(iso: "2024-2-3")?.iso == "2024-02-03")
        #expect(CalendarDay(iso: "2023-02-29") == nil && CalendarDay(iso: "2024-13-01") == nil && CalendarDay(iso: "2024-0a-01") == nil)
        #expect(CalendarDay(year: 12024, month: 1, day: 2)?.iso == "12024-01-02")
    }

    @Test func aSpanIsWrittenAsTheFinestUnitHoldingIt() {
        let leapFebruary = DateValue.month(year: 2024, month: 2)!
        #expect(leapFebruary.iso == "2024-02" && leapFebruary.period == DatePeriod(start: "2024-02-01", end: "2024-02-29"))
        #expect(DateValue.months(3, from: 10, of: 2023)!.iso == "2023")
        #expect(DateValue.months(3, from: 11, of: 2023) == DateValue(first: CalendarDay(year: 2023, month: 11, day: 1)!, last: CalendarDay(year: 2024, month: 1, day: 31)!))
        // Monday Feb. 26 to Sunday March 3, 2024: two months, one year.
        #expect(DateValue.week(of: CalendarDay(year: 2024, month: 2, day: 29)!).iso == "2024")
        // Monday Dec. 30, 2024 to Sunday Jan. 5, 2025: its Thursday is in 2025.
        let newYear = DateValue.week(of: CalendarDay(year: 2025, month: 1, day: 1)!)
        #expect(newYear.first.iso == "2024-12-30" && newYear.iso == "2025")
        #expect(DateValue.day(CalendarDay(year: 2024, month: 2, day: 27)!).period == nil)
        // 2020 has an ISO week 53 (Dec. 28, 2020 to Jan. 3, 2021); 2024 ends with week 52.
        #expect(DateValue.week(53, of: 2020)?.first.iso == "2020-12-28" && DateValue.week(53, of: 2024) == nil && DateValue.week(0, of: 2024) == nil)
        #expect(DateValue(iso: "2023-11") == DateValue.month(year: 2023, month: 11) && DateValue(iso: "2023-13") == nil && DateValue(iso: "2024-02-30") == nil)
    }

    @Test func relativePeriodsCrossYearBoundaries() {
        func shifted(_ anchor: String, _ unit: DateUnit, _ amount: Int, _ part: DatePart = .whole) -> String {
            let value = DateResolver.shifted(CalendarDay(iso: anchor)!, by: .init(unit: unit, amount: amount, part: part))
            return "\(value.first.iso)/\(value.last.iso)"
        }
        #expect(shifted("2024-01-15", .quarter, -1) == "2023-10-01/2023-12-31")
        #expect(shifted("2024-11-01", .half, 1) == "2025-01-01/2025-06-30")
        #expect(shifted("2024-01-03", .week, -1) == "2023-12-25/2023-12-31")
        #expect(shifted("2024-03-31", .month, -1) == "2024-02-01/2024-02-29")
        #expect(shifted("2024-05-10", .quarter, 0, .later) == "2024-05-10/2024-06-30")
        #expect(shifted("2024-01-01", .month, 0, .earlier) == "2024-01-01/2024-01-01")
    }

    @Test func badRelativePhraseNamesFileLineAndWhatIsExpected() throws {
        for entry in ["{unit: fortnight, shift: -1}", "{unit: week, shift: -1, part: middle}"] {
            let yaml = "language: xx\nmonths: {jan: 1}\nrelative:\n  last time: \(entry)\nforms:\n  - '{relative}'\n"
            #expect {
                _ = try DateGrammar(file: try RuleFile(path: "dates/xx.yaml", yaml: yaml), common: nil)
            } throws: { error in
                guard let error = error as? RuleError else { return false }
                return error.description.hasPrefix("dates/xx.yaml:4:") && error.message.contains("day|week|month|quarter|half|year")
            }
        }
    }

    @Test func calendarArithmetic() {
        let day = CalendarDay(year: 2024, month: 2, day: 27)!
        #expect(day.weekday == 2)
        #expect(day.adding(days: 3).iso == "2024-03-01")
        #expect(CalendarDay(dayNumber: day.dayNumber) == day)
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(day.month(adding: -3) == (2023, 11))
    }
}

/// The record's `published` comes from the text where metadata gives none.
@Suite struct DatePublishedTests {
    @Test func recordsOfCorpusArePublishedOnTheDatesTheirTextsGive() throws {
        let extraction = try Extraction(rules: Fixtures.rules)
        func published(_ name: String) throws -> String? {
            let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Corpus/\(name).txt"), encoding: .utf8)
            return try extraction.record(for: Fixtures.document(text, id: name)).published
        }
        #expect(try published("000_f04260d33bd6e71a") == "2024-02-28")
        #expect(try published("004_f27881c4a8e299fc") == "2024-02-27")
        #expect(try published("003_791e63e7b74a6ca2") == nil)
    }

    @Test func metadataDateWinsAndAnchorsRelativeDates() throws {
        let extraction = try Extraction(rules: Fixtures.rules, options: .init(referenceDate: "2020-01-01"))
        let record = try extraction.record(for: Fixtures.document("Yesterday the deal closed.", published: "2024-03-05"))
        #expect(record.published == "2024-03-05")
        #expect(record.dates.first?.value == "2024-03-04")
    }
}

import Foundation
