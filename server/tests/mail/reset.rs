//! Choosing a new password with a link sent by email.

use crate::common::{location, Engine, TestApp, GOOD_PASSWORD};
use crate::on_both_engines;
use crate::smtp::{app_sending_to, SmtpServer, PUBLIC_URL};
use agora_app::accounts::model::Role;

on_both_engines!(
    a_forgotten_password_is_reset_by_a_link_that_works_once_and_ends_every_session,
    asking_for_a_reset_answers_alike_for_any_address_and_is_limited,
);

const NEW_PASSWORD: &str = "a brand new passphrase near Flagey";

async fn ask_for_reset(app: &TestApp, email: &str) -> (u16, String) {
    let response = app
        .browser()
        .submit("/forgot-password", "/api/request_password_reset", &[("email", email)])
        .await;
    let status = response.status().as_u16();
    (status, location(&response))
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.db.pool)
        .await
        .expect("audit")
}

async fn a_forgotten_password_is_reset_by_a_link_that_works_once_and_ends_every_session(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let (_, laptop) = app.signed_in("ana@example.be", Role::Member).await;

    let (_, sign_in_page) = app.browser().get_html("/login").await;
    assert!(
        sign_in_page.contains("href=\"/forgot-password\""),
        "the sign-in page offers a reset"
    );
    let (status, place) = ask_for_reset(&app, "Ana@Example.be").await;
    assert_eq!((status, place.as_str()), (302, "/forgot-password?sent=1"));
    let (_, answer) = app.browser().get_html(&place).await;
    assert!(answer.contains("If an account uses this address"));

    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail.to(), "ana@example.be");
    assert_eq!(mail.subject(), "Choose a new password for Agora");
    let link = mail.link(PUBLIC_URL);
    assert!(link.starts_with("/reset-password?token="), "{link}");
    let token = link.trim_start_matches("/reset-password?token=").to_owned();
    let (status, form) = app.browser().get_html(&link).await;
    assert_eq!(status, 200);
    assert!(form.contains("name=\"new_password\""));

    // The same rules as at registration; a refusal keeps the link usable.
    let phone = app.browser();
    let weak = phone
        .call(
            "/api/reset_password",
            &[("token", &token), ("new_password", "password1234")],
        )
        .await;
    assert_eq!(weak.status().as_u16(), 422);
    let response = phone
        .submit(
            &link,
            "/api/reset_password",
            &[("token", &token), ("new_password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(location(&response), "/login?password=reset");

    let (status, _) = laptop.get_html("/profile").await;
    assert_eq!(status, 401, "every session of the account ended");
    assert_ne!(
        location(&app.browser().sign_in("ana@example.be", GOOD_PASSWORD).await),
        "/profile"
    );
    assert_eq!(
        location(&app.browser().sign_in("ana@example.be", NEW_PASSWORD).await),
        "/profile"
    );
    let again = phone
        .call(
            "/api/reset_password",
            &[("token", &token), ("new_password", "yet another long passphrase here")],
        )
        .await;
    assert_eq!(again.status().as_u16(), 404, "the link works once");
    assert_eq!(audited(&app, "account.password_reset").await, 1);
}

async fn asking_for_a_reset_answers_alike_for_any_address_and_is_limited(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    app.create_account("bo@example.be", "Bo", GOOD_PASSWORD, Role::Member)
        .await;
    let blocked = app
        .create_account("bert@example.be", "Bert", GOOD_PASSWORD, Role::Member)
        .await;
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_reason = 'Spam' WHERE id = $2")
        .bind(agora_app::db::now_ms())
        .bind(blocked)
        .execute(&app.db.pool)
        .await
        .expect("block");

    let known = ask_for_reset(&app, "bo@example.be").await;
    let unknown = ask_for_reset(&app, "nobody@example.be").await;
    let of_blocked = ask_for_reset(&app, "bert@example.be").await;
    assert_eq!(known, unknown, "the answer tells nothing about the address");
    assert_eq!(known, of_blocked);

    // Per account: three links an hour, then nothing more is sent, with the same answer.
    for _ in 0..4 {
        assert_eq!(ask_for_reset(&app, "bo@example.be").await, known);
    }
    // Per address, whether or not it has an account: five an hour, then 429.
    let (status, place) = ask_for_reset(&app, "bo@example.be").await;
    assert!(place.contains("__err="), "the form shows the refusal: {status} {place}");
    let api = app
        .browser()
        .call("/api/request_password_reset", &[("email", "BO@example.be ")])
        .await;
    assert_eq!(api.status().as_u16(), 429, "however the address is written");
    assert!(api.headers().contains_key("retry-after"));

    let received = smtp.wait_for(3).await;
    let outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&app.db.pool)
        .await
        .expect("outbox");
    assert_eq!(
        outbox, 3,
        "three links for Bo; none for the blocked account or the unknown address"
    );
    assert!(received.iter().all(|mail| mail.to() == "bo@example.be"));
}
