//! SQL for moderation. Every decision commits together with its history entry, the
//! notifications it sends and its audit entry, or not at all.

use super::model::{
    transition_allowed, BlockedAccount, Hidden, QueueCounts, QueueEntry, QueuePage, QueueTab, QueuedComment,
    QueuedIdea, QueuedOrganisation, Report, ReportReason, ReportTally, Reported, Target, QUEUE_PAGE_SIZE,
};
use crate::accounts::model::{AccountKind, Role, SessionUser};
use crate::audit::store::record as audit;
use crate::db::{now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::ideas::store::{author, author_columns};
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::policy::{self, Action, Actor, Facts};
use crate::votes::trending::{today, DAY_MS, WINDOW_DAYS};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

use crate::db::WriteTx;

fn status_of(text: &str) -> Result<IdeaStatus, sqlx::Error> {
    IdeaStatus::parse(text).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text}").into()))
}

pub enum StatusOutcome {
    Done,
    NoSuchIdea,
    /// The transition is not one a moderator may make from the current status.
    NotAllowed,
}

/// The idea's status, locked for the rest of the transaction.
async fn locked_status(db: &Db, tx: &mut WriteTx, idea_id: i64) -> Result<Option<IdeaStatus>, sqlx::Error> {
    let sql = format!("SELECT status FROM ideas WHERE id = $1{}", db.lock_rows());
    let current: Option<String> = sqlx::query_scalar(&sql).bind(idea_id).fetch_optional(&mut **tx).await?;
    current.as_deref().map(status_of).transpose()
}

