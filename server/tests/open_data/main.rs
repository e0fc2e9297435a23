//! The public API (`/api/v1/`), on SQLite and PostgreSQL: it shows what the public pages
//! show and nothing more, walks a list exactly once while it grows, answers `304` to a
//! client that holds the answer, speaks problems, limits each network and documents
//! every endpoint.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod exports;

use agora_app::accounts::model::Role;
use agora_app::ideas::store::{self, Created, NewIdea};
use common::{publish, spawn_app, spawn_configured, Engine, TestApp, GOOD_PASSWORD};
use serde_json::Value;
use std::collections::HashSet;

on_both_engines!(
    the_api_shows_what_the_public_pages_show,
    walking_the_list_visits_every_idea_once_while_ideas_are_added,
    a_client_that_holds_the_answer_is_told_it_has_not_changed,
    a_client_that_holds_a_dated_answer_is_told_it_has_not_changed_until_it_does,
    the_document_describes_every_endpoint_and_the_licence,
    what_the_api_cannot_answer_is_a_problem_with_a_stable_code,
    each_network_has_a_budget_of_requests_per_minute,
    projects_commitments_and_figures_are_open,
    the_open_data_page_explains_the_api_in_each_language,
);

pub async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("GET")
}

pub async fn get_json(app: &TestApp, path: &str) -> Value {
    let response = get(app, path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "application/json", "{path}");
    json_of(response, "JSON").await
}

pub async fn json_of(response: reqwest::Response, what: &str) -> Value {
    let bytes = response.bytes().await.expect(what);
    serde_json::from_slice(&bytes).expect(what)
}

pub async fn add_idea(app: &TestApp, author: i64, title: &str) -> i64 {
    let created = store::create(
        &app.db,
        &NewIdea {
            title,
            slug: "idea",
            body: "Walked by the API.",
            theme_slug: "internet-use",
            district_slug: None,
            author_id: author,
            language: "en",
        },
    )
    .await
    .expect("create");
    match created {
        Created::Idea(id) => id,
        _ => panic!("{title} not created"),
    }
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|idea| idea["id"].as_i64().expect("id"))
        .collect()
}

/// The path and query of a page's `next` address.
fn next_of(page: &Value) -> Option<String> {
    let next = page["next"].as_str()?;
    Some(next[next.find("/api/v1/").expect("an API address")..].to_owned())
}

