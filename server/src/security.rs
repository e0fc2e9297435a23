//! Middleware applied to every response: security headers, refusal of cross-site
//! writes, and the HTTP status of server-function errors.

use agora_app::error::AppError;
use agora_app::redirect;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderName, HeaderValue};
use http::{Method, StatusCode};

const DEFAULT_CSP: &str = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; \
                           form-action 'self'; frame-ancestors 'none'";

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Pages set their own policy with a per-response script nonce; this covers the rest.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DEFAULT_CSP));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html && !headers.contains_key(header::CACHE_CONTROL) {
        // Pages may show the signed-in account: never in a shared cache.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    }
    response
}

/// Every `Location` this server sends passes the one redirect check
/// (`agora_app::redirect`), including the ones Leptos computes itself when it sends a
/// refused plain form back to its `Referer`: an absolute address of this site becomes its
/// path, anything that could leave the site becomes the home page.
pub async fn checked_redirects(request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned);
    let mut response = next.run(request).await;
    if let Some(location) = response.headers().get(header::LOCATION) {
        let checked = location
            .to_str()
            .ok()
            .and_then(|l| redirect::local_part_of(l, host.as_deref(), &[]))
            .unwrap_or_else(|| {
                tracing::info!("a redirect target that could leave the site was replaced");
                redirect::DEFAULT_TARGET.to_owned()
            });
        match HeaderValue::from_str(&checked) {
            Ok(value) => {
                response.headers_mut().insert(header::LOCATION, value);
            }
            Err(_) => {
                response
                    .headers_mut()
                    .insert(header::LOCATION, HeaderValue::from_static(redirect::DEFAULT_TARGET));
            }
        }
    }
    response
}

/// Refuses state-changing requests that a browser says come from another site.
pub async fn refuse_cross_site_writes(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The one-click unsubscribe of an email (RFC 8058) comes from mail programs, from
    // anywhere: its signed link authorises it, and it can only send someone less mail.
    let one_click_unsubscribe = request.method() == Method::POST && request.uri().path() == "/unsubscribe";
    if !safe && !one_click_unsubscribe && is_cross_site(&request) {
        tracing::info!(path = request.uri().path(), "cross-site write refused");
        return forbidden();
    }
    next.run(request).await
}

fn is_cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is a navigation the user typed; "same-origin" is this site.
        if site != "same-origin" && site != "none" {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/'));
    match (origin_host, host) {
        (Some(origin_host), Some(host)) => !origin_host.eq_ignore_ascii_case(host),
        _ => true,
    }
}

/// `403` with the site's error and its stable code (`forbidden`).
pub fn forbidden() -> Response {
    let body = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

/// Server functions answer every error with 500; the application error inside says
/// which status it really is (401, 403, 404, 422, 429…). A plain form post that was
/// refused stays the redirect back to the form. Either way a rate limit says when to try
/// again (`Retry-After`).
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, Body::empty()).into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        if parts.status == StatusCode::INTERNAL_SERVER_ERROR {
            parts.status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        }
        if let Some(seconds) = error.retry_after() {
            parts.headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
