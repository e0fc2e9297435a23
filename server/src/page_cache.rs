//! A micro-cache of the pages visitors without a session see.
//!
//! Rendering a list page costs about a millisecond of CPU, most of it in Leptos; at city
//! scale most readers are anonymous and read the same few lists. So for a short time
//! (`AGORA_PAGE_CACHE_MS`, a second by default) one rendering serves every visitor who
//! asks for the same address in the same language, and concurrent first requests wait
//! for one rendering instead of all rendering at once.
//!
//! What keeps it correct:
//! - only `GET` answers `200 text/html` without `Set-Cookie` (or `no-store`) are kept,
//!   and only for requests that carry no cookie but the language's (read with the
//!   session layer's own parser), so nobody is served a page made for someone else;
//! - every page carries a script nonce in its `Content-Security-Policy` and its HTML: a
//!   stored page is served with a fresh nonce each time (the old one is a random token,
//!   so replacing its bytes is exact), never the same nonce twice;
//! - any write transaction committed in this process empties the cache (`Db::writes`),
//!   so a change is seen at once on this server, and a request that changed nothing
//!   (a refused form, a read through a server function, a flood of nonsense posts)
//!   leaves it be; writes other servers of the same PostgreSQL database announce
//!   (`cluster`) empty it too.

use agora_app::ctx::cookie_value;
use agora_app::i18n::{Locale, LOCALE_COOKIE};
use agora_app::kept_input::request_cookies;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderMap, HeaderValue};
use http::{Method, StatusCode};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// Bounds on memory: a page bigger than this is not kept...
const MAX_PAGE_BYTES: usize = 1024 * 1024;
/// ...nor more than this in all (outdated pages count until they are swept)...
const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;
/// ...nor more pages than this...
const MAX_PAGES: usize = 4096;
/// ...nor an address longer than this (the key's bytes count towards `MAX_TOTAL_BYTES`).
const MAX_KEY_BYTES: usize = 2048;

pub struct PageCache {
    ttl: Duration,
    /// The database's count of committed write transactions (`Db::writes`)...
    writes: Arc<AtomicU64>,
    /// ...and of those other servers announced: a page rendered before the last write
    /// of either kind is outdated.
    heard: Arc<AtomicU64>,
    /// Tells the renderings of one address apart.
    next_rendering: AtomicU64,
    slots: Mutex<Slots>,
}

#[derive(Default)]
struct Slots {
    map: HashMap<Key, Slot>,
    bytes: usize,
    pages: usize,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    locale: Locale,
}

impl Key {
    /// What keeping this key costs, beside its page.
    fn bytes(&self) -> usize {
        self.path_and_query.len() + std::mem::size_of::<Key>()
    }
}

enum Slot {
    Ready(Arc<Page>),
    /// The last rendering could not be kept (a redirect, an error, a cookie): until it
    /// expires, requests for this address render without waiting for one another.
    Uncacheable {
        generation: u64,
        stored_at: Instant,
    },
    /// One request is rendering this address; the others wait until the sender drops.
    Rendering {
        id: u64,
        generation: u64,
        done: watch::Receiver<()>,
    },
}

struct Page {
    generation: u64,
    stored_at: Instant,
    headers: HeaderMap,
    /// The nonce the page was rendered with, if its policy has one.
    nonce: Option<String>,
    /// The body cut at every occurrence of the nonce.
    pieces: Vec<Bytes>,
    len: usize,
}

impl PageCache {
    /// `None` when `ttl_ms` is 0: the cache is off. `writes` and `heard` count the
    /// writes (this server's, the others') that make every stored page outdated.
    pub fn new(ttl_ms: u64, writes: Arc<AtomicU64>, heard: Arc<AtomicU64>) -> Option<Arc<PageCache>> {
        (ttl_ms > 0).then(|| {
            Arc::new(PageCache {
                ttl: Duration::from_millis(ttl_ms),
                writes,
                heard,
                next_rendering: AtomicU64::new(0),
                slots: Mutex::default(),
            })
        })
    }

    fn slots(&self) -> MutexGuard<'_, Slots> {
        // A panic while holding the lock leaves the map consistent enough: every change
        // to it is a single insert or remove.
        self.slots.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Makes every stored page outdated.
    pub fn invalidate(&self) {
        self.heard.fetch_add(1, Ordering::AcqRel);
    }

