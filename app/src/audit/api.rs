use super::model::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;

/// Audit entries, newest first, for moderators and admins: by who, what and when.
#[server(endpoint = "audit")]
pub async fn recent_audit(
    before: Option<i64>,
    actor: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Vec<AuditEntry>, AppError> {
    use super::model::AuditFilter;
    use crate::ctx;
    use crate::policy::{Action, Facts};
    ctx::authorize(Action::ReadAudit, &Facts::none()).await?;
    let filter = AuditFilter::parse(actor.as_deref(), action.as_deref(), from.as_deref(), to.as_deref());
    Ok(super::store::search(&ctx::db()?.pool, &filter, before, super::PAGE_SIZE).await?)
}
