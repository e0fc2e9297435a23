//! "Trending": support in the last days, read from `idea_counters.recent_votes` so that the list
//! is an index walk. Votes change the counter in their own transaction; when a day has
//! passed, `catch_up` recomputes it, from the per-day counts, for the ideas whose window
//! changed: those with votes on a day that left it or entered it. That touches the ideas
//! active in the last week or so, never every vote. The server runs it at start and every
//! minute (the server's periodic task `trending`), never while answering a request.

use crate::db::{now_ms, Db};
use std::sync::atomic::Ordering;

pub const DAY_MS: i64 = 86_400_000;
/// The window: today and the 7 days before it.
pub const WINDOW_DAYS: i64 = 7;

pub fn today() -> i64 {
    now_ms() / DAY_MS
}

/// Whether a vote cast on `day` counts in today's window.
pub fn in_window(day: i64, today: i64) -> bool {
    day >= today - WINDOW_DAYS
}

/// Brings `recent_votes` up to today, once per day (whichever server comes first).
pub async fn catch_up(db: &Db) -> Result<(), sqlx::Error> {
    let today = today();
    if db.trending_day.load(Ordering::Relaxed) == today {
        return Ok(());
    }
    let mut tx = db.begin_write().await?;
    let clock: i64 = sqlx::query_scalar("SELECT day FROM trending_clock WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    if clock < today {
        // Every idea with a vote from the oldest day the stale window still counted on.
        sqlx::query(
            "UPDATE idea_counters SET recent_votes = COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d \
                 WHERE d.idea_id = idea_counters.idea_id AND d.day >= $1), 0) \
             WHERE idea_id IN (SELECT idea_id FROM idea_vote_days WHERE day >= $2)",
        )
        .bind(today - WINDOW_DAYS)
        .bind(clock - WINDOW_DAYS)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE trending_clock SET day = $1 WHERE id = 1")
            .bind(today)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    db.trending_day.store(today, Ordering::Relaxed);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_today_and_the_seven_days_before() {
        assert!(in_window(100, 100));
        assert!(in_window(93, 100));
        assert!(!in_window(92, 100));
    }
}
