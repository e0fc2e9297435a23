use super::model::transition_allowed;
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;

pub enum StatusOutcome {
    Done,
    NoSuchIdea,
    /// The transition is not one a moderator may make from the current status.
    NotAllowed,
}

/// Moves the idea to `to` with a public note: the status, its history, the
/// notifications of the author and followers and the audit entry commit together.
pub async fn set_status(
    db: &Db,
    idea_id: i64,
    moderator_id: i64,
    to: IdeaStatus,
    note: &str,
) -> Result<StatusOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let current: Option<String> = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(idea_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(from) = current.as_deref().and_then(IdeaStatus::parse) else {
        tx.rollback().await?;
        return Ok(StatusOutcome::NoSuchIdea);
    };
    if !transition_allowed(from, to) {
        tx.rollback().await?;
        return Ok(StatusOutcome::NotAllowed);
    }
    let now = now_ms();
    sqlx::query("UPDATE ideas SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.as_str())
        .bind(now)
        .bind(idea_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(idea_id)
        .bind(to.as_str())
        .bind(moderator_id)
        .bind(note)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    notifications::notify_followers(&mut tx, NotificationKind::Status, idea_id, None, moderator_id, None).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(moderator_id),
        "idea.status",
        "idea",
        Some(idea_id),
        &format!("{} -> {}: {note}", from.as_str(), to.as_str()),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusOutcome::Done)
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
    moderator: &crate::accounts::model::SessionUser,
    account_id: i64,
    blocked: bool,
    reason: &str,
) -> Result<BlockOutcome, sqlx::Error> {
    use crate::accounts::model::Role;
    let mut tx = db.begin_write().await?;
    let role: Option<String> = sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(role) = role.as_deref().and_then(Role::parse) else {
        tx.rollback().await?;
        return Ok(BlockOutcome::NoSuchAccount);
    };
    let may = account_id != moderator.id && (moderator.role == Role::Admin || role == Role::Member);
    if !may {
        tx.rollback().await?;
        return Ok(BlockOutcome::NotAllowed);
    }
    let (at, action) = if blocked {
        (Some(now_ms()), "account.block")
    } else {
        (None, "account.unblock")
    };
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_reason = $2 WHERE id = $3")
        .bind(at)
        .bind(reason)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    crate::audit::store::record(
        &mut *tx,
        Some(moderator.id),
        action,
        "account",
        Some(account_id),
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(BlockOutcome::Done)
}
