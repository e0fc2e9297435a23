//! What an operator relies on, on SQLite and PostgreSQL: `/readyz` follows the database
//! and `/healthz` does not, `/metrics` only for the networks named, an id on every
//! answer, and a backup of a running SQLite database that a server can be started on.

mod common;

use agora_app::accounts::model::Role;
use agora_server::config::Tuning;
use common::{id_of, publish, spawn_app, spawn_configured, Engine, TestApp};
use futures::future::join_all;

on_both_engines!(
    ready_follows_the_database_and_healthz_does_not,
    metrics_are_only_for_the_networks_named,
    every_answer_carries_a_request_id,
    a_backup_taken_while_the_site_writes_holds_every_row,
);

async fn status(app: &TestApp, path: &str) -> u16 {
    reqwest::get(format!("{}{path}", app.base))
        .await
        .expect("GET")
        .status()
        .as_u16()
}

async fn ready_follows_the_database_and_healthz_does_not(engine: Engine) {
    let app = spawn_app(engine).await;
    assert_eq!(status(&app, "/readyz").await, 200);
    assert_eq!(status(&app, "/healthz").await, 200);
    match engine {
        Engine::Postgres => {
            let name = app.database_url.rsplit('/').next().expect("a name").to_owned();
            let admin = sqlx::PgPool::connect(&common::postgres_admin_url())
                .await
                .expect("admin");
            let allow = |yes: bool| format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {yes}");
            sqlx::query(&allow(false))
                .execute(&admin)
                .await
                .expect("refuse connections");
            sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
                .bind(&name)
                .execute(&admin)
                .await
                .expect("cut the server off");
            assert_eq!(status(&app, "/readyz").await, 503, "the database refuses the server");
            assert_eq!(status(&app, "/healthz").await, 200, "the process still runs");
            sqlx::query(&allow(true))
                .execute(&admin)
                .await
                .expect("allow connections");
            let mut ready = status(&app, "/readyz").await;
            for _ in 0..50 {
                if ready == 200 {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                ready = status(&app, "/readyz").await;
            }
            assert_eq!(ready, 200, "ready again once the database answers");
        }
        // One file, opened by the process itself: it answers as long as the process
        // runs (a SQLite site has one server, and nothing to balance).
        Engine::Sqlite => {}
    }
}

async fn metrics_are_only_for_the_networks_named(engine: Engine) {
    let closed = spawn_app(engine).await;
    let refused = reqwest::get(format!("{}/metrics", closed.base)).await.expect("GET");
    assert_eq!(refused.status(), 403, "no one by default");
    assert!(
        refused.text().await.expect("body").contains("forbidden"),
        "the stable code"
    );

    let open = spawn_configured(engine, &Tuning::default(), |config| {
        config.metrics_readers = "127.0.0.0/8".parse().expect("networks");
    })
    .await;
    assert_eq!(status(&open, "/ideas").await, 200);
    assert_eq!(status(&open, "/ideas").await, 200);
    let (_, ana) = open.signed_in("ana@example.be", Role::Member).await;
    let idea = publish(&ana, "Lights that dim at night", "digital-inclusion", "").await;
    assert_eq!(status(&open, &idea).await, 200);
    let expected = [
        "agora_http_requests_total{method=\"GET\",route=\"/ideas\",status=\"200\"}",
        "agora_http_request_duration_seconds_bucket{method=\"GET\",route=\"/ideas\",status=\"200\",le=\"0.005\"}",
        "agora_db_connections{state=\"in_use\"}",
        "agora_db_connections{state=\"idle\"}",
        "agora_db_connections_max ",
        "agora_db_writes_in_flight ",
        "agora_page_cache_total{outcome=\"miss\"}",
        // Run once the server leads, within a second of its start.
        "agora_background_runs_total{task=\"trending\"}",
    ];
    let mut text = String::new();
    for _ in 0..50 {
        let response = reqwest::get(format!("{}/metrics", open.base)).await.expect("GET");
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/plain; version=0.0.4"));
        text = response.text().await.expect("body");
        if expected.iter().all(|series| text.contains(series)) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    for series in expected {
        assert!(text.contains(series), "{series} in\n{text}");
    }
    assert!(
        !text.contains(&format!("route=\"{idea}\"")),
        "routes are patterns, not addresses: {text}"
    );
}

async fn every_answer_carries_a_request_id(engine: Engine) {
    let app = spawn_app(engine).await;
    let client = reqwest::Client::new();
    let mut ids = Vec::new();
    for path in ["/ideas", "/healthz", "/api/v1/themes", "/no-such-page"] {
        let response = client.get(format!("{}{path}", app.base)).send().await.expect("GET");
        let id = response.headers()["x-request-id"].to_str().expect("an id").to_owned();
        assert_eq!(id.len(), 36, "{path}: {id}");
        ids.push(id);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "each request its own id");

    let proxied = client
        .get(format!("{}/healthz", app.base))
        .header("x-request-id", "5f0c6a1e9d2b4c8fa7e3d1b0c9a8f7e6")
        .send()
        .await
        .expect("GET");
    assert_eq!(proxied.headers()["x-request-id"], "5f0c6a1e9d2b4c8fa7e3d1b0c9a8f7e6");
    let forged = client
        .get(format!("{}/healthz", app.base))
        .header("x-request-id", "admin logged in; all is well")
        .send()
        .await
        .expect("GET");
    assert_ne!(forged.headers()["x-request-id"], "admin logged in; all is well");
}

async fn a_backup_taken_while_the_site_writes_holds_every_row(engine: Engine) {
    let app = spawn_app(engine).await;
    let folder = std::env::temp_dir().join(format!("agora_backup_{:016x}", rand::random::<u64>()));
    std::fs::create_dir_all(&folder).expect("folder");
    let copy = folder.join("copy.db");
    if engine == Engine::Postgres {
        let refused = agora_server::operations::backup(&app.db, &copy)
            .await
            .expect_err("PostgreSQL is copied with its own tools");
        assert!(refused.to_string().contains("pg_dump"), "{refused}");
        return;
    }
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Repair cafés in libraries", "digital-inclusion", "").await;
    let id = id_of(&path);
    let crowd = app.crowd(30).await;
    // Votes go on while the copy is taken.
    let (votes, backup) = tokio::join!(
        join_all(crowd.iter().map(|b| b.vote(&id, true))),
        agora_server::operations::backup(&app.db, &copy)
    );
    backup.expect("a backup");
    assert!(votes.iter().all(|v| v.status().as_u16() == 200));
    assert!(
        agora_server::operations::backup(&app.db, &copy).await.is_err(),
        "a backup is never written over another file"
    );

    // The copy is consistent: each idea's counter equals its rows in the copy, whatever
    // number of votes it caught.
    let url = format!("sqlite://{}", copy.display());
    let restored = agora_app::db::Db::connect(&url, 1).await.expect("the copy opens");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&restored.pool)
        .await
        .expect("check");
    assert_eq!(check, "ok");
    let (counter, rows): (i64, i64) = sqlx::query_as(
        "SELECT vote_count, (SELECT COUNT(*) FROM votes v WHERE v.idea_id = ic.idea_id) FROM idea_counters ic WHERE ic.idea_id = $1",
    )
    .bind(id.parse::<i64>().expect("id"))
    .fetch_one(&restored.pool)
    .await
    .expect("the idea is there");
    assert_eq!(counter, rows);

    // Every table holds every row the site had when the copy was taken, and a second
    // copy taken now holds exactly the site's rows.
    let again = folder.join("again.db");
    agora_server::operations::backup(&app.db, &again)
        .await
        .expect("a backup");
    let tables: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ideas_titles%' AND name NOT LIKE 'ideas_search%'")
            .fetch_all(&app.db.pool)
            .await
            .expect("tables");
    assert!(tables.len() > 20, "{tables:?}");
    let again = agora_app::db::Db::connect(&format!("sqlite://{}", again.display()), 1)
        .await
        .expect("the copy opens");
    for table in &tables {
        let count = |db: agora_app::db::Db| {
            let sql = format!("SELECT COUNT(*) FROM \"{table}\"");
            async move {
                sqlx::query_scalar::<_, i64>(&sql)
                    .fetch_one(&db.pool)
                    .await
                    .expect("count")
            }
        };
        assert_eq!(count(again.clone()).await, count(app.db.clone()).await, "{table}");
    }
    assert_eq!(
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM votes")
            .fetch_one(&again.pool)
            .await
            .expect("votes"),
        30
    );

    // A server starts on the copy and shows the idea.
    let server = agora_server::build(&common::test_config(&format!(
        "sqlite://{}",
        folder.join("again.db").display()
    )))
    .await
    .expect("a server on the copy");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move {
        let _ = agora_server::serve(listener, server).await;
    });
    let page = reqwest::get(format!("{base}{path}")).await.expect("GET");
    assert_eq!(page.status(), 200);
    assert!(page.text().await.expect("body").contains("Repair cafés in libraries"));
    let _ = std::fs::remove_dir_all(&folder);
}

