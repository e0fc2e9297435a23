//! How many database queries each main page costs, counted from the statements the
//! database driver reports, and how many connections it borrows from sqlx's pool (each
//! costs a round trip of its own when given back), with the page cache off. A page that
//! starts asking more fails here: the budget below is what it asks today, and lowering
//! it is welcome.
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
/// Connections given back to a pool by this process, likewise.
static GIVEN_BACK: AtomicU64 = AtomicU64::new(0);
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

struct CountGivenBack;

impl<S: Subscriber> Layer<S> for CountGivenBack {
    fn on_event(&self, _event: &Event<'_>, _ctx: Context<'_, S>) {
        GIVEN_BACK.fetch_add(1, Ordering::SeqCst);
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

fn count_statements_and_connections() {
    // sqlx reports each statement it ran as an event of target `sqlx::query` (at the
    // debug level, or warn for a slow one); the pool each connection given back.
    let _ = tracing_subscriber::registry()
        .with(CountStatements.with_filter(Targets::new().with_target("sqlx::query", tracing::Level::DEBUG)))
        .with(CountGivenBack.with_filter(Targets::new().with_target(agora_app::db::GIVEN_BACK, tracing::Level::DEBUG)))
        .try_init();
}

/// A page, the most statements it may run and the most connections it may borrow, for a
/// visitor and for a signed-in member.
struct Budget {
    page: &'static str,
    statements: (u64, u64),
    connections: (u64, u64),
}

const fn budget(page: &'static str, statements: (u64, u64), connections: (u64, u64)) -> Budget {
    Budget {
        page,
        statements,
        connections,
    }
}

const BUDGETS: &[Budget] = &[
    // Themes, municipalities and the dashboard's figures come from memory; a visitor's
    // list is its one query. A member's account with its unread count comes from memory
    // too once read (`accounts::store::signed_in`): a member's page costs what a visitor's
    // does.
    budget("/", (0, 0), (0, 0)),
    budget("/ideas", (1, 1), (1, 1)),
    // Newest first, SQLite's search index gives a search's ideas in the list's order. In
    // another order, it first asks its matches, at most a few hundred, to choose how to
    // find them (`ideas::store::list`): one statement more there (`SQLITE_MORE`).
    budget("/ideas?q=velo", (1, 1), (1, 1)),
    budget("/ideas?q=velo&sort=most_votes", (1, 1), (1, 1)),
    budget("/ideas?sort=most_votes&page=2", (1, 1), (1, 1)),
    // The idea with its history (and a member's vote and follow), its project, the
    // discussion's threads with the idea's facts and count, and their replies: all on
    // one connection (`ideas::api::get_idea_page`).
    budget("{idea}", (4, 4), (1, 1)),
    budget("/themes", (0, 0), (0, 0)),
    budget("/projects", (2, 2), (2, 2)),
    budget("/dashboard", (0, 0), (0, 0)),
    // An idea nobody ever wrote under has no discussion to read: its one statement says so.
    // Last, so that the pages above are measured as long after the server's start as
    // before it was added (themes and municipalities stay in memory 10 s).
    budget("{idea nobody discussed}", (1, 1), (1, 1)),
];

/// Pages that SQLite asks one statement more for than PostgreSQL.
const SQLITE_MORE: &[&str] = &["/ideas?q=velo&sort=most_votes"];

/// Pages that read on `Db::reader`: on SQLite its connections are not sqlx's pool's and
/// go back without a round trip (`db::readers`), so these borrow none from the pool there.
const READ_BY_A_READER: &[&str] = &[
    "/ideas",
    "/ideas?q=velo",
    "/ideas?q=velo&sort=most_votes",
    "/ideas?sort=most_votes&page=2",
    "{idea}",
    "{idea nobody discussed}",
];

fn connections_on(engine: Engine, page: &str, budget: (u64, u64)) -> (u64, u64) {
    if matches!(engine, Engine::Sqlite) && READ_BY_A_READER.contains(&page) {
        (0, 0)
    } else {
        budget
    }
}

fn budgets_on(engine: Engine, page: &str, (visitor, member): (u64, u64)) -> (u64, u64) {
    let more = u64::from(matches!(engine, Engine::Sqlite) && SQLITE_MORE.contains(&page));
    (visitor + more, member + more)
}

/// Both counts once nothing changed them for a while: a connection goes back to the
/// pool in a task of its own, which may end after the page was answered.
async fn settled() -> (u64, u64) {
    let read = || (STATEMENTS.load(Ordering::SeqCst), GIVEN_BACK.load(Ordering::SeqCst));
    let (mut last, mut quiet_since) = (read(), std::time::Instant::now());
    while quiet_since.elapsed() < std::time::Duration::from_millis(200) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        if read() != last {
            (last, quiet_since) = (read(), std::time::Instant::now());
        }
    }
    last
}

/// The statements a page runs and the connections it borrows, asked a second time.
async fn cost_of(browser: &Browser, path: &str) -> (u64, u64) {
    let (status, _) = browser.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    if std::env::var_os("AGORA_SHOW_STATEMENTS").is_some() {
        eprintln!("{path}:");
    }
    let (statements, given_back) = settled().await;
    let (status, _) = browser.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    let (statements_after, given_back_after) = settled().await;
    (statements_after - statements, given_back_after - given_back)
}

async fn each_main_page_asks_the_database_no_more_than_its_budget(engine: Engine) {
    count_statements_and_connections();
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
    let (quiet_id, quiet_slug): (i64, String) = sqlx::query_as(
        "SELECT id, slug FROM ideas WHERE hidden_at IS NULL AND status = 'open' \
         AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.idea_id = ideas.id) ORDER BY id LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("an open idea nobody wrote under");
    let quiet = format!("/ideas/{quiet_id}-{quiet_slug}");
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
    for budget in BUDGETS {
        let (visitor_budget, member_budget) = budgets_on(engine, budget.page, budget.statements);
        let connections = connections_on(engine, budget.page, budget.connections);
        let path = match budget.page {
            "{idea}" => idea.as_str(),
            "{idea nobody discussed}" => quiet.as_str(),
            page => page,
        };
        let (visitor_statements, visitor_connections) = cost_of(&visitor, path).await;
        let (member_statements, member_connections) = cost_of(&member, path).await;
        let line = format!(
            "{path}: visitor {visitor_statements} statements on {visitor_connections} connections (budget {visitor_budget} \
             on {}), member {member_statements} on {member_connections} (budget {member_budget} on {})",
            connections.0, connections.1
        );
        let over = visitor_statements > visitor_budget
            || member_statements > member_budget
            || visitor_connections > connections.0
            || member_connections > connections.1;
        measured.push((line, over));
    }
    let report: Vec<&str> = measured.iter().map(|(line, _)| line.as_str()).collect();
    eprintln!(
        "statements and connections per page on {engine:?}:\n  {}",
        report.join("\n  ")
    );
    let over: Vec<&str> = measured
        .iter()
        .filter(|(_, over)| *over)
        .map(|(line, _)| line.as_str())
        .collect();
    assert!(over.is_empty(), "pages over their budget: {over:#?}");
}
