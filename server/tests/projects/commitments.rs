//! The commitments page, and the demo's projects at every stage.

use crate::common;
use crate::common::{id_of, publish, spawn_app, Engine};
use crate::{official, project_id, promote};
use agora_app::accounts::model::Role;
use std::collections::BTreeMap;

on_both_engines!(
    the_commitments_page_reflects_adoption,
    the_demo_shows_projects_at_every_stage_and_their_commitments,
);

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
