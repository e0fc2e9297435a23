//! Starts the real server on a random port against a fresh database (a temporary
//! SQLite file, or a new PostgreSQL database dropped afterwards) and talks HTTP to it
//! the way a browser without JavaScript does.
#![allow(dead_code)]

use agora_app::db::Db;
use agora_server::config::Config;
use rand::Rng;
use reqwest::header::{HeaderMap, ACCEPT, ORIGIN, REFERER};
use reqwest::{redirect, Client, Response};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs the same test body once per engine: `engines!(name, body_fn)` makes
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::common::Engine::Sqlite).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::common::Engine::Postgres).await
                }
            }
        )+
    };
}

enum Database {
    Sqlite { dir: PathBuf },
    Postgres { admin_url: String, name: String },
}

impl Drop for Database {
    fn drop(&mut self) {
        match self {
            Database::Sqlite { dir } => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Database::Postgres { admin_url, name } => {
                let _ = std::fs::remove_dir_all(std::env::temp_dir().join(format!("{name}_outbox")));
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs outside any runtime we may block; use a thread with its own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            use sqlx::Connection;
                            if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                                    .execute(&mut conn)
                                    .await;
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

pub fn postgres_admin_url() -> String {
    std::env::var("AGORA_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    format!("agora_test_{:016x}", rand::thread_rng().gen::<u64>())
}

async fn fresh_database(engine: Engine) -> (String, Database) {
    match engine {
        Engine::Sqlite => {
            let dir = std::env::temp_dir().join(unique_name());
            std::fs::create_dir_all(&dir).expect("temporary folder");
            let url = format!("sqlite://{}/agora.db?mode=rwc", dir.display());
            (url, Database::Sqlite { dir })
        }
        Engine::Postgres => {
            use sqlx::Connection;
            let admin_url = postgres_admin_url();
            let name = unique_name();
            let mut conn = sqlx::PgConnection::connect(&admin_url)
                .await
                .expect("PostgreSQL must be reachable for the postgres tests (see README)");
            sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b.to_owned())
                .unwrap_or(admin_url.clone());
            (format!("{base}/{name}"), Database::Postgres { admin_url, name })
        }
    }
}

pub fn test_config(database_url: &str) -> Config {
    Config {
        database_url: database_url.to_owned(),
        addr: Some("127.0.0.1:0".parse().expect("address")),
        leptos_site_addr: "127.0.0.1:0".parse().expect("address"),
        site_root: "target/site".into(),
        secure_cookies: false,
        session_idle_minutes: 60,
        db_max_connections: Some(8),
        report_threshold: 3,
        report_min_account_age_hours: 0,
        trusted_proxies: Default::default(),
        metrics_readers: Default::default(),
        forwarded_header: Default::default(),
        data_licence: "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>".into(),
        api_requests_per_minute: 600,
        log_format: "text".into(),
        mail: agora_server::config::MailConfig {
            outbox_dir: outbox_dir_of(database_url).display().to_string(),
            retry_base_ms: 200,
            poll_ms: 100,
            news_every_ms: 100,
            ..Default::default()
        },
    }
}

/// Where a test server without SMTP writes its mail: beside the SQLite file, or in a
/// folder named after the PostgreSQL database; removed with the database.
pub fn outbox_dir_of(database_url: &str) -> PathBuf {
    match database_url.strip_prefix("sqlite://") {
        Some(rest) => PathBuf::from(rest.split('?').next().unwrap_or(rest))
            .parent()
            .map(|dir| dir.join("outbox"))
            .unwrap_or_default(),
        None => std::env::temp_dir().join(format!("{}_outbox", database_url.rsplit('/').next().unwrap_or("agora"))),
    }
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    pub database_url: String,
    pub engine: Engine,
    pub db: Db,
    _database: Database,
}

pub async fn spawn_app(engine: Engine) -> TestApp {
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .try_init();
    let (database_url, database) = fresh_database(engine).await;
    let config = test_config(&database_url);
    let router = agora_server::build(&config).await.expect("application starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = agora_server::serve(listener, router).await;
    });
    let db = Db::connect(&database_url, 2).await.expect("test connection");
    TestApp {
        addr,
        base: format!("http://{addr}"),
        database_url,
        engine,
        db,
        _database: database,
    }
}

/// One visitor's browser: its own cookie jar, no JavaScript, redirects shown not followed.
/// A clone is the same browser (the same cookies), for use in concurrent requests.
#[derive(Clone)]
pub struct Browser {
    pub client: Client,
    pub base: String,
}

impl TestApp {
    pub fn browser(&self) -> Browser {
        Browser {
            client: Client::builder()
                .cookie_store(true)
                .timeout(std::time::Duration::from_secs(20))
                .redirect(redirect::Policy::none())
                .build()
                .expect("client"),
            base: self.base.clone(),
        }
    }

    /// Creates an account with a role directly in the store, as the command line does.
    pub async fn create_account(
        &self,
        email: &str,
        name: &str,
        password: &str,
        role: agora_app::accounts::model::Role,
    ) -> i64 {
        use agora_app::accounts::{model, password as pw, store};
        let hash = pw::hash(model::Password::parse(password).expect("valid password"))
            .await
            .expect("hash");
        let account = store::NewAccount {
            email: email.to_owned(),
            email_normalized: email.to_lowercase(),
            password_hash: hash,
            display_name: name.to_owned(),
            kind: model::AccountKind::Resident,
            role,
            organisation_name: None,
            registration_number: None,
            email_verified: true,
            language: agora_app::locale::Locale::default(),
        };
        store::insert(&self.db, &account)
            .await
            .expect("insert")
            .expect("new email")
    }
}

impl TestApp {
    /// `n` member accounts sharing one password hash (hashing is the slow part), each
    /// with a signed-in browser.
    pub async fn crowd(&self, n: usize) -> Vec<Browser> {
        use agora_app::accounts::{model, password as pw, store};
        let hash = pw::hash(model::Password::parse(GOOD_PASSWORD).expect("valid"))
            .await
            .expect("hash");
        let mut browsers = Vec::with_capacity(n);
        for i in 0..n {
            let email = format!("crowd{i}@example.be");
            let account = store::NewAccount {
                email: email.clone(),
                email_normalized: email.clone(),
                password_hash: hash.clone(),
                display_name: format!("Crowd {i}"),
                kind: model::AccountKind::Resident,
                role: model::Role::Member,
                organisation_name: None,
                registration_number: None,
                email_verified: true,
                language: agora_app::locale::Locale::default(),
            };
            store::insert(&self.db, &account)
                .await
                .expect("insert")
                .expect("new email");
            browsers.push(self.browser());
        }
        let sign_ins = browsers
            .iter()
            .enumerate()
            .map(|(i, b)| b.sign_in_email(format!("crowd{i}@example.be")));
        futures::future::join_all(sign_ins).await;
        browsers
    }

    /// A browser signed in to a new account with `role`.
    pub async fn signed_in(&self, email: &str, role: agora_app::accounts::model::Role) -> (i64, Browser) {
        let id = self
            .create_account(email, email.split('@').next().unwrap_or(email), GOOD_PASSWORD, role)
            .await;
        let browser = self.browser();
        browser.sign_in(email, GOOD_PASSWORD).await;
        (id, browser)
    }
}

impl Browser {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .expect("GET")
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// The page as a browser set to `language` (`Accept-Language`) gets it.
    pub async fn get_html_in(&self, path: &str, language: &str) -> String {
        self.client
            .get(self.url(path))
            .header(ACCEPT, "text/html")
            .header("accept-language", language)
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body")
    }

    /// Submits a form on page `from` to `action`, as a browser without JavaScript does.
    pub async fn submit(&self, from: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(action))
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header(ORIGIN, self.base.clone())
            .header(REFERER, self.url(from))
            .header("sec-fetch-site", "same-origin")
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Calls a server function the way the hydrated page does (an API client).
    pub async fn call(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(action))
            .header(ORIGIN, self.base.clone())
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    pub async fn register(&self, email: &str, name: &str, password: &str) -> Response {
        self.submit(
            "/register",
            "/api/register",
            &[
                ("email", email),
                ("display_name", name),
                ("password", password),
                ("kind", "resident"),
            ],
        )
        .await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Response {
        self.submit("/login", "/api/sign_in", &[("email", email), ("password", password)])
            .await
    }

    async fn sign_in_email(&self, email: String) {
        let response = self.sign_in(&email, GOOD_PASSWORD).await;
        assert_eq!(location(&response), "/profile", "{email} signs in");
    }

    /// Supports (or withdraws support from) an idea, as the hydrated page does.
    pub async fn vote(&self, idea_id: &str, support: bool) -> Response {
        let support = if support { "true" } else { "false" };
        self.call("/api/vote", &[("idea_id", idea_id), ("support", support)])
            .await
    }

    pub async fn sign_out(&self) -> Response {
        self.submit("/profile", "/api/sign_out", &[]).await
    }
}

pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The `Set-Cookie` header for `name`, whole (with its attributes).
pub fn set_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

pub fn cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .and_then(|p| p.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap_or_default()
}

pub const GOOD_PASSWORD: &str = "violet tram under the Atomium hums";

/// Publishes an idea through the form and returns its path, past the similar ideas the
/// form may show first (`confirmed`, as the form sends once it showed them).
pub async fn publish(browser: &Browser, title: &str, theme: &str, district: &str) -> String {
    let response = browser
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", title),
                ("body", "A description.\n\nWith two paragraphs."),
                ("theme", theme),
                ("district", district),
                ("confirmed", "1"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let path = location(&response);
    assert!(path.starts_with("/ideas/"), "{title} published, at {path}");
    path
}

/// The id in an idea's path.
pub fn id_of(path: &str) -> String {
    path.trim_start_matches("/ideas/")
        .split('-')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Comments as a plain form does; answers where the browser is sent.
pub async fn comment(browser: &Browser, path: &str, parent: Option<i64>, body: &str) -> Response {
    let id = id_of(path);
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let mut fields = vec![("idea_id", id.as_str()), ("body", body)];
    if !parent.is_empty() {
        fields.push(("parent_id", parent.as_str()));
    }
    browser.submit(path, "/api/post_comment", &fields).await
}

/// The comment id in an address ending in `#comment-{id}`.
pub fn comment_id(location: &str) -> i64 {
    location
        .rsplit_once("#comment-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("no comment anchor in {location}"))
}

impl TestApp {
    /// One number from the database, for a query with one id to bind.
    pub async fn scalar(&self, sql: &str, id: i64) -> i64 {
        sqlx::query_scalar(sql)
            .bind(id)
            .fetch_one(&self.db.pool)
            .await
            .expect(sql)
    }
}

/// A business account registered through the form (enterprise number 0403.170.701), so
/// signed in; answers where registration sent the browser.
pub async fn register_business(app: &TestApp) -> (Browser, String) {
    let browser = app.browser();
    let response = browser
        .submit(
            "/register",
            "/api/register",
            &[
                ("email", "hello@tram.be"),
                ("display_name", "Tram Data"),
                ("password", GOOD_PASSWORD),
                ("kind", "business"),
                ("organisation_name", "Tram Data SA"),
                ("registration_number", "BE 0403 170 701"),
            ],
        )
        .await;
    let place = location(&response);
    app.confirm_email("hello@tram.be").await;
    (browser, place)
}

/// Like `spawn_app`, with speed settings of the test's choosing (`spawn_app` uses the
/// defaults).
pub async fn spawn_app_tuned(engine: Engine, tuning: &agora_server::config::Tuning) -> TestApp {
    spawn_configured(engine, tuning, |_| {}).await
}

/// Like `spawn_app`, with settings of the test's choosing.
pub async fn spawn_configured(
    engine: Engine,
    tuning: &agora_server::config::Tuning,
    configure: impl FnOnce(&mut Config),
) -> TestApp {
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .try_init();
    let (database_url, database) = fresh_database(engine).await;
    let mut config = test_config(&database_url);
    configure(&mut config);
    let addr = serve_on(&config, tuning).await;
    let db = Db::connect(&database_url, 2).await.expect("test connection");
    TestApp {
        addr,
        base: format!("http://{addr}"),
        database_url,
        engine,
        db,
        _database: database,
    }
}

/// Starts a server for `config` on a free port; answers its address.
async fn serve_on(config: &Config, tuning: &agora_server::config::Tuning) -> SocketAddr {
    let router = agora_server::build_tuned(config, tuning)
        .await
        .expect("application starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = agora_server::serve(listener, router).await;
    });
    addr
}

impl TestApp {
    /// A second server on the same database (as behind a load balancer), with settings of
    /// the test's choosing; answers its base address.
    pub async fn another_server(&self, configure: impl FnOnce(&mut Config)) -> String {
        let mut config = test_config(&self.database_url);
        configure(&mut config);
        let addr = serve_on(&config, &agora_server::config::Tuning::default()).await;
        format!("http://{addr}")
    }

    /// A browser of `base` (another server of the same site).
    pub fn browser_of(&self, base: &str) -> Browser {
        Browser {
            base: base.to_owned(),
            ..self.browser()
        }
    }

    /// A browser that never keeps a cookie, as an attacker's script is.
    pub fn cookieless(&self) -> Browser {
        Browser {
            client: Client::builder()
                .timeout(std::time::Duration::from_secs(20))
                .redirect(redirect::Policy::none())
                .build()
                .expect("client"),
            base: self.base.clone(),
        }
    }

    /// Marks the address of an account registered through the form as confirmed, as
    /// following the link of its confirmation email does (`tests/mail` follows the real
    /// link): for tests about something else.
    pub async fn confirm_email(&self, email: &str) {
        sqlx::query("UPDATE accounts SET email_verified_at = $1 WHERE email_normalized = $2")
            .bind(agora_app::db::now_ms())
            .bind(email.to_lowercase())
            .execute(&self.db.pool)
            .await
            .expect("confirm the address");
    }

    /// Rows in the session store.
    pub async fn session_rows(&self) -> i64 {
        let sql = match self.engine {
            Engine::Sqlite => "SELECT COUNT(*) FROM tower_sessions",
            Engine::Postgres => "SELECT COUNT(*) FROM tower_sessions.session",
        };
        sqlx::query_scalar(sql).fetch_one(&self.db.pool).await.expect(sql)
    }
}

/// A fresh database for servers the test starts itself (as processes, behind a proxy):
/// removed when the `TestApp` made from it is dropped.
pub struct Unserved {
    pub database_url: String,
    engine: Engine,
    database: Database,
}

pub async fn unserved(engine: Engine) -> Unserved {
    let (database_url, database) = fresh_database(engine).await;
    Unserved {
        database_url,
        engine,
        database,
    }
}

impl Unserved {
    /// The site as reached at `base`, once its servers run (they made the schema).
    pub async fn served_at(self, base: &str) -> TestApp {
        let db = Db::connect(&self.database_url, 4).await.expect("test connection");
        let addr = base
            .trim_start_matches("http://")
            .parse()
            .expect("a loopback address and port");
        TestApp {
            addr,
            base: base.to_owned(),
            database_url: self.database_url,
            engine: self.engine,
            db,
            _database: self.database,
        }
    }
}

/// A server started on a database the test prepared (`unserved`), with the test settings.
pub async fn spawn_on(site: Unserved) -> TestApp {
    let config = test_config(&site.database_url);
    let addr = serve_on(&config, &agora_server::config::Tuning::default()).await;
    site.served_at(&format!("http://{addr}")).await
}
