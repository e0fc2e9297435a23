//! What a server function or a server-rendered page needs from the request: the
//! application state, the session and the signed-in account.

use crate::accounts::model::{Role, SessionUser};
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Action, Facts};
use axum::extract::FromRef;
use http::HeaderMap;
use leptos::config::LeptosOptions;
use leptos::prelude::*;
use std::sync::Arc;
use tower_sessions::Session;

/// Settings that server functions read.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Whether cookies carry `Secure` (the site is served over TLS).
    pub secure_cookies: bool,
    /// Open reports from this many accounts hide an idea or a comment until a moderator
    /// decides.
    pub report_threshold: i64,
    /// Reports from accounts younger than this do not count towards hiding an item.
    pub report_min_account_age_ms: i64,
    /// The hour of the day (in Brussels) digests go out at.
    pub digest_hour: i8,
    /// The licence and limits of the open data, for its page.
    pub open_data: crate::site::model::OpenDataTerms,
}

/// What every request shares, behind one pointer: axum clones a route's service, and the
/// state it holds, for every request, and `provide_context` clones it again.
#[derive(Clone)]
pub struct AppState(Arc<AppParts>);

impl AppState {
    pub fn new(parts: AppParts) -> AppState {
        AppState(Arc::new(parts))
    }
}

impl std::ops::Deref for AppState {
    type Target = AppParts;

    fn deref(&self) -> &AppParts {
        &self.0
    }
}

/// Leptos' routes read their options from the router's state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.leptos_options.clone()
    }
}

pub struct AppParts {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
    pub limits: Arc<crate::ratelimit::RateLimits>,
    /// The Program Office's figures read every vote of the last twelve months: computed at
    /// most once per `AGORA_DASHBOARD_CACHE_SECONDS` on each server.
    pub dashboard: Arc<crate::recent::Recent<crate::projects::model::DashboardFigures>>,
    /// Keys derived from the secret every server on this database shares.
    pub keys: Arc<crate::keys::Keys>,
    /// Where mail comes from and where its links lead.
    pub mail: Arc<crate::mail::compose::MailSettings>,
    /// Told when a message was put in the outbox, so that this server's worker sends it
    /// at once rather than at its next look.
    pub outbox: Arc<tokio::sync::Notify>,
}

const USER_ID_KEY: &str = "account_id";
const AUTH_VERSION_KEY: &str = "auth_version";
const ROLE_KEY: &str = "role";
const FORM_MEMORY_KEY: &str = "form_memory";
/// When the session's idle expiry last moved forward (unix seconds).
const KEPT_ALIVE_KEY: &str = "kept_alive_at";
/// An active session's expiry moves forward at most this often: each move writes the
/// session to the table.
const KEEP_ALIVE_EVERY_SECONDS: i64 = 60;

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// What `read` takes from the state, read in place: the parts most requests need are read
/// several times a page, and `state()` takes a counted reference each time.
fn with_state<R>(read: impl FnOnce(&AppState) -> R) -> AppResult<R> {
    with_context::<AppState, _>(read).ok_or_else(|| AppError::internal("AppState missing from context"))
}

pub fn db() -> AppResult<Db> {
    with_state(|state| state.db.clone())
}

pub fn mail_settings() -> AppResult<Arc<crate::mail::compose::MailSettings>> {
    with_state(|state| state.mail.clone())
}

/// Lets this server's mail worker know that a committed transaction put mail in the
/// outbox.
pub fn wake_outbox() {
    // Without a state there is no worker to wake.
    let _ = with_state(|state| state.outbox.notify_one());
}

pub async fn session() -> AppResult<Session> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal(format!("session layer missing: {e}")))
}

/// What one request has already learnt, so that the parts of a page that each ask for
/// the signed-in account read it once: provided afresh for every request.
#[derive(Clone, Default)]
pub struct RequestMemo {
    user: Arc<tokio::sync::Mutex<Option<Option<SessionUser>>>>,
    /// The signed-in account's unread notifications, read with the account.
    unread: Arc<std::sync::Mutex<Option<i64>>>,
}

