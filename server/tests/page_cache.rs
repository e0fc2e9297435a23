//! The page cache for visitors without a session (`server/src/page_cache.rs`): what it
//! may serve, to whom, and when it forgets. Each server here keeps pages for a minute,
//! so that whether an answer came from the cache never depends on timing.

mod common;

use agora_app::accounts::model::Role;
use agora_server::config::{Tuning, DEFAULT_DASHBOARD_CACHE_SECONDS};
use agora_server::page_cache::{self, PageCache};
use axum::body::Body;
use axum::response::IntoResponse;
use axum::{middleware, routing::get, Router};
use common::{id_of, publish, spawn_app_tuned, Engine, TestApp};
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_SECURITY_POLICY, COOKIE};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tower::ServiceExt;

on_both_engines!(
    every_answer_has_a_nonce_of_its_own_even_from_the_cache,
    a_visitor_sees_an_idea_published_a_moment_ago,
    a_signed_in_browser_is_always_served_its_own_page,
    each_language_has_its_own_copy,
    the_cache_can_be_turned_off,
    a_session_cookie_spelled_otherwise_never_puts_a_signed_in_page_in_the_cache,
    only_a_write_that_succeeded_empties_the_cache,
);

const A_MINUTE: Tuning = Tuning {
    page_cache_ms: 60_000,
    dashboard_cache_seconds: DEFAULT_DASHBOARD_CACHE_SECONDS,
};