/// Appends to the idea's public history.
async fn add_event(
    tx: &mut WriteTx,
    idea_id: i64,
    status: IdeaStatus,
    kind: &str,
    actor_id: i64,
    note: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idea_status_events (idea_id, status, kind, actor_id, note, at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(idea_id)
    .bind(status.as_str())
    .bind(kind)
    .bind(actor_id)
    .bind(note)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A moderator has looked at the idea: it leaves the queue of new ideas.
async fn mark_triaged_in(tx: &mut WriteTx, idea_id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE ideas SET triaged_at = $1 WHERE id = $2 AND triaged_at IS NULL")
        .bind(at)
        .bind(idea_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves the idea to `to` with a public note: the status, its history, the
/// notifications of the author and followers and the audit entry commit together.
pub async fn set_status(
    db: &Db,
    idea_id: i64,
    moderator_id: i64,
    to: IdeaStatus,
    note: &str,
) -> Result<StatusOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(from) = locked_status(db, &mut tx, idea_id).await? else {
        return tx.finish(false, StatusOutcome::NoSuchIdea).await;
    };
    if to == IdeaStatus::Duplicate || !transition_allowed(from, to) {
        return tx.finish(false, StatusOutcome::NotAllowed).await;
    }
    let now = now_ms();
    sqlx::query("UPDATE ideas SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(to.as_str())
        .bind(now)
        .bind(idea_id)
        .execute(&mut *tx)
        .await?;
    mark_triaged_in(&mut tx, idea_id, now).await?;
    add_event(&mut tx, idea_id, to, "status", moderator_id, note, now).await?;
    notifications::notify_decision(&mut tx, NotificationKind::Status, idea_id, Some(to), moderator_id).await?;
    let detail = format!("{} -> {}: {note}", from.as_str(), to.as_str());
    audit(
        &mut *tx,
        Some(moderator_id),
        "idea.status",
        "idea",
        Some(idea_id),
        &detail,
    )
    .await?;
    tx.finish(true, StatusOutcome::Done).await
}

/// A moderator found nothing to do: the idea stays as it is and leaves the queue; what
/// they noted goes to the audit log.
pub async fn keep(db: &Db, idea_id: i64, moderator_id: i64, note: &str) -> Result<StatusOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if locked_status(db, &mut tx, idea_id).await?.is_none() {
        return tx.finish(false, StatusOutcome::NoSuchIdea).await;
    }
    mark_triaged_in(&mut tx, idea_id, now_ms()).await?;
    audit(
        &mut *tx,
        Some(moderator_id),
        "idea.triage",
        "idea",
        Some(idea_id),
        format!("kept. {note}").trim(),
    )
    .await?;
    tx.finish(true, StatusOutcome::Done).await
}

pub enum RespondOutcome {
    Done,
    NoSuchIdea,
}

/// A public answer that leaves the status as it is: in the idea's history, shown above
/// it, and sent to its followers.
pub async fn respond(
    db: &Db,
    idea_id: i64,
    responder: &SessionUser,
    note: &str,
) -> Result<RespondOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(status) = locked_status(db, &mut tx, idea_id).await? else {
        return tx.finish(false, RespondOutcome::NoSuchIdea).await;
    };
    let now = now_ms();
    add_event(&mut tx, idea_id, status, "response", responder.id, note, now).await?;
    // A moderator's answer is also a decision on the idea: it leaves the triage queue.
    if responder.may(Action::DecideIdea) {
        mark_triaged_in(&mut tx, idea_id, now).await?;
    }
    notifications::notify_decision(&mut tx, NotificationKind::Response, idea_id, None, responder.id).await?;
    audit(
        &mut *tx,
        Some(responder.id),
        "idea.response",
        "idea",
        Some(idea_id),
        note,
    )
    .await?;
    tx.finish(true, RespondOutcome::Done).await
}

pub enum MergeOutcome {
    /// Merged; the original's address.
    Done {
        original_slug: String,
    },
    NoSuchIdea,
    NoSuchOriginal,
    /// An idea is not a duplicate of itself.
    SameIdea,
    /// The duplicate is no longer open or under review.
    NotAllowed,
    /// The original does not take votes (decided, withdrawn, merged) or is hidden.
    OriginalClosed,
}

/// Marks `duplicate_id` a duplicate of `original_id`: its votes move to the original (an
/// account that supported both counts once), its followers too, its comments stay. Counts
/// of both and their trending counters are recomputed from the votes themselves, all in
/// one transaction that holds both ideas, so a vote arriving meanwhile waits and then
/// lands where it belongs (or is refused on the closed duplicate).
pub async fn merge(
    db: &Db,
    duplicate_id: i64,
    original_id: i64,
    moderator_id: i64,
    note: &str,
) -> Result<MergeOutcome, sqlx::Error> {
    if duplicate_id == original_id {
        return Ok(MergeOutcome::SameIdea);
    }
    let mut tx = db.begin_write().await?;
    // Both rows, in id order so that two merges never wait on each other in a circle.
    let sql = format!(
        "SELECT id, slug, status, hidden_at FROM ideas WHERE id IN ($1, $2) ORDER BY id{}",
        db.lock_rows()
    );
    let rows = sqlx::query(&sql)
        .bind(duplicate_id.min(original_id))
        .bind(duplicate_id.max(original_id))
        .fetch_all(&mut *tx)
        .await?;
    let find = |id: i64| rows.iter().find(|r| r.try_get::<i64, _>("id").ok() == Some(id));
    let Some(duplicate) = find(duplicate_id) else {
        return tx.finish(false, MergeOutcome::NoSuchIdea).await;
    };
    let Some(original) = find(original_id) else {
        return tx.finish(false, MergeOutcome::NoSuchOriginal).await;
    };
    let from = status_of(&duplicate.try_get::<String, _>("status")?)?;
    if !transition_allowed(from, IdeaStatus::Duplicate) {
        return tx.finish(false, MergeOutcome::NotAllowed).await;
    }
    let original_status = status_of(&original.try_get::<String, _>("status")?)?;
    if !original_status.accepts_votes() || original.try_get::<Option<i64>, _>("hidden_at")?.is_some() {
        return tx.finish(false, MergeOutcome::OriginalClosed).await;
    }
    let original_slug: String = original.try_get("slug")?;
    let now = now_ms();

    let moved_votes = sqlx::query(
        "INSERT INTO votes (idea_id, account_id, created_at) \
         SELECT $1, account_id, created_at FROM votes WHERE idea_id = $2 ON CONFLICT DO NOTHING",
    )
    .bind(original_id)
    .bind(duplicate_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM votes WHERE idea_id = $1")
        .bind(duplicate_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM idea_vote_days WHERE idea_id IN ($1, $2)")
        .bind(original_id)
        .bind(duplicate_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!(
        "INSERT INTO idea_vote_days (idea_id, day, votes) \
         SELECT idea_id, created_at / {DAY_MS}, COUNT(*) FROM votes WHERE idea_id = $1 \
         GROUP BY idea_id, created_at / {DAY_MS}"
    ))
    .bind(original_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM votes WHERE idea_id = $1), \
             recent_votes = COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d WHERE d.idea_id = $1 AND d.day >= $2), 0) \
         WHERE id = $1",
    )
    .bind(original_id)
    .bind(today() - WINDOW_DAYS)
    .execute(&mut *tx)
    .await?;

    // The duplicate's followers hear of the merge on the duplicate, then follow the original.
    sqlx::query(
        "UPDATE ideas SET status = 'duplicate', duplicate_of = $1, vote_count = 0, recent_votes = 0, \
             updated_at = $2 WHERE id = $3",
    )
    .bind(original_id)
    .bind(now)
    .bind(duplicate_id)
    .execute(&mut *tx)
    .await?;
    mark_triaged_in(&mut tx, duplicate_id, now).await?;
    add_event(
        &mut tx,
        duplicate_id,
        IdeaStatus::Duplicate,
        "status",
        moderator_id,
        note,
        now,
    )
    .await?;
    notifications::notify_decision(
        &mut tx,
        NotificationKind::Status,
        duplicate_id,
        Some(IdeaStatus::Duplicate),
        moderator_id,
    )
    .await?;
    let moved_followers = sqlx::query(
        "INSERT INTO follows (idea_id, account_id, created_at) \
         SELECT $1, account_id, created_at FROM follows WHERE idea_id = $2 ON CONFLICT DO NOTHING",
    )
    .bind(original_id)
    .bind(duplicate_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("DELETE FROM follows WHERE idea_id = $1")
        .bind(duplicate_id)
        .execute(&mut *tx)
        .await?;
    let detail = format!(
        "{duplicate_id} -> {original_id}: votes moved: {moved_votes}, followers moved: {moved_followers}. {note}"
    );
    audit(
        &mut *tx,
        Some(moderator_id),
        "idea.merge",
        "idea",
        Some(duplicate_id),
        detail.trim(),
    )
    .await?;
    tx.finish(true, MergeOutcome::Done { original_slug }).await
}

/// The table of a target, and the column naming its idea. Constant SQL, never input.
fn table_of(target: Target) -> (&'static str, &'static str) {
    match target {
        Target::Idea => ("ideas", "id"),
        Target::Comment => ("comments", "idea_id"),
    }
}

/// Who wrote a target, its idea and whether it is hidden now.
struct Owned {
    author_id: i64,
    idea_id: i64,
    hidden: bool,
    /// When a moderator last decided it stays visible.
    kept_at: Option<i64>,
}

async fn owned(db: &Db, tx: &mut WriteTx, target: Target, id: i64) -> Result<Option<Owned>, sqlx::Error> {
    let (table, idea_column) = table_of(target);
    let deleted = match target {
        Target::Idea => "",
        Target::Comment => " AND deleted_at IS NULL",
    };
    let sql = format!(
        "SELECT author_id, {idea_column} AS idea_id, hidden_at, kept_at FROM {table} WHERE id = $1{deleted}{}",
        db.lock_rows()
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.map(|r| {
        Ok(Owned {
            author_id: r.try_get("author_id")?,
            idea_id: r.try_get("idea_id")?,
            hidden: r.try_get::<Option<i64>, _>("hidden_at")?.is_some(),
            kept_at: r.try_get("kept_at")?,
        })
    })
    .transpose()
}

/// The item's open reports are decided.
async fn resolve_reports(
    tx: &mut WriteTx,
    target: Target,
    id: i64,
    moderator_id: i64,
    at: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "UPDATE reports SET resolved_at = $1, resolved_by = $2 \
         WHERE target_type = $3 AND target_id = $4 AND resolved_at IS NULL",
    )
    .bind(at)
    .bind(moderator_id)
    .bind(target.as_str())
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}

async fn hide_in(
    tx: &mut WriteTx,
    target: Target,
    id: i64,
    by: Option<i64>,
    reason: &str,
    at: i64,
) -> Result<(), sqlx::Error> {
    let (table, _) = table_of(target);
    sqlx::query(&format!(
        "UPDATE {table} SET hidden_at = $1, hidden_by = $2, hidden_reason = $3 WHERE id = $4"
    ))
    .bind(at)
    .bind(by)
    .bind(reason)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub enum HideOutcome {
    Done,
    NotFound,
}

/// A moderator hides an item (or confirms that reports were right to hide it), or
/// restores it; either way its open reports are decided, its author is told and the
/// decision is audited.
pub async fn set_hidden(
    db: &Db,
    target: Target,
    id: i64,
    moderator_id: i64,
    hidden: bool,
    reason: &str,
) -> Result<HideOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(item) = owned(db, &mut tx, target, id).await? else {
        return tx.finish(false, HideOutcome::NotFound).await;
    };
    let now = now_ms();
    let (table, _) = table_of(target);
    if hidden {
        hide_in(&mut tx, target, id, Some(moderator_id), reason, now).await?;
    } else {
        // Kept (or restored) by a moderator: only later reports, and more of them, can
        // hide it again.
        sqlx::query(&format!(
            "UPDATE {table} SET hidden_at = NULL, hidden_by = NULL, hidden_reason = '', kept_at = $1 WHERE id = $2"
        ))
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    let reports = resolve_reports(&mut tx, target, id, moderator_id, now).await?;
    if target == Target::Idea {
        mark_triaged_in(&mut tx, id, now).await?;
    }
    // Only a change is news to the author: keeping a visible item visible is not.
    if hidden || item.hidden {
        let kind = if hidden {
            NotificationKind::Hidden
        } else {
            NotificationKind::Restored
        };
        let comment = (target == Target::Comment).then_some(id);
        let news = notifications::News {
            kind,
            idea_id: item.idea_id,
            comment_id: comment,
            actor_id: Some(moderator_id),
            note: Some(reason),
        };
        notifications::notify_account(&mut tx, item.author_id, &news).await?;
    }
    let action = match (target, hidden, item.hidden) {
        (Target::Idea, true, _) => "idea.hide",
        (Target::Idea, false, true) => "idea.restore",
        (Target::Idea, false, false) => "idea.keep",
        (Target::Comment, true, _) => "comment.hide",
        (Target::Comment, false, true) => "comment.restore",
        (Target::Comment, false, false) => "comment.keep",
    };
    let detail = format!("{reason} ({reports} reports decided)");
    audit(
        &mut *tx,
        Some(moderator_id),
        action,
        target.as_str(),
        Some(id),
        detail.trim(),
    )
    .await?;
    tx.finish(true, HideOutcome::Done).await
}

pub enum ReportOutcome {
    Done(Reported),
    NotFound,
    /// Nobody reports what they wrote themselves.
    OwnContent,
}

/// Which reports may hide an item on their own, before any moderator looked at it.
#[derive(Debug, Clone, Copy)]
pub struct AutoHide {
    /// Open reports from this many trusted accounts hide an item.
    pub threshold: i64,
    /// Accounts younger than this are not trusted to hide anything (throw-away accounts).
    pub min_account_age_ms: i64,
}

/// An item a moderator kept visible needs this many times the threshold, in reports made
/// after that decision, to be hidden again without a moderator.
pub const KEPT_ITEM_FACTOR: i64 = 2;

/// Records one report per account and item. Reports from trusted accounts (old enough
/// when they reported, not blocked) that reach the threshold hide the item until a
/// moderator decides, and tell its author; every report, trusted or not, reaches the
/// moderators' queue.
pub async fn report(
    db: &Db,
    target: Target,
    id: i64,
    reporter: &Actor,
    report: &Report,
    rules: AutoHide,
) -> Result<ReportOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(item) = owned(db, &mut tx, target, id).await? else {
        return tx.finish(false, ReportOutcome::NotFound).await;
    };
    let reporter_id = reporter.id;
    if policy::decide(Some(reporter), Action::Report, &Facts::authored_by(item.author_id)).is_err() {
        return tx.finish(false, ReportOutcome::OwnContent).await;
    }
    let now = now_ms();
    let inserted = sqlx::query(
        "INSERT INTO reports (target_type, target_id, idea_id, reporter_id, reason, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(target.as_str())
    .bind(id)
    .bind(item.idea_id)
    .bind(reporter_id)
    .bind(report.reason.as_str())
    .bind(&report.note)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return tx.finish(false, ReportOutcome::Done(Reported::AlreadyReported)).await;
    }
    // Trusted: the reporter's account was old enough when it reported, and is not blocked
    // now. A moderator's decision settles the open reports, so the open ones were all
    // made after the last decision.
    let trusted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reports r JOIN accounts a ON a.id = r.reporter_id \
         WHERE r.target_type = $1 AND r.target_id = $2 AND r.resolved_at IS NULL \
           AND a.blocked_at IS NULL AND r.created_at - a.created_at >= $3",
    )
    .bind(target.as_str())
    .bind(id)
    .bind(rules.min_account_age_ms)
    .fetch_one(&mut *tx)
    .await?;
    let threshold = match item.kept_at {
        Some(_) => rules.threshold * KEPT_ITEM_FACTOR,
        None => rules.threshold,
    };
    if trusted >= threshold && !item.hidden {
        hide_in(&mut tx, target, id, None, "", now).await?;
        let comment = (target == Target::Comment).then_some(id);
        let news = notifications::News {
            kind: NotificationKind::Hidden,
            idea_id: item.idea_id,
            comment_id: comment,
            actor_id: None,
            note: None,
        };
        notifications::notify_account(&mut tx, item.author_id, &news).await?;
        let detail = format!("{trusted} reports");
        audit(
            &mut *tx,
            None,
            &format!("{}.auto_hide", target.as_str()),
            target.as_str(),
            Some(id),
            &detail,
        )
        .await?;
    }
    tx.finish(true, ReportOutcome::Done(Reported::Received)).await
}

pub enum VerifyOutcome {
    Done,
    NoSuchAccount,
    /// Residents have no organisation to verify.
    NotOrganisation,
}

/// A moderator confirms (or withdraws) that an organisation account is who it says.
pub async fn set_verified(
    db: &Db,
    account_id: i64,
    moderator_id: i64,
    verified: bool,
    reason: &str,
) -> Result<VerifyOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let kind: Option<String> = sqlx::query_scalar("SELECT kind FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(kind) = kind.as_deref().and_then(AccountKind::parse) else {
        return tx.finish(false, VerifyOutcome::NoSuchAccount).await;
    };
    if !kind.is_organisation() {
        return tx.finish(false, VerifyOutcome::NotOrganisation).await;
    }
    sqlx::query("UPDATE accounts SET organisation_verified = $1 WHERE id = $2")
        .bind(verified)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let action = if verified { "account.verify" } else { "account.unverify" };
    audit(
        &mut *tx,
        Some(moderator_id),
        action,
        "account",
        Some(account_id),
        reason,
    )
    .await?;
    tx.finish(true, VerifyOutcome::Done).await
}

