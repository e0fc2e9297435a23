use crate::locale::Locale;
use crate::text::{parse_text, InputError};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub id: i64,
    pub slug: String,
    pub position: i64,
    pub archived: bool,
    /// Indexed like `Locale::ALL`: French, Dutch, English.
    pub names: [String; 3],
    pub descriptions: [String; 3],
}

impl Theme {
    pub fn name(&self, locale: Locale) -> &str {
        &self.names[locale_index(locale)]
    }

    pub fn description(&self, locale: Locale) -> &str {
        &self.descriptions[locale_index(locale)]
    }
}

fn locale_index(locale: Locale) -> usize {
    Locale::ALL.iter().position(|l| *l == locale).unwrap_or(2)
}

/// The part of a theme's URL: lower-case letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeSlug(String);

impl ThemeSlug {
    pub fn parse(input: &str) -> Result<ThemeSlug, InputError> {
        let slug = input.trim();
        if slug.is_empty() {
            return Err(InputError::Required);
        }
        if slug.len() < 2 {
            return Err(InputError::TooShort);
        }
        if slug.len() > 60 {
            return Err(InputError::TooLong);
        }
        let well_formed = slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !slug.starts_with('-')
            && !slug.ends_with('-')
            && !slug.contains("--");
        if well_formed {
            Ok(ThemeSlug(slug.to_owned()))
        } else {
            Err(InputError::Unknown)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn parse_theme_name(input: &str) -> Result<String, InputError> {
    parse_text(input, 2, 80, false)
}

pub fn parse_theme_description(input: &str) -> Result<String, InputError> {
    parse_text(input, 0, 1000, true)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Up,
    Down,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_with_capitals_or_spaces_is_refused() {
        assert!(ThemeSlug::parse("Smart Mobility").is_err());
        assert!(ThemeSlug::parse("smart--mobility").is_err());
        assert!(ThemeSlug::parse("-mobility").is_err());
    }

    #[test]
    fn a_plain_slug_is_accepted() {
        assert_eq!(
            ThemeSlug::parse(" smart-mobility ").expect("valid").as_str(),
            "smart-mobility"
        );
    }

    #[test]
    fn a_theme_name_over_80_characters_is_refused() {
        assert_eq!(parse_theme_name(&"n".repeat(81)), Err(InputError::TooLong));
    }

    #[test]
    fn a_theme_shows_the_name_of_the_readers_language() {
        let theme = Theme {
            id: 1,
            slug: "digital-inclusion".into(),
            position: 1,
            archived: false,
            names: [
                "Inclusion numérique".into(),
                "Digitale inclusie".into(),
                "Digital inclusion".into(),
            ],
            descriptions: [String::new(), String::new(), String::new()],
        };
        assert_eq!(theme.name(Locale::Nl), "Digitale inclusie");
        assert_eq!(theme.name(Locale::Fr), "Inclusion numérique");
    }
}
