use crate::db::{now_ms, Db};
use crate::policy::{self, Action, Actor, Facts};

/// Follows inside a caller's transaction; following twice is harmless.
pub async fn follow_in(
    tx: &mut crate::db::WriteTx,
    idea_id: i64,
    account_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO follows (idea_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(idea_id)
        .bind(account_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub enum FollowOutcome {
    Done,
    NoSuchIdea,
    /// Hidden by moderators: only its author (who follows it already) reads it.
    Hidden,
}

/// Starts (`follow`) or stops following an idea; repeating either changes nothing.
pub async fn set(db: &Db, idea_id: i64, actor: &Actor, follow: bool) -> Result<FollowOutcome, sqlx::Error> {
    let account_id = actor.id;
    let mut tx = db.begin_write().await?;
    let idea: Option<(i64, Option<i64>)> = sqlx::query_as("SELECT author_id, hidden_at FROM ideas WHERE id = $1")
        .bind(idea_id)
        .fetch_optional(&mut *tx)
        .await?;
    let refusal = match idea {
        None => Some(FollowOutcome::NoSuchIdea),
        Some((author, hidden))
            if follow
                && policy::decide(Some(actor), Action::Follow, &Facts::item(author, hidden.is_some())).is_err() =>
        {
            Some(FollowOutcome::Hidden)
        }
        Some(_) => None,
    };
    if let Some(refusal) = refusal {
        tx.rollback().await?;
        return Ok(refusal);
    }
    if follow {
        follow_in(&mut tx, idea_id, account_id, now_ms()).await?;
    } else {
        sqlx::query("DELETE FROM follows WHERE idea_id = $1 AND account_id = $2")
            .bind(idea_id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(FollowOutcome::Done)
}
