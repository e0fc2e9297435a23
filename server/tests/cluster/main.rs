//! Several servers, one PostgreSQL database, nginx in front: two `agora-server`
//! processes on a fresh database behind Debian's nginx with the site's own
//! `deploy/nginx/agora-locations.conf`, walked through as visitors walk it.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;
mod processes;

use agora_app::accounts::model::Role;
use common::{id_of, location, publish, set_cookie, Browser, Engine, TestApp, GOOD_PASSWORD};
use futures::future::join_all;
use processes::{Nginx, Server};
use reqwest::header::ORIGIN;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_on_one_postgres_behind_nginx() {
    let site = common::unserved(Engine::Postgres).await;
    let outbox = std::env::temp_dir().join(format!("agora_cluster_outbox_{:016x}", rand::random::<u64>()));
    let first = Server::start(&site.database_url, &outbox).await;
    let mut second = Server::start(&site.database_url, &outbox).await;
    let nginx = Nginx::start(&[&first, &second]).await;
    let app = site.served_at(&nginx.base).await;

    a_session_made_through_one_server_is_known_to_the_other(&app, &first, &second).await;
    a_sign_out_on_one_server_ends_the_session_on_the_other(&app, &first, &second).await;
    a_hundred_votes_through_nginx_count_exactly_once(&app).await;
    a_write_on_one_server_shows_on_the_others_pages_within_a_second(&app, &first, &second).await;
    the_unread_count_one_server_keeps_follows_the_others_news_and_reading(&app, &first, &second).await;
    registrations_per_network_hold_across_the_servers(&app).await;
    each_periodic_task_runs_on_one_server_only(&first, &second).await;
    every_request_has_an_id_in_its_answer_and_its_log_lines(&nginx, &first, &second).await;
    stopping_a_server_under_load_fails_no_request(&nginx, &first, &mut second).await;

    let _ = std::fs::remove_dir_all(&outbox);
}

fn browser_of(browser: &Browser, server: &Server) -> Browser {
    Browser {
        base: server.base.clone(),
        ..browser.clone()
    }
}

async fn a_session_made_through_one_server_is_known_to_the_other(app: &TestApp, first: &Server, second: &Server) {
    let visitor = app.browser();
    let registered = visitor.register("nadia@example.be", "Nadia", GOOD_PASSWORD).await;
    assert_eq!(registered.status().as_u16(), 302, "registration through nginx");
    assert_eq!(location(&registered), "/profile");
    for server in [first, second] {
        let (status, page) = browser_of(&visitor, server).get_html("/profile").await;
        assert_eq!(status, 200, "signed in on {}", server.base);
        assert!(page.contains("nadia@example.be"), "{}", server.base);
    }
}

