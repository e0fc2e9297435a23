use super::model::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;

/// The newest audit entries, for moderators and admins.
#[server(endpoint = "audit")]
pub async fn recent_audit(before: Option<i64>) -> Result<Vec<AuditEntry>, AppError> {
    use crate::accounts::model::Role;
    use crate::ctx;
    ctx::require_role(&[Role::Moderator, Role::Admin], "audit.read").await?;
    Ok(super::store::recent(&ctx::db()?.pool, before, 100).await?)
}
