//! One address per idea or project: an outdated one (an old slug) leads to the current.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

/// Sends the reader to `canonical` (the same place on the page: the query is kept) when
/// the address's last segment (`current`) is not `expected`; renders nothing otherwise.
#[component]
pub fn CanonicalRedirect(current: String, expected: String, canonical: String) -> impl IntoView {
    (current != expected).then(|| {
        let query = use_query_map().read_untracked().to_query_string();
        view! { <Redirect path=format!("{canonical}{query}") /> }
    })
}
