//! The dashboard's figures against independent counts.

use crate::common::{id_of, location, publish, register_business, spawn_app, Engine, GOOD_PASSWORD};
use crate::{adopt, official, project_id, promote, promotion_in};
use agora_app::accounts::model::Role;
use std::collections::{BTreeMap, HashSet};

on_both_engines!(the_dashboard_figures_equal_independent_counts);

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
    app.confirm_email("lab@university.be").await;
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
