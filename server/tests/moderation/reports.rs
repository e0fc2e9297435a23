//! Reports: once per account, hiding at the threshold, and the reported tab.

use crate::common;
use crate::common::{comment, comment_id, id_of, location, publish, register_business, spawn_app, Browser, Engine};
use crate::{audited, hide, notified, number, tab_count};
use agora_app::accounts::model::Role;

on_both_engines!(
    the_reported_tab_puts_the_most_reported_first_and_every_tab_is_counted,
    each_account_reports_once_and_three_reports_hide_until_a_moderator_decides,
    a_reported_comment_is_hidden_and_its_author_still_reads_why,
);

async fn the_reported_tab_puts_the_most_reported_first_and_every_tab_is_counted(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let once = publish(&ana, "Reported once", "internet-use", "").await;
    let twice = publish(&ana, "Reported twice", "internet-use", "").await;
    let posted = comment(&ana, &once, None, "A comment reported once").await;
    let comment = comment_id(&location(&posted));
    register_business(&app).await;
    let reporters = app.crowd(2).await;
    assert_eq!(
        report(&reporters[0], "idea", number(&id_of(&once)), "spam", "").await.0,
        200
    );
    for reporter in &reporters {
        assert_eq!(
            report(reporter, "idea", number(&id_of(&twice)), "off_topic", "")
                .await
                .0,
            200
        );
    }
    assert_eq!(report(&reporters[1], "comment", comment, "offensive", "").await.0, 200);
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    // Ana stops following her idea; what moderators decide about it still reaches her.
    ana.call("/api/follow", &[("idea_id", &id_of(&twice)), ("follow", "false")])
        .await;

    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    let at = |text: &str| queue.find(text).unwrap_or_else(|| panic!("{text} in the queue"));
    assert!(at("Reported twice") < at("Reported once"), "most reported first");
    assert!(queue.contains("A comment reported once"));
    for (tab, expected) in [
        ("New ideas", 2),
        ("Reported", 3),
        ("Hidden", 0),
        ("Organisations", 1),
        ("Blocked accounts", 0),
    ] {
        assert_eq!(tab_count(&queue, tab), expected, "{tab}");
    }

    let declined = moderator
        .call(
            "/api/set_idea_status",
            &[
                ("idea_id", &id_of(&twice)),
                ("status", "declined"),
                ("note", "Not a smart-city idea."),
            ],
        )
        .await;
    assert_eq!(declined.status().as_u16(), 200);
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT status FROM notifications WHERE account_id = $1 AND kind = 'status' AND idea_id = $2",
    )
    .bind(ana_id)
    .bind(number(&id_of(&twice)))
    .fetch_all(&app.db.pool)
    .await
    .expect("notifications");
    assert_eq!(told, ["declined"], "an author hears of decisions without following");
}

