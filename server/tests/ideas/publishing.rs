//! Publishing, addressing, editing and withdrawing an idea, and a resident's own lists.

use crate::common::{comment, id_of, location, publish, spawn_app, Engine};
use agora_app::accounts::model::Role;

on_both_engines!(
    an_idea_keeps_its_language_and_shows_only_paragraphs_and_links,
    text_cannot_be_turned_around_to_read_as_something_else,
    a_withdrawal_tells_the_followers_and_is_audited,
    a_resident_publishes_an_idea_and_finds_it_at_its_address,
    an_outdated_address_redirects_to_the_current_one,
    a_refused_idea_keeps_what_was_typed_and_stores_nothing,
    the_author_withdraws_an_open_idea_and_it_stays_visible,
    the_author_edits_until_someone_else_supports_the_idea,
    residents_see_their_own_ideas_and_the_ones_they_support,
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

/// A direction override shows readers text other than what is stored and searched:
/// `\u{202E}fdp.exe` reads as `exe.pdf`. Titles, bodies and comments keep every visible
/// character and lose the invisible overrides.
async fn text_cannot_be_turned_around_to_read_as_something_else(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let response = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", "Free plans \u{202E}fdp.exe\u{202C} for every park"),
                (
                    "body",
                    "\u{2067}Download\u{2069} them at the town hall.\n\n\u{202D}Thanks",
                ),
                ("theme", "internet-use"),
            ],
        )
        .await;
    let path = location(&response);
    let (title, body): (String, String) = sqlx::query_as("SELECT title, body FROM ideas WHERE id = $1")
        .bind(id_of(&path).parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("idea");
    assert_eq!(title, "Free plans fdp.exe for every park");
    assert_eq!(body, "Download them at the town hall.\n\nThanks");

    let answered = comment(&ana, &path, None, "See \u{202E}txt.exe\u{2066} here").await;
    assert!(answered.status().is_redirection(), "{}", answered.status());
    let kept: String = sqlx::query_scalar("SELECT body FROM comments ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .expect("comment");
    assert_eq!(kept, "See txt.exe here");

    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains("Free plans fdp.exe for every park"));
    assert!(page.contains("See txt.exe here"));
    for control in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ] {
        assert!(!page.contains(control), "{control:?} reached the page");
    }

    let refused = ana
        .submit(
            "/ideas/new",
            "/api/submit_idea",
            &[
                ("title", "\u{202E}\u{202E}"),
                ("body", "Kept body text"),
                ("theme", "internet-use"),
            ],
        )
        .await;
    let (_, form) = ana.get_html(location(&refused).trim_start_matches(&app.base)).await;
    assert!(
        form.contains("This field is required."),
        "a title of overrides alone is empty"
    );
    assert!(form.contains("Kept body text"));
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
