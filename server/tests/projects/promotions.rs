//! A moderator promotes ideas into a candidate project, and what refuses a promotion.

use crate::common::{id_of, location, publish, spawn_app, Engine};
use crate::{count, official, project_id, promote, promotion, status_of};
use agora_app::accounts::model::Role;

on_both_engines!(
    a_moderator_promotes_several_ideas_into_one_candidate_project,
    an_idea_already_in_a_project_cannot_be_promoted_again,
);

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
