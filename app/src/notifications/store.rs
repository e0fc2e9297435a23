//! An account's news: written when something happens to what it follows, read and marked read.
//!
//! Every write here changes an account's unread count, which its pages read from memory
//! (`accounts::store::signed_in`): each one marks its transaction
//! (`WriteTx::forgets_kept_rows`) so that committing it forgets what was kept.

use super::model::{Notification, NotificationKind, NotificationPage, NotifiedStatus, Subject};
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use sqlx::Row;

use crate::db::WriteTx;

/// News for one account about an idea or one of its comments.
pub struct News<'a> {
    pub kind: NotificationKind,
    pub idea_id: i64,
    pub comment_id: Option<i64>,
    /// `None`: the platform itself (content hidden after reports, whose authors never
    /// learn who reported them).
    pub actor_id: Option<i64>,
    /// What moderators wrote to the person concerned.
    pub note: Option<&'a str>,
}

/// Notifies one account, unless it is the actor.
pub async fn notify_account(tx: &mut WriteTx, account_id: i64, news: &News<'_>) -> Result<(), sqlx::Error> {
    if Some(account_id) == news.actor_id {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notifications (account_id, kind, idea_id, comment_id, actor_id, note, created_at, title) \
         SELECT $1, $2, i.id, $4, $5, $6, $7, i.title FROM ideas i WHERE i.id = $3",
    )
    .bind(account_id)
    .bind(news.kind.as_str())
    .bind(news.idea_id)
    .bind(news.comment_id)
    .bind(news.actor_id)
    .bind(news.note)
    .bind(now_ms())
    .execute(&mut **tx)
    .await?;
    tx.forgets_kept_rows();
    Ok(())
}

/// Notifies every follower of the idea except the actor and `except` (already told
/// in another way), in one statement whatever the number of followers.
pub async fn notify_followers(
    tx: &mut WriteTx,
    kind: NotificationKind,
    idea_id: i64,
    comment_id: Option<i64>,
    actor_id: i64,
    except: Option<i64>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO notifications (account_id, kind, idea_id, comment_id, actor_id, created_at, title) \
         SELECT f.account_id, $1, f.idea_id, $2, $3, $4, i.title FROM follows f JOIN ideas i ON i.id = f.idea_id \
         WHERE f.idea_id = $5 AND f.account_id <> $3 AND f.account_id <> $6",
    )
    .bind(kind.as_str())
    .bind(comment_id)
    .bind(actor_id)
    .bind(now_ms())
    .bind(idea_id)
    .bind(except.unwrap_or(0))
    .execute(&mut **tx)
    .await?;
    tx.forgets_kept_rows();
    Ok(done.rows_affected())
}

/// Tells the idea's author and its followers, except the actor, of a decision about the
/// idea: its new status (kept with the notification), or a public answer. An author who
/// stopped following their idea still hears what was decided about it.
pub async fn notify_decision(
    tx: &mut WriteTx,
    kind: NotificationKind,
    idea_id: i64,
    status: Option<IdeaStatus>,
    actor_id: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO notifications (account_id, kind, idea_id, actor_id, status, created_at, title) \
         SELECT x.account_id, $1, i.id, $3, $4, $5, i.title FROM ( \
             SELECT account_id FROM follows WHERE idea_id = $2 \
             UNION SELECT author_id FROM ideas WHERE id = $2 \
         ) x JOIN ideas i ON i.id = $2 WHERE x.account_id <> $3",
    )
    .bind(kind.as_str())
    .bind(idea_id)
    .bind(actor_id)
    .bind(status.map(IdeaStatus::as_str))
    .bind(now_ms())
    .execute(&mut **tx)
    .await?;
    tx.forgets_kept_rows();
    Ok(done.rows_affected())
}

pub async fn unread_count(db: &Db, account_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL")
        .bind(account_id)
        .fetch_one(&db.pool)
        .await
}

pub const PAGE_SIZE: i64 = 30;

