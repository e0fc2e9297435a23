//! Signing in.

use super::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let memory = use_form_memory(SIGN_IN_FORM);
    let next = move || use_query_map().read().get("next");
    // Where a link by email led here: the address is confirmed, or the password changed.
    let notice = move || {
        let query = use_query_map();
        let query = query.read();
        if query.get("password").as_deref() == Some("reset") {
            Some(t("sign-in-password-reset"))
        } else if query.get("account").as_deref() == Some("deleted") {
            Some(t("sign-in-account-deleted"))
        } else if query.get("email").as_deref() == Some("confirmed") {
            Some(t("sign-in-email-confirmed"))
        } else {
            None
        }
    };
    view! {
        <Title text=t("sign-in-title") />
        <section class="container narrow">
            <h1>{t("sign-in-title")}</h1>
            {move || notice().map(|text| view! {
                <div class="alert alert-success" role="status"><p>{text}</p></div>
            })}
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                {
                    view! {
                        <FormAlert action />
                        <ActionForm action>
                            <input type="hidden" name="next" value=move || next().unwrap_or_default() />
                            <Field name="email" label=t("field-label-email") input_type="email"
                                value=kept.get("email").cloned().unwrap_or_default() autocomplete="username" required=true maxlength=254
                                error=field_error(action, "email") />
                            <Field name="password" label=t("field-label-password") input_type="password"
                                autocomplete="current-password" required=true maxlength=256
                                error=field_error(action, "password") />
                            <button type="submit" class="button" disabled=move || action.pending().get()>
                                {t("sign-in-submit")}
                            </button>
                        </ActionForm>
                        <p class="form-footer"><a href="/forgot-password">{t("sign-in-forgot")}</a></p>
                        <p class="form-footer">{t("sign-in-no-account")} " " <a href="/register">{t("nav-register")}</a></p>
                    }
                }
            </Loading>
        </section>
    }
}
