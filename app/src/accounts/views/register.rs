//! Registration: a resident, a business or an academic institution.

use super::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    let memory = use_form_memory(REGISTER_FORM);
    let password_hint = t_with("register-password-hint", &[("min", Password::MIN.to_string())]);
    view! {
        <Title text=t("register-title") />
        <section class="container narrow">
            <h1>{t("register-title")}</h1>
            <p class="lead">{t("register-lead")}</p>
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                {
                    let password_hint = password_hint.clone();
                        let kept_value = move |name: &str| kept.get(name).cloned();
                        let kept_kind = kept_value("kind").unwrap_or_else(|| "resident".into());
                        view! {
                            <FormAlert action />
                            <ActionForm action>
                                <Field name="display_name" label=t("field-label-display-name") value=kept_value("display_name").unwrap_or_default()
                                    autocomplete="nickname" required=true maxlength=60 hint=t("register-display-name-hint")
                                    error=field_error(action, "display_name") />
                                <Field name="email" label=t("field-label-email") input_type="email" value=kept_value("email").unwrap_or_default()
                                    autocomplete="email" required=true maxlength=254 error=field_error(action, "email") />
                                <Field name="password" label=t("field-label-password") input_type="password"
                                    autocomplete="new-password" required=true maxlength=256 hint=password_hint
                                    error=field_error(action, "password") />
                                <fieldset class="choice-group">
                                    <legend>{t("field-label-kind")}</legend>
                                    {AccountKind::ALL
                                        .into_iter()
                                        .map(|kind| {
                                            let id = format!("kind-{}", kind.as_str());
                                            view! {
                                                <div class="choice">
                                                    <input type="radio" id=id.clone() name="kind" value=kind.as_str()
                                                        checked=kept_kind == kind.as_str() />
                                                    <label for=id>
                                                        <strong>{kind_label(kind)}</strong>
                                                        <span class="hint">{t(&format!("kind-{}-hint", kind.as_str()))}</span>
                                                    </label>
                                                </div>
                                            }
                                        })
                                        .collect_view()}
                                </fieldset>
                                <fieldset class="subform">
                                    <legend>{t("register-organisation-legend")}</legend>
                                    <p class="hint">{t("register-organisation-hint")}</p>
                                    <Field name="organisation_name" label=t("field-label-organisation-name")
                                        value=kept_value("organisation_name").unwrap_or_default() autocomplete="organization" maxlength=120
                                        error=field_error(action, "organisation_name") />
                                    <Field name="registration_number" label=t("field-label-registration-number")
                                        value=kept_value("registration_number").unwrap_or_default() maxlength=40
                                        hint=t("register-registration-number-hint")
                                        error=field_error(action, "registration_number") />
                                </fieldset>
                                <button type="submit" class="button" disabled=move || action.pending().get()>
                                    {t("register-submit")}
                                </button>
                            </ActionForm>
                            <p class="form-footer">{t("register-have-account")} " " <a href="/login">{t("nav-sign-in")}</a></p>
                        }
                }
            </Loading>
        </section>
    }
}
