//! Asking for a link to choose a new password. The answer is the same whether or not an
//! account has the address.

use super::*;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let memory = use_form_memory(FORGOT_PASSWORD_FORM);
    let sent = move || use_query_map().read().get("sent").is_some() || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=t("forgot-password-title") />
        <section class="container narrow">
            <h1>{t("forgot-password-title")}</h1>
            {move || sent().then(|| view! {
                <div class="alert alert-success" role="status" id="reset-sent">
                    <p>{t("forgot-password-sent")}</p>
                </div>
            })}
            <p class="lead">{t("forgot-password-lead")}</p>
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                <FormAlert action />
                <ActionForm action>
                    <Field name="email" label=t("field-label-email") input_type="email"
                        value=kept.get("email").cloned().unwrap_or_default() autocomplete="email" required=true
                        maxlength=254 error=field_error(action, "email") />
                    <button type="submit" class="button" disabled=move || action.pending().get()>
                        {t("forgot-password-submit")}
                    </button>
                </ActionForm>
                <p class="form-footer"><a href="/login">{t("forgot-password-back")}</a></p>
            </Loading>
        </section>
    }
}
