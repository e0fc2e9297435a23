//! The Agora server: database, migrations, sessions, middleware and routes around the
//! Leptos application. `main.rs` is only the command line.

pub mod allocator;
mod background;
pub mod client_address;
pub mod cluster;
pub mod config;
mod data_file;
pub mod demo;
pub mod mailer;
pub mod news_mail;
pub mod open_data;
pub mod operations;
pub mod page_cache;
mod page_zstd;
pub mod security;
pub mod static_files;
pub mod synthetic;
mod unsubscribe;

use agora_app::ctx::{AppParts, AppState, Settings};
use agora_app::db::{Db, Engine};
use agora_app::{shell, App};
use anyhow::Context;
use axum::routing::get;
use axum::{middleware, Router};
use config::{Config, Tuning};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use std::str::FromStr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{CachingSessionStore, Expiry, SessionManagerLayer, SessionStore};
use tower_sessions_moka_store::MokaStore;
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

pub const SESSION_COOKIE: &str = "agora_session";

/// Connects to the database, creating the SQLite folder when needed.
pub async fn connect(config: &Config) -> anyhow::Result<Db> {
    if let Some(path) = sqlite_path(&config.database_url) {
        if let Some(parent) = std::path::Path::new(&path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
    }
    // A URL of neither engine gets no default of its own: `Db::connect` refuses it.
    let connections = config
        .db_max_connections
        .or_else(|| Engine::from_url(&config.database_url).map(Engine::pool_size))
        .unwrap_or(1);
    Db::connect(&config.database_url, connections)
        .await
        .context("cannot open the database named by DATABASE_URL")
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.to_owned())
}

/// Brings the schema up to date; any failure stops the caller.
pub async fn migrate(db: &Db) -> anyhow::Result<()> {
    let migrator = match db.engine {
        Engine::Sqlite => sqlx::migrate!("../migrations/sqlite"),
        Engine::Postgres => sqlx::migrate!("../migrations/postgres"),
    };
    migrator
        .run(&db.pool)
        .await
        .context("database migration failed; the server will not start")?;
    let filled = agora_app::ideas::store::fill_excerpts(db)
        .await
        .context("the ideas' excerpts could not be written; the server will not start")?;
    if filled > 0 {
        tracing::info!(ideas = filled, "excerpts written for ideas that had none");
    }
    Ok(())
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("agora")
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.listen_addr())
        .hash_files(bundle_is_hashed())
        .build()
}

/// Whether the bundle's files carry their hash in their names: a release build by
/// cargo-leptos writes the hashes to `hash.txt` beside the server (`hash-files` in
/// Cargo.toml); a server built by `cargo build` alone serves the plain names.
fn bundle_is_hashed() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join("hash.txt")))
        .is_some_and(|hashes| hashes.is_file())
}

/// The whole application with the default tuning, ready to serve: migrations have run
/// when this returns.
pub async fn build(config: &Config) -> anyhow::Result<Router> {
    build_tuned(config, &Tuning::default()).await
}

