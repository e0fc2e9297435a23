//! SQL for accounts. One set of queries for SQLite and PostgreSQL.

use super::model::{AccountKind, AccountSummary, Profile, Role, SessionUser};
use crate::audit;
use crate::db::{now_ms, Db};
use crate::locale::Locale;
use crate::mail::model::{Outgoing, Token, TokenPurpose};
use sqlx::any::AnyRow;
use sqlx::Row;

mod erase;
pub mod export;
mod links;
pub use erase::*;
pub use links::*;

pub struct NewAccount {
    pub email: String,
    pub email_normalized: String,
    pub password_hash: String,
    pub display_name: String,
    pub kind: AccountKind,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub registration_number: Option<String>,
    /// Made by someone who vouches for the address (the command line, the demo): no
    /// confirmation link is needed.
    pub email_verified: bool,
    /// The language its email is written in.
    pub language: Locale,
}

/// Flags are INTEGER on SQLite and BOOLEAN on PostgreSQL, which casts a boolean only to
/// INTEGER: they are selected as `CAST(CAST(.. AS INTEGER) AS BIGINT)`.
fn flag(row: &AnyRow, column: &str) -> Result<bool, sqlx::Error> {
    Ok(row.try_get::<i64, _>(column)? != 0)
}

fn role(row: &AnyRow) -> Result<Role, sqlx::Error> {
    let text: String = row.try_get("role")?;
    Role::parse(&text).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {text}").into()))
}

fn kind(row: &AnyRow) -> Result<AccountKind, sqlx::Error> {
    let text: String = row.try_get("kind")?;
    AccountKind::parse(&text).ok_or_else(|| sqlx::Error::Decode(format!("unknown kind {text}").into()))
}

/// Creates the account, or returns `None` when the email (in any case) is taken.
pub async fn insert(db: &Db, account: &NewAccount) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let id = insert_in(&mut tx, account, None).await?;
    tx.commit().await?;
    Ok(id)
}

/// What became of a registration.
pub enum Registered {
    Created(i64),
    EmailTaken,
    /// The network made `limit.attempts` accounts within the window; the first of them
    /// leaves the window after this many milliseconds.
    TooMany {
        retry_after_ms: i64,
    },
}

/// Creates an account registered from `network` (a keyed hash of the client's network),
/// unless the accounts made from it within `limit.window` reach `limit.attempts`: counted
/// from the accounts themselves in the transaction that adds one, so the limit holds on
/// every server, and a refused registration leaves nothing behind. The link that confirms
/// its address and the email carrying it are written in the same transaction.
pub async fn register(
    db: &Db,
    account: &NewAccount,
    network: &str,
    limit: crate::ratelimit::Limit,
    confirmation: (&Token, &Outgoing),
) -> Result<Registered, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    db.serialize_on(&mut tx, network).await?;
    let now = now_ms();
    let window_ms = i64::try_from(limit.window.as_millis()).unwrap_or(i64::MAX);
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(created_at) AS first FROM accounts \
         WHERE registered_from = $1 AND created_at > $2",
    )
    .bind(network)
    .bind(now - window_ms)
    .fetch_one(&mut *tx)
    .await?;
    let made: i64 = row.try_get("n")?;
    if made >= i64::from(limit.attempts) {
        tx.rollback().await?;
        let first: Option<i64> = row.try_get("first")?;
        return Ok(Registered::TooMany {
            retry_after_ms: first.map_or(window_ms, |first| first + window_ms - now),
        });
    }
    match insert_in(&mut tx, account, Some(network)).await? {
        Some(id) => {
            let (token, mail) = confirmation;
            crate::mail::store::issue_token_in(&mut tx, id, TokenPurpose::Verify, token).await?;
            crate::mail::store::enqueue_in(&mut tx, Some(id), mail).await?;
            tx.commit().await?;
            Ok(Registered::Created(id))
        }
        None => {
            tx.rollback().await?;
            Ok(Registered::EmailTaken)
        }
    }
}

/// The network an account registered from is forgotten once the registration limit no
/// longer needs it (a day later).
pub async fn forget_registration_networks(db: &Db) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let done =
        sqlx::query("UPDATE accounts SET registered_from = NULL WHERE registered_from IS NOT NULL AND created_at < $1")
            .bind(now_ms() - 24 * 60 * 60 * 1000)
            .execute(&mut *tx)
            .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

use crate::db::WriteTx;

