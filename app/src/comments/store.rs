use super::model::{
    within_edit_window, Comment, CommentOrder, CommentPage, Thread, PAGE_SIZE, REPLIES_SHOWN, REPLY_PAGE_SIZE,
};
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::ideas::store::{author, author_columns};
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::paging::Page;
use crate::policy::{self, Action, Actor, Facts};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

pub struct NewComment<'a> {
    pub idea_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body: &'a str,
    /// How long after their previous comment the author may post again:
    /// `MIN_INTERVAL_MS` for people, 0 for the demo loader.
    pub interval_ms: i64,
}

/// Where a comment lives: its id, and its idea's id and slug (for the address).
#[derive(Debug, Clone)]
pub struct Placed {
    pub id: i64,
    pub idea_id: i64,
    pub idea_slug: String,
}

pub enum Posted {
    Done(Placed),
    NoSuchIdea,
    /// A withdrawn idea takes no more comments.
    Closed,
    /// The comment answered is missing, on another idea, or itself a reply.
    BadParent,
    /// The account commented less than `MIN_INTERVAL_MS` ago.
    TooSoon,
}

/// One comment every 10 seconds per account.
pub const MIN_INTERVAL_MS: i64 = 10_000;

/// Stores a comment or a reply, counts it on the idea and notifies, in one transaction:
/// the author of the comment answered hears of the reply, the idea's followers of the comment.
pub async fn post(db: &Db, new: &NewComment<'_>) -> Result<Posted, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = post_in(db, &mut tx, new).await?;
    tx.finish(matches!(outcome, Posted::Done(_)), outcome).await
}

async fn post_in(db: &Db, tx: &mut crate::db::WriteTx, new: &NewComment<'_>) -> Result<Posted, sqlx::Error> {
    // Read from the comments themselves, with the account locked: the interval holds
    // across servers and against two posts sent at once, and refused attempts do not count.
    crate::accounts::store::lock_account(db, tx, new.author_id).await?;
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(created_at) FROM comments WHERE author_id = $1")
        .bind(new.author_id)
        .fetch_one(&mut **tx)
        .await?;
    if last.is_some_and(|at| now_ms() - at < new.interval_ms) {
        return Ok(Posted::TooSoon);
    }
    // Locked: a merge or a withdrawal closing the idea meanwhile waits, or this comment for it.
    let sql = format!(
        "SELECT status, slug, hidden_at FROM ideas WHERE id = $1{}",
        db.lock_rows()
    );
    let Some(idea) = sqlx::query(&sql).bind(new.idea_id).fetch_optional(&mut **tx).await? else {
        return Ok(Posted::NoSuchIdea);
    };
    let status = IdeaStatus::parse(&idea.try_get::<String, _>("status")?);
    if !status.is_some_and(IdeaStatus::takes_comments) || idea.try_get::<Option<i64>, _>("hidden_at")?.is_some() {
        return Ok(Posted::Closed);
    }
    let answered_author = match new.parent_id {
        None => None,
        Some(parent_id) => {
            let parent =
                sqlx::query("SELECT idea_id, parent_id, author_id FROM comments WHERE id = $1 AND hidden_at IS NULL")
                    .bind(parent_id)
                    .fetch_optional(&mut **tx)
                    .await?;
            match parent {
                Some(p)
                    if p.try_get::<i64, _>("idea_id")? == new.idea_id
                        && p.try_get::<Option<i64>, _>("parent_id")?.is_none() =>
                {
                    Some(p.try_get::<i64, _>("author_id")?)
                }
                _ => return Ok(Posted::BadParent),
            }
        }
    };
    let now = now_ms();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO comments (idea_id, parent_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(new.idea_id)
    .bind(new.parent_id)
    .bind(new.author_id)
    .bind(new.body)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("UPDATE ideas SET comment_count = comment_count + 1 WHERE id = $1")
        .bind(new.idea_id)
        .execute(&mut **tx)
        .await?;
    if let Some(parent) = new.parent_id {
        sqlx::query("UPDATE comments SET reply_count = reply_count + 1 WHERE id = $1")
            .bind(parent)
            .execute(&mut **tx)
            .await?;
    }
    if let Some(answered) = answered_author {
        let news = notifications::News {
            kind: NotificationKind::Reply,
            idea_id: new.idea_id,
            comment_id: Some(id),
            actor_id: Some(new.author_id),
            note: None,
        };
        notifications::notify_account(tx, answered, &news).await?;
    }
    notifications::notify_followers(
        tx,
        NotificationKind::Comment,
        new.idea_id,
        Some(id),
        new.author_id,
        answered_author,
    )
    .await?;
    Ok(Posted::Done(Placed {
        id,
        idea_id: new.idea_id,
        idea_slug: idea.try_get("slug")?,
    }))
}

pub enum Changed {
    Done(Placed),
    NotAuthor,
    /// Past the edit window.
    TooLate,
    /// Missing or already deleted.
    Gone,
    /// Hidden by moderators.
    Hidden,
}

/// The comment, its idea's slug and whether `actor` may do `action` to it.
async fn owned(
    tx: &mut crate::db::WriteTx,
    comment_id: i64,
    actor: &Actor,
    action: Action,
) -> Result<Result<(Placed, i64, bool), Changed>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT c.author_id, c.created_at, c.deleted_at, c.hidden_at, c.idea_id, i.slug FROM comments c \
         JOIN ideas i ON i.id = c.idea_id WHERE c.id = $1",
    )
    .bind(comment_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(Err(Changed::Gone));
    };
    if row.try_get::<Option<i64>, _>("deleted_at")?.is_some() {
        return Ok(Err(Changed::Gone));
    }
    let author = row.try_get::<i64, _>("author_id")?;
    if policy::decide(Some(actor), action, &Facts::authored_by(author)).is_err() {
        return Ok(Err(Changed::NotAuthor));
    }
    let placed = Placed {
        id: comment_id,
        idea_id: row.try_get("idea_id")?,
        idea_slug: row.try_get("slug")?,
    };
    let hidden = row.try_get::<Option<i64>, _>("hidden_at")?.is_some();
    Ok(Ok((placed, row.try_get("created_at")?, hidden)))
}

