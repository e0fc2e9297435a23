//! The owner's changes: decision, status, milestones, news; each checks the policy on the locked project.

use super::*;

pub(super) async fn record_timeline(
    tx: &mut WriteTx,
    project_id: i64,
    kind: UpdateKind,
    status: Option<ProjectStatus>,
    body: &str,
    author_id: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO project_updates (project_id, kind, status, body, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(project_id)
    .bind(kind.as_str())
    .bind(status.map(ProjectStatus::as_str))
    .bind(body)
    .bind(author_id)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What became of a change to a project.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Done; the project's address.
    Done(String),
    NotFound,
    /// Neither the owner nor an admin.
    Forbidden,
    /// Not in a status that allows it.
    Closed,
}

/// The project's status and address if `actor` may change it.
pub(super) async fn managed(
    db: &Db,
    tx: &mut WriteTx,
    project_id: i64,
    actor: Actor,
) -> Result<Result<(ProjectStatus, String), Change>, sqlx::Error> {
    // Locked: a change that depends on the status (a milestone, an update) and a change
    // of status wait for each other.
    let sql = format!(
        "SELECT owner_id, status, slug FROM projects WHERE id = $1{}",
        db.lock_rows()
    );
    let Some(row) = sqlx::query(&sql).bind(project_id).fetch_optional(&mut **tx).await? else {
        return Ok(Err(Change::NotFound));
    };
    let owner = row.try_get::<i64, _>("owner_id")?;
    if policy::decide(Some(&actor), Action::ManageProject, &Facts::owned_by(owner)).is_err() {
        return Ok(Err(Change::Forbidden));
    }
    let slug: String = row.try_get("slug")?;
    Ok(Ok((project_status(&row)?, path(project_id, &slug))))
}

/// Commits a change that went through, rolls back one that was refused.
pub(super) async fn finish(tx: WriteTx, outcome: Change) -> Result<Change, sqlx::Error> {
    tx.finish(matches!(outcome, Change::Done(_)), outcome).await
}

/// The owner of a project, to refuse anyone else before reading their input.
pub async fn owner_of(db: &Db, project_id: ProjectId) -> Result<Option<AccountId>, sqlx::Error> {
    sqlx::query_scalar("SELECT owner_id FROM projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&db.pool)
        .await
}

/// The owner of the project a milestone belongs to.
pub async fn milestone_owner(db: &Db, milestone_id: MilestoneId) -> Result<Option<AccountId>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.owner_id FROM project_milestones m JOIN projects p ON p.id = m.project_id WHERE m.id = $1",
    )
    .bind(milestone_id)
    .fetch_optional(&db.pool)
    .await
}

/// Moves a project along (adopt or decline with a statement, start, complete), with its
/// timeline entry, the notifications of its followers and of its ideas' followers, and
/// the audit entry, in one transaction.
pub async fn set_status(
    db: &Db,
    actor: Actor,
    project_id: ProjectId,
    to: ProjectStatus,
    statement: &str,
) -> Result<Change, sqlx::Error> {
    let project_id = project_id.get();
    let mut tx = db.begin_write().await?;
    let (from, place) = match managed(db, &mut tx, project_id, actor).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    if !from.may_become(to) {
        return finish(tx, Change::Closed).await;
    }
    let now = now_ms();
    let update = match to {
        ProjectStatus::Adopted => sqlx::query(
            "UPDATE projects SET status = 'adopted', statement = $1, decided_at = $2, adopted_at = $2, \
             updated_at = $2 WHERE id = $3 AND status = 'candidate'",
        )
        .bind(statement),
        ProjectStatus::Declined => sqlx::query(
            "UPDATE projects SET status = 'declined', statement = $1, decided_at = $2, updated_at = $2 \
             WHERE id = $3 AND status = 'candidate'",
        )
        .bind(statement),
        ProjectStatus::InProgress => sqlx::query(
            "UPDATE projects SET status = 'in_progress', started_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = 'adopted'",
        ),
        ProjectStatus::Completed => sqlx::query(
            "UPDATE projects SET status = 'completed', completed_at = $1, updated_at = $1 \
             WHERE id = $2 AND status = 'in_progress'",
        ),
        ProjectStatus::Candidate => return finish(tx, Change::Closed).await,
    };
    // Whoever moved it first wins; the second finds the status changed under them.
    let moved = update
        .bind(now)
        .bind(project_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if moved == 0 {
        return finish(tx, Change::Closed).await;
    }
    record_timeline(
        &mut tx,
        project_id,
        UpdateKind::Status,
        Some(to),
        statement,
        actor.id,
        now,
    )
    .await?;
    notifications::notify_project_followers(&mut tx, NotificationKind::ProjectStatus, project_id, actor.id).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        "project.status",
        "project",
        Some(project_id),
        &format!("{} -> {}", from.as_str(), to.as_str()),
    )
    .await?;
    finish(tx, Change::Done(place)).await
}

