//! What someone typed into a plain (no-JavaScript) form that was refused, kept for the
//! page the browser is sent back to.
//!
//! A signed-in account keeps it in its session, which exists anyway. A visitor without
//! one (sign-in, registration) keeps it in a short-lived cookie, encrypted and
//! authenticated with a key of the server's (`keys::Keys::form_cookie`) and a few KB at
//! most: an anonymous request never makes the server store anything, and never creates a
//! session.

use crate::form_memory::FormMemory;
use cookie::{Cookie, CookieJar, SameSite};
use http::header::{HeaderValue, COOKIE, SET_COOKIE};
use http::HeaderMap;

pub const COOKIE_NAME: &str = "agora_form";

/// Each kept value is cut to this many bytes: longer than any field of the anonymous
/// forms needs (an email address is at most 254).
pub const MAX_VALUE_BYTES: usize = 320;

/// Past this, the memory is not kept at all: the cookie, encrypted and encoded, stays
/// well under the 4 KB a browser keeps per cookie.
pub const MAX_MEMORY_BYTES: usize = 2048;

/// How long the cookie lives: the answer to the refused post comes at once.
const MAX_AGE_SECONDS: i64 = 10 * 60;

/// `memory` with every value cut to `MAX_VALUE_BYTES` (at a character boundary).
pub fn capped(mut memory: FormMemory) -> FormMemory {
    for value in memory.values.values_mut() {
        if value.len() > MAX_VALUE_BYTES {
            let mut end = MAX_VALUE_BYTES;
            while !value.is_char_boundary(end) {
                end -= 1;
            }
            value.truncate(end);
        }
    }
    memory
}

/// The `Set-Cookie` value that keeps `memory` for the next page, or `None` when even cut
/// it is too big to keep.
pub fn cookie_for(memory: FormMemory, key: &cookie::Key, secure: bool) -> Option<HeaderValue> {
    let json = serde_json::to_string(&capped(memory)).ok()?;
    if json.len() > MAX_MEMORY_BYTES {
        return None;
    }
    let mut jar = CookieJar::new();
    jar.private_mut(key).add(
        Cookie::build((COOKIE_NAME, json))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .max_age(cookie::time::Duration::seconds(MAX_AGE_SECONDS)),
    );
    let sealed = jar.get(COOKIE_NAME)?;
    HeaderValue::from_str(&sealed.encoded().to_string()).ok()
}

/// The `Set-Cookie` value that removes the kept memory.
pub fn removal(secure: bool) -> HeaderValue {
    let cookie = Cookie::build((COOKIE_NAME, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO);
    HeaderValue::from_str(&cookie.build().encoded().to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The memory the request's cookie carries, if it is one this server sealed.
pub fn from_request(headers: &HeaderMap, key: &cookie::Key) -> Option<FormMemory> {
    let sealed = request_cookies(headers).find(|c| c.name() == COOKIE_NAME)?;
    let mut jar = CookieJar::new();
    jar.add_original(sealed);
    let opened = jar.private(key).get(COOKIE_NAME)?;
    serde_json::from_str(opened.value()).ok()
}

/// Whether the request carries a kept-input cookie.
pub fn carried_by(headers: &HeaderMap) -> bool {
    request_cookies(headers).any(|c| c.name() == COOKIE_NAME)
}

/// The cookies of a request, read the way the session layer reads them (tower-cookies:
/// each `;`-separated piece percent-decoded by the `cookie` crate), so that what one part
/// of the server takes for a session cookie every other part does too.
pub fn request_cookies(headers: &HeaderMap) -> impl Iterator<Item = Cookie<'static>> + '_ {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| std::str::from_utf8(value.as_bytes()).ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|piece| Cookie::parse_encoded(piece.to_owned()).ok())
}

/// Appends `value` as a `Set-Cookie` of the current answer.
pub fn set_on_response(value: HeaderValue) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn memory(value: &str) -> FormMemory {
        FormMemory {
            form: "sign_in".into(),
            values: BTreeMap::from([("email".to_owned(), value.to_owned())]),
        }
    }

    fn request_with(set_cookie: &HeaderValue) -> HeaderMap {
        let pair = set_cookie
            .to_str()
            .expect("ascii")
            .split(';')
            .next()
            .expect("pair")
            .to_owned();
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, HeaderValue::from_str(&pair).expect("header"));
        headers
    }

    #[test]
    fn what_was_typed_comes_back_from_the_cookie() {
        let key = cookie::Key::generate();
        let set = cookie_for(memory("ana@example.be"), &key, false).expect("kept");
        assert_eq!(from_request(&request_with(&set), &key), Some(memory("ana@example.be")));
    }

    #[test]
    fn the_cookie_does_not_show_what_was_typed() {
        let key = cookie::Key::generate();
        let set = cookie_for(memory("ana@example.be"), &key, false).expect("kept");
        assert!(!set.to_str().expect("ascii").contains("ana"));
    }

    #[test]
    fn a_cookie_sealed_with_another_key_or_changed_is_ignored() {
        let set = cookie_for(memory("ana@example.be"), &cookie::Key::generate(), false).expect("kept");
        assert_eq!(from_request(&request_with(&set), &cookie::Key::generate()), None);
        let key = cookie::Key::generate();
        let set = cookie_for(memory("ana@example.be"), &key, false).expect("kept");
        let tampered = set.to_str().expect("ascii").replacen('=', "=A", 1);
        let tampered = HeaderValue::from_str(&tampered).expect("header");
        assert_eq!(from_request(&request_with(&tampered), &key), None);
    }

    #[test]
    fn a_huge_value_is_cut_and_the_cookie_stays_small() {
        let key = cookie::Key::generate();
        let set = cookie_for(memory(&"é".repeat(100_000)), &key, true).expect("kept");
        assert!(set.len() < 4096, "{} bytes", set.len());
        let kept = from_request(&request_with(&set), &key).expect("readable");
        assert!(kept.values["email"].len() <= MAX_VALUE_BYTES);
        assert!(set.to_str().expect("ascii").contains("Secure"));
    }

    #[test]
    fn a_session_cookie_is_recognised_however_its_name_is_spelled() {
        for header in [
            "agora_session=x",
            "agora%5Fsession=x",
            "agora_session =x",
            "a=b; agora_session=x",
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(COOKIE, HeaderValue::from_static(header));
            assert!(
                request_cookies(&headers).any(|c| c.name() == "agora_session"),
                "{header}"
            );
        }
    }
}
