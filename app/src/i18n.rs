//! Every word of the interface, in French, Dutch and English (Fluent files under
//! `app/locales/`). The locale is decided once per request on the server and read
//! back from `<html lang>` in the browser; switching language reloads the page, so the
//! browser is sent that one language's messages, not all three.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;

pub const LOCALE_COOKIE: &str = "agora_locale";

pub use crate::calendar::{format_date, iso_date, parse_iso_date, utc_time};
pub use crate::locale::Locale;

/// The messages of `locale` as written in `app/locales/`. The browser's bundle holds none:
/// it is sent the page's language only (`messages_file`).
#[cfg(not(feature = "hydrate"))]
pub fn messages_source(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => include_str!("../locales/fr.ftl"),
        Locale::Nl => include_str!("../locales/nl.ftl"),
        Locale::En => include_str!("../locales/en.ftl"),
    }
}

/// The name under `/pkg/` of `locale`'s messages for the browser, `fr.HASH.ftl`: the
/// hash of their content, so that browsers keep them a year, as the bundle's files.
#[cfg(feature = "ssr")]
pub fn messages_file(locale: Locale) -> &'static str {
    use sha2::{Digest, Sha256};
    static NAMES: std::sync::LazyLock<[String; 3]> = std::sync::LazyLock::new(|| {
        Locale::ALL.map(|locale| {
            let digest = Sha256::digest(messages_source(locale).as_bytes());
            // 22 characters, the length of the names cargo-leptos hashes.
            format!("{}.{}.ftl", locale.code(), hex::encode(&digest[..11]))
        })
    });
    &NAMES[locale as usize]
}

#[cfg(not(feature = "hydrate"))]
fn bundle(locale: Locale) -> Option<&'static FluentBundle<FluentResource>> {
    static BUNDLES: std::sync::LazyLock<[FluentBundle<FluentResource>; 3]> =
        std::sync::LazyLock::new(|| Locale::ALL.map(|locale| build_bundle(locale, messages_source(locale).to_owned())));
    Some(&BUNDLES[locale as usize])
}

/// The page's messages in the browser, sent by the server with the bundle (a page's
/// language never changes without a page load).
#[cfg(feature = "hydrate")]
static PAGE_MESSAGES: std::sync::OnceLock<(Locale, FluentBundle<FluentResource>)> = std::sync::OnceLock::new();

#[cfg(feature = "hydrate")]
fn bundle(locale: Locale) -> Option<&'static FluentBundle<FluentResource>> {
    PAGE_MESSAGES
        .get()
        .filter(|(loaded, _)| *loaded == locale)
        .map(|(_, bundle)| bundle)
}

/// Takes the messages of the page's language, fetched beside the bundle, before hydrating.
#[cfg(feature = "hydrate")]
pub fn load_page_messages(source: String) {
    let locale = detect_locale();
    let _ = PAGE_MESSAGES.set((locale, build_bundle(locale, source)));
}

