//! Projects and government commitments over plain HTTP, on SQLite and PostgreSQL:
//! promotion, the owner's decisions, roadmap and timeline, who may change what, the
//! notifications, the commitments page and the dashboard's figures.

mod common;

use agora_app::accounts::model::Role;
use common::{id_of, location, publish, register_business, spawn_app, Browser, Engine, TestApp, GOOD_PASSWORD};
use std::collections::{BTreeMap, HashSet};

on_both_engines!(
    a_moderator_promotes_several_ideas_into_one_candidate_project,
    an_idea_already_in_a_project_cannot_be_promoted_again,
    only_the_owner_or_an_admin_changes_a_project,
    status_changes_and_updates_reach_followers_but_not_the_actor,
    progress_follows_the_milestones,
    the_commitments_page_reflects_adoption,
    the_dashboard_figures_equal_independent_counts,
    the_owner_edits_a_milestone_and_old_news_keeps_what_happened_then,
    an_admin_acts_for_the_owner_and_every_decision_reaches_the_followers,
);

/// A member of the government with a portfolio, signed in.
async fn official(app: &TestApp, email: &str, portfolio: &str) -> (i64, Browser) {
    let (id, browser) = app.signed_in(email, Role::Official).await;
    agora_app::accounts::store::set_role(&app.db, None, id, Role::Official, Some(portfolio))
        .await
        .expect("portfolio");
    (id, browser)
}

fn promotion<'a>(title: &'a str, owner: &'a str, ideas: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    promotion_in("digital-inclusion", title, owner, ideas)
}

fn promotion_in<'a>(theme: &'a str, title: &'a str, owner: &'a str, ideas: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("title", title),
        (
            "summary",
            "Workshops in every library.\n\nRun with the Digital Public Spaces.",
        ),
        ("theme", theme),
        ("owner", owner),
        (
            "factors",
            "Trained volunteers\n\nOpening hours that suit working people",
        ),
    ];
    fields.extend(ideas.iter().map(|idea| ("ideas[]", *idea)));
    fields
}

/// Promotes through the form, as a browser without JavaScript; answers the project's address.
async fn promote(moderator: &Browser, title: &str, owner: i64, ideas: &[&str]) -> String {
    let owner = owner.to_string();
    let response = moderator
        .submit("/projects/new", "/api/promote_ideas", &promotion(title, &owner, ideas))
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let path = location(&response);
    assert!(path.starts_with("/projects/"), "{title} promoted, at {path}");
    path
}

