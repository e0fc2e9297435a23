use super::model::AuditEntry;
use crate::db::now_ms;
use sqlx::{Any, AnyPool, Executor, Row};

/// Appends one entry; pass the open transaction so the entry commits with the change.
pub async fn record<'c, E: Executor<'c, Database = Any>>(
    executor: E,
    actor_id: Option<i64>,
    action: &str,
    target_type: &str,
    target_id: Option<i64>,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, target_type, target_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now_ms())
    .bind(actor_id)
    .bind(action)
    .bind(target_type)
    .bind(target_id)
    .bind(detail)
    .execute(executor)
    .await?;
    Ok(())
}

/// The newest entries first, at most `limit`, older than `before_id` when given.
pub async fn recent(pool: &AnyPool, before_id: Option<i64>, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT l.id, l.at, l.actor_id, a.display_name AS actor_name, l.action, l.target_type, \
                l.target_id, l.detail \
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id \
         WHERE l.id < $1 ORDER BY l.id DESC LIMIT $2",
    )
    .bind(before_id.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AuditEntry {
                id: r.try_get("id")?,
                at: r.try_get("at")?,
                actor_id: r.try_get("actor_id")?,
                actor_name: r.try_get("actor_name")?,
                action: r.try_get("action")?,
                target_type: r.try_get("target_type")?,
                target_id: r.try_get("target_id")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}
