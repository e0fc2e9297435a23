//! Pages sent in zstd by a compression context each thread keeps.
//!
//! tower-http's compression layer (`static_files::compression`) makes a new zstd context
//! for every answer: allocating it and clearing its tables cost about 70,000
//! instructions, a seventeenth of an idea's page (README, **Speed**). A context that is
//! kept clears nothing when it starts a new page, and a page compressed whole tells zstd
//! its size, which it sizes its tables and window by. So a page the browser takes in
//! zstd (every browser that takes zstd) is compressed here, by the thread's context, and
//! everything else is left to tower-http's layer outside, which leaves an answer already
//! encoded as it is: other encodings, JSON answers, files.
//!
//! Pages are rendered whole before they are sent (`SsrMode::Async`), so reading the body
//! whole holds nothing a page did not already hold.

use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{self, HeaderMap, HeaderValue};
use http::StatusCode;
use std::cell::RefCell;

/// zstd's fastest level, as tower-http's layer uses for the other answers.
const LEVEL: i32 = 1;

/// Below this many bytes, a page goes as it is, as tower-http's layer does (its
/// `SizeAbove(512)`): the frame would save nothing worth a context.
const MIN_BYTES: usize = 512;

thread_local! {
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// Compresses the page in zstd when the browser prefers it; any other answer passes
/// through untouched.
pub async fn layer(request: Request, next: Next) -> Response {
    let wanted = prefers_zstd(request.headers());
    let response = next.run(request).await;
    if !wanted || !is_page(&response) {
        return response;
    }
    let (mut parts, bytes) = match crate::static_files::read_whole(response, "compression").await {
        Ok(whole) => whole,
        Err(failed) => return failed,
    };
    if bytes.len() < MIN_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let compressed = match compress(&bytes) {
        Ok(compressed) => compressed,
        Err(e) => {
            // The page still goes, as it is: the browser reads it either way.
            tracing::warn!(error = %e, "a page could not be compressed");
            return Response::from_parts(parts, Body::from(bytes));
        }
    };
    let headers = &mut parts.headers;
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::ACCEPT_RANGES);
    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("zstd"));
    if !varies_by_encoding(headers) {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Response::from_parts(parts, Body::from(compressed))
}

/// An HTML page with a body, not already encoded, not a range.
fn is_page(response: &Response) -> bool {
    let headers = response.headers();
    !matches!(response.status(), StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !headers.contains_key(header::CONTENT_RANGE)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
}

fn varies_by_encoding(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|name| name.trim().eq_ignore_ascii_case("accept-encoding") || name.trim() == "*")
}

fn compress(page: &[u8]) -> std::io::Result<Vec<u8>> {
    COMPRESSOR.with(|kept| {
        let mut kept = kept.borrow_mut();
        let compressor = match kept.as_mut() {
            Some(compressor) => compressor,
            None => kept.insert(zstd::bulk::Compressor::new(LEVEL)?),
        };
        compressor.compress(page)
    })
}

/// Whether tower-http's layer would choose zstd for these request headers: the coding
/// with the highest weight wins, zstd first among equals; codings it does not make
/// (deflate is not built in), and codings whose weight cannot be read, do not count (as
/// in `tower_http`'s `content_encoding`). Kept the same so that a browser gets the same
/// encoding from either path.
fn prefers_zstd(headers: &HeaderMap) -> bool {
    let mut zstd = 0;
    let mut others = 0;
    let accepted = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for coding in accepted {
        let (name, weight) = coding.split_once(';').unwrap_or((coding, ""));
        let name = name.trim();
        let Some(weight) = (if weight.is_empty() {
            Some(1000)
        } else {
            weight_of(weight.trim())
        }) else {
            continue;
        };
        if name.eq_ignore_ascii_case("zstd") {
            zstd = zstd.max(weight);
        } else if ["gzip", "x-gzip", "br", "identity"]
            .iter()
            .any(|known| name.eq_ignore_ascii_case(known))
        {
            others = others.max(weight);
        }
    }
    zstd > 0 && zstd >= others
}