async fn the_api_shows_what_the_public_pages_show(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let visible = common::id_of(&publish(&ana, "Open library data", "internet-use", "ixelles").await);
    let hidden = common::id_of(&publish(&ana, "Something rude", "internet-use", "").await);
    let response = moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", "idea"),
                ("target_id", &hidden),
                ("hidden", "true"),
                ("reason", "insults"),
            ],
        )
        .await;
    assert!(response.status().is_success() || response.status().is_redirection());
    let bob = app.browser();
    bob.register("bob@example.be", "Bob Leaving", GOOD_PASSWORD).await;
    app.confirm_email("bob@example.be").await;
    let bobs = common::id_of(&publish(&bob, "Benches in the park", "internet-use", "").await);
    let deleted = bob
        .submit("/profile/delete", "/api/delete_account", &[("password", GOOD_PASSWORD)])
        .await;
    assert_eq!(deleted.status(), 302);

    let response = get(&app, "/api/v1/ideas").await;
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let body = response.text().await.expect("body");
    assert!(!body.contains("@example.be"), "no email address is ever shown");
    assert!(!body.contains("Bob Leaving"), "a deleted account is not named");
    let page: Value = serde_json::from_str(&body).expect("JSON");
    let listed = ids(&page);
    let (visible, hidden, bobs): (i64, i64, i64) = (
        visible.parse().expect("id"),
        hidden.parse().expect("id"),
        bobs.parse().expect("id"),
    );
    assert_eq!(listed, vec![bobs, visible], "newest first, the hidden idea left out");
    let by_bob = &page["items"][0];
    assert_eq!(by_bob["author"]["name"], Value::Null);
    assert_eq!(by_bob["author"]["deleted"], true);
    let anas = &page["items"][1];
    assert_eq!(anas["author"]["name"], "ana");
    assert_eq!(anas["title"], "Open library data");
    assert_eq!(anas["status"], "open");
    assert_eq!(anas["theme"]["slug"], "internet-use");
    assert!(anas["theme"]["names"]["nl"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(anas["municipality"]["slug"], "ixelles");
    assert!(anas["created_at"].as_str().expect("time").ends_with('Z'));
    assert!(anas["url"]
        .as_str()
        .expect("url")
        .contains(&format!("/ideas/{visible}-")));
    assert_eq!(page["licence"]["name"], "CC BY 4.0");
    assert_eq!(page["next"], Value::Null);

    let one = get_json(&app, &format!("/api/v1/ideas/{visible}")).await;
    assert_eq!(one["text"], "A description.\n\nWith two paragraphs.");
    assert_eq!(
        one["history"][0]["status"], "open",
        "its history starts when it was proposed"
    );
    assert!(one["history"][0]["at"].as_str().expect("time").ends_with('Z'));
    let refused = get(&app, &format!("/api/v1/ideas/{hidden}")).await;
    assert_eq!(refused.status(), 404, "what moderation hid is not there");
    assert_eq!(refused.headers()["content-type"], "application/problem+json");

    let themes = get_json(&app, "/api/v1/themes").await;
    let themes_in_db = app
        .scalar("SELECT COUNT(*) FROM themes WHERE archived = FALSE AND id > $1", 0)
        .await;
    assert_eq!(themes["items"].as_array().map(Vec::len), Some(themes_in_db as usize));
    assert!(themes["items"][0]["descriptions"]["fr"].is_string());
    let municipalities = get_json(&app, "/api/v1/municipalities").await;
    let in_db = app.scalar("SELECT COUNT(*) FROM districts WHERE id > $1", 0).await;
    assert_eq!(municipalities["items"].as_array().map(Vec::len), Some(in_db as usize));
    assert!(municipalities["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|m| m["slug"] == "ixelles"));
}

async fn walking_the_list_visits_every_idea_once_while_ideas_are_added(engine: Engine) {
    let app = spawn_app(engine).await;
    let mut authors = Vec::new();
    // Three write the ideas there at the start, four the newcomers (ten a day each).
    for n in 0..7 {
        let email = format!("author{n}@example.be");
        authors.push(app.create_account(&email, &email, GOOD_PASSWORD, Role::Member).await);
    }
    let mut existing = HashSet::new();
    for n in 0..25 {
        existing.insert(add_idea(&app, authors[n % 3], &format!("Idea {n}")).await);
    }
    let mut newcomers = 0;
    for sort in ["newest", "most_supported", "most_discussed", "trending"] {
        let mut seen = Vec::new();
        let mut next = Some(format!("/api/v1/ideas?limit=7&sort={sort}"));
        let mut pages = 0;
        while let Some(path) = next {
            let page = get_json(&app, &path).await;
            seen.extend(ids(&page));
            // A newcomer arrives between every two pages.
            add_idea(&app, authors[3 + newcomers % 4], &format!("Newcomer {newcomers}")).await;
            newcomers += 1;
            pages += 1;
            assert!(pages < 20, "the walk ends");
            next = next_of(&page);
            if let Some(next) = &next {
                assert!(next.contains(&format!("sort={sort}")) || sort == "newest", "{next}");
                assert!(next.contains("limit=7"), "{next}");
            }
        }
        let unique: HashSet<i64> = seen.iter().copied().collect();
        assert_eq!(unique.len(), seen.len(), "{sort}: no idea is seen twice");
        assert!(
            existing.is_subset(&unique),
            "{sort}: every idea there at the start is seen"
        );
    }
}

async fn a_client_that_holds_the_answer_is_told_it_has_not_changed(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = common::id_of(&publish(&ana, "Sensors on bridges", "internet-use", "").await);
    let client = reqwest::Client::new();
    let path = format!("{}/api/v1/ideas/{id}", app.base);
    let first = client.get(&path).send().await.expect("GET");
    assert_eq!(first.status(), 200);
    assert!(first.headers()["cache-control"]
        .to_str()
        .expect("cache-control")
        .starts_with("public"));
    let etag = first.headers()["etag"].to_str().expect("etag").to_owned();
    let again = client
        .get(&path)
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("GET");
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], etag.as_str());
    assert_eq!(again.bytes().await.expect("body").len(), 0);

    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    assert!(carla.vote(&id, true).await.status().as_u16() < 400);
    let changed = client
        .get(&path)
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("GET");
    assert_eq!(changed.status(), 200, "a vote changed the idea");
    assert_ne!(changed.headers()["etag"], etag.as_str());
    let idea: Value = json_of(changed, "JSON").await;
    assert_eq!(idea["supporters"], 1);
}

async fn a_client_that_holds_a_dated_answer_is_told_it_has_not_changed_until_it_does(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = common::id_of(&publish(&ana, "Benches with shade", "internet-use", "").await);
    let client = reqwest::Client::new();
    let path = format!("{}/api/v1/ideas/{id}", app.base);
    let dated = |since: Option<&str>| {
        let mut request = client.get(&path);
        if let Some(since) = since {
            request = request.header("if-modified-since", since);
        }
        request.send()
    };
    client.get(&path).send().await.expect("GET");
    // An answer is dated from the second after it was first served, once that has come.
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let first = dated(None).await.expect("GET");
    assert_eq!(first.status(), 200);
    let last_modified = first.headers()["last-modified"].to_str().expect("a date").to_owned();
    let held: Value = json_of(first, "JSON").await;

    let again = dated(Some(&last_modified)).await.expect("GET");
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["last-modified"], last_modified.as_str());
    assert_eq!(again.bytes().await.expect("body").len(), 0);

    let older = dated(Some("Sun, 06 Nov 1994 08:49:37 GMT")).await.expect("GET");
    assert_eq!(older.status(), 200, "a copy from before the idea is not current");

    let with_a_tag = client
        .get(&path)
        .header("if-modified-since", &last_modified)
        .header("if-none-match", "\"another\"")
        .send()
        .await
        .expect("GET");
    assert_eq!(with_a_tag.status(), 200, "the tag decides when both are sent");

    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    assert!(carla.vote(&id, true).await.status().as_u16() < 400);
    // At once, and after the new answer has a date of its own: never "unchanged".
    for wait in [0, 1_100] {
        tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
        let changed = dated(Some(&last_modified)).await.expect("GET");
        assert_eq!(changed.status(), 200, "a vote changed the idea ({wait} ms)");
        if let Some(date) = changed.headers().get("last-modified") {
            let date = httpdate::parse_http_date(date.to_str().expect("a date")).expect("an HTTP date");
            let before = httpdate::parse_http_date(&last_modified).expect("an HTTP date");
            assert!(date > before, "a changed answer is dated later");
        }
        let idea: Value = json_of(changed, "JSON").await;
        assert_eq!(idea["supporters"], 1);
        assert_ne!(idea["supporters"], held["supporters"]);
    }
}

