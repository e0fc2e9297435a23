//! How the browser bundle and the pages travel: files whose name carries their content's
//! hash are cached for a year and never asked for again; other static files are checked
//! before reuse; pages and server-function answers are compressed on the way out (pages
//! in zstd by `page_zstd`, the rest here).
//!
//! The bundle itself is compressed once, at build time (`cargo leptos build --release
//! --precompress` writes `.br` and `.gz` beside each file); the file handler sends the
//! variant the browser accepts. The messages of each language (`messages`) are served
//! from the server's memory under a hashed name too, compressed on the way out.

use agora_app::i18n::{self, Locale};
use axum::body::{to_bytes, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::header::{self, HeaderMap, HeaderValue};
use http::{Extensions, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// The length of the hash cargo-leptos puts in a file's name: an MD5 digest in unpadded
/// URL-safe base64.
const HASH_LEN: usize = 22;

/// Whether `name` is `stem.HASH.extension`, as cargo-leptos names the files it hashes.
pub fn is_hashed_name(name: &str) -> bool {
    let mut parts = name.rsplitn(3, '.');
    let (Some(_extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !stem.is_empty()
        && hash.len() == HASH_LEN
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Sets how long a browser may reuse a file of the bundle (`/pkg/…`).
pub async fn cache_policy(request: Request, next: Next) -> Response {
    let name = request
        .uri()
        .path()
        .strip_prefix("/pkg/")
        .filter(|rest| !rest.contains('/'))
        .map(str::to_owned);
    let mut response = next.run(request).await;
    if let Some(name) = name {
        if response.status() == StatusCode::OK || response.status() == StatusCode::NOT_MODIFIED {
            let policy = if is_hashed_name(&name) {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            let headers = response.headers_mut();
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
            // The same address answers in several encodings: a shared cache must keep
            // them apart.
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    response
}

/// A response read whole, for layers that keep or re-encode a page; a body that fails
/// while being read becomes a 500, its cause logged with `reason`.
pub(crate) async fn read_whole(
    response: Response,
    reason: &'static str,
) -> Result<(http::response::Parts, Bytes), Response> {
    let (parts, body) = response.into_parts();
    match to_bytes(body, usize::MAX).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(e) => {
            tracing::warn!(error = %e, reason, "a page body failed while being read");
            Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

/// Compresses pages and JSON answers for browsers that accept it, at the encoders'
/// fastest levels. The bundle is left to its precompressed files: compressing megabytes
/// of wasm per request would cost far more than it saves.
pub fn compression() -> CompressionLayer<impl Predicate> {
    let textual = |_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.starts_with("text/html") || v.starts_with("application/json") || v.starts_with("text/plain")
            })
    };
    // Every page is compressed anew (a page from the page cache too: each carries a nonce
    // of its own), so this is paid on every request a browser makes. Measured on a list
    // page of 22 KB (README, "Speed"): brotli at quality 5 cost 5.3 M instructions, more
    // than twice the page's rendering; zstd at level 1 costs 0.6 M for 5.8 KB instead of
    // 4.9. zstd is preferred when accepted (Chrome, Firefox); browsers without it get
    // brotli at quality 0 (1.7 M, 6.1 KB) or gzip at level 1. Pages for browsers that
    // prefer zstd are compressed before they reach this layer (`page_zstd`, with a context
    // each thread keeps), which leaves them as they are.
    CompressionLayer::new()
        .zstd(true)
        .quality(CompressionLevel::Fastest)
        .compress_when(SizeAbove::new(512).and(textual))
}

/// The messages of each language for the browser, at `/pkg/fr.HASH.ftl` and the like
/// (`agora_app::i18n::messages_file`). A page names its own language's: the bundle holds
/// none, so a visit fetches one language, not three.
///
/// A browser fetches them once and keeps them for a year (their name carries their
/// hash), so they are worth more work than a page: brotli at quality 5 (or gzip at 5)
/// sends the Dutch ones in 12.0 KB where the pages' fastest levels send 13.6–14.6 KB. The
/// pages' layer, outside, leaves an answer already encoded as it is.
pub fn messages<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let routes = Locale::ALL.into_iter().fold(Router::new(), |router, locale| {
        router.route(
            &format!("/pkg/{}", i18n::messages_file(locale)),
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    i18n::messages_source(locale),
                )
            }),
        )
    });
    routes.layer(
        CompressionLayer::new()
            .no_zstd()
            .no_deflate()
            .quality(CompressionLevel::Precise(5)),
    )
}

#[cfg(test)]
mod tests {
    use super::is_hashed_name;

    #[test]
    fn a_name_with_cargo_leptos_hash_counts_as_hashed() {
        assert!(is_hashed_name("agora.q7LDlWwMFZbyQZg6hh7nmQ.wasm"));
        assert!(is_hashed_name("agora.Zz-_0123456789abcdefgh.css"));
    }

    #[test]
    fn a_plain_or_oddly_named_file_does_not() {
        assert!(!is_hashed_name("agora.wasm"));
        assert!(!is_hashed_name("agora_bg.wasm"));
        assert!(!is_hashed_name(".q7LDlWwMFZbyQZg6hh7nmQ.wasm"));
        assert!(!is_hashed_name("agora.q7LDlWwMFZbyQZg6hh7nm.wasm"));
        assert!(!is_hashed_name("agora.q7LDlWwMFZbyQZg6hh7n/Q.wasm"));
    }
}
