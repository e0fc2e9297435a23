//! Text people wrote, shown as paragraphs with their web addresses made links.

use leptos::prelude::*;

enum Piece {
    Text(String),
    Link(String),
}

/// Splits a paragraph into runs of plain text and web addresses.
fn pieces(paragraph: &str) -> Vec<Piece> {
    // Most paragraphs hold no address: one search instead of a look at every word.
    if !paragraph.contains("http") {
        return vec![Piece::Text(paragraph.to_owned())];
    }
    let mut pieces = vec![];
    let mut text = String::new();
    for word in paragraph.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end();
        let is_link = (bare.starts_with("https://") || bare.starts_with("http://")) && bare.len() > 8;
        if is_link {
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Link(bare.to_owned()));
            text.push_str(&word[bare.len()..]);
        } else {
            text.push_str(word);
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// The paragraphs of a text: the parts between blank lines that hold more than spaces.
fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// Paragraphs separated by blank lines, web addresses made links; everything else is
/// text, escaped by the renderer.
pub fn render_body(body: &str) -> impl IntoView {
    paragraphs(body)
        .map(|paragraph| {
            let content = pieces(paragraph)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(text) => text.into_any(),
                    Piece::Link(href) => {
                        let label = href.clone();
                        view! { <a href=href rel="nofollow ugc noopener">{label}</a> }.into_any()
                    }
                })
                .collect_view();
            view! { <p>{content}</p> }
        })
        .collect_view()
}

/// `render_body` written by a compiled template, for parts of a page that are only read
/// (`ui::written`).
pub fn written_body(body: &str) -> maud::Markup {
    maud::html! {
        @for paragraph in paragraphs(body) {
            p {
                @for piece in pieces(paragraph) {
                    @match piece {
                        Piece::Text(text) => (super::Text(&text)),
                        Piece::Link(href) => a href=(super::Text(&href)) rel="nofollow ugc noopener" { (super::Text(&href)) },
                    }
                }
            }
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    const BODY: &str =
        "First line\nstill the first paragraph.\n\n  \n\nSee https://example.org/a?b=1&c=<2> now.\n\nhttp:// alone";

    #[test]
    fn a_written_body_is_the_rendered_body_without_its_markers() {
        let rendered = render_body(BODY).to_html().replace("<!>", "");
        assert_eq!(written_body(BODY).into_string(), rendered);
    }

    #[test]
    fn a_written_body_makes_addresses_links_and_escapes_the_rest() {
        assert_eq!(
            written_body(BODY).into_string(),
            "<p>First line\nstill the first paragraph.</p>\
             <p>See <a href=\"https://example.org/a?b=1&amp;c=&lt;2&gt;\" rel=\"nofollow ugc noopener\">\
             https://example.org/a?b=1&amp;c=&lt;2&gt;</a> now.</p>\
             <p>http:// alone</p>"
        );
    }
}
