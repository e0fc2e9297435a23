use crate::error::AppError;
use leptos::prelude::*;

/// Follows (`follow = true`) or stops following an idea; answers whether the caller now follows it.
#[server(endpoint = "follow")]
pub async fn follow_idea(idea_id: i64, follow: bool) -> Result<bool, AppError> {
    use super::store::{set, FollowOutcome};
    use crate::ctx;
    use crate::policy::{Action, Facts};
    let user = ctx::authorize(Action::Follow, &Facts::none()).await?;
    match set(&ctx::db()?, idea_id, &user.actor(), follow).await? {
        FollowOutcome::Done => {}
        FollowOutcome::NoSuchIdea => return Err(AppError::NotFound),
        FollowOutcome::Hidden => return Err(AppError::Hidden),
    }
    ctx::redirect_plain_form(&format!("/ideas/{idea_id}#follow"));
    Ok(follow)
}
