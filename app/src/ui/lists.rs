//! Lists: their page number, the link to more, the table of records.

use crate::i18n::t;
use leptos::prelude::*;

/// The page of a list the address asks for (`?page=N`, from 1).
pub fn use_page_number() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    }
}

/// The link to the next page of a list, when the list filled its page.
#[component]
pub fn OlderLink(href: Option<String>) -> impl IntoView {
    href.map(|href| {
        view! {
            <p><a class="button button-secondary" href=href>{t("admin-older")}</a></p>
        }
    })
}

/// A table of records for the admin pages, scrolling sideways on a phone.
#[component]
pub fn DataTable(#[prop(into)] caption: String, headers: Vec<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The words of a pager: its name for screen readers, and its two links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PagerWords {
    pub label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
}

pub const LIST_PAGES: PagerWords = PagerWords {
    label: "ideas-pages",
    previous: "ideas-previous",
    next: "ideas-next",
};

/// Links to the previous and the next page of a list, where there are such pages.
#[component]
pub fn Pager(
    previous: Option<String>,
    next: Option<String>,
    #[prop(default = LIST_PAGES)] words: PagerWords,
) -> impl IntoView {
    view! {
        <nav class="pager" aria-label=t(words.label)>
            {previous.map(|href| view! { <a href=href rel="prev" class="button button-secondary">{t(words.previous)}</a> })}
            {next.map(|href| view! { <a href=href rel="next" class="button button-secondary">{t(words.next)}</a> })}
        </nav>
    }
}
