//! SQL for projects. One set of queries for SQLite and PostgreSQL.

use crate::accounts::model::AccountKind;
use crate::db::{is_unique_violation, now_ms, Db};
use crate::ideas::model::IdeaStatus;
use crate::notifications::model::NotificationKind;
use crate::notifications::store as notifications;
use crate::policy::{self, Action, Actor, Facts};
use crate::projects::model::{
    Commitment, DashboardFigures, IdeaChoice, Milestone, MonthParticipation, Official, Owner, Progress, ProjectCard,
    ProjectDetail, ProjectLink, ProjectList, ProjectQuery, ProjectStatus, SourceIdea, ThemeFigures, TimelineEntry,
    UpdateKind,
};
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

fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
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

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn an_excerpt_is_one_line_and_cut_at_the_limit() {
        assert_eq!(excerpt("One.\n\nTwo.", 50), "One. Two.");
        assert_eq!(excerpt("abcdef", 3), "abc…");
    }
}
