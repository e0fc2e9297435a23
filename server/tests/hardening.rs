//! The holes an attacker finds by reading the code, closed: redirects that leave the
//! site, anonymous requests that make the server store data, limits that lock people out
//! or can be dodged, and costs an anonymous client can impose. Every case runs on SQLite
//! and on PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use agora_server::config::Tuning;
use common::{location, publish, set_cookie, spawn_app, spawn_configured, Browser, Engine, GOOD_PASSWORD};
use reqwest::header::{ACCEPT, ORIGIN, REFERER};

on_both_engines!(
    sign_in_never_sends_anyone_off_the_site,
    a_referer_that_could_leave_the_site_is_never_followed,
    failed_anonymous_sign_ins_and_registrations_store_nothing,
    an_attacker_hammering_an_account_does_not_lock_its_owner_out,
    one_network_cannot_spray_passwords_over_many_accounts,
    a_burst_of_sign_ins_sent_at_once_is_limited_too,
    forwarding_headers_count_only_from_trusted_proxies,
    sign_in_failures_of_an_account_count_on_every_server,
    registrations_per_network_hold_on_every_server,
    a_refused_plain_form_says_how_long_to_wait,
    password_changes_are_limited,
);

/// `next` values an attacker could put in a sign-in link.
fn hostile_targets() -> Vec<String> {
    let mut targets: Vec<String> = [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\nLocation: //evil.example",
        "//evil.example",
        "//evil.example/profile",
        "/\\evil.example",
        "\\\\evil.example",
        "%2F%2Fevil.example",
        "/%2F%2Fevil.example",
        "/%09/evil.example",
        "/%5Cevil.example",
        "javascript:alert(document.cookie)",
        "https://evil.example/",
        "http:evil.example",
        "evil.example",
    ]
    .map(str::to_owned)
    .to_vec();
    targets.push(format!("/{}", "a".repeat(10 * 1024)));
    targets
}

/// A plain form post with the `Referer` of the test's choosing (`from` may be any text).
async fn submit_from(browser: &Browser, referer: &str, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    browser
        .client
        .post(browser.url(action))
        .header(ACCEPT, "text/html")
        .header(ORIGIN, browser.base.clone())
        .header(REFERER, referer)
        .header("sec-fetch-site", "same-origin")
        .form(fields)
        .send()
        .await
        .expect("POST answered: the connection was not dropped")
}

