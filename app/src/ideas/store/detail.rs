//! One idea, with everything its page shows.

use super::*;

/// An idea as its page reads it.
pub struct Detail {
    pub idea: IdeaDetail,
    /// Whether the reader supports and follows it.
    pub standing: Standing,
    /// Whether anyone ever wrote under it, a comment deleted or hidden since included. When
    /// nobody did, its discussion is empty whichever page of it is asked, and the page need
    /// not read it: a statement is a round trip to SQLite's thread, about 8% of an idea
    /// page's time (README, "Speed").
    pub discussed: bool,
}

/// One idea with its history, whether it has a discussion and, for a signed-in reader,
/// whether they support and follow it: one statement, on the caller's connection.
pub async fn detail(
    conn: &mut AnyConnection,
    id: i64,
    reader: Option<AccountId>,
) -> Result<Option<Detail>, sqlx::Error> {
    // Who hid it, what it duplicates and its history (a row per event, the idea's columns
    // repeated on each: an idea has a few) are joined here: a statement of their own would
    // cost every page that shows them a round trip more.
    let sql = format!(
        "SELECT {IDEA_COLUMNS}, h.display_name AS hidden_by_name, o.slug AS original_slug, \
         o.title AS original_title, \
         (SELECT COUNT(*) FROM votes WHERE idea_id = i.id AND account_id = $2) AS voted, \
         (SELECT COUNT(*) FROM follows WHERE idea_id = i.id AND account_id = $2) AS following, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM comments WHERE idea_id = i.id) THEN 1 ELSE 0 END AS BIGINT) AS discussed, \
         {EVENT_COLUMNS} \
         {IDEA_JOINS} LEFT JOIN accounts h ON h.id = i.hidden_by LEFT JOIN ideas o ON o.id = i.duplicate_of \
         LEFT JOIN idea_status_events e ON e.idea_id = i.id LEFT JOIN accounts ea ON ea.id = e.actor_id \
         WHERE i.id = $1 ORDER BY e.at, e.id LIMIT {HISTORY_SHOWN}"
    );
    let rows = sqlx::query(&sql)
        .bind(id)
        .bind(reader.map(AccountId::get))
        .fetch_all(&mut *conn)
        .await?;
    let Some(r) = rows.first() else {
        return Ok(None);
    };
    let mut history = Vec::with_capacity(rows.len());
    for row in &rows {
        // The idea's one row when it has no history (never, once it was submitted).
        if row.try_get::<Option<i64>, _>("event_at")?.is_some() {
            history.push(status_event(row)?);
        }
    }
    let hidden = match r.try_get::<Option<i64>, _>("hidden_at")? {
        None => None,
        Some(at) => Some(Hidden {
            at,
            by: r.try_get("hidden_by_name")?,
            reason: r.try_get("hidden_reason")?,
        }),
    };
    let duplicate_of = match (r.try_get("duplicate_of")?, r.try_get("original_slug")?) {
        (Some(id), Some(slug)) => Some(IdeaRef {
            id,
            slug,
            title: r.try_get("original_title")?,
        }),
        _ => None,
    };
    let standing = Standing {
        voted: r.try_get::<i64, _>("voted")? > 0,
        following: r.try_get::<i64, _>("following")? > 0,
    };
    let idea = IdeaDetail {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        theme_slug: r.try_get("theme_slug")?,
        theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
        district: district(r)?,
        author: author(r)?,
        language: r.try_get("language")?,
        status: status(r)?,
        vote_count: r.try_get("vote_count")?,
        comment_count: r.try_get("comment_count")?,
        created_at: r.try_get("created_at")?,
        history,
        hidden,
        duplicate_of,
    };
    Ok(Some(Detail {
        idea,
        standing,
        discussed: r.try_get::<i64, _>("discussed")? != 0,
    }))
}

/// The newest status changes and public responses of visible ideas, newest first; an
/// idea's first event (it was proposed) is news already told by the idea itself.
pub async fn recent_changes(db: &Db, limit: u32) -> Result<Vec<IdeaChange>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT e.id AS event_id, {EVENT_COLUMNS}, i.id, i.slug, i.title \
         FROM idea_status_events e JOIN ideas i ON i.id = e.idea_id LEFT JOIN accounts ea ON ea.id = e.actor_id \
         WHERE i.hidden_at IS NULL AND NOT (e.kind = 'status' AND e.status = 'open' AND e.at = i.created_at) \
         ORDER BY e.id DESC LIMIT $1"
    ))
    .bind(i64::from(limit))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(IdeaChange {
            event_id: r.try_get("event_id")?,
            idea: IdeaRef {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
            },
            event: status_event(r)?,
        })
    })
    .collect()
}

/// The most status changes and responses an idea's page shows.
const HISTORY_SHOWN: u32 = 100;

/// An event's columns, named apart from the idea's own (`e` the event, `ea` its actor).
const EVENT_COLUMNS: &str = "e.status AS event_status, e.kind AS event_kind, e.note AS event_note, \
     e.at AS event_at, ea.display_name AS actor_name, ea.role AS actor_role";

fn status_event(e: &AnyRow) -> Result<StatusEvent, sqlx::Error> {
    Ok(StatusEvent {
        status: status_in(e, "event_status")?,
        response: e.try_get::<String, _>("event_kind")? == "response",
        note: e.try_get("event_note")?,
        actor_name: e.try_get("actor_name")?,
        actor_role: e
            .try_get::<Option<String>, _>("actor_role")?
            .as_deref()
            .and_then(Role::parse),
        at: e.try_get("event_at")?,
    })
}
