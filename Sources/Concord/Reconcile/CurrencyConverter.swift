/// Converts amounts to US dollars with the best rate the run knows, in this order: a rate
/// the same article states (a stated equivalent such as "€15 million (about $16.3 million)"),
/// a rate another article states for a date near the document's, the table at the
/// document's date, the table at the run's reference date.
///
/// Stated rates are indexed by currency, by document and by day once, and table rates are
/// looked up once per (currency, month), so a large corpus costs a lookup per value.
final class CurrencyConverter {
    static let usd = "USD"

    /// A rate an article states, toward US dollars, and the day of the stating document.
    private struct DatedRate {
        var day: Int
        var documentIndex: Int
        var conversion: Conversion
    }

    private let records: [DocumentRecord]
    private let table: ExchangeRateTable
    private let corpusRateDays: Int
    private let referenceMonth: String
    private let documentDays: [Int?]
    /// Currency → document → the first rate toward dollars that document states.
    private var statedInDocument: [String: [Int: Conversion]] = [:]
    /// Currency → rates toward dollars stated by dated documents, by (day, document).
    private var statedByDay: [String: [DatedRate]] = [:]
    /// Table conversions already looked up, by currency and month.
    private var tableCache: [String: Conversion?] = [:]

    init(records: [DocumentRecord], table: ExchangeRateTable, corpusRateDays: Int, referenceDate: String?) {
        self.records = records
        self.table = table
        self.corpusRateDays = corpusRateDays
        referenceMonth = table.clampedMonth(referenceDate ?? table.lastMonth)
        documentDays = records.map { $0.published.flatMap({ CalendarDay(iso: $0)?.dayNumber }) }
        for (documentIndex, record) in records.enumerated() {
            for index in record.money.indices {
                guard let stated = Self.statedConversion(record: record, mentionIndex: index) else { continue }
                let towardDollars: Conversion
                if stated.to == Self.usd { towardDollars = stated } else if stated.from == Self.usd { towardDollars = stated.inverse } else { continue }
                let currency = towardDollars.from
                if statedInDocument[currency, default: [:]][documentIndex] == nil {
                    statedInDocument[currency, default: [:]][documentIndex] = towardDollars
                }
                if let day = documentDays[documentIndex] {
                    var elsewhere = towardDollars
                    elsewhere.origin = .corpus
                    statedByDay[currency, default: []].append(DatedRate(day: day, documentIndex: documentIndex, conversion: elsewhere))
                }
            }
        }
        for currency in statedByDay.keys {
            statedByDay[currency]!.sort { ($0.day, $0.documentIndex) < ($1.day, $1.documentIndex) }
        }
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
                          source: "\(record.provenance):\(mention.line)", origin: .sameArticle)
    }

    /// How `currency` reaches US dollars for the money mention `mentionIndex` of document
    /// `documentIndex`; nil for dollars themselves or where no rate is known at all.
    func toUSD(from currency: String, documentIndex: Int, mentionIndex: Int?) -> Conversion? {
        guard currency != Self.usd else { return nil }
        let record = records[documentIndex]
        if let mentionIndex, let own = Self.statedConversion(record: record, mentionIndex: mentionIndex), own.to == Self.usd {
            return own
        }
        if let sameArticle = statedInDocument[currency]?[documentIndex] {
            return sameArticle
        }
        if let day = documentDays[documentIndex], let nearby = nearestStatedRate(for: currency, day: day) {
            return nearby
        }
        if let published = record.published, published.count >= 7, let atDate = tableConversion(currency, month: String(published.prefix(7))) {
            return atDate
        }
        guard var atReference = tableConversion(currency, month: referenceMonth) else { return nil }
        atReference.origin = .reference
        atReference.source = String(atReference.source.dropLast()) + ", the run's reference date)"
        return atReference
    }

    /// The rate another article states for a day within the window, the nearest day first,
    /// then the first document in run order.
    private func nearestStatedRate(for currency: String, day: Int) -> Conversion? {
        guard let rates = statedByDay[currency] else { return nil }
        var low = 0, high = rates.count
        while low < high {
            let middle = (low + high) / 2
            if rates[middle].day < day - corpusRateDays { low = middle + 1 } else { high = middle }
        }
        var best: DatedRate?
        for rate in rates[low...] {
            guard rate.day <= day + corpusRateDays else { break }
            if best.map({ (abs(rate.day - day), rate.documentIndex) < (abs($0.day - day), $0.documentIndex) }) ?? true { best = rate }
        }
        return best?.conversion
    }

    private func tableConversion(_ currency: String, month: String) -> Conversion? {
        let key = currency + " " + month
        if let cached = tableCache[key] { return cached }
        let conversion = table.conversion(from: currency, to: Self.usd, at: month)
        tableCache[key] = conversion
        return conversion
    }
}

