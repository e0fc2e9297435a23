//! The account's own page: what it is, its lists, its password.

use super::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    let change = ServerAction::<ChangePassword>::new();
    let profile = Resource::new(|| (), |_| my_profile());
    let password_changed = move || use_query_map().read().get("password").as_deref() == Some("changed");
    let change_email = ServerAction::<ChangeEmail>::new();
    let kept = use_form_memory(CHANGE_EMAIL_FORM);
    let email_notice = move || match use_query_map().read().get("email").as_deref() {
        Some("confirmed") => Some(t("profile-email-confirmed")),
        Some("change-sent") => Some(t("profile-email-change-sent")),
        Some("changed") => Some(t("profile-email-changed")),
        Some("sent") => Some(t("confirm-email-sent")),
        _ => None,
    };
    view! {
        <Title text=t("profile-title") />
        <section class="container narrow">
            <Loader resource=profile let:profile>
                {
                            let organisation = profile.organisation_name.clone().map(|name| {
                                let verified = profile.organisation_verified;
                                view! {
                                    <dt>{t("field-label-organisation-name")}</dt>
                                    <dd>
                                        {name}
                                        " "
                                        {if verified {
                                            view! { <span class="badge badge-verified">{t("badge-verified")}</span> }.into_any()
                                        } else {
                                            view! { <span class="badge">{t("badge-unverified")}</span> }.into_any()
                                        }}
                                    </dd>
                                    <dt>{t("field-label-registration-number")}</dt>
                                    <dd>{profile.registration_number.clone().unwrap_or_default()}</dd>
                                }
                            });
                            view! {
                                <h1>{t("profile-title")}</h1>
                                {move || password_changed().then(|| view! {
                                    <div class="alert alert-success" role="status"><p>{t("profile-password-changed")}</p></div>
                                })}
                                {move || email_notice().map(|text| view! {
                                    <div class="alert alert-success" role="status"><p>{text}</p></div>
                                })}
                                {(!profile.email_verified).then(|| view! {
                                    <div class="alert alert-info" id="confirm-email">
                                        <p>{t_with("profile-confirm-email", &[("email", profile.email.clone())])}</p>
                                        <ConfirmEmailFirst />
                                    </div>
                                })}
                                {profile.blocked.clone().map(|(at, reason)| view! {
                                    <div class="alert alert-error" id="blocked">
                                        <p>{t_with("profile-blocked", &[("date", format_date(locale, at))])}</p>
                                        <p>{t_with("profile-blocked-reason", &[("reason", reason)])}</p>
                                    </div>
                                })}
                                <dl class="facts">
                                    <dt>{t("field-label-display-name")}</dt>
                                    <dd class="profile-name">{profile.display_name.clone()}</dd>
                                    <dt>{t("field-label-email")}</dt>
                                    <dd>{profile.email.clone()}</dd>
                                    <dt>{t("field-label-kind")}</dt>
                                    <dd class="profile-kind">{kind_label(profile.kind)}</dd>
                                    <dt>{t("field-label-role")}</dt>
                                    <dd>{role_label(profile.role)}</dd>
                                    {profile.portfolio.clone().map(|p| view! { <dt>{t("field-label-portfolio")}</dt><dd>{p}</dd> })}
                                    {organisation}
                                    <dt>{t("profile-member-since")}</dt>
                                    <dd>{format_date(locale, profile.created_at)}</dd>
                                </dl>
                                <nav class="profile-links" aria-label=t("profile-your-activity")>
                                    <a href="/me/ideas" class="button button-secondary">{t("my-ideas-title")}</a>
                                    <a href="/me/supported" class="button button-secondary">{t("my-supported-title")}</a>
                                    <a href="/me/following" class="button button-secondary">{t("my-following-title")}</a>
                                    <a href="/notifications" class="button button-secondary">{t("notifications-title")}</a>
                                </nav>
                                <MailPreferencesForm />
                                <h2>{t("profile-your-data")}</h2>
                                <p>{t("profile-your-data-lead")}</p>
                                <nav class="profile-links" aria-label=t("profile-your-data")>
                                    <a href="/profile/data" class="button button-secondary">{t("my-data-title")}</a>
                                    <a href="/profile/data.json" class="button button-secondary" download="agora-my-data.json">{t("my-data-download")}</a>
                                    <a href="/profile/delete" class="button button-secondary">{t("delete-account-title")}</a>
                                </nav>
                                <h2>{t("profile-change-email")}</h2>
                                {move || matches!(change_email.value().get(), Some(Ok(()))).then(|| view! {
                                    <div class="alert alert-success" role="status"><p>{t("profile-email-change-sent")}</p></div>
                                })}
                                <FormAlert action=change_email />
                                <Loading load=move || async move { Ok(kept.await) } waiting=Waiting::Quiet let:typed>
                                    <ActionForm action=change_email>
                                        <Field name="new_email" label=t("field-label-new-email") input_type="email"
                                            value=typed.get("new_email").cloned().unwrap_or_default() autocomplete="email"
                                            required=true maxlength=254 hint=t("profile-change-email-hint")
                                            error=field_error(change_email, "new_email") />
                                        <Field name="password" id_prefix="change-email-" label=t("field-label-current-password")
                                            input_type="password" autocomplete="current-password" required=true maxlength=256
                                            error=field_error(change_email, "password") />
                                        <button type="submit" class="button" disabled=move || change_email.pending().get()>
                                            {t("profile-change-email-submit")}
                                        </button>
                                    </ActionForm>
                                </Loading>
                                <h2>{t("profile-change-password")}</h2>
                                <FormAlert action=change />
                                <ActionForm action=change>
                                    <Field name="current_password" label=t("field-label-current-password") input_type="password"
                                        autocomplete="current-password" required=true maxlength=256
                                        error=field_error(change, "current_password") />
                                    <Field name="new_password" label=t("field-label-new-password") input_type="password"
                                        autocomplete="new-password" required=true maxlength=256
                                        hint=t_with("register-password-hint", &[("min", Password::MIN.to_string())])
                                        error=field_error(change, "new_password") />
                                    <button type="submit" class="button" disabled=move || change.pending().get()>
                                        {t("profile-change-password-submit")}
                                    </button>
                                </ActionForm>
                            }
                            .into_any()
                }
            </Loader>
        </section>
    }
}
