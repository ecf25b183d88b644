/// A day of the proleptic Gregorian calendar, with the arithmetic relative dates need
/// (days, months, weekdays), done on day numbers: no time zones, no Foundation calendar.
struct CalendarDay: Sendable, Equatable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    /// A valid day, or nil ("2024-02-30").
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    init?(iso: String) {
        // "2024-05-03" read from its ten bytes; a split and three Ints cost 7,000
        // instructions, once per document for its published date.
        var iso = iso
        if let day = iso.withUTF8({ Self.digitsOfISODay($0) }) {
            self.init(year: day.year, month: day.month, day: day.day)
            return
        }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO weekday: 1 Monday ... 7 Sunday.
    var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// The (year, month) `months` months away.
    func month(adding months: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + months
        return (index / 12, index % 12 + 1)
    }

    var iso: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        }
        // Ten bytes written in place: the interpolation of three padded strings cost 2,600
        // instructions, several times per date.
        return String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ value: Int, at offset: Int, width: Int) {
                var rest = value
                for index in (offset..<offset + width).reversed() {
                    bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, width: 4)
            put(month, at: 5, width: 2)
            put(day, at: 8, width: 2)
            bytes[4] = UInt8(ascii: "-")
            bytes[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// Year, month and day of a date written as exactly "YYYY-MM-DD", or nil.
    private static func digitsOfISODay(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

/// The days a date denotes, first and last inclusive: a month, a quarter, a week. Its
/// `value` is the finest of day, month and year that holds every one of those days, so it
/// is never more precise than the text ("Q3 2023" is 2023, "last week" its month).
struct DateValue: Sendable, Equatable {
    var first: CalendarDay
    var last: CalendarDay

    init(first: CalendarDay, last: CalendarDay) {
        self.first = first
        self.last = last
    }

    static func day(_ day: CalendarDay) -> DateValue { DateValue(first: day, last: day) }

    static func month(year: Int, month: Int) -> DateValue? {
        guard let first = CalendarDay(year: year, month: month, day: 1) else { return nil }
        return DateValue(first: first, last: CalendarDay(year: year, month: month, day: CalendarDay.length(ofMonth: month, in: year))!)
    }

    static func year(_ year: Int) -> DateValue {
        DateValue(first: CalendarDay(year: year, month: 1, day: 1)!, last: CalendarDay(year: year, month: 12, day: 31)!)
    }

    /// `count` consecutive months from `month` of `year`: a quarter (3), a half (6).
    static func months(_ count: Int, from month: Int, of year: Int) -> DateValue? {
        guard let start = Self.month(year: year, month: month) else { return nil }
        let (endYear, endMonth) = start.first.month(adding: count - 1)
        return Self.month(year: endYear, month: endMonth).map { DateValue(first: start.first, last: $0.last) }
    }

    /// ISO 8601 week `number` of `year` (week 1 holds January 4), or nil past its last week.
    static func week(_ number: Int, of year: Int) -> DateValue? {
        let januaryFourth = CalendarDay(year: year, month: 1, day: 4)!
        let week = DateValue.week(of: januaryFourth.adding(days: 7 * (number - 1)))
        // The week's Thursday is in the year for every week of it.
        return number >= 1 && week.first.adding(days: 3).year == year ? week : nil
    }

    /// The ISO week (Monday to Sunday) that holds `day`.
    static func week(of day: CalendarDay) -> DateValue {
        let monday = day.adding(days: 1 - day.weekday)
        return DateValue(first: monday, last: monday.adding(days: 6))
    }

    /// The span of a value written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = Int(parts[0]), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1: self = .year(year)
        case 2: guard parts[1].count == 2, let month = Int(parts[1]).flatMap({ DateValue.month(year: year, month: $0) }) else { return nil }; self = month
        default: guard let day = CalendarDay(iso: iso) else { return nil }; self = .day(day)
        }
    }

    /// The span of a period as the record writes it.
    init?(_ period: DatePeriod) {
        guard let first = CalendarDay(iso: period.start), let last = CalendarDay(iso: period.end), first <= last else { return nil }
        self.init(first: first, last: last)
    }

    /// A single day.
    var isDay: Bool { first == last }

    /// How many days it spans.
    var days: Int { last.dayNumber - first.dayNumber + 1 }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the finest that holds the whole span. A week
    /// across New Year belongs to the year of its Thursday, as ISO 8601 numbers weeks.
    var iso: String {
        if first == last { return first.iso }
        if first.year == last.year {
            return first.month == last.month ? "\(CalendarDay.pad(first.year, 4))-\(CalendarDay.pad(first.month, 2))" : CalendarDay.pad(first.year, 4)
        }
        return CalendarDay.pad(first.adding(days: 3).year, 4)
    }

    /// The span for the record; nil for a single day.
    var period: DatePeriod? { isDay ? nil : DatePeriod(start: first.iso, end: last.iso) }
}
