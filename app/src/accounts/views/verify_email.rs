//! The page a confirmation link leads to. Opening it changes nothing (mail scanners
//! open links too): the button confirms.

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