async fn a_sign_out_on_one_server_ends_the_session_on_the_other(app: &TestApp, first: &Server, second: &Server) {
    app.create_account("bram@example.be", "Bram", GOOD_PASSWORD, Role::Member)
        .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let signed_in = client
        .post(format!("{}/api/sign_in", app.base))
        .header(ORIGIN, app.base.clone())
        .form(&[("email", "bram@example.be"), ("password", GOOD_PASSWORD)])
        .send()
        .await
        .expect("POST");
    let cookie = set_cookie(signed_in.headers(), "agora_session").expect("a session");
    let cookie = cookie.split(';').next().expect("name=value").to_owned();
    let profile = |server: &Server| {
        client
            .get(format!("{}/profile", server.base))
            .header("cookie", &cookie)
            .send()
    };
    // Both servers keep the session in memory once they served it...
    for server in [first, second] {
        assert_eq!(profile(server).await.expect("GET").status(), 200);
    }
    let signed_out = client
        .post(format!("{}/api/sign_out", first.base))
        .header(ORIGIN, first.base.clone())
        .header("cookie", &cookie)
        .send()
        .await
        .expect("POST");
    assert!(signed_out.status().is_success() || signed_out.status().is_redirection());
    assert_eq!(profile(first).await.expect("GET").status(), 401);
    // ...and the one that did not end it forgets it at once.
    let ended = Instant::now();
    while profile(second).await.expect("GET").status() != 401 {
        assert!(
            ended.elapsed() < Duration::from_secs(1),
            "the other server still knows the session a second after the sign-out"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn a_hundred_votes_through_nginx_count_exactly_once(app: &TestApp) {
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = id_of(&publish(&ana, "Shaded benches on every square", "digital-inclusion", "").await);
    let crowd = app.crowd(100).await;
    for response in join_all(crowd.iter().map(|b| b.vote(&id, true))).await {
        assert_eq!(response.status().as_u16(), 200);
    }
    let (counter, rows): (i64, i64) = sqlx::query_as(
        "SELECT vote_count, (SELECT COUNT(*) FROM votes v WHERE v.idea_id = ic.idea_id) FROM idea_counters ic WHERE ic.idea_id = $1",
    )
    .bind(id.parse::<i64>().expect("id"))
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!((counter, rows), (100, 100));
}

async fn a_write_on_one_server_shows_on_the_others_pages_within_a_second(
    app: &TestApp,
    first: &Server,
    second: &Server,
) {
    // What the votes set in motion (news for the idea's author, its email) is written
    // first: a quiet moment, so that nothing but the write below can empty the cache.
    let (mut quiet_since, mut last) = (Instant::now(), String::new());
    while quiet_since.elapsed() < Duration::from_millis(600) {
        let mut now = String::new();
        for server in [first, second] {
            now += &gauge(server, "agora_db_writes_committed").await;
        }
        if now != last {
            (quiet_since, last) = (Instant::now(), now);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let anonymous = app.browser();
    let on_second = browser_of(&anonymous, second);
    let (_, before) = on_second.get_html("/ideas").await;
    assert!(before.contains("Shaded benches on every square"));
    // A change no server made is not announced: the second server's copy of the page
    // (kept a minute in this test) still shows the old title...
    sqlx::query(
        "UPDATE ideas SET title = 'Shaded benches on each square' WHERE title = 'Shaded benches on every square'",
    )
    .execute(&app.db.pool)
    .await
    .expect("update");
    let (_, kept) = on_second.get_html("/ideas").await;
    assert!(kept.contains("Shaded benches on every square"), "the page cache is on");

    // ...and a write on the first server empties it within a second.
    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    let title = "Drinking fountains in parks";
    publish(&browser_of(&carla, first), title, "digital-inclusion", "").await;
    let written = Instant::now();
    loop {
        let (_, page) = on_second.get_html("/ideas").await;
        if page.contains(title) {
            assert!(page.contains("Shaded benches on each square"));
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(1),
            "the second server still shows its old page a second after the write"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn the_unread_count_one_server_keeps_follows_the_others_news_and_reading(
    app: &TestApp,
    first: &Server,
    second: &Server,
) {
    let (_, dora) = app.signed_in("dora@example.be", Role::Member).await;
    let path = publish(
        &browser_of(&dora, first),
        "Benches that face the sun",
        "digital-inclusion",
        "",
    )
    .await;
    let (_, emil) = app.signed_in("emil@example.be", Role::Member).await;
    let on_second = browser_of(&dora, second);
    let badge = |page: &str| {
        let header = page.split("</header>").next().unwrap_or_default();
        header
            .split("class=\"count-badge\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .map(str::to_owned)
    };
    // Twice, so that the second server answers from the account it keeps.
    for _ in 0..2 {
        let (_, page) = on_second.get_html("/ideas").await;
        assert_eq!(badge(&page), None, "nothing unread yet");
    }
    let commented = browser_of(&emil, first)
        .call(
            "/api/post_comment",
            &[("idea_id", &id_of(&path)), ("body", "Near the library, please.")],
        )
        .await;
    assert_eq!(commented.status().as_u16(), 200);
    badge_within_a_second(&on_second, &badge, Some("1".into()), "news written by the other server").await;

    let read = browser_of(&dora, first)
        .submit("/notifications", "/api/mark_notifications_read", &[])
        .await;
    assert_eq!(location(&read), "/notifications");
    badge_within_a_second(&on_second, &badge, None, "reading them all on the other server").await;
}

/// Asks `browser`'s server for the list until its header's count reads `expected`, for a
/// second at most.
async fn badge_within_a_second(
    browser: &Browser,
    badge: &impl Fn(&str) -> Option<String>,
    expected: Option<String>,
    after: &str,
) {
    let since = Instant::now();
    loop {
        let (_, page) = browser.get_html("/ideas").await;
        if badge(&page) == expected {
            return;
        }
        assert!(
            since.elapsed() < Duration::from_secs(1),
            "a second after {after}, the header still counts {:?}",
            badge(&page)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn registrations_per_network_hold_across_the_servers(app: &TestApp) {
    // Every request comes from 127.0.0.1 through nginx, which the servers trust to say so;
    // one account was registered from it already.
    let limit = agora_app::ratelimit::REGISTRATIONS_PER_NETWORK.attempts;
    let register = |n: u32| {
        reqwest::Client::new()
            .post(format!("{}/api/register", app.base))
            .header(ORIGIN, app.base.clone())
            .form(&[
                ("email", format!("new{n}@example.be")),
                ("display_name", format!("New {n}")),
                ("password", GOOD_PASSWORD.to_owned()),
                ("kind", "resident".to_owned()),
            ])
            .send()
    };
    for n in 1..limit {
        let response = register(n).await.expect("POST");
        assert_eq!(response.status().as_u16(), 200, "account {n}");
    }
    // Round robin: the next two go one to each server, and both refuse.
    for n in [limit, limit + 1] {
        let refused = register(n).await.expect("POST");
        assert_eq!(refused.status().as_u16(), 429, "account {n}");
    }
}

/// The value of one series of the server's metrics, as written there ("" when absent).
async fn gauge(server: &Server, series: &str) -> String {
    let metrics = reqwest::get(format!("{}/metrics", server.base))
        .await
        .expect("GET /metrics")
        .text()
        .await
        .expect("body");
    let prefix = format!("{series} ");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

async fn background_runs(server: &Server, task: &str) -> u64 {
    let runs = gauge(server, &format!("agora_background_runs_total{{task=\"{task}\"}}")).await;
    if runs.is_empty() {
        0
    } else {
        runs.parse().expect("a count")
    }
}

async fn each_periodic_task_runs_on_one_server_only(first: &Server, second: &Server) {
    // News by email is looked for every 100 ms here: in a second, ten looks or so.
    tokio::time::sleep(Duration::from_secs(1)).await;
    for task in ["news_mail", "trending", "registration_networks", "expired_sessions"] {
        let runs = [background_runs(first, task).await, background_runs(second, task).await];
        assert!(
            runs.iter().filter(|&&n| n > 0).count() == 1,
            "{task} runs on exactly one server: {runs:?}"
        );
    }
}

async fn every_request_has_an_id_in_its_answer_and_its_log_lines(nginx: &Nginx, first: &Server, second: &Server) {
    let client = reqwest::Client::new();
    for _ in 0..2 {
        let answer = client.get(format!("{}/ideas", nginx.base)).send().await.expect("GET");
        assert_eq!(answer.status(), 200);
        let id = answer.headers()["x-request-id"].to_str().expect("an id").to_owned();
        assert_eq!(id.len(), 32, "nginx's own id, kept: {id}");
        let logged = [first, second].iter().any(|server| {
            server
                .log()
                .lines()
                .any(|line| line.contains(&format!("request_id={id}")))
        });
        assert!(logged, "a log line of the request names {id}");
    }
    let answer = client
        .get(format!("{}/healthz", first.base))
        .header("x-request-id", "made up\tby the client")
        .send()
        .await
        .expect("GET");
    let id = answer.headers()["x-request-id"].to_str().expect("an id");
    assert_eq!(id.len(), 36, "an id the client made up is replaced: {id}");
}

async fn stopping_a_server_under_load_fails_no_request(nginx: &Nginx, first: &Server, second: &mut Server) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let until = Instant::now() + Duration::from_secs(4);
    let load = (0..8).map(|n| {
        let client = client.clone();
        let base = nginx.base.clone();
        tokio::spawn(async move {
            let (mut answered, mut failed) = (0u32, Vec::new());
            let paths = ["/ideas", "/", "/projects", "/readyz"];
            let mut i = n;
            while Instant::now() < until {
                let path = paths[i % paths.len()];
                i += 1;
                match client.get(format!("{base}{path}")).send().await {
                    Ok(response) if response.status().is_success() => answered += 1,
                    Ok(response) => failed.push(format!("{path}: {}", response.status())),
                    Err(e) => failed.push(format!("{path}: {e}")),
                }
            }
            (answered, failed)
        })
    });
    let load: Vec<_> = load.collect();
    tokio::time::sleep(Duration::from_millis(800)).await;
    second.terminate();
    let mut answered = 0;
    let mut failed = Vec::new();
    for task in load {
        let (a, f) = task.await.expect("load");
        answered += a;
        failed.extend(f);
    }
    assert!(
        second.exited(Duration::from_secs(20)).await,
        "the stopped server exits cleanly"
    );
    assert!(answered > 100, "the load ran: {answered} answers");
    assert!(
        failed.is_empty(),
        "{} of {} requests failed: {:?}\n{}",
        failed.len(),
        answered as usize + failed.len(),
        &failed[..failed.len().min(5)],
        nginx.error_log()
    );
    // The server that is left takes over the periodic tasks, if it did not run them.
    let before = background_runs(first, "news_mail").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while background_runs(first, "news_mail").await <= before {
        assert!(Instant::now() < deadline, "the server left runs the periodic tasks");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let ready = reqwest::get(format!("{}/readyz", first.base)).await.expect("GET");
    assert_eq!(ready.status(), 200);
}
