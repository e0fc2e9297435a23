//! Text as people type it, parsed once into types that cannot hold what was refused.

use crate::error::ErrorCode;

/// Why a piece of input was refused. The code is the translation key suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    Required,
    TooLong,
    TooShort,
    EmailInvalid,
    PasswordTooShort,
    PasswordTooLong,
    EnterpriseNumberFormat,
    EnterpriseNumberChecksum,
    RegistrationNumberInvalid,
    Unknown,
}

impl ErrorCode for InputError {
    fn code(&self) -> &'static str {
        match self {
            InputError::Required => "required",
            InputError::TooLong => "too_long",
            InputError::TooShort => "too_short",
            InputError::EmailInvalid => "email_invalid",
            InputError::PasswordTooShort => "password_too_short",
            InputError::PasswordTooLong => "password_too_long",
            InputError::EnterpriseNumberFormat => "enterprise_number_format",
            InputError::EnterpriseNumberChecksum => "enterprise_number_checksum",
            InputError::RegistrationNumberInvalid => "registration_number_invalid",
            InputError::Unknown => "unknown_choice",
        }
    }
}

/// Drops control characters (other than new lines and tabs when `multiline`) and the
/// characters that override the direction of text, then trims and refuses empty,
/// too-short and over-long text.
///
/// A direction override (U+202A–U+202E) or isolate (U+2066–U+2069) is invisible and turns
/// what follows it around on screen until the paragraph ends: `\u{202E}fdp.exe` reads as
/// `exe.pdf`. A title or a comment could then show readers something other than what
/// moderators search for and the open data holds. Nobody can see them to take them out,
/// so they are dropped rather than refused; the marks that only nudge neutral characters
/// (U+200E, U+200F, U+061C) stay, as right-to-left writing needs them. Dropping comes
/// before the length checks, so that text made only of such characters is empty.
pub fn parse_text(input: &str, min: usize, max: usize, multiline: bool) -> Result<String, InputError> {
    let kept = |c: &char| {
        let line_break = multiline && matches!(c, '\n' | '\t');
        (!c.is_control() || line_break) && !overrides_direction(*c)
    };
    let text: String = input.chars().filter(kept).collect();
    let text = text.trim();
    let length = text.chars().count();
    if length == 0 && min > 0 {
        return Err(InputError::Required);
    }
    if length < min {
        return Err(InputError::TooShort);
    }
    if length > max {
        return Err(InputError::TooLong);
    }
    Ok(text.to_owned())
}

/// The embeddings, overrides and isolates of Unicode's bidirectional algorithm, and the
/// characters that close them.
fn overrides_direction(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// [`parse_text`] for text of several lines, with Windows line ends folded.
pub fn parse_lines(input: &str, min: usize, max: usize) -> Result<String, InputError> {
    parse_text(&input.replace("\r\n", "\n"), min, max, true)
}

/// The start of a text on one line, at most `max` characters and an ellipsis, for cards
/// and lists: its words with single spaces between them, as far as `max` characters go.
/// It stops there, rather than joining all the words and cutting after, and copies whole
/// words: a list page makes twenty of these, and they were a twentieth of its cost.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(4 * max + 3));
    let mut taken = 0;
    for word in text.split_whitespace() {
        let separator = usize::from(!out.is_empty());
        let length = word.chars().count();
        if taken + separator + length <= max {
            if separator == 1 {
                out.push(' ');
            }
            out.push_str(word);
            taken += separator + length;
            continue;
        }
        // This word goes past the limit: what fits of it, then the ellipsis.
        let room = max - taken;
        if separator == 1 && room > 0 {
            out.push(' ');
        }
        let fits = room.saturating_sub(separator);
        let end = word.char_indices().nth(fits).map_or(word.len(), |(at, _)| at);
        out.push_str(&word[..end]);
        out.truncate(out.trim_end().len());
        out.push('…');
        return out;
    }
    out
}

