//! Ideas like a title being written: the form shows them before a fifth copy is posted,
//! the moderators' queue shows them to find duplicates to merge.

use super::*;
use crate::ideas::model::{SimilarIdea, SimilarWords};

/// The condition and the ranking of titles sharing words with the one asked about: the
/// one place each engine's spelling of it lives (SQLite: FTS5 table `ideas_search`, its
/// title column; PostgreSQL: column `ideas.title_search`).
fn matching(engine: Engine) -> (&'static str, &'static str, &'static str) {
    match engine {
        Engine::Sqlite => (
            "FROM ideas_search JOIN ideas i ON i.id = ideas_search.rowid",
            "ideas_search MATCH $1",
            // bm25 is lower for a better match.
            "bm25(ideas_search)",
        ),
        Engine::Postgres => (
            "FROM ideas i",
            "i.title_search @@ agora_similar_query($1)",
            "-ts_rank(i.title_search, agora_similar_query($1))",
        ),
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
    let (from, condition, rank) = matching(db.engine);
    let sql = format!(
        "SELECT i.id, i.slug, i.title, i.status, i.vote_count {from} \
         WHERE {condition} AND i.hidden_at IS NULL AND i.status NOT IN ('withdrawn', 'duplicate') AND i.id <> $2 \
         ORDER BY {rank}, i.vote_count DESC, i.id DESC LIMIT $3"
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
