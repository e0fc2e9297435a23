//! The account's links by email: confirming its address, choosing a new password.

use super::lock_account;
use crate::audit;
use crate::db::{now_ms, Db};
use crate::locale::Locale;
use crate::mail::model::{Outgoing, Token, TokenPurpose};
use crate::mail::store as mail;
use crate::ratelimit::Limit;
use sqlx::Row;

/// What mail to an account needs to know of it.
#[derive(Debug, Clone)]
pub struct MailIdentity {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub language: Locale,
    pub blocked: bool,
    pub verified: bool,
}

const IDENTITY: &str = "SELECT id, email, display_name, language, \
                               CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END AS blocked, \
                               CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END AS verified \
                        FROM accounts WHERE deleted_at IS NULL";

fn identity(r: &sqlx::any::AnyRow) -> Result<MailIdentity, sqlx::Error> {
    let language: String = r.try_get("language")?;
    Ok(MailIdentity {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        language: Locale::parse(&language).unwrap_or_default(),
        blocked: r.try_get::<i32, _>("blocked")? != 0,
        verified: r.try_get::<i32, _>("verified")? != 0,
    })
}

pub async fn mail_identity(db: &Db, id: i64) -> Result<Option<MailIdentity>, sqlx::Error> {
    let row = sqlx::query(&format!("{IDENTITY} AND id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(identity).transpose()
}

pub async fn mail_identity_by_email(db: &Db, email_normalized: &str) -> Result<Option<MailIdentity>, sqlx::Error> {
    let row = sqlx::query(&format!("{IDENTITY} AND email_normalized = $1"))
        .bind(email_normalized)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(identity).transpose()
}

/// Whether a link went out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSent {
    Sent,
    /// The account had `limit.attempts` links of this purpose within the window; the
    /// first of them leaves it after this many milliseconds.
    TooMany {
        retry_after_ms: i64,
    },
}

/// Stores a new link of `purpose` for the account and puts `mail`, which carries it, in
/// the outbox, in one transaction; unless the account had `limit.attempts` such links
/// within `limit.window` (counted from the links, so it holds on every server).
pub async fn send_link(
    db: &Db,
    account_id: i64,
    purpose: TokenPurpose,
    token: &Token,
    message: &Outgoing,
    limit: Limit,
) -> Result<LinkSent, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let Some(refused) = over_limit(db, &mut tx, account_id, purpose, limit).await? {
        tx.rollback().await?;
        return Ok(refused);
    }
    mail::issue_token_in(&mut tx, account_id, purpose, token).await?;
    mail::enqueue_in(&mut tx, Some(account_id), message).await?;
    tx.commit_unseen().await?;
    Ok(LinkSent::Sent)
}

/// With the account locked: `TooMany` when it had `limit.attempts` links of `purpose`
/// within `limit.window` (counted from the links, so it holds on every server).
async fn over_limit(
    db: &Db,
    tx: &mut crate::db::WriteTx,
    account_id: i64,
    purpose: TokenPurpose,
    limit: Limit,
) -> Result<Option<LinkSent>, sqlx::Error> {
    let window_ms = i64::try_from(limit.window.as_millis()).unwrap_or(i64::MAX);
    lock_account(db, tx, account_id).await?;
    let (made, oldest_age) = mail::recent_tokens_in(tx, account_id, purpose, window_ms).await?;
    Ok((made >= i64::from(limit.attempts)).then(|| LinkSent::TooMany {
        retry_after_ms: oldest_age.map_or(window_ms, |age| window_ms - age),
    }))
}

/// Stores a link confirming `new_email` as the account's address and puts both emails in
/// the outbox (the link to the new address, the notice to the old), in one transaction;
/// under the same limit as the other links.
pub async fn request_email_change(
    db: &Db,
    account_id: i64,
    token: &Token,
    new_email: &str,
    emails: [&Outgoing; 2],
    limit: Limit,
) -> Result<LinkSent, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if let Some(refused) = over_limit(db, &mut tx, account_id, TokenPurpose::EmailChange, limit).await? {
        tx.rollback().await?;
        return Ok(refused);
    }
    mail::issue_email_change_in(&mut tx, account_id, token, new_email).await?;
    for email in emails {
        mail::enqueue_in(&mut tx, Some(account_id), email).await?;
    }
    tx.commit_unseen().await?;
    Ok(LinkSent::Sent)
}

/// What became of a link confirming a new address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailChanged {
    Changed(i64),
    /// Another account took the address meanwhile.
    Taken,
    Expired,
}

/// Makes the address a change link was sent to the account's own, confirmed.
pub async fn confirm_email_change(db: &Db, token: &Token) -> Result<EmailChanged, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some((id, email)) = mail::use_email_change_in(&mut tx, token).await? else {
        tx.rollback().await?;
        return Ok(EmailChanged::Expired);
    };
    let changed = sqlx::query(
        "UPDATE accounts SET email = $1, email_normalized = $2, email_verified_at = $3 \
         WHERE id = $4 AND deleted_at IS NULL",
    )
    .bind(&email)
    .bind(email.to_lowercase())
    .bind(now_ms())
    .bind(id)
    .execute(&mut *tx)
    .await;
    match changed {
        Err(e) if crate::db::is_unique_violation(&e) => {
            tx.rollback().await?;
            return Ok(EmailChanged::Taken);
        }
        Err(e) => return Err(e),
        Ok(done) if done.rows_affected() == 0 => {
            tx.rollback().await?;
            return Ok(EmailChanged::Expired);
        }
        Ok(_) => {}
    }
    audit::store::record(&mut *tx, Some(id), "account.email_changed", "account", Some(id), "").await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(EmailChanged::Changed(id))
}

/// Whether an account (other than a deleted one) has this address.
pub async fn email_taken(db: &Db, email_normalized: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = $1")
        .bind(email_normalized)
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.is_some())
}

/// Confirms the address a confirmation link was sent to: answers the account, or `None`
/// when the link is unknown, used or expired.
pub async fn verify_email(db: &Db, token: &Token) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(id) = mail::use_token_in(&mut tx, TokenPurpose::Verify, token).await? else {
        tx.rollback().await?;
        return Ok(None);
    };
    sqlx::query("UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2")
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::store::record(&mut *tx, Some(id), "account.email_verified", "account", Some(id), "").await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(Some(id))
}

/// Sets a new password with a reset link: every session of the account ends (its auth
/// version moves on), so does its run of failed sign-ins, and, since the link proved the
/// address, the address is confirmed. Answers the account, or `None` when the link is
/// unknown, used or expired.
pub async fn reset_password(db: &Db, token: &Token, new_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(id) = mail::use_token_in(&mut tx, TokenPurpose::Reset, token).await? else {
        tx.rollback().await?;
        return Ok(None);
    };
    sqlx::query(
        "UPDATE accounts SET password_hash = $1, auth_version = auth_version + 1, \
                             sign_in_failures = 0, sign_in_failed_at = NULL, \
                             email_verified_at = COALESCE(email_verified_at, $2) \
         WHERE id = $3",
    )
    .bind(new_hash)
    .bind(now_ms())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::store::record(&mut *tx, Some(id), "account.password_reset", "account", Some(id), "").await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(Some(id))
}
