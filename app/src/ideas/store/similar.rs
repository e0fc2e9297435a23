//! Ideas like a title being written: the form shows them before a fifth copy is posted,
//! the moderators' queue shows them to find duplicates to merge.

use super::*;
use crate::ideas::model::{SimilarIdea, SimilarWords};

/// Ideas are ranked among this many best-matching titles: a title of common words
/// matches thousands, and only the first few are ever shown.
const CANDIDATES: i64 = 50;

/// The best-matching titles for the words in `$1`, as `s(id, rank)` with the best rank
/// lowest: the one place each engine's spelling of it lives (SQLite: FTS5 table
/// `ideas_titles`, whose `rank` is bm25; PostgreSQL: function `agora_similar_titles`
/// over the table `ideas_titles`, the words of each title kept apart from the wide
/// `ideas` rows so that ranking reads few pages).
fn candidates(engine: Engine) -> String {
    match engine {
        Engine::Sqlite => format!(
            "(SELECT rowid AS id, rank FROM ideas_titles WHERE ideas_titles MATCH $1 ORDER BY rank LIMIT {CANDIDATES}) s"
        ),
        Engine::Postgres => format!("(SELECT idea_id AS id, rank FROM agora_similar_titles($1, {CANDIDATES})) s"),
    }
}

/// Up to `limit` visible ideas whose titles share the most words with `text`, best first,
/// leaving out `except` (the idea itself, in the queue), withdrawn ideas and duplicates
/// already merged into another.
pub async fn similar(db: &Db, text: &str, except: Option<IdeaId>, limit: u32) -> Result<Vec<SimilarIdea>, sqlx::Error> {
    let Some(words) = SimilarWords::parse(text) else {
        return Ok(vec![]);
    };
    let words = match db.engine {
        Engine::Sqlite => words.fts5_query(),
        Engine::Postgres => words.postgres_words(),
    };
    let sql = format!(
        "SELECT i.id, i.slug, i.title, i.status, ic.vote_count FROM {} JOIN ideas i ON i.id = s.id \
         JOIN idea_counters ic ON ic.idea_id = i.id \
         WHERE i.hidden_at IS NULL AND i.status NOT IN ('withdrawn', 'duplicate') AND i.id <> $2 \
         ORDER BY s.rank, ic.vote_count DESC, i.id DESC LIMIT $3",
        candidates(db.engine)
    );
    sqlx::query(&sql)
        .bind(words)
        .bind(except.map_or(0, IdeaId::get))
        .bind(i64::from(limit))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(SimilarIdea {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                status: status(r)?,
                vote_count: r.try_get("vote_count")?,
            })
        })
        .collect()
}
