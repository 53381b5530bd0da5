//! Numbers as CLDR writes them: digit grouping and decimal marks (`5 230`, `1 234 567,891` in
//! kk/ru, `5,230` in en), percentages, money amounts and figures with units.

use super::Lang;

/// The no-break space CLDR uses as the kk/ru group separator and before `%` and currency signs.
const NBSP: char = '\u{00A0}';

struct Symbols {
    decimal: char,
    group: char,
}

fn symbols(lang: Lang) -> Symbols {
    match lang {
        Lang::Kk | Lang::Ru => Symbols {
            decimal: ',',
            group: NBSP,
        },
        Lang::En => Symbols {
            decimal: '.',
            group: ',',
        },
    }
}

/// A whole number with groups of three digits from 1 000 on: `5 230` (kk, ru), `5,230` (en).
pub(crate) fn format_integer(n: i64, lang: &str) -> String {
    assemble(
        n < 0,
        &n.unsigned_abs().to_string(),
        "",
        Lang::or_english(lang),
    )
}

/// A number with up to three fraction digits, trailing zeros dropped:
/// `1 234 567,891` (kk, ru), `1,234,567.891` (en), `9,221` (kk, ru).
pub(crate) fn format_decimal(n: f64, lang: &str) -> String {
    format_float(n, 3, Fraction::TrimZeros, Lang::or_english(lang))
}

/// A percentage; `n` is the figure itself (40 → `40%`). Russian puts a no-break space before
/// the sign (`40 %`), Kazakh and English do not.
pub(crate) fn format_percent(n: f64, lang: &str) -> String {
    let lang = Lang::or_english(lang);
    let number = format_float(n, 3, Fraction::TrimZeros, lang);
    match lang {
        Lang::Ru => format!("{number}{NBSP}%"),
        Lang::Kk | Lang::En => format!("{number}%"),
    }
}

/// An amount of money: `300 000 ₸`, `300 000 $` (kk, ru), `$300,000` (en). Cents show only
/// when there are some (`1 500,50 $`). A code without a known sign is written after the
/// number in every language: `300 000 GBP`.
pub(crate) fn format_money(amount: f64, currency: &str, lang: &str) -> String {
    let lang = Lang::or_english(lang);
    let number = format_float(amount, 2, Fraction::AllOrNothing, lang);
    let code = currency.trim().to_ascii_uppercase();
    if code.is_empty() {
        return number;
    }
    match (currency_sign(&code), lang) {
        (Some(sign), Lang::En) => match number.strip_prefix('-') {
            Some(positive) => format!("-{sign}{positive}"),
            None => format!("{sign}{number}"),
        },
        (Some(sign), Lang::Kk | Lang::Ru) => format!("{number}{NBSP}{sign}"),
        (None, _) => format!("{number}{NBSP}{code}"),
    }
}

/// A figure from a story's `results`: `%` as a percentage, another unit after a no-break
/// space (`1 200 км`), no unit as a bare number.
pub(crate) fn format_quantity(value: f64, unit: &str, lang: &str) -> String {
    match unit.trim() {
        "%" => format_percent(value, lang),
        "" => format_decimal(value, lang),
        unit => format!("{}{NBSP}{unit}", format_decimal(value, lang)),
    }
}

fn currency_sign(code: &str) -> Option<&'static str> {
    match code {
        "KZT" => Some("₸"),
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "RUB" => Some("₽"),
        _ => None,
    }
}

/// What to do with the fraction digits after rounding.
#[derive(Clone, Copy)]
enum Fraction {
    /// Drop trailing zeros (`1,500` → `1,5`).
    TrimZeros,
    /// Keep all digits unless they are all zero (money: `1 500,50` or `1 500`).
    AllOrNothing,
}

fn format_float(n: f64, precision: usize, fraction: Fraction, lang: Lang) -> String {
    if n.is_nan() {
        return "NaN".to_string();
    }
    if n.is_infinite() {
        return if n < 0.0 { "-∞" } else { "∞" }.to_string();
    }
    let text = format!("{:.precision$}", n.abs());
    let (integer, digits) = text.split_once('.').unwrap_or((&text, ""));
    let digits = match fraction {
        Fraction::TrimZeros => digits.trim_end_matches('0'),
        Fraction::AllOrNothing if digits.bytes().all(|b| b == b'0') => "",
        Fraction::AllOrNothing => digits,
    };
    // No "-0": a negative number that rounds to zero is written as zero.
    let nonzero = integer.bytes().chain(digits.bytes()).any(|b| b != b'0');
    assemble(n < 0.0 && nonzero, integer, digits, lang)
}

