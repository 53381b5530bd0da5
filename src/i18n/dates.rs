//! Calendar dates: parsing and checking ISO dates from front matter, today's date, and writing
//! dates the way CLDR 49 writes them in Kazakh, Russian and English (and RFC 3339 for feeds).

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Lang;

/// CLDR puts a narrow no-break space before the year marks "ж." and "г.".
const NNBSP: char = '\u{202F}';

const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const KK_MONTHS_ABBR: [&str; 12] = [
    "қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел.",
];
/// Russian months with a day take the genitive ("6 декабря").
const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_MONTHS_ABBR_GENITIVE: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EN_MONTHS_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A day of the proleptic Gregorian calendar. Fields are public, so a `Date` built by hand may
/// be invalid; every function here copes with that without panicking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked date: the month is 1–12 and the day exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, String> {
        let Some(month_name) = month_in(&EN_MONTHS, month) else {
            return Err(format!(
                "there is no month {month}: months go from 01 to 12"
            ));
        };
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(format!(
                "{month_name} {year} has {last} days, so day {day} does not exist"
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Reads an ISO date such as `2023-12-06` (surrounding spaces are ignored).
    pub fn parse(s: &str) -> Result<Date, String> {
        let text = s.trim();
        let shape_error = || {
            format!("\"{text}\" is not a date written as YEAR-MONTH-DAY, for example 2023-12-06")
        };
        let mut parts = text.split('-');
        let (Some(year), Some(month), Some(day), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(shape_error());
        };
        let all_digits =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(year, 4) && all_digits(month, 2) && all_digits(day, 2)) {
            return Err(shape_error());
        }
        let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) else {
            return Err(shape_error());
        };
        Date::new(year, month, day).map_err(|why| format!("\"{text}\" is not a real date: {why}"))
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        };
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// `2023-12-06`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        let weekday = (self.days_since_epoch() + 3).rem_euclid(7);
        u8::try_from(weekday).unwrap_or(0)
    }

    /// Days since 1970-01-01 (negative before it). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(&self) -> i64 {
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`] (Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days.saturating_add(719_468);
        let era = days.div_euclid(146_097);
        let day_of_era = days.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
            // Both are in range by construction: month 1..=12, day 1..=31.
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`; 0 for a month that does not exist.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The name of `month` (1-based) in a table of twelve; `None` for a month that does not exist.
fn month_in(names: &[&'static str; 12], month: u8) -> Option<&'static str> {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| names.get(index))
        .copied()
}

/// How much of a date to spell out: `long` (month name), `medium` (abbreviated), `short` (digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateStyle {
    Long,
    Medium,
    Short,
}

impl DateStyle {
    pub(crate) fn from_name(s: &str) -> Option<Self> {
        match s {
            "long" => Some(DateStyle::Long),
            "medium" => Some(DateStyle::Medium),
            "short" => Some(DateStyle::Short),
            _ => None,
        }
    }
}

/// A date as CLDR writes it in `lang`: `2023 ж. 6 желтоқсан`, `6 декабря 2023 г.`,
/// `6 December 2023` (long). Unknown languages get English.
pub(crate) fn format_date(date: Date, lang: &str, style: DateStyle) -> String {
    let Date { year, month, day } = date;
    // An invalid month (only possible for a hand-built Date) shows as its number.
    let name = |names: &[&'static str; 12]| {
        month_in(names, month).map_or_else(|| month.to_string(), str::to_string)
    };
    match (Lang::or_english(lang), style) {
        (Lang::Kk, DateStyle::Long) => format!("{year}{NNBSP}ж. {day} {}", name(&KK_MONTHS)),
        (Lang::Kk, DateStyle::Medium) => {
            format!("{year}{NNBSP}ж. {day:02} {}", name(&KK_MONTHS_ABBR))
        }
        (Lang::Kk, DateStyle::Short) => {
            format!("{day:02}.{month:02}.{:02}", year.rem_euclid(100))
        }
        (Lang::Ru, DateStyle::Long) => {
            format!("{day} {} {year}{NNBSP}г.", name(&RU_MONTHS_GENITIVE))
        }
        (Lang::Ru, DateStyle::Medium) => {
            format!("{day} {} {year}{NNBSP}г.", name(&RU_MONTHS_ABBR_GENITIVE))
        }
        (Lang::Ru, DateStyle::Short) => format!("{day:02}.{month:02}.{year:04}"),
        (Lang::En, DateStyle::Long) => format!("{day} {} {year}", name(&EN_MONTHS)),
        (Lang::En, DateStyle::Medium) => format!("{day} {} {year}", name(&EN_MONTHS_ABBR)),
        (Lang::En, DateStyle::Short) => format!("{day:02}/{month:02}/{year:04}"),
    }
}

