//! Similar ideas before posting a copy, on both engines: the form's confirmation step
//! without JavaScript, the server function the form asks while typing, the API, and the
//! moderators' queue.

use crate::common::{self, location, publish, spawn_app, Engine, TestApp};
use agora_app::accounts::model::Role;

on_both_engines!(
    a_copy_is_shown_the_ideas_like_it_before_it_is_published,
    similar_ideas_are_found_across_languages_accents_and_case_and_never_hidden_ones,
    moderators_see_the_likely_originals_of_a_new_idea,
);

async fn ideas(app: &TestApp) -> i64 {
    app.scalar("SELECT COUNT(*) FROM ideas WHERE id > $1", 0).await
}

async fn a_copy_is_shown_the_ideas_like_it_before_it_is_published(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bob) = app.signed_in("bob@example.be", Role::Member).await;
    let original = publish(&ana, "Vélos partagés à Ixelles", "internet-use", "ixelles").await;
    let before = ideas(&app).await;

    let copy = [
        ("title", "Des velos partages pour Schaerbeek"),
        ("body", "Shared bikes, like in the south of the city."),
        ("theme", "internet-use"),
        ("district", ""),
    ];
    let refused = bob.submit("/ideas/new", "/api/submit_idea", &copy).await;
    assert_eq!(refused.status(), 302, "back to the form");
    assert_eq!(ideas(&app).await, before, "nothing published yet");
    let back = location(&refused);
    let (_, form) = bob.get_html(back.trim_start_matches(&app.base)).await;
    assert!(
        form.contains("Ideas like yours have already been proposed"),
        "the reason"
    );
    assert!(form.contains("Ideas like yours, already proposed"), "the list");
    assert!(
        form.contains(&format!(r#"href="{original}""#)),
        "a link to the original"
    );
    assert!(
        form.contains(&format!(r#"href="{original}#vote""#)),
        "support it instead"
    );
    assert!(
        form.contains("Des velos partages pour Schaerbeek"),
        "what was typed is kept"
    );
    assert!(form.contains(r#"name="confirmed" value="1""#));
    assert!(form.contains("Publish mine anyway"));

    let mut confirmed = copy.to_vec();
    confirmed.push(("confirmed", "1"));
    let published = bob.submit("/ideas/new", "/api/submit_idea", &confirmed).await;
    assert!(location(&published).starts_with("/ideas/"), "published anyway");
    assert_eq!(ideas(&app).await, before + 1);

    let unlike = [
        ("title", "Benches in every square"),
        ("body", "Somewhere to sit."),
        ("theme", "internet-use"),
        ("district", ""),
    ];
    let direct = bob.submit("/ideas/new", "/api/submit_idea", &unlike).await;
    assert!(location(&direct).starts_with("/ideas/"), "nothing like it: no step");
}

async fn similar_ideas_are_found_across_languages_accents_and_case_and_never_hidden_ones(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let bikes = common::id_of(&publish(&ana, "Vélos partagés à Ixelles", "internet-use", "").await);
    let lights = common::id_of(&publish(&ana, "Slimme verlichting in Brussel", "internet-use", "").await);
    let benches = common::id_of(&publish(&ana, "Benches for the elderly", "internet-use", "").await);

    let asked = ana.call("/api/similar_ideas", &[("text", "VELOS dans ma rue")]).await;
    assert_eq!(asked.status(), 200);
    let found: serde_json::Value = serde_json::from_slice(&asked.bytes().await.expect("body")).expect("JSON");
    assert_eq!(found[0]["id"].as_i64().map(|id| id.to_string()), Some(bikes.clone()));
    assert_eq!(found.as_array().map(Vec::len), Some(1));

    let api = |text: &str| {
        let url = format!("{}/api/v1/ideas/similar?text={}", app.base, text.replace(' ', "%20"));
        async move {
            let response = reqwest::get(url).await.expect("GET");
            assert_eq!(response.status(), 200);
            let page: serde_json::Value = serde_json::from_slice(&response.bytes().await.expect("body")).expect("JSON");
            page["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| i["id"].as_i64().expect("id").to_string())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(api("verlichting").await, [lights]);
    assert_eq!(api("bench elderly").await, [benches], "a word begins a longer one");
    assert!(api("the and for").await.is_empty(), "little words find nothing");

    let hidden = moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", "idea"),
                ("target_id", &bikes),
                ("hidden", "true"),
                ("reason", "spam"),
            ],
        )
        .await;
    assert_eq!(hidden.status(), 200);
    assert!(
        api("velos partages").await.is_empty(),
        "what moderation hid is not offered"
    );
    let missing = reqwest::get(format!("{}/api/v1/ideas/similar", app.base))
        .await
        .expect("GET");
    assert_eq!(missing.status(), 400);
}

async fn moderators_see_the_likely_originals_of_a_new_idea(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bob) = app.signed_in("bob@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mod@example.be", Role::Moderator).await;
    let original = common::id_of(&publish(&ana, "Free wifi in public libraries", "internet-use", "").await);
    publish(&bob, "Wifi for every library", "internet-use", "").await;
    let (_, queue) = moderator.get_html("/moderation").await;
    assert!(queue.contains("Perhaps the same as"), "the queue suggests originals");
    assert!(queue.contains(&format!("#{original} ")), "numbered, for the merge form");
}
