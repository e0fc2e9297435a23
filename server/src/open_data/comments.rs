//! An idea's discussion: its comments and replies in the order they were written, as a
//! visitor reads them (what moderation hid or its author deleted is there, without text).

use super::answer::{self, json, ApiError, SHORT_CACHE};
use super::model::{rfc3339, AuthorOut, LicenceOut, Problem};
use super::OpenData;
use agora_app::comments::model::Comment;
use agora_app::comments::store::{self, Viewer};
use agora_app::error::AppError;
use agora_app::policy::{decide, Action};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Whether a comment can be read.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommentState {
    Visible,
    /// Hidden by moderation: its text is not shown.
    Hidden,
    /// Deleted by its author: its text is gone.
    Deleted,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CommentOut {
    pub id: i64,
    /// The comment this one answers; absent for a comment on the idea itself.
    pub parent_id: Option<i64>,
    pub state: CommentState,
    /// Absent unless the comment is visible.
    pub text: Option<String>,
    pub author: AuthorOut,
    pub created_at: String,
    pub edited: bool,
}

impl From<Comment> for CommentOut {
    fn from(comment: Comment) -> CommentOut {
        let state = if comment.deleted {
            CommentState::Deleted
        } else if comment.hidden {
            CommentState::Hidden
        } else {
            CommentState::Visible
        };
        CommentOut {
            id: comment.id,
            parent_id: comment.parent_id,
            text: matches!(state, CommentState::Visible).then_some(comment.body),
            state,
            author: AuthorOut::named(comment.author.display_name),
            created_at: rfc3339(comment.created_at),
            edited: comment.edited,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CommentPage {
    pub items: Vec<CommentOut>,
    /// The address of the next page, absent on the last one.
    pub next: Option<String>,
    pub licence: LicenceOut,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommentPaging {
    /// Comments per page, 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// Where to start: the `next` address of the previous page carries it.
    #[param(minimum = 1)]
    after: Option<i64>,
}

/// An idea's comments and replies, oldest first; rebuild the threads from `parent_id`.
#[utoipa::path(
    get,
    path = "/api/v1/ideas/{id}/comments",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id"), CommentPaging),
    responses(
        (status = 200, description = "A page of the discussion", body = CommentPage),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 400, description = "A parameter is not understood", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such idea, or moderation hid it", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(api): State<OpenData>,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
    paging: Result<Query<CommentPaging>, QueryRejection>,
) -> Response {
    let (Ok(Path(id)), Ok(Query(paging))) = (id, paging) else {
        return answer::not_understood();
    };
    let size = paging.limit.unwrap_or(50);
    if !(1..=100).contains(&size) || paging.after.is_some_and(|a| a < 1) {
        return ApiError(AppError::BadRequest).with_detail("`limit` goes from 1 to 100, `after` is a comment's id.");
    }
    match read(&api, id, paging.after, size).await {
        Ok((items, last)) => {
            let next = last.map(|last| {
                let limit = paging.limit.map(|l| format!("limit={l}&")).unwrap_or_default();
                format!("{}/api/v1/ideas/{id}/comments?{limit}after={last}", api.site)
            });
            json(
                &headers,
                &CommentPage {
                    items,
                    next,
                    licence: api.licence.clone(),
                },
                SHORT_CACHE,
            )
        }
        Err(e) => e.into_response(),
    }
}

/// The page's comments, and the last one's id when more follow.
async fn read(
    api: &OpenData,
    idea: i64,
    after: Option<i64>,
    size: u32,
) -> Result<(Vec<CommentOut>, Option<i64>), ApiError> {
    let facts = agora_app::ideas::store::facts(&api.db, idea)
        .await?
        .ok_or(AppError::NotFound)?;
    // Read as a visitor: an idea moderation hid has no public discussion.
    decide(None, Action::ReadIdea, &facts).map_err(|_| AppError::NotFound)?;
    let page = store::in_order_after(&api.db, idea, after, size, Viewer::default()).await?;
    let last = page.items.last().filter(|_| page.has_more).map(|c| c.id);
    Ok((page.items.into_iter().map(CommentOut::from).collect(), last))
}