/// Midnight UTC of `date` in RFC 3339, for feeds and sitemaps: `2023-12-06T00:00:00Z`.
pub(crate) fn rfc3339(date: Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        match Date::parse(s) {
            Ok(date) => date,
            Err(why) => panic!("{why}"),
        }
    }

    #[test]
    fn kazakh_dates_match_cldr_table() {
        let d = date("2023-12-06");
        assert_eq!(
            format_date(d, "kk", DateStyle::Long),
            "2023\u{202F}ж. 6 желтоқсан"
        );
        assert_eq!(
            format_date(d, "kk", DateStyle::Medium),
            "2023\u{202F}ж. 06 жел."
        );
        assert_eq!(format_date(d, "kk", DateStyle::Short), "06.12.23");
    }

    #[test]
    fn russian_dates_use_genitive_months_and_narrow_space_before_year_mark() {
        let d = date("2023-12-06");
        assert_eq!(
            format_date(d, "ru", DateStyle::Long),
            "6 декабря 2023\u{202F}г."
        );
        assert_eq!(
            format_date(d, "ru", DateStyle::Medium),
            "6 дек. 2023\u{202F}г."
        );
        assert_eq!(format_date(d, "ru", DateStyle::Short), "06.12.2023");
        assert_eq!(
            format_date(date("2024-05-09"), "ru", DateStyle::Long),
            "9 мая 2024\u{202F}г."
        );
        assert_eq!(
            format_date(date("2024-03-01"), "ru", DateStyle::Long),
            "1 марта 2024\u{202F}г."
        );
    }

    #[test]
    fn english_dates_put_the_day_first() {
        let d = date("2023-12-06");
        assert_eq!(format_date(d, "en", DateStyle::Long), "6 December 2023");
        assert_eq!(format_date(d, "en", DateStyle::Medium), "6 Dec 2023");
        assert_eq!(format_date(d, "en", DateStyle::Short), "06/12/2023");
    }

    #[test]
    fn unknown_language_dates_fall_back_to_english() {
        let d = date("2023-12-06");
        assert_eq!(format_date(d, "de", DateStyle::Long), "6 December 2023");
    }

    #[test]
    fn impossible_days_are_rejected_in_plain_words() {
        let Err(why) = Date::parse("2023-02-30") else {
            panic!("2023-02-30 was accepted");
        };
        assert_eq!(
            why,
            "\"2023-02-30\" is not a real date: February 2023 has 28 days, so day 30 does not exist"
        );
        assert!(Date::parse("2023-04-31").is_err());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("2023-00-10").is_err());
        assert!(Date::parse("2023-01-00").is_err());
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for bad in [
            "",
            "2023-12",
            "2023-12-6",
            "06.12.2023",
            "2023-12-06-01",
            "2023-1a-06",
            "+023-12-06",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2023-02-29").is_err());
    }

    #[test]
    fn iso_round_trips_and_pads() {
        assert_eq!(date(" 2023-12-06 ").iso(), "2023-12-06");
        assert_eq!(
            Date {
                year: 987,
                month: 1,
                day: 2
            }
            .iso(),
            "0987-01-02"
        );
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(date("2023-12-06") < date("2024-01-01"));
        assert!(date("2023-02-28") < date("2023-03-01"));
    }

    #[test]
    fn weekday_counts_from_monday() {
        assert_eq!(date("2023-12-06").weekday(), 2); // Wednesday
        assert_eq!(date("1970-01-01").weekday(), 3); // Thursday
        assert_eq!(date("2024-03-03").weekday(), 6); // Sunday
        assert_eq!(date("1969-12-29").weekday(), 0); // Monday
    }

    #[test]
    fn days_since_epoch_round_trips() {
        for days in [-800_000, -1, 0, 1, 19_697, 60, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(19_697), date("2023-12-06"));
    }

    #[test]
    fn today_is_a_valid_date_after_2024() {
        let today = Date::today();
        assert!(Date::new(today.year, today.month, today.day).is_ok());
        assert!(today.year >= 2024);
    }

    #[test]
    fn rfc3339_is_midnight_utc() {
        assert_eq!(rfc3339(date("2023-12-06")), "2023-12-06T00:00:00Z");
    }

    #[test]
    fn yaml_dates_deserialize_from_plain_scalars_and_reject_bad_ones() {
        #[derive(Deserialize, Serialize)]
        struct Front {
            date: Date,
        }
        let front: Front = match serde_yaml::from_str("date: 2023-12-06\n") {
            Ok(front) => front,
            Err(why) => panic!("{why}"),
        };
        assert_eq!(front.date, date("2023-12-06"));
        let Err(why) = serde_yaml::from_str::<Front>("date: 2023-02-30\n") else {
            panic!("2023-02-30 was accepted");
        };
        assert!(
            why.to_string().contains("February 2023 has 28 days"),
            "{why}"
        );
        assert_eq!(
            serde_yaml::to_string(&front).ok().as_deref(),
            Some("date: 2023-12-06\n")
        );
    }

    #[test]
    fn hand_built_invalid_dates_format_without_panicking() {
        let bad = Date {
            year: 2023,
            month: 13,
            day: 40,
        };
        assert_eq!(
            format_date(bad, "ru", DateStyle::Long),
            "40 13 2023\u{202F}г."
        );
        let _ = bad.weekday();
    }

    #[test]
    fn style_names_are_the_template_words() {
        assert_eq!(DateStyle::from_name("long"), Some(DateStyle::Long));
        assert_eq!(DateStyle::from_name("medium"), Some(DateStyle::Medium));
        assert_eq!(DateStyle::from_name("short"), Some(DateStyle::Short));
        assert_eq!(DateStyle::from_name("full"), None);
    }
}