/// How a hidden item's state reads: who hid it (none: reports did) and why.
async fn hidden_by_names(db: &Db, ids: &[i64]) -> Result<HashMap<i64, String>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT id, display_name FROM accounts WHERE id IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("display_name")?)))
        .collect()
}

fn hidden_state(row: &AnyRow, names: &HashMap<i64, String>) -> Result<Option<Hidden>, sqlx::Error> {
    let Some(at) = row.try_get::<Option<i64>, _>("hidden_at")? else {
        return Ok(None);
    };
    let by: Option<i64> = row.try_get("hidden_by")?;
    Ok(Some(Hidden {
        at,
        by: by.map(|id| names.get(&id).cloned().unwrap_or_default()),
        reason: row.try_get("hidden_reason")?,
    }))
}

/// The open reports on some items of one kind, by item.
async fn tallies(db: &Db, target: Target, ids: &[i64]) -> Result<HashMap<i64, ReportTally>, sqlx::Error> {
    let mut tallies: HashMap<i64, ReportTally> = HashMap::new();
    if ids.is_empty() {
        return Ok(tallies);
    }
    let placeholders: Vec<String> = (2..=ids.len() + 1).map(|n| format!("${n}")).collect();
    let within = format!(
        "target_type = $1 AND resolved_at IS NULL AND target_id IN ({})",
        placeholders.join(", ")
    );
    let counted = format!(
        "SELECT target_id, reason, COUNT(*) AS n FROM reports WHERE {within} GROUP BY target_id, reason \
         ORDER BY target_id, n DESC"
    );
    let notes = format!(
        "SELECT target_id, note FROM reports WHERE {within} AND note <> '' ORDER BY id DESC LIMIT {}",
        ids.len() * 3
    );
    let mut query = sqlx::query(&counted).bind(target.as_str());
    for id in ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(&db.pool).await? {
        let reason: String = row.try_get("reason")?;
        let n: i64 = row.try_get("n")?;
        let tally = tallies.entry(row.try_get("target_id")?).or_default();
        tally.total += n;
        if let Some(reason) = ReportReason::parse(&reason) {
            tally.by_reason.push((reason, n));
        }
    }
    let mut query = sqlx::query(&notes).bind(target.as_str());
    for id in ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(&db.pool).await? {
        let tally = tallies.entry(row.try_get("target_id")?).or_default();
        if tally.notes.len() < 3 {
            tally.notes.push(row.try_get("note")?);
        }
    }
    Ok(tallies)
}