/// Adds a milestone at the end of the roadmap.
pub async fn add_milestone(
    db: &Db,
    actor: Actor,
    project_id: ProjectId,
    title: &str,
    target_date: i64,
) -> Result<Change, sqlx::Error> {
    let project_id = project_id.get();
    let mut tx = db.begin_write().await?;
    let (status, place) = match managed(db, &mut tx, project_id, actor).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    if !status.roadmap_open() {
        return finish(tx, Change::Closed).await;
    }
    let now = now_ms();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO project_milestones (project_id, position, title, target_date, done, created_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM project_milestones WHERE project_id = $1), \
                 $2, $3, $4, $5) RETURNING id",
    )
    .bind(project_id)
    .bind(title)
    .bind(target_date)
    .bind(false)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    touch(&mut tx, project_id, now).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        "project.milestone_added",
        "milestone",
        Some(id),
        title,
    )
    .await?;
    finish(tx, Change::Done(place)).await
}

pub(super) async fn touch(tx: &mut WriteTx, project_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(project_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The project of a milestone `actor` may change now (its roadmap is open), and the
/// project's address; or why not.
pub(super) async fn open_roadmap_of(
    db: &Db,
    tx: &mut WriteTx,
    actor: Actor,
    milestone_id: i64,
) -> Result<Result<(i64, String), Change>, sqlx::Error> {
    let project_id: Option<i64> = sqlx::query_scalar("SELECT project_id FROM project_milestones WHERE id = $1")
        .bind(milestone_id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(project_id) = project_id else {
        return Ok(Err(Change::NotFound));
    };
    Ok(match managed(db, tx, project_id, actor).await? {
        Ok((status, _)) if !status.roadmap_open() => Err(Change::Closed),
        Ok((_, place)) => Ok((project_id, place)),
        Err(refused) => Err(refused),
    })
}

/// Marks a milestone done or not done; progress follows, since it is counted from them.
pub async fn set_milestone_done(
    db: &Db,
    actor: Actor,
    milestone_id: MilestoneId,
    done: bool,
) -> Result<Change, sqlx::Error> {
    let milestone_id = milestone_id.get();
    let mut tx = db.begin_write().await?;
    let (project_id, place) = match open_roadmap_of(db, &mut tx, actor, milestone_id).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    let now = now_ms();
    sqlx::query("UPDATE project_milestones SET done = $1, done_at = $2 WHERE id = $3")
        .bind(done)
        .bind(done.then_some(now))
        .bind(milestone_id)
        .execute(&mut *tx)
        .await?;
    touch(&mut tx, project_id, now).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        if done {
            "project.milestone_done"
        } else {
            "project.milestone_undone"
        },
        "milestone",
        Some(milestone_id),
        "",
    )
    .await?;
    finish(tx, Change::Done(place)).await
}

/// Renames a milestone or moves its target date; whether it is done stays as it is.
pub async fn edit_milestone(
    db: &Db,
    actor: Actor,
    milestone_id: MilestoneId,
    title: &str,
    target_date: i64,
) -> Result<Change, sqlx::Error> {
    let milestone_id = milestone_id.get();
    let mut tx = db.begin_write().await?;
    let (project_id, place) = match open_roadmap_of(db, &mut tx, actor, milestone_id).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    let before: (String, i64) = sqlx::query_as("SELECT title, target_date FROM project_milestones WHERE id = $1")
        .bind(milestone_id)
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query("UPDATE project_milestones SET title = $1, target_date = $2 WHERE id = $3")
        .bind(title)
        .bind(target_date)
        .bind(milestone_id)
        .execute(&mut *tx)
        .await?;
    touch(&mut tx, project_id, now_ms()).await?;
    let detail = format!(
        "{} ({}) -> {title} ({})",
        before.0,
        crate::calendar::iso_date(before.1),
        crate::calendar::iso_date(target_date)
    );
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        "project.milestone_edited",
        "milestone",
        Some(milestone_id),
        &detail,
    )
    .await?;
    finish(tx, Change::Done(place)).await
}

pub async fn remove_milestone(db: &Db, actor: Actor, milestone_id: MilestoneId) -> Result<Change, sqlx::Error> {
    let milestone_id = milestone_id.get();
    let mut tx = db.begin_write().await?;
    let (project_id, place) = match open_roadmap_of(db, &mut tx, actor, milestone_id).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    let title: String = sqlx::query_scalar("DELETE FROM project_milestones WHERE id = $1 RETURNING title")
        .bind(milestone_id)
        .fetch_one(&mut *tx)
        .await?;
    touch(&mut tx, project_id, now_ms()).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        "project.milestone_removed",
        "milestone",
        Some(milestone_id),
        &title,
    )
    .await?;
    finish(tx, Change::Done(place)).await
}

/// Posts an update to the public timeline and tells the followers.
pub async fn post_update(db: &Db, actor: Actor, project_id: ProjectId, body: &str) -> Result<Change, sqlx::Error> {
    let project_id = project_id.get();
    let mut tx = db.begin_write().await?;
    let (status, place) = match managed(db, &mut tx, project_id, actor).await? {
        Ok(found) => found,
        Err(refused) => return finish(tx, refused).await,
    };
    if !status.takes_updates() {
        return finish(tx, Change::Closed).await;
    }
    let now = now_ms();
    record_timeline(&mut tx, project_id, UpdateKind::Update, None, body, actor.id, now).await?;
    touch(&mut tx, project_id, now).await?;
    notifications::notify_project_followers(&mut tx, NotificationKind::ProjectUpdate, project_id, actor.id).await?;
    crate::audit::store::record(
        &mut *tx,
        Some(actor.id),
        "project.update",
        "project",
        Some(project_id),
        "",
    )
    .await?;
    finish(tx, Change::Done(place)).await
}
