//! Ideas' statuses and public answers: who sets them, which changes are allowed, who is told.

use crate::common;
use crate::common::{id_of, location, publish, spawn_app, Browser, Engine};
use crate::{audited, notified, number};
use agora_app::accounts::model::Role;

on_both_engines!(
    moderators_and_officials_answer_in_public_and_followers_are_told,
    a_moderator_declines_with_a_public_reason_and_followers_are_told,
    only_moderators_set_statuses_and_only_along_allowed_transitions,
);

async fn moderators_and_officials_answer_in_public_and_followers_are_told(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Digital counter at the town hall", "digital-administration", "").await;
    let id = id_of(&path);
    let (_, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let (_, official) = app.signed_in("olga@example.be", Role::Official).await;
    let respond = |browser: &Browser, note: &str| {
        let (browser, note, id) = (browser.clone(), note.to_owned(), id.clone());
        async move {
            browser
                .call("/api/respond_to_idea", &[("idea_id", &id), ("note", &note)])
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(respond(&carl, "I agree").await, 403, "members comment instead");
    assert_eq!(respond(&official, " ").await, 422, "an answer says something");
    let answer = "The region will open an online counter in 2027.";
    assert_eq!(respond(&official, answer).await, 200);
    let (_, page) = app.browser().get_html(&path).await;
    let shown = page
        .split(">Answer from the government<")
        .nth(1)
        .expect("the answer is shown above the idea");
    assert!(shown.split("</aside>").next().unwrap_or_default().contains(answer));
    assert!(page.contains(">Public answer<"), "and in the history");
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(number(&id))
        .fetch_one(&app.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "open", "the status did not change");
    assert_eq!(notified(&app, ana_id, "response").await, 1);
    let (_, notifications) = ana.get_html("/notifications").await;
    assert!(notifications.contains("answered publicly on"));
    assert_eq!(audited(&app, "idea.response", number(&id)).await, 1);
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
    let path = publish(&ana, "Noise sensors", "internet-use", "").await;
    let id = id_of(&path);
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
    // The page shows the whole history, in the order it happened.
    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 200);
    let section = page
        .split_once("class=\"idea-history\"")
        .and_then(|(_, rest)| rest.split_once("</section>"))
        .map(|(section, _)| section)
        .expect("the history's section");
    let shown: Vec<&str> = section
        .split("status status-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(shown, ["open", "under_review", "open", "declined", "open", "withdrawn"]);
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
