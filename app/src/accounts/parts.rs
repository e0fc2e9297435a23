//! Parts of the accounts feature that other features' pages show.

use crate::i18n::t;
use crate::ui::Here;
use leptos::prelude::*;

/// Links between the admin pages.
#[component]
pub fn AdminNav() -> impl IntoView {
    let here = Here::now();
    view! {
        <nav class="admin-nav" aria-label=t("admin-nav-label")>
            <a href="/moderation" aria-current=here.page("/moderation")>{t("queue-title")}</a>
            <a href="/admin/accounts" aria-current=here.page("/admin/accounts")>{t("admin-accounts-title")}</a>
            <a href="/admin/themes" aria-current=here.page("/admin/themes")>{t("admin-themes-title")}</a>
            <a href="/admin/audit" aria-current=here.page("/admin/audit")>{t("admin-audit-title")}</a>
        </nav>
    }
}

/// Where an account that has not confirmed its address would take part: why it cannot
/// yet, and a button that sends the link again.
#[component]
pub fn ConfirmEmailFirst() -> impl IntoView {
    let resend = ServerAction::<super::api::ResendVerification>::new();
    view! {
        <div class="confirm-email">
            <p class="hint">{t("error-email_unconfirmed")}</p>
            <crate::forms::FormAlert action=resend />
            {move || {
                matches!(resend.value().get(), Some(Ok(())))
                    .then(|| view! { <p class="hint" role="status">{t("confirm-email-sent")}</p> })
            }}
            <ActionForm action=resend>
                <button type="submit" class="button button-secondary button-small"
                    disabled=move || resend.pending().get()>
                    {t("confirm-email-resend")}
                </button>
            </ActionForm>
        </div>
    }
}
