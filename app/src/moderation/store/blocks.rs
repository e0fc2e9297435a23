//! Accounts: verifying organisations, blocking and unblocking.

use super::*;

pub enum VerifyOutcome {
    Done,
    NoSuchAccount,
    /// Residents have no organisation to verify.
    NotOrganisation,
}

/// A moderator confirms (or withdraws) that an organisation account is who it says.
pub async fn set_verified(
    db: &Db,
    account_id: AccountId,
    moderator_id: AccountId,
    verified: bool,
    reason: &str,
) -> Result<VerifyOutcome, sqlx::Error> {
    let (account_id, moderator_id) = (account_id.get(), moderator_id.get());
    let mut tx = db.begin_write().await?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(kind) = kind.as_deref().and_then(AccountKind::parse) else {
        return tx.finish(false, VerifyOutcome::NoSuchAccount).await;
    };
    if !kind.is_organisation() {
        return tx.finish(false, VerifyOutcome::NotOrganisation).await;
    }
    sqlx::query("UPDATE accounts SET organisation_verified = $1 WHERE id = $2")
        .bind(verified)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let action = if verified { "account.verify" } else { "account.unverify" };
    audit(
        &mut *tx,
        Some(moderator_id),
        action,
        "account",
        Some(account_id),
        reason,
    )
    .await?;
    tx.finish(true, VerifyOutcome::Done).await
}

pub enum BlockOutcome {
    Done,
    NoSuchAccount,
    /// Moderators block members only; nobody blocks themselves.
    NotAllowed,
}

/// Blocks (with the reason the account holder will read) or unblocks an account, with its
/// audit entry, in one transaction.
pub async fn set_blocked(
    db: &Db,
    moderator: &SessionUser,
    account_id: i64,
    blocked: bool,
    reason: &str,
) -> Result<BlockOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let sql = format!("SELECT role FROM accounts WHERE id = $1{}", db.lock_rows());
    let role: Option<String> = sqlx::query_scalar(&sql)
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(role) = role.as_deref().and_then(Role::parse) else {
        return tx.finish(false, BlockOutcome::NoSuchAccount).await;
    };
    if policy::decide(
        Some(&moderator.actor()),
        Action::BlockAccount,
        &Facts::account(account_id, role),
    )
    .is_err()
    {
        return tx.finish(false, BlockOutcome::NotAllowed).await;
    }
    // The reason of a block is the account holder's to read; that of an unblock goes to
    // the audit log.
    let (at, by, shown_reason, action) = if blocked {
        (Some(now_ms()), Some(moderator.id), reason, "account.block")
    } else {
        (None, None, "", "account.unblock")
    };
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_by = $2, blocked_reason = $3 WHERE id = $4")
        .bind(at)
        .bind(by)
        .bind(shown_reason)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut *tx,
        Some(moderator.id),
        action,
        "account",
        Some(account_id),
        reason,
    )
    .await?;
    tx.commit().await?;
    db.forget_rows();
    Ok(BlockOutcome::Done)
}