/// The open reports on one item, for its author and the moderators.
pub async fn tally(db: &Db, target: Target, id: i64) -> Result<ReportTally, sqlx::Error> {
    Ok(tallies(db, target, &[id]).await?.remove(&id).unwrap_or_default())
}

/// Who hid one item, by name.
pub async fn hidden_by_name(db: &Db, account_id: i64) -> Result<Option<String>, sqlx::Error> {
    Ok(hidden_by_names(db, &[account_id]).await?.remove(&account_id))
}

const QUEUED_IDEA: &str = concat!(
    "SELECT i.id, i.slug, i.title, i.body, i.language, i.status, i.created_at, i.vote_count, i.hidden_at, \
     i.hidden_by, i.hidden_reason, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     CASE WHEN a.blocked_at IS NULL THEN 0 ELSE 1 END AS author_blocked, ",
    author_columns!(),
    " FROM ideas i JOIN themes t ON t.id = i.theme_id JOIN accounts a ON a.id = i.author_id"
);

const QUEUED_COMMENT: &str = concat!(
    "SELECT c.id, c.idea_id, c.body, c.created_at, c.hidden_at, c.hidden_by, c.hidden_reason, \
     i.slug AS idea_slug, i.title AS idea_title, CASE WHEN a.blocked_at IS NULL THEN 0 ELSE 1 END AS author_blocked, ",
    author_columns!(),
    " FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN accounts a ON a.id = c.author_id"
);

