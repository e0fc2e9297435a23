//! What a page shows instead of what the reader may not see.

use crate::i18n::{t, use_locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A page shown instead of content the visitor may not see, with the right status.
#[component]
pub fn Refusal(error: crate::error::AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            response.set_status(status);
        }
    }
    let locale = use_locale();
    let signed_out = error == crate::error::AppError::Unauthenticated;
    let here = use_location().pathname.get_untracked();
    view! {
        <section class="container narrow">
            <h1>{crate::forms::error_message(locale, &error)}</h1>
            {signed_out.then(|| {
                let href = format!("/login?next={here}");
                view! { <p><a href=href class="button">{t("nav-sign-in")}</a></p> }
            })}
        </section>
    }
}
