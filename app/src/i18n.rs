//! Every word of the interface, in French, Dutch and English (Fluent files under
//! `app/locales/`). The locale is decided once per request on the server and read
//! back from `<html lang>` in the browser; switching language reloads the page.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

pub const LOCALE_COOKIE: &str = "agora_locale";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    Fr,
    Nl,
    #[default]
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Fr, Locale::Nl, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Fr => "Français",
            Locale::Nl => "Nederlands",
            Locale::En => "English",
        }
    }

    pub fn parse(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Locale::Fr),
            "nl" => Some(Locale::Nl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The cookie wins; otherwise the best-weighted supported language of `Accept-Language`.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        if let Some(locale) = cookie.and_then(Locale::parse) {
            return locale;
        }
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, entry) in accept_language.unwrap_or_default().split(',').enumerate() {
            let mut parts = entry.split(';');
            let Some(locale) = parts.next().and_then(Locale::parse) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let better = match best {
                None => true,
                Some((w, p, _)) => weight > w || (weight == w && position < p),
            };
            if weight > 0.0 && better {
                best = Some((weight, position, locale));
            }
        }
        best.map(|(_, _, l)| l).unwrap_or_default()
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        &BUNDLES[self as usize]
    }
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 3]> = LazyLock::new(|| {
    [
        build_bundle(Locale::Fr, include_str!("../locales/fr.ftl")),
        build_bundle(Locale::Nl, include_str!("../locales/nl.ftl")),
        build_bundle(Locale::En, include_str!("../locales/en.ftl")),
    ]
});

fn build_bundle(locale: Locale, source: &str) -> FluentBundle<FluentResource> {
    let lang = locale
        .code()
        .parse()
        .expect("the three locale codes are valid language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Isolation marks would end up inside input values and test selectors.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{} messages do not parse: {errors:?}", locale.code()));
    bundle
        .add_resource(resource)
        .expect("message ids are unique within a locale file");
    bundle
}

/// Translates `key` with named arguments. A missing key shows itself, so it is seen
/// (and the test `every_key_exists_in_every_language` catches it first).
pub fn translate(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let bundle = locale.bundle();
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            // Numbers stay numbers, so that plural forms are chosen.
            let value = match value.parse::<i64>() {
                Ok(number) => FluentValue::from(number),
                Err(_) => FluentValue::from(value.clone()),
            };
            a.set(*name, value);
        }
        a
    });
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
        .into_owned()
}

/// The locale of the page being rendered.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Translates `key` in the current page's locale.
pub fn t(key: &str) -> String {
    translate(use_locale(), key, &[])
}

/// Translates `key` with arguments in the current page's locale.
pub fn t_with(key: &str, args: &[(&str, String)]) -> String {
    translate(use_locale(), key, args)
}

/// The locale for this request (server) or this page (browser).
pub fn detect_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| {
                let cookie = crate::ctx::cookie_value(&parts.headers, LOCALE_COOKIE);
                let accept = parts
                    .headers
                    .get(http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok());
                Locale::negotiate(cookie.as_deref(), accept)
            })
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        #[cfg(feature = "hydrate")]
        {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
                .and_then(|lang| Locale::parse(&lang))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "hydrate"))]
        {
            Locale::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Message ids: every line that starts a message (`id = …`).
    fn keys(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    /// Keys written literally in the code as the first argument of `t` or `t_with`.
    fn keys_used_in(dir: &std::path::Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                keys_used_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).expect("source file");
                for call in ["t(\"", "t_with(\""] {
                    for (at, _) in source.match_indices(call) {
                        let preceded_by_word = source[..at]
                            .chars()
                            .last()
                            .is_some_and(|c| c.is_alphanumeric() || c == '_');
                        let rest = &source[at + call.len()..];
                        if let (false, Some(end)) = (preceded_by_word, rest.find('"')) {
                            found.insert(rest[..end].to_owned());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_used_in_the_code_is_translated() {
        let mut used = BTreeSet::new();
        keys_used_in(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
        let en = keys(include_str!("../locales/en.ftl"));
        assert!(used.len() > 50, "the scan finds the keys ({} found)", used.len());
        assert_eq!(used.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new());
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let en = keys(include_str!("../locales/en.ftl"));
        let fr = keys(include_str!("../locales/fr.ftl"));
        let nl = keys(include_str!("../locales/nl.ftl"));
        assert_eq!(
            en.difference(&fr).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in fr"
        );
        assert_eq!(
            en.difference(&nl).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in nl"
        );
        assert_eq!(
            fr.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in en"
        );
        assert_eq!(
            nl.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in en"
        );
    }

    #[test]
    fn every_error_code_has_a_message() {
        for code in [
            "unauthenticated",
            "forbidden",
            "not_found",
            "bad_request",
            "invalid",
            "invalid_credentials",
            "rate_limited",
            "blocked",
            "closed",
            "internal",
        ] {
            for locale in Locale::ALL {
                let key = format!("error-{code}");
                assert_ne!(translate(locale, &key, &[]), key, "{key} in {}", locale.code());
            }
        }
    }

    #[test]
    fn the_cookie_wins_over_the_browser() {
        assert_eq!(Locale::negotiate(Some("nl"), Some("fr-BE,fr;q=0.9")), Locale::Nl);
    }

    #[test]
    fn the_highest_weighted_supported_language_is_chosen() {
        assert_eq!(Locale::negotiate(None, Some("de-DE,nl;q=0.5,fr;q=0.8")), Locale::Fr);
        assert_eq!(Locale::negotiate(None, Some("nl-BE")), Locale::Nl);
    }

    #[test]
    fn an_unsupported_browser_language_falls_back_to_english() {
        assert_eq!(Locale::negotiate(None, Some("de-DE,ja;q=0.5")), Locale::En);
        assert_eq!(Locale::negotiate(Some("xx"), None), Locale::En);
    }

    #[test]
    fn arguments_are_substituted() {
        let text = translate(Locale::En, "welcome-user", &[("name", "Ana".into())]);
        assert!(text.contains("Ana"), "{text}");
    }
}

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
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn counts_are_written_with_the_right_number_and_plural_in_each_language() {
        for (locale, zero, one, two) in [
            (Locale::En, "0 supporters", "1 supporter", "2 supporters"),
            (Locale::Fr, "0 soutien", "1 soutien", "2 soutiens"),
            (
                Locale::Nl,
                "0 steunbetuigingen",
                "1 steunbetuiging",
                "2 steunbetuigingen",
            ),
        ] {
            let count = |n: i64| translate(locale, "vote-count-long", &[("count", n.to_string())]);
            assert_eq!([count(0), count(1), count(2)], [zero, one, two], "{}", locale.code());
        }
    }
}
