//! Parts of the accounts feature that other features' pages show.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// Links between the admin pages.
#[component]
pub fn AdminNav() -> impl IntoView {
    view! {
        <nav class="admin-nav" aria-label=t("admin-nav-label")>
            <A href="/moderation">{t("queue-title")}</A>
            <A href="/admin/accounts">{t("admin-accounts-title")}</A>
            <A href="/admin/themes">{t("admin-themes-title")}</A>
            <A href="/admin/audit">{t("admin-audit-title")}</A>
        </nav>
    }
}