fn excerpt(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= 280 {
        flat
    } else {
        format!("{}…", flat.chars().take(280).collect::<String>().trim_end())
    }
}

fn hidden_by_ids(rows: &[AnyRow]) -> Vec<i64> {
    rows.iter()
        .filter_map(|r| r.try_get::<Option<i64>, _>("hidden_by").ok().flatten())
        .collect()
}

async fn queued_ideas(db: &Db, rows: Vec<AnyRow>) -> Result<Vec<QueuedIdea>, sqlx::Error> {
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.try_get("id").ok()).collect();
    let mut reports = tallies(db, Target::Idea, &ids).await?;
    let names = hidden_by_names(db, &hidden_by_ids(&rows)).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(QueuedIdea {
                id,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                excerpt: excerpt(&r.try_get::<String, _>("body")?),
                language: r.try_get("language")?,
                theme_names: [r.try_get("theme_fr")?, r.try_get("theme_nl")?, r.try_get("theme_en")?],
                status: status_of(&r.try_get::<String, _>("status")?)?,
                author: author(r)?,
                created_at: r.try_get("created_at")?,
                vote_count: r.try_get("vote_count")?,
                reports: reports.remove(&id).unwrap_or_default(),
                hidden: hidden_state(r, &names)?,
                author_blocked: r.try_get::<i32, _>("author_blocked")? != 0,
            })
        })
        .collect()
}

