//! The lists ideas are filed by: themes and municipalities.

use super::answer::{json, ApiError, LONG_CACHE};
use super::model::{Listing, Municipality, Problem, ThemeOut};
use super::OpenData;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::HeaderMap;
use serde::Serialize;
use utoipa::ToSchema;

/// The programme's themes, in the site's order (archived ones are left out).
#[utoipa::path(
    get,
    path = "/api/v1/themes",
    tag = "places",
    responses(
        (status = 200, description = "The themes", body = Listing<ThemeOut>),
        (status = 304, description = "The list has not changed since the `ETag` the client sent"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn themes(State(api): State<OpenData>, headers: HeaderMap) -> Response {
    listing::<ThemeOut, _>(&api, &headers, agora_app::themes::store::list(&api.db, false).await)
}

/// The region's municipalities.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities",
    tag = "places",
    responses(
        (status = 200, description = "The municipalities", body = Listing<Municipality>),
        (status = 304, description = "The list has not changed since the `ETag` the client sent"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn municipalities(State(api): State<OpenData>, headers: HeaderMap) -> Response {
    listing::<Municipality, _>(&api, &headers, agora_app::ideas::store::districts(&api.db).await)
}

/// A whole list as read from the store, in the API's shape, with the licence.
fn listing<T: Serialize + ToSchema + From<R>, R>(
    api: &OpenData,
    headers: &HeaderMap,
    read: Result<Vec<R>, sqlx::Error>,
) -> Response {
    match read {
        Ok(rows) => json(
            headers,
            &Listing {
                items: rows.into_iter().map(T::from).collect::<Vec<_>>(),
                licence: api.licence.clone(),
            },
            LONG_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}
