//! Votes counted exactly under concurrency, refused on closed ideas, and trending.

use crate::common::{id_of, location, publish, spawn_app, Engine, TestApp};
use agora_app::accounts::model::Role;
use futures::future::join_all;

on_both_engines!(
    trending_forgets_support_that_left_the_window_when_a_day_passes,
    fifty_concurrent_votes_from_one_account_count_once,
    a_hundred_accounts_vote_and_withdraw_concurrently_and_the_count_stays_exact,
    votes_on_withdrawn_or_missing_ideas_are_refused,
    trending_counts_only_the_support_of_the_last_seven_days,
    an_idea_page_shows_each_reader_whether_they_support_and_follow_it,
);

/// Whether the page's reader supports the idea (the vote button's words) and follows it
/// (the follow button's), as the page is rendered for them.
async fn standing_shown(reader: &crate::common::Browser, path: &str) -> (bool, bool) {
    let (status, html) = reader.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    let supports = html.contains("Withdraw my support");
    assert!(
        supports || html.contains("Support this idea"),
        "a vote button on {path}"
    );
    let follows = html.contains("Stop following");
    assert!(
        follows || html.contains("Follow this idea"),
        "a follow button on {path}"
    );
    (supports, follows)
}

async fn an_idea_page_shows_each_reader_whether_they_support_and_follow_it(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Charging points at every tram stop", "digital-inclusion", "").await;
    let id = id_of(&path);
    let (_, ben) = app.signed_in("ben@example.be", Role::Member).await;
    let (_, carl) = app.signed_in("carl@example.be", Role::Member).await;
    assert_eq!(ben.vote(&id, true).await.status().as_u16(), 200);
    let followed = carl.call("/api/follow", &[("idea_id", &id), ("follow", "true")]).await;
    assert_eq!(followed.status().as_u16(), 200);

    assert_eq!(
        standing_shown(&ana, &path).await,
        (false, true),
        "the author follows their idea"
    );
    assert_eq!(standing_shown(&ben, &path).await, (true, false), "the supporter");
    assert_eq!(standing_shown(&carl, &path).await, (false, true), "the follower");

    assert_eq!(ben.vote(&id, false).await.status().as_u16(), 200);
    assert_eq!(standing_shown(&ben, &path).await, (false, false), "support withdrawn");
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
    let recent: Vec<i64> = sqlx::query_scalar("SELECT recent_votes FROM idea_counters ORDER BY idea_id")
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

async fn vote_count(app: &TestApp, id: &str) -> (i64, i64) {
    let id: i64 = id.parse().expect("id");
    let counter: i64 = sqlx::query_scalar("SELECT vote_count FROM idea_counters WHERE idea_id = $1")
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
            sqlx::query_scalar::<_, i64>("SELECT recent_votes FROM idea_counters WHERE idea_id = $1")
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