async fn queued_comments(db: &Db, rows: Vec<AnyRow>) -> Result<Vec<QueuedComment>, sqlx::Error> {
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.try_get("id").ok()).collect();
    let mut reports = tallies(db, Target::Comment, &ids).await?;
    let names = hidden_by_names(db, &hidden_by_ids(&rows)).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(QueuedComment {
                id,
                idea_id: r.try_get("idea_id")?,
                idea_slug: r.try_get("idea_slug")?,
                idea_title: r.try_get("idea_title")?,
                excerpt: excerpt(&r.try_get::<String, _>("body")?),
                author: author(r)?,
                created_at: r.try_get("created_at")?,
                reports: reports.remove(&id).unwrap_or_default(),
                hidden: hidden_state(r, &names)?,
                author_blocked: r.try_get::<i32, _>("author_blocked")? != 0,
            })
        })
        .collect()
}

/// Rows of `sql` (which ends where `IN (…)` can follow) for some ids, in no order.
async fn rows_by_id(db: &Db, sql: &str, ids: &[i64]) -> Result<Vec<AnyRow>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!("{sql} ({})", placeholders.join(", "));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(&db.pool).await
}

pub async fn counts(db: &Db) -> Result<QueueCounts, sqlx::Error> {
    let new: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas WHERE triaged_at IS NULL AND status = 'open' AND hidden_at IS NULL",
    )
    .fetch_one(&db.pool)
    .await?;
    let reported: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT DISTINCT target_type, target_id FROM reports WHERE resolved_at IS NULL) r",
    )
    .fetch_one(&db.pool)
    .await?;
    let hidden: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM ideas WHERE hidden_at IS NOT NULL) \
              + (SELECT COUNT(*) FROM comments WHERE hidden_at IS NOT NULL)",
    )
    .fetch_one(&db.pool)
    .await?;
    let organisations: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE kind <> 'resident' AND organisation_verified = $1")
            .bind(false)
            .fetch_one(&db.pool)
            .await?;
    let blocked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE blocked_at IS NOT NULL")
        .fetch_one(&db.pool)
        .await?;
    Ok(QueueCounts {
        new,
        reported,
        hidden,
        organisations,
        blocked,
    })
}

