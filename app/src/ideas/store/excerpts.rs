//! Excerpts kept with their ideas: written with the text, so that a list reads twenty
//! short excerpts instead of twenty whole texts (README, "Speed"), and filled when the
//! server starts for ideas that have none (written before migration 0019, or by a server
//! of an older version during a rolling upgrade). The database forgets an excerpt when a
//! statement changes the text but not the excerpt (migration 0019's trigger), so an edit
//! writes the excerpt by a statement of its own, after the text.

use super::*;

/// How many characters of its text an idea's card shows.
pub const CARD_EXCERPT_CHARS: usize = 180;

/// The excerpt an idea's card shows, made from its text.
pub fn card_excerpt(body: &str) -> String {
    excerpt(body, CARD_EXCERPT_CHARS)
}

/// Ideas filled by one transaction: short enough that votes waiting for the writer are
/// not held up long, long enough that 100,000 ideas take a few seconds.
const FILLED_AT_ONCE: i64 = 500;

/// Writes the excerpt of every idea that has none, a batch per transaction and one
/// statement per batch; returns how many it wrote. An idea another server filled
/// meanwhile is left as it is.
pub async fn fill_excerpts(db: &Db) -> Result<u64, sqlx::Error> {
    let mut filled = 0;
    let mut after = 0_i64;
    loop {
        let mut tx = db.begin_write().await?;
        let rows = sqlx::query("SELECT id, body FROM ideas WHERE excerpt IS NULL AND id > $1 ORDER BY id LIMIT $2")
            .bind(after)
            .bind(FILLED_AT_ONCE)
            .fetch_all(&mut *tx)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(filled);
        };
        after = last.try_get("id")?;
        // Both engines name the columns of a VALUES list column1, column2, ….
        let values = (0..rows.len())
            .map(|n| format!("(${}, ${})", 2 * n + 1, 2 * n + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "UPDATE ideas SET excerpt = filled.column2 FROM (VALUES {values}) AS filled \
             WHERE ideas.id = filled.column1 AND ideas.excerpt IS NULL"
        );
        let mut statement = sqlx::query(&sql);
        for row in &rows {
            let body: String = row.try_get("body")?;
            statement = statement.bind(row.try_get::<i64, _>("id")?).bind(card_excerpt(&body));
        }
        statement.execute(&mut *tx).await?;
        tx.commit().await?;
        filled += rows.len() as u64;
    }
}