/// The author corrects a comment within the edit window; it shows as edited.
pub async fn edit(db: &Db, comment_id: i64, actor: &Actor, body: &str) -> Result<Changed, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let (placed, created_at, hidden) = match owned(&mut tx, comment_id, actor, Action::EditComment).await? {
        Ok(found) => found,
        Err(refusal) => {
            tx.rollback().await?;
            return Ok(refusal);
        }
    };
    // Its author reads why moderators hid it; rewriting it is not the way back.
    if hidden {
        tx.rollback().await?;
        return Ok(Changed::Hidden);
    }
    let now = now_ms();
    if !within_edit_window(created_at, now) {
        tx.rollback().await?;
        return Ok(Changed::TooLate);
    }
    sqlx::query("UPDATE comments SET body = $1, edited_at = $2 WHERE id = $3")
        .bind(body)
        .bind(now)
        .bind(comment_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Changed::Done(placed))
}

/// The author deletes a comment: its text goes, its place and replies stay.
pub async fn delete(db: &Db, comment_id: i64, actor: &Actor) -> Result<Changed, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let placed = match owned(&mut tx, comment_id, actor, Action::DeleteComment).await? {
        Ok((placed, _, _)) => placed,
        Err(refusal) => {
            tx.rollback().await?;
            return Ok(refusal);
        }
    };
    sqlx::query("UPDATE comments SET body = '', deleted_at = $1 WHERE id = $2")
        .bind(now_ms())
        .bind(comment_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE ideas SET comment_count = comment_count - 1 WHERE id = $1")
        .bind(placed.idea_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Changed::Done(placed))
}

const COMMENT_COLUMNS: &str = concat!(
    "c.id, c.parent_id, c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.hidden_reason, \
     c.reply_count, ",
    author_columns!()
);
const COMMENT_FROM: &str = " FROM comments c JOIN accounts a ON a.id = c.author_id";