/// One page of a tab of the queue (`page` from 1), with the counts of every tab.
pub async fn queue(db: &Db, tab: QueueTab, page: u32) -> Result<QueuePage, sqlx::Error> {
    let size = QUEUE_PAGE_SIZE;
    let offset = i64::from(page.saturating_sub(1)) * size;
    let mut entries: Vec<QueueEntry> = match tab {
        QueueTab::New => {
            let sql = format!(
                "{QUEUED_IDEA} WHERE i.triaged_at IS NULL AND i.status = 'open' AND i.hidden_at IS NULL \
                 ORDER BY i.created_at, i.id LIMIT $1 OFFSET $2"
            );
            let rows = sqlx::query(&sql)
                .bind(size + 1)
                .bind(offset)
                .fetch_all(&db.pool)
                .await?;
            queued_ideas(db, rows)
                .await?
                .into_iter()
                .map(QueueEntry::Idea)
                .collect()
        }
        QueueTab::Reported => {
            let rows = sqlx::query(
                "SELECT target_type, target_id, COUNT(*) AS n, MIN(created_at) AS first FROM reports \
                 WHERE resolved_at IS NULL GROUP BY target_type, target_id \
                 ORDER BY n DESC, first, target_id LIMIT $1 OFFSET $2",
            )
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            let order: Vec<(String, i64)> = rows
                .iter()
                .map(|r| Ok((r.try_get("target_type")?, r.try_get("target_id")?)))
                .collect::<Result<_, sqlx::Error>>()?;
            let of = |kind: Target| -> Vec<i64> {
                order
                    .iter()
                    .filter(|(t, _)| t == kind.as_str())
                    .map(|(_, id)| *id)
                    .collect()
            };
            let ideas = rows_by_id(db, &format!("{QUEUED_IDEA} WHERE i.id IN"), &of(Target::Idea)).await?;
            let comments = rows_by_id(db, &format!("{QUEUED_COMMENT} WHERE c.id IN"), &of(Target::Comment)).await?;
            let mut ideas: HashMap<i64, QueuedIdea> =
                queued_ideas(db, ideas).await?.into_iter().map(|i| (i.id, i)).collect();
            let mut comments: HashMap<i64, QueuedComment> = queued_comments(db, comments)
                .await?
                .into_iter()
                .map(|c| (c.id, c))
                .collect();
            order
                .iter()
                .filter_map(|(kind, id)| match Target::parse(kind)? {
                    Target::Idea => ideas.remove(id).map(QueueEntry::Idea),
                    Target::Comment => comments.remove(id).map(QueueEntry::Comment),
                })
                .collect()
        }
        QueueTab::Hidden => {
            // The newest hidden of both kinds: enough of each to fill this page, merged.
            let enough = offset + size + 1;
            let ideas = sqlx::query(&format!(
                "{QUEUED_IDEA} WHERE i.hidden_at IS NOT NULL ORDER BY i.hidden_at DESC, i.id DESC LIMIT $1"
            ))
            .bind(enough)
            .fetch_all(&db.pool)
            .await?;
            let comments = sqlx::query(&format!(
                "{QUEUED_COMMENT} WHERE c.hidden_at IS NOT NULL ORDER BY c.hidden_at DESC, c.id DESC LIMIT $1"
            ))
            .bind(enough)
            .fetch_all(&db.pool)
            .await?;
            let mut merged: Vec<QueueEntry> = queued_ideas(db, ideas)
                .await?
                .into_iter()
                .map(QueueEntry::Idea)
                .chain(
                    queued_comments(db, comments)
                        .await?
                        .into_iter()
                        .map(QueueEntry::Comment),
                )
                .collect();
            let hidden_at = |e: &QueueEntry| match e {
                QueueEntry::Idea(i) => i.hidden.as_ref().map(|h| h.at),
                QueueEntry::Comment(c) => c.hidden.as_ref().map(|h| h.at),
                QueueEntry::Organisation(_) | QueueEntry::Blocked(_) => None,
            };
            merged.sort_by_key(|e| std::cmp::Reverse(hidden_at(e)));
            merged.into_iter().skip(offset as usize).collect()
        }
        QueueTab::Organisations => {
            let rows = sqlx::query(
                "SELECT id, display_name, organisation_name, registration_number, kind, created_at FROM accounts \
                 WHERE kind <> 'resident' AND organisation_verified = $1 ORDER BY created_at, id LIMIT $2 OFFSET $3",
            )
            .bind(false)
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            rows.iter()
                .map(|r| {
                    let kind: String = r.try_get("kind")?;
                    Ok(QueueEntry::Organisation(QueuedOrganisation {
                        id: r.try_get("id")?,
                        display_name: r.try_get("display_name")?,
                        organisation_name: r.try_get::<Option<String>, _>("organisation_name")?.unwrap_or_default(),
                        registration_number: r.try_get("registration_number")?,
                        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Business),
                        created_at: r.try_get("created_at")?,
                    }))
                })
                .collect::<Result<_, sqlx::Error>>()?
        }
        QueueTab::Blocked => {
            let rows = sqlx::query(
                "SELECT a.id, a.display_name, a.organisation_name, a.kind, a.role, a.blocked_at, a.blocked_reason, \
                        b.display_name AS blocked_by \
                 FROM accounts a LEFT JOIN accounts b ON b.id = a.blocked_by \
                 WHERE a.blocked_at IS NOT NULL ORDER BY a.blocked_at DESC, a.id DESC LIMIT $1 OFFSET $2",
            )
            .bind(size + 1)
            .bind(offset)
            .fetch_all(&db.pool)
            .await?;
            rows.iter()
                .map(|r| {
                    let kind: String = r.try_get("kind")?;
                    let role: String = r.try_get("role")?;
                    Ok(QueueEntry::Blocked(BlockedAccount {
                        id: r.try_get("id")?,
                        display_name: r.try_get("display_name")?,
                        organisation_name: r.try_get("organisation_name")?,
                        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Resident),
                        role: Role::parse(&role).unwrap_or(Role::Member),
                        blocked_at: r.try_get("blocked_at")?,
                        blocked_by: r.try_get("blocked_by")?,
                        reason: r.try_get("blocked_reason")?,
                    }))
                })
                .collect::<Result<_, sqlx::Error>>()?
        }
    };
    let has_more = entries.len() as i64 > size;
    entries.truncate(size as usize);
    Ok(QueuePage {
        tab,
        counts: counts(db).await?,
        entries,
        has_more,
    })
}