fn project_id(path: &str) -> String {
    path.trim_start_matches("/projects/")
        .split(['-', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

/// The owner adopts the project, as a hydrated page does.
async fn adopt(owner: &Browser, project: &str) {
    let adopted = owner
        .call(
            "/api/decide_project",
            &[("project_id", project), ("decision", "adopt"), ("statement", "Yes.")],
        )
        .await;
    assert_eq!(adopted.status().as_u16(), 200, "adopted");
}

/// The project's milestones, in roadmap order.
async fn milestone_ids(app: &TestApp, project: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT id FROM project_milestones WHERE project_id = $1 ORDER BY position")
        .bind(project.parse::<i64>().expect("id"))
        .fetch_all(&app.db.pool)
        .await
        .expect("milestones")
}

async fn status_of(browser: &Browser, endpoint: &str, fields: &[(&str, &str)]) -> u16 {
    browser
        .call(&format!("/api/{endpoint}"), fields)
        .await
        .status()
        .as_u16()
}

async fn a_moderator_promotes_several_ideas_into_one_candidate_project(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let first_path = publish(&ana, "Digital workshops in libraries", "digital-inclusion", "").await;
    let first = id_of(&first_path);
    let second = id_of(&publish(&ana, "Laptops for families", "digital-inclusion", "anderlecht").await);
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    carl.call("/api/follow", &[("idea_id", &first), ("follow", "true")])
        .await;
    carl.vote(&first, true).await;
    carl.vote(&second, true).await;
    let (_, dora) = app.signed_in("dora@example.be", Role::Member).await;
    dora.vote(&first, true).await;
    let (olga_id, _) = official(&app, "olga@example.be", "Digital transition").await;
    let (mod_id, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;

    let (_, idea_page) = moderator.get_html(&first_path).await;
    assert!(
        idea_page.contains(&format!("/projects/new?ideas={first}")),
        "moderators are offered the promotion from the idea"
    );
    let (_, form) = moderator.get_html(&format!("/projects/new?ideas={first}")).await;
    assert!(
        form.contains("Laptops for families") && form.contains("olga — Digital transition"),
        "the form offers the other ideas and the government members"
    );

    let path = promote(&moderator, "Digital help close to home", olga_id, &[&first, &second]).await;
    let project: i64 = project_id(&path).parse().expect("id");

    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("statuses");
    assert_eq!(statuses, ["accepted", "accepted"]);
    let untriaged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE triaged_at IS NULL")
        .fetch_one(&app.db.pool)
        .await
        .expect("triage");
    assert_eq!(untriaged, 0, "promoted ideas are triaged");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM project_ideas WHERE project_id = $1",
            project
        )
        .await,
        2
    );
    let note: String =
        sqlx::query_scalar("SELECT note FROM idea_status_events WHERE idea_id = $1 AND status = 'accepted'")
            .bind(first.parse::<i64>().expect("id"))
            .fetch_one(&app.db.pool)
            .await
            .expect("history");
    assert!(
        note.contains("Digital help close to home"),
        "the history names the project: {note}"
    );
    let (status, owner): (String, i64) = sqlx::query_as("SELECT status, owner_id FROM projects WHERE id = $1")
        .bind(project)
        .fetch_one(&app.db.pool)
        .await
        .expect("project");
    assert_eq!((status.as_str(), owner), ("candidate", olga_id));

    let told = |account: i64, kind: &'static str| {
        let app = &app;
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND kind = $2")
                .bind(account)
                .bind(kind)
                .fetch_one(&app.db.pool)
                .await
                .expect("notifications")
        }
    };
    assert_eq!(told(ana_id, "status").await, 2, "the author hears about both ideas");
    assert_eq!(
        told(carl_id, "status").await,
        1,
        "a follower hears about the idea they follow"
    );
    assert_eq!(told(mod_id, "status").await, 0, "never the actor");
    assert_eq!(
        told(olga_id, "project_status").await,
        1,
        "the owner hears of the new candidate"
    );
    let followers: Vec<i64> =
        sqlx::query_scalar("SELECT account_id FROM project_follows WHERE project_id = $1 ORDER BY account_id")
            .bind(project)
            .fetch_all(&app.db.pool)
            .await
            .expect("followers");
    assert_eq!(
        followers,
        [ana_id, carl_id, olga_id],
        "the ideas' followers follow the project"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'project.promote' AND target_id = $1",
            project
        )
        .await,
        1
    );

    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 200);
    for text in [
        ">Digital help close to home<",
        ">Candidate<",
        "Digital transition",
        "Trained volunteers",
        "Opening hours that suit working people",
        "Digital workshops in libraries",
        "Laptops for families",
        "2 people support the ideas below.",
        "2 supporters",
    ] {
        assert!(page.contains(text), "the project page shows {text}");
    }
    let (_, idea_page) = app.browser().get_html(&first_path).await;
    assert!(idea_page.contains("This idea is part of the project") && idea_page.contains(&path));
    let (_, list) = app.browser().get_html("/projects?status=candidate").await;
    assert!(list.contains("Digital help close to home"));
    let (_, list) = app.browser().get_html("/projects?status=adopted").await;
    assert!(!list.contains("Digital help close to home") && list.contains("No project matches"));
    let (_, list) = app
        .browser()
        .get_html(&format!("/projects?owner={olga_id}&theme=digital-inclusion"))
        .await;
    assert!(list.contains("Digital help close to home"));
}

