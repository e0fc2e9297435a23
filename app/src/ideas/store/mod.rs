//! SQL for ideas, split by use (writing, one idea, the list). One set of queries for
//! SQLite and PostgreSQL.

use super::model::{
    Author, Choice, District, IdeaCard, IdeaChange, IdeaChoices, IdeaDetail, IdeaList, IdeaRef, IdeaStatus,
    IdeaSummary, ListQuery, ListedIdea, SearchTerms, Sort, StatusEvent,
};
use crate::accounts::model::{AccountKind, Role};
use crate::db::{now_ms, Db, Engine};
use crate::ids::{AccountId, IdeaId};
use crate::locale::Locale;
use crate::moderation::model::Hidden;
use crate::paging::{Cursor, Page};
use crate::policy::{self, Action, Actor, Facts};
use crate::text::excerpt;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

mod detail;
mod excerpts;
mod list;
mod similar;
mod write;

pub use detail::*;
pub use excerpts::*;
pub use list::*;
pub use similar::*;
pub use write::*;

fn status(row: &AnyRow) -> Result<IdeaStatus, sqlx::Error> {
    status_in(row, "status")
}

fn status_in(row: &AnyRow, column: &str) -> Result<IdeaStatus, sqlx::Error> {
    status_of(row.try_get(column)?)
}

fn status_of(text: &str) -> Result<IdeaStatus, sqlx::Error> {
    IdeaStatus::parse(text).ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text}").into()))
}

fn district(row: &AnyRow) -> Result<Option<District>, sqlx::Error> {
    let id: Option<i64> = row.try_get("district_id")?;
    id.map(|id| {
        Ok(District {
            id,
            slug: row.try_get("district_slug")?,
            names: [
                row.try_get("district_fr")?,
                row.try_get("district_nl")?,
                row.try_get("district_en")?,
            ],
        })
    })
    .transpose()
}

/// The columns that describe who wrote something (the account joined as `a`), as every
/// store selects them for `author`. A macro, so that it joins other constant SQL.
macro_rules! author_columns {
    () => {
        "a.id AS author_id, a.display_name AS author_name, a.kind AS author_kind, a.role AS author_role, \
         a.organisation_name, CAST(CAST(a.organisation_verified AS INTEGER) AS BIGINT) AS organisation_verified"
    };
}
pub(crate) use author_columns;

/// Who wrote it, from the columns of `author_columns!`.
pub(crate) fn author(row: &AnyRow) -> Result<Author, sqlx::Error> {
    let kind: String = row.try_get("author_kind")?;
    let role: String = row.try_get("author_role")?;
    Ok(Author {
        id: row.try_get("author_id")?,
        display_name: row.try_get("author_name")?,
        kind: AccountKind::parse(&kind).unwrap_or(AccountKind::Resident),
        role: Role::parse(&role).unwrap_or(Role::Member),
        organisation_name: row.try_get("organisation_name")?,
        organisation_verified: row.try_get::<i64, _>("organisation_verified")? != 0,
    })
}

/// The municipalities, from memory (`Db::memo`): the list comes with the schema and no
/// page changes it.
pub async fn districts(db: &Db) -> Result<Vec<District>, sqlx::Error> {
    db.memo("districts", read_districts(db)).await
}

/// The active themes and the municipalities, named in `locale`, from memory.
pub async fn choices(db: &Db, locale: Locale) -> Result<IdeaChoices, sqlx::Error> {
    let themes = crate::themes::store::list(db, false).await?;
    let districts = districts(db).await?;
    Ok(IdeaChoices {
        themes: themes
            .iter()
            .map(|theme| Choice {
                slug: theme.slug.clone(),
                name: theme.name(locale).to_owned(),
            })
            .collect(),
        districts: districts
            .iter()
            .map(|district| Choice {
                slug: district.slug.clone(),
                name: district.name(locale).to_owned(),
            })
            .collect(),
    })
}

async fn read_districts(db: &Db) -> Result<Vec<District>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id AS district_id, slug AS district_slug, name_fr AS district_fr, name_nl AS district_nl, \
                name_en AS district_en FROM districts ORDER BY position, id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().filter_map(|r| district(r).transpose()).collect()
}

enum Placement {
    Found(i64, Option<i64>),
    UnknownTheme,
    UnknownDistrict,
}

/// The ids of an active theme and of a municipality (if one was named).
async fn placement(
    tx: &mut crate::db::WriteTx,
    theme_slug: &str,
    district_slug: Option<&str>,
) -> Result<Placement, sqlx::Error> {
    let theme_id: Option<i64> = sqlx::query_scalar("SELECT id FROM themes WHERE slug = $1 AND archived = $2")
        .bind(theme_slug)
        .bind(false)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(theme_id) = theme_id else {
        return Ok(Placement::UnknownTheme);
    };
    let Some(slug) = district_slug else {
        return Ok(Placement::Found(theme_id, None));
    };
    let district_id: Option<i64> = sqlx::query_scalar("SELECT id FROM districts WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match district_id {
        Some(id) => Placement::Found(theme_id, Some(id)),
        None => Placement::UnknownDistrict,
    })
}

/// What a card or a summary shows beside the idea `i`: its counters, theme, author and
/// municipality.
macro_rules! joined_to_idea {
    () => {
        " JOIN idea_counters ic ON ic.idea_id = i.id \
          JOIN themes t ON t.id = i.theme_id \
          JOIN accounts a ON a.id = i.author_id \
          LEFT JOIN districts d ON d.id = i.district_id"
    };
}

const IDEA_JOINS: &str = concat!("FROM ideas i", joined_to_idea!());

/// The same, the ideas given by SQLite's search index `s` in the order of its rowid, the
/// negative of the idea's number; `CROSS JOIN` keeps the planner from starting elsewhere.
const SEARCHED_JOINS: &str = concat!(
    "FROM ideas_search s CROSS JOIN ideas i ON i.id = -s.rowid",
    joined_to_idea!()
);

const IDEA_COLUMNS: &str = concat!(
    "i.id, i.slug, i.title, i.body, i.status, ic.vote_count, i.comment_count, i.created_at, \
     i.language, t.slug AS theme_slug, t.name_fr AS theme_fr, t.name_nl AS theme_nl, t.name_en AS theme_en, \
     i.district_id, d.slug AS district_slug, d.name_fr AS district_fr, d.name_nl AS district_nl, \
     d.name_en AS district_en, i.hidden_at, i.hidden_by, i.hidden_reason, i.duplicate_of, ",
    author_columns!()
);

/// Whether the reader of an idea supports it and follows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    pub voted: bool,
    pub following: bool,
}

/// What the policy needs to know about an idea (its author, whether it is hidden);
/// `None` when there is no such idea.
pub async fn facts(db: &Db, idea_id: i64) -> Result<Option<Facts>, sqlx::Error> {
    let row = sqlx::query("SELECT author_id, hidden_at FROM ideas WHERE id = $1")
        .bind(idea_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        let hidden = r.try_get::<Option<i64>, _>("hidden_at")?.is_some();
        Ok(Facts::item(r.try_get("author_id")?, hidden))
    })
    .transpose()
}

/// Whether the policy lets `actor` do `action` on an item `author` wrote.
fn may(actor: &Actor, action: Action, author: i64) -> bool {
    policy::decide(Some(actor), action, &Facts::authored_by(author)).is_ok()
}
