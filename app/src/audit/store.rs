use super::model::{AuditEntry, AuditFilter};
use crate::db::{now_ms, Db};
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

/// Audits a refused call of `endpoint` by an account: the first refusal of a minute
/// makes an entry, the others in that minute count in it, so an account cannot flood the
/// log by calling what it may not.
pub async fn record_refusal(db: &Db, actor_id: i64, endpoint: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    db.serialize_on(&mut tx, &format!("refusal:{actor_id}:{endpoint}"))
        .await?;
    let now = now_ms();
    let counted = sqlx::query(
        "UPDATE audit_log SET repeats = repeats + 1 WHERE id = ( \
             SELECT MAX(id) FROM audit_log \
             WHERE actor_id = $1 AND at > $2 AND action = 'authz.refused' AND detail = $3)",
    )
    .bind(actor_id)
    .bind(now - REFUSAL_WINDOW_MS)
    .bind(endpoint)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if counted == 0 {
        record(&mut *tx, Some(actor_id), "authz.refused", "action", None, endpoint).await?;
    }
    tx.commit_unseen().await
}

/// Refusals of one endpoint to one account within this long share an entry.
pub const REFUSAL_WINDOW_MS: i64 = 60_000;

/// The newest entries that match `filter` first, at most `limit`, older than `before_id`
/// when given. Each condition can use its own index (by time, by actor, by action).
pub async fn search(
    pool: &AnyPool,
    filter: &AuditFilter,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let mut conditions = vec!["l.id < $1".to_owned()];
    let mut n = 1;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    if filter.actor.is_some() {
        let (a, b) = (next(), next());
        conditions.push(format!(
            "l.actor_id IN (SELECT id FROM accounts WHERE email_normalized = {a} OR LOWER(display_name) = {b})"
        ));
    }
    if filter.action.is_some() {
        conditions.push(format!("l.action = {}", next()));
    }
    if filter.from.is_some() {
        conditions.push(format!("l.at >= {}", next()));
    }
    if filter.to.is_some() {
        conditions.push(format!("l.at < {}", next()));
    }
    let sql = format!(
        "SELECT l.id, l.at, l.actor_id, a.display_name AS actor_name, l.action, l.target_type, \
                l.target_id, l.detail, l.repeats \
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id \
         WHERE {} ORDER BY l.id DESC LIMIT {}",
        conditions.join(" AND "),
        next()
    );
    let mut query = sqlx::query(&sql).bind(before_id.unwrap_or(i64::MAX));
    if let Some(actor) = &filter.actor {
        query = query.bind(actor.to_lowercase()).bind(actor.to_lowercase());
    }
    if let Some(action) = &filter.action {
        query = query.bind(action.clone());
    }
    if let Some(from) = filter.from {
        query = query.bind(from);
    }
    if let Some(to) = filter.to {
        // The whole of the last day.
        query = query.bind(to + 86_400_000);
    }
    let rows = query.bind(limit).fetch_all(pool).await?;
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
                repeats: r.try_get("repeats")?,
            })
        })
        .collect()
}