/// A weight (`q=0.8`) in thousandths, `None` when it is not one: at most three decimals,
/// at most 1.
fn weight_of(text: &str) -> Option<u16> {
    let value = text.strip_prefix("q=").or_else(|| text.strip_prefix("Q="))?;
    let (units, decimals) = value.split_once('.').unwrap_or((value, ""));
    let units: u16 = match units {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    if decimals.len() > 3 || !decimals.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction = decimals
        .bytes()
        .zip([100, 10, 1])
        .map(|(digit, factor)| u16::from(digit - b'0') * factor)
        .sum::<u16>();
    Some(units + fraction).filter(|weight| *weight <= 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).expect("a header value"),
            );
        }
        headers
    }

    #[test]
    fn what_chrome_and_firefox_send_prefers_zstd() {
        assert!(prefers_zstd(&accepting(&["gzip, deflate, br, zstd"])));
        assert!(prefers_zstd(&accepting(&["ZSTD"])));
        assert!(prefers_zstd(&accepting(&["gzip", "zstd"])));
    }

    #[test]
    fn without_zstd_or_with_it_refused_the_page_is_left_to_the_other_encodings() {
        assert!(!prefers_zstd(&HeaderMap::new()));
        assert!(!prefers_zstd(&accepting(&["gzip, deflate, br"])));
        assert!(!prefers_zstd(&accepting(&["br, zstd;q=0"])));
        assert!(!prefers_zstd(&accepting(&["zstd;q=0.000"])));
    }

    #[test]
    fn a_coding_weighed_higher_than_zstd_wins() {
        assert!(!prefers_zstd(&accepting(&["zstd;q=0.5, br"])));
        assert!(!prefers_zstd(&accepting(&["zstd;q=0.9, identity"])));
        assert!(prefers_zstd(&accepting(&["zstd;q=0.5, br;q=0.5"])));
        assert!(prefers_zstd(&accepting(&["zstd, br;q=0.999"])));
    }

    #[test]
    fn unknown_codings_and_unreadable_weights_do_not_count() {
        assert!(prefers_zstd(&accepting(&["zstd;q=0.5, compress, *"])));
        assert!(prefers_zstd(&accepting(&["zstd;q=0.5, deflate"])));
        assert!(prefers_zstd(&accepting(&["zstd;q=0.5, br;q=2"])));
        assert!(prefers_zstd(&accepting(&["zstd;q=0.5, br;q=0.5000"])));
        assert!(!prefers_zstd(&accepting(&["zstd;q=high"])));
        assert!(!prefers_zstd(&accepting(&["zstd;q=1.5"])));
    }

    #[test]
    fn weights_read_up_to_three_decimals() {
        assert_eq!(weight_of("q=1"), Some(1000));
        assert_eq!(weight_of("q=1.000"), Some(1000));
        assert_eq!(weight_of("Q=0.25"), Some(250));
        assert_eq!(weight_of("q=0.125"), Some(125));
        assert_eq!(weight_of("q=0."), Some(0));
        assert_eq!(weight_of("q=1.001"), None);
        assert_eq!(weight_of("q=0.1234"), None);
        assert_eq!(weight_of("q=.5"), None);
        assert_eq!(weight_of("q = 0.5"), None);
    }

    #[test]
    fn a_kept_context_compresses_one_page_after_another_each_readable_alone() {
        let first = "<p>une idée pour le quartier</p>".repeat(40);
        let second = "<p>een idee voor de buurt</p>".repeat(60);
        for page in [&first, &second, &first] {
            let compressed = compress(page.as_bytes()).expect("compressed");
            assert!(compressed.len() < page.len() / 4);
            let decoded = zstd::stream::decode_all(compressed.as_slice()).expect("a zstd frame");
            assert_eq!(decoded, page.as_bytes());
        }
    }
}
