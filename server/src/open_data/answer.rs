//! How every answer of the API travels: JSON with a validator (`ETag`, and `304` when
//! the client already holds it), shared caching for a short time, problems as
//! `application/problem+json` (RFC 9457), and the per-network request limit with its
//! `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers).

use super::model::Problem;
use super::OpenData;
use agora_app::ctx::ClientAddress;
use agora_app::error::AppError;
use agora_app::policy::{decide, Action, Facts};
use agora_app::ratelimit::network_key;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::StatusCode;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Public data that changes with every vote: shared caches may keep it a little while,
/// then ask again (a `304` costs little).
pub const SHORT_CACHE: &str = "public, max-age=30";
/// Lists that change when an administrator edits them, and the API's own document.
pub const LONG_CACHE: &str = "public, max-age=300";

static RATELIMIT: HeaderName = HeaderName::from_static("ratelimit");
static RATELIMIT_POLICY: HeaderName = HeaderName::from_static("ratelimit-policy");

/// A JSON answer with its entity tag, or `304 Not Modified` when `request` names it.
pub fn json<T: Serialize>(request: &HeaderMap, value: &T, cache: &'static str) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => tagged(request, body, "application/json", cache),
        Err(e) => ApiError(AppError::internal(e)).into_response(),
    }
}

/// `body` with a strong entity tag (a hash of its bytes), or `304` when the client
/// already holds those bytes.
pub fn tagged(request: &HeaderMap, body: Vec<u8>, content_type: &'static str, cache: &'static str) -> Response {
    let digest = Sha256::digest(&body);
    let tag: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    let etag = format!("\"{tag}\"");
    let headers = [(header::ETAG, etag.clone()), (header::CACHE_CONTROL, cache.to_owned())];
    if matches(request, &etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    (headers, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// Whether `If-None-Match` names `etag` (compared weakly, as RFC 9110 asks for it).
fn matches(request: &HeaderMap, etag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|candidate| candidate.trim())
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == etag)
}

/// An error of the API, answered as a problem with its stable code; causes were logged
/// where they happened.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> ApiError {
        ApiError(error)
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(error: sqlx::Error) -> ApiError {
        ApiError(AppError::internal(error))
    }
}

impl ApiError {
    pub fn with_detail(self, detail: &str) -> Response {
        problem(&self.0, Some(detail.to_owned()))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem(&self.0, None)
    }
}

fn problem(error: &AppError, detail: Option<String>) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = Problem {
        kind: "/developers#errors".to_owned(),
        title: error.to_string(),
        status: status.as_u16(),
        code: error.code().to_owned(),
        detail,
    };
    let mut response = (
        status,
        [
            (header::CONTENT_TYPE, "application/problem+json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        serde_json::to_vec(&body).unwrap_or_default(),
    )
        .into_response();
    if let Some(seconds) = error.retry_after() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// A query string the API cannot read.
pub fn not_understood() -> Response {
    ApiError(AppError::BadRequest).with_detail("A parameter is not understood; see the API document.")
}

/// Anything under `/api/v1/` that is not an endpoint.
pub async fn no_such_endpoint() -> Response {
    ApiError(AppError::NotFound).with_detail("There is no such endpoint; see /api/v1/openapi.json.")
}

/// The API's gate: asks the policy, counts the request against its network's budget for
/// the minute, refuses it past the budget, and says where the network stands either way.
pub async fn limit(State(api): State<OpenData>, request: Request, next: Next) -> Response {
    // Every caller of the API is a visitor (it reads no session): the policy's answer for
    // browsing holds for all of it; reading one idea asks again with that idea's facts.
    if let Err(refusal) = decide(None, Action::Browse, &Facts::none()) {
        return ApiError(refusal.into()).into_response();
    }
    let address = request.extensions().get::<ClientAddress>().map(|c| c.0);
    let policy = format!("\"minute\";q={};w=60", api.limit.limit().attempts);
    match api.limit.hit(network_key(address, 8)) {
        Ok(standing) => {
            let mut response = next.run(request).await;
            let state = format!(
                "\"minute\";r={};t={}",
                standing.remaining,
                standing.resets_in.as_secs_f64().ceil() as u64
            );
            put(response.headers_mut(), &RATELIMIT, &state);
            put(response.headers_mut(), &RATELIMIT_POLICY, &policy);
            response
        }
        Err(wait) => {
            let mut response = ApiError(wait.into()).into_response();
            put(
                response.headers_mut(),
                &RATELIMIT,
                &format!("\"minute\";r=0;t={}", wait.seconds()),
            );
            put(response.headers_mut(), &RATELIMIT_POLICY, &policy);
            response
        }
    }
}

fn put(headers: &mut HeaderMap, name: &HeaderName, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        headers.insert(name.clone(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asking(if_none_match: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(if_none_match).expect("a header value"),
        );
        headers
    }

    #[test]
    fn an_answer_the_client_holds_is_not_sent_again() {
        let first = tagged(&HeaderMap::new(), b"[1,2]".to_vec(), "application/json", SHORT_CACHE);
        assert_eq!(first.status(), StatusCode::OK);
        let etag = first.headers()[header::ETAG].to_str().expect("an etag").to_owned();
        for held in [
            etag.clone(),
            format!("W/{etag}"),
            format!("\"other\", {etag}"),
            "*".into(),
        ] {
            let again = tagged(&asking(&held), b"[1,2]".to_vec(), "application/json", SHORT_CACHE);
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{held}");
            assert_eq!(again.headers()[header::ETAG], etag.as_str());
        }
    }

    #[test]
    fn a_changed_answer_is_sent_whole_with_a_new_tag() {
        let first = tagged(&HeaderMap::new(), b"[1,2]".to_vec(), "application/json", SHORT_CACHE);
        let etag = first.headers()[header::ETAG].to_str().expect("an etag").to_owned();
        let changed = tagged(&asking(&etag), b"[1,2,3]".to_vec(), "application/json", SHORT_CACHE);
        assert_eq!(changed.status(), StatusCode::OK);
        assert_ne!(changed.headers()[header::ETAG], etag.as_str());
    }

    #[test]
    fn a_problem_carries_its_status_code_and_when_to_come_back() {
        let response = ApiError(AppError::RateLimited { retry_after: 12 }).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/problem+json");
        assert_eq!(response.headers()[header::RETRY_AFTER], "12");
    }
}
