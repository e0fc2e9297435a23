//! Registration, sign-in, profile and the admin's list of accounts.

use super::api::{list_accounts, my_profile, ChangePassword, SetRole, REGISTER_FORM, SIGN_IN_FORM};
use super::model::{AccountKind, Password, Role};
use super::parts::AdminNav;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, t, t_with, use_locale};
use crate::ui::use_auth;
use crate::ui::{kind_label, role_label};
use crate::ui::{DataTable, Loader, Loading, OlderLink, Waiting};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = use_auth().register;
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
                            <p class="form-footer">{t("register-have-account")} " " <A href="/login">{t("nav-sign-in")}</A></p>
                        }
                }
            </Loading>
        </section>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = use_auth().sign_in;
    let memory = use_form_memory(SIGN_IN_FORM);
    let next = move || use_query_map().read().get("next");
    view! {
        <Title text=t("sign-in-title") />
        <section class="container narrow">
            <h1>{t("sign-in-title")}</h1>
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
                        <p class="form-footer">{t("sign-in-no-account")} " " <A href="/register">{t("nav-register")}</A></p>
                    }
                }
            </Loading>
        </section>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    let change = ServerAction::<ChangePassword>::new();
    let profile = Resource::new(|| (), |_| my_profile());
    let password_changed = move || use_query_map().read().get("password").as_deref() == Some("changed");
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
                                    <A href="/me/ideas" attr:class="button button-secondary">{t("my-ideas-title")}</A>
                                    <A href="/me/supported" attr:class="button button-secondary">{t("my-supported-title")}</A>
                                    <A href="/me/following" attr:class="button button-secondary">{t("my-following-title")}</A>
                                    <A href="/notifications" attr:class="button button-secondary">{t("notifications-title")}</A>
                                </nav>
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

#[component]
pub fn AdminAccountsPage() -> impl IntoView {
    let locale = use_locale();
    let set_role = ServerAction::<SetRole>::new();
    let block = ServerAction::<crate::moderation::api::SetAccountBlocked>::new();
    let query = use_query_map();
    let accounts = Resource::new(
        move || {
            (
                (set_role.version().get(), block.version().get()),
                query.read().get("role"),
                query.read().get("before"),
            )
        },
        |(_, role, before)| list_accounts(role, before.and_then(|b| b.parse().ok())),
    );
    view! {
        <Title text=t("admin-accounts-title") />
        <section class="container">
            <AdminNav />
            <h1>{t("admin-accounts-title")}</h1>
            <form method="get" action="/admin/accounts" class="filter-bar">
                <label for="role-filter">{t("field-label-role")}</label>
                <select id="role-filter" name="role">
                    <option value="">{t("admin-all-roles")}</option>
                    {Role::ALL.into_iter().map(|role| {
                        let selected = move || query.read().get("role").as_deref() == Some(role.as_str());
                        view! { <option value=role.as_str() selected=selected>{role_label(role)}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button button-small">{t("admin-filter")}</button>
            </form>
            <FormAlert action=set_role />
            <FormAlert action=block />
            <Loader resource=accounts let:accounts>
                {
                            let older = (accounts.len() == 50).then(|| accounts.last().map(|a| a.id)).flatten();
                            let headers = ["field-label-display-name", "field-label-email", "field-label-kind", "admin-joined", "field-label-role", "admin-blocking"]
                                .map(t)
                                .to_vec();
                            view! {
                                <DataTable caption=t("admin-accounts-title") headers>
                                            {accounts.into_iter().map(|account| {
                                                let prefix = format!("account-{}-", account.id);
                                                let role_id = format!("{prefix}role");
                                                let portfolio_id = format!("{prefix}portfolio");
                                                view! {
                                                    <tr>
                                                        <th scope="row">
                                                            {account.display_name.clone()}
                                                            {account.organisation_name.clone().map(|o| view! { <br /><span class="muted">{o}</span> })}
                                                        </th>
                                                        <td>{account.email.clone()}</td>
                                                        <td>{kind_label(account.kind)}</td>
                                                        <td>{format_date(locale, account.created_at)}</td>
                                                        <td>
                                                            <ActionForm action=set_role>
                                                                <input type="hidden" name="account_id" value=account.id />
                                                                <div class="role-form">
                                                                    <label for=role_id.clone() class="visually-hidden">{t("field-label-role")}</label>
                                                                    <select id=role_id name="role">
                                                                        {Role::ALL.into_iter().map(|role| view! {
                                                                            <option value=role.as_str() selected=role == account.role>{role_label(role)}</option>
                                                                        }).collect_view()}
                                                                    </select>
                                                                    <label for=portfolio_id.clone() class="visually-hidden">{t("field-label-portfolio")}</label>
                                                                    <input id=portfolio_id type="text" name="portfolio" maxlength="200"
                                                                        placeholder=t("field-label-portfolio") value=account.portfolio.clone() />
                                                                    <button type="submit" class="button button-small">{t("admin-save")}</button>
                                                                </div>
                                                            </ActionForm>
                                                        </td>
                                                        <td>
                                                            {account.blocked.then(|| view! { <span class="badge status-declined">{t("admin-blocked")}</span> })}
                                                            <crate::moderation::parts::BlockForm account_id=account.id blocked=account.blocked action=block
                                                                id_prefix=format!("{prefix}block-") />
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                </DataTable>
                                <OlderLink href=older.map(|id| format!("/admin/accounts?before={id}")) />
                            }
                            .into_any()
                }
            </Loader>
        </section>
    }
}
