//! Server functions for accounts. Each reads as a use case: authorise, validate,
//! call the store, answer.

mod data;
mod links;
mod mail_settings;
pub use data::*;
pub use links::*;
pub use mail_settings::*;

use super::model::{AccountSummary, Profile, SessionUser};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{
        AccountKind, DisplayName, Email, EnterpriseNumber, OrganisationName, Password, RegistrationNumber, Role,
    },
    super::{password, store},
    crate::ctx,
    crate::error::{AppResult, Problems},
    crate::policy::{Action, Facts},
};

pub const REGISTER_FORM: &str = "register";
pub const SIGN_IN_FORM: &str = "sign_in";

/// The signed-in account, or `None`.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<SessionUser>, AppError> {
    ctx::current_user().await
}

#[cfg(feature = "ssr")]
struct Registration {
    email: Email,
    password: Password,
    display_name: DisplayName,
    kind: AccountKind,
    organisation_name: Option<OrganisationName>,
    registration_number: Option<String>,
}

#[cfg(feature = "ssr")]
async fn parse_registration(
    email: &str,
    password: &str,
    display_name: &str,
    kind: &str,
    organisation_name: &str,
    registration_number: &str,
) -> AppResult<Registration> {
    let mut problems = Problems::new();
    let email = problems.check("email", Email::parse(email));
    let display_name = problems.check("display_name", DisplayName::parse(display_name));
    let password = problems.check("password", Password::parse(password));
    let kind = AccountKind::parse(kind);
    if kind.is_none() {
        problems.push("kind", "unknown_choice");
    }
    let (mut organisation, mut number) = (None, None);
    if let Some(kind) = kind.filter(|k| k.is_organisation()) {
        organisation = problems.check("organisation_name", OrganisationName::parse(organisation_name));
        number = match kind {
            AccountKind::Business => problems
                .check("registration_number", EnterpriseNumber::parse(registration_number))
                .map(|n| n.formatted()),
            _ => problems
                .check("registration_number", RegistrationNumber::parse(registration_number))
                .map(|n| n.as_str().to_owned()),
        };
    }
    if let Some(password) = &password {
        let known_words = [
            email.as_ref().map(|e| e.as_str().to_owned()),
            display_name.as_ref().map(|n| n.as_str().to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !password::is_strong_enough(password.expose().to_owned(), known_words).await? {
            problems.push("password", "password_weak");
        }
    }
    problems.into_result()?;
    match (email, password, display_name, kind) {
        (Some(email), Some(password), Some(display_name), Some(kind)) => Ok(Registration {
            email,
            password,
            display_name,
            kind,
            organisation_name: organisation,
            registration_number: number,
        }),
        _ => Err(AppError::BadRequest),
    }
}

/// Creates a resident or organisation account and signs it in.
#[server(endpoint = "register")]
pub async fn register(
    email: String,
    password: String,
    display_name: String,
    kind: String,
    organisation_name: Option<String>,
    registration_number: Option<String>,
) -> Result<(), AppError> {
    let organisation_name = organisation_name.unwrap_or_default();
    let registration_number = registration_number.unwrap_or_default();
    let kept = [
        ("email", email.as_str()),
        ("display_name", display_name.as_str()),
        ("kind", kind.as_str()),
        ("organisation_name", organisation_name.as_str()),
        ("registration_number", registration_number.as_str()),
    ];
    let outcome: AppResult<()> = async {
        // Attempts from one network, in memory; the accounts it made, in the database below.
        ctx::limits()?
            .registration_attempts_per_network
            .hit(ctx::client_network_key())?;
        let form = parse_registration(
            &email,
            &password,
            &display_name,
            &kind,
            &organisation_name,
            &registration_number,
        )
        .await?;
        let account = store::NewAccount {
            email: form.email.as_str().to_owned(),
            email_normalized: form.email.normalized(),
            password_hash: password::hash(form.password).await?,
            display_name: form.display_name.as_str().to_owned(),
            kind: form.kind,
            role: Role::Member,
            organisation_name: form.organisation_name.map(|o| o.as_str().to_owned()),
            registration_number: form.registration_number,
            email_verified: false,
            language: crate::i18n::detect_locale(),
        };
        let (token, mail) = confirmation_mail(&crate::mail::compose::Recipient {
            email: &account.email,
            name: &account.display_name,
            locale: account.language,
        })?;
        let db = ctx::db()?;
        let state = ctx::state()?;
        let network = ctx::client_address().map(|address| state.keys.address_hash(address));
        let network = network.as_deref().unwrap_or("unknown");
        let limit = crate::ratelimit::REGISTRATIONS_PER_NETWORK;
        let id = match store::register(&db, &account, network, limit, (&token, &mail)).await? {
            store::Registered::Created(id) => id,
            store::Registered::EmailTaken => return Err(AppError::field("email", "email_taken")),
            store::Registered::TooMany { retry_after_ms } => {
                return Err(AppError::RateLimited {
                    retry_after: u64::try_from(retry_after_ms.max(1000) / 1000).unwrap_or(1),
                })
            }
        };
        ctx::wake_outbox();
        let user = store::session_user(&db, id).await?.ok_or(AppError::Internal)?;
        ctx::sign_in_session(&user).await
    }
    .await;
    ctx::keep_typed(outcome, REGISTER_FORM, &kept).await?;
    ctx::redirect("/profile");
    Ok(())
}

/// Where sign-in goes next: the page asked for when it is on this site (the redirect
/// check), the profile otherwise, so a crafted link cannot send someone elsewhere.
#[cfg(feature = "ssr")]
pub fn safe_next(next: Option<&str>) -> &str {
    crate::redirect::local_or(next.unwrap_or_default(), "/profile")
}

/// Signs in. The answer is the same, and takes as long, whether or not the account exists.
///
/// Failures are limited per network (past the limit it is refused) and per account (it
/// slows down): a network that failed a few times on an account waits a delay that grows
/// with the account's failures in a row, while one that has not signs in at once, so
/// that an attacker hammering an account never locks its owner out.
#[server(endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let outcome: AppResult<()> = async {
        let db = ctx::db()?;
        let limits = ctx::limits()?;
        let normalized = email.trim().to_lowercase();
        let network = ctx::client_network_key();
        let email_key = crate::ratelimit::key(&normalized);
        let pair = crate::ratelimit::key(&(email_key, network));
        let wide_network = ctx::client_wide_network_key();
        let refused_networks = || -> AppResult<()> {
            limits.sign_in_failures_per_network.check(network)?;
            limits.sign_in_failures_per_wide_network.check(wide_network)?;
            Ok(())
        };
        // At once, so that a network past its limit costs nothing; again once a hashing
        // slot is taken: of attempts sent together, only the few holding a slot can be
        // past the checks before their failure is counted.
        refused_networks()?;
        let account = store::credentials(&db, &normalized).await?;
        let slot = password::slot().await?;
        refused_networks()?;
        if let Some((failed_here, since_last_failure)) = limits.sign_in_failures_per_pair.recent(pair) {
            // An email without an account counts its failures in memory only.
            let in_memory = limits
                .sign_in_failures_per_email
                .recent(email_key)
                .map_or(0, |(failures, _)| i64::from(failures));
            let failures = account.as_ref().map_or(in_memory, |a| a.failures.max(in_memory));
            let delay = crate::ratelimit::sign_in_delay(failures);
            if failed_here >= crate::ratelimit::FREE_FAILURES_PER_NETWORK && since_last_failure < delay {
                return Err(crate::ratelimit::Wait(delay - since_last_failure).into());
            }
        }
        let (id, failures, stored) = match account {
            Some(a) => (Some(a.id), a.failures, Some(a.password_hash)),
            None => (None, 0, None),
        };
        if !password::verify_in(&slot, password, stored).await? {
            tracing::info!("sign-in refused");
            limits.sign_in_failures_per_network.record(network);
            limits.sign_in_failures_per_wide_network.record(wide_network);
            limits.sign_in_failures_per_pair.record(pair);
            limits.sign_in_failures_per_email.record(email_key);
            if let Some(id) = id {
                store::record_sign_in_failure(&db, id).await?;
            }
            return Err(AppError::InvalidCredentials);
        }
        drop(slot);
        let id = id.ok_or(AppError::InvalidCredentials)?;
        limits.sign_in_failures_per_pair.forget(pair);
        limits.sign_in_failures_per_email.forget(email_key);
        if failures > 0 {
            store::clear_sign_in_failures(&db, id).await?;
        }
        let user = store::session_user(&db, id)
            .await?
            .ok_or(AppError::InvalidCredentials)?;
        ctx::sign_in_session(&user).await?;
        crate::audit::store::record(&db.pool, Some(id), "account.signed_in", "account", Some(id), "").await?;
        Ok(())
    }
    .await;
    ctx::keep_typed(outcome, SIGN_IN_FORM, &[("email", email.as_str())]).await?;
    ctx::redirect(safe_next(next.as_deref()));
    Ok(())
}

