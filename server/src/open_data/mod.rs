//! The public API: read-only, versioned under `/api/v1/`, separate from the server
//! functions the pages call (whose names and shapes change with the pages). Its document
//! (`/api/v1/openapi.json`, OpenAPI 3.1) is generated from these handlers and types, so
//! it cannot drift from what they answer.
//!
//! It reads as a visitor reads the site: the same policy, nothing moderation hid, display
//! names only. Every answer is cacheable, carries an `ETag` and a `Last-Modified`, may be read from any origin,
//! and counts against its network's budget per minute.

mod answer;
mod comments;
pub mod exports;
mod feeds;
mod ideas;
pub mod model;
mod modified;
mod places;
mod projects;

use agora_app::ctx::AppState;
use agora_app::db::Db;
use agora_app::projects::model::DashboardFigures;
use agora_app::ratelimit::{Counter, Limit};
use agora_app::recent::Recent;
use anyhow::Context;
use axum::routing::{any, get};
use axum::{middleware, Router};
use http::{header, HeaderMap, Method};
use model::LicenceOut;
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};
use utoipa::openapi::{License, OpenApi as Document};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Agora open data",
        description = "Ideas, themes, municipalities and projects of the city's smart-city programme, \
                       as the public pages show them. Read-only; every answer carries the data's licence.",
    ),
    tags(
        (name = "ideas", description = "Ideas residents and organisations proposed"),
        (name = "places", description = "Themes and municipalities ideas are filed by"),
        (name = "exports", description = "Every idea or project matching the filters, as CSV"),
        (name = "feeds", description = "Atom feeds of new ideas, decisions and responses, and project news"),
        (name = "projects", description = "Candidate projects, their progress, the government's commitments and the Program Office's figures"),
    ),
    components(schemas(model::Problem))
)]
struct ApiDoc;

/// What the handlers share, behind one pointer: every request clones it.
#[derive(Clone)]
pub struct OpenData(Arc<Shared>);

impl std::ops::Deref for OpenData {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    db: Db,
    /// The site's public address, for the links in answers (no trailing slash).
    site: Arc<str>,
    licence: LicenceOut,
    limit: Arc<Counter>,
    /// The dashboard's figures, shared with the page (they read every vote of a year).
    dashboard: Arc<Recent<DashboardFigures>>,
    /// Since when each address has answered what it answers (`Last-Modified`).
    observed: modified::Observed,
}

/// The licence setting, `NAME <URL>`.
pub fn parse_licence(setting: &str) -> anyhow::Result<LicenceOut> {
    let (name, rest) = setting.split_once('<').context(
        "AGORA_DATA_LICENCE is `NAME <URL>`, as in `CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>`",
    )?;
    let url = rest
        .trim()
        .strip_suffix('>')
        .context("AGORA_DATA_LICENCE: the address ends with `>`")?;
    let parsed = url::Url::parse(url.trim()).context("AGORA_DATA_LICENCE: the licence's address is not an address")?;
    anyhow::ensure!(!name.trim().is_empty(), "AGORA_DATA_LICENCE names no licence");
    Ok(LicenceOut {
        name: name.trim().to_owned(),
        url: parsed.to_string(),
    })
}

/// The API's routes and its document, ready to merge into the site's router.
pub fn router<S: Clone + Send + Sync + 'static>(
    state: &AppState,
    licence: LicenceOut,
    requests_per_minute: u32,
) -> Router<S> {
    let api = OpenData(Arc::new(Shared {
        db: state.db.clone(),
        dashboard: state.dashboard.clone(),
        site: state.mail.public_url.as_str().into(),
        licence: licence.clone(),
        limit: Arc::new(Counter::new(Limit {
            attempts: requests_per_minute,
            window: Duration::from_secs(60),
        })),
        observed: modified::Observed::default(),
    }));
    let (routes, document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(ideas::list))
        .routes(routes!(ideas::one))
        .routes(routes!(ideas::similar))
        .routes(routes!(places::themes))
        .routes(routes!(places::municipalities))
        .routes(routes!(projects::list))
        .routes(routes!(projects::one))
        .routes(routes!(projects::commitments))
        .routes(routes!(projects::dashboard))
        .routes(routes!(comments::list))
        .routes(routes!(exports::ideas_csv))
        .routes(routes!(exports::projects_csv))
        .routes(routes!(feeds::ideas_feed))
        .routes(routes!(feeds::responses_feed))
        .routes(routes!(feeds::projects_feed))
        .routes(routes!(feeds::project_feed))
        .split_for_parts();
    let document = serde_json::to_vec(&with_licence(document, &licence)).unwrap_or_default();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
        .expose_headers([
            header::ETAG,
            header::RETRY_AFTER,
            header::HeaderName::from_static("ratelimit"),
            header::HeaderName::from_static("ratelimit-policy"),
        ]);
    routes
        .route(
            "/api/v1/openapi.json",
            get(move |headers: HeaderMap| {
                let document = document.clone();
                async move { answer::tagged(&headers, document, "application/json", answer::LONG_CACHE) }
            }),
        )
        .route("/api/v1", any(answer::no_such_endpoint))
        .route("/api/v1/", any(answer::no_such_endpoint))
        .route("/api/v1/{*rest}", any(answer::no_such_endpoint))
        .layer(middleware::from_fn_with_state(api.clone(), modified::dated))
        .layer(middleware::from_fn_with_state(api.clone(), answer::limit))
        .layer(cors)
        .with_state(api)
}

fn with_licence(mut document: Document, licence: &LicenceOut) -> Document {
    let mut stated = License::new(licence.name.clone());
    stated.url = Some(licence.url.clone());
    document.info.license = Some(stated);
    document.info.version = "1".to_owned();
    document
}