/// The account's notifications, newest first, from `before` (an id) on. Each shows the
/// title it announced; news of an idea or a comment that is now hidden from the reader
/// (who neither wrote it nor moderates) shows nothing of it.
pub async fn page(
    db: &Db,
    account_id: i64,
    moderator: bool,
    before: Option<i64>,
) -> Result<NotificationPage, sqlx::Error> {
    let mut notifications = read(
        db,
        Range {
            account_id,
            moderator,
            before: before.unwrap_or(i64::MAX),
            after: 0,
            oldest_first: false,
            limit: PAGE_SIZE + 1,
        },
    )
    .await?;
    let older = (notifications.len() as i64 > PAGE_SIZE).then(|| {
        notifications.truncate(PAGE_SIZE as usize);
        notifications.last().map(|n| n.id).unwrap_or_default()
    });
    Ok(NotificationPage {
        notifications,
        older,
        unread: unread_count(db, account_id).await?,
    })
}

/// Marks one of the account's notifications read; answers the idea or project it is
/// about, or `None` when the account has no such notification.
pub async fn mark_read(db: &Db, account_id: i64, id: i64) -> Result<Option<Subject>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE notifications SET read_at = $1 WHERE id = $2 AND account_id = $3 AND read_at IS NULL")
        .bind(now_ms())
        .bind(id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    tx.forgets_kept_rows();
    let subject = sqlx::query(
        "SELECT i.id AS idea_id, i.slug AS idea_slug, p.id AS project_id, p.slug AS project_slug \
         FROM notifications n LEFT JOIN ideas i ON i.id = n.idea_id LEFT JOIN projects p ON p.id = n.project_id \
         WHERE n.id = $1 AND n.account_id = $2",
    )
    .bind(id)
    .bind(account_id)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| {
        let idea: Option<i64> = r.try_get("idea_id")?;
        let project: Option<i64> = r.try_get("project_id")?;
        Ok::<_, sqlx::Error>(match (idea, project) {
            (Some(id), _) => Some(Subject::Idea {
                id,
                slug: r.try_get("idea_slug")?,
            }),
            (None, Some(id)) => Some(Subject::Project {
                id,
                slug: r.try_get("project_slug")?,
            }),
            (None, None) => None,
        })
    })
    .transpose()?
    .flatten();
    tx.commit().await?;
    Ok(subject)
}

/// A write transaction like any other, so that the count kept for the account's pages
/// is forgotten here and the other servers are told (they forget theirs).
pub async fn mark_all_read(db: &Db, account_id: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL")
        .bind(now_ms())
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    tx.forgets_kept_rows();
    tx.commit().await?;
    Ok(done.rows_affected())
}

/// The columns of news about a project; the title is the project's as the news is sent,
/// the last three are `PROJECT_SNAPSHOT`.
const PROJECT_NEWS_COLUMNS: &str =
    "account_id, kind, project_id, actor_id, created_at, title, status, milestones_done, milestones_total";

/// Where project `p` stands as the news is sent: its status and its milestones done out
/// of all, kept with the notification.
const PROJECT_SNAPSHOT: &str = "p.status, \
    (SELECT COUNT(CASE WHEN m.done THEN 1 END) FROM project_milestones m WHERE m.project_id = p.id), \
    (SELECT COUNT(*) FROM project_milestones m WHERE m.project_id = p.id)";

/// Notifies one account of news about a project, unless it is the actor.
pub async fn notify_project_account(
    tx: &mut WriteTx,
    account_id: i64,
    kind: NotificationKind,
    project_id: i64,
    actor_id: i64,
) -> Result<(), sqlx::Error> {
    if account_id == actor_id {
        return Ok(());
    }
    sqlx::query(&format!(
        "INSERT INTO notifications ({PROJECT_NEWS_COLUMNS}) \
         SELECT $1, $2, p.id, $3, $4, p.title, {PROJECT_SNAPSHOT} FROM projects p WHERE p.id = $5"
    ))
    .bind(account_id)
    .bind(kind.as_str())
    .bind(actor_id)
    .bind(now_ms())
    .bind(project_id)
    .execute(&mut **tx)
    .await?;
    tx.forgets_kept_rows();
    Ok(())
}

