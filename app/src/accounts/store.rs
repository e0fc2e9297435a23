//! SQL for accounts. One set of queries for SQLite and PostgreSQL.

use super::model::{AccountKind, AccountSummary, Profile, Role, SessionUser};
use crate::audit;
use crate::db::{now_ms, Db};
use sqlx::any::AnyRow;
use sqlx::Row;

pub struct NewAccount {
    pub email: String,
    pub email_normalized: String,
    pub password_hash: String,
    pub display_name: String,
    pub kind: AccountKind,
    pub role: Role,
    pub organisation_name: Option<String>,
    pub registration_number: Option<String>,
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
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO accounts (email, email_normalized, password_hash, display_name, kind, role, \
                               organisation_name, registration_number, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
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
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = id {
        audit::store::record(
            &mut *tx,
            Some(id),
            "account.registered",
            "account",
            Some(id),
            account.kind.as_str(),
        )
        .await?;
        if account.role != Role::Member {
            audit::store::record(
                &mut *tx,
                None,
                "account.role_changed",
                "account",
                Some(id),
                account.role.as_str(),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(id)
}

/// The id and password hash for a normalised email.
pub async fn credentials(db: &Db, email_normalized: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE email_normalized = $1")
        .bind(email_normalized)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("id")?, r.try_get("password_hash")?)))
        .transpose()
}

pub async fn password_hash(db: &Db, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT password_hash FROM accounts WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn session_user(db: &Db, id: i64) -> Result<Option<SessionUser>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, display_name, role, kind, auth_version, \
                CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END AS blocked FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(SessionUser {
            id: r.try_get("id")?,
            display_name: r.try_get("display_name")?,
            role: role(&r)?,
            kind: kind(&r)?,
            auth_version: r.try_get("auth_version")?,
            blocked: r.try_get::<i32, _>("blocked")? != 0,
        })
    })
    .transpose()
}

pub async fn profile(db: &Db, id: i64) -> Result<Option<Profile>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, email, display_name, kind, role, portfolio, organisation_name, registration_number, \
                CAST(CAST(organisation_verified AS INTEGER) AS BIGINT) AS organisation_verified, created_at, \
                blocked_at, blocked_reason \
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
    Ok(RoleChange::Changed)
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&db.pool)
        .await
}

/// Makes other write transactions of the same account wait (PostgreSQL; on SQLite one
/// writer at a time already does): for limits counted from what the account wrote.
pub async fn lock_account(
    db: &Db,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    account_id: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!("SELECT id FROM accounts WHERE id = $1{}", db.lock_rows());
    sqlx::query(&sql).bind(account_id).fetch_optional(&mut **tx).await?;
    Ok(())
}
