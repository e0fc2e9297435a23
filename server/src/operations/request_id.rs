//! Every request gets an id (`X-Request-Id`): in every log line written while it is
//! served, and in its answer, so that a person reporting a problem, a proxy's access log
//! and the server's log name the same request.
//!
//! A proxy in front (nginx's `$request_id`) may send its own id, which is kept when it
//! looks like one; anything else a client sends there is replaced, so that no one writes
//! what they like into the logs.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use http::HeaderName;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tracing::Span;

pub static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Ids longer than this, or with other characters than letters, digits and `-_.:`, are
/// not believed.
const LONGEST: usize = 64;

/// Wraps `router` (already traced with `request_span`) so that each request has an id
/// before the trace starts and its answer carries it.
pub fn request_ids(router: Router) -> Router {
    router
        .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
        .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
        .layer(axum::middleware::from_fn(forget_unlikely_ids))
}

async fn forget_unlikely_ids(mut request: Request, next: Next) -> Response {
    let believable = request
        .headers()
        .get(&REQUEST_ID)
        .is_none_or(|id| is_believable(id.as_bytes()));
    if !believable {
        request.headers_mut().remove(&REQUEST_ID);
    }
    next.run(request).await
}

fn is_believable(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= LONGEST
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// The span every log line of a request is written in: its method, its path (never the
/// query, which may hold what someone searched for) and its id.
pub fn request_span<B>(request: &http::Request<B>) -> Span {
    let id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|id| id.to_str().ok())
        .unwrap_or("");
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxys_id_is_believed() {
        assert!(is_believable(b"7f1c0a9e2b8d4c6fa3e5d1b0c9a8f7e6"));
        assert!(is_believable(b"0b5e5e1c-3a55-4a43-9d37-1b2b7a2d9c11"));
    }

    #[test]
    fn an_id_that_could_carry_anything_else_is_not() {
        assert!(!is_believable(b""));
        assert!(!is_believable(b"id with spaces"));
        assert!(!is_believable(b"\"quoted\""));
        assert!(!is_believable(&[b'a'; LONGEST + 1]));
    }
}
