//! SQL for themes.

use super::model::{Direction, Theme};
use crate::audit;
use crate::db::{now_ms, Db};
use sqlx::any::AnyRow;
use sqlx::Row;

const COLUMNS: &str =
    "id, slug, position, CAST(CAST(archived AS INTEGER) AS BIGINT) AS archived, name_fr, name_nl, name_en, \
                       description_fr, description_nl, description_en";

fn theme(r: &AnyRow) -> Result<Theme, sqlx::Error> {
    Ok(Theme {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        position: r.try_get("position")?,
        archived: r.try_get::<i64, _>("archived")? != 0,
        names: [r.try_get("name_fr")?, r.try_get("name_nl")?, r.try_get("name_en")?],
        descriptions: [
            r.try_get("description_fr")?,
            r.try_get("description_nl")?,
            r.try_get("description_en")?,
        ],
    })
}

/// The memo of the active themes (`Db::memo`): nearly every page shows them.
const ACTIVE_THEMES: &str = "themes";

pub async fn list(db: &Db, include_archived: bool) -> Result<Vec<Theme>, sqlx::Error> {
    if include_archived {
        read_list(db, true).await
    } else {
        db.memo(ACTIVE_THEMES, read_list(db, false)).await
    }
}

async fn read_list(db: &Db, include_archived: bool) -> Result<Vec<Theme>, sqlx::Error> {
    // Themes are a short list kept by admins; the bound only guards against accidents.
    let sql = format!("SELECT {COLUMNS} FROM themes WHERE ($1 OR archived = $2) ORDER BY position, id LIMIT 200");
    let rows = sqlx::query(&sql)
        .bind(include_archived)
        .bind(false)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(theme).collect()
}

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Theme>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM themes WHERE slug = $1");
    let row = sqlx::query(&sql).bind(slug).fetch_optional(&db.pool).await?;
    row.as_ref().map(theme).transpose()
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Theme>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM themes WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(theme).transpose()
}

pub struct ThemeText {
    pub names: [String; 3],
    pub descriptions: [String; 3],
}

/// Adds a theme at the end of the list; `None` when the slug is taken.
pub async fn create(db: &Db, actor_id: i64, slug: &str, text: &ThemeText) -> Result<Option<i64>, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let now = now_ms();
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO themes (slug, position, name_fr, name_nl, name_en, description_fr, description_nl, \
                             description_en, created_at, updated_at) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 10 FROM themes), $2, $3, $4, $5, $6, $7, $8, $8) \
         ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(slug)
    .bind(&text.names[0])
    .bind(&text.names[1])
    .bind(&text.names[2])
    .bind(&text.descriptions[0])
    .bind(&text.descriptions[1])
    .bind(&text.descriptions[2])
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = id {
        audit::store::record(&mut *tx, Some(actor_id), "theme.created", "theme", Some(id), slug).await?;
    }
    let created = tx.finish(id.is_some(), id).await?;
    db.forget(ACTIVE_THEMES);
    Ok(created)
}

/// Replaces names and descriptions; `false` when there is no such theme.
pub async fn update(db: &Db, actor_id: i64, id: i64, text: &ThemeText) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE themes SET name_fr = $1, name_nl = $2, name_en = $3, description_fr = $4, \
                           description_nl = $5, description_en = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(&text.names[0])
    .bind(&text.names[1])
    .bind(&text.names[2])
    .bind(&text.descriptions[0])
    .bind(&text.descriptions[1])
    .bind(&text.descriptions[2])
    .bind(now_ms())
    .bind(id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if changed {
        audit::store::record(&mut *tx, Some(actor_id), "theme.updated", "theme", Some(id), "").await?;
    }
    let changed = tx.finish(changed, changed).await?;
    db.forget(ACTIVE_THEMES);
    Ok(changed)
}

/// Archives or restores a theme. Themes are never deleted: ideas keep pointing at them.
pub async fn set_archived(db: &Db, actor_id: i64, id: i64, archived: bool) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query("UPDATE themes SET archived = $1, updated_at = $2 WHERE id = $3")
        .bind(archived)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if changed {
        let action = if archived { "theme.archived" } else { "theme.restored" };
        audit::store::record(&mut *tx, Some(actor_id), action, "theme", Some(id), "").await?;
    }
    let changed = tx.finish(changed, changed).await?;
    db.forget(ACTIVE_THEMES);
    Ok(changed)
}

/// Swaps a theme with its neighbour in the public order; `false` when there is no such theme.
pub async fn move_theme(db: &Db, actor_id: i64, id: i64, direction: Direction) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin_write().await?;
    let Some(position): Option<i64> = sqlx::query_scalar("SELECT position FROM themes WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
    else {
        return tx.finish(false, false).await;
    };
    let neighbour_sql = match direction {
        Direction::Up => "SELECT id, position FROM themes WHERE position < $1 ORDER BY position DESC, id DESC LIMIT 1",
        Direction::Down => "SELECT id, position FROM themes WHERE position > $1 ORDER BY position, id LIMIT 1",
    };
    let neighbour = sqlx::query(neighbour_sql)
        .bind(position)
        .fetch_optional(&mut *tx)
        .await?;
    let moved = neighbour.is_some();
    if let Some(neighbour) = neighbour {
        let (other_id, other_position): (i64, i64) = (neighbour.try_get("id")?, neighbour.try_get("position")?);
        for (theme_id, new_position) in [(id, other_position), (other_id, position)] {
            sqlx::query("UPDATE themes SET position = $1, updated_at = $2 WHERE id = $3")
                .bind(new_position)
                .bind(now_ms())
                .bind(theme_id)
                .execute(&mut *tx)
                .await?;
        }
        audit::store::record(&mut *tx, Some(actor_id), "theme.moved", "theme", Some(id), "").await?;
    }
    // At either end of the order there is nothing to swap: the theme is there all the same.
    let found = tx.finish(moved, true).await?;
    db.forget(ACTIVE_THEMES);
    Ok(found)
}
