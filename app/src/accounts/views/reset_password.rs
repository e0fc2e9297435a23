//! The page a password reset link leads to: the new password, with the same rules as at
//! registration.

use super::*;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let token = move || use_query_map().read().get("token").unwrap_or_default();
    view! {
        <Title text=t("reset-password-title") />
        <section class="container narrow">
            <h1>{t("reset-password-title")}</h1>
            <p class="lead">{t("reset-password-lead")}</p>
            <FormAlert action />
            <ActionForm action>
                <input type="hidden" name="token" value=token />
                <Field name="new_password" label=t("field-label-new-password") input_type="password"
                    autocomplete="new-password" required=true maxlength=256
                    hint=t_with("register-password-hint", &[("min", Password::MIN.to_string())])
                    error=field_error(action, "new_password") />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {t("reset-password-submit")}
                </button>
            </ActionForm>
            <p class="form-footer"><a href="/forgot-password">{t("reset-password-new-link")}</a></p>
        </section>
    }
}
