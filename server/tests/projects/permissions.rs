//! Who may decide on, plan, report on, advance and reassign a project.

use crate::common::{id_of, publish, spawn_app, Browser, Engine, TestApp};
use crate::{count, milestone_ids, official, project_id, promote, status_of};
use agora_app::accounts::model::Role;

on_both_engines!(only_the_owner_or_an_admin_changes_a_project);

async fn only_the_owner_or_an_admin_changes_a_project(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let idea = id_of(&publish(&ana, "Open data on air quality", "digital-inclusion", "").await);
    let other_idea = id_of(&publish(&ana, "Free wifi in parks", "digital-inclusion", "").await);
    let (olga_id, olga) = official(&app, "olga@example.be", "Environment").await;
    let (otto_id, otto) = official(&app, "otto@example.be", "Mobility").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let visitor = app.browser();
    let project = project_id(&promote(&moderator, "Air quality, street by street", olga_id, &[&idea]).await);
    let p = project.as_str();
    let adopt = [
        ("project_id", p),
        ("decision", "adopt"),
        ("statement", "I commit to it."),
    ];

    let others: [(&Browser, u16); 4] = [(&visitor, 401), (&ana, 403), (&moderator, 403), (&otto, 403)];
    for (who, expected) in &others {
        assert_eq!(status_of(who, "decide_project", &adopt).await, *expected);
    }
    assert_eq!(
        status_of(
            &olga,
            "decide_project",
            &[("project_id", p), ("decision", "adopt"), ("statement", " ")]
        )
        .await,
        422,
        "adopting needs a public statement"
    );
    assert_eq!(
        status_of(
            &olga,
            "add_milestone",
            &[("project_id", p), ("title", "Too early"), ("target_date", "2030-01-01")]
        )
        .await,
        409,
        "a candidate has no roadmap yet"
    );
    assert_eq!(
        status_of(&olga, "decide_project", &adopt).await,
        200,
        "the owner adopts"
    );
    assert_eq!(status_of(&admin, "decide_project", &adopt).await, 409, "once");

    let milestone = [
        ("project_id", p),
        ("title", "Sensors installed"),
        ("target_date", "2030-06-30"),
    ];
    for (who, expected) in &others {
        assert_eq!(status_of(who, "add_milestone", &milestone).await, *expected);
    }
    assert_eq!(status_of(&olga, "add_milestone", &milestone).await, 200);
    assert_eq!(
        status_of(
            &admin,
            "add_milestone",
            &[
                ("project_id", p),
                ("title", "Data published"),
                ("target_date", "2030-09-30")
            ]
        )
        .await,
        200,
        "admins may act for the owner"
    );
    let ids = milestone_ids(&app, p).await;
    let (first, second) = (ids[0].to_string(), ids[1].to_string());
    let done = [("milestone_id", first.as_str()), ("done", "true")];
    for (who, expected) in &others {
        assert_eq!(status_of(who, "set_milestone_done", &done).await, *expected);
        assert_eq!(
            status_of(who, "remove_milestone", &[("milestone_id", second.as_str())]).await,
            *expected
        );
    }
    assert_eq!(status_of(&olga, "set_milestone_done", &done).await, 200);
    assert_eq!(
        status_of(&admin, "remove_milestone", &[("milestone_id", second.as_str())]).await,
        200
    );

    let update = [("project_id", p), ("body", "The first sensors are in place.")];
    for (who, expected) in &others {
        assert_eq!(status_of(who, "post_project_update", &update).await, *expected);
    }
    assert_eq!(status_of(&olga, "post_project_update", &update).await, 200);

    let start = [("project_id", p), ("status", "in_progress"), ("note", "")];
    for (who, expected) in &others {
        assert_eq!(status_of(who, "advance_project", &start).await, *expected);
    }
    assert_eq!(
        status_of(
            &olga,
            "advance_project",
            &[("project_id", p), ("status", "completed"), ("note", "")]
        )
        .await,
        409,
        "a project starts before it completes"
    );
    assert_eq!(status_of(&olga, "advance_project", &start).await, 200);
    assert_eq!(
        status_of(
            &admin,
            "advance_project",
            &[("project_id", p), ("status", "completed"), ("note", "Done.")]
        )
        .await,
        200
    );
    assert_eq!(
        status_of(&olga, "add_milestone", &milestone).await,
        409,
        "the roadmap of a completed project is closed"
    );
    assert_eq!(
        status_of(
            &moderator,
            "reassign_project",
            &[("project_id", p), ("owner", &otto_id.to_string())]
        )
        .await,
        409,
        "a completed project keeps its owner"
    );

    // Moderators give a project to another government member, who then holds it alone.
    let second_project = project_id(&promote(&moderator, "Wifi in parks", olga_id, &[&other_idea]).await);
    let s = second_project.as_str();
    let to_otto = [("project_id", s), ("owner", &otto_id.to_string())];
    assert_eq!(
        status_of(&olga, "reassign_project", &to_otto).await,
        403,
        "not the owner herself"
    );
    assert_eq!(status_of(&ana, "reassign_project", &to_otto).await, 403);
    assert_eq!(
        status_of(
            &moderator,
            "reassign_project",
            &[("project_id", s), ("owner", &ana_id_of(&app).await)]
        )
        .await,
        422,
        "only to a government member"
    );
    assert_eq!(status_of(&moderator, "reassign_project", &to_otto).await, 200);
    let decline = [
        ("project_id", s),
        ("decision", "decline"),
        ("statement", "Not in my portfolio."),
    ];
    assert_eq!(status_of(&olga, "decide_project", &decline).await, 403);
    assert_eq!(status_of(&otto, "decide_project", &decline).await, 200);
    let (_, page) = app.browser().get_html(&format!("/projects/{s}-wifi-in-parks")).await;
    assert!(page.contains("Not in my portfolio.") && page.contains(">Declined<"));

    let refusals = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'authz.refused' AND actor_id = $1",
        otto_id,
    )
    .await;
    assert!(refusals >= 5, "refusals of another official are audited ({refusals})");
}

async fn ana_id_of(app: &TestApp) -> String {
    let id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = 'ana@example.be'")
        .fetch_one(&app.db.pool)
        .await
        .expect("ana");
    id.to_string()
}
