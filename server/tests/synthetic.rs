//! The synthetic data set for load tests generates on both engines, with exact counts
//! and counters, once, and its accounts sign in with the documented passphrase.

mod common;

use agora_server::synthetic::{self, Sizes};
use common::{location, spawn_app, Engine};

on_both_engines!(a_small_synthetic_data_set_is_exact_and_its_accounts_sign_in);

async fn count(app: &common::TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db.pool).await.expect(sql)
}

async fn a_small_synthetic_data_set_is_exact_and_its_accounts_sign_in(engine: Engine) {
    let app = spawn_app(engine).await;
    // Something already there keeps its ids and counters.
    agora_server::demo::load(&app.db).await.expect("demo loads");
    let (accounts_before, ideas_before, votes_before) = (
        count(&app, "SELECT COUNT(*) FROM accounts").await,
        count(&app, "SELECT COUNT(*) FROM ideas").await,
        count(&app, "SELECT COUNT(*) FROM votes").await,
    );

    let sizes = Sizes {
        accounts: 200,
        ideas: 300,
        votes: 3000,
        seed: 1,
    };
    let made = synthetic::generate(&app.db, sizes).await.expect("generates");
    assert_eq!((made.accounts, made.ideas, made.votes), (200, 300, 3000));
    assert_eq!(made.first_idea_id, ideas_before + 1);

    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM accounts").await,
        accounts_before + 200
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM ideas").await, ideas_before + 300);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM votes").await, votes_before + 3000);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM accounts WHERE email_normalized LIKE 'synthetic-%@example.invalid'"
        )
        .await,
        200
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM ideas i LEFT JOIN idea_counters ic ON ic.idea_id = i.id \
         WHERE COALESCE(ic.vote_count, -1) <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)"
        )
        .await,
        0,
        "every counter equals its votes"
    );
    assert_eq!(
        count(
            &app,
            "SELECT CAST(COALESCE(SUM(votes), 0) AS BIGINT) FROM idea_vote_days"
        )
        .await,
        votes_before + 3000,
        "the per-day counters add up to the votes"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM votes v JOIN ideas i ON i.id = v.idea_id WHERE v.created_at < i.created_at"
        )
        .await,
        0,
        "nobody votes for an idea before it is published"
    );
    let window_start = agora_app::votes::trending::today() - agora_app::votes::trending::WINDOW_DAYS;
    let off_trend: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM idea_counters ic WHERE ic.recent_votes <> COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d \
         WHERE d.idea_id = ic.idea_id AND d.day >= $1), 0)",
    )
    .bind(window_start)
    .fetch_one(&app.db.pool)
    .await
    .expect("trending counters");
    assert_eq!(off_trend, 0, "trending counters equal the support in the window");
    assert!(count(&app, "SELECT COUNT(*) FROM idea_counters WHERE recent_votes > 0").await > 0);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM ideas i WHERE NOT EXISTS (SELECT 1 FROM follows f WHERE f.idea_id = i.id AND f.account_id = i.author_id)").await,
        0,
        "authors follow their ideas"
    );
    let languages: Vec<String> = sqlx::query_scalar("SELECT DISTINCT language FROM ideas ORDER BY language")
        .fetch_all(&app.db.pool)
        .await
        .expect("languages");
    assert_eq!(languages, ["en", "fr", "nl"]);
    let themes_used = count(&app, "SELECT COUNT(DISTINCT theme_id) FROM ideas WHERE id > 12").await;
    let active_themes = count(&app, "SELECT COUNT(*) FROM themes WHERE CAST(archived AS INTEGER) = 0").await;
    assert_eq!(themes_used, active_themes);
    let most: i64 = count(&app, "SELECT MAX(vote_count) FROM idea_counters").await;
    assert!(most >= 50, "popularity is skewed: the top idea has {most} votes");

    // A second run refuses and writes nothing.
    let again = synthetic::generate(&app.db, sizes).await;
    assert!(again.is_err(), "a second run is refused");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM votes").await, votes_before + 3000);

    // A synthetic account signs in over HTTP with the documented passphrase, and votes.
    let browser = app.browser();
    let response = browser.sign_in(&synthetic::email(17), synthetic::PASSWORD).await;
    assert_eq!(location(&response), "/profile");
    let open: i64 = sqlx::query_scalar("SELECT MIN(id) FROM ideas WHERE id >= $1 AND status = 'open'")
        .bind(made.first_idea_id)
        .fetch_one(&app.db.pool)
        .await
        .expect("an open idea");
    let idea = open.to_string();
    assert!(browser.vote(&idea, true).await.status().is_success());
    assert!(browser.vote(&idea, false).await.status().is_success());

    // The site still makes new rows after the explicit ids (PostgreSQL sequences).
    let newcomer = app
        .create_account(
            "after@example.be",
            "After",
            common::GOOD_PASSWORD,
            agora_app::accounts::model::Role::Member,
        )
        .await;
    assert!(newcomer > made.first_account_id + 199);
}
