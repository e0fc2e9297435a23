//! Configuration, from the environment (and a `.env` file when present) or flags.

use crate::client_address::{ForwardedHeader, Networks};
use clap::Args;
use std::net::SocketAddr;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database: `sqlite://path?mode=rwc` (embedded, the default) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/agora.db?mode=rwc")]
    pub database_url: String,

    /// Address to listen on. cargo-leptos sets LEPTOS_SITE_ADDR; AGORA_ADDR wins over it.
    #[arg(long, env = "AGORA_ADDR")]
    pub addr: Option<SocketAddr>,

    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000", hide = true)]
    pub leptos_site_addr: SocketAddr,

    /// Folder holding the built browser bundle and stylesheet (`pkg/`).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// Send cookies with `Secure`: set it when the site is served over HTTPS.
    #[arg(long, env = "AGORA_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "AGORA_SESSION_IDLE_MINUTES", default_value_t = 24 * 60)]
    pub session_idle_minutes: i64,

    /// Largest number of database connections in the pool; when unset, the engine's own
    /// default (`Engine::pool_size`).
    #[arg(long, env = "AGORA_DB_MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
    pub db_max_connections: Option<u32>,

    /// Reports from this many accounts hide an idea or a comment until a moderator decides.
    #[arg(long, env = "AGORA_REPORT_THRESHOLD", default_value_t = 3, value_parser = clap::value_parser!(i64).range(1..))]
    pub report_threshold: i64,

    /// Reports from accounts younger than this many hours do not count towards hiding an
    /// item (moderators still see them).
    #[arg(long, env = "AGORA_REPORT_MIN_ACCOUNT_AGE_HOURS", default_value_t = 72)]
    pub report_min_account_age_hours: i64,

    /// Proxies whose `X-Forwarded-For` / `Forwarded` headers name the client (addresses or
    /// networks, separated by commas); nobody's by default.
    #[arg(long, env = "AGORA_TRUSTED_PROXIES", default_value = "", value_parser = parse_networks)]
    pub trusted_proxies: Networks,

    /// The header the trusted proxies write the client's address in: `x-forwarded-for`
    /// or `forwarded`; the other is ignored (a client could send it through the proxy).
    #[arg(long, env = "AGORA_FORWARDED_HEADER", value_enum, default_value_t = ForwardedHeader::XForwardedFor)]
    pub forwarded_header: ForwardedHeader,

    /// The licence the open data (API, exports, feeds) is published under, as its name
    /// and address: `NAME <URL>`.
    #[arg(
        long,
        env = "AGORA_DATA_LICENCE",
        default_value = "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/>"
    )]
    pub data_licence: String,

    /// Requests to the open data API one network (an IPv4 address, an IPv6 /64) may make
    /// per minute; past it the API answers 429 until the minute ends.
    #[arg(long, env = "AGORA_API_REQUESTS_PER_MINUTE", default_value_t = 600, value_parser = clap::value_parser!(u32).range(1..))]
    pub api_requests_per_minute: u32,

    /// Who may read `/metrics` (Prometheus): addresses and networks, as
    /// AGORA_TRUSTED_PROXIES; empty, the default, lets no one.
    #[arg(long, env = "AGORA_METRICS_READERS", default_value = "", value_parser = parse_networks)]
    pub metrics_readers: Networks,

    /// `text` for people, `json` for log collectors.
    #[arg(long, env = "AGORA_LOG_FORMAT", default_value = "text")]
    pub log_format: String,

    #[command(flatten)]
    pub mail: MailConfig,
}

/// How email leaves the site.
#[derive(Debug, Clone, Args)]
pub struct MailConfig {
    /// The SMTP server: `smtp://user:password@host:587?tls=required` (STARTTLS),
    /// `smtps://user:password@host:465` (TLS), or `smtp://host:25` on a trusted network.
    /// Unset, messages are written as `.eml` files to `AGORA_OUTBOX_DIR` instead, and
    /// the log says where each link leads.
    #[arg(long, env = "AGORA_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// Who mail comes from.
    #[arg(long, env = "AGORA_MAIL_FROM", default_value = "Agora <no-reply@agora.localhost>")]
    pub mail_from: String,

