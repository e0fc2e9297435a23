//! The pages confirmation links lead to (a new account's address, a new address for an
//! account). Opening them changes nothing (mail scanners open links too): the button
//! confirms.

use super::*;

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let token = move || use_query_map().read().get("token").unwrap_or_default();
    view! {
        <Title text=t("verify-email-title") />
        <section class="container narrow">
            <h1>{t("verify-email-title")}</h1>
            <p class="lead">{t("verify-email-lead")}</p>
            <FormAlert action />
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {t("verify-email-submit")}
                </button>
            </ActionForm>
        </section>
    }
}

/// The page the link sent to a new address leads to: the button makes it the account's.
#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let action = ServerAction::<ConfirmEmailChange>::new();
    let token = move || use_query_map().read().get("token").unwrap_or_default();
    view! {
        <Title text=t("confirm-change-title") />
        <section class="container narrow">
            <h1>{t("confirm-change-title")}</h1>
            <p class="lead">{t("confirm-change-lead")}</p>
            <FormAlert action />
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {t("confirm-change-submit")}
                </button>
            </ActionForm>
        </section>
    }
}