async fn insert_in(
    tx: &mut WriteTx,
    account: &NewAccount,
    registered_from: Option<&str>,
) -> Result<Option<i64>, sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO accounts (email, email_normalized, password_hash, display_name, kind, role, \
                               organisation_name, registration_number, created_at, registered_from, \
                               email_verified_at, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (email_normalized) DO NOTHING RETURNING id",
    )
    .bind(&account.email)
    .bind(&account.email_normalized)
    .bind(&account.password_hash)
    .bind(&account.display_name)
    .bind(account.kind.as_str())
    .bind(account.role.as_str())
    .bind(account.organisation_name.as_deref())
    .bind(account.registration_number.as_deref())
    .bind(now_ms())
    .bind(registered_from)
    .bind(account.email_verified.then(now_ms))
    .bind(account.language.code())
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = id {
        audit::store::record(
            &mut **tx,
            Some(id),
            "account.registered",
            "account",
            Some(id),
            account.kind.as_str(),
        )
        .await?;
        if account.role != Role::Member {
            audit::store::record(
                &mut **tx,
                None,
                "account.role_changed",
                "account",
                Some(id),
                account.role.as_str(),
            )
            .await?;
        }
    }
    Ok(id)
}

/// What sign-in needs to know of the account with an email address.
pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
    /// Failed sign-ins in a row, on every server.
    pub failures: i64,
}

/// Failures older than this many milliseconds no longer count.
fn failures_forgotten_before() -> i64 {
    let forgotten = crate::ratelimit::SIGN_IN_FAILURES_FORGOTTEN_AFTER.as_millis();
    now_ms() - i64::try_from(forgotten).unwrap_or(i64::MAX)
}

pub async fn credentials(db: &Db, email_normalized: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, password_hash, \
                CASE WHEN sign_in_failed_at > $2 THEN sign_in_failures ELSE 0 END AS sign_in_failures \
         FROM accounts WHERE email_normalized = $1 AND deleted_at IS NULL",
    )
    .bind(email_normalized)
    .bind(failures_forgotten_before())
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Credentials {
            id: r.try_get("id")?,
            password_hash: r.try_get("password_hash")?,
            failures: r.try_get("sign_in_failures")?,
        })
    })
    .transpose()
}

/// Counts a failed sign-in on the account (a counter in its row: nothing grows); a run
/// of failures that stopped a day ago starts again from one.
pub async fn record_sign_in_failure(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE accounts SET \
             sign_in_failures = CASE WHEN sign_in_failed_at > $2 THEN sign_in_failures + 1 ELSE 1 END, \
             sign_in_failed_at = $1 \
         WHERE id = $3",
    )
    .bind(now_ms())
    .bind(failures_forgotten_before())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit_unseen().await
}

/// A successful sign-in ends the account's run of failures.
pub async fn clear_sign_in_failures(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE accounts SET sign_in_failures = 0, sign_in_failed_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit_unseen().await
}

pub async fn password_hash(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn session_user(db: &Db, id: i64) -> Result<Option<SessionUser>, sqlx::Error> {
    Ok(read_signed_in(db, id).await?.map(|(user, _)| user))
}

/// `session_user`, kept in memory for a few seconds (`Db::memo_row`): for requests that
/// show no page (a vote, a follow), which need the account as the policy sees it and not
/// its unread count. Every change of what it holds (a block, a role, a password, a
/// confirmed address, an erasure) calls `Db::forget_rows` once committed.
pub async fn session_user_kept(db: &Db, id: i64) -> Result<Option<SessionUser>, sqlx::Error> {
    db.memo_row("accounts", id, session_user(db, id)).await
}

/// What every page shows of the signed-in account: the account as the policy sees it,
/// and how many of its notifications are unread (the header's badge). Kept like the
/// account (`memo_row`): whatever changes either forgets it once committed, the account's
/// changes (`forget_rows`) as the notifications' (`WriteTx::forgets_kept_rows`).
pub async fn signed_in(db: &Db, id: i64) -> Result<Option<(SessionUser, i64)>, sqlx::Error> {
    db.memo_row("signed_in", id, read_signed_in(db, id)).await
}

/// `signed_in` in one query.
async fn read_signed_in(db: &Db, id: i64) -> Result<Option<(SessionUser, i64)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, display_name, role, kind, auth_version, \
                CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END AS blocked, \
                CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END AS verified, \
                (SELECT COUNT(*) FROM notifications n WHERE n.account_id = accounts.id AND n.read_at IS NULL) \
                    AS unread \
         FROM accounts WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        let user = SessionUser {
            id: r.try_get("id")?,
            display_name: r.try_get("display_name")?,
            role: role(&r)?,
            kind: kind(&r)?,
            auth_version: r.try_get("auth_version")?,
            blocked: r.try_get::<i32, _>("blocked")? != 0,
            verified: r.try_get::<i32, _>("verified")? != 0,
        };
        Ok((user, r.try_get("unread")?))
    })
    .transpose()
}

