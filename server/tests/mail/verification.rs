//! Confirming the address of a new account.

use crate::common::{id_of, location, publish, Browser, Engine, TestApp, GOOD_PASSWORD};
use crate::on_both_engines;
use crate::smtp::{app_sending_to, SmtpServer, PUBLIC_URL};
use agora_app::accounts::model::Role;
use mail_parser::MimeHeaders;
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, ORIGIN, REFERER};

on_both_engines!(
    registering_sends_a_link_that_confirms_the_address_and_lets_the_account_take_part,
    a_confirmation_link_expires_and_a_new_one_can_be_asked_for_a_few_times_an_hour,
);

/// Registers through the form, with the browser's language set to `language`.
pub async fn register_in(browser: &Browser, email: &str, name: &str, language: &str) -> String {
    let response = browser
        .client
        .post(browser.url("/api/register"))
        .header(ACCEPT, "text/html")
        .header(ACCEPT_LANGUAGE, language)
        .header(ORIGIN, browser.base.clone())
        .header(REFERER, browser.url("/register"))
        .form(&[
            ("email", email),
            ("display_name", name),
            ("password", GOOD_PASSWORD),
            ("kind", "resident"),
        ])
        .send()
        .await
        .expect("POST");
    location(&response)
}

async fn an_open_idea(app: &TestApp) -> String {
    let (_, ida) = app.signed_in("ida@example.be", Role::Member).await;
    publish(&ida, "Sensors on loading bays", "human-capital", "").await
}

async fn verified(app: &TestApp, email: &str) -> bool {
    let at: Option<i64> = sqlx::query_scalar("SELECT email_verified_at FROM accounts WHERE email_normalized = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .expect("the account");
    at.is_some()
}

async fn registering_sends_a_link_that_confirms_the_address_and_lets_the_account_take_part(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let idea = an_open_idea(&app).await;

    let lotte = app.browser();
    let place = register_in(&lotte, "lotte@example.be", "Lotte", "nl-BE,nl;q=0.9").await;
    assert_eq!(place, "/profile", "registered and signed in");

    // Signed in but not confirmed: reading and following work, taking part does not.
    let vote = lotte.vote(&id_of(&idea), true).await;
    assert_eq!(vote.status().as_u16(), 403);
    assert!(vote.text().await.expect("body").contains("email_unconfirmed"));
    let (status, page) = lotte.get_html(&idea).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Confirm your email address first"),
        "the idea page says why"
    );
    assert!(
        page.contains("Send the link again"),
        "and offers to send the link again"
    );
    assert!(!page.contains("vote-button"), "no vote button that would be refused");
    let follow = lotte
        .call("/api/follow", &[("idea_id", &id_of(&idea)), ("follow", "true")])
        .await;
    assert_eq!(follow.status().as_u16(), 200, "following needs no confirmed address");
    let (_, profile) = lotte.get_html("/profile").await;
    assert!(profile.contains("lotte@example.be") && profile.contains("id=\"confirm-email\""));

    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail.to(), "lotte@example.be");
    assert_eq!(
        mail.subject(),
        "Bevestig je e-mailadres voor Agora",
        "in the language she registered in"
    );
    let parsed = mail.parsed();
    assert!(parsed.date().is_some(), "a Date header");
    assert!(parsed.message_id().is_some_and(|id| id.contains('@')), "a Message-ID");
    assert_eq!(
        parsed.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-generated")
    );
    assert_eq!(parsed.header_raw("Content-Language").map(str::trim), Some("nl"));
    let content_type = parsed.content_type().expect("a Content-Type");
    assert_eq!(
        (content_type.ctype(), content_type.subtype()),
        ("multipart", Some("alternative")),
        "plain text and HTML, the same content"
    );
    let link = mail.link(PUBLIC_URL);
    assert!(link.starts_with("/verify-email?token="), "{link}");
    assert!(
        mail.html().contains(&format!("{PUBLIC_URL}{link}")),
        "the HTML part has the same link"
    );
    assert!(mail.html().contains("lang=\"nl\""));
    assert!(mail.text().contains("Hallo Lotte"));

    // Opening the link changes nothing (mail scanners open links); the button confirms.
    let (status, confirm_page) = lotte.get_html(&link).await;
    assert_eq!(status, 200);
    assert!(confirm_page.contains("name=\"token\""));
    assert!(!verified(&app, "lotte@example.be").await, "a GET changes nothing");
    let token = link.trim_start_matches("/verify-email?token=");
    let response = lotte.submit(&link, "/api/verify_email", &[("token", token)]).await;
    assert_eq!(location(&response), "/profile?email=confirmed");
    assert!(verified(&app, "lotte@example.be").await);

    let vote = lotte.vote(&id_of(&idea), true).await;
    assert_eq!(vote.status().as_u16(), 200, "a confirmed account takes part");
    let again = app.browser().call("/api/verify_email", &[("token", token)]).await;
    assert_eq!(again.status().as_u16(), 404, "a link works once");
    assert!(again.text().await.expect("body").contains("link_expired"));
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'account.email_verified'")
        .fetch_one(&app.db.pool)
        .await
        .expect("audit");
    assert_eq!(audited, 1);
}

async fn a_confirmation_link_expires_and_a_new_one_can_be_asked_for_a_few_times_an_hour(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let karim = app.browser();
    assert_eq!(register_in(&karim, "karim@example.be", "Karim", "fr").await, "/profile");
    let first = smtp.wait_for(1).await.remove(0);
    assert_eq!(first.subject(), "Confirmez votre adresse e-mail pour Agora");
    sqlx::query("UPDATE email_tokens SET expires_at = $1")
        .bind(agora_app::db::now_ms() - 1)
        .execute(&app.db.pool)
        .await
        .expect("two days pass");
    let token = first.link(PUBLIC_URL).replace("/verify-email?token=", "");
    let expired = karim.call("/api/verify_email", &[("token", &token)]).await;
    assert_eq!(expired.status().as_u16(), 404, "an expired link confirms nothing");
    assert!(!verified(&app, "karim@example.be").await);

    // Three links an hour in all: the one sent at registration and two more.
    for _ in 0..2 {
        let resent = karim.call("/api/resend_verification", &[]).await;
        assert_eq!(resent.status().as_u16(), 200);
    }
    let refused = karim.call("/api/resend_verification", &[]).await;
    assert_eq!(refused.status().as_u16(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    let received = smtp.wait_for(3).await;
    assert_eq!(received.len(), 3, "nothing more than the three links");
    let others: Vec<String> = received
        .iter()
        .map(|mail| mail.link(PUBLIC_URL).replace("/verify-email?token=", ""))
        .filter(|other| *other != token)
        .collect();
    assert_eq!(others.len(), 2, "each link is new");
    let response = karim
        .submit("/verify-email", "/api/verify_email", &[("token", &others[0])])
        .await;
    assert_eq!(location(&response), "/profile?email=confirmed");
    assert!(verified(&app, "karim@example.be").await);
    // Confirming ended the other links.
    let older = &others[1];
    assert_eq!(
        app.browser()
            .call("/api/verify_email", &[("token", older)])
            .await
            .status()
            .as_u16(),
        404
    );
}
