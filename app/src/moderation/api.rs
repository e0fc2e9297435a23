use crate::error::AppError;
use leptos::prelude::*;

/// A moderator sets an idea's status, with a public note (required to decline).
#[server(endpoint = "set_idea_status")]
pub async fn set_idea_status(idea_id: i64, status: String, note: String) -> Result<(), AppError> {
    use super::model::{PublicNote, MODERATED};
    use super::store::{set_status, StatusOutcome};
    use crate::accounts::model::Role;
    use crate::ctx;
    use crate::error::ErrorCode;
    use crate::ideas::model::IdeaStatus;

    let moderator = ctx::require_role(&[Role::Moderator, Role::Admin], "idea.status").await?;
    let outcome = async {
        let to = IdeaStatus::parse(&status)
            .filter(|s| MODERATED.contains(s))
            .ok_or_else(|| AppError::field("status", "unknown_choice"))?;
        let note = PublicNote::parse(&note, to).map_err(|e| AppError::field("note", e.code()))?;
        match set_status(&ctx::db()?, idea_id, moderator.id, to, note.as_str()).await? {
            StatusOutcome::Done => Ok(()),
            StatusOutcome::NoSuchIdea => Err(AppError::NotFound),
            StatusOutcome::NotAllowed => Err(AppError::Closed),
        }
    }
    .await;
    match outcome {
        Ok(()) => {
            ctx::redirect_plain_form(&format!("/ideas/{idea_id}#history-heading"));
            Ok(())
        }
        Err(error) => {
            ctx::remember_input(super::views::STATUS_FORM, &[("status", &status), ("note", &note)]).await;
            Err(error)
        }
    }
}

/// A moderator blocks an account (a reason is required) or unblocks it.
#[server(endpoint = "set_account_blocked")]
pub async fn set_account_blocked(account_id: i64, blocked: bool, reason: String) -> Result<(), AppError> {
    use super::store::{set_blocked, BlockOutcome};
    use crate::accounts::model::{parse_text, Role};
    use crate::ctx;
    use crate::error::ErrorCode;

    let moderator = ctx::require_role(&[Role::Moderator, Role::Admin], "account.block").await?;
    let min = usize::from(blocked);
    let reason = parse_text(&reason, min, 500, true).map_err(|e| AppError::field("reason", e.code()))?;
    match set_blocked(&ctx::db()?, &moderator, account_id, blocked, &reason).await? {
        BlockOutcome::Done => Ok(()),
        BlockOutcome::NoSuchAccount => Err(AppError::NotFound),
        BlockOutcome::NotAllowed => Err(AppError::Forbidden),
    }
}
