//! A project's decisions and updates reach its followers, whoever acts.

use crate::common::{id_of, location, publish, spawn_app, Engine};
use crate::{milestone_ids, official, project_id, promote, status_of};
use agora_app::accounts::model::Role;

on_both_engines!(
    status_changes_and_updates_reach_followers_but_not_the_actor,
    an_admin_acts_for_the_owner_and_every_decision_reaches_the_followers,
);

async fn status_changes_and_updates_reach_followers_but_not_the_actor(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let idea = id_of(&publish(&ana, "Coding clubs for children", "human-capital", "").await);
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    carl.call("/api/follow", &[("idea_id", &idea), ("follow", "true")])
        .await;
    let (dora_id, dora) = app.signed_in("dora@example.be", Role::Member).await;
    let (erin_id, _) = app.signed_in("erin@example.be", Role::Member).await;
    let (olga_id, olga) = official(&app, "olga@example.be", "Education").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = promote(&moderator, "Coding clubs everywhere", olga_id, &[&idea]).await;
    let project = project_id(&path);
    // Carl follows the idea and the project: he hears once of each change all the same.
    for follower in [&carl, &dora] {
        let followed = follower
            .call("/api/follow_project", &[("project_id", &project), ("follow", "true")])
            .await;
        assert_eq!(followed.status().as_u16(), 200);
    }
    // Someone who follows only the idea, after the promotion, hears too.
    let (fred_id, fred) = app.signed_in("fred@example.be", Role::Member).await;
    fred.call("/api/follow", &[("idea_id", &idea), ("follow", "true")])
        .await;

    let adopted = olga
        .submit(
            &path,
            "/api/decide_project",
            &[
                ("project_id", &project),
                ("decision", "adopt"),
                ("statement", "Every municipality by June."),
            ],
        )
        .await;
    assert_eq!(adopted.status().as_u16(), 302);
    assert!(location(&adopted).ends_with("#timeline"), "{}", location(&adopted));
    let updated = olga
        .call(
            "/api/post_project_update",
            &[
                ("project_id", &project),
                ("body", "Twelve clubs open their doors next week."),
            ],
        )
        .await;
    assert_eq!(updated.status().as_u16(), 200);

    let kinds = |account: i64| {
        let app = &app;
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT kind FROM notifications WHERE account_id = $1 AND project_id IS NOT NULL ORDER BY id",
            )
            .bind(account)
            .fetch_all(&app.db.pool)
            .await
            .expect("notifications")
        }
    };
    for account in [ana_id, carl_id, dora_id, fred_id] {
        assert_eq!(
            kinds(account).await,
            ["project_status", "project_update"],
            "account {account}"
        );
    }
    assert_eq!(kinds(erin_id).await, Vec::<String>::new(), "nobody else");
    assert_eq!(
        kinds(olga_id).await,
        ["project_status"],
        "the owner heard of the new candidate, not of her own acts"
    );

    let (_, notifications) = carl.get_html("/notifications").await;
    assert!(notifications.contains("olga posted an update on"), "{notifications}");
    assert!(notifications.contains("olga changed the status of"));
    assert!(notifications.contains("Coding clubs everywhere") && notifications.contains("Adopted"));
    assert!(notifications.contains("No milestones yet"));
    let newest: i64 =
        sqlx::query_scalar("SELECT MAX(id) FROM notifications WHERE account_id = $1 AND kind = 'project_update'")
            .bind(carl_id)
            .fetch_one(&app.db.pool)
            .await
            .expect("newest");
    let opened = carl
        .submit(
            "/notifications",
            "/api/open_notification",
            &[("id", &newest.to_string())],
        )
        .await;
    assert_eq!(
        location(&opened),
        format!("{path}#timeline"),
        "a project's news opens its timeline"
    );
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains("Twelve clubs open their doors next week.") && page.contains("Every municipality by June."));

    let unfollowed = dora
        .call("/api/follow_project", &[("project_id", &project), ("follow", "false")])
        .await;
    assert_eq!(unfollowed.status().as_u16(), 200);
    olga.call(
        "/api/post_project_update",
        &[("project_id", &project), ("body", "More news.")],
    )
    .await;
    assert_eq!(kinds(dora_id).await.len(), 2, "stopping to follow stops the news");
    assert_eq!(kinds(carl_id).await.len(), 3);
}

