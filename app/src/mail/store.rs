//! SQL for the outbox and the links sent by email. One set of queries for both engines;
//! the claim skips rows another server holds on PostgreSQL.

use super::model::{Frequency, MailPreferences, NewsKind, Outgoing, Token, TokenPurpose, MAX_ATTEMPTS};
use crate::db::{now_ms, Db, Engine, WriteTx};
use crate::locale::Locale;
use sqlx::Row;

/// Puts `mail` in the outbox, in the transaction of what caused it: it is sent if and
/// only if that commits.
pub async fn enqueue_in(tx: &mut WriteTx, account_id: Option<i64>, mail: &Outgoing) -> Result<(), sqlx::Error> {
    let now = now_ms();
    sqlx::query(
        "INSERT INTO outbox (account_id, kind, recipient, subject, link, message, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(account_id)
    .bind(mail.kind)
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.link)
    .bind(&mail.message)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores the hash of a new link for `account_id`.
pub async fn issue_token_in(
    tx: &mut WriteTx,
    account_id: i64,
    purpose: TokenPurpose,
    token: &Token,
) -> Result<(), sqlx::Error> {
    issue_in(tx, account_id, purpose, token, None).await
}

/// Stores the hash of a link that confirms `new_email` as the account's address.
pub async fn issue_email_change_in(
    tx: &mut WriteTx,
    account_id: i64,
    token: &Token,
    new_email: &str,
) -> Result<(), sqlx::Error> {
    issue_in(tx, account_id, TokenPurpose::EmailChange, token, Some(new_email)).await
}

async fn issue_in(
    tx: &mut WriteTx,
    account_id: i64,
    purpose: TokenPurpose,
    token: &Token,
    new_email: Option<&str>,
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    sqlx::query(
        "INSERT INTO email_tokens (account_id, purpose, token_hash, created_at, expires_at, new_email) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account_id)
    .bind(purpose.as_str())
    .bind(token.hash())
    .bind(now)
    .bind(now + purpose.lifetime_ms())
    .bind(new_email)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Links of `purpose` made for the account in the last `window_ms`, and how many
/// milliseconds ago the newest was: what the limits on asking for another count.
pub async fn recent_tokens_in(
    tx: &mut WriteTx,
    account_id: i64,
    purpose: TokenPurpose,
    window_ms: i64,
) -> Result<(i64, Option<i64>), sqlx::Error> {
    let now = now_ms();
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MAX(created_at) AS newest FROM email_tokens \
         WHERE account_id = $1 AND purpose = $2 AND created_at > $3",
    )
    .bind(account_id)
    .bind(purpose.as_str())
    .bind(now - window_ms)
    .fetch_one(&mut **tx)
    .await?;
    let newest: Option<i64> = row.try_get("newest")?;
    Ok((row.try_get("n")?, newest.map(|at| now - at)))
}

/// The account a link of `purpose` opens, while it is unused and unexpired; the link
/// stays usable.
pub async fn token_holder(db: &Db, purpose: TokenPurpose, token: &Token) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT account_id FROM email_tokens \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token.hash())
    .bind(purpose.as_str())
    .bind(now_ms())
    .fetch_optional(&db.pool)
    .await
}

/// Uses a link: answers the account it opens if it was unused and unexpired, and marks
/// it used, so that it works once. Every other unused link of the same purpose for that
/// account ends with it.
pub async fn use_token_in(tx: &mut WriteTx, purpose: TokenPurpose, token: &Token) -> Result<Option<i64>, sqlx::Error> {
    Ok(use_in(tx, purpose, token).await?.map(|(account, _)| account))
}

/// Uses a link that confirms a new address: answers the account and the address.
pub async fn use_email_change_in(tx: &mut WriteTx, token: &Token) -> Result<Option<(i64, String)>, sqlx::Error> {
    Ok(use_in(tx, TokenPurpose::EmailChange, token)
        .await?
        .and_then(|(account, email)| email.map(|email| (account, email))))
}

