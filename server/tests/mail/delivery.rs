//! The outbox: mail survives an SMTP server that is down, never reaches a blocked account,
//! goes to files without an SMTP server, and is sent once with two servers sharing it.

use crate::common::{spawn_app, Engine, TestApp, GOOD_PASSWORD};
use crate::on_both_engines;
use crate::smtp::{app_sending_to, SmtpServer, PUBLIC_URL};
use crate::verification::register_in;
use agora_app::accounts::model::Role;
use std::time::{Duration, Instant};

on_both_engines!(
    mail_queued_while_the_smtp_server_is_down_is_delivered_once_it_is_back,
    nothing_is_sent_to_an_account_blocked_after_its_mail_was_queued,
    without_an_smtp_server_mail_is_written_to_files,
    two_servers_sharing_the_outbox_send_each_message_once,
);

/// Waits (up to 15 s) until `sql`, a count, answers at least `want`.
async fn until_count(app: &TestApp, sql: &str, want: i64) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&app.db.pool).await.expect(sql);
        if n >= want {
            return;
        }
        assert!(Instant::now() < deadline, "{sql}: {n}, expected {want}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn mail_queued_while_the_smtp_server_is_down_is_delivered_once_it_is_back(engine: Engine) {
    let mut smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    smtp.stop();
    assert_eq!(
        register_in(&app.browser(), "zoe@example.be", "Zoé", "fr").await,
        "/profile"
    );
    // The registration did not wait for the mail; the worker tried, failed, and will retry.
    until_count(
        &app,
        "SELECT COUNT(*) FROM outbox WHERE attempts >= 2 AND last_error IS NOT NULL AND sent_at IS NULL",
        1,
    )
    .await;
    assert!(smtp.received().is_empty());

    smtp.resume();
    let received = smtp.wait_for(1).await;
    assert_eq!(received[0].to(), "zoe@example.be");
    until_count(&app, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL", 1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.received().len(), 1, "delivered once");
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE message <> '' OR link <> ''")
        .fetch_one(&app.db.pool)
        .await
        .expect("outbox");
    assert_eq!(kept, 0, "once sent, neither the text nor the link is kept");
}

async fn nothing_is_sent_to_an_account_blocked_after_its_mail_was_queued(engine: Engine) {
    let mut smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    smtp.stop();
    assert_eq!(
        register_in(&app.browser(), "sam@example.be", "Sam", "en").await,
        "/profile"
    );
    sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_reason = 'Spam' WHERE email_normalized = $2")
        .bind(agora_app::db::now_ms())
        .bind("sam@example.be")
        .execute(&app.db.pool)
        .await
        .expect("block");
    smtp.resume();
    until_count(&app, "SELECT COUNT(*) FROM outbox WHERE dropped_at IS NOT NULL", 1).await;
    assert!(smtp.received().is_empty(), "nothing reached the blocked account");
}

async fn without_an_smtp_server_mail_is_written_to_files(engine: Engine) {
    let app = spawn_app(engine).await;
    assert_eq!(
        register_in(&app.browser(), "eva@example.be", "Eva", "en").await,
        "/profile"
    );
    let folder = crate::common::outbox_dir_of(&app.database_url);
    let deadline = Instant::now() + Duration::from_secs(15);
    let message = loop {
        let written: Vec<String> = std::fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(message) = written.into_iter().next() {
            break message;
        }
        assert!(Instant::now() < deadline, "no .eml file in {}", folder.display());
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(message.contains("eva@example.be"));
    assert!(message.contains("/verify-email?token="));
}

async fn two_servers_sharing_the_outbox_send_each_message_once(engine: Engine) {
    let smtp = SmtpServer::start();
    let app = app_sending_to(engine, &smtp).await;
    let url = smtp.url();
    let second = app
        .another_server(move |config| {
            config.mail.smtp_url = Some(url);
            config.mail.public_url = Some(PUBLIC_URL.to_owned());
        })
        .await;
    let count = 12;
    for i in 0..count {
        app.create_account(
            &format!("p{i}@example.be"),
            &format!("P{i}"),
            GOOD_PASSWORD,
            Role::Member,
        )
        .await;
    }
    // Asked half on each server, all at once: both workers find mail to send.
    let asks = (0..count).map(|i| {
        let browser = if i % 2 == 0 {
            app.browser()
        } else {
            app.browser_of(&second)
        };
        async move {
            browser
                .submit(
                    "/forgot-password",
                    "/api/request_password_reset",
                    &[("email", &format!("p{i}@example.be"))],
                )
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures::future::join_all(asks).await;
    assert!(statuses.iter().all(|s| *s == 302), "{statuses:?}");
    let received = smtp.wait_for(count).await;
    until_count(
        &app,
        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL",
        count as i64,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut recipients: Vec<String> = smtp.received().iter().map(|mail| mail.to()).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), count, "every account received its link");
    assert_eq!(smtp.received().len(), count, "and each exactly once");
    assert_eq!(received.len(), count);
}