async fn the_document_describes_every_endpoint_and_the_licence(engine: Engine) {
    let app = spawn_configured(engine, &Default::default(), |config| {
        config.data_licence = "ODbL 1.0 <https://opendatacommons.org/licenses/odbl/1-0/>".into();
    })
    .await;
    let document = get_json(&app, "/api/v1/openapi.json").await;
    assert!(document["openapi"].as_str().expect("version").starts_with("3.1"));
    assert_eq!(document["info"]["license"]["name"], "ODbL 1.0");
    for path in [
        "/api/v1/ideas",
        "/api/v1/ideas/{id}",
        "/api/v1/themes",
        "/api/v1/municipalities",
        "/api/v1/projects",
        "/api/v1/projects/{id}",
        "/api/v1/commitments",
        "/api/v1/dashboard",
        "/api/v1/ideas/{id}/comments",
        "/api/v1/ideas.csv",
        "/api/v1/projects.csv",
        "/api/v1/feeds/ideas.atom",
        "/api/v1/feeds/responses.atom",
        "/api/v1/feeds/projects.atom",
        "/api/v1/feeds/projects/{id}",
    ] {
        assert!(document["paths"][path]["get"].is_object(), "{path} is documented");
    }
    let page = get_json(&app, "/api/v1/ideas").await;
    assert_eq!(page["licence"]["name"], "ODbL 1.0");
    assert_eq!(page["licence"]["url"], "https://opendatacommons.org/licenses/odbl/1-0/");
}

