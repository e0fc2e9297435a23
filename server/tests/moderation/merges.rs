//! Merging a duplicate into its original: votes, followers and refusals.

use crate::common::{comment, id_of, location, publish, spawn_app, Engine};
use crate::{audited, notified, number};
use agora_app::accounts::model::Role;
use futures::future::join_all;

on_both_engines!(
    merging_moves_votes_once_and_followers_and_keeps_counts_exact,
    votes_cast_during_a_merge_are_all_counted_on_the_original,
    a_merge_is_refused_into_itself_into_a_closed_idea_and_from_a_decided_one,
);

async fn merging_moves_votes_once_and_followers_and_keeps_counts_exact(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let original_path = publish(&ana, "Free wifi in parks", "internet-use", "").await;
    let original = id_of(&original_path);
    let (ben_id, ben) = app.signed_in("ben@example.be", Role::Member).await;
    let duplicate_path = publish(&ben, "Wifi in every park", "internet-use", "").await;
    let duplicate = id_of(&duplicate_path);
    let voters = app.crowd(3).await;
    for (voter, ideas) in voters
        .iter()
        .zip([&[&original, &duplicate][..], &[&duplicate], &[&original]])
    {
        for idea in ideas {
            assert_eq!(voter.vote(idea, true).await.status().as_u16(), 200);
        }
    }
    let (follower_id, follower) = app.signed_in("fay@example.be", Role::Member).await;
    follower
        .call("/api/follow", &[("idea_id", &duplicate), ("follow", "true")])
        .await;
    let (mod_id, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;

    let merged = moderator
        .submit(
            &duplicate_path,
            "/api/merge_idea",
            &[
                ("idea_id", &duplicate),
                ("duplicate_of", &format!("{}{original_path}", app.base)),
                ("note", "Same idea, one place to support it."),
            ],
        )
        .await;
    assert_eq!(merged.status().as_u16(), 302);
    let count = |id: &str| {
        let id = number(id);
        let app = &app;
        async move {
            (
                app.scalar("SELECT vote_count FROM idea_counters WHERE idea_id = $1", id)
                    .await,
                app.scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1", id).await,
                app.scalar(
                    "SELECT CAST(COALESCE(SUM(votes), 0) AS BIGINT) FROM idea_vote_days WHERE idea_id = $1",
                    id,
                )
                .await,
                app.scalar("SELECT recent_votes FROM idea_counters WHERE idea_id = $1", id)
                    .await,
            )
        }
    };
    assert_eq!(
        count(&original).await,
        (3, 3, 3, 3),
        "the account that supported both counts once"
    );
    assert_eq!(count(&duplicate).await, (0, 0, 0, 0));
    let follows = |account: i64, idea: &str| {
        let app = &app;
        let idea = number(idea);
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM follows WHERE account_id = $1 AND idea_id = $2")
                .bind(account)
                .bind(idea)
                .fetch_one(&app.db.pool)
                .await
                .expect("follows")
        }
    };
    assert_eq!(
        (
            follows(follower_id, &original).await,
            follows(follower_id, &duplicate).await
        ),
        (1, 0)
    );
    assert_eq!(
        follows(ben_id, &original).await,
        1,
        "the duplicate's author follows the original"
    );
    assert_eq!(notified(&app, follower_id, "status").await, 1, "told of the merge");
    assert_eq!(audited(&app, "idea.merge", number(&duplicate)).await, 1);
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'idea.merge' AND actor_id = $1")
            .bind(mod_id)
            .fetch_one(&app.db.pool)
            .await
            .expect("audit detail");
    // One vote moved; the other came from an account that supported both. The followers
    // are the duplicate's author and one reader.
    assert!(detail.contains("votes moved: 1, followers moved: 2"), "{detail}");

    let (_, page) = app.browser().get_html(&duplicate_path).await;
    assert!(page.contains("Merged into:") && page.contains(&format!("href=\"{original_path}\"")));
    assert_eq!(
        voters[1].vote(&duplicate, true).await.status().as_u16(),
        409,
        "a duplicate takes no votes"
    );
    let again = comment(&voters[1], &duplicate_path, None, "Still here?").await;
    assert!(location(&again).contains("__err"), "nor comments");
    assert_eq!(
        voters[1].vote(&original, false).await.status().as_u16(),
        200,
        "moved votes are real votes"
    );
    assert_eq!(count(&original).await.0, 2);
}

