//! Ideas promoted into a candidate project, and who owns it.

use super::*;

pub struct NewProject<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub summary: &'a str,
    pub language: &'a str,
    pub theme_slug: &'a str,
    pub owner_id: i64,
    pub factors: &'a [String],
    pub idea_ids: &'a [i64],
    pub moderator_id: i64,
    /// The public note each idea's history gets, naming the project.
    pub note: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Promotion {
    /// The candidate project's id and address.
    Created(i64, String),
    UnknownTheme,
    /// The owner named is not a member of the government.
    UnknownOwner,
    UnknownIdea,
    /// Decided on already (declined, withdrawn, a duplicate) or hidden.
    NotPromotable,
    /// Part of a project already, possibly one promoted a moment ago by someone else.
    AlreadyInProject,
}

/// Promotes ideas into a candidate project. The project, its success factors, the links,
/// each idea's status and history, the notifications of their followers (who then follow
/// the project too) and the audit entry commit together, or nothing does.
pub async fn promote(db: &Db, project: &NewProject<'_>) -> Result<Promotion, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = promote_in(&mut tx, project).await;
    match outcome {
        Ok(Promotion::Created(id, path)) => {
            tx.commit().await?;
            Ok(Promotion::Created(id, path))
        }
        // The second of two promotions racing for an idea trips over the unique link.
        Err(e) if is_unique_violation(&e) => {
            tx.rollback().await?;
            Ok(Promotion::AlreadyInProject)
        }
        other => {
            tx.rollback().await?;
            other
        }
    }
}

