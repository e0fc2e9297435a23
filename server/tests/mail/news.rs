//! News of what people follow, by email: at once or in digests, grouped, never twice,
//! never empty, with a one-click unsubscribe that works signed out.

use crate::common::{comment, location, publish, Engine, TestApp, GOOD_PASSWORD};
use crate::on_both_engines;
use crate::smtp::{app_sending_to, SmtpServer, PUBLIC_URL};
use agora_app::accounts::model::Role;
use std::time::{Duration, Instant};

on_both_engines!(
    news_goes_out_at_once_when_chosen_with_a_one_click_unsubscribe,
    a_digest_groups_news_never_repeats_it_and_is_never_empty,
    the_unsubscribe_page_works_signed_out_and_the_profile_keeps_the_choices,
);

/// Waits until `sql` (a count with `$1` the account's id) answers at least 1.
async fn until(app: &TestApp, sql: &str, account: i64) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.scalar(sql, account).await < 1 {
        assert!(Instant::now() < deadline, "{sql}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The news mailer looked at the account once (it schedules the first digest).
async fn looked_at(app: &TestApp, account: i64) {
    until(
        app,
        "SELECT COUNT(*) FROM accounts WHERE id = $1 AND next_digest_at > 0",
        account,
    )
    .await;
}

/// Makes the account's digest due now.
async fn digest_due(app: &TestApp, account: i64) {
    sqlx::query("UPDATE accounts SET next_digest_at = 1 WHERE id = $1")
        .bind(account)
        .execute(&app.db.pool)
        .await
        .expect("due");
}

async fn news_goes_out_at_once_when_chosen_with_a_one_click_unsubscribe(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let (bo_id, bo) = app.signed_in("bo@example.be", Role::Member).await;
    looked_at(&app, bo_id).await;
    let idea = publish(&bo, "Shade trees on the Boulevard", "human-capital", "").await;
    // One comment each: an account comments at most every ten seconds.
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, cy) = app.signed_in("cy@example.be", Role::Member).await;
    let (_, dee) = app.signed_in("dee@example.be", Role::Member).await;
    comment(&ana, &idea, None, "Lindens would do well here.").await;
    comment(&cy, &idea, None, "And plane trees further up.").await;

    let response = bo
        .submit(
            "/profile",
            "/api/set_mail_preferences",
            &[
                ("frequency", "instant"),
                ("mine", "on"),
                ("replies", "on"),
                ("follows", "on"),
            ],
        )
        .await;
    assert_eq!(location(&response), "/profile?mail=saved#email");

    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail.to(), "bo@example.be");
    assert_eq!(mail.subject(), "News on Agora: Shade trees on the Boulevard");
    let text = mail.text();
    assert!(text.contains("2 new comments"), "grouped by idea:\n{text}");
    let idea_id = crate::common::id_of(&idea);
    assert!(text.contains(&format!("{PUBLIC_URL}/ideas/{idea_id}")));
    assert!(text.contains("Stop these emails"), "a visible way out");
    let parsed = mail.parsed();
    assert_eq!(
        parsed.header_raw("List-Unsubscribe-Post").map(str::trim),
        Some("List-Unsubscribe=One-Click")
    );
    let header = parsed
        .header_raw("List-Unsubscribe")
        .expect("List-Unsubscribe")
        .trim()
        .to_owned();
    let link = header.trim_matches(['<', '>']).to_owned();
    assert!(
        link.starts_with(&format!("{PUBLIC_URL}/unsubscribe?account={bo_id}&kind=all&sig=")),
        "{link}"
    );

    // What a mail program does: one POST, from elsewhere, with no session.
    let path = &link[PUBLIC_URL.len()..];
    let forged = reqwest::Client::new()
        .post(format!("{}{}", app.base, path.replace("sig=", "sig=00")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("POST");
    assert_eq!(
        forged.status().as_u16(),
        404,
        "a link this site did not sign does nothing"
    );
    let one_click = reqwest::Client::new()
        .post(format!("{}{path}", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://mail.example.org")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("POST");
    assert_eq!(one_click.status().as_u16(), 200);
    let never = app
        .scalar(
            "SELECT COUNT(*) FROM accounts WHERE id = $1 AND mail_frequency = 'never'",
            bo_id,
        )
        .await;
    assert_eq!(never, 1);

    comment(&dee, &idea, None, "One more, after he unsubscribed.").await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(smtp.received().len(), 1, "nothing more once unsubscribed");
}

async fn a_digest_groups_news_never_repeats_it_and_is_never_empty(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let (bo_id, bo) = app.signed_in("bo@example.be", Role::Member).await;
    looked_at(&app, bo_id).await;
    let trees = publish(&bo, "Shade trees on the Boulevard", "human-capital", "").await;
    let benches = publish(&bo, "Benches with chargers", "digital-inclusion", "").await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, cy) = app.signed_in("cy@example.be", Role::Member).await;
    let (_, dee) = app.signed_in("dee@example.be", Role::Member).await;
    comment(&ana, &trees, None, "Lindens would do well here.").await;
    comment(&cy, &benches, None, "Near the tram stops, please.").await;
    assert_eq!(smtp.received().len(), 0, "a daily digest waits for its hour");

    digest_due(&app, bo_id).await;
    let digest = smtp.wait_for(1).await.remove(0);
    assert_eq!(digest.subject(), "Your news from Agora");
    let text = digest.text();
    assert!(
        text.contains("Shade trees on the Boulevard") && text.contains("Benches with chargers"),
        "{text}"
    );
    assert_eq!(text.matches("A new comment").count(), 2, "one line per idea:\n{text}");
    until(
        &app,
        "SELECT COUNT(*) FROM accounts WHERE id = $1 AND next_digest_at > 1",
        bo_id,
    )
    .await;
    let next: i64 = app
        .scalar("SELECT next_digest_at FROM accounts WHERE id = $1", bo_id)
        .await;
    assert!(next > agora_app::db::now_ms(), "the next one waits for tomorrow's hour");

    // Due again with nothing new: no email.
    digest_due(&app, bo_id).await;
    until(
        &app,
        "SELECT COUNT(*) FROM accounts WHERE id = $1 AND next_digest_at > 1",
        bo_id,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), 1, "an empty digest is not sent");

    // Something new on one idea: the next digest has it, and only it.
    comment(&dee, &trees, None, "And plane trees further up.").await;
    digest_due(&app, bo_id).await;
    let second = smtp.wait_for(2).await;
    let newest = second
        .iter()
        .find(|mail| mail.text().contains("plane trees") || !mail.text().contains("Benches"))
        .expect("the second digest");
    let text = newest.text();
    assert!(text.contains("Shade trees on the Boulevard"));
    assert!(
        !text.contains("Benches with chargers"),
        "nothing already emailed comes again:\n{text}"
    );
}

async fn the_unsubscribe_page_works_signed_out_and_the_profile_keeps_the_choices(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let (bo_id, bo) = app.signed_in("bo@example.be", Role::Member).await;
    let (_, profile) = bo.get_html("/profile").await;
    assert!(profile.contains("id=\"email\""), "the profile has the email choices");
    assert!(profile.contains("value=\"daily\" checked"), "daily by default");

    let response = bo
        .submit(
            "/profile",
            "/api/set_mail_preferences",
            &[("frequency", "weekly"), ("projects", "on")],
        )
        .await;
    assert_eq!(location(&response), "/profile?mail=saved#email");
    let (_, profile) = bo.get_html("/profile").await;
    assert!(profile.contains("value=\"weekly\" checked"));
    let kinds: String = sqlx::query_scalar("SELECT mail_kinds FROM accounts WHERE id = $1")
        .bind(bo_id)
        .fetch_one(&app.db.pool)
        .await
        .expect("kinds");
    assert_eq!(kinds, "projects");

    let keys = agora_app::keys::Keys::load(&app.db).await.expect("keys");
    let sig = keys.unsubscribe_signature(bo_id, "projects");
    let page = format!("/unsubscribe?account={bo_id}&kind=projects&sig={sig}");
    let visitor = app.browser();
    let (status, html) = visitor.get_html(&page).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Stop emails about"),
        "the page asks first: a GET changes nothing"
    );
    let response = visitor
        .submit(
            &page,
            "/api/unsubscribe",
            &[("account", &bo_id.to_string()), ("kind", "projects"), ("sig", &sig)],
        )
        .await;
    assert_eq!(location(&response), "/unsubscribe?done=1");
    let kinds: String = sqlx::query_scalar("SELECT mail_kinds FROM accounts WHERE id = $1")
        .bind(bo_id)
        .fetch_one(&app.db.pool)
        .await
        .expect("kinds");
    assert_eq!(kinds, "", "no kind of news left");
    let _ = GOOD_PASSWORD;
}
