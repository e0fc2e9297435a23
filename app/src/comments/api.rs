//! Server functions for comments. Each answers the address the comment is shown at, so
//! that the page (with or without JavaScript) goes there.

use super::model::CommentPage;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{CommentBody, CommentOrder, MAX_PAGE, MAX_REPLY_PAGE},
    super::store::{self, Changed, Placed},
    crate::ctx,
    crate::error::{AppResult, ErrorCode},
    crate::policy::{Action, Facts},
};

pub const COMMENT_FORM: &str = "comment";
pub const EDIT_COMMENT_FORM: &str = "comment_edit";

/// A page of an idea's discussion, in the order asked for: each thread with its latest
/// replies, or the `thread` asked for with page `rpage` of all its replies. The idea's
/// own page reads it with the idea (`ideas::api::get_idea_page`).
#[server(endpoint = "comments")]
pub async fn list_comments(
    idea_id: i64,
    order: Option<String>,
    page: Option<u32>,
    thread: Option<i64>,
    rpage: Option<u32>,
) -> Result<CommentPage, AppError> {
    let listing = listing(idea_id, order, page, thread, rpage)?;
    let user = ctx::current_user().await?;
    let db = ctx::db()?;
    let mut reads = db.reader().await?;
    read_page(&mut reads, &listing, user.as_ref()).await
}

/// The page of a discussion the query asks for; past the last page anybody may ask for,
/// none.
#[cfg(feature = "ssr")]
pub(crate) fn listing(
    idea_id: i64,
    order: Option<String>,
    page: Option<u32>,
    thread: Option<i64>,
    rpage: Option<u32>,
) -> AppResult<store::Listing> {
    let order = order.as_deref().and_then(CommentOrder::parse).unwrap_or_default();
    let page = page.unwrap_or(1).max(1);
    let reply_page = rpage.unwrap_or(1).max(1);
    if page > MAX_PAGE || reply_page > MAX_REPLY_PAGE {
        return Err(AppError::NotFound);
    }
    Ok(store::Listing {
        idea_id,
        order,
        page,
        opened: thread.map(|t| (t, reply_page)),
    })
}

/// The discussion's page `listing` names, read on `reads`, if `user` may read the idea.
#[cfg(feature = "ssr")]
pub(crate) async fn read_page(
    reads: &mut sqlx::AnyConnection,
    listing: &store::Listing,
    user: Option<&crate::accounts::model::SessionUser>,
) -> AppResult<CommentPage> {
    let viewer = store::Viewer {
        actor: user.map(|u| u.actor()),
    };
    // The idea's facts come with its page; nothing read is answered before the policy agrees.
    let (facts, page) = store::page(reads, listing, viewer).await?.ok_or(AppError::NotFound)?;
    ctx::permit(user, Action::ReadIdea, &facts)?;
    Ok(page)
}

/// The page the comment was written on, without the query parameters that opened a
/// form, pointing at the comment.
#[cfg(feature = "ssr")]
fn shown_at(placed: &Placed, keep_place: bool) -> String {
    let path = crate::ideas::model::idea_path(placed.idea_id, &placed.idea_slug);
    let query = keep_place
        .then(|| ctx::referer_path(&[]))
        .flatten()
        .map(|referer| super::model::discussion_place(&referer).1)
        .filter(|kept| !kept.is_empty())
        .map(|kept| {
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish()
        });
    match query {
        Some(query) => format!("{path}?{query}#comment-{}", placed.id),
        None => format!("{path}#comment-{}", placed.id),
    }
}

#[cfg(feature = "ssr")]
fn changed(outcome: Changed) -> AppResult<Placed> {
    match outcome {
        Changed::Done(placed) => Ok(placed),
        Changed::NotAuthor => Err(AppError::Forbidden),
        Changed::TooLate => Err(AppError::Closed),
        Changed::Gone => Err(AppError::NotFound),
        Changed::Hidden => Err(AppError::Hidden),
    }
}

/// Comments on an idea, or replies to a comment (`parent_id`), as the signed-in account.
#[server(endpoint = "post_comment")]
pub async fn post_comment(idea_id: i64, parent_id: Option<i64>, body: String) -> Result<String, AppError> {
    let user = ctx::authorize(Action::Comment, &Facts::none()).await?;
    let outcome: AppResult<String> = async {
        let text = CommentBody::parse(&body).map_err(|e| AppError::field("body", e.code()))?;
        let db = ctx::db()?;
        let new = store::NewComment {
            idea_id,
            parent_id,
            author_id: user.id,
            body: text.as_str(),
            interval_ms: store::MIN_INTERVAL_MS,
        };
        match store::post(&db, &new).await? {
            // A new thread is first when newest come first; a reply is on the page of its thread.
            store::Posted::Done(placed) => Ok(shown_at(&placed, parent_id.is_some())),
            store::Posted::NoSuchIdea => Err(AppError::NotFound),
            store::Posted::Closed => Err(AppError::Closed),
            store::Posted::BadParent => Err(AppError::BadRequest),
            store::Posted::TooSoon => Err(AppError::CommentTooSoon),
        }
    }
    .await;
    let parent = parent_id.map(|p| p.to_string()).unwrap_or_default();
    let place = ctx::keep_typed(outcome, COMMENT_FORM, &[("body", &body), ("parent_id", &parent)]).await?;
    ctx::redirect_plain_form(&place);
    Ok(place)
}

/// The author corrects their comment within 15 minutes of posting it.
#[server(endpoint = "edit_comment")]
pub async fn edit_comment(comment_id: i64, body: String) -> Result<String, AppError> {
    let user = ctx::authorize(Action::EditComment, &Facts::none()).await?;
    let outcome: AppResult<String> = async {
        let text = CommentBody::parse(&body).map_err(|e| AppError::field("body", e.code()))?;
        let placed = changed(store::edit(&ctx::db()?, comment_id, &user.actor(), text.as_str()).await?)?;
        Ok(shown_at(&placed, true))
    }
    .await;
    let place = ctx::keep_typed(outcome, EDIT_COMMENT_FORM, &[("body", &body)]).await?;
    ctx::redirect_plain_form(&place);
    Ok(place)
}

/// The author deletes their comment; replies to it stay.
#[server(endpoint = "delete_comment")]
pub async fn delete_comment(comment_id: i64) -> Result<String, AppError> {
    // A blocked account changes nothing on the platform, its own comments included.
    let user = ctx::authorize(Action::DeleteComment, &Facts::none()).await?;
    let placed = changed(store::delete(&ctx::db()?, comment_id, &user.actor()).await?)?;
    let place = shown_at(&placed, true);
    ctx::redirect_plain_form(&place);
    Ok(place)
}
