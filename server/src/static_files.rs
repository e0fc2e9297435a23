//! How the browser bundle and the pages travel: files whose name carries their content's
//! hash are cached for a year and never asked for again; other static files are checked
//! before reuse; pages and server-function answers are compressed on the way out.
//!
//! The bundle itself is compressed once, at build time (`cargo leptos build --release
//! --precompress` writes `.br` and `.gz` beside each file); the file handler sends the
//! variant the browser accepts. The messages of each language (`messages`) are served
//! from the server's memory under a hashed name too, compressed on the way out.

use agora_app::i18n::{self, Locale};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
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

/// Compresses pages and JSON answers for browsers that accept it. The bundle is left to
/// its precompressed files: compressing megabytes of wasm per request would cost far
/// more than it saves.
pub fn compression() -> CompressionLayer<impl Predicate> {
    let textual = |_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.starts_with("text/html") || v.starts_with("application/json") || v.starts_with("text/plain")
            })
    };
    // Quality 5: most of brotli's gain on small pages at a fraction of its top level's
    // cost (gzip at level 5 likewise).
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(5))
        .compress_when(SizeAbove::new(512).and(textual))
}

/// The messages of each language for the browser, at `/pkg/fr.HASH.ftl` and the like
/// (`agora_app::i18n::messages_file`). A page names its own language's: the bundle holds
/// none, so a visit fetches one language, not three.
pub fn messages<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Locale::ALL.into_iter().fold(Router::new(), |router, locale| {
        router.route(
            &format!("/pkg/{}", i18n::messages_file(locale)),
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    i18n::messages_source(locale),
                )
            }),
        )
    })
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
