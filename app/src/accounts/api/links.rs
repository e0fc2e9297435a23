//! Server functions for the links Agora sends by email: confirming the address of an
//! account, and choosing a new password when the old one is forgotten.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::accounts::model::Password,
    crate::accounts::{password, store},
    crate::ctx,
    crate::error::AppResult,
    crate::mail::compose::{self, Recipient},
    crate::mail::model::{Token, TokenPurpose},
    crate::policy::{Action, Facts},
    std::time::Duration,
};

pub const FORGOT_PASSWORD_FORM: &str = "forgot_password";
pub const CHANGE_EMAIL_FORM: &str = "change_email";

/// A password reset asked for answers after at least this long, whether or not the
/// address has an account, so that its timing tells nothing either.
#[cfg(feature = "ssr")]
const RESET_REQUEST_TAKES: Duration = Duration::from_millis(400);

#[cfg(feature = "ssr")]
fn rate_limited(retry_after_ms: i64) -> AppError {
    AppError::RateLimited {
        retry_after: u64::try_from(retry_after_ms.max(1000) / 1000).unwrap_or(1),
    }
}

/// Composes the confirmation email for `to` and a new link.
#[cfg(feature = "ssr")]
pub(crate) fn confirmation_mail(to: &Recipient<'_>) -> AppResult<(Token, crate::mail::model::Outgoing)> {
    let token = Token::generate();
    let mail = compose::verification(&*ctx::mail_settings()?, to, &token)?;
    Ok((token, mail))
}

/// Confirms the address a confirmation link was sent to. Anyone holding the link may
/// (the person may open it on another device, signed out); it works once.
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    let token = Token::parse(&token).ok_or(AppError::LinkExpired)?;
    store::verify_email(&ctx::db()?, &token)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let signed_in = ctx::current_user().await?.is_some();
    ctx::redirect(if signed_in {
        "/profile?email=confirmed"
    } else {
        "/login?email=confirmed"
    });
    Ok(())
}

/// Sends a new confirmation link to the signed-in account's address; a few an hour.
#[server(endpoint = "resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    let db = ctx::db()?;
    let account = store::mail_identity(&db, user.id).await?.ok_or(AppError::NotFound)?;
    if !account.verified {
        let (token, mail) = confirmation_mail(&Recipient {
            email: &account.email,
            name: &account.display_name,
            locale: account.language,
        })?;
        let limit = crate::ratelimit::LINKS_PER_ACCOUNT;
        if let store::LinkSent::TooMany { retry_after_ms } =
            store::send_link(&db, account.id, TokenPurpose::Verify, &token, &mail, limit).await?
        {
            return Err(rate_limited(retry_after_ms));
        }
        ctx::wake_outbox();
    }
    ctx::redirect_plain_form("/profile?email=sent");
    Ok(())
}

/// Asks to move the account to another address, confirmed with the password: a link to
/// the new address confirms it (until then nothing changes), and the old address is told.
#[server(endpoint = "change_email")]
pub async fn change_email(new_email: String, password: String) -> Result<(), AppError> {
    let outcome: AppResult<()> = async {
        let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
        ctx::limits()?
            .password_changes_per_account
            .hit(crate::ratelimit::key(&user.id))?;
        let email = crate::accounts::model::Email::parse(&new_email)
            .map_err(|e| AppError::field("new_email", crate::error::ErrorCode::code(&e)))?;
        super::confirm_password(user.id, password, "password").await?;
        let db = ctx::db()?;
        if store::email_taken(&db, &email.normalized()).await? {
            return Err(AppError::field("new_email", "email_taken"));
        }
        let account = store::mail_identity(&db, user.id).await?.ok_or(AppError::NotFound)?;
        let settings = ctx::mail_settings()?;
        let token = Token::generate();
        let to_new = compose::email_change(
            &settings,
            &Recipient {
                email: email.as_str(),
                name: &account.display_name,
                locale: account.language,
            },
            &token,
        )?;
        let to_old = compose::email_change_notice(
            &settings,
            &Recipient {
                email: &account.email,
                name: &account.display_name,
                locale: account.language,
            },
        )?;
        let limit = crate::ratelimit::LINKS_PER_ACCOUNT;
        if let store::LinkSent::TooMany { retry_after_ms } =
            store::request_email_change(&db, user.id, &token, email.as_str(), [&to_new, &to_old], limit).await?
        {
            return Err(rate_limited(retry_after_ms));
        }
        ctx::wake_outbox();
        Ok(())
    }
    .await;
    ctx::keep_typed(outcome, CHANGE_EMAIL_FORM, &[("new_email", new_email.as_str())]).await?;
    ctx::redirect_plain_form("/profile?email=change-sent");
    Ok(())
}