/// Who reads a discussion: their own comments and, for moderators, hidden ones show
/// their text; what they may do with each comment is the policy's answer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Viewer {
    pub actor: Option<Actor>,
}

impl Viewer {
    fn may(&self, action: Action, facts: &Facts) -> bool {
        policy::decide(self.actor.as_ref(), action, facts).is_ok()
    }
}

fn comment(row: &AnyRow, viewer: Viewer, now: i64) -> Result<Comment, sqlx::Error> {
    let author = author(row)?;
    let deleted = row.try_get::<Option<i64>, _>("deleted_at")?.is_some();
    let hidden = row.try_get::<Option<i64>, _>("hidden_at")?.is_some();
    let created_at: i64 = row.try_get("created_at")?;
    let mine = viewer.actor.is_some_and(|actor| actor.id == author.id);
    let written = Facts::authored_by(author.id);
    let may_read_hidden = mine || viewer.may(Action::HideContent, &Facts::none());
    let readable = !deleted && (!hidden || may_read_hidden);
    Ok(Comment {
        id: row.try_get("id")?,
        parent_id: row.try_get("parent_id")?,
        body: if readable { row.try_get("body")? } else { String::new() },
        hidden,
        hidden_reason: if hidden && may_read_hidden {
            Some(row.try_get("hidden_reason")?)
        } else {
            None
        },
        created_at,
        edited: row.try_get::<Option<i64>, _>("edited_at")?.is_some(),
        deleted,
        mine,
        editable: viewer.may(Action::EditComment, &written)
            && !deleted
            && !hidden
            && within_edit_window(created_at, now),
        deletable: viewer.may(Action::DeleteComment, &written) && !deleted,
        reportable: viewer.may(Action::Report, &Facts::item(author.id, hidden)) && !deleted,
        author,
    })
}

/// An idea's comments and replies in the order they were written, after comment `after`
/// (from the first without it): for clients that read a whole discussion and rebuild
/// its threads from `parent_id`. What `viewer` may not read is there without its text.
pub async fn in_order_after(
    db: &Db,
    idea_id: i64,
    after: Option<i64>,
    size: u32,
    viewer: Viewer,
) -> Result<Page<Comment>, sqlx::Error> {
    let sql =
        format!("SELECT {COMMENT_COLUMNS}{COMMENT_FROM} WHERE c.idea_id = $1 AND c.id > $2 ORDER BY c.id LIMIT $3");
    let rows = sqlx::query(&sql)
        .bind(idea_id)
        .bind(after.unwrap_or(0))
        .bind(i64::from(size) + 1)
        .fetch_all(&db.pool)
        .await?;
    let now = now_ms();
    Page::from_lookahead(rows, size as usize).try_map(|r| comment(&r, viewer, now))
}

/// Which page of an idea's discussion to read.
#[derive(Clone, Copy)]
pub struct Listing {
    pub idea_id: i64,
    pub order: CommentOrder,
    pub page: u32,
    /// The thread opened to a page of its replies.
    pub opened: Option<(i64, u32)>,
}