async fn what_the_api_cannot_answer_is_a_problem_with_a_stable_code(engine: Engine) {
    let app = spawn_app(engine).await;
    for (path, status, code) in [
        ("/api/v1/ideas?limit=0", 400, "bad_request"),
        ("/api/v1/ideas?limit=101", 400, "bad_request"),
        ("/api/v1/ideas?status=lost", 400, "bad_request"),
        ("/api/v1/ideas?after=v1.3.x", 400, "bad_request"),
        ("/api/v1/ideas?after=", 400, "bad_request"),
        ("/api/v1/ideas/1/comments?limit=0", 400, "bad_request"),
        ("/api/v1/ideas/999999/comments", 404, "not_found"),
        ("/api/v1/ideas.csv?status=lost", 400, "bad_request"),
        ("/api/v1/ideas?sort=trending&after=v1.3.4", 400, "bad_request"),
        ("/api/v1/ideas/seven", 400, "bad_request"),
        ("/api/v1/ideas/999999", 404, "not_found"),
        ("/api/v1/projects/999999", 404, "not_found"),
        ("/api/v1/projects?after=0", 400, "bad_request"),
        ("/api/v1/commitments?year=1789", 400, "bad_request"),
        ("/api/v1/nothing-here", 404, "not_found"),
    ] {
        let response = get(&app, path).await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{path}");
        assert_eq!(response.headers()["access-control-allow-origin"], "*", "{path}");
        let problem: Value = json_of(response, "problem").await;
        assert_eq!(problem["status"], status, "{path}");
        assert_eq!(problem["code"], code, "{path}");
    }
}

async fn each_network_has_a_budget_of_requests_per_minute(engine: Engine) {
    let app = spawn_configured(engine, &Default::default(), |config| {
        config.api_requests_per_minute = 3;
    })
    .await;
    for left in [2, 1, 0] {
        let response = get(&app, "/api/v1/themes").await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["ratelimit-policy"], "\"minute\";q=3;w=60");
        let state = response.headers()["ratelimit"].to_str().expect("ratelimit").to_owned();
        assert!(state.starts_with(&format!("\"minute\";r={left};t=")), "{state}");
    }
    let refused = get(&app, "/api/v1/ideas").await;
    assert_eq!(refused.status(), 429);
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .expect("retry-after")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after));
    let problem: Value = json_of(refused, "problem").await;
    assert_eq!(problem["code"], "rate_limited");
    let (status, _) = app.browser().get_html("/ideas").await;
    assert_eq!(status, 200, "the pages are not limited by the API's budget");
}