/// Ends the session on the server.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    ctx::sign_out_session().await?;
    ctx::redirect("/");
    Ok(())
}

#[server(endpoint = "my_profile")]
pub async fn my_profile() -> Result<Profile, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    store::profile(&ctx::db()?, user.id).await?.ok_or(AppError::NotFound)
}

/// Checks the signed-in account's password before a change it guards (password, address,
/// deletion); a wrong one is a problem with the form's `field`.
#[cfg(feature = "ssr")]
pub(crate) async fn confirm_password(account_id: i64, candidate: String, field: &str) -> AppResult<()> {
    let stored = store::password_hash(&ctx::db()?, account_id).await?;
    if password::verify(candidate, stored).await? {
        Ok(())
    } else {
        Err(AppError::field(field, "password_wrong"))
    }
}

/// Changes the password after checking the current one; other sessions end.
#[server(endpoint = "change_password")]
pub async fn change_password(current_password: String, new_password: String) -> Result<(), AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    ctx::limits()?
        .password_changes_per_account
        .hit(crate::ratelimit::key(&user.id))?;
    let db = ctx::db()?;
    let new_password = Password::parse(&new_password)
        .map_err(|e| AppError::field("new_password", crate::error::ErrorCode::code(&e)))?;
    confirm_password(user.id, current_password, "current_password").await?;
    let profile = store::profile(&db, user.id).await?.ok_or(AppError::NotFound)?;
    if !password::is_strong_enough(
        new_password.expose().to_owned(),
        vec![profile.email, profile.display_name],
    )
    .await?
    {
        return Err(AppError::field("new_password", "password_weak"));
    }
    let hash = password::hash(new_password).await?;
    let version = store::change_password(&db, user.id, &hash)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx::sign_in_session(&SessionUser {
        auth_version: version,
        ..user
    })
    .await?;
    ctx::redirect("/profile?password=changed");
    Ok(())
}