/// The SQLite site's content, table by table, compared with the copy's.
async fn rows_of(db: &agora_app::db::Db, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
        .fetch_one(&db.pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_moves_from_sqlite_to_postgres() {
    let app = spawn_app(Engine::Sqlite).await;
    agora_server::demo::load(&app.db).await.expect("demo data");
    let (_, ana) = app.signed_in("ana@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches that charge phones", "digital-inclusion", "").await;
    let id = id_of(&path);
    let crowd = app.crowd(5).await;
    join_all(crowd.iter().map(|b| b.vote(&id, true))).await;
    // References to rows of the same table, pointing forward: an older account blocked
    // by a newer one, an older idea merged into a newer one.
    sqlx::query(
        "UPDATE accounts SET blocked_by = (SELECT MAX(id) FROM accounts) WHERE id = (SELECT MIN(id) FROM accounts)",
    )
    .execute(&app.db.pool)
    .await
    .expect("a block");
    sqlx::query("UPDATE ideas SET duplicate_of = (SELECT MAX(id) FROM ideas) WHERE id = (SELECT MIN(id) FROM ideas)")
        .execute(&app.db.pool)
        .await
        .expect("a merge");

    let target = common::unserved(Engine::Postgres).await;
    let postgres = agora_app::db::Db::connect(&target.database_url, 2)
        .await
        .expect("PostgreSQL");
    agora_server::migrate(&postgres).await.expect("the schema");
    let copied = agora_server::operations::copy_to_postgres(&app.db, &postgres)
        .await
        .expect("the copy");
    assert!(copied.len() > 20, "{copied:?}");
    for (table, rows) in &copied {
        assert_eq!(
            i64::try_from(*rows).expect("rows"),
            rows_of(&app.db, table).await,
            "{table}"
        );
        assert_eq!(
            rows_of(&postgres, table).await,
            rows_of(&app.db, table).await,
            "{table}"
        );
    }
    assert!(copied["votes"] > 5 && copied["ideas"] > 5, "{copied:?}");
    let sums =
        "SELECT (SELECT CAST(SUM(vote_count) AS BIGINT) FROM idea_counters), (SELECT CAST(SUM(id) AS BIGINT) FROM comments), \
                (SELECT COUNT(*) FROM accounts WHERE blocked_by IS NOT NULL), \
                (SELECT COUNT(*) FROM ideas WHERE duplicate_of IS NOT NULL)";
    let of = |db: agora_app::db::Db| async move {
        sqlx::query_as::<_, (Option<i64>, Option<i64>, i64, i64)>(sums)
            .fetch_one(&db.pool)
            .await
            .expect("sums")
    };
    assert_eq!(of(postgres.clone()).await, of(app.db.clone()).await);
    assert!(
        agora_server::operations::copy_to_postgres(&app.db, &postgres)
            .await
            .is_err(),
        "a database that holds a site is never copied into"
    );

    // A server on the copy: the idea is there, people sign in with their passwords, and
    // what is written next is numbered after what was copied.
    let moved = common::spawn_on(target).await;
    let visitor = moved.browser();
    let (status, page) = visitor.get_html(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Benches that charge phones"));
    let ana = moved.browser();
    assert_eq!(
        common::location(&ana.sign_in("ana@example.be", common::GOOD_PASSWORD).await),
        "/profile"
    );
    let next = id_of(&publish(&ana, "Shade sails over playgrounds", "digital-inclusion", "").await);
    assert!(next.parse::<i64>().expect("id") > id.parse::<i64>().expect("id"));
}