pub(super) async fn promote_in(tx: &mut WriteTx, project: &NewProject<'_>) -> Result<Promotion, sqlx::Error> {
    let theme_id: Option<i64> = sqlx::query_scalar("SELECT id FROM themes WHERE slug = $1 AND archived = $2")
        .bind(project.theme_slug)
        .bind(false)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(theme_id) = theme_id else {
        return Ok(Promotion::UnknownTheme);
    };
    if !is_official(tx, project.owner_id).await? {
        return Ok(Promotion::UnknownOwner);
    }
    let now = now_ms();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO projects (title, slug, summary, language, theme_id, owner_id, created_by, status, created_at, \
                               updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'candidate', $8, $8) RETURNING id",
    )
    .bind(project.title)
    .bind(project.slug)
    .bind(project.summary)
    .bind(project.language)
    .bind(theme_id)
    .bind(project.owner_id)
    .bind(project.moderator_id)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for (position, text) in project.factors.iter().enumerate() {
        sqlx::query("INSERT INTO project_factors (project_id, position, text) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(position as i64 + 1)
            .bind(text.as_str())
            .execute(&mut **tx)
            .await?;
    }
    for (position, &idea_id) in project.idea_ids.iter().enumerate() {
        let row = sqlx::query(
            "SELECT i.status, CASE WHEN i.hidden_at IS NULL THEN 0 ELSE 1 END AS hidden, \
                    (SELECT COUNT(*) FROM project_ideas pi WHERE pi.idea_id = i.id) AS linked \
             FROM ideas i WHERE i.id = $1",
        )
        .bind(idea_id)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = row else {
            return Ok(Promotion::UnknownIdea);
        };
        let status: String = row.try_get("status")?;
        if row.try_get::<i64, _>("linked")? > 0 || status == "accepted" {
            return Ok(Promotion::AlreadyInProject);
        }
        let promotable = IdeaStatus::parse(&status).is_some_and(crate::projects::model::promotable);
        if !promotable || row.try_get::<i32, _>("hidden")? != 0 {
            return Ok(Promotion::NotPromotable);
        }
        // Guarded by the status read above: a promotion that committed in between (on
        // PostgreSQL this statement waits for it) leaves nothing to update.
        let accepted = sqlx::query(
            "UPDATE ideas SET status = 'accepted', triaged_at = $1, updated_at = $1 \
             WHERE id = $2 AND status IN ('open', 'under_review') AND hidden_at IS NULL",
        )
        .bind(now)
        .bind(idea_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if accepted == 0 {
            return Ok(Promotion::AlreadyInProject);
        }
        sqlx::query("INSERT INTO project_ideas (project_id, idea_id, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(idea_id)
            .bind(position as i64 + 1)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ($1, 'accepted', $2, $3, $4)",
        )
        .bind(idea_id)
        .bind(project.moderator_id)
        .bind(project.note)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        notifications::notify_decision(
            tx,
            NotificationKind::Status,
            idea_id,
            Some(IdeaStatus::Accepted),
            project.moderator_id,
        )
        .await?;
        // The author too, even one who stopped following their idea: it became a project.
        sqlx::query(
            "INSERT INTO project_follows (project_id, account_id, created_at) \
             SELECT $1, x.account_id, $2 FROM ( \
                 SELECT account_id FROM follows WHERE idea_id = $3 UNION SELECT author_id FROM ideas WHERE id = $3 \
             ) x WHERE x.account_id IS NOT NULL ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(now)
        .bind(idea_id)
        .execute(&mut **tx)
        .await?;
    }
    record_timeline(
        tx,
        id,
        UpdateKind::Status,
        Some(ProjectStatus::Candidate),
        "",
        project.moderator_id,
        now,
    )
    .await?;
    // The owner hears about their projects as everyone else does, and first of this one.
    follow_in(tx, id, project.owner_id, now).await?;
    notifications::notify_project_account(
        tx,
        project.owner_id,
        NotificationKind::ProjectStatus,
        id,
        project.moderator_id,
    )
    .await?;
    let ideas = project
        .idea_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    crate::audit::store::record(
        &mut **tx,
        Some(project.moderator_id),
        "project.promote",
        "project",
        Some(id),
        &format!("ideas {ideas}; owner {}", project.owner_id),
    )
    .await?;
    Ok(Promotion::Created(id, path(id, project.slug)))
}

pub(super) async fn is_official(tx: &mut WriteTx, account_id: i64) -> Result<bool, sqlx::Error> {
    let role: Option<String> = sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(role.as_deref() == Some("official"))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Reassignment {
    Done(String),
    NotFound,
    UnknownOwner,
    /// A completed project keeps the owner who delivered it.
    Closed,
}

/// Gives a project to another member of the government. A declined project becomes a
/// candidate again, for the new owner to decide on.
pub async fn reassign(
    db: &Db,
    moderator_id: AccountId,
    project_id: ProjectId,
    owner_id: AccountId,
) -> Result<Reassignment, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = reassign_in(&mut tx, moderator_id, project_id, owner_id).await?;
    tx.finish(matches!(outcome, Reassignment::Done(_)), outcome).await
}

pub(super) async fn reassign_in(
    tx: &mut WriteTx,
    moderator_id: AccountId,
    project_id: ProjectId,
    owner_id: AccountId,
) -> Result<Reassignment, sqlx::Error> {
    let (moderator_id, project_id, owner_id) = (moderator_id.get(), project_id.get(), owner_id.get());
    let Some(row) = sqlx::query("SELECT owner_id, status, slug FROM projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok(Reassignment::NotFound);
    };
    let status = project_status(&row)?;
    let slug: String = row.try_get("slug")?;
    if status == ProjectStatus::Completed {
        return Ok(Reassignment::Closed);
    }
    if !is_official(tx, owner_id).await? {
        return Ok(Reassignment::UnknownOwner);
    }
    if row.try_get::<i64, _>("owner_id")? == owner_id {
        return Ok(Reassignment::Done(path(project_id, &slug)));
    }
    let now = now_ms();
    sqlx::query(
        "UPDATE projects SET owner_id = $1, updated_at = $2, \
             status = CASE WHEN status = 'declined' THEN 'candidate' ELSE status END, \
             statement = CASE WHEN status = 'declined' THEN '' ELSE statement END, \
             decided_at = CASE WHEN status = 'declined' THEN NULL ELSE decided_at END \
         WHERE id = $3",
    )
    .bind(owner_id)
    .bind(now)
    .bind(project_id)
    .execute(&mut **tx)
    .await?;
    let name: String = sqlx::query_scalar("SELECT display_name FROM accounts WHERE id = $1")
        .bind(owner_id)
        .fetch_one(&mut **tx)
        .await?;
    let reopened = (status == ProjectStatus::Declined).then_some(ProjectStatus::Candidate);
    record_timeline(tx, project_id, UpdateKind::Owner, reopened, &name, moderator_id, now).await?;
    follow_in(tx, project_id, owner_id, now).await?;
    notifications::notify_project_account(tx, owner_id, NotificationKind::ProjectStatus, project_id, moderator_id)
        .await?;
    crate::audit::store::record(
        &mut **tx,
        Some(moderator_id),
        "project.reassign",
        "project",
        Some(project_id),
        &format!("owner -> {owner_id}"),
    )
    .await?;
    Ok(Reassignment::Done(path(project_id, &slug)))
}
