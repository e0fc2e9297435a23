//! The holder's own data: everything stored about an account can be read and taken as a
//! file, and deleting the account erases who it was while what it said and its votes stay.

mod common;

use agora_app::accounts::model::Role;
use agora_app::accounts::store::export::SECTIONS;
use common::{comment, id_of, location, publish, spawn_app, Engine, TestApp, GOOD_PASSWORD};
use std::collections::BTreeSet;

on_both_engines!(
    the_export_covers_every_column_that_refers_to_an_account,
    the_holder_reads_and_downloads_everything_stored_about_them,
    deleting_an_account_erases_who_it_was_and_keeps_what_it_said,
    deleting_an_account_may_erase_its_comments_too,
);

/// Every column of the schema that holds an account's id: the foreign keys to
/// `accounts`, and the columns named like one without a key (the outbox, the audit log).
async fn columns_referring_to_accounts(app: &TestApp) -> BTreeSet<(String, String)> {
    let (keys, columns) = match app.engine {
        Engine::Sqlite => (
            "SELECT m.name AS t, p.\"from\" AS c FROM sqlite_master m \
             JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND p.\"table\" = 'accounts'",
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table'",
        ),
        Engine::Postgres => (
            "SELECT CAST(kcu.table_name AS TEXT) AS t, CAST(kcu.column_name AS TEXT) AS c \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage kcu \
               ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema \
             JOIN information_schema.constraint_column_usage ccu \
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'accounts' \
               AND tc.table_schema = 'public'",
            "SELECT CAST(table_name AS TEXT) AS t, CAST(column_name AS TEXT) AS c \
             FROM information_schema.columns WHERE table_schema = 'public'",
        ),
    };
    let mut found: BTreeSet<(String, String)> = sqlx::query_as(keys)
        .fetch_all(&app.db.pool)
        .await
        .expect(keys)
        .into_iter()
        .collect();
    let named: Vec<(String, String)> = sqlx::query_as(columns).fetch_all(&app.db.pool).await.expect(columns);
    let account_like = ["account_id", "actor_id", "author_id", "owner_id", "reporter_id"];
    found.extend(
        named
            .into_iter()
            .filter(|(table, column)| account_like.contains(&column.as_str()) && !table.starts_with("tower_sessions")),
    );
    found.insert(("accounts".into(), "id".into()));
    found
}

async fn the_export_covers_every_column_that_refers_to_an_account(engine: Engine) {
    let app = spawn_app(engine).await;
    let referring = columns_referring_to_accounts(&app).await;
    assert!(
        referring.contains(&("votes".into(), "account_id".into())),
        "the schema is read: {referring:?}"
    );
    let covered: BTreeSet<(String, String)> = SECTIONS
        .iter()
        .flat_map(|s| s.covers.iter().map(|(t, c)| ((*t).to_owned(), (*c).to_owned())))
        .collect();
    let missing: Vec<_> = referring.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "columns that refer to an account and that no section of the export covers: {missing:?}"
    );
}

