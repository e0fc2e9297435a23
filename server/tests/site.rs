//! Pages, languages, themes, security headers and start-up, over plain HTTP, on
//! SQLite and PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{location, set_cookie, spawn_app, Engine, GOOD_PASSWORD};

on_both_engines!(
    every_page_carries_the_security_headers,
    the_language_follows_the_browser_and_then_the_chosen_cookie,
    the_seven_programme_themes_are_listed_in_three_languages,
    an_admin_adds_reorders_and_archives_a_theme,
    a_theme_with_a_bad_address_is_refused_and_the_form_keeps_the_text,
    members_cannot_manage_themes,
    an_unknown_page_answers_404,
    the_navigation_marks_the_page_the_reader_is_on,
);

async fn every_page_carries_the_security_headers(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    for path in ["/", "/themes", "/register", "/login", "/healthz", "/no-such-page"] {
        let response = browser.get(path).await;
        let headers = response.headers();
        let csp = headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("object-src 'none'"), "{path}: {csp}");
        assert!(csp.contains("base-uri 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(
            headers.get("x-content-type-options").map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{path}"
        );
        assert!(headers.contains_key("referrer-policy"), "{path}");
    }
    let response = browser.get("/").await;
    let csp = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("pages carry a script nonce")
        .to_owned();
    let page = response.text().await.expect("body");
    assert!(
        page.contains(&format!(r#"nonce="{nonce}""#)),
        "inline scripts carry the same nonce"
    );

    let health = browser.get("/healthz").await;
    assert_eq!(health.status().as_u16(), 200);
    assert_eq!(health.text().await.expect("body"), "ok");
}

async fn the_language_follows_the_browser_and_then_the_chosen_cookie(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    let dutch = browser
        .client
        .get(browser.url("/"))
        .header("accept-language", "nl-BE,nl;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(
        dutch.contains(r#"<html lang="nl""#),
        "{}",
        &dutch[..200.min(dutch.len())]
    );
    assert!(dutch.contains("Ga naar de inhoud") || dutch.contains("Naar de inhoud"));

    let response = browser
        .submit("/themes?x=1", "/api/set_locale", &[("locale", "fr")])
        .await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        location(&response),
        "/themes?x=1",
        "back to the page the language was chosen on"
    );
    let cookie = set_cookie(response.headers(), "agora_locale").expect("language cookie");
    assert!(cookie.starts_with("agora_locale=fr;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));

    let french = browser
        .client
        .get(browser.url("/themes"))
        .header("accept-language", "nl-BE")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(
        french.contains(r#"<html lang="fr""#),
        "the cookie wins over the browser"
    );
    assert!(french.contains("Inclusion numérique"));

    let response = browser.submit("/", "/api/set_locale", &[("locale", "de")]).await;
    assert!(location(&response).contains("__err="), "an unknown language is refused");
}

async fn the_seven_programme_themes_are_listed_in_three_languages(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    let expectations = [
        (
            "en",
            [
                "Human capital",
                "Internet use",
                "Integration of digital technology",
                "Digital administration",
                "Transversality",
                "Digital inclusion",
                "European dimension",
            ],
        ),
        (
            "fr",
            [
                "Capital humain",
                "Usage d",
                "Intégration des technologies numériques",
                "Administration numérique",
                "Transversalité",
                "Inclusion numérique",
                "Dimension européenne",
            ],
        ),
        (
            "nl",
            [
                "Menselijk kapitaal",
                "Internetgebruik",
                "Integratie van digitale technologie",
                "Digitale administratie",
                "Transversaliteit",
                "Digitale inclusie",
                "Europese dimensie",
            ],
        ),
    ];
    for (language, names) in expectations {
        let page = browser.get_html_in("/themes", language).await;
        let mut last = 0;
        for name in names {
            let at = page.find(name).unwrap_or_else(|| panic!("{language}: {name} missing"));
            assert!(at > last, "{language}: {name} out of order");
            last = at;
        }
    }
    let (status, page) = browser.get_html("/themes/digital-inclusion").await;
    assert_eq!(status, 200);
    assert!(page.contains("Digital inclusion"));
}

async fn an_admin_adds_reorders_and_archives_a_theme(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, admin) = app.signed_in("admin@example.be", Role::Admin).await;

    let response = admin
        .submit(
            "/admin/themes",
            "/api/admin/create_theme",
            &[
                ("slug", "smart-mobility"),
                ("name_fr", "Mobilité intelligente"),
                ("name_nl", "Slimme mobiliteit"),
                ("name_en", "Smart mobility"),
                ("description_fr", "Se déplacer mieux."),
                ("description_nl", "Beter verplaatsen."),
                ("description_en", "Moving better."),
            ],
        )
        .await;
    assert_eq!(location(&response), "/admin/themes");
    let (_, page) = app.browser().get_html("/themes").await;
    let (mobility, european) = (
        page.find("Smart mobility").expect("listed"),
        page.find("European dimension").expect("listed"),
    );
    assert!(mobility > european, "a new theme goes last");

    let id: i64 = sqlx::query_scalar("SELECT id FROM themes WHERE slug = 'smart-mobility'")
        .fetch_one(&app.db.pool)
        .await
        .expect("id");
    let id = id.to_string();
    admin
        .submit(
            "/admin/themes",
            "/api/admin/move_theme",
            &[("id", &id), ("direction", "Up")],
        )
        .await;
    let (_, page) = app.browser().get_html("/themes").await;
    assert!(
        page.find("Smart mobility").expect("listed") < page.find("European dimension").expect("listed"),
        "moved up one place"
    );

    let response = admin
        .submit(
            "/admin/themes",
            "/api/admin/archive_theme",
            &[("id", &id), ("archived", "true")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 302);
    let (_, page) = app.browser().get_html("/themes").await;
    assert!(
        !page.contains("Smart mobility"),
        "archived themes leave the public list"
    );
    let (_, page) = admin.get_html("/admin/themes").await;
    assert!(page.contains("Smart mobility"), "admins still see it");
    let still_there: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM themes WHERE slug = 'smart-mobility'")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(still_there, 1, "never deleted");

    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE target_type = 'theme' ORDER BY id")
            .fetch_all(&app.db.pool)
            .await
            .expect("audit");
    assert_eq!(actions, ["theme.created", "theme.moved", "theme.archived"]);
}

async fn a_theme_with_a_bad_address_is_refused_and_the_form_keeps_the_text(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, admin) = app.signed_in("admin@example.be", Role::Admin).await;
    let response = admin
        .submit(
            "/admin/themes",
            "/api/admin/create_theme",
            &[
                ("slug", "digital-inclusion"),
                ("name_fr", "Doublon"),
                ("name_nl", "Dubbel"),
                ("name_en", "Duplicate theme"),
                ("description_fr", ""),
                ("description_nl", ""),
                ("description_en", "Kept text"),
            ],
        )
        .await;
    let (_, page) = admin.get_html(location(&response).trim_start_matches(&app.base)).await;
    assert!(page.contains("Another theme already uses this address"));
    assert!(page.contains(r#"value="Duplicate theme""#));
    assert!(page.contains("Kept text"));
}

async fn members_cannot_manage_themes(engine: Engine) {
    let app = spawn_app(engine).await;
    let member = app.browser();
    member.register("piet@example.be", "Piet", GOOD_PASSWORD).await;
    let response = member
        .call("/api/admin/archive_theme", &[("id", "1"), ("archived", "true")])
        .await;
    assert_eq!(response.status().as_u16(), 403);
    let (status, _) = member.get_html("/admin/themes").await;
    assert_eq!(status, 403);
    let archived: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM themes WHERE archived = $1")
        .bind(true)
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(archived, 0);
}

async fn an_unknown_page_answers_404(engine: Engine) {
    let app = spawn_app(engine).await;
    let (status, page) = app.browser().get_html("/no-such-page").await;
    assert_eq!(status, 404);
    assert!(page.contains("Page not found"));
    let (status, _) = app.browser().get_html("/themes/no-such-theme").await;
    assert_eq!(status, 404);
}

/// The opening tags of the page's links to `href`.
fn links_to<'a>(page: &'a str, href: &str) -> Vec<&'a str> {
    let start = format!("<a href=\"{href}\"");
    page.match_indices(&start)
        .map(|(at, _)| &page[at..at + page[at..].find('>').expect("a tag ends")])
        .collect()
}

async fn the_navigation_marks_the_page_the_reader_is_on(engine: Engine) {
    let app = spawn_app(engine).await;
    let browser = app.browser();
    let (status, page) = browser.get_html("/themes").await;
    assert_eq!(status, 200);
    let themes = links_to(&page, "/themes");
    assert!(!themes.is_empty(), "{page}");
    assert!(
        themes.iter().all(|tag| tag.contains("aria-current=\"page\"")),
        "{themes:?}"
    );
    for other in ["/", "/ideas", "/projects", "/privacy"] {
        let tags = links_to(&page, other);
        assert!(!tags.is_empty(), "{other}");
        assert!(
            tags.iter().all(|tag| !tag.contains("aria-current")),
            "{other}: {tags:?}"
        );
    }
    // A section's link stays marked on the pages below it; the home page's on itself only.
    let (_, page) = browser.get_html("/themes/digital-inclusion").await;
    assert!(links_to(&page, "/themes")
        .iter()
        .any(|tag| tag.contains("aria-current=\"page\"")));
    let (_, page) = browser.get_html("/").await;
    let home = links_to(&page, "/");
    assert!(home.iter().all(|tag| tag.contains("aria-current=\"page\"")), "{home:?}");
    assert!(links_to(&page, "/themes")
        .iter()
        .all(|tag| !tag.contains("aria-current")));
}

#[tokio::test]
async fn a_failed_migration_stops_the_server() {
    let dir = std::env::temp_dir().join(format!("agora_broken_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("folder");
    let url = format!("sqlite://{}/agora.db?mode=rwc", dir.display());
    {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect(&url).await.expect("connect");
        sqlx::query("CREATE TABLE accounts (something TEXT)")
            .execute(&mut conn)
            .await
            .expect("sabotage");
    }
    let outcome = agora_server::build(&common::test_config(&url)).await;
    let Err(error) = outcome else {
        panic!("start-up must fail when a migration fails");
    };
    let error = format!("{error:#}");
    assert!(error.contains("migration failed"), "{error}");
    let _ = std::fs::remove_dir_all(dir);
}
