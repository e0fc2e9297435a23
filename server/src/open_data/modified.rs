//! `Last-Modified` for every answer that carries an entity tag, and `304` for a client
//! that asks `If-Modified-Since` without a tag.
//!
//! Many facts the API shows change without a date moving (a vote, a display name, a
//! comment hidden), so no column says when an answer last changed. The server says what
//! it saw instead: the second after it first served an answer's current bytes under that
//! address. That date is never earlier than the change, so a client is never told
//! "unchanged" for bytes it does not hold. When a client sends both validators, the tag
//! decides, as RFC 9110 asks.
//!
//! Each server keeps its own times, and knows only the answers it served: behind several
//! servers, the tag (which is the same on all of them) is the validator to rely on.

use super::OpenData;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderMap, HeaderValue};
use http::{Method, StatusCode};
use moka::sync::Cache;
use std::time::{Duration, SystemTime};

/// How many addresses' times are kept; an address forgotten is dated from its next answer
/// (later than the truth, never earlier).
const ADDRESSES: u64 = 20_000;
/// An address no one asked for this long is forgotten.
const IDLE: Duration = Duration::from_secs(6 * 3600);

/// For each address, the entity tag last served and since when it has been served.
#[derive(Clone)]
pub struct Observed(Cache<String, (HeaderValue, SystemTime)>);

impl Default for Observed {
    fn default() -> Observed {
        Observed(Cache::builder().max_capacity(ADDRESSES).time_to_idle(IDLE).build())
    }
}

impl Observed {
    /// Since when `etag` has been the answer at `address`, as of `now`.
    fn since(&self, address: &str, etag: &HeaderValue, now: SystemTime) -> SystemTime {
        self.0
            .entry(address.to_owned())
            .and_compute_with(|held| match held.map(moka::Entry::into_value) {
                Some((tag, _)) if tag == etag => moka::ops::compute::Op::Nop,
                _ => moka::ops::compute::Op::Put((etag.clone(), now)),
            })
            .into_entry()
            .map_or(now, |entry| entry.into_value().1)
    }
}

/// The date an answer first served at `since` may carry, once that date has come: HTTP
/// dates have whole seconds, and the whole second after `since` is the first one no
/// earlier answer of the address can have been dated with. Too fresh an answer goes
/// undated, as a date later than the answer's own may not be sent (RFC 9110, 8.8.2.1).
fn date(since: SystemTime, now: SystemTime) -> Option<SystemTime> {
    let seconds = since
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(seconds + 1);
    (date <= now).then_some(date)
}

/// Dates the answer, and turns it into `304` when the client's copy is as recent.
pub async fn dated(State(api): State<OpenData>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD);
    let address = request.uri().to_string();
    let asked = if_modified_since(request.headers());
    let mut response = next.run(request).await;
    let answered = matches!(response.status(), StatusCode::OK | StatusCode::NOT_MODIFIED);
    let Some(etag) = response.headers().get(header::ETAG).cloned() else {
        return response;
    };
    if !safe || !answered {
        return response;
    }
    let now = SystemTime::now();
    let Some(date) = date(api.observed.since(&address, &etag, now), now) else {
        return response;
    };
    if response.status() == StatusCode::OK && asked.is_some_and(|asked| date <= asked) {
        let mut unchanged = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(value) = response.headers().get(&name) {
                unchanged.headers_mut().insert(name, value.clone());
            }
        }
        response = unchanged;
    }
    if let Ok(value) = HeaderValue::from_str(&httpdate::fmt_http_date(date)) {
        response.headers_mut().insert(header::LAST_MODIFIED, value);
    }
    response
}

/// The client's date, unless it also sent a tag (which then decides alone).
fn if_modified_since(headers: &HeaderMap) -> Option<SystemTime> {
    if headers.contains_key(header::IF_NONE_MATCH) {
        return None;
    }
    let value = headers.get(header::IF_MODIFIED_SINCE)?.to_str().ok()?;
    httpdate::parse_http_date(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> HeaderValue {
        HeaderValue::from_str(text).expect("a header value")
    }

    fn at(millis: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_millis(millis)
    }

    #[test]
    fn an_unchanged_answer_keeps_the_time_it_was_first_served() {
        let observed = Observed::default();
        assert_eq!(observed.since("/api/v1/themes", &tag("\"a\""), at(1_000)), at(1_000));
        assert_eq!(observed.since("/api/v1/themes", &tag("\"a\""), at(91_000)), at(1_000));
    }

    #[test]
    fn an_answer_that_comes_back_is_dated_anew_as_a_client_may_hold_the_one_between() {
        let observed = Observed::default();
        observed.since("/api/v1/ideas", &tag("\"a\""), at(1_000));
        assert_eq!(observed.since("/api/v1/ideas", &tag("\"b\""), at(2_500)), at(2_500));
        assert_eq!(observed.since("/api/v1/ideas", &tag("\"a\""), at(4_000)), at(4_000));
    }

    #[test]
    fn each_address_has_its_own_time() {
        let observed = Observed::default();
        observed.since("/api/v1/ideas?limit=1", &tag("\"a\""), at(1_000));
        assert_eq!(
            observed.since("/api/v1/ideas?limit=2", &tag("\"a\""), at(8_000)),
            at(8_000)
        );
    }

    #[test]
    fn an_answer_is_dated_from_the_next_whole_second_once_it_has_come() {
        assert_eq!(date(at(10_300), at(10_900)), None, "not before that second");
        assert_eq!(date(at(10_300), at(11_000)), Some(at(11_000)));
        assert_eq!(
            date(at(12_000), at(12_999)),
            None,
            "a whole second is dated from the next one too"
        );
    }

    #[test]
    fn an_answer_replaced_within_its_second_was_never_sent_with_a_date() {
        // Served from 10.0 s, replaced at 10.4 s: until then its date (11 s) had not come,
        // so only the answer that replaced it is ever dated 11 s.
        assert_eq!(date(at(10_000), at(10_399)), None);
        assert_eq!(date(at(10_400), at(11_000)), Some(at(11_000)));
    }

    #[test]
    fn a_date_is_ignored_when_a_tag_is_sent() {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MODIFIED_SINCE, tag("Sun, 06 Nov 1994 08:49:37 GMT"));
        assert!(if_modified_since(&headers).is_some());
        headers.insert(header::IF_NONE_MATCH, tag("\"x\""));
        assert_eq!(if_modified_since(&headers), None);
    }
}