/// Reports `target` (`idea` or `comment`) as a hydrated page does; answers status and body.
async fn report(browser: &Browser, target: &str, id: i64, reason: &str, note: &str) -> (u16, String) {
    let id = id.to_string();
    let response = browser
        .call(
            "/api/report",
            &[
                ("target", target),
                ("target_id", &id),
                ("reason", reason),
                ("note", note),
            ],
        )
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn each_account_reports_once_and_three_reports_hide_until_a_moderator_decides(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let title = "Cheap watches for every citizen";
    let path = publish(&ana, title, "internet-use", "").await;
    let id = number(&id_of(&path));
    let reporters = app.crowd(3).await;

    assert_eq!(
        report(&ana, "idea", id, "spam", "").await.0,
        403,
        "nobody reports their own idea"
    );
    assert_eq!(
        report(&reporters[0], "idea", id, "other", " ").await.0,
        422,
        "another reason needs words"
    );
    assert_eq!(report(&reporters[0], "idea", id, "boring", "").await.0, 422);
    assert_eq!(report(&app.browser(), "idea", id, "spam", "").await.0, 401);

    let (status, body) = report(&reporters[0], "idea", id, "spam", "").await;
    assert_eq!((status, body.as_str()), (200, "\"received\""));
    let (status, body) = report(&reporters[0], "idea", id, "offensive", "").await;
    assert_eq!(
        (status, body.as_str()),
        (200, "\"already_reported\""),
        "once per account"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM reports WHERE target_id = $1", id)
            .await,
        1
    );
    assert_eq!(report(&reporters[1], "idea", id, "spam", "").await.0, 200);
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(title), "two reports do not hide it");

    assert_eq!(
        report(&reporters[2], "idea", id, "other", "Selling watches here")
            .await
            .0,
        200
    );
    let hidden = app
        .scalar(
            "SELECT COUNT(*) FROM ideas WHERE id = $1 AND hidden_at IS NOT NULL AND hidden_by IS NULL",
            id,
        )
        .await;
    assert_eq!(hidden, 1, "the third report hides it");
    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 404);
    assert!(!page.contains(title) && page.contains("The moderators have hidden this"));
    let (_, list) = app.browser().get_html("/ideas").await;
    assert!(!list.contains(title), "out of the list");
    assert_eq!(notified(&app, ana_id, "hidden").await, 1);
    let (status, page) = ana.get_html(&path).await;
    assert_eq!(status, 200, "its author still reads it");
    assert!(page.contains("Several members reported it"), "and why");
    assert!(page.contains("2 × Spam or advertising") && page.contains("Selling watches here"));
    assert_eq!(reporters[0].vote(&id.to_string(), true).await.status().as_u16(), 409);
    let follow = reporters[0]
        .call("/api/follow", &[("idea_id", &id.to_string()), ("follow", "true")])
        .await;
    assert_eq!(follow.status().as_u16(), 404, "a hidden idea is not followed");
    // Its discussion is read with the idea's facts: refused to others, open to its author.
    let idea = id.to_string();
    let discussion = [("idea_id", idea.as_str())];
    assert_eq!(
        app.browser().call("/api/comments", &discussion).await.status().as_u16(),
        404
    );
    assert_eq!(
        reporters[0].call("/api/comments", &discussion).await.status().as_u16(),
        404
    );
    assert_eq!(ana.call("/api/comments", &discussion).await.status().as_u16(), 200);

    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    assert!(queue.contains(title) && queue.contains("3 reports"), "{queue}");
    let (_, queue) = moderator.get_html("/moderation?tab=hidden").await;
    assert!(queue.contains(title));
    assert_eq!(
        hide(&moderator, "idea", id, false, "").await,
        422,
        "restoring says why too"
    );
    let why = "A real offer from a shop in the neighbourhood, not spam.";
    assert_eq!(hide(&moderator, "idea", id, false, why).await, 200, "kept visible");
    let (status, _) = app.browser().get_html(&path).await;
    assert_eq!(status, 200, "visible again");
    assert_eq!(notified(&app, ana_id, "restored").await, 1);
    let (_, news) = ana.get_html("/notifications").await;
    assert!(news.contains(why), "its author reads why");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM reports WHERE target_id = $1 AND resolved_at IS NULL",
            id
        )
        .await,
        0,
        "its reports are decided"
    );
    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    assert!(queue.contains("No reports waiting."));
    assert_eq!(audited(&app, "idea.auto_hide", id).await, 1);
    assert_eq!(audited(&app, "idea.restore", id).await, 1);
    assert_eq!(
        report(&reporters[0], "idea", id, "spam", "").await.1,
        "\"already_reported\"",
        "a decided report is not made again"
    );
}

async fn a_reported_comment_is_hidden_and_its_author_still_reads_why(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Open data on parking", "internet-use", "").await;
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let text = "You are all idiots";
    let posted = comment(&carl, &path, None, text).await;
    let comment = comment_id(&location(&posted));
    for reporter in app.crowd(3).await {
        assert_eq!(report(&reporter, "comment", comment, "offensive", "").await.0, 200);
    }
    let (_, page) = app.browser().get_html(&path).await;
    assert!(!page.contains(text) && page.contains("This comment was hidden by the moderators."));
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains(text) && page.contains("Several members reported it"));
    assert_eq!(notified(&app, carl_id, "hidden").await, 1);

    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, page) = moderator.get_html(&path).await;
    assert!(page.contains(text), "moderators read it");
    assert_eq!(
        hide(&moderator, "comment", comment, true, "").await,
        422,
        "hiding says why"
    );
    assert_eq!(
        hide(&moderator, "comment", comment, true, "Insults are not allowed.").await,
        200
    );
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains("The moderators hid it: Insults are not allowed."));
    assert_eq!(
        notified(&app, carl_id, "hidden").await,
        2,
        "told of the moderator's reason"
    );
    assert_eq!(audited(&app, "comment.hide", comment).await, 1);
    let (_, hidden_tab) = moderator.get_html("/moderation?tab=hidden").await;
    assert!(hidden_tab.contains("Insults are not allowed."));
    let reply = common::comment(&ana, &path, Some(comment), "Please be kind").await;
    assert!(location(&reply).contains("__err"), "no replies to a hidden comment");
    let rewrite = carl
        .call(
            "/api/edit_comment",
            &[("comment_id", &comment.to_string()), ("body", "Sorry")],
        )
        .await;
    assert_eq!(rewrite.status().as_u16(), 404, "a hidden comment is not rewritten");
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains(text), "it stays as the moderators saw it");
}