impl RequestMemo {
    /// Forgets the account, after this request signed in or out.
    async fn forget_user(&self) {
        *self.user.lock().await = None;
        self.set_unread(None);
    }

    fn set_unread(&self, unread: Option<i64>) {
        if let Ok(mut known) = self.unread.lock() {
            *known = unread;
        }
    }
}

/// How many notifications of the signed-in account were unread when this request read
/// the account (`current_user`), if it did.
pub fn known_unread_notifications() -> Option<i64> {
    use_context::<RequestMemo>().and_then(|memo| memo.unread.lock().ok().and_then(|known| *known))
}

/// The signed-in account, if any, read once per request (see [`RequestMemo`]).
pub async fn current_user() -> AppResult<Option<SessionUser>> {
    let Some(memo) = use_context::<RequestMemo>() else {
        return read_current_user().await;
    };
    // Held while reading: parts of a page rendered at once wait for the first reader.
    let mut known = memo.user.lock().await;
    if let Some(user) = known.as_ref() {
        return Ok(user.clone());
    }
    let user = read_current_user().await?;
    *known = Some(user.clone());
    Ok(user)
}

async fn forget_current_user() {
    if let Some(memo) = use_context::<RequestMemo>() {
        memo.forget_user().await;
    }
}

/// The signed-in account, from the session and the account's row. A session whose
/// account was deleted or whose password changed since sign-in no longer authenticates;
/// after a role change the session continues under a new id.
async fn read_current_user() -> AppResult<Option<SessionUser>> {
    let session = session().await?;
    let Some(id) = session.get::<i64>(USER_ID_KEY).await.map_err(AppError::internal)? else {
        return Ok(None);
    };
    let version = session
        .get::<i64>(AUTH_VERSION_KEY)
        .await
        .map_err(AppError::internal)?
        .unwrap_or_default();
    let db = db()?;
    // A page shows the account with its unread count, a call that shows nothing (a vote)
    // the account alone: both as kept for a few seconds, which every change of either
    // forgets (`accounts::store::signed_in`, `session_user_kept`).
    let user = if answers_a_server_function() {
        crate::accounts::store::session_user_kept(&db, id).await?
    } else {
        crate::accounts::store::signed_in(&db, id).await?.map(|(user, unread)| {
            if let Some(memo) = use_context::<RequestMemo>() {
                memo.set_unread(Some(unread));
            }
            user
        })
    };
    match user {
        Some(user) if user.auth_version == version => {
            let role = session.get::<Role>(ROLE_KEY).await.map_err(AppError::internal)?;
            if role != Some(user.role) {
                session.cycle_id().await.map_err(AppError::internal)?;
                session.insert(ROLE_KEY, user.role).await.map_err(AppError::internal)?;
            }
            keep_alive(&session).await?;
            Ok(Some(user))
        }
        _ => {
            session.flush().await.map_err(AppError::internal)?;
            Ok(None)
        }
    }
}

/// Whether this request calls a server function (`/api/…`) rather than asking for a page.
fn answers_a_server_function() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| parts.uri.path().starts_with("/api/"))
}

/// Moves the session's idle expiry forward, at most once a minute: a session that is
/// changed is saved with a new expiry (and its cookie sent again), one that is only read
/// is not.
async fn keep_alive(session: &Session) -> AppResult<()> {
    let now = crate::db::now_ms() / 1000;
    let last = session
        .get::<i64>(KEPT_ALIVE_KEY)
        .await
        .map_err(AppError::internal)?
        .unwrap_or_default();
    if now - last >= KEEP_ALIVE_EVERY_SECONDS {
        session.insert(KEPT_ALIVE_KEY, now).await.map_err(AppError::internal)?;
    }
    Ok(())
}

/// The signed-in account if `policy::decide` lets it do `action` on what `facts`
/// describe; else the refusal (401 for a visitor, 403 `forbidden`, `blocked` or
/// `hidden`), logged and audited. For every action that needs someone signed in.
pub async fn authorize(action: Action, facts: &Facts) -> AppResult<SessionUser> {
    let user = current_user().await?;
    permit(user.as_ref(), action, facts)?;
    user.ok_or_else(|| refused(AppError::Unauthenticated, None, action))
}

