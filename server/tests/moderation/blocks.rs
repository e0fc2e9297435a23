//! Blocked accounts: they read but take no part, and a blocked moderator loses its powers.

use crate::common::{comment, comment_id, id_of, location, publish, spawn_app, Engine};
use crate::{hide, number, tab_count};
use agora_app::accounts::model::Role;

on_both_engines!(a_blocked_account_reads_but_cannot_post_vote_or_comment);

async fn a_blocked_account_reads_but_cannot_post_vote_or_comment(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches in parks", "internet-use", "").await;
    let id = id_of(&path);
    let (spammer_id, spammer) = app.signed_in("spam@example.be", Role::Member).await;
    let own_path = publish(&spammer, "Watches for every bench", "internet-use", "").await;
    let own_idea = id_of(&own_path);
    let own_comment = comment_id(&location(&comment(&spammer, &path, None, "Cheap watches here").await));
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (admin_id, admin) = app.signed_in("adam@example.be", Role::Admin).await;
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
    let reason = "Advertising in every comment";
    assert_eq!(block(spammer_id, "true", reason).await, 200);
    let (_, queue) = moderator.get_html("/moderation?tab=blocked").await;
    assert_eq!(tab_count(&queue, "Blocked accounts"), 1);
    assert!(queue.contains(reason) && queue.contains("by mia"), "{queue}");
    let (_, profile) = spammer.get_html("/profile").await;
    assert!(profile.contains("A moderator blocked your account") && profile.contains(reason));

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
        spammer
            .call(
                "/api/report",
                &[("target", "idea"), ("target_id", &id), ("reason", "spam"), ("note", "")],
            )
            .await,
        spammer
            .call(
                "/api/edit_idea",
                &[
                    ("idea_id", &own_idea),
                    ("title", "Watches"),
                    ("body", "Cheaper"),
                    ("theme", "internet-use"),
                ],
            )
            .await,
        spammer
            .call(
                "/api/edit_comment",
                &[("comment_id", &own_comment.to_string()), ("body", "Even cheaper")],
            )
            .await,
    ];
    for response in refused {
        assert_eq!(response.status().as_u16(), 403, "{}", response.url());
        assert!(response.text().await.expect("body").contains("blocked"));
    }
    let (status, page) = spammer.get_html(&path).await;
    assert_eq!(status, 200, "reading stays open");
    let (_, page_of_a_participant) = ana.get_html(&path).await;
    for control in ["vote-button", r#"id="comment-body""#] {
        assert!(page_of_a_participant.contains(control), "{control}");
        assert!(!page.contains(control), "no {control} that would answer 403");
    }
    assert!(
        page.contains("Cheap watches here"),
        "what they wrote stays unless hidden"
    );
    let (status, _) = app.browser().get_html(&own_path).await;
    assert_eq!(status, 200);

    assert_eq!(block(spammer_id, "false", "").await, 422, "unblocking says why too");
    assert_eq!(block(spammer_id, "false", "Promised to stop").await, 200);
    let (_, profile) = spammer.get_html("/profile").await;
    assert!(!profile.contains("A moderator blocked your account"));
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

    // A blocked moderator keeps the role until an admin changes it, not its powers.
    let (moderator_id, max) = app.signed_in("max@example.be", Role::Moderator).await;
    let (_, page) = max.get_html(&path).await;
    assert!(
        page.contains(r#"class="moderation-panel""#),
        "a moderator sees the panel"
    );
    let blocked = admin
        .call(
            "/api/set_account_blocked",
            &[
                ("account_id", &moderator_id.to_string()),
                ("blocked", "true"),
                ("reason", "Hid content without reason"),
            ],
        )
        .await;
    assert_eq!(blocked.status().as_u16(), 200);
    let (status, _) = max.get_html("/moderation").await;
    assert_eq!(status, 403);
    assert_eq!(hide(&max, "idea", number(&id), true, "Because").await, 403);
    let (_, page) = max.get_html(&path).await;
    assert!(
        !page.contains(r#"class="moderation-panel""#),
        "no panel whose every button would answer 403"
    );
}
