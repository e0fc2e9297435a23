//! Milestones: progress, editing, and news that keeps what happened then.

use crate::common::{id_of, location, publish, spawn_app, Engine};
use crate::{adopt, count, milestone_ids, official, project_id, promote, status_of};
use agora_app::accounts::model::Role;

on_both_engines!(
    progress_follows_the_milestones,
    the_owner_edits_a_milestone_and_old_news_keeps_what_happened_then,
);

async fn progress_follows_the_milestones(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let idea = id_of(&publish(&ana, "One counter for every service", "digital-administration", "").await);
    let (olga_id, olga) = official(&app, "olga@example.be", "Administration").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = promote(&moderator, "One counter", olga_id, &[&idea]).await;
    let project = project_id(&path);
    let p = project.as_str();
    adopt(&olga, p).await;
    let bad_date = olga
        .call(
            "/api/add_milestone",
            &[("project_id", p), ("title", ""), ("target_date", "31/12/2030")],
        )
        .await;
    assert_eq!(bad_date.status().as_u16(), 422);
    let body = bad_date.text().await.expect("body");
    assert!(
        body.contains("target_date") && body.contains("\"field\":\"title\""),
        "{body}"
    );
    for (title, date) in [
        ("Counters chosen", "2030-01-31"),
        ("Staff trained", "2030-03-31"),
        ("Open to all", "2030-06-30"),
    ] {
        let added = olga
            .submit(
                &path,
                "/api/add_milestone",
                &[("project_id", p), ("title", title), ("target_date", date)],
            )
            .await;
        assert_eq!(location(&added), format!("{path}#roadmap"));
    }
    let progress_on = |path: String| {
        let app = &app;
        async move { app.browser().get_html(&path).await.1 }
    };
    assert!(progress_on(path.clone()).await.contains("0 of 3 milestones done (0%)"));
    let ids = milestone_ids(&app, p).await;
    let set = |id: i64, done: bool| {
        let olga = &olga;
        async move {
            let done = if done { "true" } else { "false" };
            olga.call(
                "/api/set_milestone_done",
                &[("milestone_id", &id.to_string()), ("done", done)],
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(set(ids[0], true).await, 200);
    let page = progress_on(path.clone()).await;
    assert!(page.contains("1 of 3 milestones done (33%)"), "the page follows");
    assert!(page.contains("Counters chosen") && page.contains("Reached on"));
    let (_, list) = app.browser().get_html("/projects").await;
    assert!(list.contains("1 of 3 milestones done (33%)"), "and so does the list");
    assert_eq!(set(ids[0], false).await, 200);
    assert!(
        progress_on(path.clone()).await.contains("0 of 3 milestones done (0%)"),
        "undone"
    );
    assert_eq!(set(ids[0], true).await, 200);
    assert_eq!(set(ids[1], true).await, 200);
    assert!(progress_on(path.clone()).await.contains("2 of 3 milestones done (66%)"));
    let removed = olga
        .call("/api/remove_milestone", &[("milestone_id", &ids[2].to_string())])
        .await;
    assert_eq!(removed.status().as_u16(), 200);
    assert!(progress_on(path.clone())
        .await
        .contains("2 of 2 milestones done (100%)"));
    let (_, commitments) = app.browser().get_html("/commitments").await;
    assert!(commitments.contains("2 of 2 milestones done (100%)"));
}

async fn the_owner_edits_a_milestone_and_old_news_keeps_what_happened_then(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let idea = id_of(&publish(&ana, "Sensors for air quality", "transversality", "").await);
    let (olga_id, olga) = official(&app, "olga@example.be", "Environment").await;
    let (_, otto) = official(&app, "otto@example.be", "Mobility").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let path = promote(&moderator, "Air quality, street by street", olga_id, &[&idea]).await;
    let project = project_id(&path);
    let p = project.as_str();
    adopt(&olga, p).await;
    for (title, date) in [("Sensors installed", "2030-06-30"), ("Data published", "2030-09-30")] {
        let added = olga
            .call(
                "/api/add_milestone",
                &[("project_id", p), ("title", title), ("target_date", date)],
            )
            .await;
        assert_eq!(added.status().as_u16(), 200);
    }
    let ids = milestone_ids(&app, p).await;
    let first = ids[0].to_string();
    olga.call("/api/set_milestone_done", &[("milestone_id", &first), ("done", "true")])
        .await;

    let edit = [
        ("milestone_id", first.as_str()),
        ("title", "Sensors installed in every municipality"),
        ("target_date", "2030-07-15"),
    ];
    let visitor = app.browser();
    for (who, expected) in [(&visitor, 401), (&ana, 403), (&moderator, 403), (&otto, 403)] {
        assert_eq!(status_of(who, "edit_milestone", &edit).await, expected);
    }
    let bad = olga
        .call(
            "/api/edit_milestone",
            &[("milestone_id", &first), ("title", " "), ("target_date", "2030-02-30")],
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let body = bad.text().await.expect("body");
    assert!(
        body.contains("\"field\":\"title\"") && body.contains("target_date"),
        "{body}"
    );

    // Without JavaScript: the "Edit" link opens the form in the page, filled in.
    let form_page = format!("{path}?milestone={first}");
    let (_, page) = olga.get_html(&form_page).await;
    assert!(
        page.contains("value=\"2030-06-30\"") && page.contains("value=\"Sensors installed\""),
        "{page}"
    );
    let saved = olga.submit(&form_page, "/api/edit_milestone", &edit).await;
    assert_eq!(
        location(&saved),
        format!("{path}#milestone-{first}"),
        "back to the milestone, form closed"
    );
    let stored: (String, i64, i64) = sqlx::query_as(
        "SELECT title, target_date, CAST(CAST(done AS INTEGER) AS BIGINT) FROM project_milestones WHERE id = $1",
    )
    .bind(ids[0])
    .fetch_one(&app.db.pool)
    .await
    .expect("milestone");
    let july = agora_app::i18n::parse_iso_date("2030-07-15").expect("date");
    assert_eq!(
        stored,
        ("Sensors installed in every municipality".to_owned(), july, 1),
        "done stays done"
    );
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains("Sensors installed in every municipality") && page.contains("1 of 2 milestones done (50%)"));
    let edited = admin
        .call(
            "/api/edit_milestone",
            &[
                ("milestone_id", &ids[1].to_string()),
                ("title", "Open data published"),
                ("target_date", "2030-10-01"),
            ],
        )
        .await;
    assert_eq!(edited.status().as_u16(), 200, "admins may act for the owner");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'project.milestone_edited' AND target_id = $1",
            ids[0]
        )
        .await,
        1
    );

    // The project moves on; each notification keeps the status and progress it announced.
    for status in ["in_progress", "completed"] {
        let moved = olga
            .call(
                "/api/advance_project",
                &[("project_id", p), ("status", status), ("note", "")],
            )
            .await;
        assert_eq!(moved.status().as_u16(), 200, "{status}");
        if status == "in_progress" {
            olga.call(
                "/api/set_milestone_done",
                &[("milestone_id", &ids[1].to_string()), ("done", "true")],
            )
            .await;
        }
    }
    assert_eq!(
        status_of(&olga, "edit_milestone", &edit).await,
        409,
        "the roadmap of a completed project is closed"
    );
    let news: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT status, milestones_done, milestones_total FROM notifications \
         WHERE account_id = $1 AND kind = 'project_status' ORDER BY id",
    )
    .bind(ana_id)
    .fetch_all(&app.db.pool)
    .await
    .expect("news");
    assert_eq!(
        news,
        [
            ("adopted".to_owned(), 0, 0),
            ("in_progress".to_owned(), 1, 2),
            ("completed".to_owned(), 2, 2)
        ]
    );
    let (_, page) = ana.get_html("/notifications").await;
    for shown in [
        "Adopted",
        "In progress",
        "Completed",
        "No milestones yet",
        "1 of 2 milestones done (50%)",
    ] {
        assert!(page.contains(shown), "{shown}");
    }
    let accepted: Vec<String> =
        sqlx::query_scalar("SELECT status FROM notifications WHERE account_id = $1 AND kind = 'status'")
            .bind(ana_id)
            .fetch_all(&app.db.pool)
            .await
            .expect("idea news");
    assert_eq!(accepted, ["accepted"], "the idea's own news says it was accepted");
}