async fn use_in(
    tx: &mut WriteTx,
    purpose: TokenPurpose,
    token: &Token,
) -> Result<Option<(i64, Option<String>)>, sqlx::Error> {
    let now = now_ms();
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
         RETURNING account_id, new_email",
    )
    .bind(now)
    .bind(token.hash())
    .bind(purpose.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let account: i64 = row.try_get("account_id")?;
    let new_email: Option<String> = row.try_get("new_email")?;
    sqlx::query("UPDATE email_tokens SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now)
        .bind(account)
        .bind(purpose.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(Some((account, new_email)))
}

/// A message a worker took from the outbox to send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub account_id: Option<i64>,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub link: String,
    pub message: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// Takes up to `limit` messages that are due, for `lease_ms`: another worker takes them
/// only once the lease ran out (this one died). On PostgreSQL rows another server is
/// claiming are skipped, not waited for, so each message goes to one worker.
pub async fn claim_due(db: &Db, limit: i64, lease_ms: i64) -> Result<Vec<Claimed>, sqlx::Error> {
    let now = now_ms();
    let skip_locked = match db.engine {
        Engine::Sqlite => "",
        Engine::Postgres => " FOR UPDATE SKIP LOCKED",
    };
    let sql = format!(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox \
                      WHERE sent_at IS NULL AND dropped_at IS NULL AND next_attempt_at <= $2 \
                        AND (claimed_until IS NULL OR claimed_until < $2) \
                      ORDER BY next_attempt_at, id LIMIT $3{skip_locked}) \
         RETURNING id, account_id, kind, recipient, subject, link, message, attempts"
    );
    let mut tx = db.begin_write().await?;
    let rows = sqlx::query(&sql)
        .bind(now + lease_ms)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit_unseen().await?;
    let mut claimed = rows
        .iter()
        .map(|r| {
            Ok(Claimed {
                id: r.try_get("id")?,
                account_id: r.try_get("account_id")?,
                kind: r.try_get("kind")?,
                recipient: r.try_get("recipient")?,
                subject: r.try_get("subject")?,
                link: r.try_get("link")?,
                message: r.try_get("message")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// Whether mail may go to the account: it exists and is not blocked. Nothing is sent to
/// a blocked or deleted account, whatever was queued for it before.
pub async fn deliverable(db: &Db, account_id: i64) -> Result<bool, sqlx::Error> {
    let blocked: Option<i64> = sqlx::query_scalar(
        "SELECT CASE WHEN blocked_at IS NULL AND deleted_at IS NULL THEN 0 ELSE 1 END FROM accounts WHERE id = $1",
    )
    .bind(account_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(blocked == Some(0))
}

/// The SMTP server accepted the message. Its text and link (a secret until used) are
/// no longer kept: the row stays as a record of what was sent, when.
pub async fn mark_sent(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = NULL, message = '', link = '' \
         WHERE id = $2",
    )
    .bind(now_ms())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit_unseen().await
}

/// Sending failed with `error` (a short description, never the message): tried again
/// after `retry_in_ms`, or given up after `MAX_ATTEMPTS`.
pub async fn mark_failed(db: &Db, claimed: &Claimed, error: &str, retry_in_ms: i64) -> Result<(), sqlx::Error> {
    let now = now_ms();
    let given_up = (claimed.attempts >= MAX_ATTEMPTS).then_some(now);
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE outbox SET last_error = $1, next_attempt_at = $2, claimed_until = NULL, dropped_at = $3 \
         WHERE id = $4",
    )
    .bind(error)
    .bind(now + retry_in_ms)
    .bind(given_up)
    .bind(claimed.id)
    .execute(&mut *tx)
    .await?;
    tx.commit_unseen().await
}

/// The message will not be sent (its account was blocked or deleted): its text and link
/// go.
pub async fn drop_message(db: &Db, id: i64, reason: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE outbox SET dropped_at = $1, claimed_until = NULL, last_error = $2, message = '', link = '' \
         WHERE id = $3",
    )
    .bind(now_ms())
    .bind(reason)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit_unseen().await
}

/// When the next message that is not claimed becomes due, if any: how long the worker
/// may sleep.
pub async fn next_due(db: &Db) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MIN(CASE WHEN claimed_until IS NULL OR claimed_until < next_attempt_at \
                         THEN next_attempt_at ELSE claimed_until END) \
         FROM outbox WHERE sent_at IS NULL AND dropped_at IS NULL",
    )
    .fetch_one(&db.pool)
    .await
}

/// An account whose email about news is due: one that wants news at once and has news
/// past its cursor, or one whose digest hour came.
#[derive(Debug, Clone)]
pub struct DueAccount {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub language: Locale,
    pub preferences: MailPreferences,
    pub mailed_through: i64,
    pub next_digest_at: i64,
    /// Confirmed, not blocked: mail may go to it (otherwise the news is passed over).
    pub deliverable: bool,
}

pub async fn due_accounts(db: &Db, now: i64, limit: i64) -> Result<Vec<DueAccount>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.id, a.email, a.display_name, a.language, a.mail_frequency, a.mail_kinds, a.mailed_through, \
                a.next_digest_at, \
                CASE WHEN a.blocked_at IS NULL AND a.email_verified_at IS NOT NULL THEN 1 ELSE 0 END AS deliverable \
         FROM accounts a \
         WHERE a.deleted_at IS NULL \
           AND ((a.mail_frequency IN ('daily', 'weekly') AND a.next_digest_at <= $1) \
             OR (a.mail_frequency = 'instant' \
                 AND EXISTS (SELECT 1 FROM notifications n WHERE n.account_id = a.id AND n.id > a.mailed_through))) \
         ORDER BY a.id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let language: String = r.try_get("language")?;
            let frequency: String = r.try_get("mail_frequency")?;
            let kinds: String = r.try_get("mail_kinds")?;
            Ok(DueAccount {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                display_name: r.try_get("display_name")?,
                language: Locale::parse(&language).unwrap_or_default(),
                preferences: MailPreferences {
                    frequency: Frequency::parse(&frequency).unwrap_or_default(),
                    kinds: MailPreferences::kinds_from_text(&kinds),
                },
                mailed_through: r.try_get("mailed_through")?,
                next_digest_at: r.try_get("next_digest_at")?,
                deliverable: r.try_get::<i32, _>("deliverable")? != 0,
            })
        })
        .collect()
}