/// The nonce in the policy, and every nonce attribute in the page.
fn nonces(policy: &str, html: &str) -> (String, Vec<String>) {
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    let end = start + policy[start..].find('\'').expect("quoted");
    let in_page = html
        .split("nonce=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("quoted")].to_owned())
        .collect();
    (policy[start..end].to_owned(), in_page)
}

/// Renames an idea behind the server's back: only a page rendered afresh shows it.
async fn rename_directly(app: &TestApp, path: &str, title: &str) {
    sqlx::query("UPDATE ideas SET title = $1 WHERE id = $2")
        .bind(title)
        .bind(id_of(path).parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("rename");
}

async fn every_answer_has_a_nonce_of_its_own_even_from_the_cache(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let visitor = app.browser();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let response = visitor.get("/ideas").await;
        assert_eq!(response.status().as_u16(), 200);
        let policy = response.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("policy")
            .to_owned();
        let html = response.text().await.expect("body");
        let (nonce, in_page) = nonces(&policy, &html);
        assert!(!in_page.is_empty(), "the page's scripts carry the nonce");
        assert!(in_page.iter().all(|n| *n == nonce), "header and body agree");
        assert!(!seen.iter().any(|old| html.contains(old)), "no earlier nonce is left");
        seen.push(nonce);
        // After the first answer, the rest must come from the cache to pass this.
        rename_directly(&app, &path, "Renamed behind the cache").await;
        assert!(html.contains(">Benches along the canal<"));
    }
}

async fn a_visitor_sees_an_idea_published_a_moment_ago(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(&ana, "Water fountains in every park", "human-capital", "").await;
    let visitor = app.browser();
    let (_, before) = visitor.get_html("/ideas").await;
    assert!(before.contains(">Water fountains in every park<"));

    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    publish(&bram, "Night buses on weekdays", "human-capital", "").await;
    let (_, after) = visitor.get_html("/ideas").await;
    assert!(after.contains(">Night buses on weekdays<"), "a write empties the cache");
    assert!(after.contains(">Water fountains in every park<"));
}

async fn a_signed_in_browser_is_always_served_its_own_page(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    let visitor = app.browser();
    let (_, anonymous) = visitor.get_html("/ideas").await;
    assert!(!anonymous.contains("class=\"account-name\""));
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    for _ in 0..2 {
        for (browser, name, other) in [(&ana, "ana", "bram"), (&bram, "bram", "ana")] {
            let (status, page) = browser.get_html("/ideas").await;
            assert_eq!(status, 200);
            assert!(
                page.contains(&format!("class=\"account-name\">{name}<")),
                "{name} sees their name"
            );
            assert!(
                !page.contains(&format!(">{other}<")),
                "{name} never sees {other}'s page"
            );
        }
        let (_, page) = visitor.get_html("/ideas").await;
        assert!(
            !page.contains("class=\"account-name\""),
            "a visitor is never served a signed-in page"
        );
    }
}

async fn a_session_cookie_spelled_otherwise_never_puts_a_signed_in_page_in_the_cache(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    app.create_account("ana@example.be", "Ana", common::GOOD_PASSWORD, Role::Member)
        .await;
    let signing_in = app.cookieless();
    let response = signing_in.sign_in("ana@example.be", common::GOOD_PASSWORD).await;
    let session = common::set_cookie(response.headers(), "agora_session")
        .map(|c| common::cookie_value(&c))
        .expect("a session");
    for spelling in [
        format!("agora%5Fsession={session}"),
        format!("agora_session ={session}"),
        format!("theme=dark; agora%5fsession={session}"),
    ] {
        let (status, page) = {
            let response = app
                .cookieless()
                .client
                .get(format!("{}/profile", app.base))
                .header(COOKIE, &spelling)
                .send()
                .await
                .expect("GET");
            (response.status().as_u16(), response.text().await.expect("body"))
        };
        assert_eq!(status, 200, "the session layer reads {spelling}");
        assert!(page.contains("ana@example.be"));
        let (status, page) = app.cookieless().get_html("/profile").await;
        assert_eq!(status, 401, "a visitor after {spelling} is not served Ana's profile");
        assert!(!page.contains("ana@example.be"));
    }
}

/// Waits, five seconds at most, until `sql` (one number) is above zero: for what the
/// server writes off the request. The assertions that follow say what was missing.
async fn wait_until_positive(app: &TestApp, sql: &str) {
    for _ in 0..250 {
        let value: i64 = sqlx::query_scalar(sql).fetch_one(&app.db.pool).await.expect(sql);
        if value > 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn only_a_write_that_succeeded_empties_the_cache(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    // The server's first look at trending (once it leads, a moment after its start on
    // PostgreSQL) is a write that empties the cache: the page is stored after it.
    wait_until_positive(&app, "SELECT day FROM trending_clock WHERE id = 1").await;
    let visitor = app.browser();
    assert!(visitor.get_html("/ideas").await.1.contains(">Benches along the canal<"));
    rename_directly(&app, &path, "Renamed behind the cache").await;
    // Requests that change nothing, refused or not: the stored page stays.
    let anonymous = app.cookieless();
    assert_eq!(anonymous.call("/healthz", &[]).await.status().as_u16(), 405);
    let refused = anonymous
        .call("/api/admin/set_role", &[("account_id", "1"), ("role", "admin")])
        .await;
    assert_eq!(refused.status().as_u16(), 401);
    let wrong = anonymous
        .call("/api/sign_in", &[("email", "x@example.be"), ("password", "nope nope")])
        .await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(
        anonymous.sign_in("x@example.be", "nope nope").await.status().as_u16(),
        302
    );
    // A failed sign-in on an account that exists (its counter of failures is written), a
    // registration with an email taken, and a member's refused call (audited).
    for _ in 0..2 {
        let failed = anonymous
            .call(
                "/api/sign_in",
                &[("email", "ana@example.be"), ("password", "nope nope")],
            )
            .await;
        assert_eq!(failed.status().as_u16(), 401);
    }
    let taken = anonymous
        .register("bram@example.be", "Bram again", common::GOOD_PASSWORD)
        .await;
    assert!(common::location(&taken).contains("__err="));
    let forbidden = bram
        .call("/api/admin/set_role", &[("account_id", "1"), ("role", "admin")])
        .await;
    assert_eq!(forbidden.status().as_u16(), 403);
    // The refusal is audited off the request: wait until it is written.
    wait_until_positive(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'authz.refused'").await;
    let read = anonymous
        .call("/api/comments", &[("idea_id", id_of(&path).as_str())])
        .await;
    assert_eq!(read.status().as_u16(), 200, "a server function that only reads");
    assert_eq!(anonymous.call("/api/current_user", &[]).await.status().as_u16(), 200);
    let (_, page) = visitor.get_html("/ideas").await;
    assert!(page.contains(">Benches along the canal<"), "still the stored page");
    // A write that succeeded empties it.
    publish(&bram, "Night buses on weekdays", "human-capital", "").await;
    let (_, page) = visitor.get_html("/ideas").await;
    assert!(page.contains(">Renamed behind the cache<"), "rendered afresh");
}

async fn each_language_has_its_own_copy(engine: Engine) {
    let app = spawn_app_tuned(engine, &A_MINUTE).await;
    let visitor = app.browser();
    for _ in 0..2 {
        for (language, cookie, lang) in [
            ("fr-BE,fr;q=0.9", "", "fr"),
            ("nl", "", "nl"),
            ("en", "", "en"),
            ("fr", "agora_locale=nl", "nl"),
        ] {
            let mut request = visitor
                .client
                .get(visitor.url("/ideas"))
                .header(ACCEPT_LANGUAGE, language);
            if !cookie.is_empty() {
                request = request.header(COOKIE, cookie);
            }
            let html = request.send().await.expect("GET").text().await.expect("body");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{language} {cookie}: {lang}"
            );
        }
    }
}

async fn the_cache_can_be_turned_off(engine: Engine) {
    let app = spawn_app_tuned(
        engine,
        &Tuning {
            page_cache_ms: 0,
            ..Tuning::default()
        },
    )
    .await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let visitor = app.browser();
    let (_, before) = visitor.get_html("/ideas").await;
    assert!(before.contains(">Benches along the canal<"));
    rename_directly(&app, &path, "Renamed behind the cache").await;
    let (_, after) = visitor.get_html("/ideas").await;
    assert!(
        after.contains(">Renamed behind the cache<"),
        "every page is rendered afresh"
    );
}

/// The middleware alone, around handlers that count how often they run.
fn counted(handler_cookie: Option<&'static str>, cache_control: Option<&'static str>) -> (Router, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = runs.clone();
    let page = move || {
        let counter = counter.clone();
        async move {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            let mut response = (
                [("content-type", "text/html; charset=utf-8")],
                format!("<p>run {n}</p>"),
            )
                .into_response();
            if let Some(cookie) = handler_cookie {
                response
                    .headers_mut()
                    .insert("set-cookie", cookie.parse().expect("header"));
            }
            if let Some(value) = cache_control {
                response
                    .headers_mut()
                    .insert("cache-control", value.parse().expect("header"));
            }
            response
        }
    };
    let cache = PageCache::new(60_000, Default::default(), Default::default()).expect("on");
    let router = Router::new()
        .route("/page", get(page))
        .layer(middleware::from_fn_with_state(cache, page_cache::layer));
    (router, runs)
}

async fn get_page(router: &Router, cookie: Option<&str>) -> String {
    let mut request = http::Request::get("/page");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.expect("body");
    String::from_utf8(body.to_vec()).expect("utf-8")
}

#[tokio::test]
async fn only_pages_without_cookies_or_no_store_are_kept() {
    let (plain, runs) = counted(None, None);
    assert_eq!(get_page(&plain, None).await, "<p>run 1</p>");
    assert_eq!(get_page(&plain, None).await, "<p>run 1</p>", "kept");
    assert_eq!(
        get_page(&plain, Some("agora_session=abc")).await,
        "<p>run 2</p>",
        "a session is never served a kept page"
    );
    assert_eq!(runs.load(Ordering::SeqCst), 2);

    let (cookie, runs) = counted(Some("agora_locale=fr; Path=/"), None);
    get_page(&cookie, None).await;
    assert_eq!(
        get_page(&cookie, None).await,
        "<p>run 2</p>",
        "a page with Set-Cookie is not kept"
    );
    assert_eq!(runs.load(Ordering::SeqCst), 2);

    let (no_store, runs) = counted(None, Some("no-store"));
    get_page(&no_store, None).await;
    get_page(&no_store, None).await;
    assert_eq!(runs.load(Ordering::SeqCst), 2, "no-store is respected");
}