async fn sign_in_never_sends_anyone_off_the_site(engine: Engine) {
    let app = spawn_app(engine).await;
    app.create_account("ana@example.be", "Ana", GOOD_PASSWORD, Role::Member)
        .await;
    for next in hostile_targets() {
        let browser = app.browser();
        let response = browser
            .submit(
                "/login",
                "/api/sign_in",
                &[
                    ("email", "ana@example.be"),
                    ("password", GOOD_PASSWORD),
                    ("next", &next),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 302, "{next:?}");
        assert_eq!(location(&response), "/profile", "{next:?} becomes the profile");
    }
    let browser = app.browser();
    let response = browser
        .submit(
            "/login",
            "/api/sign_in",
            &[
                ("email", "ana@example.be"),
                ("password", GOOD_PASSWORD),
                ("next", "/ideas?sort=trending"),
            ],
        )
        .await;
    assert_eq!(
        location(&response),
        "/ideas?sort=trending",
        "a page of the site is kept"
    );
}

async fn a_referer_that_could_leave_the_site_is_never_followed(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bob) = app.signed_in("bob@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let id = common::id_of(&path);
    let hostile = [
        format!("{}//evil.example/x", app.base),
        format!("{}/%2F%2Fevil.example", app.base),
        "http://evil.example/ideas".to_owned(),
        "//evil.example/x".to_owned(),
    ];
    for referer in &hostile {
        // The language switch goes back to the page it was chosen on.
        let response = submit_from(&app.browser(), referer, "/api/set_locale", &[("locale", "nl")]).await;
        assert_eq!(location(&response), "/", "language switch from {referer}");
        // A refused form goes back to the page it came from, with its error.
        let response = submit_from(
            &app.browser(),
            referer,
            "/api/sign_in",
            &[("email", "x"), ("password", "y")],
        )
        .await;
        assert_eq!(location(&response), "/", "refused sign-in from {referer}");
        // A report form goes back to the discussion, saying thanks.
        let response = submit_from(
            &bob,
            referer,
            "/api/report",
            &[("target", "idea"), ("target_id", &id), ("reason", "spam"), ("note", "")],
        )
        .await;
        let back = location(&response);
        assert!(
            back.starts_with('/') && !back.starts_with("//"),
            "report from {referer}: {back}"
        );
        assert!(!back.contains("evil"), "report from {referer}: {back}");
    }
    // A comment goes to the comment, whatever page the browser says it came from.
    let response = submit_from(
        &bob,
        &format!("{}//evil.example/x?comments=oldest", app.base),
        "/api/post_comment",
        &[("idea_id", &id), ("body", "Yes, and shade too.")],
    )
    .await;
    let place = location(&response);
    assert!(place.starts_with(&format!("{path}#comment-")), "{place}");
    // The site's own pages are where the browser goes back to.
    let response = submit_from(
        &app.browser(),
        &format!("{}/ideas?sort=trending&__err=x", app.base),
        "/api/set_locale",
        &[("locale", "fr")],
    )
    .await;
    assert_eq!(location(&response), "/ideas?sort=trending");
}

async fn failed_anonymous_sign_ins_and_registrations_store_nothing(engine: Engine) {
    let app = spawn_app(engine).await;
    app.create_account("ana@example.be", "Ana", GOOD_PASSWORD, Role::Member)
        .await;
    let before = app.session_rows().await;
    let attacker = app.cookieless();
    let huge_email = format!("{}@example.be", "a".repeat(100 * 1024));
    let huge_password = "b".repeat(100 * 1024);
    let mut refused_at_once = 0;
    for i in 0..100 {
        let email = if i % 2 == 0 {
            huge_email.as_str()
        } else {
            "ana@example.be"
        };
        let response = attacker
            .submit(
                "/login",
                "/api/sign_in",
                &[("email", email), ("password", &huge_password)],
            )
            .await;
        assert_eq!(response.status().as_u16(), 302, "sent back to the form");
        assert_eq!(set_cookie(response.headers(), "agora_session"), None, "no session");
        let kept = set_cookie(response.headers(), "agora_form").unwrap_or_default();
        assert!(
            kept.len() < 4096,
            "what was typed is kept in at most a few KB: {}",
            kept.len()
        );
        if location(&response).contains("__err=") && response.headers().contains_key("retry-after") {
            refused_at_once += 1;
        }
    }
    assert!(
        refused_at_once > 0,
        "the network's failures reached its limit on the way"
    );
    for _ in 0..5 {
        let response = attacker
            .submit(
                "/register",
                "/api/register",
                &[
                    ("email", &huge_email),
                    ("display_name", "Someone"),
                    ("password", "short"),
                    ("kind", "resident"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 302);
        assert_eq!(set_cookie(response.headers(), "agora_session"), None);
    }
    assert_eq!(app.session_rows().await, before, "the sessions table is unchanged");

    // A browser that keeps cookies still finds what it typed in the form.
    let browser = app.browser();
    let refused = browser.sign_in("ana@example.be", "not the right one at all").await;
    let back = location(&refused);
    let (_, page) = browser.get_html(&back).await;
    assert!(page.contains(r#"value="ana@example.be""#), "the email is refilled");
    assert_eq!(app.session_rows().await, before);
}

/// A browser whose requests a trusted proxy forwards for `client`.
async fn sign_in_from(app_base: &str, client: &str, email: &str, password: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{app_base}/api/sign_in"))
        .header(ORIGIN, app_base)
        .header("x-forwarded-for", client)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .expect("POST")
}

fn retry_after(response: &reqwest::Response) -> Option<u64> {
    response.headers().get("retry-after")?.to_str().ok()?.parse().ok()
}

async fn an_attacker_hammering_an_account_does_not_lock_its_owner_out(engine: Engine) {
    let app = spawn_configured(engine, &Tuning::default(), |c| {
        c.trusted_proxies = "127.0.0.1".parse().expect("list");
    })
    .await;
    app.create_account("admin@example.be", "Admin", GOOD_PASSWORD, Role::Admin)
        .await;
    let free = agora_app::ratelimit::FREE_SIGN_IN_FAILURES;
    for _ in 0..free {
        let response = sign_in_from(&app.base, "198.51.100.66", "admin@example.be", "guess guess guess").await;
        assert_eq!(response.status().as_u16(), 401);
    }
    // Meanwhile the attack goes on from many other networks.
    sqlx::query("UPDATE accounts SET sign_in_failures = 40 WHERE email_normalized = $1")
        .bind("admin@example.be")
        .execute(&app.db.pool)
        .await
        .expect("failures");
    for _ in 0..5 {
        let response = sign_in_from(&app.base, "198.51.100.66", "admin@example.be", "guess guess guess").await;
        assert_eq!(response.status().as_u16(), 429, "the attacker is slowed down");
    }
    let refused = sign_in_from(&app.base, "198.51.100.66", "admin@example.be", GOOD_PASSWORD).await;
    assert_eq!(
        refused.status().as_u16(),
        429,
        "the attacker's network waits, right password or not"
    );
    let wait = retry_after(&refused).expect("Retry-After");
    assert!(
        wait > 14 * 60 && wait <= 15 * 60,
        "the longest delay, never more: {wait}"
    );

    let owner = sign_in_from(&app.base, "203.0.113.5", "admin@example.be", GOOD_PASSWORD).await;
    assert_eq!(owner.status().as_u16(), 200, "the owner, elsewhere, signs in at once");
    let failures: i64 = sqlx::query_scalar("SELECT sign_in_failures FROM accounts WHERE email_normalized = $1")
        .bind("admin@example.be")
        .fetch_one(&app.db.pool)
        .await
        .expect("failures");
    assert_eq!(failures, 0, "a sign-in ends the run of failures");
}

async fn one_network_cannot_spray_passwords_over_many_accounts(engine: Engine) {
    let app = spawn_configured(engine, &Tuning::default(), |c| {
        c.trusted_proxies = "127.0.0.1".parse().expect("list");
    })
    .await;
    app.create_account("ana@example.be", "Ana", GOOD_PASSWORD, Role::Member)
        .await;
    let limit = agora_app::ratelimit::SIGN_IN_FAILURES_PER_NETWORK.attempts;
    for n in 0..limit {
        let email = format!("person{n}@example.be");
        let response = sign_in_from(&app.base, "2001:db8:7:7::1", &email, "Summer2026!").await;
        assert_eq!(response.status().as_u16(), 401, "{email}");
    }
    let sprayed = sign_in_from(&app.base, "2001:db8:7:7::2", "ana@example.be", "Summer2026!").await;
    assert_eq!(
        sprayed.status().as_u16(),
        429,
        "the same /64 is refused, whatever the account"
    );
    let wait = retry_after(&sprayed).expect("Retry-After");
    assert!(wait > 60 && wait <= 15 * 60, "{wait}");
    let elsewhere = sign_in_from(&app.base, "2001:db8:7:8::1", "ana@example.be", GOOD_PASSWORD).await;
    assert_eq!(elsewhere.status().as_u16(), 200, "other networks are not affected");

    // Many /64s of one /48 share a wider budget.
    let wide = agora_app::ratelimit::SIGN_IN_FAILURES_PER_WIDE_NETWORK.attempts;
    let mut refused_at = None;
    for n in 0..=wide {
        let client = format!("2001:db8:9:{n:x}::1");
        let response = sign_in_from(&app.base, &client, &format!("w{n}@example.be"), "Summer2026!").await;
        if response.status().as_u16() == 429 {
            refused_at = Some(n);
            break;
        }
    }
    assert_eq!(
        refused_at,
        Some(wide),
        "the /48's {wide} failures, over as many /64s, reach its limit"
    );
    let outside = sign_in_from(&app.base, "2001:db8:a::1", "ana@example.be", GOOD_PASSWORD).await;
    assert_eq!(outside.status().as_u16(), 200, "another /48 signs in");
}

async fn a_burst_of_sign_ins_sent_at_once_is_limited_too(engine: Engine) {
    let app = spawn_app(engine).await;
    // Forty people of one office signing in at once are let in (successes count nothing).
    let crowd = app.crowd(40).await;
    assert_eq!(crowd.len(), 40);
    let attempts = (0..100).map(|n| {
        let base = app.base.clone();
        async move {
            sign_in_from(&base, "", &format!("p{n}@example.be"), "Summer2026!")
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let guesses = statuses.iter().filter(|s| **s == 401).count();
    let limit = agora_app::ratelimit::SIGN_IN_FAILURES_PER_NETWORK.attempts as usize;
    let slots = std::thread::available_parallelism().map_or(2, usize::from);
    assert!(
        guesses <= limit + slots,
        "{guesses} guesses of 100 sent at once; the limit is {limit}"
    );
    assert_eq!(guesses + statuses.iter().filter(|s| **s == 429).count(), 100);
}

async fn forwarding_headers_count_only_from_trusted_proxies(engine: Engine) {
    let app = spawn_app(engine).await;
    let limit = agora_app::ratelimit::SIGN_IN_FAILURES_PER_NETWORK.attempts;
    for n in 0..limit {
        // A new address in the header each time: not believed without a trusted proxy.
        let response = sign_in_from(
            &app.base,
            &format!("198.51.100.{n}"),
            &format!("x{n}@example.be"),
            "guess guess",
        )
        .await;
        assert_eq!(response.status().as_u16(), 401);
    }
    let response = sign_in_from(&app.base, "203.0.113.200", "x@example.be", "guess guess").await;
    assert_eq!(
        response.status().as_u16(),
        429,
        "all of it came from one socket address"
    );
}

async fn sign_in_failures_of_an_account_count_on_every_server(engine: Engine) {
    let trusted = |c: &mut agora_server::config::Config| c.trusted_proxies = "127.0.0.1".parse().expect("list");
    let app = spawn_configured(engine, &Tuning::default(), trusted).await;
    let other = app.another_server(trusted).await;
    app.create_account("zoe@example.be", "Zoé", GOOD_PASSWORD, Role::Member)
        .await;
    let free = agora_app::ratelimit::FREE_SIGN_IN_FAILURES;
    for _ in 0..free {
        let response = sign_in_from(&app.base, "198.51.100.9", "zoe@example.be", "guess guess guess").await;
        assert_eq!(response.status().as_u16(), 401);
    }
    // The other server has not seen this network fail: its few free tries go through...
    for _ in 0..agora_app::ratelimit::FREE_FAILURES_PER_NETWORK {
        let response = sign_in_from(&other, "198.51.100.9", "zoe@example.be", "guess guess guess").await;
        assert_eq!(response.status().as_u16(), 401);
    }
    // ...and the next waits the delay of the account's failures on both servers (eight in
    // a row), where this server alone has seen only three (no delay at all).
    let mut next = sign_in_from(&other, "198.51.100.9", "zoe@example.be", "guess guess guess").await;
    for _ in 0..50 {
        // Failures are counted in the database just after the answer: give them a moment.
        if next.status().as_u16() == 429 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        next = sign_in_from(&other, "198.51.100.9", "zoe@example.be", "guess guess guess").await;
    }
    assert_eq!(next.status().as_u16(), 429);
    let wait = retry_after(&next).expect("Retry-After");
    assert!(wait >= 3, "six failures or more in a row wait 4 s or more: {wait}");
}

async fn registrations_per_network_hold_on_every_server(engine: Engine) {
    let trusted = |c: &mut agora_server::config::Config| c.trusted_proxies = "127.0.0.1".parse().expect("list");
    let app = spawn_configured(engine, &Tuning::default(), trusted).await;
    let other = app.another_server(trusted).await;
    let limit = agora_app::ratelimit::REGISTRATIONS_PER_NETWORK.attempts;
    let register = |base: String, n: u32, client: &'static str| async move {
        reqwest::Client::new()
            .post(format!("{base}/api/register"))
            .header(ORIGIN, base.clone())
            .header("x-forwarded-for", client)
            .form(&[
                ("email", format!("new{n}@example.be")),
                ("display_name", format!("New {n}")),
                ("password", GOOD_PASSWORD.to_owned()),
                ("kind", "resident".to_owned()),
            ])
            .send()
            .await
            .expect("POST")
    };
    for n in 0..limit {
        let base = if n % 2 == 0 { app.base.clone() } else { other.clone() };
        assert_eq!(
            register(base, n, "192.0.2.44").await.status().as_u16(),
            200,
            "account {n}"
        );
    }
    for base in [app.base.clone(), other.clone()] {
        let refused = register(base, limit + 1, "192.0.2.44").await;
        assert_eq!(refused.status().as_u16(), 429);
        assert!(retry_after(&refused).is_some_and(|s| s > 0 && s <= 3600));
    }
    assert_eq!(
        register(app.base.clone(), limit + 2, "192.0.2.45")
            .await
            .status()
            .as_u16(),
        200,
        "another network registers"
    );
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE registered_from IS NOT NULL")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(kept, i64::from(limit) + 1, "refused registrations left nothing");
    let raw: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE registered_from LIKE '%192.0.2%'")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(raw, 0, "the address itself is never kept");
}

async fn a_refused_plain_form_says_how_long_to_wait(engine: Engine) {
    let app = spawn_app(engine).await;
    let attacker = app.browser();
    let limit = agora_app::ratelimit::SIGN_IN_FAILURES_PER_NETWORK.attempts;
    for n in 0..limit {
        attacker
            .sign_in(&format!("person{n}@example.be"), "guess guess guess")
            .await;
    }
    let refused = attacker.sign_in("person@example.be", "guess guess guess").await;
    assert!(retry_after(&refused).is_some(), "Retry-After on the redirect too");
    let (_, page) = attacker.get_html(&location(&refused)).await;
    assert!(
        page.contains("Too many attempts. Please try again in 15 minutes."),
        "the wait, in words"
    );
    let nl = app.browser();
    let refused = nl
        .client
        .post(nl.url("/api/sign_in"))
        .header(ACCEPT, "text/html")
        .header(ORIGIN, nl.base.clone())
        .header(REFERER, nl.url("/login"))
        .header("accept-language", "nl")
        .form(&[("email", "x@example.be"), ("password", "guess guess guess")])
        .send()
        .await
        .expect("POST");
    let back = location(&refused);
    let page = nl.get_html_in(&back, "nl").await;
    assert!(
        page.contains("Probeer het opnieuw over 15 minuten."),
        "in the reader's language"
    );
}

async fn password_changes_are_limited(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let limit = agora_app::ratelimit::PASSWORD_CHANGES_PER_ACCOUNT.attempts;
    for _ in 0..limit {
        let response = ana
            .call(
                "/api/change_password",
                &[
                    ("current_password", "not my password at all"),
                    ("new_password", "another long passphrase here"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "a wrong current password");
    }
    let response = ana
        .call(
            "/api/change_password",
            &[
                ("current_password", GOOD_PASSWORD),
                ("new_password", "another long passphrase here"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 429);
    assert!(retry_after(&response).is_some());
}
