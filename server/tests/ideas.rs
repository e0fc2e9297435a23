//! Ideas and votes over plain HTTP, on SQLite and PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{id_of, location, publish, spawn_app, Engine, TestApp};
use futures::future::join_all;

on_both_engines!(
    a_resident_publishes_an_idea_and_finds_it_at_its_address,
    an_outdated_address_redirects_to_the_current_one,
    a_refused_idea_keeps_what_was_typed_and_stores_nothing,
    the_author_withdraws_an_open_idea_and_it_stays_visible,
    the_author_edits_until_someone_else_supports_the_idea,
    residents_see_their_own_ideas_and_the_ones_they_support,
    trending_counts_only_the_support_of_the_last_seven_days,
    fifty_concurrent_votes_from_one_account_count_once,
    a_hundred_accounts_vote_and_withdraw_concurrently_and_the_count_stays_exact,
    votes_on_withdrawn_or_missing_ideas_are_refused,
    the_list_filters_sorts_and_pages_without_gaps_or_repeats,
    the_search_ignores_accents_and_case_in_all_three_languages,
    the_most_discussed_come_first_when_asked,
    trending_forgets_support_that_left_the_window_when_a_day_passes,
    an_idea_keeps_its_language_and_shows_only_paragraphs_and_links,
    a_withdrawal_tells_the_followers_and_is_audited,
);

async fn an_idea_keeps_its_language_and_shows_only_paragraphs_and_links(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let chosen = ana.call("/api/set_locale", &[("locale", "fr")]).await;
    assert!(chosen.status().is_success() || chosen.status().is_redirection());
    let body = "Le plan est en ligne : https://example.be/plan?x=1&y=2\n\n<script>alert('x')</script> <b>gras</b>";
    let response = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", "Un plan pour les parcs"),
                ("body", body),
                ("theme", "internet-use"),
            ],
        )
        .await;
    let path = location(&response);
    let id = id_of(&path);
    let language: String = sqlx::query_scalar("SELECT language FROM ideas WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("idea");
    assert_eq!(language, "fr", "written on a French page");

    let (_, page) = app.browser().get_html(&path).await;
    assert!(
        page.contains("<article lang=\"fr\""),
        "read aloud in French whatever the reader's language"
    );
    assert!(
        page.contains("<a href=\"https://example.be/plan?x=1&amp;y=2\" rel=\"nofollow ugc noopener\">"),
        "a web address becomes a link"
    );
    assert!(
        !page.contains("<script>alert") && !page.contains("<b>gras"),
        "markup stays text"
    );
    assert!(
        page.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
            || page.contains("&lt;script&gt;alert('x')&lt;/script&gt;")
    );
    assert!(page.contains("&lt;b&gt;gras&lt;/b&gt;"));
}

async fn a_withdrawal_tells_the_followers_and_is_audited(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Shared cargo bikes", "digital-inclusion", "").await;
    let id = id_of(&path);
    let (bram_id, bram) = app.signed_in("bram@example.be", Role::Member).await;
    bram.call("/api/follow", &[("idea_id", &id), ("follow", "true")]).await;
    let withdrawn = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(withdrawn.status().as_u16(), 200);
    let told = |account: i64| {
        let pool = app.db.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND kind = 'status' AND status = 'withdrawn'",
            )
            .bind(account)
            .fetch_one(&pool)
            .await
            .expect("notifications")
        }
    };
    assert_eq!(
        (told(bram_id).await, told(ana_id).await),
        (1, 0),
        "followers, not the author"
    );
    let (_, news) = bram.get_html("/notifications").await;
    assert!(
        news.contains("Shared cargo bikes") && news.contains("Withdrawn"),
        "the news says what happened"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'idea.withdraw' AND target_id = $1 AND actor_id = $2",
    )
    .bind(id.parse::<i64>().expect("id"))
    .bind(ana_id)
    .fetch_one(&app.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);
    let again = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(again.status().as_u16(), 409, "once");
}