async fn an_idea_already_in_a_project_cannot_be_promoted_again(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let taken = id_of(&publish(&ana, "Idea taken first", "digital-inclusion", "").await);
    let free = id_of(&publish(&ana, "Idea still free", "digital-inclusion", "").await);
    let raced = id_of(&publish(&ana, "Idea two moderators want", "digital-inclusion", "").await);
    let declined = id_of(&publish(&ana, "Idea declined", "digital-inclusion", "").await);
    let (olga_id, _) = official(&app, "olga@example.be", "Digital transition").await;
    let olga = olga_id.to_string();
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    promote(&moderator, "First project", olga_id, &[&taken]).await;
    let notified_before = count(&app, "SELECT COUNT(*) FROM notifications WHERE account_id = $1", ana_id).await;

    let again = moderator
        .call(
            "/api/promote_ideas",
            &promotion("Second project", &olga, &[&free, &taken]),
        )
        .await;
    assert_eq!(again.status().as_u16(), 409, "an idea belongs to one project at most");
    let nothing_half_written = [
        ("SELECT COUNT(*) FROM projects WHERE id > $1", 0),
        ("SELECT COUNT(*) FROM project_ideas WHERE project_id > $1", 0),
        ("SELECT COUNT(*) FROM project_factors WHERE project_id > $1", 0),
    ];
    let first: i64 = sqlx::query_scalar("SELECT MIN(id) FROM projects")
        .fetch_one(&app.db.pool)
        .await
        .expect("first");
    for (sql, expected) in nothing_half_written {
        assert_eq!(count(&app, sql, first).await, expected, "{sql}");
    }
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(free.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "open", "the other idea of the refused promotion is untouched");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE account_id = $1", ana_id).await,
        notified_before,
        "nobody is told of a promotion that did not happen"
    );

    moderator
        .call(
            "/api/set_idea_status",
            &[
                ("idea_id", &declined),
                ("status", "declined"),
                ("note", "Out of scope."),
            ],
        )
        .await;
    let response = moderator
        .call(
            "/api/promote_ideas",
            &promotion("Declined project", &olga, &[&declined]),
        )
        .await;
    assert_eq!(response.status().as_u16(), 422, "a declined idea is not promoted");
    assert!(response.text().await.expect("body").contains("idea_not_promotable"));

    let (raced_a, raced_b) = (
        promotion("Raced A", &olga, &[&raced]),
        promotion("Raced B", &olga, &[&raced]),
    );
    let (one, two) = tokio::join!(
        moderator.call("/api/promote_ideas", &raced_a),
        admin.call("/api/promote_ideas", &raced_b),
    );
    let mut answers = [one.status().as_u16(), two.status().as_u16()];
    answers.sort_unstable();
    assert_eq!(answers, [200, 409], "of two promotions at once, one wins");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM project_ideas WHERE idea_id = $1",
            raced.parse().expect("id")
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM projects WHERE id >= $1", first).await,
        2
    );

    let invalid = moderator
        .call(
            "/api/promote_ideas",
            &[
                ("title", ""),
                ("summary", ""),
                ("theme", ""),
                ("owner", ""),
                ("factors", ""),
            ],
        )
        .await;
    assert_eq!(invalid.status().as_u16(), 422);
    let body = invalid.text().await.expect("body");
    for field in ["title", "summary", "theme", "owner", "factors", "ideas"] {
        assert!(body.contains(&format!("\"field\":\"{field}\"")), "{field} in {body}");
    }
    let not_official = moderator
        .call(
            "/api/promote_ideas",
            &promotion("Owned by a member", &ana_id.to_string(), &[&free]),
        )
        .await;
    assert_eq!(
        not_official.status().as_u16(),
        422,
        "only a government member owns a project"
    );
    assert_eq!(
        status_of(&ana, "promote_ideas", &promotion("By a member", &olga, &[&free])).await,
        403
    );
    assert_eq!(
        status_of(
            &app.browser(),
            "promote_ideas",
            &promotion("By a visitor", &olga, &[&free])
        )
        .await,
        401
    );

    // Refused without JavaScript, the form comes back with what was typed.
    let refused = moderator
        .submit(
            "/projects/new",
            "/api/promote_ideas",
            &promotion("Kept title", &olga, &[&taken]),
        )
        .await;
    let back = location(&refused).replace(&moderator.base, "");
    assert!(back.starts_with("/projects/new?") && back.contains("__err="), "{back}");
    let (_, form) = moderator.get_html(&back).await;
    assert!(form.contains("value=\"Kept title\""), "the title is kept");
    assert!(form.contains("Trained volunteers"), "the factors are kept");
}

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

