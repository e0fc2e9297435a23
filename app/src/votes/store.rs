use super::model::VoteState;
use super::trending::{in_window, today, DAY_MS};
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::ids::{AccountId, IdeaId};
use sqlx::Row;

pub enum VoteOutcome {
    Recorded(VoteState),
    Closed,
    NoSuchIdea,
}

/// Adds (`support`) or removes the account's vote. Repeating either is harmless: the
/// insert does nothing on conflict and the counter moves only when a row did.
pub async fn cast(db: &Db, idea_id: IdeaId, account_id: AccountId, support: bool) -> Result<VoteOutcome, sqlx::Error> {
    let (idea_id, account_id) = (idea_id.get(), account_id.get());
    let mut tx = db.begin_write().await?;
    // Locked: a merge moving this idea's votes waits for the vote, or the vote for it.
    let sql = format!("SELECT status, hidden_at FROM ideas WHERE id = $1{}", db.lock_rows());
    let idea = sqlx::query(&sql).bind(idea_id).fetch_optional(&mut *tx).await?;
    let Some(idea) = idea else {
        tx.rollback().await?;
        return Ok(VoteOutcome::NoSuchIdea);
    };
    let status: String = idea.try_get("status")?;
    let hidden = idea.try_get::<Option<i64>, _>("hidden_at")?.is_some();
    if hidden || !IdeaStatus::parse(&status).is_some_and(IdeaStatus::accepts_votes) {
        tx.rollback().await?;
        return Ok(VoteOutcome::Closed);
    }
    // The day the vote counts for in "trending": today for a new vote, the day it was
    // cast for a withdrawn one.
    let changed_day: Option<i64> = if support {
        let now = now_ms();
        let inserted = sqlx::query(
            "INSERT INTO votes (idea_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(idea_id)
        .bind(account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        (inserted == 1).then_some(now / DAY_MS)
    } else {
        let cast_at: Option<i64> =
            sqlx::query_scalar("DELETE FROM votes WHERE idea_id = $1 AND account_id = $2 RETURNING created_at")
                .bind(idea_id)
                .bind(account_id)
                .fetch_optional(&mut *tx)
                .await?;
        cast_at.map(|at| at / DAY_MS)
    };
    let delta: i64 = if support { 1 } else { -1 };
    if let Some(day) = changed_day {
        sqlx::query(
            "INSERT INTO idea_vote_days (idea_id, day, votes) VALUES ($1, $2, $3) \
             ON CONFLICT (idea_id, day) DO UPDATE SET votes = idea_vote_days.votes + $3",
        )
        .bind(idea_id)
        .bind(day)
        .bind(delta)
        .execute(&mut *tx)
        .await?;
    }
    let count: i64 = if let Some(day) = changed_day {
        let recent_delta = if in_window(day, today()) { delta } else { 0 };
        sqlx::query_scalar(
            "UPDATE ideas SET vote_count = vote_count + $1, recent_votes = recent_votes + $2 WHERE id = $3 \
             RETURNING vote_count",
        )
        .bind(delta)
        .bind(recent_delta)
        .bind(idea_id)
        .fetch_one(&mut *tx)
        .await?
    } else {
        sqlx::query_scalar("SELECT vote_count FROM ideas WHERE id = $1")
            .bind(idea_id)
            .fetch_one(&mut *tx)
            .await?
    };
    tx.commit().await?;
    Ok(VoteOutcome::Recorded(VoteState {
        idea_id,
        count,
        voted: support,
    }))
}
