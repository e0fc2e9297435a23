use super::model::VoteState;
use super::trending::{in_window, today, DAY_MS, WINDOW_DAYS};
use crate::db::{now_ms, Db, Engine, WriteTx};
use crate::ideas::model::IdeaStatus;
use crate::ids::{AccountId, IdeaId};
use sqlx::Row;
use std::sync::OnceLock;

pub enum VoteOutcome {
    Recorded(VoteState),
    Closed,
    NoSuchIdea,
}

/// Adds (`support`) or removes the account's vote. Repeating either is harmless: the
/// insert does nothing on conflict and the counter moves only when a row did.
pub async fn cast(db: &Db, idea_id: IdeaId, account_id: AccountId, support: bool) -> Result<VoteOutcome, sqlx::Error> {
    // On PostgreSQL the vote is one statement that changes nothing on an idea closed or
    // gone, so it may be its own transaction: two round trips fewer.
    let mut tx = match db.engine {
        Engine::Postgres => db.begin_one_statement().await?,
        Engine::Sqlite => db.begin_write().await?,
    };
    let outcome = match db.engine {
        Engine::Postgres => cast_in_one_statement(&mut tx, idea_id, account_id, support).await?,
        Engine::Sqlite => cast_step_by_step(db, &mut tx, idea_id, account_id, support).await?,
    };
    let done = matches!(outcome, VoteOutcome::Recorded(_));
    tx.finish(done, outcome).await
}

/// Whether an idea in this state takes votes, from the row's `status` and `hidden_at`.
fn accepts_votes(status: &str, hidden_at: Option<i64>) -> bool {
    hidden_at.is_none() && IdeaStatus::parse(status).is_some_and(IdeaStatus::accepts_votes)
}

/// SQLite runs in this process: a statement costs no round trip, so each step is its own.
async fn cast_step_by_step(
    db: &Db,
    tx: &mut WriteTx,
    idea_id: IdeaId,
    account_id: AccountId,
    support: bool,
) -> Result<VoteOutcome, sqlx::Error> {
    let (idea_id, account_id) = (idea_id.get(), account_id.get());
    // Locked: a merge moving this idea's votes waits for the vote, or the vote for it.
    let sql = format!("SELECT status, hidden_at FROM ideas WHERE id = $1{}", db.lock_rows());
    let Some(idea) = sqlx::query(&sql).bind(idea_id).fetch_optional(&mut **tx).await? else {
        return Ok(VoteOutcome::NoSuchIdea);
    };
    if !accepts_votes(&idea.try_get::<String, _>("status")?, idea.try_get("hidden_at")?) {
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
        .execute(&mut **tx)
        .await?
        .rows_affected();
        (inserted == 1).then_some(now / DAY_MS)
    } else {
        let cast_at: Option<i64> =
            sqlx::query_scalar("DELETE FROM votes WHERE idea_id = $1 AND account_id = $2 RETURNING created_at")
                .bind(idea_id)
                .bind(account_id)
                .fetch_optional(&mut **tx)
                .await?;
        cast_at.map(|at| at / DAY_MS)
    };
    let delta: i64 = if support { 1 } else { -1 };
    let count: i64 = if let Some(day) = changed_day {
        sqlx::query(
            "INSERT INTO idea_vote_days (idea_id, day, votes) VALUES ($1, $2, $3) \
             ON CONFLICT (idea_id, day) DO UPDATE SET votes = idea_vote_days.votes + $3",
        )
        .bind(idea_id)
        .bind(day)
        .bind(delta)
        .execute(&mut **tx)
        .await?;
        let recent_delta = if in_window(day, today()) { delta } else { 0 };
        sqlx::query_scalar(
            "UPDATE idea_counters SET vote_count = vote_count + $1, recent_votes = recent_votes + $2 \
             WHERE idea_id = $3 RETURNING vote_count",
        )
        .bind(delta)
        .bind(recent_delta)
        .bind(idea_id)
        .fetch_one(&mut **tx)
        .await?
    } else {
        sqlx::query_scalar("SELECT vote_count FROM idea_counters WHERE idea_id = $1")
            .bind(idea_id)
            .fetch_one(&mut **tx)
            .await?
    };
    Ok(VoteOutcome::Recorded(VoteState {
        idea_id,
        count,
        voted: support,
    }))
}

/// PostgreSQL is a round trip away: the same steps as `cast_step_by_step`, in one
/// statement whose parts see one another's rows (`RETURNING`), so a vote costs one
/// round trip instead of four inside its transaction.
async fn cast_in_one_statement(
    tx: &mut WriteTx,
    idea_id: IdeaId,
    account_id: AccountId,
    support: bool,
) -> Result<VoteOutcome, sqlx::Error> {
    let sql = if support { cast_sql() } else { withdraw_sql() };
    let row = sqlx::query(sql)
        .bind(idea_id)
        .bind(account_id)
        .bind(now_ms())
        .bind(if support { 1_i64 } else { -1 })
        .bind(today() - WINDOW_DAYS)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else {
        return Ok(VoteOutcome::NoSuchIdea);
    };
    if !accepts_votes(&row.try_get::<String, _>("status")?, row.try_get("hidden_at")?) {
        return Ok(VoteOutcome::Closed);
    }
    Ok(VoteOutcome::Recorded(VoteState {
        idea_id: idea_id.get(),
        count: row.try_get("vote_count")?,
        voted: support,
    }))
}

fn cast_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        one_statement("INSERT INTO votes (idea_id, account_id, created_at) SELECT $1, $2, $3 FROM open_idea ON CONFLICT DO NOTHING")
    })
}

fn withdraw_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        one_statement("DELETE FROM votes WHERE idea_id = $1 AND account_id = $2 AND EXISTS (SELECT 1 FROM open_idea)")
    })
}

/// `change` inserts or deletes the vote (`$1` idea, `$2` account, `$3` now) when the
/// idea is open; the rest moves the counters by `$4` when a row changed, `recent_votes`
/// only when the vote's day is on or after `$5`, and answers the idea's state and count.
/// The idea's row and its counters are locked first: a merge moving its votes waits for
/// the vote, or the vote for it, and a repeated vote answers the count as it is after
/// the votes it waited for.
fn one_statement(change: &str) -> String {
    let open: Vec<String> = IdeaStatus::ALL
        .into_iter()
        .filter(|status| status.accepts_votes())
        .map(|status| format!("'{}'", status.as_str()))
        .collect();
    format!(
        "WITH idea AS (SELECT i.status, i.hidden_at, ic.vote_count FROM ideas i \
             JOIN idea_counters ic ON ic.idea_id = i.id WHERE i.id = $1 FOR NO KEY UPDATE OF i, ic), \
         open_idea AS (SELECT 1 FROM idea WHERE hidden_at IS NULL AND status IN ({open})), \
         changed AS ({change} RETURNING created_at / {DAY_MS} AS day), \
         per_day AS (INSERT INTO idea_vote_days (idea_id, day, votes) SELECT $1, day, $4 FROM changed \
             ON CONFLICT (idea_id, day) DO UPDATE SET votes = idea_vote_days.votes + $4), \
         counted AS (UPDATE idea_counters SET vote_count = vote_count + $4, recent_votes = recent_votes + \
             (SELECT CASE WHEN day >= $5 THEN $4 ELSE 0 END FROM changed) \
             WHERE idea_id = $1 AND EXISTS (SELECT 1 FROM changed) RETURNING vote_count) \
         SELECT status, hidden_at, COALESCE((SELECT vote_count FROM counted), vote_count) AS vote_count FROM idea",
        open = open.join(", ")
    )
}
