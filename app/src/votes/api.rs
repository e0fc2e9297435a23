use super::model::VoteState;
use crate::error::AppError;
use crate::ids::IdeaId;
use leptos::prelude::*;

/// Supports an idea (`support = true`) or withdraws the caller's support.
#[server(endpoint = "vote")]
pub async fn cast_vote(idea_id: IdeaId, support: bool) -> Result<VoteState, AppError> {
    use super::store::{cast, VoteOutcome};
    use crate::ctx;
    use crate::ids::AccountId;
    use crate::policy::{Action, Facts};
    let user = ctx::authorize(Action::Vote, &Facts::none()).await?;
    ctx::limits()?.votes_per_account.hit(crate::ratelimit::key(&user.id))?;
    let outcome = cast(&ctx::db()?, idea_id, AccountId(user.id), support).await?;
    let state = match outcome {
        VoteOutcome::Recorded(state) => state,
        VoteOutcome::Closed => return Err(AppError::Closed),
        VoteOutcome::NoSuchIdea => return Err(AppError::NotFound),
    };
    ctx::redirect_plain_form(&format!("/ideas/{idea_id}#vote"));
    Ok(state)
}