    /// Both counts only grow, so their sum changes with any write.
    fn generation(&self) -> u64 {
        self.writes
            .load(Ordering::Acquire)
            .wrapping_add(self.heard.load(Ordering::Acquire))
    }

    fn is_fresh(&self, page: &Page, generation: u64) -> bool {
        page.generation == generation && page.stored_at.elapsed() < self.ttl
    }

    /// Stores `page` in place of rendering `id`, when it still holds that place and the
    /// bounds allow; otherwise leaves the slot to whoever holds it now.
    fn store(&self, key: &Key, id: u64, page: Page) {
        let mut slots = self.slots();
        if !matches!(slots.map.get(key), Some(Slot::Rendering { id: held, .. }) if *held == id) {
            return;
        }
        let len = page.len + key.bytes();
        if slots.bytes + len > MAX_TOTAL_BYTES || slots.pages >= MAX_PAGES {
            self.sweep(&mut slots);
        }
        if slots.bytes + len > MAX_TOTAL_BYTES || slots.pages >= MAX_PAGES {
            slots.map.remove(key);
            return;
        }
        slots.bytes += len;
        slots.pages += 1;
        slots.map.insert(key.clone(), Slot::Ready(Arc::new(page)));
    }

    /// Remembers that rendering `id` could not be kept, when it still holds the place.
    fn store_uncacheable(&self, key: &Key, id: u64, generation: u64) {
        let mut slots = self.slots();
        if !matches!(slots.map.get(key), Some(Slot::Rendering { id: held, .. }) if *held == id) {
            return;
        }
        let len = key.bytes();
        if slots.bytes + len > MAX_TOTAL_BYTES || slots.pages >= MAX_PAGES {
            self.sweep(&mut slots);
        }
        if slots.bytes + len > MAX_TOTAL_BYTES || slots.pages >= MAX_PAGES {
            slots.map.remove(key);
            return;
        }
        slots.bytes += len;
        slots.pages += 1;
        let stored_at = Instant::now();
        slots
            .map
            .insert(key.clone(), Slot::Uncacheable { generation, stored_at });
    }

    /// Drops the pages that can no longer be served.
    fn sweep(&self, slots: &mut Slots) {
        let generation = self.generation();
        let (mut freed, mut dropped) = (0, 0);
        slots.map.retain(|key, slot| match slot {
            Slot::Ready(page) if !self.is_fresh(page, generation) => {
                freed += page.len + key.bytes();
                dropped += 1;
                false
            }
            Slot::Uncacheable {
                generation: made,
                stored_at,
            } if !(*made == generation && stored_at.elapsed() < self.ttl) => {
                freed += key.bytes();
                dropped += 1;
                false
            }
            _ => true,
        });
        slots.bytes -= freed;
        slots.pages -= dropped;
    }

    /// Puts `slot` in place of what `key` held, keeping the counts right.
    fn replace(slots: &mut Slots, key: &Key, slot: Slot) {
        match slots.map.insert(key.clone(), slot) {
            Some(Slot::Ready(old)) => {
                slots.bytes -= old.len + key.bytes();
                slots.pages -= 1;
            }
            Some(Slot::Uncacheable { .. }) => {
                slots.bytes -= key.bytes();
                slots.pages -= 1;
            }
            Some(Slot::Rendering { .. }) | None => {}
        }
    }
}

/// While it lives, this request renders `key` for the others; when it drops (the page
/// stored, not cacheable, or the client gone) the waiting requests wake up.
struct Rendering<'a> {
    cache: &'a PageCache,
    key: Key,
    id: u64,
    generation: u64,
    _done: watch::Sender<()>,
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        let mut slots = self.cache.slots();
        if matches!(slots.map.get(&self.key), Some(Slot::Rendering { id, .. }) if *id == self.id) {
            slots.map.remove(&self.key);
        }
    }
}

enum Lookup<'a> {
    Hit(Arc<Page>),
    Wait(watch::Receiver<()>),
    Render(Rendering<'a>),
    /// Render without the cache: this address is not cacheable for now, or someone
    /// renders it from before the last write.
    Bypass,
}