/// A newtype over parsed text: `parsed_text! { /// docs\n Name, 1..=120, line }` (or
/// `lines` for text of several lines) gives `Name::MAX`, `Name::parse` and
/// `Name::as_str`.
macro_rules! parsed_text {
    ($(#[$meta:meta])* $name:ident, $min:literal ..= $max:literal, line) => {
        $crate::text::parsed_text!(@type $(#[$meta])* $name, $max, |input| $crate::text::parse_text(input, $min, $max, false));
    };
    ($(#[$meta:meta])* $name:ident, $min:literal ..= $max:literal, lines) => {
        $crate::text::parsed_text!(@type $(#[$meta])* $name, $max, |input| $crate::text::parse_lines(input, $min, $max));
    };
    (@type $(#[$meta:meta])* $name:ident, $max:literal, $parse:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;

            pub fn parse(input: &str) -> Result<$name, $crate::text::InputError> {
                let parse: fn(&str) -> Result<String, $crate::text::InputError> = $parse;
                parse(input).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}
pub(crate) use parsed_text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_removed_from_single_line_text() {
        assert_eq!(parse_text("a\u{0007}b\nc", 1, 10, false), Ok("abc".into()));
        assert_eq!(parse_text("a\nb", 1, 10, true), Ok("a\nb".into()));
    }

    #[test]
    fn characters_that_turn_text_around_are_dropped_from_every_kind_of_text() {
        let title = "Open the park \u{202E}4202 litnu\u{202C} at night";
        assert_eq!(
            parse_text(title, 1, 80, false),
            Ok("Open the park 4202 litnu at night".into())
        );
        let body = "\u{2067}one\u{2069}\n\u{202A}two\u{202B}\u{202D}\u{2066}\u{2068}";
        assert_eq!(parse_lines(body, 1, 80), Ok("one\ntwo".into()));
    }

    #[test]
    fn the_marks_right_to_left_writing_needs_are_kept() {
        let arabic = "\u{200F}حديقة\u{200E} Parc\u{061C}";
        assert_eq!(parse_text(arabic, 1, 80, false), Ok(arabic.into()));
    }

    #[test]
    fn text_made_only_of_invisible_controls_is_empty() {
        assert_eq!(parse_text("\u{202E}\u{7}", 1, 80, false), Err(InputError::Required));
        assert_eq!(
            parse_text(" \u{2066} a \u{2069} ", 2, 80, false),
            Err(InputError::TooShort)
        );
        assert_eq!(
            parse_text("\u{202E}".repeat(90).as_str(), 0, 80, false),
            Ok(String::new())
        );
    }

    #[test]
    fn an_excerpt_is_one_line_and_cut_at_the_limit() {
        assert_eq!(excerpt("One.\n\nTwo.", 50), "One. Two.");
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }

    /// What an excerpt is, written plainly: all the words joined, then cut.
    fn excerpt_by_definition(text: &str, max: usize) -> String {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if flat.chars().count() <= max {
            flat
        } else {
            let cut: String = flat.chars().take(max).collect();
            format!("{}…", cut.trim_end())
        }
    }

    #[test]
    fn an_excerpt_equals_all_the_words_joined_then_cut_at_every_limit() {
        let texts = [
            "",
            "   ",
            "word",
            "two words",
            "  lead and trail  ",
            "Un vélo partagé\n\nà Liège, près de la gare — café ☕ inclus.",
            "ab cd",
            "a  b\t\tc\n\nd",
            "日本語 の 文 です",
            "non-breaking\u{a0}spaces\u{85}and\u{2003}others\u{3000}too\u{b}",
            "\u{a0}\u{a0}lead é\u{2028}",
        ];
        for text in texts {
            for max in 0..=text.chars().count() + 2 {
                assert_eq!(
                    excerpt(text, max),
                    excerpt_by_definition(text, max),
                    "{text:?} at {max}"
                );
            }
        }
    }

    #[test]
    fn text_of_several_lines_keeps_its_lines_and_folds_windows_line_ends() {
        assert_eq!(parse_lines("a\r\nb\u{0007}", 1, 10), Ok("a\nb".into()));
        assert_eq!(parse_lines(" \r\n ", 1, 10), Err(InputError::Required));
    }

    parsed_text! {
        /// A name for the test.
        Word, 2..=5, line
    }

    #[test]
    fn a_parsed_text_type_is_bounded_by_its_range() {
        assert_eq!(Word::MAX, 5);
        assert_eq!(Word::parse(" ab ").map(|w| w.as_str().to_owned()), Ok("ab".into()));
        assert_eq!(Word::parse("a"), Err(InputError::TooShort));
        assert_eq!(Word::parse("abcdef"), Err(InputError::TooLong));
    }
}