/// Makes the new address the account's own, from the link sent to it.
#[server(endpoint = "confirm_email_change")]
pub async fn confirm_email_change(token: String) -> Result<(), AppError> {
    let token = Token::parse(&token).ok_or(AppError::LinkExpired)?;
    match store::confirm_email_change(&ctx::db()?, &token).await? {
        store::EmailChanged::Changed(_) => {}
        store::EmailChanged::Taken => return Err(AppError::field("token", "email_taken")),
        store::EmailChanged::Expired => return Err(AppError::LinkExpired),
    }
    let signed_in = ctx::current_user().await?.is_some();
    ctx::redirect(if signed_in {
        "/profile?email=changed"
    } else {
        "/login?email=changed"
    });
    Ok(())
}

/// Sends a link to choose a new password to the account with this address, if there is
/// one that may receive mail. The answer is the same, and takes as long, either way.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let started = tokio::time::Instant::now();
    let outcome: AppResult<()> = async {
        let limits = ctx::limits()?;
        let normalized = email.trim().to_lowercase();
        limits.password_resets_per_network.hit(ctx::client_network_key())?;
        limits
            .password_resets_per_email
            .hit(crate::ratelimit::key(&normalized))?;
        let db = ctx::db()?;
        let Some(account) = store::mail_identity_by_email(&db, &normalized).await? else {
            return Ok(());
        };
        if account.blocked {
            return Ok(());
        }
        let token = Token::generate();
        let mail = compose::password_reset(
            &*ctx::mail_settings()?,
            &Recipient {
                email: &account.email,
                name: &account.display_name,
                locale: account.language,
            },
            &token,
        )?;
        // Past the account's limit nothing is sent, and the answer does not say so: it
        // would tell that the address has an account.
        let limit = crate::ratelimit::LINKS_PER_ACCOUNT;
        if store::send_link(&db, account.id, TokenPurpose::Reset, &token, &mail, limit).await? == store::LinkSent::Sent
        {
            ctx::wake_outbox();
        }
        Ok(())
    }
    .await;
    tokio::time::sleep_until(started + RESET_REQUEST_TAKES).await;
    ctx::keep_typed(outcome, FORGOT_PASSWORD_FORM, &[("email", email.as_str())]).await?;
    ctx::redirect("/forgot-password?sent=1");
    Ok(())
}

/// Sets a new password with a reset link (same rules as registration); every session of
/// the account ends, and the change is audited.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, new_password: String) -> Result<(), AppError> {
    let token = Token::parse(&token).ok_or(AppError::LinkExpired)?;
    let new_password = Password::parse(&new_password)
        .map_err(|e| AppError::field("new_password", crate::error::ErrorCode::code(&e)))?;
    let db = ctx::db()?;
    let holder = crate::mail::store::token_holder(&db, TokenPurpose::Reset, &token)
        .await?
        .ok_or(AppError::LinkExpired)?;
    let account = store::mail_identity(&db, holder).await?.ok_or(AppError::LinkExpired)?;
    if !password::is_strong_enough(
        new_password.expose().to_owned(),
        vec![account.email, account.display_name],
    )
    .await?
    {
        return Err(AppError::field("new_password", "password_weak"));
    }
    let hash = password::hash(new_password).await?;
    store::reset_password(&db, &token, &hash)
        .await?
        .ok_or(AppError::LinkExpired)?;
    // Whoever was signed in here is signed out too: the next sign-in is with the new
    // password.
    ctx::sign_out_session().await?;
    ctx::redirect("/login?password=reset");
    Ok(())
}