pub enum BlockOutcome {
    Done,
    NoSuchAccount,
    /// Moderators block members only; nobody blocks themselves.
    NotAllowed,
}

/// Blocks (with the reason the account holder will read) or unblocks an account, with its
/// audit entry, in one transaction.
pub async fn set_blocked(
    db: &Db,
    moderator: &SessionUser,
    account_id: i64,
    blocked: bool,
    reason: &str,
) -> Result<BlockOutcome, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let sql = format!("SELECT role FROM accounts WHERE id = $1{}", db.lock_rows());
    let role: Option<String> = sqlx::query_scalar(&sql)
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(role) = role.as_deref().and_then(Role::parse) else {
        return tx.finish(false, BlockOutcome::NoSuchAccount).await;
    };
    if policy::decide(
        Some(&moderator.actor()),
        Action::BlockAccount,
        &Facts::account(account_id, role),
    )
    .is_err()
    {
        return tx.finish(false, BlockOutcome::NotAllowed).await;
    }
    // The reason of a block is the account holder's to read; that of an unblock goes to
    // the audit log.
    let (at, by, shown_reason, action) = if blocked {
        (Some(now_ms()), Some(moderator.id), reason, "account.block")
    } else {
        (None, None, "", "account.unblock")
    };
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_by = $2, blocked_reason = $3 WHERE id = $4")
        .bind(at)
        .bind(by)
        .bind(shown_reason)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut *tx,
        Some(moderator.id),
        action,
        "account",
        Some(account_id),
        reason,
    )
    .await?;
    tx.finish(true, BlockOutcome::Done).await
}
