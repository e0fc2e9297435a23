//! The demo data loads on both engines, once.

mod common;

use common::{spawn_app, Engine};

on_both_engines!(the_demo_loads_once_with_ideas_in_three_languages_and_exact_counts);

async fn the_demo_loads_once_with_ideas_in_three_languages_and_exact_counts(engine: Engine) {
    let app = spawn_app(engine).await;
    let created = agora_server::demo::load(&app.db).await.expect("demo loads");
    assert!(created >= 12);
    assert_eq!(
        agora_server::demo::load(&app.db).await.expect("second load"),
        0,
        "loading twice adds nothing"
    );

    let languages: Vec<String> = sqlx::query_scalar("SELECT DISTINCT language FROM ideas ORDER BY language")
        .fetch_all(&app.db.pool)
        .await
        .expect("languages");
    assert_eq!(languages, ["en", "fr", "nl"]);
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i LEFT JOIN idea_counters ic ON ic.idea_id = i.id \
         WHERE COALESCE(ic.vote_count, -1) <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!(mismatched, 0, "every counter equals its votes");

    let comments: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM comments")
        .fetch_one(&app.db.pool)
        .await
        .expect("comments");
    assert!(comments >= 10);
    let by_organisations: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments c JOIN accounts a ON a.id = c.author_id WHERE a.kind <> 'resident'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("comments by organisations");
    assert!(by_organisations >= 3, "businesses and academics take part");
    let miscounted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i WHERE i.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.idea_id = i.id)",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!(miscounted, 0, "every comment counter equals its comments");

    let count = |sql: &'static str| {
        let app = &app;
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&app.db.pool)
                .await
                .expect(sql)
        }
    };
    assert_eq!(
        count("SELECT COUNT(*) FROM ideas WHERE triaged_at IS NULL").await,
        2,
        "a few new ideas wait in the moderators' queue"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM ideas WHERE status = 'under_review'").await,
        1
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM idea_status_events WHERE kind = 'response'").await,
        1
    );
    assert_eq!(count("SELECT COUNT(*) FROM reports WHERE resolved_at IS NULL").await, 1);
    assert_eq!(
        count("SELECT COUNT(*) FROM accounts WHERE kind <> 'resident' AND CAST(organisation_verified AS INTEGER) = 1")
            .await,
        1,
        "the university is verified, the business still waits"
    );

    let (_, page) = app.browser().get_html("/ideas?sort=most_votes").await;
    assert!(page.contains("Smart City Lab") || page.contains("Inès Lambert"));
}
