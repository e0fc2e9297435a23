//! The three languages of the interface, and which one a request asks for.

use serde::{Deserialize, Serialize};

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
}