pub async fn profile(db: &Db, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, display_name, kind, role, portfolio, organisation_name, registration_number, \
                CAST(CAST(organisation_verified AS INTEGER) AS BIGINT) AS organisation_verified, created_at, \
                blocked_at, blocked_reason, email_verified_at \
         FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(Profile {
            id: r.try_get("id")?,
            email: r.try_get("email")?,
            display_name: r.try_get("display_name")?,
            kind: kind(&r)?,
            role: role(&r)?,
            portfolio: r.try_get("portfolio")?,
            organisation_name: r.try_get("organisation_name")?,
            registration_number: r.try_get("registration_number")?,
            organisation_verified: flag(&r, "organisation_verified")?,
            created_at: r.try_get("created_at")?,
            blocked: match r.try_get::<Option<i64>, _>("blocked_at")? {
                Some(at) => Some((at, r.try_get("blocked_reason")?)),
                None => None,
            },
            email_verified: r.try_get::<Option<i64>, _>("email_verified_at")?.is_some(),
        })
    })
    .transpose()
}

/// Stores a new hash and ends every other session (they carry the old auth version).
pub async fn change_password(db: &Db, id: i64, new_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let version: Option<i64> = sqlx::query_scalar(
        "UPDATE accounts SET password_hash = $1, auth_version = auth_version + 1 WHERE id = $2 \
         RETURNING auth_version",
    )
    .bind(new_hash)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if version.is_some() {
        audit::store::record(&mut *tx, Some(id), "account.password_changed", "account", Some(id), "").await?;
    }
    tx.commit().await?;
    db.forget_rows();
    Ok(version)
}

/// Accounts, newest first, at most `limit`, older than `before_id` when given.
pub async fn list(
    db: &Db,
    role_filter: Option<Role>,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AccountSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, email, display_name, kind, role, portfolio, organisation_name, created_at, \
                CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END AS blocked \
         FROM accounts WHERE id < $1 AND ($2 = '' OR role = $2) ORDER BY id DESC LIMIT $3",
    )
    .bind(before_id.unwrap_or(i64::MAX))
    .bind(role_filter.map(Role::as_str).unwrap_or(""))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AccountSummary {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                display_name: r.try_get("display_name")?,
                kind: kind(r)?,
                role: role(r)?,
                portfolio: r.try_get("portfolio")?,
                organisation_name: r.try_get("organisation_name")?,
                created_at: r.try_get("created_at")?,
                blocked: r.try_get::<i32, _>("blocked")? != 0,
            })
        })
        .collect()
}

pub enum RoleChange {
    Changed,
    Unchanged,
    NoSuchAccount,
}

/// Sets role and portfolio, writing the change to the audit log in the same transaction.
pub async fn set_role(
    db: &Db,
    actor_id: Option<i64>,
    target_id: i64,
    new_role: Role,
    portfolio: Option<&str>,
) -> Result<RoleChange, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let current = sqlx::query("SELECT role, portfolio FROM accounts WHERE id = $1")
        .bind(target_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(current) = current else {
        tx.rollback().await?;
        return Ok(RoleChange::NoSuchAccount);
    };
    let old_role = role(&current)?;
    let old_portfolio: Option<String> = current.try_get("portfolio")?;
    // Only officials have a portfolio.
    let portfolio = if new_role == Role::Official { portfolio } else { None };
    if old_role == new_role && old_portfolio.as_deref() == portfolio {
        tx.rollback().await?;
        return Ok(RoleChange::Unchanged);
    }
    sqlx::query("UPDATE accounts SET role = $1, portfolio = $2 WHERE id = $3")
        .bind(new_role.as_str())
        .bind(portfolio)
        .bind(target_id)
        .execute(&mut *tx)
        .await?;
    let detail = format!("{} -> {}", old_role.as_str(), new_role.as_str());
    audit::store::record(
        &mut *tx,
        actor_id,
        "account.role_changed",
        "account",
        Some(target_id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(RoleChange::Changed)
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await
}

/// Makes other write transactions of the same account wait (PostgreSQL; on SQLite one
/// writer at a time already does): for limits counted from what the account wrote.
pub async fn lock_account(db: &Db, tx: &mut crate::db::WriteTx, account_id: i64) -> Result<(), sqlx::Error> {
    let sql = format!("SELECT id FROM accounts WHERE id = $1{}", db.lock_rows());
    sqlx::query(&sql).bind(account_id).fetch_optional(&mut **tx).await?;
    Ok(())
}