async fn the_holder_reads_and_downloads_everything_stored_about_them(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, bo) = app.signed_in("bo@example.be", Role::Member).await;
    let bos_idea = publish(&bo, "Shade trees on the Boulevard", "human-capital", "").await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let her_idea = publish(&ana, "Quiet hours for delivery vans", "human-capital", "").await;
    assert_eq!(ana.vote(&id_of(&bos_idea), true).await.status().as_u16(), 200);
    comment(&ana, &bos_idea, None, "Lindens would do well here.").await;

    let response = ana.get("/profile/data.json").await;
    assert_eq!(response.status().as_u16(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let data: serde_json::Value = serde_json::from_str(&response.text().await.expect("body")).expect("JSON");
    assert_eq!(data["profile"][0]["email"], "ana@example.be");
    assert_eq!(data["ideas"][0]["title"], "Quiet hours for delivery vans");
    assert_eq!(
        data["votes"][0]["idea_id"].as_i64().map(|id| id.to_string()),
        Some(id_of(&bos_idea))
    );
    assert_eq!(data["comments"][0]["body"], "Lindens would do well here.");
    assert_eq!(
        data["followed_ideas"][0]["title"], "Quiet hours for delivery vans",
        "authors follow their ideas"
    );
    assert!(data["audit"].as_array().is_some_and(|a| !a.is_empty()));
    for section in SECTIONS {
        assert!(data[section.name].is_array(), "section {} is there", section.name);
    }
    let text = data.to_string();
    assert!(!text.contains("argon2"), "no password hash");
    assert!(!text.contains("bo@example.be"), "nobody else's address");

    let (status, page) = ana.get_html("/profile/data").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ideas you proposed") && page.contains("Quiet hours for delivery vans"));
    assert!(page.contains("href=\"/profile/data.json\""));
    let _ = her_idea;

    let visitor = app.browser().get("/profile/data.json").await;
    assert_eq!(visitor.status().as_u16(), 401);
}

async fn deleting_an_account_erases_who_it_was_and_keeps_what_it_said(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, bo) = app.signed_in("bo@example.be", Role::Member).await;
    let bos_idea = publish(&bo, "Shade trees on the Boulevard", "human-capital", "").await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let phone = app.browser();
    phone.sign_in("ana@example.be", GOOD_PASSWORD).await;
    let her_idea = publish(&ana, "Quiet hours for delivery vans", "human-capital", "").await;
    assert_eq!(ana.vote(&id_of(&bos_idea), true).await.status().as_u16(), 200);
    comment(&ana, &bos_idea, None, "Lindens would do well here.").await;
    let votes_before = app
        .scalar(
            "SELECT vote_count FROM idea_counters WHERE idea_id = $1",
            id_of(&bos_idea).parse().expect("id"),
        )
        .await;

    let wrong = ana
        .call("/api/delete_account", &[("password", "not my password at all")])
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let response = ana
        .submit("/profile/delete", "/api/delete_account", &[("password", GOOD_PASSWORD)])
        .await;
    assert_eq!(location(&response), "/login?account=deleted");

    let (status, _) = phone.get_html("/profile").await;
    assert_eq!(status, 401, "every session ended");
    let (email, name, hash): (String, String, String) =
        sqlx::query_as("SELECT email, display_name, password_hash FROM accounts WHERE id = $1")
            .bind(ana_id)
            .fetch_one(&app.db.pool)
            .await
            .expect("the row stays");
    assert_eq!(
        (email.as_str(), name.as_str(), hash.as_str()),
        ("", "", ""),
        "who she was is erased"
    );
    let votes_after = app
        .scalar(
            "SELECT vote_count FROM idea_counters WHERE idea_id = $1",
            id_of(&bos_idea).parse().expect("id"),
        )
        .await;
    assert_eq!(votes_before, votes_after, "her vote still counts");

    let (_, idea_page) = app.browser().get_html(&her_idea).await;
    assert!(idea_page.contains("Quiet hours for delivery vans"));
    assert!(idea_page.contains("a deleted account"));
    let (_, discussion) = app.browser().get_html(&bos_idea).await;
    assert!(
        discussion.contains("Lindens would do well here."),
        "what she said stays"
    );
    assert!(!discussion.contains(">ana<"), "under no name");

    assert_ne!(
        location(&app.browser().sign_in("ana@example.be", GOOD_PASSWORD).await),
        "/profile"
    );
    let again = app.browser();
    assert_eq!(
        location(&again.register("ana@example.be", "Ana again", GOOD_PASSWORD).await),
        "/profile",
        "the address registers again"
    );

    let details: Vec<(String, String)> =
        sqlx::query_as("SELECT action, detail FROM audit_log WHERE target_id = $1 AND action = 'account.deleted'")
            .bind(ana_id)
            .fetch_all(&app.db.pool)
            .await
            .expect("audit");
    assert_eq!(details.len(), 1, "the deletion is audited");
    assert!(!details[0].1.contains("ana"), "without personal data");
}

async fn deleting_an_account_may_erase_its_comments_too(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, bo) = app.signed_in("bo@example.be", Role::Member).await;
    let bos_idea = publish(&bo, "Shade trees on the Boulevard", "human-capital", "").await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    comment(&ana, &bos_idea, None, "Lindens would do well here.").await;
    let response = ana
        .submit(
            "/profile/delete",
            "/api/delete_account",
            &[("password", GOOD_PASSWORD), ("erase_comments", "on")],
        )
        .await;
    assert_eq!(location(&response), "/login?account=deleted");
    let (_, discussion) = app.browser().get_html(&bos_idea).await;
    assert!(!discussion.contains("Lindens would do well here."), "the text is gone");
    let bodies: Vec<String> = sqlx::query_scalar("SELECT body FROM comments")
        .fetch_all(&app.db.pool)
        .await
        .expect("comments");
    assert_eq!(bodies, vec![String::new()], "erased in the database, not only hidden");
}