    /// The site's address as people reach it (`https://agora.brussels`): links in mail
    /// are absolute. Unset, the address the server listens on.
    #[arg(long, env = "AGORA_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Where messages are written when no SMTP server is set.
    #[arg(long, env = "AGORA_OUTBOX_DIR", default_value = "data/outbox")]
    pub outbox_dir: String,

    /// Milliseconds a message waits after its first failed attempt; each further failure
    /// doubles it (at most six hours; twelve attempts in all).
    #[arg(long, env = "AGORA_MAIL_RETRY_MS", default_value_t = 60_000)]
    pub retry_base_ms: u64,

    /// Milliseconds between two looks at the outbox for mail queued by other servers or
    /// due again (mail queued on this server leaves at once).
    #[arg(long, env = "AGORA_MAIL_POLL_MS", default_value_t = 5_000)]
    pub poll_ms: u64,

    /// The hour of the day (in Brussels) daily and weekly digests go out at.
    #[arg(long, env = "AGORA_DIGEST_HOUR", default_value_t = 8, value_parser = clap::value_parser!(i8).range(0..24))]
    pub digest_hour: i8,

    /// Milliseconds between two looks for news to email (at once, or digests that are due).
    #[arg(long, env = "AGORA_NEWS_MAIL_EVERY_MS", default_value_t = 60_000)]
    pub news_every_ms: u64,
}

impl Default for MailConfig {
    fn default() -> MailConfig {
        MailConfig {
            smtp_url: None,
            mail_from: "Agora <no-reply@agora.localhost>".to_owned(),
            public_url: None,
            outbox_dir: "data/outbox".to_owned(),
            retry_base_ms: 60_000,
            poll_ms: 5_000,
            digest_hour: 8,
            news_every_ms: 60_000,
        }
    }
}

fn parse_networks(list: &str) -> Result<Networks, String> {
    list.parse()
}

impl Config {
    pub fn listen_addr(&self) -> SocketAddr {
        self.addr.unwrap_or(self.leptos_site_addr)
    }
}

/// What `AGORA_PAGE_CACHE_MS` is when unset: long enough to serve a busy list from one
/// rendering, short enough that other servers' changes show within a second.
pub const DEFAULT_PAGE_CACHE_MS: u64 = 1000;

/// What `AGORA_DASHBOARD_CACHE_SECONDS` is when unset.
pub const DEFAULT_DASHBOARD_CACHE_SECONDS: u64 = 60;

/// Settings that change speed, not behaviour. Kept beside `Config` rather than in it,
/// so that a new one does not change every place that spells a `Config` out (tests).
#[derive(Debug, Clone, Args)]
pub struct Tuning {
    /// Milliseconds a page rendered for a visitor without a session is served again to
    /// visitors asking for the same address in the same language (any write on this
    /// server ends it sooner); 0 turns this cache off.
    #[arg(long, env = "AGORA_PAGE_CACHE_MS", default_value_t = DEFAULT_PAGE_CACHE_MS)]
    pub page_cache_ms: u64,

    /// Seconds the Program Office's dashboard figures (which read every vote of the last
    /// twelve months) are served again before they are computed anew; 0 computes them for
    /// every request.
    #[arg(long, env = "AGORA_DASHBOARD_CACHE_SECONDS", default_value_t = DEFAULT_DASHBOARD_CACHE_SECONDS)]
    pub dashboard_cache_seconds: u64,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            page_cache_ms: DEFAULT_PAGE_CACHE_MS,
            dashboard_cache_seconds: DEFAULT_DASHBOARD_CACHE_SECONDS,
        }
    }
}
