//! CSV exports, Atom feeds and discussions of the open data, on both engines: exports
//! round-trip through a CSV parser across many reads, feeds parse as Atom and carry the
//! licence, a discussion reads in order without what was hidden or deleted.

use super::{get, get_json};
use crate::common::{self, comment, comment_id, publish, spawn_app, Engine, TestApp};
use agora_app::accounts::model::Role;
use agora_server::synthetic::{self, Sizes};
use atom_syndication::Feed;
use std::collections::HashSet;

on_both_engines!(
    a_csv_export_round_trips_through_a_csv_parser_across_many_reads,
    feeds_parse_as_atom_and_carry_the_licence,
    a_discussion_reads_in_order_without_what_was_hidden_or_deleted,
);

async fn count(app: &TestApp, sql: &str) -> usize {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&app.db.pool)
        .await
        .expect(sql) as usize
}

/// The records of a CSV answer, checked to be one, with its header row apart.
async fn csv_of(app: &TestApp, path: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let response = get(app, path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(response.headers()["content-type"]
        .to_str()
        .expect("type")
        .starts_with("text/csv"));
    assert_eq!(
        response.headers()["link"],
        "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"",
        "the licence travels with the file"
    );
    let bytes = response.bytes().await.expect("body");
    let mut reader = csv::Reader::from_reader(bytes.as_ref());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("every record parses");
    (header, records)
}

async fn a_csv_export_round_trips_through_a_csv_parser_across_many_reads(engine: Engine) {
    let app = spawn_app(engine).await;
    synthetic::generate(
        &app.db,
        Sizes {
            accounts: 60,
            ideas: 2_300,
            votes: 1_000,
            seed: 7,
        },
    )
    .await
    .expect("synthetic data");
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let tricky = "Bikes, \"shared\" and safe";
    let tricky_id = common::id_of(&publish(&ana, tricky, "internet-use", "ixelles").await);
    let formula_id = common::id_of(&publish(&ana, "=1+1 is not a formula here", "internet-use", "").await);

    let (header, rows) = csv_of(&app, "/api/v1/ideas.csv").await;
    assert_eq!(header, agora_server::open_data::exports::IDEA_COLUMNS);
    let visible = count(&app, "SELECT COUNT(*) FROM ideas WHERE hidden_at IS NULL").await;
    assert!(visible > 2_000, "the export crosses several reads of a thousand");
    assert_eq!(rows.len(), visible, "one row per visible idea");
    let ids: HashSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.len(), rows.len(), "no idea twice");
    let row = rows
        .iter()
        .find(|r| r[0] == *tricky_id)
        .expect("the idea with a comma and quotes");
    assert_eq!(&row[2], tricky);
    assert_eq!(&row[3], "A description.\n\nWith two paragraphs.");
    assert_eq!((&row[6], &row[10], &row[11]), ("internet-use", "ixelles", "ana"));
    assert!(row[14].ends_with('Z'));
    let formula = rows
        .iter()
        .find(|r| r[0] == *formula_id)
        .expect("the formula-like title");
    assert_eq!(&formula[2], "'=1+1 is not a formula here", "a spreadsheet runs nothing");

    let (_, in_theme) = csv_of(&app, "/api/v1/ideas.csv?theme=internet-use&sort=most_supported").await;
    let expected = count(
        &app,
        "SELECT COUNT(*) FROM ideas i JOIN themes t ON t.id = i.theme_id \
         WHERE i.hidden_at IS NULL AND t.slug = 'internet-use'",
    )
    .await;
    assert_eq!(in_theme.len(), expected, "the API's filters apply");
    let supports: Vec<i64> = in_theme.iter().map(|r| r[12].parse().expect("a count")).collect();
    assert!(supports.windows(2).all(|w| w[0] >= w[1]), "in the asked order");

    let (header, projects) = csv_of(&app, "/api/v1/projects.csv").await;
    assert_eq!(header, agora_server::open_data::exports::PROJECT_COLUMNS);
    assert_eq!(projects.len(), count(&app, "SELECT COUNT(*) FROM projects").await);
}

async fn feed_of(app: &TestApp, path: &str) -> Feed {
    let response = get(app, path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "application/atom+xml; charset=utf-8",
        "{path}"
    );
    let bytes = response.bytes().await.expect("body");
    let feed = Feed::read_from(bytes.as_ref()).expect("the feed parses as Atom");
    let rights = feed.rights().map(|r| r.value.clone()).unwrap_or_default();
    assert!(rights.contains("CC BY 4.0"), "{path}: {rights}");
    assert!(
        feed.links()
            .iter()
            .any(|l| l.rel() == "license" && l.href() == "https://creativecommons.org/licenses/by/4.0/"),
        "{path}"
    );
    feed
}

