//! The moderation queue: triage of new ideas and organisations to verify.

use crate::common::{comment, id_of, location, publish, register_business, spawn_app, Browser, Engine};
use crate::{notified, number, tab_count};
use agora_app::accounts::model::Role;

on_both_engines!(
    the_queue_lists_new_ideas_oldest_first_and_each_decision_takes_one_out,
    an_organisation_verified_from_the_queue_shows_its_badge,
);

async fn the_queue_lists_new_ideas_oldest_first_and_each_decision_takes_one_out(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let titles = [
        "Solar benches",
        "Air quality sensors",
        "Air sensors everywhere",
        "Buy my product",
    ];
    let mut ids = vec![];
    for title in titles {
        ids.push(id_of(&publish(&ana, title, "internet-use", "").await));
    }
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (status, _) = ana.get_html("/moderation").await;
    assert_eq!(status, 403, "members do not see the queue");
    let (status, _) = app.browser().get_html("/moderation").await;
    assert_eq!(status, 401);

    let (status, queue) = moderator.get_html("/moderation").await;
    assert_eq!(status, 200);
    let positions: Vec<usize> = titles.iter().map(|t| queue.find(t).expect(t)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "oldest first");
    assert_eq!(tab_count(&queue, "New ideas"), 4, "counted");

    let triage = |idea: &str, decision: &str, note: &str, duplicate_of: &str| {
        let fields = [
            ("idea_id", idea.to_owned()),
            ("decision", decision.to_owned()),
            ("note", note.to_owned()),
            ("duplicate_of", duplicate_of.to_owned()),
        ];
        let moderator = &moderator;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            moderator.submit("/moderation", "/api/triage_idea", &fields).await
        }
    };
    let kept = triage(&ids[0], "keep", "", "").await;
    let back = location(&kept);
    assert!(
        back.contains("/moderation") && !back.contains("__err"),
        "back to the queue: {back}"
    );
    let refused = triage(&ids[1], "declined", "", "").await;
    assert!(location(&refused).contains("__err"), "declining says why");
    let (_, queue) = moderator
        .get_html(location(&refused).trim_start_matches(app.base.as_str()))
        .await;
    assert!(queue.contains("This field is required."));
    triage(&ids[1], "under_review", "We ask the environment office.", "").await;
    triage(&ids[2], "duplicate", "", &ids[1]).await;
    triage(&ids[3], "hide", "Advertising.", "").await;

    let (_, queue) = moderator.get_html("/moderation").await;
    assert!(queue.contains("Every idea has been triaged."), "{queue}");
    assert_eq!(tab_count(&queue, "New ideas"), 0);
    assert_eq!(tab_count(&queue, "Hidden"), 1);
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("statuses");
    assert_eq!(statuses, ["open", "under_review", "duplicate", "open"]);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM ideas WHERE hidden_at IS NOT NULL AND id = $1",
            number(&ids[3])
        )
        .await,
        1
    );
    assert_eq!(notified(&app, ana_id, "hidden").await, 1);
    assert_eq!(notified(&app, ana_id, "status").await, 2, "under review, duplicate");
}

async fn an_organisation_verified_from_the_queue_shows_its_badge(engine: Engine) {
    let app = spawn_app(engine).await;
    let (tram, _) = register_business(&app).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Real-time tram screens", "internet-use", "").await;
    comment(&tram, &path, None, "We can provide the data feed.").await;
    let tram_idea = publish(&tram, "Open tram positions for every app", "internet-use", "").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, queue) = moderator.get_html("/moderation?tab=organisations").await;
    assert!(
        queue.contains("Tram Data SA") && queue.contains("0403.170.701"),
        "{queue}"
    );
    let tram_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = 'hello@tram.be'")
        .fetch_one(&app.db.pool)
        .await
        .expect("account");
    let (_, page) = app.browser().get_html(&path).await;
    assert!(!page.contains("Business · Verified"));
    let checked = "Found in the Crossroads Bank for Enterprises.";
    let verify = |account: i64, by: &Browser, reason: &'static str| {
        let account = account.to_string();
        let by = by.clone();
        async move {
            by.call(
                "/api/set_organisation_verified",
                &[("account_id", &account), ("verified", "true"), ("reason", reason)],
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(verify(tram_id, &ana, checked).await, 403);
    assert_eq!(
        verify(ana_id, &moderator, checked).await,
        400,
        "a resident has no organisation to verify"
    );
    assert_eq!(verify(tram_id, &moderator, "").await, 422, "how it was checked is said");
    assert_eq!(verify(tram_id, &moderator, checked).await, 200);
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains("Business · Verified"), "the badge shows on its comment");
    let (_, page) = app.browser().get_html(&tram_idea).await;
    assert!(page.contains("Business · Verified"), "and on its idea");
    let (_, queue) = moderator.get_html("/moderation?tab=organisations").await;
    assert!(!queue.contains("Tram Data SA"));
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'account.verify' AND target_id = $1")
            .bind(tram_id)
            .fetch_one(&app.db.pool)
            .await
            .expect("audited once");
    assert_eq!(detail, checked);
}