/// Notifies, once each, everyone who follows the project or one of the ideas it came
/// from, except the actor, in one statement.
pub async fn notify_project_followers(
    tx: &mut WriteTx,
    kind: NotificationKind,
    project_id: i64,
    actor_id: i64,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(&format!(
        "INSERT INTO notifications ({PROJECT_NEWS_COLUMNS}) \
         SELECT x.account_id, $1, p.id, $3, $4, p.title, {PROJECT_SNAPSHOT} FROM ( \
             SELECT account_id FROM project_follows WHERE project_id = $2 \
             UNION \
             SELECT f.account_id FROM follows f JOIN project_ideas pi ON pi.idea_id = f.idea_id \
             WHERE pi.project_id = $2 \
         ) x JOIN projects p ON p.id = $2 WHERE x.account_id <> $3"
    ))
    .bind(kind.as_str())
    .bind(project_id)
    .bind(actor_id)
    .bind(now_ms())
    .execute(&mut **tx)
    .await?;
    tx.forgets_kept_rows();
    Ok(done.rows_affected())
}

/// The account's notifications newer than `after` (an id), oldest first, at most `limit`:
/// the news an email is about. News of what is hidden from the account comes concealed.
pub async fn since(db: &Db, account_id: i64, after: i64, limit: i64) -> Result<Vec<Notification>, sqlx::Error> {
    read(
        db,
        Range {
            account_id,
            moderator: false,
            before: i64::MAX,
            after,
            oldest_first: true,
            limit,
        },
    )
    .await
}

struct Range {
    account_id: i64,
    /// The reader moderates: nothing is concealed.
    moderator: bool,
    before: i64,
    after: i64,
    oldest_first: bool,
    limit: i64,
}

async fn read(db: &Db, range: Range) -> Result<Vec<Notification>, sqlx::Error> {
    let order = if range.oldest_first { "ASC" } else { "DESC" };
    let sql = format!(
        "SELECT n.id, n.kind, n.idea_id, n.project_id, n.created_at, n.read_at, \
                COALESCE(n.title, i.title, p.title, '') AS idea_title, \
                COALESCE(i.language, p.language, '') AS idea_language, \
                n.status, n.note, n.milestones_done, n.milestones_total, a.display_name AS actor_name, \
                CASE WHEN $4 = 0 AND ((i.hidden_at IS NOT NULL AND i.author_id <> $1) \
                                      OR (c.hidden_at IS NOT NULL AND c.author_id <> $1)) \
                     THEN 1 ELSE 0 END AS concealed \
         FROM notifications n LEFT JOIN ideas i ON i.id = n.idea_id LEFT JOIN projects p ON p.id = n.project_id \
         LEFT JOIN comments c ON c.id = n.comment_id LEFT JOIN accounts a ON a.id = n.actor_id \
         WHERE n.account_id = $1 AND n.id < $2 AND n.id > $5 ORDER BY n.id {order} LIMIT $3"
    );
    let rows = sqlx::query(&sql)
        .bind(range.account_id)
        .bind(range.before)
        .bind(range.limit)
        .bind(i64::from(range.moderator))
        .bind(range.after)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            let kind = NotificationKind::parse(&kind)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown notification kind {kind}").into()))?;
            if r.try_get::<i32, _>("concealed")? != 0 {
                return Ok(Notification::concealed(
                    r.try_get("id")?,
                    kind,
                    r.try_get("created_at")?,
                    r.try_get::<Option<i64>, _>("read_at")?.is_some(),
                ));
            }
            Ok(Notification {
                id: r.try_get("id")?,
                kind,
                concealed: false,
                idea_id: r.try_get("idea_id")?,
                project_id: r.try_get("project_id")?,
                idea_title: r.try_get("idea_title")?,
                idea_language: r.try_get("idea_language")?,
                status: r
                    .try_get::<Option<String>, _>("status")?
                    .as_deref()
                    .and_then(|status| NotifiedStatus::parse(kind, status)),
                project_progress: match (
                    r.try_get::<Option<i64>, _>("milestones_done")?,
                    r.try_get::<Option<i64>, _>("milestones_total")?,
                ) {
                    (Some(done), Some(total)) => Some(crate::projects::model::Progress { done, total }),
                    _ => None,
                },
                actor_name: r.try_get("actor_name")?,
                note: r.try_get::<Option<String>, _>("note")?.filter(|note| !note.is_empty()),
                created_at: r.try_get("created_at")?,
                read: r.try_get::<Option<i64>, _>("read_at")?.is_some(),
            })
        })
        .collect()
}
