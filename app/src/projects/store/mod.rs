//! SQL for projects. One set of queries for SQLite and PostgreSQL.

use crate::accounts::model::AccountKind;
use crate::db::{is_unique_violation, now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::ids::{AccountId, IdeaId, MilestoneId, ProjectId};
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::paging::Page;
use crate::policy::{self, Action, Actor, Facts};
use crate::projects::model::{
    Commitment, DashboardFigures, IdeaChoice, Milestone, MonthParticipation, Official, Owner, Progress, ProjectCard,
    ProjectDetail, ProjectLink, ProjectList, ProjectNews, ProjectQuery, ProjectStatus, SourceIdea, ThemeFigures,
    TimelineEntry, UpdateKind,
};
use crate::text::excerpt;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::db::WriteTx;

mod promote;
mod read;
mod roadmap;
mod stats;

pub use promote::*;
pub use read::*;
pub use roadmap::*;
pub use stats::*;

fn project_status(row: &AnyRow) -> Result<ProjectStatus, sqlx::Error> {
    let text: String = row.try_get("status")?;
    ProjectStatus::parse(&text).ok_or_else(|| sqlx::Error::Decode(format!("unknown project status {text}").into()))
}

fn path(id: i64, slug: &str) -> String {
    crate::projects::model::project_path(id, slug)
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