/// The whole application, ready to serve: migrations have run when this returns.
pub async fn build_tuned(config: &Config, tuning: &Tuning) -> anyhow::Result<Router> {
    let db = connect(config).await?;
    migrate(&db).await?;
    agora_app::accounts::password::warm_up();
    let keys = agora_app::keys::Keys::load(&db)
        .await
        .context("cannot read or make the server's keys")?;
    let mail = mail_settings(config)?;
    let licence = open_data::parse_licence(&config.data_licence)?;
    let outbox_ready = Arc::new(tokio::sync::Notify::new());
    let worker = mailer::Worker {
        db: db.clone(),
        transport: mailer::Transport::from_config(&config.mail)?,
        from: mail.from.email.clone(),
        wake: outbox_ready.clone(),
        retry_base_ms: i64::try_from(config.mail.retry_base_ms).unwrap_or(i64::MAX),
        poll: Duration::from_millis(config.mail.poll_ms.max(10)),
    };
    let state = AppState::new(AppParts {
        leptos_options: leptos_options(config),
        db,
        settings: Arc::new(Settings {
            secure_cookies: config.secure_cookies,
            report_threshold: config.report_threshold,
            report_min_account_age_ms: config.report_min_account_age_hours.saturating_mul(60 * 60 * 1000),
            digest_hour: config.mail.digest_hour,
            open_data: agora_app::site::model::OpenDataTerms {
                licence_name: licence.name.clone(),
                licence_url: licence.url.clone(),
                requests_per_minute: config.api_requests_per_minute,
                site: mail.public_url.clone(),
            },
        }),
        limits: Arc::default(),
        keys: Arc::new(keys),
        dashboard: Arc::new(agora_app::recent::Recent::new(Duration::from_secs(
            tuning.dashboard_cache_seconds,
        ))),
        mail: Arc::new(mail),
        outbox: outbox_ready,
    });
    tokio::spawn(worker.run());
    let sessions_in_memory = MokaStore::new(Some(SESSIONS_IN_MEMORY));
    let cluster = cluster::Cluster::join(&state.db, &config.database_url, sessions_in_memory.clone());
    let news = Arc::new(news_mail::NewsMailer {
        db: state.db.clone(),
        mail: state.mail.clone(),
        keys: state.keys.clone(),
        outbox: state.outbox.clone(),
        hour: config.mail.digest_hour,
    });
    background::every(
        &cluster,
        "news_mail",
        Duration::from_millis(config.mail.news_every_ms.max(10)),
        move || {
            let news = news.clone();
            async move { news.look().await.map(|_| ()) }
        },
    );
    let db = state.db.clone();
    background::every(&cluster, "trending", Duration::from_secs(60), move || {
        let db = db.clone();
        async move { agora_app::votes::trending::catch_up(&db).await }
    });
    // The networks accounts registered from, once the registration limit no longer
    // needs them.
    let db = state.db.clone();
    background::every(&cluster, "registration_networks", HOURLY, move || {
        let db = db.clone();
        async move {
            agora_app::accounts::store::forget_registration_networks(&db)
                .await
                .map(|_| ())
        }
    });
    let router = routes(state.clone())
        .merge(open_data::router(&state, licence, config.api_requests_per_minute))
        .merge(
            Router::new()
                .route("/metrics", get(operations::metrics_page))
                .with_state(operations::Metrics::new(
                    state.db.clone(),
                    config.metrics_readers.clone(),
                    cluster.heard(),
                )),
        );
    let router = match state.db.engine {
        Engine::Sqlite => {
            let options = SqliteConnectOptions::from_str(&config.database_url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true);
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await?;
            let store = SqliteStore::new(pool);
            store.migrate().await.context("session table migration failed")?;
            with_sessions(router, store, config, &cluster, sessions_in_memory)
        }
        Engine::Postgres => {
            let pool = PgPoolOptions::new()
                .max_connections(4)
                .connect(&config.database_url)
                .await?;
            let store = PostgresStore::new(pool);
            store.migrate().await.context("session table migration failed")?;
            with_sessions(router, store, config, &cluster, sessions_in_memory)
        }
    };
    // Outside the sessions, so that it sees their cookies; inside the refusal of
    // cross-site writes, which change nothing.
    let router = match page_cache::PageCache::new(tuning.page_cache_ms, state.db.writes(), cluster.heard()) {
        Some(cache) => router.layer(middleware::from_fn_with_state(cache, page_cache::layer)),
        None => router,
    };
    let addressing = Arc::new(client_address::Addressing {
        proxies: config.trusted_proxies.clone(),
        header: config.forwarded_header,
    });
    let router = router
        .layer(middleware::from_fn_with_state(addressing, client_address::layer))
        .layer(middleware::from_fn(security::checked_redirects))
        .layer(middleware::from_fn(security::refuse_cross_site_writes))
        .layer(middleware::from_fn(security::security_headers))
        .layer(middleware::from_fn(static_files::cache_policy))
        .layer(RequestBodyLimitLayer::new(256 * 1024))
        .layer(middleware::from_fn(page_zstd::layer))
        .layer(static_files::compression())
        .layer(middleware::from_fn(operations::track))
        .layer(TraceLayer::new_for_http().make_span_with(operations::request_span));
    Ok(operations::request_ids(router))
}