async fn feeds_parse_as_atom_and_carry_the_licence(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let first = common::id_of(&publish(&ana, "Sensors on every bridge", "internet-use", "ixelles").await);
    publish(&ana, "Free wifi in libraries", "digital-inclusion", "").await;
    let decided = moderator
        .call(
            "/api/set_idea_status",
            &[
                ("idea_id", &first),
                ("status", "declined"),
                ("note", "Bridges are federal."),
            ],
        )
        .await;
    assert_eq!(decided.status(), 200);

    let ideas = feed_of(&app, "/api/v1/feeds/ideas.atom").await;
    let titles: Vec<&str> = ideas.entries().iter().map(|e| e.title().value.as_str()).collect();
    assert_eq!(
        titles,
        ["Free wifi in libraries", "Sensors on every bridge"],
        "newest first"
    );
    let in_ixelles = feed_of(&app, "/api/v1/feeds/ideas.atom?municipality=ixelles").await;
    assert_eq!(in_ixelles.entries().len(), 1);

    let responses = feed_of(&app, "/api/v1/feeds/responses.atom").await;
    assert_eq!(responses.entries().len(), 1, "the decision, not the proposals");
    let decision = &responses.entries()[0];
    assert_eq!(
        decision.summary().map(|s| s.value.as_str()),
        Some("Bridges are federal.")
    );
    assert!(decision.links()[0].href().contains(&format!("/ideas/{first}-")));

    let projects = feed_of(&app, "/api/v1/feeds/projects.atom").await;
    assert!(projects.entries().is_empty());
    let missing = get(&app, "/api/v1/feeds/projects/424242").await;
    assert_eq!(missing.status(), 404);

    let (_, list) = app.browser().get_html("/ideas").await;
    assert!(
        list.contains(r#"type="application/atom+xml""#) && list.contains(r#"href="/api/v1/feeds/ideas.atom""#),
        "the list names its feed"
    );
}

async fn a_discussion_reads_in_order_without_what_was_hidden_or_deleted(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bob) = app.signed_in("bob@example.be", Role::Member).await;
    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches in every square", "internet-use", "").await;
    let idea = common::id_of(&path);
    let first = comment_id(&common::location(&comment(&bob, &path, None, "Yes, with shade.").await));
    let reply = comment_id(&common::location(
        &comment(&ana, &path, Some(first), "Trees too.").await,
    ));
    let rude = comment_id(&common::location(&comment(&carla, &path, None, "Something rude").await));
    let hidden = moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", "comment"),
                ("target_id", &rude.to_string()),
                ("hidden", "true"),
                ("reason", "insults"),
            ],
        )
        .await;
    assert_eq!(hidden.status(), 200);
    let deleted = bob
        .call("/api/delete_comment", &[("comment_id", &first.to_string())])
        .await;
    assert_eq!(deleted.status(), 200);

    let page = get_json(&app, &format!("/api/v1/ideas/{idea}/comments?limit=2")).await;
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0]["id"].as_i64(), items[0]["state"].as_str()),
        (Some(first), Some("deleted"))
    );
    assert_eq!(items[0]["text"], serde_json::Value::Null, "deleted text is gone");
    assert_eq!(items[1]["parent_id"].as_i64(), Some(first));
    assert_eq!(items[1]["text"], "Trees too.");
    assert_eq!(items[1]["author"]["name"], "ana");
    let next = page["next"].as_str().expect("a next page");
    let rest = get_json(&app, &next[next.find("/api/v1/").expect("path")..]).await;
    let items = rest["items"].as_array().expect("items");
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0]["id"].as_i64(), items[0]["state"].as_str()),
        (Some(rude), Some("hidden"))
    );
    assert_eq!(
        items[0]["text"],
        serde_json::Value::Null,
        "what moderation hid is not shown"
    );
    assert_eq!(rest["next"], serde_json::Value::Null);
    let body = get(&app, &format!("/api/v1/ideas/{idea}/comments"))
        .await
        .text()
        .await
        .expect("body");
    assert!(!body.contains("rude") && !body.contains("with shade"), "{body}");
    assert!(reply > first);
}
