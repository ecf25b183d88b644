import Foundation

/// Converts amounts to US dollars with the best rate the run knows, in this order: a rate
/// the same article states (a stated equivalent such as "€15 million (about $16.3 million)"),
/// a rate another article states for a date near the document's, the table at the
/// document's date, the table at the run's reference date.
struct CurrencyConverter: Sendable {
    static let usd = "USD"

    /// A rate an article states: the sum and its stated equivalent, and where.
    struct StatedRate: Sendable {
        var conversion: Conversion
        var documentIndex: Int
        var line: Int
        var start: Int
        /// The stating document's date as a day number, if it has a full date.
        var day: Int?
    }

    private let records: [DocumentRecord]
    private let table: ExchangeRateTable
    private let corpusRateDays: Int
    private let referenceMonth: String
    private let stated: [StatedRate]
    private let documentDays: [Int?]

    init(records: [DocumentRecord], table: ExchangeRateTable, corpusRateDays: Int, referenceDate: String?) {
        self.records = records
        self.table = table
        self.corpusRateDays = corpusRateDays
        referenceMonth = table.clampedMonth(referenceDate ?? table.lastMonth)
        documentDays = records.map { $0.published.flatMap(CalendarDay.number(of:)) }
        var stated: [StatedRate] = []
        for (documentIndex, record) in records.enumerated() {
            for (index, mention) in record.money.enumerated() {
                guard let conversion = Self.statedConversion(record: record, mentionIndex: index) else { continue }
                stated.append(StatedRate(conversion: conversion, documentIndex: documentIndex, line: mention.line, start: mention.start, day: documentDays[documentIndex]))
            }
        }
        self.stated = stated
    }

    /// The conversion a money mention states through its equivalent, if both name a
    /// different currency and an amount.
    private static func statedConversion(record: DocumentRecord, mentionIndex: Int) -> Conversion? {
        let mention = record.money[mentionIndex]
        guard let equivalentIndex = mention.equivalent, record.money.indices.contains(equivalentIndex) else { return nil }
        let equivalent = record.money[equivalentIndex]
        guard let from = mention.currency, let to = equivalent.currency, from != to,
              let amount = mention.amount, let target = equivalent.amount, !amount.isZero, !target.isZero else { return nil }
        return Conversion(from: from, to: to, numerator: target, denominator: amount, spread: 0,
                          source: "\(record.source):\(mention.line)", origin: .sameArticle)
    }

    /// How `currency` reaches US dollars for the money mention `mentionIndex` of document
    /// `documentIndex`; nil for dollars themselves or where no rate is known at all.
    func toUSD(from currency: String, documentIndex: Int, mentionIndex: Int?) -> Conversion? {
        guard currency != Self.usd else { return nil }
        let record = records[documentIndex]
        if let mentionIndex, let own = Self.statedConversion(record: record, mentionIndex: mentionIndex), own.to == Self.usd {
            return own
        }
        let pairs = stated.compactMap { rate -> (StatedRate, Conversion)? in
            if rate.conversion.from == currency && rate.conversion.to == Self.usd { return (rate, rate.conversion) }
            if rate.conversion.to == currency && rate.conversion.from == Self.usd { return (rate, rate.conversion.inverse) }
            return nil
        }
        if let sameArticle = pairs.first(where: { $0.0.documentIndex == documentIndex }) {
            return sameArticle.1
        }
        if let day = documentDays[documentIndex] {
            let nearby = pairs
                .compactMap { pair -> (distance: Int, order: Int, conversion: Conversion)? in
                    guard let other = pair.0.day, abs(other - day) <= corpusRateDays else { return nil }
                    var conversion = pair.1
                    conversion.origin = .corpus
                    return (abs(other - day), pair.0.documentIndex, conversion)
                }
                .min { ($0.distance, $0.order) < ($1.distance, $1.order) }
            if let nearby { return nearby.conversion }
        }
        if let published = record.published, published.count >= 7, let atDate = table.conversion(from: currency, to: Self.usd, at: published) {
            return atDate
        }
        guard var atReference = table.conversion(from: currency, to: Self.usd, at: referenceMonth) else { return nil }
        atReference.origin = .reference
        atReference.source = atReference.source.replacingOccurrences(of: ")", with: ", the run's reference date)")
        return atReference
    }
}

/// Whole days of the proleptic Gregorian calendar, for the distance between two dates.
enum CalendarDay {
    /// Days since 1970-01-01 of a `YYYY-MM-DD` date; nil for anything less precise.
    static func number(of date: String) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