/// Accounts for the admin page, newest first, 50 at a time.
#[server(endpoint = "admin/accounts")]
pub async fn list_accounts(role: Option<String>, before: Option<i64>) -> Result<Vec<AccountSummary>, AppError> {
    ctx::authorize(Action::ManageAccounts, &Facts::none()).await?;
    let role = role
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| Role::parse(r).ok_or(AppError::BadRequest))
        .transpose()?;
    Ok(store::list(&ctx::db()?, role, before, 50).await?)
}

/// Gives an account a role (and an official their portfolio).
#[server(endpoint = "admin/set_role")]
pub async fn set_role(account_id: i64, role: String, portfolio: Option<String>) -> Result<(), AppError> {
    let admin = ctx::authorize(Action::ManageAccounts, &Facts::none()).await?;
    let role = Role::parse(&role).ok_or_else(|| AppError::field("role", "unknown_choice"))?;
    let portfolio = super::model::parse_portfolio(portfolio.as_deref().unwrap_or_default())
        .map_err(|e| AppError::field("portfolio", crate::error::ErrorCode::code(&e)))?;
    if account_id == admin.id {
        return Err(AppError::field("role", "own_role"));
    }
    match store::set_role(&ctx::db()?, Some(admin.id), account_id, role, portfolio.as_deref()).await? {
        store::RoleChange::NoSuchAccount => Err(AppError::NotFound),
        store::RoleChange::Changed | store::RoleChange::Unchanged => Ok(()),
    }
}