async fn votes_cast_during_a_merge_are_all_counted_on_the_original(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let original = id_of(&publish(&ana, "Bike lanes", "internet-use", "").await);
    let duplicate = id_of(&publish(&ana, "More bike lanes", "internet-use", "").await);
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let crowd = app.crowd(40).await;
    let votes = crowd.iter().enumerate().map(|(i, voter)| {
        let idea = if i % 2 == 0 { &original } else { &duplicate };
        async move { (i, voter.vote(idea, true).await.status().as_u16()) }
    });
    let merge = async {
        moderator
            .call(
                "/api/merge_idea",
                &[("idea_id", &duplicate), ("duplicate_of", &original), ("note", "")],
            )
            .await
            .status()
            .as_u16()
    };
    let (outcomes, merged) = futures::join!(join_all(votes), merge);
    assert_eq!(merged, 200);
    let mut accepted = 0;
    for (i, status) in outcomes {
        match status {
            200 => accepted += 1,
            409 => assert_eq!(i % 2, 1, "only votes on the duplicate after the merge are refused"),
            other => panic!("vote {i} answered {other}"),
        }
    }
    let on_original = app
        .scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1", number(&original))
        .await;
    assert_eq!(on_original, accepted, "every accepted vote is on the original");
    assert_eq!(
        app.scalar(
            "SELECT vote_count FROM idea_counters WHERE idea_id = $1",
            number(&original)
        )
        .await,
        accepted
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1", number(&duplicate))
            .await,
        0
    );
    assert_eq!(
        app.scalar(
            "SELECT vote_count FROM idea_counters WHERE idea_id = $1",
            number(&duplicate)
        )
        .await,
        0
    );
}

async fn a_merge_is_refused_into_itself_into_a_closed_idea_and_from_a_decided_one(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let open = id_of(&publish(&ana, "Smart bins", "internet-use", "").await);
    let other = id_of(&publish(&ana, "Smarter bins", "internet-use", "").await);
    let withdrawn = id_of(&publish(&ana, "Bins that talk", "internet-use", "").await);
    ana.call("/api/withdraw_idea", &[("idea_id", &withdrawn)]).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let merge = |idea: String, into: String| {
        let moderator = &moderator;
        async move {
            let response = moderator
                .call(
                    "/api/merge_idea",
                    &[("idea_id", &idea), ("duplicate_of", &into), ("note", "")],
                )
                .await;
            (response.status().as_u16(), response.text().await.expect("body"))
        }
    };
    let (status, body) = merge(open.clone(), open.clone()).await;
    assert_eq!(status, 422);
    assert!(body.contains("same_idea"), "{body}");
    let (status, body) = merge(open.clone(), withdrawn.clone()).await;
    assert_eq!(status, 422);
    assert!(body.contains("original_closed"), "{body}");
    let (status, body) = merge(open.clone(), "the other one".into()).await;
    assert_eq!(status, 422);
    assert!(body.contains("unknown_choice"), "{body}");
    assert_eq!(
        merge(withdrawn.clone(), open.clone()).await.0,
        409,
        "a withdrawn idea is not merged"
    );
    let declined = moderator
        .call(
            "/api/set_idea_status",
            &[("idea_id", &other), ("status", "declined"), ("note", "Out of scope.")],
        )
        .await;
    assert_eq!(declined.status().as_u16(), 200);
    assert_eq!(
        merge(other.clone(), open.clone()).await.0,
        409,
        "a declined idea is reopened first"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM ideas WHERE status = 'duplicate' AND id > $1", 0)
            .await,
        0,
        "nothing was merged"
    );
    assert_eq!(
        app.browser()
            .call(
                "/api/merge_idea",
                &[("idea_id", &open), ("duplicate_of", &other), ("note", "")]
            )
            .await
            .status()
            .as_u16(),
        401
    );
}
