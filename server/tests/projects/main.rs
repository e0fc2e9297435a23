//! Projects and government commitments over plain HTTP, on SQLite and PostgreSQL:
//! promotion, the owner's decisions, roadmap and timeline, who may change what, the
//! notifications, the commitments page and the dashboard's figures.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod commitments;
mod dashboard;
mod notifications;
mod permissions;
mod promotions;
mod roadmap;

use agora_app::accounts::model::Role;
use common::{location, Browser, TestApp};

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
