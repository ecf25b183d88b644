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

    var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

/// A date as precise as the text states it: a day, a month or a year.
enum DateValue: Sendable, Equatable {
    case day(CalendarDay)
    case month(year: Int, month: Int)
    case year(Int)

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    var iso: String {
        switch self {
        case let .day(day): return day.iso
        case let .month(year, month): return "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))"
        case let .year(year): return CalendarDay.pad(year, 4)
        }
    }
}