/// Moves the account's cursor from `from` to `to` and its next digest to `next_digest_at`,
/// putting `message` (if any) in the outbox in the same transaction; answers false, and
/// changes nothing, when another server moved the cursor first.
pub async fn advance_news(
    db: &Db,
    account_id: i64,
    from: i64,
    to: i64,
    next_digest_at: i64,
    message: Option<&Outgoing>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let moved = sqlx::query(
        "UPDATE accounts SET mailed_through = $1, next_digest_at = $2 WHERE id = $3 AND mailed_through = $4",
    )
    .bind(to)
    .bind(next_digest_at)
    .bind(account_id)
    .bind(from)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    if let Some(message) = message {
        enqueue_in(&mut tx, Some(account_id), message).await?;
    }
    tx.commit_unseen().await?;
    Ok(true)
}

pub async fn preferences(db: &Db, account_id: i64) -> Result<Option<MailPreferences>, sqlx::Error> {
    let row = sqlx::query("SELECT mail_frequency, mail_kinds FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        let frequency: String = r.try_get("mail_frequency")?;
        let kinds: String = r.try_get("mail_kinds")?;
        Ok(MailPreferences {
            frequency: Frequency::parse(&frequency).unwrap_or_default(),
            kinds: MailPreferences::kinds_from_text(&kinds),
        })
    })
    .transpose()
}

/// Stores what the account hears of by email and when its next digest is due. Coming
/// back from "never", news that came meanwhile is not mailed all at once.
pub async fn set_preferences(
    db: &Db,
    account_id: i64,
    preferences: &MailPreferences,
    next_digest_at: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE accounts SET mail_frequency = $1, mail_kinds = $2, next_digest_at = $3, \
                mailed_through = CASE WHEN mail_frequency = 'never' \
                                      THEN (SELECT COALESCE(MAX(id), 0) FROM notifications) \
                                      ELSE mailed_through END \
         WHERE id = $4",
    )
    .bind(preferences.frequency.as_str())
    .bind(preferences.kinds_text())
    .bind(next_digest_at)
    .bind(account_id)
    .execute(&mut *tx)
    .await?;
    tx.commit_unseen().await
}

/// Follows an unsubscribe link: `kind` is `all` (no more news by email) or one kind of
/// news. Answers false when the signature is not this site's or the account is gone.
pub async fn unsubscribe(
    db: &Db,
    keys: &crate::keys::Keys,
    account_id: i64,
    kind: &str,
    signature: &str,
) -> Result<bool, sqlx::Error> {
    if !keys.verify_unsubscribe(account_id, kind, signature) {
        return Ok(false);
    }
    let one = NewsKind::parse(kind);
    if kind != "all" && one.is_none() {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    let current: Option<String> =
        sqlx::query_scalar("SELECT mail_kinds FROM accounts WHERE id = $1 AND deleted_at IS NULL")
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(current) = current else {
        tx.rollback().await?;
        return Ok(false);
    };
    match one {
        Some(one) => {
            let mut preferences = MailPreferences {
                frequency: Frequency::Daily,
                kinds: MailPreferences::kinds_from_text(&current),
            };
            preferences.kinds.retain(|k| *k != one);
            sqlx::query("UPDATE accounts SET mail_kinds = $1 WHERE id = $2")
                .bind(preferences.kinds_text())
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
        None => {
            sqlx::query("UPDATE accounts SET mail_frequency = 'never' WHERE id = $1")
                .bind(account_id)
                .execute(&mut *tx)
                .await?;
        }
    }
    crate::audit::store::record(
        &mut *tx,
        Some(account_id),
        "account.unsubscribed",
        "account",
        Some(account_id),
        kind,
    )
    .await?;
    tx.commit_unseen().await?;
    Ok(true)
}
