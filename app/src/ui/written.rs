//! Parts of a page that are only read, such as a list's cards or an idea's text, written
//! as HTML by a compiled template (`maud`) once the page's data is loaded.
//! Leptos' views cost about 23,000 instructions a card (building the view, then writing
//! it); pages are rendered by the server only and the browser runs islands, never such a
//! part, so nothing here needs a view.

use crate::i18n::Locale;
use crate::ideas::model::{Author, IdeaStatus};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The HTML of a part of a page that is only read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenHtml(String);

impl WrittenHtml {
    /// What `write` makes in `locale`, under an owner of its own (a child of the current
    /// one: it must share the request's arena), so that the labels it translates speak
    /// the page's language.
    pub fn of(locale: Locale, write: impl FnOnce() -> maud::Markup) -> WrittenHtml {
        let owner = Owner::new();
        WrittenHtml(owner.with(|| {
            provide_context(locale);
            write().into_string()
        }))
    }

    pub fn into_html(self) -> String {
        self.0
    }
}

/// Text in a compiled template, escaped by `html-escape`, which copies the runs of plain
/// text between the characters it escapes. maud escapes a value one byte at a time: for a
/// list page's cards that took 5.5% of the page's instructions. The same four characters
/// are escaped (`&`, `<`, `>`, `"`), so the HTML is the same.
pub struct Text<'a>(pub &'a str);

impl maud::Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        html_escape::encode_double_quoted_attribute_to_string(self.0, buffer);
    }
}

/// An idea's status as the badge every page shows it by, coloured by its class.
pub fn written_status(status: IdeaStatus) -> maud::Markup {
    maud::html! {
        span class={ "badge status status-" (status.as_str()) } { (super::status_label(status)) }
    }
}

/// The name a piece of writing is signed with: its organisation's, else its author's.
pub fn signed_name(author: &Author) -> String {
    super::person_name(author.organisation_name.as_deref().unwrap_or(&author.display_name))
}

/// Who wrote an idea or a comment, with the badge of their role or organisation.
pub fn written_author(author: &Author) -> maud::Markup {
    let badge = super::author_badge(author.kind, author.role, author.organisation_verified);
    maud::html! {
        span.author-name { (Text(&signed_name(author))) }
        @if let Some(badge) = badge { " " span.badge.badge-author { (badge) } }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::t;

    fn written(locale: Locale) -> String {
        let titles = ["Quiet streets", "<script>x</script>"];
        WrittenHtml::of(locale, || {
            maud::html! {
                @for title in titles { li title=(title) { (title) } }
                p { (t("ideas-title")) }
            }
        })
        .into_html()
    }

    #[test]
    fn the_server_writes_a_part_as_its_html() {
        let html = written(Locale::En);
        assert!(
            html.starts_with("<li title=\"Quiet streets\">Quiet streets</li>"),
            "{html}"
        );
    }

    #[test]
    fn text_is_escaped_as_maud_escapes_it() {
        for text in [
            "",
            "plain",
            "<a href=\"x\">&amp;</a>",
            "l'été > 3 & \"4\" <",
            "&&<<>>\"\"",
        ] {
            let ours = maud::html! { p title=(Text(text)) { (Text(text)) } }.into_string();
            let maud = maud::html! { p title=(text) { (text) } }.into_string();
            assert_eq!(ours, maud);
        }
    }

    #[test]
    fn text_and_attributes_in_a_written_part_are_escaped() {
        let html = written(Locale::En);
        assert!(
            html.contains("<li title=\"&lt;script&gt;x&lt;/script&gt;\">&lt;script&gt;x&lt;/script&gt;</li>"),
            "{html}"
        );
    }

    #[test]
    fn a_written_part_speaks_the_language_it_is_written_in() {
        assert_ne!(written(Locale::Fr), written(Locale::Nl));
    }
}
