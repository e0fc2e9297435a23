//! The lists ideas are filed by: themes and municipalities.

use super::answer::{json, ApiError, LONG_CACHE};
use super::model::{Listing, Municipality, Problem, ThemeOut};
use super::OpenData;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::HeaderMap;

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
    match agora_app::themes::store::list(&api.db, false).await {
        Ok(themes) => json(
            &headers,
            &Listing {
                items: themes.into_iter().map(ThemeOut::from).collect::<Vec<_>>(),
                licence: api.licence.clone(),
            },
            LONG_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
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
    match agora_app::ideas::store::districts(&api.db).await {
        Ok(districts) => json(
            &headers,
            &Listing {
                items: districts.into_iter().map(Municipality::from).collect::<Vec<_>>(),
                licence: api.licence.clone(),
            },
            LONG_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}
