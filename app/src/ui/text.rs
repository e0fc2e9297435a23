//! Text people wrote, shown as paragraphs with their web addresses made links.

use leptos::prelude::*;

enum Piece {
    Text(String),
    Link(String),
}

/// Splits a paragraph into runs of plain text and web addresses.
fn pieces(paragraph: &str) -> Vec<Piece> {
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

/// Paragraphs separated by blank lines, web addresses made links; everything else is
/// text, escaped by the renderer.
pub fn render_body(body: &str) -> impl IntoView {
    body.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|paragraph| {
            let content = pieces(paragraph.trim())
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