impl PageCache {
    fn lookup(&self, key: &Key, may_wait: bool) -> Lookup<'_> {
        let generation = self.generation();
        let mut slots = self.slots();
        match slots.map.get(key) {
            Some(Slot::Ready(page)) if self.is_fresh(page, generation) => return Lookup::Hit(page.clone()),
            Some(Slot::Uncacheable {
                generation: made,
                stored_at,
            }) if *made == generation && stored_at.elapsed() < self.ttl => return Lookup::Bypass,
            Some(Slot::Rendering {
                generation: started,
                done,
                ..
            }) => {
                return if *started == generation && may_wait {
                    Lookup::Wait(done.clone())
                } else {
                    Lookup::Bypass
                };
            }
            _ => {}
        }
        let id = self.next_rendering.fetch_add(1, Ordering::Relaxed);
        let (sender, receiver) = watch::channel(());
        Self::replace(
            &mut slots,
            key,
            Slot::Rendering {
                id,
                generation,
                done: receiver,
            },
        );
        Lookup::Render(Rendering {
            cache: self,
            key: key.clone(),
            id,
            generation,
            _done: sender,
        })
    }
}

fn counted(outcome: &'static str, response: Response) -> Response {
    metrics::counter!("agora_page_cache_total", "outcome" => outcome).increment(1);
    response
}

/// The middleware: `axum::middleware::from_fn_with_state(cache, page_cache::layer)`.
pub async fn layer(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let Some(key) = cache_key(&request) else {
        return next.run(request).await;
    };
    let rendering = match cache.lookup(&key, true) {
        Lookup::Hit(page) => return counted("hit", page.respond()),
        Lookup::Render(rendering) => rendering,
        Lookup::Bypass => return counted("bypass", next.run(request).await),
        Lookup::Wait(mut done) => {
            // Ends when the rendering request drops its sender, whatever happened to it.
            let _ = done.changed().await;
            match cache.lookup(&key, false) {
                Lookup::Hit(page) => return counted("hit", page.respond()),
                Lookup::Render(rendering) => rendering,
                Lookup::Wait(_) | Lookup::Bypass => return counted("bypass", next.run(request).await),
            }
        }
    };
    metrics::counter!("agora_page_cache_total", "outcome" => "miss").increment(1);
    let response = next.run(request).await;
    if !is_cacheable(&response) {
        cache.store_uncacheable(&rendering.key, rendering.id, rendering.generation);
        return response;
    }
    let (mut parts, bytes) = match crate::static_files::read_whole(response, "page cache").await {
        Ok(whole) => whole,
        Err(failed) => return failed,
    };
    // The body is whole now; let the server count it.
    parts.headers.remove(header::CONTENT_LENGTH);
    if bytes.len() > MAX_PAGE_BYTES {
        cache.store_uncacheable(&rendering.key, rendering.id, rendering.generation);
    } else {
        let nonce = nonce_of(&parts.headers);
        let page = Page {
            generation: rendering.generation,
            stored_at: Instant::now(),
            headers: parts.headers.clone(),
            pieces: split(&bytes, nonce.as_deref()),
            nonce,
            len: bytes.len(),
        };
        cache.store(&rendering.key, rendering.id, page);
    }
    drop(rendering);
    // This first answer keeps the nonce it was rendered with: it is its only use.
    Response::from_parts(parts, Body::from(bytes))
}

/// The key of a request the cache may answer, or `None`.
fn cache_key(request: &Request) -> Option<Key> {
    let uri = request.uri();
    let path = uri.path();
    // Server functions, static files and the health check are not pages (and the health
    // check is the benchmark's yardstick: it must not pay for the cache).
    if path.starts_with("/api/") || path.starts_with("/pkg/") || path == "/healthz" {
        return None;
    }
    // The answer to a refused form post may refill the form from the session.
    if uri.query().is_some_and(|q| q.contains("__err=")) {
        return None;
    }
    let headers = request.headers();
    // Only a visitor who carries no cookie of the site but the language's is anonymous
    // for sure: cookies are read with the parser the session layer uses, so no spelling
    // of the session cookie (`agora%5Fsession`, `agora_session =`) slips through.
    if request_cookies(headers).any(|c| c.name() != LOCALE_COOKIE) {
        return None;
    }
    let path_and_query = uri.path_and_query().map_or(path, |pq| pq.as_str());
    if path_and_query.len() > MAX_KEY_BYTES {
        return None;
    }
    let accept_language = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let locale = Locale::negotiate(cookie_value(headers, LOCALE_COOKIE).as_deref(), accept_language);
    Some(Key {
        path_and_query: path_and_query.to_owned(),
        locale,
    })
}