/// `authorize` without a log line or an audit entry: for what every page view asks,
/// visitors' included.
pub async fn authorize_quietly(action: Action, facts: &Facts) -> AppResult<SessionUser> {
    let user = current_user().await?;
    policy::decide(user.as_ref().map(SessionUser::actor).as_ref(), action, facts)?;
    user.ok_or(AppError::Unauthenticated)
}

/// Whether `user` (`None`: a visitor) may do `action` on what `facts` describe; a
/// refusal is logged and audited like `authorize`'s.
pub fn permit(user: Option<&SessionUser>, action: Action, facts: &Facts) -> AppResult<()> {
    let actor = user.map(SessionUser::actor);
    policy::decide(actor.as_ref(), action, facts).map_err(|refusal| refused(refusal.into(), user, action))
}

/// Refused authorisations are audited (without personal data) and logged. An account
/// that keeps calling what it may not is answered 429 past `REFUSALS_PER_ACCOUNT`, and
/// those calls are not audited again: refusals cannot flood the database with writes.
fn refused(error: AppError, user: Option<&SessionUser>, action: Action) -> AppError {
    // The audit names the server function refused (what was tried), the log the policy's
    // action too; a page rendered on the server has no function's name.
    let endpoint =
        use_context::<http::request::Parts>().and_then(|p| p.uri.path().strip_prefix("/api/").map(str::to_owned));
    let what = endpoint.unwrap_or_else(|| action.code().to_owned());
    tracing::info!(
        account = user.map(|u| u.id),
        action = action.code(),
        endpoint = what,
        code = error.code(),
        "refused"
    );
    if let (Some(user), Ok(limits)) = (user, limits()) {
        if let Err(wait) = limits.refusals_per_account.hit(crate::ratelimit::key(&user.id)) {
            return wait.into();
        }
    }
    if let (Some(user), Ok(db)) = (user, db()) {
        let actor = user.id;
        tokio::spawn(async move {
            if let Err(e) = crate::audit::store::record_refusal(&db, actor, &what).await {
                tracing::warn!(error = %e, "could not audit a refusal");
            }
        });
    }
    error
}

/// Starts an authenticated session under a fresh id.
pub async fn sign_in_session(user: &SessionUser) -> AppResult<()> {
    forget_current_user().await;
    let session = session().await?;
    session.cycle_id().await.map_err(AppError::internal)?;
    session.insert(ROLE_KEY, user.role).await.map_err(AppError::internal)?;
    session.insert(USER_ID_KEY, user.id).await.map_err(AppError::internal)?;
    session
        .insert(AUTH_VERSION_KEY, user.auth_version)
        .await
        .map_err(AppError::internal)?;
    session
        .insert(KEPT_ALIVE_KEY, crate::db::now_ms() / 1000)
        .await
        .map_err(AppError::internal)?;
    session
        .remove_value(FORM_MEMORY_KEY)
        .await
        .map_err(AppError::internal)?;
    let carried_kept_input =
        use_context::<http::request::Parts>().is_some_and(|p| crate::kept_input::carried_by(&p.headers));
    if carried_kept_input {
        crate::kept_input::set_on_response(crate::kept_input::removal(state()?.settings.secure_cookies));
    }
    Ok(())
}

/// Destroys the session on the server and expires the cookie.
pub async fn sign_out_session() -> AppResult<()> {
    forget_current_user().await;
    session().await?.flush().await.map_err(AppError::internal)
}

/// The value of cookie `name` in the request headers, read as the session layer reads
/// cookies.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    crate::kept_input::request_cookies(headers)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// True when the caller is a plain HTML form (no JavaScript): it will be redirected
/// back to the form, so what it typed must be remembered for the next page.
fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::ACCEPT).cloned())
        .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
        .unwrap_or(false)
}

