//! SQL for projects. One set of queries for SQLite and PostgreSQL.

use super::model::{
    Commitment, DashboardFigures, IdeaChoice, Milestone, MonthParticipation, Official, Owner, Progress, ProjectCard,
    ProjectDetail, ProjectLink, ProjectList, ProjectQuery, ProjectStatus, SourceIdea, ThemeFigures, TimelineEntry,
    UpdateKind,
};
use crate::accounts::model::AccountKind;
use crate::db::{is_unique_violation, now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::policy::{self, Action, Actor, Facts};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::WriteTx;

fn project_status(row: &AnyRow) -> Result<ProjectStatus, sqlx::Error> {
    let text: String = row.try_get("status")?;
    ProjectStatus::parse(&text).ok_or_else(|| sqlx::Error::Decode(format!("unknown project status {text}").into()))
}

fn path(id: i64, slug: &str) -> String {
    super::model::project_path(id, slug)
}

fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

const CARD_COLUMNS: &str = "p.id, p.slug, p.title, p.summary, p.language, p.status, p.adopted_at, p.updated_at, \
     t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     a.id AS owner_id, a.display_name AS owner_name, a.portfolio AS owner_portfolio, \
     (SELECT COUNT(*) FROM project_milestones m WHERE m.project_id = p.id) AS milestones_total, \
     (SELECT COUNT(CASE WHEN m.done THEN 1 END) FROM project_milestones m WHERE m.project_id = p.id) AS milestones_done";

const CARD_JOINS: &str = "FROM projects p JOIN themes t ON t.id = p.theme_id JOIN accounts a ON a.id = p.owner_id";

fn owner(row: &AnyRow) -> Result<Owner, sqlx::Error> {
    Ok(Owner {
        id: row.try_get("owner_id")?,
        display_name: row.try_get("owner_name")?,
        portfolio: row.try_get("owner_portfolio")?,
    })
}

fn theme_names(row: &AnyRow) -> Result<[String; 3], sqlx::Error> {
    Ok([
        row.try_get("theme_fr")?,
        row.try_get("theme_nl")?,
        row.try_get("theme_en")?,
    ])
}

fn card(row: &AnyRow) -> Result<ProjectCard, sqlx::Error> {
    let summary: String = row.try_get("summary")?;
    Ok(ProjectCard {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        excerpt: excerpt(&summary, 200),
        language: row.try_get("language")?,
        theme_slug: row.try_get("theme_slug")?,
        theme_names: theme_names(row)?,
        owner: owner(row)?,
        status: project_status(row)?,
        progress: Progress {
            done: row.try_get("milestones_done")?,
            total: row.try_get("milestones_total")?,
        },
        adopted_at: row.try_get("adopted_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

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

async fn promote_in(tx: &mut WriteTx, project: &NewProject<'_>) -> Result<Promotion, sqlx::Error> {
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
        let promotable = IdeaStatus::parse(&status).is_some_and(super::model::promotable);
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

async fn is_official(tx: &mut WriteTx, account_id: i64) -> Result<bool, sqlx::Error> {
    let role: Option<String> = sqlx::query_scalar("SELECT role FROM accounts WHERE id = $1")
        .bind(account_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(role.as_deref() == Some("official"))
}

async fn follow_in(tx: &mut WriteTx, project_id: i64, account_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO project_follows (project_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(project_id)
    .bind(account_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn record_timeline(
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
async fn managed(
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
async fn finish(tx: WriteTx, outcome: Change) -> Result<Change, sqlx::Error> {
    tx.finish(matches!(outcome, Change::Done(_)), outcome).await
}

/// The owner of a project, to refuse anyone else before reading their input.
pub async fn owner_of(db: &Db, project_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT owner_id FROM projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&db.pool)
        .await
}

/// The owner of the project a milestone belongs to.
pub async fn milestone_owner(db: &Db, milestone_id: i64) -> Result<Option<i64>, sqlx::Error> {
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
    project_id: i64,
    to: ProjectStatus,
    statement: &str,
) -> Result<Change, sqlx::Error> {
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
    project_id: i64,
    title: &str,
    target_date: i64,
) -> Result<Change, sqlx::Error> {
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

async fn touch(tx: &mut WriteTx, project_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE projects SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(project_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The project of a milestone `actor` may change now (its roadmap is open), and the
/// project's address; or why not.
async fn open_roadmap_of(
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
pub async fn set_milestone_done(db: &Db, actor: Actor, milestone_id: i64, done: bool) -> Result<Change, sqlx::Error> {
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
    milestone_id: i64,
    title: &str,
    target_date: i64,
) -> Result<Change, sqlx::Error> {
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

pub async fn remove_milestone(db: &Db, actor: Actor, milestone_id: i64) -> Result<Change, sqlx::Error> {
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
pub async fn post_update(db: &Db, actor: Actor, project_id: i64, body: &str) -> Result<Change, sqlx::Error> {
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
pub async fn reassign(db: &Db, moderator_id: i64, project_id: i64, owner_id: i64) -> Result<Reassignment, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let outcome = reassign_in(&mut tx, moderator_id, project_id, owner_id).await?;
    tx.finish(matches!(outcome, Reassignment::Done(_)), outcome).await
}

async fn reassign_in(
    tx: &mut WriteTx,
    moderator_id: i64,
    project_id: i64,
    owner_id: i64,
) -> Result<Reassignment, sqlx::Error> {
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

/// Follows or stops following a project; `None` when there is no such project.
pub async fn set_follow(
    db: &Db,
    project_id: i64,
    account_id: i64,
    follow: bool,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let slug: Option<String> = sqlx::query_scalar("SELECT slug FROM projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(slug) = slug else {
        tx.rollback().await?;
        return Ok(None);
    };
    if follow {
        follow_in(&mut tx, project_id, account_id, now_ms()).await?;
    } else {
        sqlx::query("DELETE FROM project_follows WHERE project_id = $1 AND account_id = $2")
            .bind(project_id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Some(path(project_id, &slug)))
}

pub async fn is_following(db: &Db, project_id: i64, account_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT project_id FROM project_follows WHERE project_id = $1 AND account_id = $2")
            .bind(project_id)
            .bind(account_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.is_some())
}

/// One page of the public list, newest first; filters come from the URL.
pub async fn list(db: &Db, query: &ProjectQuery) -> Result<ProjectList, sqlx::Error> {
    let page = query.page.clamp(1, ProjectQuery::MAX_PAGE);
    let size = i64::from(ProjectQuery::PAGE_SIZE);
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} \
         WHERE ($1 = '' OR p.status = $1) AND ($2 = '' OR t.slug = $2) AND ($3 = 0 OR p.owner_id = $3) \
         ORDER BY p.id DESC LIMIT $4 OFFSET $5"
    );
    let rows = sqlx::query(&sql)
        .bind(query.status.map(ProjectStatus::as_str).unwrap_or(""))
        .bind(query.theme.as_deref().unwrap_or(""))
        .bind(query.owner.unwrap_or(0))
        .bind(size + 1)
        .bind(i64::from(page - 1) * size)
        .fetch_all(&db.pool)
        .await?;
    let has_more = rows.len() as i64 > size;
    let projects = rows
        .iter()
        .take(size as usize)
        .map(card)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ProjectList { projects, has_more })
}

/// The projects on a desk: one owner's, or everyone's for an admin (`None`).
pub async fn desk(db: &Db, owner_id: Option<i64>) -> Result<Vec<ProjectCard>, sqlx::Error> {
    let sql =
        format!("SELECT {CARD_COLUMNS} {CARD_JOINS} WHERE ($1 = 0 OR p.owner_id = $1) ORDER BY p.id DESC LIMIT 200");
    let rows = sqlx::query(&sql)
        .bind(owner_id.unwrap_or(0))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(card).collect()
}

pub async fn detail(db: &Db, id: i64) -> Result<Option<ProjectDetail>, sqlx::Error> {
    let Some(r) = sqlx::query(
        "SELECT p.id, p.slug, p.title, p.summary, p.language, p.status, p.statement, p.decided_at, p.adopted_at, \
                p.created_at, t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, \
                t.name_en AS theme_en, a.id AS owner_id, a.display_name AS owner_name, \
                a.portfolio AS owner_portfolio \
         FROM projects p JOIN themes t ON t.id = p.theme_id JOIN accounts a ON a.id = p.owner_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    else {
        return Ok(None);
    };
    let factors: Vec<String> =
        sqlx::query_scalar("SELECT text FROM project_factors WHERE project_id = $1 ORDER BY position LIMIT 50")
            .bind(id)
            .fetch_all(&db.pool)
            .await?;
    let milestones = sqlx::query(
        "SELECT id, title, target_date, CAST(CAST(done AS INTEGER) AS BIGINT) AS done, done_at \
         FROM project_milestones WHERE project_id = $1 ORDER BY position, id LIMIT 200",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|m| {
        Ok(Milestone {
            id: m.try_get("id")?,
            title: m.try_get("title")?,
            target_date: m.try_get("target_date")?,
            done: m.try_get::<i64, _>("done")? != 0,
            done_at: m.try_get("done_at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let timeline = sqlx::query(
        "SELECT u.kind, u.status, u.body, u.created_at, a.display_name AS author_name FROM project_updates u \
         LEFT JOIN accounts a ON a.id = u.author_id WHERE u.project_id = $1 \
         ORDER BY u.created_at DESC, u.id DESC LIMIT 100",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|u| {
        let kind: String = u.try_get("kind")?;
        let status: Option<String> = u.try_get("status")?;
        Ok(TimelineEntry {
            kind: UpdateKind::parse(&kind)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown update kind {kind}").into()))?,
            status: status.as_deref().and_then(ProjectStatus::parse),
            body: u.try_get("body")?,
            author_name: u.try_get("author_name")?,
            at: u.try_get("created_at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let ideas = sqlx::query(
        "SELECT i.id, i.slug, i.title, i.language, i.vote_count, i.comment_count, a.display_name AS author_name \
         FROM project_ideas pi JOIN ideas i ON i.id = pi.idea_id JOIN accounts a ON a.id = i.author_id \
         WHERE pi.project_id = $1 AND i.hidden_at IS NULL ORDER BY pi.position LIMIT 50",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|i| {
        Ok(SourceIdea {
            id: i.try_get("id")?,
            slug: i.try_get("slug")?,
            title: i.try_get("title")?,
            language: i.try_get("language")?,
            author_name: i.try_get("author_name")?,
            vote_count: i.try_get("vote_count")?,
            comment_count: i.try_get("comment_count")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let supporters: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT v.account_id) FROM votes v JOIN project_ideas pi ON pi.idea_id = v.idea_id \
         WHERE pi.project_id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    let followers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM project_follows WHERE project_id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(Some(ProjectDetail {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        language: r.try_get("language")?,
        theme_slug: r.try_get("theme_slug")?,
        theme_names: theme_names(&r)?,
        owner: owner(&r)?,
        status: project_status(&r)?,
        statement: r.try_get("statement")?,
        decided_at: r.try_get("decided_at")?,
        adopted_at: r.try_get("adopted_at")?,
        created_at: r.try_get("created_at")?,
        factors,
        milestones,
        timeline,
        ideas,
        supporters,
        followers,
    }))
}

/// The project an idea became part of, if any.
pub async fn of_idea(db: &Db, idea_id: i64) -> Result<Option<ProjectLink>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT p.id, p.slug, p.title, p.language, p.status FROM project_ideas pi \
         JOIN projects p ON p.id = pi.project_id WHERE pi.idea_id = $1",
    )
    .bind(idea_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(ProjectLink {
            id: r.try_get("id")?,
            slug: r.try_get("slug")?,
            title: r.try_get("title")?,
            language: r.try_get("language")?,
            status: project_status(&r)?,
        })
    })
    .transpose()
}

/// Every member of the government, by name (accents and case aside, which the engines'
/// default collations do not set aside alike).
pub async fn officials(db: &Db) -> Result<Vec<Official>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, display_name, portfolio FROM accounts WHERE role = 'official' ORDER BY id LIMIT 200")
            .fetch_all(&db.pool)
            .await?;
    let mut officials = rows
        .iter()
        .map(|r| {
            Ok(Official {
                id: r.try_get("id")?,
                display_name: r.try_get("display_name")?,
                portfolio: r.try_get("portfolio")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    officials.sort_by_cached_key(|o| (crate::ideas::model::slugify(&o.display_name), o.id));
    Ok(officials)
}

/// Every member of the government with the projects they adopted since `year_start`
/// (and still carry) and the candidates awaiting their decision.
pub async fn commitments(db: &Db, year_start: i64) -> Result<Vec<Commitment>, sqlx::Error> {
    let officials = officials(db).await?;
    let sql = format!(
        "SELECT {CARD_COLUMNS} {CARD_JOINS} \
         WHERE p.adopted_at >= $1 AND p.status IN ('adopted', 'in_progress', 'completed') AND a.role = 'official' \
         ORDER BY p.adopted_at, p.id LIMIT 1000"
    );
    let adopted = sqlx::query(&sql)
        .bind(year_start)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(card)
        .collect::<Result<Vec<_>, _>>()?;
    let pending =
        sqlx::query("SELECT owner_id, COUNT(*) AS n FROM projects WHERE status = 'candidate' GROUP BY owner_id")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get::<i64, _>("owner_id")?, r.try_get::<i64, _>("n")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(officials
        .into_iter()
        .map(|official| Commitment {
            adopted: adopted.iter().filter(|p| p.owner.id == official.id).cloned().collect(),
            pending: pending
                .iter()
                .find(|(owner, _)| *owner == official.id)
                .map(|(_, n)| *n)
                .unwrap_or_default(),
            official,
        })
        .collect())
}

fn idea_choice(r: &AnyRow) -> Result<IdeaChoice, sqlx::Error> {
    Ok(IdeaChoice {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        language: r.try_get("language")?,
        theme_slug: r.try_get("theme_slug")?,
        vote_count: r.try_get("vote_count")?,
    })
}

const PROMOTABLE: &str = "i.status IN ('open', 'under_review') AND i.hidden_at IS NULL \
     AND NOT EXISTS (SELECT 1 FROM project_ideas pi WHERE pi.idea_id = i.id)";

/// The ideas a moderator may promote, most supported first, those asked for (`chosen`)
/// first of all.
pub async fn promotable_ideas(db: &Db, theme: Option<&str>, chosen: &[i64]) -> Result<Vec<IdeaChoice>, sqlx::Error> {
    let mut ideas = Vec::new();
    if !chosen.is_empty() {
        let placeholders = (1..=chosen.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT i.id, i.title, i.language, i.vote_count, t.slug AS theme_slug FROM ideas i \
             JOIN themes t ON t.id = i.theme_id WHERE i.id IN ({placeholders}) AND {PROMOTABLE} \
             ORDER BY i.vote_count DESC, i.id DESC"
        );
        let mut statement = sqlx::query(&sql);
        for id in chosen {
            statement = statement.bind(*id);
        }
        for row in statement.fetch_all(&db.pool).await? {
            ideas.push(idea_choice(&row)?);
        }
    }
    let sql = format!(
        "SELECT i.id, i.title, i.language, i.vote_count, t.slug AS theme_slug FROM ideas i \
         JOIN themes t ON t.id = i.theme_id WHERE ($1 = '' OR t.slug = $1) AND {PROMOTABLE} \
         ORDER BY i.vote_count DESC, i.id DESC LIMIT 100"
    );
    for row in sqlx::query(&sql).bind(theme.unwrap_or("")).fetch_all(&db.pool).await? {
        let idea = idea_choice(&row)?;
        if !ideas.iter().any(|i| i.id == idea.id) {
            ideas.push(idea);
        }
    }
    Ok(ideas)
}

/// The Program Office's figures: per theme, and participation per month (`months`,
/// oldest first, as (year, month)) by account kind.
pub async fn dashboard(db: &Db, months: &[(i64, i64)]) -> Result<DashboardFigures, sqlx::Error> {
    let theme_rows = sqlx::query(
        // One pass over the ideas for the three figures, not one per figure and theme.
        "SELECT t.id, t.slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
                COALESCE(f.ideas, 0) AS ideas, COALESCE(f.votes, 0) AS votes, COALESCE(f.accepted, 0) AS accepted \
         FROM themes t LEFT JOIN ( \
             SELECT theme_id, COUNT(*) AS ideas, CAST(SUM(vote_count) AS BIGINT) AS votes, \
                    COUNT(CASE WHEN status = 'accepted' THEN 1 END) AS accepted \
             FROM ideas WHERE hidden_at IS NULL GROUP BY theme_id \
         ) f ON f.theme_id = t.id ORDER BY t.position, t.id LIMIT 200",
    )
    .fetch_all(&db.pool)
    .await?;
    let project_rows = sqlx::query("SELECT theme_id, status, COUNT(*) AS n FROM projects GROUP BY theme_id, status")
        .fetch_all(&db.pool)
        .await?;
    let mut counted: Vec<(i64, usize, i64)> = Vec::with_capacity(project_rows.len());
    for p in &project_rows {
        let status = project_status(p)?;
        let column = ProjectStatus::ALL.iter().position(|s| *s == status).unwrap_or_default();
        counted.push((p.try_get("theme_id")?, column, p.try_get("n")?));
    }
    let mut themes = Vec::with_capacity(theme_rows.len());
    for r in &theme_rows {
        let id: i64 = r.try_get("id")?;
        let mut projects = [0; 5];
        for (_, column, n) in counted.iter().filter(|(theme, _, _)| *theme == id) {
            projects[*column] += n;
        }
        themes.push(ThemeFigures {
            slug: r.try_get("slug")?,
            names: theme_names(r)?,
            ideas: r.try_get("ideas")?,
            votes: r.try_get("votes")?,
            accepted: r.try_get("accepted")?,
            projects,
        });
    }
    Ok(DashboardFigures {
        themes,
        participation: participation(db, months).await?,
        computed_at: now_ms(),
    })
}

/// Distinct accounts that proposed, supported or commented, per month and account kind.
/// Months are told apart by a CASE over their first instants, so that one statement
/// serves both engines whatever the calendar.
async fn participation(db: &Db, months: &[(i64, i64)]) -> Result<Vec<MonthParticipation>, sqlx::Error> {
    use super::model::month_start_ms;
    let Some(&(last_year, last_month)) = months.last() else {
        return Ok(vec![]);
    };
    let starts: Vec<i64> = months.iter().map(|&(y, m)| month_start_ms(y, m)).collect();
    let end = if last_month == 12 {
        month_start_ms(last_year + 1, 1)
    } else {
        month_start_ms(last_year, last_month + 1)
    };
    let end_placeholder = starts.len() + 1;
    let mut bucket = String::from("CASE");
    for k in (1..starts.len()).rev() {
        bucket.push_str(&format!(" WHEN created_at >= ${} THEN {k}", k + 1));
    }
    bucket.push_str(" ELSE 0 END");
    let window = format!("created_at >= $1 AND created_at < ${end_placeholder}");
    // Each source is first cut down to distinct (account, month) pairs, and UNION keeps
    // one of each across sources, so that a count per kind is a count of accounts. The
    // unary plus on the votes' window keeps SQLite off the time index (which would fetch
    // every row for its account) and on the covering (account_id, created_at) index:
    // about four times faster at a million votes. PostgreSQL reads it as the same value.
    let sql = format!(
        "SELECT y.bucket, a.kind, COUNT(*) AS n FROM ( \
             SELECT DISTINCT account_id, {bucket} AS bucket FROM votes \
             WHERE +created_at >= $1 AND +created_at < ${end_placeholder} \
             UNION SELECT DISTINCT author_id, {bucket} FROM ideas WHERE {window} \
             UNION SELECT DISTINCT author_id, {bucket} FROM comments WHERE {window} \
         ) y JOIN accounts a ON a.id = y.account_id GROUP BY y.bucket, a.kind"
    );
    let mut statement = sqlx::query(&sql);
    for start in &starts {
        statement = statement.bind(*start);
    }
    let rows = statement.bind(end).fetch_all(&db.pool).await?;
    let mut participation: Vec<MonthParticipation> = months
        .iter()
        .map(|&(year, month)| MonthParticipation {
            year,
            month,
            by_kind: [0; 3],
        })
        .collect();
    for r in &rows {
        let bucket: i64 = r.try_get("bucket")?;
        let kind: String = r.try_get("kind")?;
        let kind = AccountKind::parse(&kind).and_then(|k| AccountKind::ALL.iter().position(|x| *x == k));
        if let (Some(month), Some(kind)) = (participation.get_mut(bucket as usize), kind) {
            month.by_kind[kind] += r.try_get::<i64, _>("n")?;
        }
    }
    Ok(participation)
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn an_excerpt_is_one_line_and_cut_at_the_limit() {
        assert_eq!(excerpt("One.\n\nTwo.", 50), "One. Two.");
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }
}