/// Sign, grouped integer digits and fraction digits in the conventions of `lang`.
fn assemble(negative: bool, integer: &str, fraction: &str, lang: Lang) -> String {
    let Symbols { decimal, group } = symbols(lang);
    let mut out = String::with_capacity(integer.len() * 2 + fraction.len() + 2);
    if negative {
        out.push('-');
    }
    let len = integer.chars().count();
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (len - index).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_group_with_no_break_spaces_from_four_digits() {
        assert_eq!(format_integer(5230, "kk"), "5\u{a0}230");
        assert_eq!(format_integer(5230, "ru"), "5\u{a0}230");
        assert_eq!(format_integer(9999, "ru"), "9\u{a0}999");
        assert_eq!(format_integer(999, "ru"), "999");
        assert_eq!(format_integer(1_234_567, "kk"), "1\u{a0}234\u{a0}567");
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(format_integer(5230, "en"), "5,230");
        assert_eq!(format_integer(300_000, "en"), "300,000");
        assert_eq!(format_integer(5230, "de"), "5,230");
    }

    #[test]
    fn negative_integers_keep_their_sign_even_at_the_extremes() {
        assert_eq!(format_integer(-5230, "ru"), "-5\u{a0}230");
        assert_eq!(format_integer(0, "ru"), "0");
        assert_eq!(format_integer(i64::MIN, "en"), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn decimals_use_comma_in_kazakh_and_russian() {
        assert_eq!(
            format_decimal(1_234_567.891, "kk"),
            "1\u{a0}234\u{a0}567,891"
        );
        assert_eq!(
            format_decimal(1_234_567.891, "ru"),
            "1\u{a0}234\u{a0}567,891"
        );
        assert_eq!(format_decimal(9.221, "ru"), "9,221");
        assert_eq!(format_decimal(1_234_567.891, "en"), "1,234,567.891");
    }

    #[test]
    fn decimals_round_to_three_digits_and_drop_trailing_zeros() {
        assert_eq!(format_decimal(2.5, "ru"), "2,5");
        assert_eq!(format_decimal(2.0, "ru"), "2");
        assert_eq!(format_decimal(0.12345, "en"), "0.123");
        assert_eq!(format_decimal(1.9996, "en"), "2");
        assert_eq!(format_decimal(-0.0001, "en"), "0");
        assert_eq!(format_decimal(-1.5, "kk"), "-1,5");
    }

    #[test]
    fn non_finite_numbers_are_written_without_panicking() {
        assert_eq!(format_decimal(f64::NAN, "ru"), "NaN");
        assert_eq!(format_decimal(f64::NEG_INFINITY, "ru"), "-∞");
        assert_eq!(format_money(f64::INFINITY, "USD", "en"), "$∞");
    }

    #[test]
    fn percent_has_a_no_break_space_only_in_russian() {
        assert_eq!(format_percent(40.0, "ru"), "40\u{a0}%");
        assert_eq!(format_percent(40.0, "kk"), "40%");
        assert_eq!(format_percent(40.0, "en"), "40%");
        assert_eq!(format_percent(12.5, "kk"), "12,5%");
    }

    #[test]
    fn tenge_goes_after_the_amount() {
        assert_eq!(format_money(300_000.0, "KZT", "kk"), "300\u{a0}000\u{a0}₸");
        assert_eq!(format_money(300_000.0, "kzt", "ru"), "300\u{a0}000\u{a0}₸");
    }

    #[test]
    fn dollar_goes_before_the_amount_in_english_and_after_in_russian() {
        assert_eq!(format_money(300_000.0, "USD", "en"), "$300,000");
        assert_eq!(format_money(300_000.0, "USD", "ru"), "300\u{a0}000\u{a0}$");
        assert_eq!(format_money(300_000.0, "EUR", "en"), "€300,000");
        assert_eq!(format_money(-50.0, "EUR", "en"), "-€50");
    }

    #[test]
    fn money_shows_cents_only_when_there_are_some() {
        assert_eq!(format_money(1500.5, "USD", "ru"), "1\u{a0}500,50\u{a0}$");
        assert_eq!(format_money(1500.001, "USD", "ru"), "1\u{a0}500\u{a0}$");
    }

    #[test]
    fn unknown_currency_code_follows_the_amount() {
        assert_eq!(
            format_money(300_000.0, "GBP", "kk"),
            "300\u{a0}000\u{a0}GBP"
        );
        assert_eq!(format_money(300_000.0, "gbp", "en"), "300,000\u{a0}GBP");
        assert_eq!(format_money(300_000.0, " ", "en"), "300,000");
    }

    #[test]
    fn quantities_put_the_unit_after_a_no_break_space() {
        assert_eq!(format_quantity(40.0, "%", "ru"), "40\u{a0}%");
        assert_eq!(format_quantity(40.0, " % ", "kk"), "40%");
        assert_eq!(format_quantity(1200.0, "км", "kk"), "1\u{a0}200\u{a0}км");
        assert_eq!(format_quantity(1200.0, "", "en"), "1,200");
    }
}
