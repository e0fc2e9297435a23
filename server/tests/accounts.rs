//! Accounts over plain HTTP: registration, sign-in, profile, sign-out, sessions,
//! refusals. Every case runs on SQLite and on PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{cookie_value, location, set_cookie, spawn_app, Engine, GOOD_PASSWORD};
use sqlx::Row;

on_both_engines!(
    a_resident_registers_signs_in_sees_the_profile_and_signs_out,
    the_session_id_changes_at_sign_in_and_dies_at_sign_out,
    an_email_taken_in_any_case_is_refused_and_the_form_keeps_what_was_typed,
    short_and_common_passwords_are_refused,
    a_business_with_a_wrong_enterprise_number_is_refused,
    a_business_with_a_valid_enterprise_number_is_registered_unverified,
    a_failed_sign_in_says_the_same_whether_or_not_the_account_exists,
    admin_functions_answer_401_to_anonymous_and_403_to_members,
    a_post_from_another_origin_is_refused,
    an_admin_changes_a_role_and_the_change_is_audited,
    the_audit_log_cannot_be_changed_or_emptied,
    changing_the_password_signs_out_other_sessions,
    a_call_sees_a_new_role_or_password_at_once,
    repeated_sign_in_attempts_on_one_account_are_slowed_down,
);

async fn a_resident_registers_signs_in_sees_the_profile_and_signs_out(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();

    let (status, page) = browser.get_html("/register").await;
    assert_eq!(status, 200);
    assert!(
        page.contains(r#"action="/api/register""#),
        "the form posts to the server function"
    );

    let response = browser.register("ana@example.be", "Ana Peeters", GOOD_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/profile");
    let cookie = set_cookie(response.headers(), "agora_session").expect("a session cookie is set");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Secure"), "no Secure flag over plain HTTP: {cookie}");

    let stored: String = sqlx::query("SELECT password_hash FROM accounts WHERE email_normalized = $1")
        .bind("ana@example.be")
        .fetch_one(&app.db.pool)
        .await
        .expect("account stored")
        .get("password_hash");
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");

    let (status, page) = browser.get_html("/profile").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ana Peeters"));
    assert!(page.contains("ana@example.be"));

    let response = browser.sign_out().await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/");
    let (status, page) = browser.get_html("/profile").await;
    assert_eq!(status, 401, "the profile needs a signed-in account");
    assert!(!page.contains("ana@example.be"));

    let response = browser.sign_in("ANA@example.be", GOOD_PASSWORD).await;
    assert_eq!(location(&response), "/profile");
    let (status, page) = browser.get_html("/profile").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ana Peeters"));
}

async fn the_session_id_changes_at_sign_in_and_dies_at_sign_out(engine: Engine) {
    let app = spawn_app(engine).await;
    app.create_account("bram@example.be", "Bram", GOOD_PASSWORD, Role::Member)
        .await;
    let browser = app.browser();

    // A refused attempt gives the visitor no session: anonymous requests store nothing.
    let refused = browser.sign_in("bram@example.be", "not the right password").await;
    assert_eq!(set_cookie(refused.headers(), "agora_session"), None);

    let first = browser.sign_in("bram@example.be", GOOD_PASSWORD).await;
    let before = set_cookie(first.headers(), "agora_session")
        .map(|c| cookie_value(&c))
        .expect("a session");
    let signed_in = browser.sign_in("bram@example.be", GOOD_PASSWORD).await;
    let after = set_cookie(signed_in.headers(), "agora_session")
        .map(|c| cookie_value(&c))
        .expect("new session");
    assert_ne!(before, after, "signing in issues a new session id");

    let me = browser.call("/api/current_user", &[]).await.text().await.expect("body");
    assert!(me.contains("Bram"), "{me}");

    browser.sign_out().await;

    // Someone who kept the old cookie gets nothing from it.
    let thief = reqwest::Client::new();
    let me = thief
        .post(format!("{}/api/current_user", app.base))
        .header("cookie", format!("agora_session={after}"))
        .send()
        .await
        .expect("POST")
        .text()
        .await
        .expect("body");
    assert_eq!(me, "null", "the old session no longer authenticates");
}

async fn an_email_taken_in_any_case_is_refused_and_the_form_keeps_what_was_typed(engine: Engine) {
    let app = spawn_app(engine).await;
    app.browser().register("chloe@example.be", "Chloé", GOOD_PASSWORD).await;

    let browser = app.browser();
    let response = browser
        .register("CHLOE@Example.BE", "Chloé Dupont", GOOD_PASSWORD)
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let back = location(&response);
    assert!(
        back.starts_with(&format!("{}/register?", app.base)) || back.starts_with("/register?"),
        "{back}"
    );
    assert!(back.contains("__err="), "{back}");
    let path = back.trim_start_matches(&app.base);
    let (_, page) = browser.get_html(path).await;
    assert!(
        page.contains("An account already uses this email address"),
        "the reason is shown"
    );
    assert!(page.contains(r#"value="CHLOE@Example.BE""#), "the email typed is kept");
    assert!(page.contains(r#"value="Chloé Dupont""#), "the name typed is kept");
    assert!(!page.contains(GOOD_PASSWORD), "the password is never echoed");

    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(count, 1);
}

async fn short_and_common_passwords_are_refused(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    for (password, code) in [("short pass", "password_too_short"), ("password1234", "password_weak")] {
        let response = browser
            .call(
                "/api/register",
                &[
                    ("email", "dirk@example.be"),
                    ("display_name", "Dirk"),
                    ("password", password),
                    ("kind", "resident"),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let body = response.text().await.expect("body");
        assert!(body.contains(code), "{password}: {body}");
    }

    let response = browser.register("dirk@example.be", "Dirk", "password1234").await;
    let (_, page) = browser
        .get_html(location(&response).trim_start_matches(&app.base))
        .await;
    assert!(
        page.contains("This password is too easy to guess"),
        "a helpful message is shown"
    );
    assert!(page.contains(r#"value="dirk@example.be""#));

    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(count, 0, "nothing is stored");
}

async fn a_business_with_a_wrong_enterprise_number_is_refused(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    let fields = [
        ("email", "info@fablab.be"),
        ("display_name", "Fablab Anderlecht"),
        ("password", GOOD_PASSWORD),
        ("kind", "business"),
        ("organisation_name", "Fablab Anderlecht SRL"),
        ("registration_number", "0403.170.702"),
    ];
    let response = browser.call("/api/register", &fields).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(response
        .text()
        .await
        .expect("body")
        .contains("enterprise_number_checksum"));

    let response = browser.submit("/register", "/api/register", &fields).await;
    let (_, page) = browser
        .get_html(location(&response).trim_start_matches(&app.base))
        .await;
    assert!(page.contains("This enterprise number does not exist"));
    assert!(page.contains(r#"value="Fablab Anderlecht SRL""#));
    assert!(page.contains(r#"value="0403.170.702""#));
}

async fn a_business_with_a_valid_enterprise_number_is_registered_unverified(engine: Engine) {
    let app = spawn_app(engine).await;
    let (browser, place) = common::register_business(&app).await;
    assert_eq!(place, "/profile");
    let (_, page) = browser.get_html("/profile").await;
    assert!(page.contains("Tram Data SA"));
    assert!(page.contains("0403.170.701"), "stored in its official spelling");
    assert!(page.contains("Awaiting verification"));
}

async fn a_failed_sign_in_says_the_same_whether_or_not_the_account_exists(engine: Engine) {
    let app = spawn_app(engine).await;
    app.create_account("eva@example.be", "Eva", GOOD_PASSWORD, Role::Member)
        .await;
    let browser = app.browser();
    let known = browser
        .call(
            "/api/sign_in",
            &[("email", "eva@example.be"), ("password", "wrong password here")],
        )
        .await;
    let unknown = browser
        .call(
            "/api/sign_in",
            &[("email", "nobody@example.be"), ("password", "wrong password here")],
        )
        .await;
    assert_eq!(known.status().as_u16(), 401);
    assert_eq!(unknown.status().as_u16(), 401);
    assert_eq!(known.text().await.expect("body"), unknown.text().await.expect("body"));
}

async fn admin_functions_answer_401_to_anonymous_and_403_to_members(engine: Engine) {
    let app = spawn_app(engine).await;
    let target = app
        .create_account("target@example.be", "Target", GOOD_PASSWORD, Role::Member)
        .await
        .to_string();
    let fields = [("account_id", target.as_str()), ("role", "admin")];

    let anonymous = app.browser();
    let response = anonymous.call("/api/admin/set_role", &fields).await;
    assert_eq!(response.status().as_u16(), 401);
    assert!(response.text().await.expect("body").contains("unauthenticated"));

    let member = app.browser();
    member.register("member@example.be", "Member", GOOD_PASSWORD).await;
    let response = member.call("/api/admin/set_role", &fields).await;
    assert_eq!(response.status().as_u16(), 403);
    assert!(response.text().await.expect("body").contains("forbidden"));
    let response = member.call("/api/admin/accounts", &[]).await;
    assert_eq!(response.status().as_u16(), 403);

    let role: String = sqlx::query_scalar("SELECT role FROM accounts WHERE email_normalized = 'target@example.be'")
        .fetch_one(&app.db.pool)
        .await
        .expect("role");
    assert_eq!(role, "member", "nothing changed");
}

async fn a_post_from_another_origin_is_refused(engine: Engine) {
    let app = spawn_app(engine).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let url = format!("{}/api/sign_in", app.base);
    let fields = [("email", "x@example.be"), ("password", "whatever whatever")];

    let foreign_origin = client
        .post(&url)
        .header("origin", "https://evil.example")
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(foreign_origin.status().as_u16(), 403);

    let cross_site = client
        .post(&url)
        .header("sec-fetch-site", "cross-site")
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(cross_site.status().as_u16(), 403);

    let same_origin = client
        .post(&url)
        .header("origin", app.base.clone())
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(same_origin.status().as_u16(), 401, "same-origin reaches the function");
}

async fn an_admin_changes_a_role_and_the_change_is_audited(engine: Engine) {
    let app = spawn_app(engine).await;
    let (admin_id, admin) = app.signed_in("admin@example.be", Role::Admin).await;
    let member = app.browser();
    member.register("mia@example.be", "Mia", GOOD_PASSWORD).await;
    let member_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = 'mia@example.be'")
        .fetch_one(&app.db.pool)
        .await
        .expect("id");

    let (status, page) = admin.get_html("/admin/accounts").await;
    assert_eq!(status, 200);
    assert!(page.contains("mia@example.be"));

    let id = member_id.to_string();
    let response = admin
        .submit(
            "/admin/accounts",
            "/api/admin/set_role",
            &[("account_id", &id), ("role", "official"), ("portfolio", "Mobility")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/admin/accounts");

    let row = sqlx::query("SELECT role, portfolio FROM accounts WHERE id = $1")
        .bind(member_id)
        .fetch_one(&app.db.pool)
        .await
        .expect("row");
    assert_eq!(row.get::<String, _>("role"), "official");
    assert_eq!(row.get::<Option<String>, _>("portfolio").as_deref(), Some("Mobility"));

    let audit =
        sqlx::query("SELECT actor_id, detail FROM audit_log WHERE action = 'account.role_changed' AND target_id = $1")
            .bind(member_id)
            .fetch_all(&app.db.pool)
            .await
            .expect("audit");
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].get::<Option<i64>, _>("actor_id"), Some(admin_id));
    assert_eq!(audit[0].get::<String, _>("detail"), "member -> official");

    // The member's next request continues under a new session id.
    let response = member.get("/profile").await;
    assert!(
        set_cookie(response.headers(), "agora_session").is_some(),
        "a new session id after the role change"
    );
    assert!(response.text().await.expect("body").contains("Government member"));

    // An admin cannot lock themselves out by changing their own role.
    let own = admin_id.to_string();
    let response = admin
        .call("/api/admin/set_role", &[("account_id", &own), ("role", "member")])
        .await;
    assert_eq!(response.status().as_u16(), 422);
}

async fn the_audit_log_cannot_be_changed_or_emptied(engine: Engine) {
    let app = spawn_app(engine).await;
    app.browser().register("olga@example.be", "Olga", GOOD_PASSWORD).await;
    let entries: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert!(entries >= 1);
    assert!(sqlx::query("UPDATE audit_log SET detail = 'forged'")
        .execute(&app.db.pool)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_log")
        .execute(&app.db.pool)
        .await
        .is_err());
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(after, entries);
}

async fn changing_the_password_signs_out_other_sessions(engine: Engine) {
    let app = spawn_app(engine).await;
    let laptop = app.browser();
    laptop.register("noor@example.be", "Noor", GOOD_PASSWORD).await;
    let phone = app.browser();
    phone.sign_in("noor@example.be", GOOD_PASSWORD).await;

    let response = laptop
        .submit(
            "/profile",
            "/api/change_password",
            &[
                ("current_password", "wrong current password"),
                ("new_password", "another calm passphrase for Noor"),
            ],
        )
        .await;
    assert!(location(&response).contains("__err="));

    let new_password = "another calm passphrase at Flagey";
    let response = laptop
        .submit(
            "/profile",
            "/api/change_password",
            &[("current_password", GOOD_PASSWORD), ("new_password", new_password)],
        )
        .await;
    assert_eq!(location(&response), "/profile?password=changed");
    let (status, _) = laptop.get_html("/profile").await;
    assert_eq!(status, 200, "the device that changed it stays signed in");
    let (status, _) = phone.get_html("/profile").await;
    assert_eq!(status, 401, "other devices are signed out");

    let fresh = app.browser();
    assert_eq!(
        location(&fresh.sign_in("noor@example.be", new_password).await),
        "/profile"
    );
}

/// Calls of server functions use the account as the server kept it for a few seconds
/// (`session_user_kept`); each change of the account must end that at once.
async fn a_call_sees_a_new_role_or_password_at_once(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, admin) = app.signed_in("admin@example.be", Role::Admin).await;
    let (id, laptop) = app.signed_in("mia@example.be", Role::Member).await;
    let phone = app.browser();
    phone.sign_in("mia@example.be", GOOD_PASSWORD).await;
    let status = |response: reqwest::Response| response.status().as_u16();

    assert_eq!(status(laptop.call("/api/moderation_queue", &[]).await), 403);
    assert_eq!(status(phone.call("/api/unread_notifications", &[]).await), 200);
    let promoted = admin
        .call(
            "/api/admin/set_role",
            &[("account_id", &id.to_string()), ("role", "moderator")],
        )
        .await;
    assert_eq!(status(promoted), 200);
    assert_eq!(
        status(laptop.call("/api/moderation_queue", &[]).await),
        200,
        "the new role counts from the next call"
    );

    let changed = laptop
        .call(
            "/api/change_password",
            &[
                ("current_password", GOOD_PASSWORD),
                ("new_password", "another calm passphrase at Flagey"),
            ],
        )
        .await;
    assert_eq!(status(changed), 200);
    assert_eq!(
        status(phone.call("/api/unread_notifications", &[]).await),
        401,
        "the other device is signed out from its next call"
    );
    assert_eq!(status(laptop.call("/api/unread_notifications", &[]).await), 200);
}

async fn repeated_sign_in_attempts_on_one_account_are_slowed_down(engine: Engine) {
    let app = spawn_app(engine).await;
    app.create_account("zoe@example.be", "Zoé", GOOD_PASSWORD, Role::Member)
        .await;
    let attacker = app.browser();
    for _ in 0..agora_app::ratelimit::FREE_SIGN_IN_FAILURES {
        let response = attacker
            .call(
                "/api/sign_in",
                &[("email", "zoe@example.be"), ("password", "guess guess guess")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 401);
    }
    let response = attacker
        .call(
            "/api/sign_in",
            &[("email", "Zoe@Example.be"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(
        response.status().as_u16(),
        429,
        "from where it failed, even the right password waits its turn"
    );
    let wait: u64 = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=2).contains(&wait), "the first delay is two seconds: {wait}");
    assert!(response.text().await.expect("body").contains("rate_limited"));

    let other = app.browser();
    other.register("yann@example.be", "Yann", GOOD_PASSWORD).await;
    let response = other
        .call(
            "/api/sign_in",
            &[("email", "yann@example.be"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(response.status().as_u16(), 200, "other accounts are not affected");
}