/// One page of an idea's threads (`page` from 1), each with its latest replies or, for
/// the opened one, a page of them, and what the policy needs to know about the idea:
/// `None` when there is no such idea. The caller decides whether the reader may see it.
/// One statement, two when a thread on the page has replies.
pub async fn page(
    conn: &mut AnyConnection,
    listing: &Listing,
    viewer: Viewer,
) -> Result<Option<(Facts, CommentPage)>, sqlx::Error> {
    let Listing {
        idea_id,
        order,
        page,
        opened,
    } = *listing;
    let direction = match order {
        CommentOrder::Newest => "DESC",
        CommentOrder::Oldest => "ASC",
    };
    // The idea's row joined to its page of threads: the policy's facts and the count of
    // visible comments without a statement of their own.
    let sql = format!(
        "SELECT i.author_id AS idea_author_id, i.hidden_at AS idea_hidden_at, i.comment_count AS idea_comments, \
         t.* FROM ideas i LEFT JOIN (SELECT {COMMENT_COLUMNS}{COMMENT_FROM} \
         WHERE c.idea_id = $1 AND c.parent_id IS NULL \
         ORDER BY c.created_at {direction}, c.id {direction} LIMIT $2 OFFSET $3) t ON 1 = 1 \
         WHERE i.id = $1 ORDER BY t.created_at {direction}, t.id {direction}"
    );
    let now = now_ms();
    let rows = sqlx::query(&sql)
        .bind(idea_id)
        .bind(PAGE_SIZE + 1)
        .bind(i64::from(page.saturating_sub(1)) * PAGE_SIZE)
        .fetch_all(&mut *conn)
        .await?;
    let Some(idea) = rows.first() else {
        return Ok(None);
    };
    let facts = Facts::item(
        idea.try_get("idea_author_id")?,
        idea.try_get::<Option<i64>, _>("idea_hidden_at")?.is_some(),
    );
    let total: i64 = idea.try_get("idea_comments")?;
    // The idea's one row, without a thread, when the page has none.
    let rows = match idea.try_get::<Option<i64>, _>("id")? {
        Some(_) => rows,
        None => vec![],
    };
    let Page { items: top, has_more } = Page::from_lookahead(rows, PAGE_SIZE as usize)
        .try_map(|r| Ok::<_, sqlx::Error>((comment(&r, viewer, now)?, r.try_get::<i64, _>("reply_count")?)))?;
    // Each thread shows its latest replies, the opened one a page of all of them: one
    // query, in which each thread walks its own replies' index for a few rows only, so a
    // thread of any length costs the same. Threads without replies need no walk.
    let with_replies: Vec<&Comment> = top
        .iter()
        .filter(|(_, reply_count)| *reply_count > 0)
        .map(|(thread, _)| thread)
        .collect();
    let mut replies: Vec<Comment> = if with_replies.is_empty() {
        vec![]
    } else {
        let mut binds: Vec<i64> = vec![];
        let mut walks = vec![];
        for (i, thread) in with_replies.iter().enumerate() {
            let parent = format!("${}", binds.len() + 1);
            binds.push(thread.id);
            let walk = match opened {
                Some((id, reply_page)) if id == thread.id => {
                    binds.push(REPLY_PAGE_SIZE);
                    binds.push(i64::from(reply_page.saturating_sub(1)) * REPLY_PAGE_SIZE);
                    format!(
                        "SELECT r.id FROM comments r WHERE r.parent_id = {parent} \
                         ORDER BY r.created_at, r.id LIMIT ${} OFFSET ${}",
                        binds.len() - 1,
                        binds.len()
                    )
                }
                _ => {
                    binds.push(REPLIES_SHOWN);
                    format!(
                        "SELECT r.id FROM comments r WHERE r.parent_id = {parent} \
                         ORDER BY r.created_at DESC, r.id DESC LIMIT ${}",
                        binds.len()
                    )
                }
            };
            walks.push(format!("SELECT id FROM ({walk}) AS thread{i}"));
        }
        let sql = format!(
            "SELECT {COMMENT_COLUMNS}{COMMENT_FROM} WHERE c.id IN ({}) ORDER BY c.created_at, c.id",
            walks.join(" UNION ALL ")
        );
        let mut query = sqlx::query(&sql);
        for value in binds {
            query = query.bind(value);
        }
        query
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| comment(r, viewer, now))
            .collect::<Result<Vec<_>, _>>()?
    };
    let threads = top
        .into_iter()
        .map(|(comment, reply_count)| {
            let (mine, rest): (Vec<_>, Vec<_>) = replies.drain(..).partition(|r| r.parent_id == Some(comment.id));
            replies = rest;
            let opened_page = opened.filter(|(id, _)| *id == comment.id).map(|(_, page)| page);
            let more_replies = opened_page.is_some_and(|page| i64::from(page) * REPLY_PAGE_SIZE < reply_count);
            Thread {
                comment,
                replies: mine,
                reply_count,
                opened: opened_page.is_some(),
                more_replies,
            }
        })
        .collect();
    Ok(Some((
        facts,
        CommentPage {
            threads,
            has_more,
            total,
        },
    )))
}