fn build_bundle(locale: Locale, source: String) -> FluentBundle<FluentResource> {
    let lang = locale
        .code()
        .parse()
        .expect("the three locale codes are valid language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Isolation marks would end up inside input values and test selectors.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source)
        .unwrap_or_else(|(_, errors)| panic!("{} messages do not parse: {errors:?}", locale.code()));
    bundle
        .add_resource(resource)
        .expect("message ids are unique within a locale file");
    bundle
}

/// Translates `key` with named arguments. A missing key shows itself, so it is seen
/// (and the test `every_key_exists_in_every_language` catches it first).
pub fn translate(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let Some(bundle) = bundle(locale) else {
        return key.to_owned();
    };
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

/// How many counted texts ("3 supporters") each thread keeps; past it, it starts over.
const COUNTS_KEPT: usize = 4_096;

thread_local! {
    /// Counted texts already written. A list page writes two per card, and Fluent spends
    /// thousands of instructions on each: it formats the number, then reads it back to
    /// choose the plural form, behind a lock shared by every thread.
    static COUNTS: std::cell::RefCell<std::collections::HashMap<(Locale, &'static str, i64), String>> =
        std::cell::RefCell::default();
}

/// Translates `key`, whose one argument `$count` is a number that chooses the plural form.
pub fn translate_count(locale: Locale, key: &'static str, count: i64) -> String {
    COUNTS.with_borrow_mut(|kept| {
        if let Some(text) = kept.get(&(locale, key, count)) {
            return text.clone();
        }
        let text = translate(locale, key, &[("count", count.to_string())]);
        if kept.len() >= COUNTS_KEPT {
            kept.clear();
        }
        kept.insert((locale, key, count), text.clone());
        text
    })
}

/// Translates `key` with its `$count` in the current page's locale.
pub fn t_count(key: &'static str, count: impl Into<i64>) -> String {
    translate_count(use_locale(), key, count.into())
}

/// The locale of the page being rendered. An island sees no context from the page
/// around it: in the browser it speaks the language of the messages the page loaded.
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_else(page_locale)
}

#[cfg(feature = "hydrate")]
fn page_locale() -> Locale {
    PAGE_MESSAGES.get().map(|(locale, _)| *locale).unwrap_or_default()
}

#[cfg(not(feature = "hydrate"))]
fn page_locale() -> Locale {
    Locale::default()
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

    /// Keys written literally in the code as the first argument of `t`, `t_with` or
    /// `t_count`.
    fn keys_used_in(dir: &std::path::Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                keys_used_in(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).expect("source file");
                for call in ["t(\"", "t_with(\"", "t_count(\""] {
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

    #[cfg(feature = "ssr")]
    #[test]
    fn each_language_has_a_messages_file_of_its_own_named_by_a_hash() {
        let names = Locale::ALL.map(messages_file);
        for (locale, name) in Locale::ALL.into_iter().zip(&names) {
            let hash = name
                .strip_prefix(&format!("{}.", locale.code()))
                .and_then(|rest| rest.strip_suffix(".ftl"));
            assert!(
                hash.is_some_and(|h| h.len() == 22 && h.bytes().all(|b| b.is_ascii_hexdigit())),
                "{name}"
            );
        }
        assert!(names[0] != names[1] && names[1] != names[2] && names[0] != names[2]);
    }

    #[test]
    fn arguments_are_substituted() {
        let text = translate(Locale::En, "welcome-user", &[("name", "Ana".into())]);
        assert!(text.contains("Ana"), "{text}");
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

    #[test]
    fn a_counted_text_kept_from_before_is_the_one_fluent_writes() {
        for locale in Locale::ALL {
            for key in ["vote-count-long", "comment-count", "comments-replies-all"] {
                for count in [0, 1, 2, 21, 1_000_000, -1] {
                    let fresh = translate(locale, key, &[("count", count.to_string())]);
                    assert_eq!(
                        translate_count(locale, key, count),
                        fresh,
                        "{key} {count} in {}",
                        locale.code()
                    );
                    assert_eq!(
                        translate_count(locale, key, count),
                        fresh,
                        "{key} {count} kept, in {}",
                        locale.code()
                    );
                }
            }
        }
    }

    #[test]
    fn counted_texts_are_kept_per_language() {
        let dutch = translate_count(Locale::Nl, "comment-count", 3);
        let french = translate_count(Locale::Fr, "comment-count", 3);
        assert_ne!(dutch, french);
        assert_eq!(french, "3 commentaires");
    }

    #[test]
    fn the_kept_counted_texts_stay_within_their_bound() {
        for count in 0..(COUNTS_KEPT as i64 * 2 + 7) {
            translate_count(Locale::En, "comment-count", count);
        }
        assert!(COUNTS.with_borrow(|kept| kept.len()) <= COUNTS_KEPT);
        assert_eq!(translate_count(Locale::En, "comment-count", 1), "1 comment");
    }
}