async fn trending_forgets_support_that_left_the_window_when_a_day_passes(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let fading = id_of(&publish(&ana, "Idea number 01 fading", "human-capital", "").await);
    let steady = id_of(&publish(&ana, "Idea number 02 steady", "human-capital", "").await);
    let crowd = app.crowd(3).await;
    join_all(crowd.iter().map(|b| b.vote(&fading, true))).await;
    crowd[0].vote(&steady, true).await;
    let today = agora_app::db::now_ms() / agora_app::votes::trending::DAY_MS;
    // As if the fading idea's votes were cast 8 days ago and the counters were last
    // brought up to date yesterday, when those votes were still in the window.
    sqlx::query("UPDATE idea_vote_days SET day = day - 8 WHERE idea_id = $1")
        .bind(fading.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("age the votes");
    sqlx::query("UPDATE trending_clock SET day = $1")
        .bind(today - 1)
        .execute(&app.db.pool)
        .await
        .expect("yesterday");

    // Today's first catch-up (the server runs one every minute).
    agora_app::votes::trending::catch_up(&app.db).await.expect("catch up");
    let first = |page: String| page.split(">Idea number ").nth(1).map(|rest| rest[..2].to_owned());
    let (_, trending) = app.browser().get_html("/ideas?sort=trending").await;
    assert_eq!(
        first(trending).as_deref(),
        Some("02"),
        "support older than the window no longer counts"
    );
    let recent: Vec<i64> = sqlx::query_scalar("SELECT recent_votes FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("counters");
    assert_eq!(recent, [0, 1]);
    let clock: i64 = sqlx::query_scalar("SELECT day FROM trending_clock")
        .fetch_one(&app.db.pool)
        .await
        .expect("clock");
    assert_eq!(clock, today);
    let (_, most) = app.browser().get_html("/ideas?sort=most_votes").await;
    assert_eq!(first(most).as_deref(), Some("01"), "all-time support is unchanged");
}

/// Titles of the idea cards on a list page.
fn card_titles(page: &str) -> Vec<String> {
    page.split("<h2 lang=")
        .skip(1)
        .filter_map(|card| card.split("\">").nth(2)?.split('<').next().map(str::to_owned))
        .collect()
}

async fn the_search_ignores_accents_and_case_in_all_three_languages(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(&ana, "Vélos partagés à Ixelles", "digital-inclusion", "ixelles").await;
    publish(&ana, "Éclairage public intelligent", "internet-use", "").await;
    publish(&ana, "Slimme verlichting in Brussel", "internet-use", "").await;
    publish(&ana, "Smart street lighting", "european-dimension", "").await;
    let search = |q: &str| {
        let browser = app.browser();
        let path = format!("/ideas?q={}", q.replace(' ', "+"));
        async move { card_titles(&browser.get_html(&path).await.1) }
    };
    assert_eq!(search("VELOS").await, ["Vélos partagés à Ixelles"]);
    assert_eq!(search("vélos").await, ["Vélos partagés à Ixelles"]);
    assert_eq!(
        search("partag").await,
        ["Vélos partagés à Ixelles"],
        "the start of a word finds it"
    );
    assert_eq!(search("ECLAIRAGE").await, ["Éclairage public intelligent"]);
    assert_eq!(search("éclairage%20PUBLIC").await, ["Éclairage public intelligent"]);
    assert_eq!(search("verlichting brussel").await, ["Slimme verlichting in Brussel"]);
    assert_eq!(search("Lighting").await, ["Smart street lighting"]);
    assert!(search("paragraphs").await.len() == 4, "the description is searched too");
    assert_eq!(
        search("vélos lighting").await,
        Vec::<String>::new(),
        "every word must match"
    );
    let (_, nothing) = app.browser().get_html("/ideas?q=tramway").await;
    assert!(nothing.contains("No idea matches “tramway”"));
    assert_eq!(
        search("%22%2A%28%29").await.len(),
        4,
        "punctuation alone searches nothing"
    );
    let (_, themed) = app
        .browser()
        .get_html("/ideas?q=intelligent&theme=european-dimension")
        .await;
    assert_eq!(card_titles(&themed), Vec::<String>::new(), "search and filters combine");
    let (_, theme_page) = app.browser().get_html("/themes/internet-use?q=verlichting").await;
    assert_eq!(
        card_titles(&theme_page),
        ["Slimme verlichting in Brussel"],
        "a theme page searches its ideas"
    );

    // An edited title is found by its new words only.
    let path = publish(&ana, "Parking sensors", "internet-use", "").await;
    ana.submit(
        &format!("{path}/edit"),
        "/api/edit_idea",
        &[
            ("idea_id", &id_of(&path)),
            ("title", "Capteurs de stationnement"),
            ("body", "Sensors."),
            ("theme", "internet-use"),
        ],
    )
    .await;
    assert_eq!(search("capteurs").await, ["Capteurs de stationnement"]);
    assert_eq!(search("parking").await, Vec::<String>::new());
}

async fn the_most_discussed_come_first_when_asked(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let quiet = publish(&ana, "Quiet idea", "internet-use", "").await;
    let busy = publish(&ana, "Busy idea", "internet-use", "").await;
    publish(&ana, "Newest idea", "internet-use", "").await;
    let crowd = app.crowd(4).await;
    for browser in &crowd[..3] {
        let response = browser
            .submit(
                &busy,
                "/api/post_comment",
                &[("idea_id", &id_of(&busy)), ("body", "Yes")],
            )
            .await;
        assert_eq!(response.status().as_u16(), 302);
    }
    crowd[3]
        .call("/api/post_comment", &[("idea_id", &id_of(&quiet)), ("body", "Hm")])
        .await;
    let (_, page) = app.browser().get_html("/ideas?sort=most_discussed").await;
    assert_eq!(card_titles(&page)[..2], ["Busy idea", "Quiet idea"]);
    assert!(page.contains("3 comments"));
    let (_, theme_page) = app.browser().get_html("/themes/internet-use?sort=most_discussed").await;
    assert_eq!(card_titles(&theme_page)[0], "Busy idea");
}

async fn vote_count(app: &TestApp, id: &str) -> (i64, i64) {
    let id: i64 = id.parse().expect("id");
    let counter: i64 = sqlx::query_scalar("SELECT vote_count FROM ideas WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .expect("rows");
    (counter, rows)
}

async fn a_resident_publishes_an_idea_and_finds_it_at_its_address(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Vélos partagés à Ixelles", "digital-inclusion", "ixelles").await;
    assert!(path.ends_with("-velos-partages-a-ixelles"), "{path}");

    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Vélos partagés à Ixelles"));
    assert!(page.contains("Digital inclusion"));
    assert!(page.contains("Ixelles"));
    let body = page.split("class=\"idea-body\"").nth(1).unwrap_or_default();
    let paragraphs: Vec<&str> = body
        .split("<p>")
        .skip(1)
        .take(2)
        .map(|p| p.split('<').next().unwrap_or_default())
        .collect();
    assert_eq!(
        paragraphs,
        ["A description.", "With two paragraphs."],
        "each paragraph in its own <p>"
    );
    assert!(page.contains("Sign in to support"), "visitors are invited to sign in");

    let (_, list) = app.browser().get_html("/ideas").await;
    assert!(list.contains("Vélos partagés à Ixelles"));

    let response = app
        .browser()
        .call(
            "/api/submit_idea",
            &[("title", "x"), ("body", "y"), ("theme", "digital-inclusion")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 401, "anonymous visitors cannot publish");
}

async fn an_outdated_address_redirects_to_the_current_one(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Open data for bus stops", "digital-technology", "").await;
    let id = id_of(&path);
    for outdated in [format!("/ideas/{id}"), format!("/ideas/{id}-old-title")] {
        let response = app.browser().get(&outdated).await;
        assert_eq!(response.status().as_u16(), 302, "{outdated}");
        assert_eq!(location(&response), path);
    }
    let response = app
        .browser()
        .get(&format!("/ideas/{id}-old-title?comments=oldest&cpage=2"))
        .await;
    assert_eq!(
        location(&response),
        format!("{path}?comments=oldest&cpage=2"),
        "the same place in the discussion"
    );
    let (status, _) = app.browser().get_html("/ideas/999999-nothing").await;
    assert_eq!(status, 404);
}

async fn a_refused_idea_keeps_what_was_typed_and_stores_nothing(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let long_title = "t".repeat(121);
    let response = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", &long_title),
                ("body", "Kept body text"),
                ("theme", "digital-inclusion"),
                ("district", ""),
            ],
        )
        .await;
    let (_, page) = ana.get_html(location(&response).trim_start_matches(&app.base)).await;
    assert!(page.contains("This is too long."));
    assert!(page.contains("Kept body text"));

    let response = ana
        .call(
            "/api/submit_idea",
            &[("title", "Fine title"), ("body", "Body"), ("theme", "no-such-theme")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(response.text().await.expect("body").contains("unknown_choice"));
    let response = ana
        .call(
            "/api/submit_idea",
            &[
                ("title", "Fine title"),
                ("body", "Body"),
                ("theme", "digital-inclusion"),
                ("district", "paris"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);

    let ideas: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(ideas, 0);
}

async fn the_author_withdraws_an_open_idea_and_it_stays_visible(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let path = publish(&ana, "Wifi in parks", "internet-use", "").await;
    let id = id_of(&path);

    let response = bram.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(response.status().as_u16(), 403, "only the author withdraws");

    let response = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(response.status().as_u16(), 200);
    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("Withdrawn"));

    let response = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(response.status().as_u16(), 409, "a withdrawn idea is no longer open");
}

async fn fifty_concurrent_votes_from_one_account_count_once(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches with chargers", "digital-inclusion", "").await;
    let id = id_of(&path);
    let (_, voter) = app.signed_in("voter@example.be", Role::Member).await;

    let responses = join_all((0..50).map(|_| voter.vote(&id, true))).await;
    for response in responses {
        assert_eq!(response.status().as_u16(), 200, "no request fails");
    }
    assert_eq!(vote_count(&app, &id).await, (1, 1));
}

async fn a_hundred_accounts_vote_and_withdraw_concurrently_and_the_count_stays_exact(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Digital public spaces open on Sundays", "digital-inclusion", "").await;
    let id = id_of(&path);
    let crowd = app.crowd(100).await;

    let votes = join_all(crowd.iter().map(|b| b.vote(&id, true))).await;
    for response in votes {
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{body}");
        assert!(!body.contains("locked"), "{body}");
    }
    assert_eq!(vote_count(&app, &id).await, (100, 100));

    let withdrawals = join_all(crowd.iter().map(|b| b.vote(&id, false))).await;
    for response in withdrawals {
        assert_eq!(response.status().as_u16(), 200);
    }
    assert_eq!(vote_count(&app, &id).await, (0, 0));
}

async fn votes_on_withdrawn_or_missing_ideas_are_refused(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Sensors for air quality", "transversality", "").await;
    let id = id_of(&path);

    let anonymous = app
        .browser()
        .call("/api/vote", &[("idea_id", &id), ("support", "true")])
        .await;
    assert_eq!(anonymous.status().as_u16(), 401);

    ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    let (_, voter) = app.signed_in("voter@example.be", Role::Member).await;
    let response = voter.vote(&id, true).await;
    assert_eq!(response.status().as_u16(), 409);
    assert!(response.text().await.expect("body").contains("closed"));
    let response = voter
        .call("/api/vote", &[("idea_id", "987654"), ("support", "true")])
        .await;
    assert_eq!(response.status().as_u16(), 404);

    // Without JavaScript the refusal comes back to the idea with its message.
    let response = voter
        .submit(&path, "/api/vote", &[("idea_id", &id), ("support", "true")])
        .await;
    let (_, page) = voter.get_html(location(&response).trim_start_matches(&app.base)).await;
    assert!(page.contains("This idea is no longer open for that."));
    assert_eq!(vote_count(&app, &id).await, (0, 0));
}

async fn the_list_filters_sorts_and_pages_without_gaps_or_repeats(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let mut paths = vec![];
    for i in 0..10 {
        // The per-account daily limit is 10 ideas.
        let theme = if i % 2 == 0 {
            "digital-inclusion"
        } else {
            "internet-use"
        };
        paths.push(
            publish(
                &ana,
                &format!("Idea number {i:02}"),
                theme,
                if i < 3 { "jette" } else { "" },
            )
            .await,
        );
    }
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    for i in 10..20 {
        paths.push(publish(&bram, &format!("Idea number {i:02}"), "european-dimension", "").await);
    }
    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    for i in 20..25 {
        paths.push(publish(&carla, &format!("Idea number {i:02}"), "european-dimension", "").await);
    }
    let eleventh = bram
        .call(
            "/api/submit_idea",
            &[
                ("title", "One too many"),
                ("body", "b"),
                ("theme", "european-dimension"),
            ],
        )
        .await;
    assert_eq!(eleventh.status().as_u16(), 429, "at most 10 ideas a day per account");
    assert!(eleventh.text().await.expect("body").contains("ideas_per_day"));

    let (_, page1) = app.browser().get_html("/ideas").await;
    let (_, page2) = app.browser().get_html("/ideas?page=2").await;
    let titles = |page: &str| -> Vec<String> {
        page.match_indices(">Idea number ")
            .map(|(at, _)| page[at + 13..at + 15].to_owned())
            .collect()
    };
    let (first, second) = (titles(&page1), titles(&page2));
    assert_eq!(first.len(), 20);
    let mut all: Vec<String> = first.iter().chain(second.iter()).cloned().collect();
    assert_eq!(first[0], "24", "newest first");
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25, "every idea once across the pages");

    let (_, inclusion) = app.browser().get_html("/ideas?theme=digital-inclusion").await;
    assert_eq!(titles(&inclusion).len(), 5);
    let (_, jette) = app.browser().get_html("/ideas?district=jette").await;
    assert_eq!(titles(&jette), ["02", "01", "00"]);

    let popular = id_of(&paths[3]);
    let crowd = app.crowd(3).await;
    join_all(crowd.iter().map(|b| b.vote(&popular, true))).await;
    let (_, by_votes) = app.browser().get_html("/ideas?sort=most_votes").await;
    assert_eq!(titles(&by_votes)[0], "03", "most supported first");

    // Orders with ties (24 ideas without support) page without gaps or repeats too.
    for sort in ["most_votes", "trending", "most_discussed"] {
        let (_, first) = app.browser().get_html(&format!("/ideas?sort={sort}")).await;
        let (_, second) = app.browser().get_html(&format!("/ideas?sort={sort}&page=2")).await;
        let mut all: Vec<String> = titles(&first).into_iter().chain(titles(&second)).collect();
        assert_eq!(all.len(), 25, "{sort}");
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 25, "{sort}: every idea once across the pages");
    }

    // The status filter.
    let withdrawn = id_of(&paths[7]);
    ana.call("/api/withdraw_idea", &[("idea_id", &withdrawn)]).await;
    let (_, only_withdrawn) = app.browser().get_html("/ideas?status=withdrawn").await;
    assert_eq!(titles(&only_withdrawn), ["07"]);
    let (_, open) = app.browser().get_html("/ideas?status=open&page=2").await;
    let (_, open_first) = app.browser().get_html("/ideas?status=open").await;
    let open: Vec<String> = titles(&open_first).into_iter().chain(titles(&open)).collect();
    assert_eq!(open.len(), 24);
    assert!(!open.contains(&"07".to_owned()));
}

async fn the_author_edits_until_someone_else_supports_the_idea(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Wifi in parks", "internet-use", "").await;
    let id = id_of(&path);
    let (status, _) = ana.get_html(&format!("{path}/edit")).await;
    assert_eq!(status, 200);

    // The author's own support does not lock the text.
    ana.vote(&id, true).await;
    let response = ana
        .submit(
            &format!("{path}/edit"),
            "/api/edit_idea",
            &[
                ("idea_id", &id),
                ("title", "Free wifi in every park"),
                ("body", "Edited."),
                ("theme", "internet-use"),
                ("district", "uccle"),
            ],
        )
        .await;
    let new_path = location(&response);
    assert_eq!(new_path, format!("/ideas/{id}-free-wifi-in-every-park"));
    let (_, page) = app.browser().get_html(&new_path).await;
    assert!(page.contains("Free wifi in every park") && page.contains("Edited.") && page.contains("Uccle"));
    assert_eq!(
        location(&app.browser().get(&path).await),
        new_path,
        "the old address follows"
    );

    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let fields = [
        ("idea_id", id.as_str()),
        ("title", "Hijacked"),
        ("body", "No."),
        ("theme", "internet-use"),
    ];
    assert_eq!(
        bram.call("/api/edit_idea", &fields).await.status().as_u16(),
        403,
        "only the author edits"
    );

    bram.vote(&id, true).await;
    let fields = [
        ("idea_id", id.as_str()),
        ("title", "Changed after support"),
        ("body", "No."),
        ("theme", "internet-use"),
    ];
    let response = ana.call("/api/edit_idea", &fields).await;
    assert_eq!(response.status().as_u16(), 409, "supported text no longer changes");
    let (_, page) = app.browser().get_html(&new_path).await;
    assert!(page.contains("Free wifi in every park"));
    let (_, form) = ana.get_html(&format!("{new_path}/edit")).await;
    assert!(
        form.contains("Someone else has already supported or discussed this idea"),
        "the author reads why"
    );
}

async fn residents_see_their_own_ideas_and_the_ones_they_support(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let first = publish(&ana, "Ana first idea", "human-capital", "").await;
    publish(&ana, "Ana second idea", "human-capital", "").await;
    publish(&bram, "Bram own idea", "human-capital", "").await;
    bram.vote(&id_of(&first), true).await;

    let (status, mine) = ana.get_html("/me/ideas").await;
    assert_eq!(status, 200);
    assert!(mine.contains(">Ana first idea<") && mine.contains(">Ana second idea<"));
    assert!(!mine.contains(">Bram own idea<"));

    let (_, supported) = bram.get_html("/me/supported").await;
    assert!(supported.contains(">Ana first idea<"));
    assert!(!supported.contains(">Ana second idea<") && !supported.contains(">Bram own idea<"));

    let (status, _) = app.browser().get_html("/me/ideas").await;
    assert_eq!(status, 401);
}

async fn trending_counts_only_the_support_of_the_last_seven_days(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let old_favourite = id_of(&publish(&ana, "Idea number 01 long supported", "human-capital", "").await);
    let rising = id_of(&publish(&ana, "Idea number 02 rising now", "human-capital", "").await);
    let crowd = app.crowd(4).await;
    join_all(crowd.iter().map(|b| b.vote(&old_favourite, true))).await;
    // Those votes were cast ten days ago, the last day the counters were brought up to date.
    let today = agora_app::votes::trending::today();
    sqlx::query("UPDATE idea_vote_days SET day = day - 10")
        .execute(&app.db.pool)
        .await
        .expect("age the votes");
    sqlx::query("UPDATE trending_clock SET day = $1")
        .bind(today - 10)
        .execute(&app.db.pool)
        .await
        .expect("turn the clock back");
    join_all(crowd.iter().take(2).map(|b| b.vote(&rising, true))).await;
    // A withdrawn recent vote no longer counts.
    crowd[0].vote(&rising, false).await;

    let first = |page: String| page.split(">Idea number ").nth(1).map(|rest| rest[..2].to_owned());
    let count_of = |id: &str| {
        let (pool, id) = (app.db.pool.clone(), id.parse::<i64>().expect("id"));
        async move {
            sqlx::query_scalar::<_, i64>("SELECT recent_votes FROM ideas WHERE id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .expect("counter")
        }
    };
    assert_eq!(count_of(&old_favourite).await, 4, "not brought up to date yet");
    // The new day's catch-up, which the server runs every minute.
    agora_app::votes::trending::catch_up(&app.db).await.expect("catch up");
    assert_eq!((count_of(&old_favourite).await, count_of(&rising).await), (0, 1));
    let (_, trending) = app.browser().get_html("/ideas?sort=trending").await;
    assert_eq!(first(trending).as_deref(), Some("02"), "recent support wins");
    let (_, most) = app.browser().get_html("/ideas?sort=most_votes").await;
    assert_eq!(first(most).as_deref(), Some("01"), "all-time support wins");

    let recent: i64 = sqlx::query_scalar("SELECT CAST(SUM(votes) AS BIGINT) FROM idea_vote_days WHERE idea_id = $1")
        .bind(rising.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("sum");
    assert_eq!(recent, 1);
}