/// Keeps what the user typed (never passwords) for the page the browser is sent back
/// to after a refused plain form post: in the session of a signed-in account, in a small
/// encrypted cookie for a visitor (see `kept_input`). With JavaScript the form never
/// leaves the page.
async fn remember_input(form: &str, values: &[(&str, &str)]) {
    if !is_plain_form_post() {
        return;
    }
    let memory = crate::form_memory::FormMemory {
        form: form.to_owned(),
        values: values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
    };
    let outcome = async {
        if current_user().await?.is_some() {
            session()
                .await?
                .insert(FORM_MEMORY_KEY, memory)
                .await
                .map_err(AppError::internal)
        } else {
            let state = state()?;
            if let Some(cookie) =
                crate::kept_input::cookie_for(memory, &state.keys.form_cookie, state.settings.secure_cookies)
            {
                crate::kept_input::set_on_response(cookie);
            }
            Ok(())
        }
    }
    .await;
    if outcome.is_err() {
        tracing::warn!("could not remember form input");
    }
}

/// The one way a form's server function keeps what was typed: when `outcome` is a
/// refusal, [`remember_input`] it for the form named `form`; the outcome goes on as it is.
pub async fn keep_typed<T>(outcome: AppResult<T>, form: &str, typed: &[(&str, &str)]) -> AppResult<T> {
    if outcome.is_err() {
        remember_input(form, typed).await;
    }
    outcome
}

/// What `remember_input` kept for this browser, from its cookie or its session.
pub async fn recall_input() -> AppResult<Option<crate::form_memory::FormMemory>> {
    let from_cookie = use_context::<http::request::Parts>().and_then(|p| {
        with_state(|state| crate::kept_input::from_request(&p.headers, &state.keys.form_cookie))
            .ok()
            .flatten()
    });
    if from_cookie.is_some() {
        return Ok(from_cookie);
    }
    if current_user().await?.is_none() {
        return Ok(None);
    }
    session().await?.get(FORM_MEMORY_KEY).await.map_err(AppError::internal)
}

/// The client's address as the server decided it (the socket's peer, or what a trusted
/// proxy forwarded for), put in the request by the server's middleware.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The caller's network address, when the request came through a socket.
pub fn client_address() -> Option<std::net::IpAddr> {
    let parts = use_context::<http::request::Parts>()?;
    parts.extensions.get::<ClientAddress>().map(|c| c.0).or_else(|| {
        parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip())
    })
}

/// A short key for the caller's network (an IPv4 address, an IPv6 /64) for the limits
/// kept in memory; every unknown caller shares one.
pub fn client_network_key() -> u64 {
    client_prefix_key(8)
}

/// A short key for the caller's wider network (an IPv4 address, an IPv6 /48).
pub fn client_wide_network_key() -> u64 {
    client_prefix_key(6)
}

fn client_prefix_key(ipv6_bytes: usize) -> u64 {
    crate::ratelimit::network_key(client_address(), ipv6_bytes)
}

/// The limits kept in memory on this server.
pub fn limits() -> AppResult<Arc<crate::ratelimit::RateLimits>> {
    with_state(|state| state.limits.clone())
}

/// After a plain form post, sends the browser to `path` (a page and an anchor) instead of
/// back to the form's page; callers with JavaScript stay where they are.
pub fn redirect_plain_form(path: &str) {
    if is_plain_form_post() {
        redirect(path);
    }
}

/// Sends the browser to `path` after the server function returns; a path that could
/// leave the site sends it to the home page instead (`redirect::local_target`).
pub fn redirect(path: &str) {
    leptos_axum::redirect(crate::redirect::local_or(path, crate::redirect::DEFAULT_TARGET));
}

/// The page of this site a form was sent from (path, query and fragment, without the
/// parameters in `drop`), if the browser named one that passes the redirect check.
pub fn referer_path(drop: &[&str]) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let referer = parts.headers.get(http::header::REFERER)?.to_str().ok()?;
    let host = parts.headers.get(http::header::HOST).and_then(|h| h.to_str().ok());
    crate::redirect::local_part_of(referer, host, drop)
}
