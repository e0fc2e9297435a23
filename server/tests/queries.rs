//! How many database queries each main page costs, counted from the statements the
//! database driver reports, with the page cache off. A page that starts asking more
//! fails here: the budget below is what it asks today, and lowering it is welcome.
//!
//! Counted once the server is warm (the page asked once before), since what a server
//! keeps in memory (sessions, themes, districts) is read once per server, not per
//! request.

mod common;

use agora_app::accounts::model::Role;
use agora_server::config::{Tuning, DEFAULT_DASHBOARD_CACHE_SECONDS};
use common::{spawn_configured, Browser, Engine};
use std::sync::atomic::{AtomicU64, Ordering};
use tracing::{Event, Subscriber};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

on_both_engines!(each_main_page_asks_the_database_no_more_than_its_budget);

/// Statements run by this process, every server and engine together: the tests of this
/// file therefore take turns (`ONE_AT_A_TIME`).
static STATEMENTS: AtomicU64 = AtomicU64::new(0);
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

struct CountStatements;

impl<S: Subscriber> Layer<S> for CountStatements {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut statement = Statement::default();
        event.record(&mut statement);
        // A new pooled connection's settings (SQLite's pragmas) belong to no page.
        if statement.summary.starts_with("PRAGMA") {
            return;
        }
        STATEMENTS.fetch_add(1, Ordering::SeqCst);
        // AGORA_SHOW_STATEMENTS=1 prints them, to find which a page runs.
        if std::env::var_os("AGORA_SHOW_STATEMENTS").is_some() {
            eprintln!("  statement: {}", statement.summary);
        }
    }
}

#[derive(Default)]
struct Statement {
    summary: String,
}

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "summary" {
            value.clone_into(&mut self.summary);
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "summary" {
            self.summary = format!("{value:?}").trim_matches('"').to_owned();
        }
    }
}

fn count_statements() {
    // sqlx reports each statement it ran as an event of target `sqlx::query` (at the
    // debug level, or warn for a slow one).
    let _ = tracing_subscriber::registry()
        .with(CountStatements.with_filter(Targets::new().with_target("sqlx::query", tracing::Level::DEBUG)))
        .try_init();
}

/// Pages and the most statements each may run, for a visitor and for a signed-in member.
const BUDGETS: &[(&str, u64, u64)] = &[
    // Themes, municipalities and the dashboard's figures come from memory; a visitor's
    // list is its one query. A member's account with its unread count comes from memory
    // too once read (`accounts::store::signed_in`): a member's page costs what a visitor's
    // does.
    ("/", 0, 0),
    ("/ideas", 1, 1),
    // On SQLite a search first asks its matches, at most a few hundred, to choose how to
    // find them (`ideas::store::list`): one statement more there (`SQLITE_MORE`).
    ("/ideas?q=velo", 1, 1),
    ("/ideas?sort=most_votes&page=2", 1, 1),
    // The idea with its history (and a member's vote and follow), its project, the
    // discussion's threads with the idea's facts and count, and their replies.
    ("{idea}", 4, 4),
    ("/themes", 0, 0),
    ("/projects", 2, 2),
    ("/dashboard", 0, 0),
];

/// Pages that SQLite asks one statement more for than PostgreSQL.
const SQLITE_MORE: &[&str] = &["/ideas?q=velo"];

fn budgets_on(engine: Engine, page: &str, visitor: u64, member: u64) -> (u64, u64) {
    let more = u64::from(matches!(engine, Engine::Sqlite) && SQLITE_MORE.contains(&page));
    (visitor + more, member + more)
}

async fn statements_of(browser: &Browser, path: &str) -> u64 {
    let (status, _) = browser.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    if std::env::var_os("AGORA_SHOW_STATEMENTS").is_some() {
        eprintln!("{path}:");
    }
    let before = STATEMENTS.load(Ordering::SeqCst);
    let (status, _) = browser.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    STATEMENTS.load(Ordering::SeqCst) - before
}

async fn each_main_page_asks_the_database_no_more_than_its_budget(engine: Engine) {
    count_statements();
    let _turn = ONE_AT_A_TIME.lock().await;
    let no_page_cache = Tuning {
        page_cache_ms: 0,
        dashboard_cache_seconds: DEFAULT_DASHBOARD_CACHE_SECONDS,
    };
    // The background tasks look rarely, so that only requests run statements.
    let app = spawn_configured(engine, &no_page_cache, |config| {
        config.mail.poll_ms = 3_600_000;
        config.mail.news_every_ms = 3_600_000;
    })
    .await;
    agora_server::demo::load(&app.db).await.expect("demo loads");
    let (_, member) = app.signed_in("counted@example.be", Role::Member).await;
    let visitor = app.browser();
    let (_, list) = visitor.get_html("/ideas?sort=most_votes").await;
    let idea = list
        .split("href=\"")
        .filter_map(|rest| rest.split('"').next())
        .find(|path| {
            path.strip_prefix("/ideas/")
                .is_some_and(|id| id.starts_with(|c: char| c.is_ascii_digit()))
        })
        .expect("an idea on the list")
        .to_owned();
    // The tasks that run when a server starts or comes to lead (trending, the session
    // sweep) are done: no statement for a second and a half.
    let (mut last, mut quiet_since) = (STATEMENTS.load(Ordering::SeqCst), std::time::Instant::now());
    while quiet_since.elapsed() < std::time::Duration::from_millis(1_500) {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let now = STATEMENTS.load(Ordering::SeqCst);
        if now != last {
            (last, quiet_since) = (now, std::time::Instant::now());
        }
    }

    let mut measured = Vec::new();
    for (page, visitor_budget, member_budget) in BUDGETS {
        let (visitor_budget, member_budget) = budgets_on(engine, page, *visitor_budget, *member_budget);
        let path = if *page == "{idea}" { idea.as_str() } else { page };
        let as_visitor = statements_of(&visitor, path).await;
        let as_member = statements_of(&member, path).await;
        measured.push((path.to_owned(), as_visitor, visitor_budget, as_member, member_budget));
    }
    let report: Vec<String> = measured
        .iter()
        .map(|(path, v, vb, m, mb)| format!("{path}: visitor {v} (budget {vb}), member {m} (budget {mb})"))
        .collect();
    eprintln!("statements per page on {engine:?}:\n  {}", report.join("\n  "));
    let over: Vec<&String> = measured
        .iter()
        .zip(&report)
        .filter(|((_, v, vb, m, mb), _)| v > vb || m > mb)
        .map(|(_, line)| line)
        .collect();
    assert!(over.is_empty(), "pages over their budget of statements: {over:#?}");
}
