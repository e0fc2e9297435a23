//! Reports, and hiding or restoring what they are about.

use super::*;

/// The table of a target, and the column naming its idea. Constant SQL, never input.
pub(super) fn table_of(target: Target) -> (&'static str, &'static str) {
    match target {
        Target::Idea => ("ideas", "id"),
        Target::Comment => ("comments", "idea_id"),
    }
}

/// Who wrote a target, its idea and whether it is hidden now.
pub(super) struct Owned {
    author_id: i64,
    idea_id: i64,
    hidden: bool,
    /// When a moderator last decided it stays visible.
    kept_at: Option<i64>,
}

pub(super) async fn owned(db: &Db, tx: &mut WriteTx, target: Target, id: i64) -> Result<Option<Owned>, sqlx::Error> {
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
pub(super) async fn resolve_reports(
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

pub(super) async fn hide_in(
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
    moderator_id: AccountId,
    hidden: bool,
    reason: &str,
) -> Result<HideOutcome, sqlx::Error> {
    let moderator_id = moderator_id.get();
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
