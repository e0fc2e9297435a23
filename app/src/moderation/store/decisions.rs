//! A moderator's decisions on an idea: status, triage, public answer, merge.

use super::*;

pub enum StatusOutcome {
    Done,
    NoSuchIdea,
    /// The transition is not one a moderator may make from the current status.
    NotAllowed,
}

/// The idea's status, locked for the rest of the transaction.
pub(super) async fn locked_status(db: &Db, tx: &mut WriteTx, idea_id: i64) -> Result<Option<IdeaStatus>, sqlx::Error> {
    let sql = format!("SELECT status FROM ideas WHERE id = $1{}", db.lock_rows());
    let current: Option<String> = sqlx::query_scalar(&sql).bind(idea_id).fetch_optional(&mut **tx).await?;
    current.as_deref().map(status_of).transpose()
}

/// Appends to the idea's public history.
pub(super) async fn add_event(
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
pub(super) async fn mark_triaged_in(tx: &mut WriteTx, idea_id: i64, at: i64) -> Result<(), sqlx::Error> {
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
    idea_id: IdeaId,
    moderator_id: AccountId,
    to: IdeaStatus,
    note: &str,
) -> Result<StatusOutcome, sqlx::Error> {
    let (idea_id, moderator_id) = (idea_id.get(), moderator_id.get());
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
pub async fn keep(db: &Db, idea_id: IdeaId, moderator_id: AccountId, note: &str) -> Result<StatusOutcome, sqlx::Error> {
    let (idea_id, moderator_id) = (idea_id.get(), moderator_id.get());
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
    duplicate_id: IdeaId,
    original_id: IdeaId,
    moderator_id: AccountId,
    note: &str,
) -> Result<MergeOutcome, sqlx::Error> {
    let (duplicate_id, original_id, moderator_id) = (duplicate_id.get(), original_id.get(), moderator_id.get());
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
        // Both ideas counted again: the duplicate's come to zero.
        "UPDATE idea_counters SET vote_count = (SELECT COUNT(*) FROM votes v WHERE v.idea_id = idea_counters.idea_id), \
             recent_votes = COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d \
                 WHERE d.idea_id = idea_counters.idea_id AND d.day >= $1), 0) \
         WHERE idea_id IN ($2, $3)",
    )
    .bind(today() - WINDOW_DAYS)
    .bind(original_id)
    .bind(duplicate_id)
    .execute(&mut *tx)
    .await?;

    // The duplicate's followers hear of the merge on the duplicate, then follow the original.
    sqlx::query("UPDATE ideas SET status = 'duplicate', duplicate_of = $1, updated_at = $2 WHERE id = $3")
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