async fn an_admin_acts_for_the_owner_and_every_decision_reaches_the_followers(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let idea = id_of(&publish(&ana, "Digital help desks", "digital-inclusion", "").await);
    let other = id_of(&publish(&ana, "Tablets in care homes", "digital-inclusion", "").await);
    // Ana stops following her idea: what becomes of it still reaches her.
    ana.call("/api/follow", &[("idea_id", &idea), ("follow", "false")])
        .await;
    let (olga_id, _) = official(&app, "olga@example.be", "Digital transition").await;
    let (otto_id, _) = official(&app, "otto@example.be", "Social affairs").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (admin_id, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let project = project_id(&promote(&moderator, "Help desks", olga_id, &[&idea]).await);
    let p = project.as_str();
    let notified = |account: i64, kind: &'static str| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT status FROM notifications WHERE account_id = $1 AND kind = $2 ORDER BY id",
            )
            .bind(account)
            .bind(kind)
            .fetch_all(&pool)
            .await
            .expect("notifications")
        }
    };
    assert_eq!(notified(ana_id, "status").await, [Some("accepted".to_owned())]);

    let adopt = [
        ("project_id", p),
        ("decision", "adopt"),
        ("statement", "The region adopts it."),
    ];
    assert_eq!(
        status_of(&admin, "decide_project", &adopt).await,
        200,
        "an admin adopts for the owner"
    );
    let milestone = [("project_id", p), ("title", "Ten desks"), ("target_date", "2030-01-31")];
    assert_eq!(status_of(&admin, "add_milestone", &milestone).await, 200);
    let id = milestone_ids(&app, p).await[0];
    assert_eq!(
        status_of(
            &admin,
            "set_milestone_done",
            &[("milestone_id", &id.to_string()), ("done", "true")]
        )
        .await,
        200
    );
    assert_eq!(
        status_of(
            &admin,
            "post_project_update",
            &[("project_id", p), ("body", "Ten desks are open.")]
        )
        .await,
        200
    );
    for status in ["in_progress", "completed"] {
        assert_eq!(
            status_of(
                &admin,
                "advance_project",
                &[("project_id", p), ("status", status), ("note", "")]
            )
            .await,
            200
        );
    }
    let statuses: Vec<Option<String>> = ["adopted", "in_progress", "completed"]
        .into_iter()
        .map(|s| Some(s.to_owned()))
        .collect();
    assert_eq!(
        notified(ana_id, "project_status").await,
        statuses,
        "the author, every step"
    );
    assert_eq!(
        notified(olga_id, "project_status").await.len(),
        4,
        "the owner: given the candidate, then each step the admin took"
    );
    assert_eq!(
        notified(admin_id, "project_status").await.len(),
        0,
        "never of one's own acts"
    );
    assert_eq!(notified(ana_id, "project_update").await.len(), 1);

    // Given to another member of the government, who hears of it, then declined by an admin.
    let second = project_id(&promote(&moderator, "Tablets", olga_id, &[&other]).await);
    let to_otto = [("project_id", second.as_str()), ("owner", &otto_id.to_string())];
    assert_eq!(status_of(&moderator, "reassign_project", &to_otto).await, 200);
    assert_eq!(
        notified(otto_id, "project_status").await.len(),
        1,
        "the new owner is told"
    );
    let decline = [
        ("project_id", second.as_str()),
        ("decision", "decline"),
        ("statement", "Care homes have their own programme."),
    ];
    assert_eq!(status_of(&admin, "decide_project", &decline).await, 200);
    assert_eq!(
        notified(ana_id, "project_status")
            .await
            .last()
            .cloned()
            .flatten()
            .as_deref(),
        Some("declined")
    );
}
