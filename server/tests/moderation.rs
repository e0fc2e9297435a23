//! Moderators set ideas' statuses, on SQLite and PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{id_of, location, publish, spawn_app, Engine};

on_both_engines!(
    a_moderator_declines_with_a_public_reason_and_followers_are_told,
    only_moderators_set_statuses_and_only_along_allowed_transitions,
    a_blocked_account_reads_but_cannot_post_vote_or_comment,
);

async fn a_blocked_account_reads_but_cannot_post_vote_or_comment(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches in parks", "internet-use", "").await;
    let id = id_of(&path);
    let (spammer_id, spammer) = app.signed_in("spam@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (admin_id, _) = app.signed_in("adam@example.be", Role::Admin).await;
    let block = |account: i64, blocked: &'static str, reason: &'static str| {
        let account = account.to_string();
        let moderator = &moderator;
        async move {
            moderator
                .call(
                    "/api/set_account_blocked",
                    &[("account_id", &account), ("blocked", blocked), ("reason", reason)],
                )
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(block(spammer_id, "true", "").await, 422, "blocking needs a reason");
    assert_eq!(
        block(admin_id, "true", "No").await,
        403,
        "moderators block members only"
    );
    let by_member = ana
        .call(
            "/api/set_account_blocked",
            &[
                ("account_id", &spammer_id.to_string()),
                ("blocked", "true"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(by_member.status().as_u16(), 403);
    assert_eq!(block(spammer_id, "true", "Advertising in every comment").await, 200);

    let refused = [
        spammer
            .call(
                "/api/submit_idea",
                &[("title", "Buy now"), ("body", "Cheap"), ("theme", "internet-use")],
            )
            .await,
        spammer.vote(&id, true).await,
        spammer
            .call("/api/post_comment", &[("idea_id", &id), ("body", "Cheap watches")])
            .await,
    ];
    for response in refused {
        assert_eq!(response.status().as_u16(), 403, "{}", response.url());
        assert!(response.text().await.expect("body").contains("blocked"));
    }
    let (status, _) = spammer.get_html(&path).await;
    assert_eq!(status, 200, "reading stays open");

    assert_eq!(block(spammer_id, "false", "").await, 200);
    assert_eq!(
        spammer.vote(&id, true).await.status().as_u16(),
        200,
        "unblocked, they take part again"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('account.block', 'account.unblock') AND target_id = $1",
    )
    .bind(spammer_id)
    .fetch_one(&app.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 2);
}

async fn a_moderator_declines_with_a_public_reason_and_followers_are_told(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Drones delivering parcels", "internet-use", "").await;
    let id = id_of(&path);
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    carl.call("/api/follow", &[("idea_id", &id), ("follow", "true")]).await;
    let (mod_id, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;

    let (_, page) = moderator.get_html(&path).await;
    assert!(page.contains(">Change the status<"), "moderators see the panel");
    let (_, page) = carl.get_html(&path).await;
    assert!(!page.contains(">Change the status<"), "members do not");

    let no_reason = moderator
        .call(
            "/api/set_idea_status",
            &[("idea_id", &id), ("status", "declined"), ("note", " ")],
        )
        .await;
    assert_eq!(no_reason.status().as_u16(), 422, "declining needs a reason");
    let reason = "Drones over homes are not allowed by federal rules.";
    let done = moderator
        .submit(
            &path,
            "/api/set_idea_status",
            &[("idea_id", &id), ("status", "declined"), ("note", reason)],
        )
        .await;
    assert_eq!(done.status().as_u16(), 302);
    assert!(location(&done).ends_with("#history-heading"));

    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(&format!(">{reason}<")), "the reason is public");
    let answer = page
        .split(">Answer from the moderators<")
        .nth(1)
        .expect("the answer is shown above the idea");
    let answer = answer.split("</aside>").next().unwrap_or_default();
    assert!(answer.contains(reason) && answer.contains(">Moderator<"), "{answer}");
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "declined");
    for (account, expected) in [(ana_id, 1), (carl_id, 1), (mod_id, 0)] {
        let told: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND kind = 'status'")
                .bind(account)
                .fetch_one(&app.db.pool)
                .await
                .expect("notifications");
        assert_eq!(told, expected, "account {account}");
    }
    let (_, notifications) = ana.get_html("/notifications").await;
    assert!(notifications.contains("The status changed for"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'idea.status' AND actor_id = $1 AND target_id = $2",
    )
    .bind(mod_id)
    .bind(id.parse::<i64>().expect("id"))
    .fetch_one(&app.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);
    let vote = carl.vote(&id, true).await;
    assert_eq!(vote.status().as_u16(), 409, "a declined idea takes no votes");
}

async fn only_moderators_set_statuses_and_only_along_allowed_transitions(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = id_of(&publish(&ana, "Noise sensors", "internet-use", "").await);
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let (_, official) = app.signed_in("olga@example.be", Role::Official).await;
    assert_eq!(set_status(&id, &app.browser(), "under_review").await, 401);
    assert_eq!(set_status(&id, &ana, "under_review").await, 403, "not even the author");
    assert_eq!(set_status(&id, &official, "under_review").await, 403);
    assert_eq!(
        set_status(&id, &moderator, "accepted").await,
        422,
        "accepted comes with a project"
    );
    assert_eq!(
        set_status(&id, &moderator, "duplicate").await,
        422,
        "duplicate comes with a merge"
    );
    assert_eq!(set_status(&id, &moderator, "open").await, 409, "already open");
    assert_eq!(set_status(&id, &moderator, "under_review").await, 200);
    assert_eq!(set_status(&id, &admin, "open").await, 200, "admins moderate too");
    assert_eq!(set_status(&id, &moderator, "declined").await, 200);
    assert_eq!(
        set_status(&id, &moderator, "under_review").await,
        409,
        "a declined idea is reopened first"
    );
    assert_eq!(set_status(&id, &moderator, "open").await, 200);

    let withdrawn = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(withdrawn.status().as_u16(), 200);
    assert_eq!(
        set_status(&id, &moderator, "declined").await,
        409,
        "a withdrawn idea cannot be declined"
    );
    assert_eq!(
        moderator
            .call(
                "/api/set_idea_status",
                &[("idea_id", "999999"), ("status", "open"), ("note", "")]
            )
            .await
            .status()
            .as_u16(),
        404
    );
    let history: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idea_status_events WHERE idea_id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("history");
    assert_eq!(history, 6, "created, 4 moderations, withdrawn");
}

/// Asks for a status change as `browser`; answers the HTTP status.
async fn set_status(idea: &str, browser: &common::Browser, to: &str) -> u16 {
    browser
        .call(
            "/api/set_idea_status",
            &[("idea_id", idea), ("status", to), ("note", "Because.")],
        )
        .await
        .status()
        .as_u16()
}