async fn the_commitments_page_reflects_adoption(engine: Engine) {
    // It changes the database behind the server's back: no page cache.
    let app = common::spawn_app_tuned(
        engine,
        &agora_server::config::Tuning {
            page_cache_ms: 0,
            ..Default::default()
        },
    )
    .await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let first = id_of(&publish(&ana, "Benches with chargers", "transversality", "").await);
    let second = id_of(&publish(&ana, "A regional data portal", "digital-technology", "").await);
    let (olga_id, olga) = official(&app, "olga@example.be", "Public works").await;
    let (otto_id, otto) = official(&app, "otto@example.be", "Open data").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;

    let card_of = |page: &str, name: &str| -> String {
        page.split("<li class=\"commitment-card")
            .find(|card| card.contains(&format!(">{name}<")))
            .map(|card| card.split("</li>").next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    let (status, page) = app.browser().get_html("/commitments").await;
    assert_eq!(status, 200);
    for name in ["olga", "otto"] {
        let card = card_of(&page, name);
        assert!(card.contains("No project adopted yet this year"), "{name}: {card}");
    }
    assert!(card_of(&page, "olga").contains("Public works"), "with their portfolio");

    let charging = project_id(&promote(&moderator, "Charging benches", olga_id, &[&first]).await);
    let portal = project_id(&promote(&moderator, "The data portal", otto_id, &[&second]).await);
    let (_, page) = app.browser().get_html("/commitments").await;
    let card = card_of(&page, "olga");
    assert!(card.contains("No project adopted yet this year") && card.contains("1 candidate project awaits"));

    olga.call(
        "/api/decide_project",
        &[
            ("project_id", &charging),
            ("decision", "adopt"),
            ("statement", "Done by summer."),
        ],
    )
    .await;
    otto.call(
        "/api/decide_project",
        &[
            ("project_id", &portal),
            ("decision", "decline"),
            ("statement", "Already planned elsewhere."),
        ],
    )
    .await;
    let (_, page) = app.browser().get_html("/commitments").await;
    let olga_card = card_of(&page, "olga");
    assert!(
        olga_card.contains("Charging benches") && !olga_card.contains("No project adopted yet"),
        "{olga_card}"
    );
    assert!(olga_card.contains("adopted on"));
    let otto_card = card_of(&page, "otto");
    assert!(
        otto_card.contains("No project adopted yet this year") && !otto_card.contains("The data portal"),
        "a declined project is no commitment"
    );
    assert!(page.contains("1 of 2 government members have adopted a project"));

    let json: agora_app::projects::model::CommitmentList = app
        .browser()
        .call("/api/commitments", &[])
        .await
        .text()
        .await
        .map(|body| serde_json::from_str(&body).expect("json"))
        .expect("body");
    let adopted: BTreeMap<String, usize> = json
        .officials
        .iter()
        .map(|c| (c.official.display_name.clone(), c.adopted.len()))
        .collect();
    assert_eq!(
        adopted,
        BTreeMap::from([("olga".to_owned(), 1), ("otto".to_owned(), 0)])
    );

    // A project adopted last year was last year's commitment.
    let this_year = agora_app::projects::model::year_start_ms(agora_app::db::now_ms());
    sqlx::query("UPDATE projects SET adopted_at = $1 WHERE id = $2")
        .bind(this_year - 86_400_000)
        .bind(charging.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("adopted last year");
    let (_, page) = app.browser().get_html("/commitments").await;
    assert!(card_of(&page, "olga").contains("No project adopted yet this year"));
    assert!(page.contains("0 of 2 government members have adopted a project"));
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

async fn the_dashboard_figures_equal_independent_counts(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (business, _) = register_business(&app).await;
    let academic = app.browser();
    let registered = academic
        .submit(
            "/register",
            "/api/register",
            &[
                ("email", "lab@university.be"),
                ("display_name", "City Lab"),
                ("password", GOOD_PASSWORD),
                ("kind", "academic"),
                ("organisation_name", "Smart City Chair"),
                ("registration_number", "VUB-2017"),
            ],
        )
        .await;
    assert_eq!(location(&registered), "/profile");
    let a = id_of(&publish(&ana, "Workshops in libraries", "digital-inclusion", "").await);
    let b = id_of(&publish(&ana, "Laptops for families", "digital-inclusion", "").await);
    let c = id_of(&publish(&business, "Open API for waiting times", "digital-technology", "").await);
    let d = id_of(&publish(&academic, "A living lab", "human-capital", "").await);
    let hidden = id_of(&publish(&ana, "Spam that moderators hid", "human-capital", "").await);
    for voter in [&business, &academic] {
        voter.vote(&a, true).await;
    }
    ana.vote(&c, true).await;
    academic.vote(&c, true).await;
    business.vote(&hidden, true).await;
    academic
        .call("/api/post_comment", &[("idea_id", &d), ("body", "We can run it.")])
        .await;
    sqlx::query("UPDATE ideas SET hidden_at = $1 WHERE id = $2")
        .bind(agora_app::db::now_ms())
        .bind(hidden.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("hide");
    // One vote cast two months ago, so that participation has more than one month.
    sqlx::query("UPDATE votes SET created_at = created_at - $1 WHERE idea_id = $2")
        .bind(62 * 86_400_000_i64)
        .bind(c.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("age a vote");
    let (olga_id, olga) = official(&app, "olga@example.be", "Digital transition").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let inclusion = project_id(&promote(&moderator, "Digital help", olga_id, &[&a, &b]).await);
    adopt(&olga, &inclusion).await;
    let owner = olga_id.to_string();
    let waiting = promotion_in("digital-technology", "Waiting times", &owner, &[&c]);
    assert_eq!(
        moderator.call("/api/promote_ideas", &waiting).await.status().as_u16(),
        200
    );

    let figures: agora_app::projects::model::DashboardFigures = app
        .browser()
        .call("/api/dashboard", &[])
        .await
        .text()
        .await
        .map(|body| serde_json::from_str(&body).expect("json"))
        .expect("body");
    let themes: Vec<String> = sqlx::query_scalar("SELECT slug FROM themes ORDER BY position, id")
        .fetch_all(&app.db.pool)
        .await
        .expect("themes");
    assert_eq!(
        figures.themes.iter().map(|t| t.slug.clone()).collect::<Vec<_>>(),
        themes,
        "every theme, in order"
    );
    for theme in &figures.themes {
        let scalar = |sql: &'static str| {
            let (app, slug) = (&app, theme.slug.clone());
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .bind(slug)
                    .fetch_one(&app.db.pool)
                    .await
                    .expect("figure")
            }
        };
        let ideas = scalar(
            "SELECT COUNT(*) FROM ideas i JOIN themes t ON t.id = i.theme_id WHERE t.slug = $1 AND i.hidden_at IS NULL",
        )
        .await;
        let votes = scalar(
            "SELECT COUNT(*) FROM votes v JOIN ideas i ON i.id = v.idea_id JOIN themes t ON t.id = i.theme_id \
             WHERE t.slug = $1 AND i.hidden_at IS NULL",
        )
        .await;
        let accepted = scalar(
            "SELECT COUNT(*) FROM ideas i JOIN themes t ON t.id = i.theme_id \
             WHERE t.slug = $1 AND i.status = 'accepted' AND i.hidden_at IS NULL",
        )
        .await;
        assert_eq!(
            (theme.ideas, theme.votes, theme.accepted),
            (ideas, votes, accepted),
            "{}",
            theme.slug
        );
        for (i, status) in ["candidate", "adopted", "in_progress", "completed", "declined"]
            .iter()
            .enumerate()
        {
            let projects: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM projects p JOIN themes t ON t.id = p.theme_id WHERE t.slug = $1 AND p.status = $2",
            )
            .bind(&theme.slug)
            .bind(*status)
            .fetch_one(&app.db.pool)
            .await
            .expect("projects");
            assert_eq!(theme.projects[i], projects, "{} {status}", theme.slug);
        }
    }
    let inclusion_figures = figures
        .themes
        .iter()
        .find(|t| t.slug == "digital-inclusion")
        .expect("theme");
    assert_eq!(
        (
            inclusion_figures.ideas,
            inclusion_figures.votes,
            inclusion_figures.accepted
        ),
        (2, 2, 2),
        "a plausible set, not only equal ones"
    );
    assert_eq!(figures.projects_by_status(), [1, 1, 0, 0, 0]);

    // Participation: distinct accounts per kind and calendar month, from the raw rows.
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT x.account_id, x.at, a.kind FROM ( \
             SELECT author_id AS account_id, created_at AS at FROM ideas \
             UNION ALL SELECT account_id, created_at FROM votes \
             UNION ALL SELECT author_id, created_at FROM comments \
         ) x JOIN accounts a ON a.id = x.account_id",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("participation");
    let mut expected: BTreeMap<(i64, i64), [HashSet<i64>; 3]> = BTreeMap::new();
    for (account, at, kind) in rows {
        let date = time::OffsetDateTime::from_unix_timestamp(at / 1000).expect("date");
        let month = (i64::from(date.year()), i64::from(u8::from(date.month())));
        let k = ["resident", "business", "academic"]
            .iter()
            .position(|x| *x == kind)
            .expect("kind");
        expected.entry(month).or_default()[k].insert(account);
    }
    assert_eq!(figures.participation.len(), 12);
    let mut months_with_people = 0;
    for month in &figures.participation {
        let want = expected
            .get(&(month.year, month.month))
            .map(|sets| [sets[0].len() as i64, sets[1].len() as i64, sets[2].len() as i64])
            .unwrap_or_default();
        assert_eq!(month.by_kind, want, "{}-{}", month.year, month.month);
        months_with_people += usize::from(want != [0, 0, 0]);
    }
    assert_eq!(months_with_people, 2, "this month and the one of the old vote");
    let current = figures.participation.last().expect("this month");
    assert_eq!(
        current.by_kind,
        [1, 1, 1],
        "ana, the business and the lab; not the staff"
    );

    let (status, page) = app.browser().get_html("/dashboard").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("<svg") && page.contains("role=\"img\""),
        "charts are drawn on the server"
    );
    assert!(page.matches("<table").count() >= 3, "a table under each chart");
    assert!(page.contains("Figures counted on"), "how fresh they are");
    assert!(page.contains(">Digital inclusion</th>"));
}

on_both_engines!(the_demo_shows_projects_at_every_stage_and_their_commitments);

async fn the_demo_shows_projects_at_every_stage_and_their_commitments(engine: Engine) {
    let app = spawn_app(engine).await;
    agora_server::demo::load(&app.db).await.expect("demo loads");
    let statuses: Vec<String> = sqlx::query_scalar("SELECT DISTINCT status FROM projects ORDER BY status")
        .fetch_all(&app.db.pool)
        .await
        .expect("statuses");
    assert_eq!(
        statuses,
        ["adopted", "candidate", "completed", "declined", "in_progress"]
    );
    let languages: Vec<String> = sqlx::query_scalar("SELECT DISTINCT language FROM projects ORDER BY language")
        .fetch_all(&app.db.pool)
        .await
        .expect("languages");
    assert_eq!(languages, ["en", "fr", "nl"]);
    let (_, commitments) = app.browser().get_html("/commitments").await;
    assert!(commitments.contains("Mobiliteit en openbare werken") && commitments.contains("No project adopted yet"));
    let (_, list) = app.browser().get_html("/projects?status=in_progress").await;
    assert!(list.contains("Eén reisinformatie voor heel Brussel") && list.contains("2 of 4 milestones done (50%)"));
    let (status, dashboard) = app.browser().get_html("/dashboard").await;
    assert_eq!(status, 200);
    assert!(dashboard.contains(">Transversality</th>"));
}
