//! The page for an address that leads nowhere.

use super::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let path = use_location().pathname;
    view! {
        <Title text=t("not-found-title") />
        <section class="container narrow">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-text")}</p>
            <p class="muted"><code>{move || path.get()}</code></p>
            <p><a href="/" class="button">{t("not-found-home")}</a></p>
        </section>
    }
}
