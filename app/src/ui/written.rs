//! Parts of a page that are only read, such as a list's cards. The server writes such a
//! part as HTML into the page it sends, and the browser keeps that HTML when it
//! hydrates: the part's content does not travel a second time in the page's data for
//! hydration, and the server does not serialise it and escape it into that data
//! character by character (a seventh of a list page's instructions). When the page
//! moves to other content, the browser fetches the data and builds the part itself.

use crate::error::AppError;
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A part of a page that is only read: written as HTML by the server, built from its
/// data by the browser (the browser cannot write HTML: Leptos writes some of it only with
/// its `ssr` feature).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReadOnly<T> {
    /// Written by the server; `None` in the browser right after hydration: the page
    /// already shows it.
    Written(Option<String>),
    /// Fetched by the browser, which builds the part from it.
    Data(T),
}

impl<T> ReadOnly<T> {
    /// On the server, the HTML of `view(data)` in `locale`; in the browser, the data.
    pub fn of<V: RenderHtml>(data: T, locale: Locale, view: impl FnOnce(T) -> V) -> ReadOnly<T> {
        #[cfg(feature = "ssr")]
        {
            ReadOnly::Written(Some(write_html(locale, || view(data))))
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = (locale, view);
            ReadOnly::Data(data)
        }
    }

    /// What the page's data for hydration carries of it.
    pub fn without_html(&self) -> ReadOnly<T>
    where
        T: Clone,
    {
        match self {
            ReadOnly::Written(_) => ReadOnly::Written(None),
            ReadOnly::Data(data) => ReadOnly::Data(data.clone()),
        }
    }
}

/// Writes `view` as HTML in `locale`, under an owner of its own (a child of the current
/// one: on the server it must share the request's arena). `view` must hold no resource:
/// one would take a hydration key the browser's view never asks for.
#[cfg(feature = "ssr")]
fn write_html<V: RenderHtml>(locale: Locale, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(locale);
        view().to_html()
    })
}

/// A value holding a `ReadOnly` part, which can be sent without its HTML.
pub trait HoldsWrittenHtml {
    /// The same value with its HTML left in the page.
    fn without_html(&self) -> Self;
}

/// How a resource whose value holds a `ReadOnly` part travels from the server's rendering
/// to the browser's hydration: as JSON, like any other, without the HTML.
pub struct WithoutHtml;

impl<T: HoldsWrittenHtml + Serialize> Encoder<Result<T, AppError>> for WithoutHtml {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &Result<T, AppError>) -> Result<String, serde_json::Error> {
        serde_json::to_string(&value.as_ref().map(T::without_html))
    }
}

impl<T: DeserializeOwned> Decoder<Result<T, AppError>> for WithoutHtml {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(value: &str) -> Result<Result<T, AppError>, serde_json::Error> {
        serde_json::from_str(value)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Cards {
        cards: ReadOnly<Vec<String>>,
        more: bool,
    }

    impl HoldsWrittenHtml for Cards {
        fn without_html(&self) -> Cards {
            Cards {
                cards: self.cards.without_html(),
                more: self.more,
            }
        }
    }

    fn written() -> Cards {
        let titles = vec!["Quiet streets".to_owned(), "<script>x</script>".to_owned()];
        Cards {
            cards: ReadOnly::of(titles, Locale::default(), |titles| {
                titles
                    .into_iter()
                    .map(|title| view! { <li>{title}</li> })
                    .collect_view()
            }),
            more: true,
        }
    }

    fn html(cards: Cards) -> String {
        match cards.cards {
            ReadOnly::Written(Some(html)) => html,
            other => panic!("not written: {other:?}"),
        }
    }

    #[test]
    fn the_server_writes_a_part_as_its_html() {
        let html = html(written());
        assert!(html.starts_with("<li>Quiet streets</li>"), "{html}");
    }

    #[test]
    fn text_in_a_written_part_is_escaped() {
        let html = html(written());
        assert!(html.contains("<li>&lt;script&gt;x&lt;/script&gt;</li>"), "{html}");
    }

    #[test]
    fn the_page_data_carries_everything_but_the_html() {
        let encoded = <WithoutHtml as Encoder<Result<Cards, AppError>>>::encode(&Ok(written())).expect("encode");
        assert!(!encoded.contains("Quiet streets"), "{encoded}");
        let decoded = <WithoutHtml as Decoder<Result<Cards, AppError>>>::decode(&encoded).expect("decode");
        assert_eq!(
            decoded,
            Ok(Cards {
                cards: ReadOnly::Written(None),
                more: true
            })
        );
    }

    #[test]
    fn a_refusal_travels_as_it_is() {
        let encoded =
            <WithoutHtml as Encoder<Result<Cards, AppError>>>::encode(&Err(AppError::NotFound)).expect("encode");
        let decoded = <WithoutHtml as Decoder<Result<Cards, AppError>>>::decode(&encoded).expect("decode");
        assert_eq!(decoded, Err(AppError::NotFound));
    }
}
