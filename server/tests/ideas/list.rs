//! The list of ideas: search, filters, sorting and paging.

use crate::common::{id_of, location, publish, spawn_app, Engine, TestApp};
use agora_app::accounts::model::Role;
use agora_app::ideas::store::FEW_MATCHES;
use agora_server::synthetic::{self, Sizes};
use futures::future::join_all;

on_both_engines!(
    the_search_ignores_accents_and_case_in_all_three_languages,
    the_most_discussed_come_first_when_asked,
    the_list_filters_sorts_and_pages_without_gaps_or_repeats,
    an_idea_moved_to_another_theme_is_ranked_by_its_support_there,
    a_list_names_themes_and_municipalities_in_the_readers_language_only,
    a_search_lists_every_match_once_in_order_whether_its_matches_are_few_or_many,
    a_list_page_carries_its_cards_once_and_not_again_in_its_data_for_hydration,
    the_filter_form_shows_the_filters_the_list_was_asked_with,
    a_card_shows_its_text_as_written_whatever_characters_it_holds,
    newest_first_is_the_order_ideas_were_submitted_in_whatever_the_clock_said,
    a_card_shows_the_excerpt_of_the_text_as_it_is_now_whoever_changed_it,
);

/// Newest first is the order of the ideas' numbers, which the database gives in the order
/// it takes them: an idea taken by a server whose clock was behind still comes first, in
/// the list, a theme's and a municipality's list, a search and the open data's walk.
async fn newest_first_is_the_order_ideas_were_submitted_in_whatever_the_clock_said(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let mut ids = Vec::new();
    for title in ["Canal lights first", "Canal lights second", "Canal lights third"] {
        ids.push(id_of(&publish(&ana, title, "internet-use", "jette").await));
    }
    // The last one's server thought it was a day earlier.
    sqlx::query("UPDATE ideas SET created_at = created_at - 86400000 WHERE id = $1")
        .bind(ids[2].parse::<i64>().expect("a number"))
        .execute(&app.db.pool)
        .await
        .expect("moves the date");
    let newest_first = ["Canal lights third", "Canal lights second", "Canal lights first"];
    for path in [
        "/ideas",
        "/ideas?q=canal",
        "/ideas?q=lights+canal",
        "/themes/internet-use",
        "/ideas?district=jette",
        "/ideas?theme=internet-use&q=canal",
    ] {
        let (status, page) = app.browser().get_html(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(card_titles(&page), newest_first, "{path}");
    }
    for path in ["/api/v1/ideas?limit=1", "/api/v1/ideas?limit=1&q=canal"] {
        let mut walked = Vec::new();
        let mut next = Some(path.to_owned());
        while let Some(path) = next.take() {
            let answer = reqwest::get(format!("{}{path}", app.base)).await.expect("GET");
            let page: serde_json::Value =
                serde_json::from_slice(&answer.bytes().await.expect("an answer")).expect("JSON");
            walked.extend(
                page["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .map(|i| i["title"].to_string()),
            );
            next = page["next"]
                .as_str()
                .map(|n| n[n.find("/api/").expect("a path")..].to_owned());
            assert!(walked.len() <= 3, "{path}: the walk ends");
        }
        let expected: Vec<String> = newest_first.iter().map(|t| format!("\"{t}\"")).collect();
        assert_eq!(walked, expected, "{path}");
    }
}

/// A card's excerpt is kept with its idea (migration 0019) and follows its text: written
/// with it, kept by an edit past its end, rewritten by an edit that reaches it, forgotten
/// when a statement that does not know it changes the text (a server of an older
/// version), and meanwhile made from the text, until the next start fills it again.
async fn a_card_shows_the_excerpt_of_the_text_as_it_is_now_whoever_changed_it(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let words = |word: &str| vec![word; 60].join(" ");
    let first = words("canal");
    let response = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", "Lights along the canal"),
                ("body", &first),
                ("theme", "digital-inclusion"),
                ("district", ""),
                ("confirmed", "1"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let path = location(&response);
    let id = id_of(&path);
    let kept = || async {
        sqlx::query_scalar::<_, Option<String>>("SELECT excerpt FROM ideas WHERE id = $1")
            .bind(id.parse::<i64>().expect("a number"))
            .fetch_one(&app.db.pool)
            .await
            .expect("the idea")
    };
    // Signed in, so that no page comes from the page cache.
    let shown = || async {
        let (status, page) = ana.get_html("/ideas").await;
        assert_eq!(status, 200);
        page
    };
    let excerpt_of = |body: &str| agora_app::ideas::store::card_excerpt(body);
    assert!(
        excerpt_of(&first).ends_with('…'),
        "the text is longer than a card shows"
    );

    assert_eq!(kept().await, Some(excerpt_of(&first)), "written with the text");
    assert!(shown().await.contains(&format!(">{}</p>", excerpt_of(&first))));

    // An edit past the excerpt's end keeps it.
    let longer = format!("{first} and more");
    let edit = |body: String| {
        let (path, id) = (path.clone(), id.clone());
        let ana = &ana;
        async move {
            ana.submit(
                &format!("{path}/edit"),
                "/api/edit_idea",
                &[
                    ("idea_id", &id),
                    ("title", "Lights along the canal"),
                    ("body", &body),
                    ("theme", "digital-inclusion"),
                    ("district", ""),
                ],
            )
            .await
        }
    };
    assert_eq!(edit(longer.clone()).await.status().as_u16(), 302);
    assert_eq!(excerpt_of(&longer), excerpt_of(&first));
    assert_eq!(kept().await, Some(excerpt_of(&first)), "kept by an edit past its end");

    let second = words("bridge");
    assert_eq!(edit(second.clone()).await.status().as_u16(), 302);
    assert_eq!(kept().await, Some(excerpt_of(&second)), "rewritten by the edit");
    let page = shown().await;
    assert!(page.contains(&format!(">{}</p>", excerpt_of(&second))), "{page}");
    assert!(!page.contains("canal canal"), "{page}");

    let third = words("quay");
    sqlx::query("UPDATE ideas SET body = $1 WHERE id = $2")
        .bind(&third)
        .bind(id.parse::<i64>().expect("a number"))
        .execute(&app.db.pool)
        .await
        .expect("the text changed as an older server would");
    assert_eq!(
        kept().await,
        None,
        "an excerpt that no longer fits its text is forgotten"
    );
    let page = shown().await;
    assert!(page.contains(&format!(">{}</p>", excerpt_of(&third))), "{page}");
    assert!(!page.contains("bridge bridge"), "{page}");

    agora_server::migrate(&app.db).await.expect("the start's migration");
    assert_eq!(kept().await, Some(excerpt_of(&third)), "filled again at the next start");
    assert!(shown().await.contains(&format!(">{}</p>", excerpt_of(&third))));
}

/// The browser keeps a list's cards as the server wrote them (`ui::written`): their text
/// is in the page once, not a second time in the data the browser hydrates from. Before,
/// a card's title and excerpt were in both.
async fn a_list_page_carries_its_cards_once_and_not_again_in_its_data_for_hydration(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(&ana, "Benches along the canal", "digital-inclusion", "").await;
    for (who, path) in [
        ("a visitor", "/ideas"),
        ("a visitor", "/themes/digital-inclusion"),
        ("its author", "/me/ideas"),
    ] {
        let (status, page) = match who {
            "its author" => ana.get_html(path).await,
            _ => app.browser().get_html(path).await,
        };
        assert_eq!(status, 200, "{path}");
        assert_eq!(card_titles(&page), ["Benches along the canal"], "{path}");
        assert_eq!(
            page.matches("Benches along the canal").count(),
            1,
            "{who}, {path}: {page}"
        );
    }
}

/// The list's GET form comes back with the reader's choices selected, so that changing one
/// filter keeps the others; with none chosen, each filter offers "all" first.
async fn the_filter_form_shows_the_filters_the_list_was_asked_with(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, page) = app
        .browser()
        .get_html("/ideas?theme=internet-use&status=open&district=jette&sort=most_votes")
        .await;
    let form = filter_form(&page);
    assert_eq!(
        chosen_options(form),
        ["internet-use", "open", "jette", "most_votes"],
        "{form}"
    );

    let (_, page) = app.browser().get_html("/ideas").await;
    let form = filter_form(&page);
    assert_eq!(
        form.matches("<select ").count(),
        4,
        "theme, status, municipality, order"
    );
    assert_eq!(
        form.matches("<option value=\"\">").count(),
        3,
        "every theme, status and municipality"
    );
    assert_eq!(chosen_options(form), ["newest"], "{form}");
}

/// The list's filter form in a page.
/// A list reads each card as one JSON text written by the database (`ideas::store::list`):
/// quotes, backslashes, line breaks, tabs and characters beyond the basic plane come
/// back as they were written, on both engines.
async fn a_card_shows_its_text_as_written_whatever_characters_it_holds(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let title = r#"Quotes "and" a back\slash: café ☕ <b>bold</b> 😀"#;
    let body = "Line one\twith a tab.\r\n\r\nLine \"two\" \\ with é, 😀 and {\"json\": [1]}.";
    let response = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", title),
                ("body", body),
                ("theme", "digital-inclusion"),
                ("district", ""),
                ("confirmed", "1"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let escaped = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let (status, page) = app.browser().get_html("/ideas").await;
    assert_eq!(status, 200);
    assert_eq!(card_titles(&page), [escaped(title)]);
    let excerpt = r#"Line one with a tab. Line "two" \ with é, 😀 and {"json": [1]}."#;
    assert!(page.contains(&format!(">{}</p>", escaped(excerpt))), "{page}");
}

fn filter_form(page: &str) -> &str {
    let form = &page[page.find("<form method=\"get\"").expect("the filter form")..];
    &form[..form.find("</form>").expect("the form's end")]
}

/// The values of the options a form has selected, in order.
fn chosen_options(form: &str) -> Vec<&str> {
    form.split("<option value=\"")
        .skip(1)
        .filter(|option| option.split('>').next().is_some_and(|tag| tag.contains(" selected")))
        .filter_map(|option| option.split('"').next())
        .collect()
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

/// A theme's vote orders walk the counters' copy of the theme: it must follow an edit.
async fn an_idea_moved_to_another_theme_is_ranked_by_its_support_there(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(&ana, "Bike racks at stations", "internet-use", "").await;
    publish(&ana, "Trees on every square", "digital-inclusion", "").await;
    let path = publish(&ana, "Free wifi in parks", "internet-use", "").await;
    let id = id_of(&path);
    // The author's own support leaves the text editable.
    assert_eq!(ana.vote(&id, true).await.status().as_u16(), 200);
    let response = ana
        .submit(
            &format!("{path}/edit"),
            "/api/edit_idea",
            &[
                ("idea_id", &id),
                ("title", "Free wifi in parks"),
                ("body", "Moved."),
                ("theme", "digital-inclusion"),
                ("district", ""),
            ],
        )
        .await;
    assert_eq!(location(&response), path, "the edit is saved");
    for sort in ["most_votes", "trending"] {
        let list = |theme: &str| {
            let browser = app.browser();
            let path = format!("/ideas?theme={theme}&sort={sort}");
            async move { card_titles(&browser.get_html(&path).await.1) }
        };
        assert_eq!(
            list("digital-inclusion").await,
            ["Free wifi in parks", "Trees on every square"],
            "{sort}: the supported idea leads its new theme"
        );
        assert_eq!(list("internet-use").await, ["Bike racks at stations"], "{sort}");
    }
}

/// A list page carries its cards twice (as HTML and as the data the browser hydrates
/// from), so the cards and the filter hold the names of the reader's language only.
async fn a_list_names_themes_and_municipalities_in_the_readers_language_only(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(
        &ana,
        "Wifi in de bibliotheek",
        "digital-inclusion",
        "molenbeek-saint-jean",
    )
    .await;
    let names = [
        ("fr", ["Inclusion numérique", "Molenbeek-Saint-Jean"]),
        ("nl", ["Digitale inclusie", "Sint-Jans-Molenbeek"]),
    ];
    for (language, shown) in names {
        let page = app.browser().get_html_in("/ideas", language).await;
        let card = page.split("class=\"idea-card\"").nth(1).expect("a card");
        for name in shown {
            assert!(card.contains(name), "{language}: the card names {name}");
        }
        for (other, names) in names.iter().filter(|(other, _)| *other != language) {
            for name in names {
                assert!(!page.contains(name), "{language}: {other}'s {name} is on the page");
            }
        }
        assert!(
            !page.contains("Human capital") && !page.contains("Skills and digital literacy"),
            "{language}: no English theme name or description"
        );
    }
}

/// The ideas a search matches, in the order of `sort`, asked of the engine's full-text
/// index directly: what the list must show, page after page.
async fn matching_ideas(app: &TestApp, engine: Engine, words: &str, sort: &str) -> Vec<i64> {
    let (join, order) = match sort {
        "newest" => ("", "i.id DESC"),
        _ => (
            " JOIN idea_counters ic ON ic.idea_id = i.id",
            "ic.vote_count DESC, ic.idea_id DESC",
        ),
    };
    let (condition, words) = match engine {
        Engine::Sqlite => (
            "i.id IN (SELECT -rowid FROM ideas_search WHERE ideas_search MATCH $1)",
            format!("\"{words}\"*"),
        ),
        Engine::Postgres => ("i.search @@ agora_search_query($1)", format!("{words}*")),
    };
    let sql = format!("SELECT i.id FROM ideas i{join} WHERE i.hidden_at IS NULL AND {condition} ORDER BY {order}");
    sqlx::query_scalar(&sql)
        .bind(words)
        .fetch_all(&app.db.pool)
        .await
        .expect("the matches")
}

/// The ids of the cards of every page of a list, first to last.
async fn listed_ideas(app: &TestApp, path: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for page in 1.. {
        let (status, html) = app.browser().get_html(&format!("{path}&page={page}")).await;
        assert_eq!(status, 200, "{path}, page {page}");
        let cards: Vec<i64> = html
            .split("<li class=\"idea-card\">")
            .skip(1)
            .filter_map(|card| card.split("href=\"/ideas/").nth(1)?.split('-').next()?.parse().ok())
            .collect();
        if cards.is_empty() {
            break;
        }
        ids.extend(cards);
    }
    ids
}

/// SQLite finds a search's ideas by their keys when they are few and walks the list's
/// order when they are many (`ideas::store::FEW_MATCHES`): either way every matching idea
/// is listed once, in the list's order, across the pages.
async fn a_search_lists_every_match_once_in_order_whether_its_matches_are_few_or_many(engine: Engine) {
    let app = spawn_app(engine).await;
    let sizes = Sizes {
        accounts: 60,
        ideas: 700,
        votes: 2_000,
        seed: 3,
    };
    synthetic::generate(&app.db, sizes).await.expect("generates");
    let many = matching_ideas(&app, engine, MANY, "newest").await.len();
    let few = matching_ideas(&app, engine, FEW, "newest").await.len();
    assert!(many > FEW_MATCHES, "{MANY} matches {many} ideas: not many");
    assert!((1..=FEW_MATCHES).contains(&few), "{FEW} matches {few} ideas: not few");
    for words in [MANY, FEW] {
        for sort in ["newest", "most_votes"] {
            let expected = matching_ideas(&app, engine, words, sort).await;
            let listed = listed_ideas(&app, &format!("/ideas?q={words}&sort={sort}")).await;
            assert_eq!(listed, expected, "{words}, {sort}");
        }
    }
}

/// The start of words in many of these synthetic ideas (353 on SQLite), and a word in few
/// of them (47).
const MANY: &str = "les";
const FEW: &str = "park";