/// Where mail comes from and where its links lead, from the settings.
fn mail_settings(config: &Config) -> anyhow::Result<agora_app::mail::compose::MailSettings> {
    let from = config
        .mail
        .mail_from
        .parse()
        .context("AGORA_MAIL_FROM is not a mail address (`Agora <no-reply@example.org>`)")?;
    let public_url = match &config.mail.public_url {
        Some(url) => {
            let parsed = url::Url::parse(url).context("AGORA_PUBLIC_URL is not an address")?;
            if !["http", "https"].contains(&parsed.scheme()) {
                anyhow::bail!("AGORA_PUBLIC_URL must start with https:// (or http://)");
            }
            url.trim_end_matches('/').to_owned()
        }
        None => format!("http://{}", config.listen_addr()),
    };
    Ok(agora_app::mail::compose::MailSettings { from, public_url })
}

const HOURLY: Duration = Duration::from_secs(60 * 60);

/// Sessions in memory up to this many; past it the least used are read again from the
/// table when they come back.
const SESSIONS_IN_MEMORY: u64 = 100_000;

fn with_sessions<S: SessionStore + ExpiredDeletion + Clone>(
    router: Router,
    store: S,
    config: &Config,
    cluster: &cluster::Cluster,
    memory: MokaStore,
) -> Router {
    let sweeper = store.clone();
    background::every(cluster, "expired_sessions", HOURLY, move || {
        let sweeper = sweeper.clone();
        async move { sweeper.delete_expired().await }
    });
    // Ended sessions are announced to the other servers of the database (PostgreSQL).
    let others = cluster.has_others().then(|| cluster.db().clone());
    let store = CachingSessionStore::new(memory, cluster::sessions::Announced::new(store, others));
    let layer = SessionManagerLayer::new(store)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            config.session_idle_minutes,
        )));
    router.layer(layer)
}

/// The page routes, generated once per process. Generating them runs the application
/// with resource loading suppressed process-wide; a page rendered meanwhile by another
/// server in the same process (integration tests start many) would wait forever.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn routes(state: AppState) -> Router {
    let leptos_options = state.leptos_options.clone();
    let page_routes = page_routes();
    let context_state = state.clone();
    let fallback_state = state.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(operations::readyz))
        .route("/profile/data.json", get(data_file::my_data_file))
        .route("/unsubscribe", axum::routing::post(unsubscribe::one_click))
        .merge(static_files::messages())
        // Also registers every server function under /api, with the same context.
        .leptos_routes_with_context(
            &state,
            page_routes,
            move || {
                provide_context(context_state.clone());
                provide_context(agora_app::ctx::RequestMemo::default());
            },
            move || shell(leptos_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || {
                provide_context(fallback_state.clone());
                provide_context(agora_app::ctx::RequestMemo::default());
            },
            shell,
        ))
        .layer(middleware::from_fn(security::server_fn_status))
        .with_state(state)
}

/// Answers without touching the database: the process is up and serving.
async fn healthz() -> &'static str {
    "ok"
}

/// Serves until the process is asked to stop.
pub async fn serve(listener: TcpListener, router: Router) -> anyhow::Result<()> {
    use axum::serve::ListenerExt;
    // An answer written in more than one piece leaves at once, instead of its last piece
    // waiting for the browser's delayed acknowledgement of the first (40 ms on Linux).
    let listener = listener.tap_io(|connection| {
        if let Err(e) = connection.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY could not be set");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server stopped with an error")
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