async fn projects_commitments_and_figures_are_open(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let (minister_id, minister) = app.signed_in("minister@example.be", Role::Official).await;
    agora_app::accounts::store::set_role(&app.db, None, minister_id, Role::Official, Some("Digital affairs"))
        .await
        .expect("portfolio");
    let idea = common::id_of(&publish(&ana, "Free wifi in libraries", "digital-inclusion", "").await);
    let owner = minister_id.to_string();
    let promoted = moderator
        .submit(
            "/projects/new",
            "/api/promote_ideas",
            &[
                ("title", "Libraries online"),
                ("summary", "Wifi and workshops in every library."),
                ("theme", "digital-inclusion"),
                ("owner", owner.as_str()),
                ("factors", "Trained volunteers"),
                ("ideas[]", idea.as_str()),
            ],
        )
        .await;
    let project = common::location(&promoted)
        .trim_start_matches("/projects/")
        .split(['-', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let adopted = minister
        .call(
            "/api/decide_project",
            &[
                ("project_id", project.as_str()),
                ("decision", "adopt"),
                ("statement", "Yes, this year."),
            ],
        )
        .await;
    assert_eq!(adopted.status(), 200);

    let page = get_json(&app, "/api/v1/projects").await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    let listed = &page["items"][0];
    assert_eq!(listed["id"].as_i64().map(|id| id.to_string()), Some(project.clone()));
    assert_eq!(listed["status"], "adopted");
    assert_eq!(listed["owner"]["name"], "minister");
    assert_eq!(listed["owner"]["portfolio"], "Digital affairs");
    assert_eq!(listed["theme"]["slug"], "digital-inclusion");
    let candidates = get_json(&app, "/api/v1/projects?status=candidate").await;
    assert_eq!(candidates["items"].as_array().map(Vec::len), Some(0));

    let one = get_json(&app, &format!("/api/v1/projects/{project}")).await;
    assert_eq!(one["statement"], "Yes, this year.");
    assert_eq!(one["success_factors"][0], "Trained volunteers");
    assert_eq!(
        one["ideas"][0]["id"].as_i64().map(|id| id.to_string()),
        Some(idea.clone())
    );
    assert!(one["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .any(|entry| entry["kind"] == "status" && entry["status"] == "adopted"));
    let idea = get_json(&app, &format!("/api/v1/ideas/{idea}")).await;
    assert_eq!(idea["project"]["title"], "Libraries online");

    let this_year = get_json(&app, "/api/v1/commitments").await;
    let minister_now = this_year["officials"]
        .as_array()
        .expect("officials")
        .iter()
        .find(|c| c["official"]["name"] == "minister")
        .expect("the minister is listed");
    assert_eq!(minister_now["adopted"][0]["title"], "Libraries online");
    let long_ago = get_json(&app, "/api/v1/commitments?year=2001").await;
    assert_eq!(long_ago["year"], 2001);
    assert!(long_ago["officials"]
        .as_array()
        .expect("officials")
        .iter()
        .all(|c| c["adopted"].as_array().is_some_and(Vec::is_empty)));

    let figures = get_json(&app, "/api/v1/dashboard").await;
    assert_eq!(figures["participation"].as_array().map(Vec::len), Some(12));
    let inclusion = figures["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .find(|t| t["theme"]["slug"] == "digital-inclusion")
        .expect("the theme's figures");
    assert_eq!(inclusion["ideas"], 1);
    assert_eq!(inclusion["projects"]["adopted"], 1);
}

async fn the_open_data_page_explains_the_api_in_each_language(engine: Engine) {
    let app = spawn_configured(engine, &Default::default(), |config| {
        config.api_requests_per_minute = 120;
    })
    .await;
    let browser = app.browser();
    for (language, title) in [("fr", "Données ouvertes"), ("nl", "Open data"), ("en", "Open data")] {
        let page = browser
            .client
            .get(browser.url("/developers"))
            .header("accept-language", language)
            .send()
            .await
            .expect("GET");
        assert_eq!(page.status(), 200, "{language}");
        let html = page.text().await.expect("body");
        assert!(html.contains(&format!(r#"<html lang="{language}""#)), "{language}");
        assert!(html.contains(&format!("<h1>{title}</h1>")), "{language}");
        assert!(
            html.contains(r#"href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>"#),
            "{language}: the licence is named and linked"
        );
        assert!(
            html.contains("120"),
            "{language}: the budget per minute is the server's"
        );
        assert!(html.contains(r#"<a href="/api/v1/openapi.json">"#), "{language}");
        assert!(
            html.contains(r#"id="errors""#),
            "{language}: problems link to the codes"
        );
    }
    let (_, home) = browser.get_html("/").await;
    assert!(home.contains(r#"href="/developers""#), "the footer links the page");
}