fn is_cacheable(response: &Response) -> bool {
    let headers = response.headers();
    let header_has = |name: header::HeaderName, what: &str| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.to_ascii_lowercase().contains(what))
    };
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
        && !header_has(header::CACHE_CONTROL, "no-store")
}

/// The script nonce in the page's Content-Security-Policy.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    (len > 0).then(|| policy[start..start + len].to_owned())
}

/// `body` cut at every occurrence of `nonce` (which is left out).
fn split(body: &Bytes, nonce: Option<&str>) -> Vec<Bytes> {
    let Some(nonce) = nonce.map(str::as_bytes) else {
        return vec![body.clone()];
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at + nonce.len() <= body.len() {
        if body[at] == nonce[0] && &body[at..at + nonce.len()] == nonce {
            pieces.push(body.slice(start..at));
            at += nonce.len();
            start = at;
        } else {
            at += 1;
        }
    }
    pieces.push(body.slice(start..));
    pieces
}

impl Page {
    /// The stored page with a nonce of its own.
    fn respond(&self) -> Response {
        let mut headers = self.headers.clone();
        let body = match &self.nonce {
            None => self.pieces.concat(),
            Some(old) => {
                let fresh = leptos::nonce::Nonce::new().to_string();
                let policy = headers
                    .get(header::CONTENT_SECURITY_POLICY)
                    .and_then(|v| v.to_str().ok())
                    .map(|policy| policy.replace(old.as_str(), &fresh))
                    .and_then(|policy| HeaderValue::from_str(&policy).ok());
                let Some(policy) = policy else {
                    // Cannot happen (it parsed when stored); never serve the old nonce.
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                };
                headers.insert(header::CONTENT_SECURITY_POLICY, policy);
                let mut body = Vec::with_capacity(self.len + 64);
                for (i, piece) in self.pieces.iter().enumerate() {
                    if i > 0 {
                        body.extend_from_slice(fresh.as_bytes());
                    }
                    body.extend_from_slice(piece);
                }
                body
            }
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_cut_at_every_nonce() {
        let body = Bytes::from_static(b"<script nonce=\"abc\">x</script><p>abcabc</p>abc");
        let pieces = split(&body, Some("abc"));
        assert_eq!(
            pieces,
            ["<script nonce=\"", "\">x</script><p>", "", "</p>", ""].map(|s| Bytes::from_static(s.as_bytes()))
        );
        assert_eq!(split(&body, None), std::slice::from_ref(&body));
    }

    fn page(len: usize) -> Page {
        Page {
            generation: 0,
            stored_at: Instant::now(),
            headers: HeaderMap::new(),
            nonce: None,
            pieces: vec![Bytes::from(vec![b'x'; len])],
            len,
        }
    }

    fn rendering(cache: &PageCache, key: &Key) -> u64 {
        match cache.lookup(key, false) {
            Lookup::Render(rendering) => {
                let id = rendering.id;
                std::mem::forget(rendering);
                id
            }
            _ => panic!("the key is new"),
        }
    }

    #[test]
    fn a_key_counts_towards_the_memory_bound() {
        let cache = PageCache::new(60_000, Arc::default(), Arc::default()).expect("on");
        let key = Key {
            path_and_query: format!("/ideas?q={}", "x".repeat(2000)),
            locale: Locale::En,
        };
        let id = rendering(&cache, &key);
        cache.store(&key, id, page(100));
        assert_eq!(cache.slots().bytes, 100 + key.bytes());
        assert!(key.bytes() > 2000);

        let uncacheable = Key {
            path_and_query: format!("/ideas?q={}", "y".repeat(1500)),
            locale: Locale::En,
        };
        let id = rendering(&cache, &uncacheable);
        cache.store_uncacheable(&uncacheable, id, 0);
        assert_eq!(cache.slots().bytes, 100 + key.bytes() + uncacheable.bytes());
        cache.invalidate();
        let mut slots = cache.slots();
        cache.sweep(&mut slots);
        assert_eq!((slots.bytes, slots.pages), (0, 0), "sweeping gives every byte back");
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; script-src 'nonce-Zx_9-a' 'strict-dynamic'"),
        );
        assert_eq!(nonce_of(&headers).as_deref(), Some("Zx_9-a"));
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'none'"),
        );
        assert_eq!(nonce_of(&headers), None);
    }
}
