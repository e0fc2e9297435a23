//! Dates as the site shows and reads them: days in UTC, written per language.

use crate::locale::Locale;

/// A date (from unix milliseconds, UTC) the way each language writes it.
pub fn format_date(locale: Locale, unix_ms: i64) -> String {
    let (year, month, day) = civil_date(unix_ms.div_euclid(86_400_000));
    match locale {
        Locale::Fr => format!("{day:02}/{month:02}/{year}"),
        Locale::Nl => format!("{day:02}-{month:02}-{year}"),
        Locale::En => format!(
            "{day} {} {year}",
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month as usize - 1]
        ),
    }
}

/// A date as a form's `<input type="date">` sends it (`2017-03-02`), as the unix
/// milliseconds of its first instant (UTC, like every date the site shows).
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Inverse of `civil_date`, after the same algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    // 31 February and the like come back as another date: refuse them.
    (civil_date(days) == (year, month as u32, day as u32)).then_some(days * 86_400_000)
}

/// `14:05 UTC`: the time of day of `unix_ms`, the same in every language.
pub fn utc_time(unix_ms: i64) -> String {
    let minutes = unix_ms.div_euclid(60_000).rem_euclid(24 * 60);
    format!("{:02}:{:02} UTC", minutes / 60, minutes % 60)
}

/// The `2017-03-02` spelling of a date, for a form's `<input type="date">`.
pub fn iso_date(unix_ms: i64) -> String {
    let (year, month, day) = civil_date(unix_ms.div_euclid(86_400_000));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's algorithm.
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A day in unix milliseconds.
pub const DAY_MS: i64 = 86_400_000;

pub(crate) fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (year, month, day) to days since 1970-01-01, after Howard Hinnant's algorithm.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year and month (1-12) that `unix_ms` falls in, UTC.
pub fn year_month(unix_ms: i64) -> (i64, i64) {
    let days = unix_ms.div_euclid(DAY_MS);
    // Dividing by 366 never overshoots; walk forward from there.
    let mut year = 1970 + days.div_euclid(366);
    while days_from_civil(year + 1, 1, 1) <= days {
        year += 1;
    }
    let mut month = 12;
    while days_from_civil(year, month, 1) > days {
        month -= 1;
    }
    (year, month)
}

pub fn month_start_ms(year: i64, month: i64) -> i64 {
    days_from_civil(year, month, 1) * DAY_MS
}

/// The calendar year a commitment counts for: the programme's rule is one project per
/// member of the government each year.
pub fn year_start_ms(unix_ms: i64) -> i64 {
    month_start_ms(year_month(unix_ms).0, 1)
}

/// The `count` months up to the one `unix_ms` falls in, oldest first, as (year, month).
pub fn last_months(unix_ms: i64, count: usize) -> Vec<(i64, i64)> {
    let (mut year, mut month) = year_month(unix_ms);
    let mut months = Vec::with_capacity(count);
    for _ in 0..count {
        months.push((year, month));
        month -= 1;
        if month == 0 {
            month = 12;
            year -= 1;
        }
    }
    months.reverse();
    months
}

/// A month the way each language writes it in a table.
pub fn format_month(locale: Locale, year: i64, month: i64) -> String {
    match locale {
        Locale::Fr => format!("{month:02}/{year}"),
        Locale::Nl => format!("{month:02}-{year}"),
        Locale::En => format!(
            "{} {year}",
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                [(month.clamp(1, 12) - 1) as usize]
        ),
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn the_programme_announcement_date_is_written_per_language() {
        let announced = 1_488_412_800_000; // 2017-03-02T00:00:00Z
        assert_eq!(format_date(Locale::Fr, announced), "02/03/2017");
        assert_eq!(format_date(Locale::Nl, announced), "02-03-2017");
        assert_eq!(format_date(Locale::En, announced), "2 Mar 2017");
    }

    #[test]
    fn a_form_date_reads_as_its_first_instant_and_back() {
        assert_eq!(parse_iso_date("2017-03-02"), Some(1_488_412_800_000));
        assert_eq!(iso_date(1_488_412_800_000 + 3_600_000), "2017-03-02");
        assert_eq!(
            parse_iso_date("2024-02-29").map(iso_date),
            Some("2024-02-29".to_owned())
        );
    }

    #[test]
    fn a_time_of_day_is_written_in_utc_on_a_24_hour_clock() {
        let announced = 1_488_412_800_000; // 2017-03-02T00:00:00Z
        assert_eq!(utc_time(announced), "00:00 UTC");
        assert_eq!(utc_time(announced + 13 * 3_600_000 + 5 * 60_000 + 59_999), "13:05 UTC");
    }

    #[test]
    fn an_impossible_date_is_refused() {
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("2023-13-01"), None);
        assert_eq!(parse_iso_date("yesterday"), None);
    }

    #[test]
    fn a_leap_day_is_a_real_date() {
        assert_eq!(civil_date(19_782), (2024, 2, 29));
    }

    #[test]
    fn the_year_of_a_commitment_starts_on_the_first_of_january_utc() {
        let announced = 1_488_412_800_000; // 2017-03-02
        assert_eq!(year_start_ms(announced), 1_483_228_800_000); // 2017-01-01
        assert_eq!(year_month(1_483_228_800_000 - 1), (2016, 12));
    }

    #[test]
    fn the_last_twelve_months_run_across_the_new_year() {
        let months = last_months(1_488_412_800_000, 12);
        assert_eq!(months.first(), Some(&(2016, 4)));
        assert_eq!(months.last(), Some(&(2017, 3)));
        assert_eq!(months.len(), 12);
    }
}
