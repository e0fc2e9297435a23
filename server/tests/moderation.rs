//! Moderators set ideas' statuses, on SQLite and PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{comment, comment_id, id_of, location, publish, register_business, spawn_app, Browser, Engine, TestApp};
use futures::future::join_all;

on_both_engines!(
    a_moderator_declines_with_a_public_reason_and_followers_are_told,
    only_moderators_set_statuses_and_only_along_allowed_transitions,
    a_blocked_account_reads_but_cannot_post_vote_or_comment,
    each_account_reports_once_and_three_reports_hide_until_a_moderator_decides,
    a_reported_comment_is_hidden_and_its_author_still_reads_why,
    merging_moves_votes_once_and_followers_and_keeps_counts_exact,
    votes_cast_during_a_merge_are_all_counted_on_the_original,
    a_merge_is_refused_into_itself_into_a_closed_idea_and_from_a_decided_one,
    moderators_and_officials_answer_in_public_and_followers_are_told,
    the_queue_lists_new_ideas_oldest_first_and_each_decision_takes_one_out,
    an_organisation_verified_from_the_queue_shows_its_badge,
    the_audit_log_filters_by_actor_action_and_date_and_nothing_can_change_it,
    the_reported_tab_puts_the_most_reported_first_and_every_tab_is_counted,
);

async fn the_reported_tab_puts_the_most_reported_first_and_every_tab_is_counted(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let once = publish(&ana, "Reported once", "internet-use", "").await;
    let twice = publish(&ana, "Reported twice", "internet-use", "").await;
    let posted = comment(&ana, &once, None, "A comment reported once").await;
    let comment = comment_id(&location(&posted));
    register_business(&app).await;
    let reporters = app.crowd(2).await;
    assert_eq!(
        report(&reporters[0], "idea", number(&id_of(&once)), "spam", "").await.0,
        200
    );
    for reporter in &reporters {
        assert_eq!(
            report(reporter, "idea", number(&id_of(&twice)), "off_topic", "")
                .await
                .0,
            200
        );
    }
    assert_eq!(report(&reporters[1], "comment", comment, "offensive", "").await.0, 200);
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    // Ana stops following her idea; what moderators decide about it still reaches her.
    ana.call("/api/follow", &[("idea_id", &id_of(&twice)), ("follow", "false")])
        .await;

    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    let at = |text: &str| queue.find(text).unwrap_or_else(|| panic!("{text} in the queue"));
    assert!(at("Reported twice") < at("Reported once"), "most reported first");
    assert!(queue.contains("A comment reported once"));
    for (tab, expected) in [
        ("New ideas", 2),
        ("Reported", 3),
        ("Hidden", 0),
        ("Organisations", 1),
        ("Blocked accounts", 0),
    ] {
        assert_eq!(tab_count(&queue, tab), expected, "{tab}");
    }

    let declined = moderator
        .call(
            "/api/set_idea_status",
            &[
                ("idea_id", &id_of(&twice)),
                ("status", "declined"),
                ("note", "Not a smart-city idea."),
            ],
        )
        .await;
    assert_eq!(declined.status().as_u16(), 200);
    let told: Vec<String> = sqlx::query_scalar(
        "SELECT status FROM notifications WHERE account_id = $1 AND kind = 'status' AND idea_id = $2",
    )
    .bind(ana_id)
    .bind(number(&id_of(&twice)))
    .fetch_all(&app.db.pool)
    .await
    .expect("notifications");
    assert_eq!(told, ["declined"], "an author hears of decisions without following");
}

/// Reports `target` (`idea` or `comment`) as a hydrated page does; answers status and body.
async fn report(browser: &Browser, target: &str, id: i64, reason: &str, note: &str) -> (u16, String) {
    let id = id.to_string();
    let response = browser
        .call(
            "/api/report",
            &[
                ("target", target),
                ("target_id", &id),
                ("reason", reason),
                ("note", note),
            ],
        )
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn hide(moderator: &Browser, target: &str, id: i64, hidden: bool, reason: &str) -> u16 {
    let (id, hidden) = (id.to_string(), hidden.to_string());
    moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", target),
                ("target_id", &id),
                ("hidden", &hidden),
                ("reason", reason),
            ],
        )
        .await
        .status()
        .as_u16()
}

async fn notified(app: &TestApp, account: i64, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND kind = $2")
        .bind(account)
        .bind(kind)
        .fetch_one(&app.db.pool)
        .await
        .expect("notifications")
}

async fn audited(app: &TestApp, action: &str, target: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND target_id = $2")
        .bind(action)
        .bind(target)
        .fetch_one(&app.db.pool)
        .await
        .expect("audit")
}

/// The count shown on a tab of the queue.
fn tab_count(page: &str, tab: &str) -> i64 {
    let page = page.replace("<!>", "");
    let after = page
        .split_once(&format!(">{tab} <span class=\"count-pill\">"))
        .unwrap_or_else(|| panic!("no tab {tab}"))
        .1;
    after.split('<').next().and_then(|n| n.parse().ok()).expect("a count")
}

fn number(id: &str) -> i64 {
    id.parse().expect("id")
}

async fn each_account_reports_once_and_three_reports_hide_until_a_moderator_decides(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let title = "Cheap watches for every citizen";
    let path = publish(&ana, title, "internet-use", "").await;
    let id = number(&id_of(&path));
    let reporters = app.crowd(3).await;

    assert_eq!(
        report(&ana, "idea", id, "spam", "").await.0,
        403,
        "nobody reports their own idea"
    );
    assert_eq!(
        report(&reporters[0], "idea", id, "other", " ").await.0,
        422,
        "another reason needs words"
    );
    assert_eq!(report(&reporters[0], "idea", id, "boring", "").await.0, 422);
    assert_eq!(report(&app.browser(), "idea", id, "spam", "").await.0, 401);

    let (status, body) = report(&reporters[0], "idea", id, "spam", "").await;
    assert_eq!((status, body.as_str()), (200, "\"received\""));
    let (status, body) = report(&reporters[0], "idea", id, "offensive", "").await;
    assert_eq!(
        (status, body.as_str()),
        (200, "\"already_reported\""),
        "once per account"
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM reports WHERE target_id = $1", id)
            .await,
        1
    );
    assert_eq!(report(&reporters[1], "idea", id, "spam", "").await.0, 200);
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(title), "two reports do not hide it");

    assert_eq!(
        report(&reporters[2], "idea", id, "other", "Selling watches here")
            .await
            .0,
        200
    );
    let hidden = app
        .scalar(
            "SELECT COUNT(*) FROM ideas WHERE id = $1 AND hidden_at IS NOT NULL AND hidden_by IS NULL",
            id,
        )
        .await;
    assert_eq!(hidden, 1, "the third report hides it");
    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 404);
    assert!(!page.contains(title) && page.contains("The moderators have hidden this"));
    let (_, list) = app.browser().get_html("/ideas").await;
    assert!(!list.contains(title), "out of the list");
    assert_eq!(notified(&app, ana_id, "hidden").await, 1);
    let (status, page) = ana.get_html(&path).await;
    assert_eq!(status, 200, "its author still reads it");
    assert!(page.contains("Several members reported it"), "and why");
    assert!(page.contains("2 × Spam or advertising") && page.contains("Selling watches here"));
    assert_eq!(reporters[0].vote(&id.to_string(), true).await.status().as_u16(), 409);
    let follow = reporters[0]
        .call("/api/follow", &[("idea_id", &id.to_string()), ("follow", "true")])
        .await;
    assert_eq!(follow.status().as_u16(), 404, "a hidden idea is not followed");

    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    assert!(queue.contains(title) && queue.contains("3 reports"), "{queue}");
    let (_, queue) = moderator.get_html("/moderation?tab=hidden").await;
    assert!(queue.contains(title));
    assert_eq!(
        hide(&moderator, "idea", id, false, "").await,
        422,
        "restoring says why too"
    );
    let why = "A real offer from a shop in the neighbourhood, not spam.";
    assert_eq!(hide(&moderator, "idea", id, false, why).await, 200, "kept visible");
    let (status, _) = app.browser().get_html(&path).await;
    assert_eq!(status, 200, "visible again");
    assert_eq!(notified(&app, ana_id, "restored").await, 1);
    let (_, news) = ana.get_html("/notifications").await;
    assert!(news.contains(why), "its author reads why");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM reports WHERE target_id = $1 AND resolved_at IS NULL",
            id
        )
        .await,
        0,
        "its reports are decided"
    );
    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    assert!(queue.contains("No reports waiting."));
    assert_eq!(audited(&app, "idea.auto_hide", id).await, 1);
    assert_eq!(audited(&app, "idea.restore", id).await, 1);
    assert_eq!(
        report(&reporters[0], "idea", id, "spam", "").await.1,
        "\"already_reported\"",
        "a decided report is not made again"
    );
}

async fn a_reported_comment_is_hidden_and_its_author_still_reads_why(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Open data on parking", "internet-use", "").await;
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let text = "You are all idiots";
    let posted = comment(&carl, &path, None, text).await;
    let comment = comment_id(&location(&posted));
    for reporter in app.crowd(3).await {
        assert_eq!(report(&reporter, "comment", comment, "offensive", "").await.0, 200);
    }
    let (_, page) = app.browser().get_html(&path).await;
    assert!(!page.contains(text) && page.contains("This comment was hidden by the moderators."));
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains(text) && page.contains("Several members reported it"));
    assert_eq!(notified(&app, carl_id, "hidden").await, 1);

    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, page) = moderator.get_html(&path).await;
    assert!(page.contains(text), "moderators read it");
    assert_eq!(
        hide(&moderator, "comment", comment, true, "").await,
        422,
        "hiding says why"
    );
    assert_eq!(
        hide(&moderator, "comment", comment, true, "Insults are not allowed.").await,
        200
    );
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains("The moderators hid it: Insults are not allowed."));
    assert_eq!(
        notified(&app, carl_id, "hidden").await,
        2,
        "told of the moderator's reason"
    );
    assert_eq!(audited(&app, "comment.hide", comment).await, 1);
    let (_, hidden_tab) = moderator.get_html("/moderation?tab=hidden").await;
    assert!(hidden_tab.contains("Insults are not allowed."));
    let reply = common::comment(&ana, &path, Some(comment), "Please be kind").await;
    assert!(location(&reply).contains("__err"), "no replies to a hidden comment");
    let rewrite = carl
        .call(
            "/api/edit_comment",
            &[("comment_id", &comment.to_string()), ("body", "Sorry")],
        )
        .await;
    assert_eq!(rewrite.status().as_u16(), 404, "a hidden comment is not rewritten");
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains(text), "it stays as the moderators saw it");
}

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
                app.scalar("SELECT vote_count FROM ideas WHERE id = $1", id).await,
                app.scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1", id).await,
                app.scalar(
                    "SELECT CAST(COALESCE(SUM(votes), 0) AS BIGINT) FROM idea_vote_days WHERE idea_id = $1",
                    id,
                )
                .await,
                app.scalar("SELECT recent_votes FROM ideas WHERE id = $1", id).await,
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
        app.scalar("SELECT vote_count FROM ideas WHERE id = $1", number(&original))
            .await,
        accepted
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM votes WHERE idea_id = $1", number(&duplicate))
            .await,
        0
    );
    assert_eq!(
        app.scalar("SELECT vote_count FROM ideas WHERE id = $1", number(&duplicate))
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

async fn moderators_and_officials_answer_in_public_and_followers_are_told(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Digital counter at the town hall", "digital-administration", "").await;
    let id = id_of(&path);
    let (_, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let (_, official) = app.signed_in("olga@example.be", Role::Official).await;
    let respond = |browser: &Browser, note: &str| {
        let (browser, note, id) = (browser.clone(), note.to_owned(), id.clone());
        async move {
            browser
                .call("/api/respond_to_idea", &[("idea_id", &id), ("note", &note)])
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(respond(&carl, "I agree").await, 403, "members comment instead");
    assert_eq!(respond(&official, " ").await, 422, "an answer says something");
    let answer = "The region will open an online counter in 2027.";
    assert_eq!(respond(&official, answer).await, 200);
    let (_, page) = app.browser().get_html(&path).await;
    let shown = page
        .split(">Answer from the government<")
        .nth(1)
        .expect("the answer is shown above the idea");
    assert!(shown.split("</aside>").next().unwrap_or_default().contains(answer));
    assert!(page.contains(">Public answer<"), "and in the history");
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(number(&id))
        .fetch_one(&app.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "open", "the status did not change");
    assert_eq!(notified(&app, ana_id, "response").await, 1);
    let (_, notifications) = ana.get_html("/notifications").await;
    assert!(notifications.contains("answered publicly on"));
    assert_eq!(audited(&app, "idea.response", number(&id)).await, 1);
}

async fn the_queue_lists_new_ideas_oldest_first_and_each_decision_takes_one_out(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let titles = [
        "Solar benches",
        "Air quality sensors",
        "Air sensors everywhere",
        "Buy my product",
    ];
    let mut ids = vec![];
    for title in titles {
        ids.push(id_of(&publish(&ana, title, "internet-use", "").await));
    }
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (status, _) = ana.get_html("/moderation").await;
    assert_eq!(status, 403, "members do not see the queue");
    let (status, _) = app.browser().get_html("/moderation").await;
    assert_eq!(status, 401);

    let (status, queue) = moderator.get_html("/moderation").await;
    assert_eq!(status, 200);
    let positions: Vec<usize> = titles.iter().map(|t| queue.find(t).expect(t)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "oldest first");
    assert_eq!(tab_count(&queue, "New ideas"), 4, "counted");

    let triage = |idea: &str, decision: &str, note: &str, duplicate_of: &str| {
        let fields = [
            ("idea_id", idea.to_owned()),
            ("decision", decision.to_owned()),
            ("note", note.to_owned()),
            ("duplicate_of", duplicate_of.to_owned()),
        ];
        let moderator = &moderator;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            moderator.submit("/moderation", "/api/triage_idea", &fields).await
        }
    };
    let kept = triage(&ids[0], "keep", "", "").await;
    let back = location(&kept);
    assert!(
        back.contains("/moderation") && !back.contains("__err"),
        "back to the queue: {back}"
    );
    let refused = triage(&ids[1], "declined", "", "").await;
    assert!(location(&refused).contains("__err"), "declining says why");
    let (_, queue) = moderator
        .get_html(location(&refused).trim_start_matches(app.base.as_str()))
        .await;
    assert!(queue.contains("This field is required."));
    triage(&ids[1], "under_review", "We ask the environment office.", "").await;
    triage(&ids[2], "duplicate", "", &ids[1]).await;
    triage(&ids[3], "hide", "Advertising.", "").await;

    let (_, queue) = moderator.get_html("/moderation").await;
    assert!(queue.contains("Every idea has been triaged."), "{queue}");
    assert_eq!(tab_count(&queue, "New ideas"), 0);
    assert_eq!(tab_count(&queue, "Hidden"), 1);
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM ideas ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .expect("statuses");
    assert_eq!(statuses, ["open", "under_review", "duplicate", "open"]);
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM ideas WHERE hidden_at IS NOT NULL AND id = $1",
            number(&ids[3])
        )
        .await,
        1
    );
    assert_eq!(notified(&app, ana_id, "hidden").await, 1);
    assert_eq!(notified(&app, ana_id, "status").await, 2, "under review, duplicate");
}

async fn an_organisation_verified_from_the_queue_shows_its_badge(engine: Engine) {
    let app = spawn_app(engine).await;
    let (tram, _) = register_business(&app).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Real-time tram screens", "internet-use", "").await;
    comment(&tram, &path, None, "We can provide the data feed.").await;
    let tram_idea = publish(&tram, "Open tram positions for every app", "internet-use", "").await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, queue) = moderator.get_html("/moderation?tab=organisations").await;
    assert!(
        queue.contains("Tram Data SA") && queue.contains("0403.170.701"),
        "{queue}"
    );
    let tram_id: i64 = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = 'hello@tram.be'")
        .fetch_one(&app.db.pool)
        .await
        .expect("account");
    let (_, page) = app.browser().get_html(&path).await;
    assert!(!page.contains("Business · Verified"));
    let checked = "Found in the Crossroads Bank for Enterprises.";
    let verify = |account: i64, by: &Browser, reason: &'static str| {
        let account = account.to_string();
        let by = by.clone();
        async move {
            by.call(
                "/api/set_organisation_verified",
                &[("account_id", &account), ("verified", "true"), ("reason", reason)],
            )
            .await
            .status()
            .as_u16()
        }
    };
    assert_eq!(verify(tram_id, &ana, checked).await, 403);
    assert_eq!(
        verify(ana_id, &moderator, checked).await,
        400,
        "a resident has no organisation to verify"
    );
    assert_eq!(verify(tram_id, &moderator, "").await, 422, "how it was checked is said");
    assert_eq!(verify(tram_id, &moderator, checked).await, 200);
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains("Business · Verified"), "the badge shows on its comment");
    let (_, page) = app.browser().get_html(&tram_idea).await;
    assert!(page.contains("Business · Verified"), "and on its idea");
    let (_, queue) = moderator.get_html("/moderation?tab=organisations").await;
    assert!(!queue.contains("Tram Data SA"));
    let detail: String =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'account.verify' AND target_id = $1")
            .bind(tram_id)
            .fetch_one(&app.db.pool)
            .await
            .expect("audited once");
    assert_eq!(detail, checked);
}

async fn the_audit_log_filters_by_actor_action_and_date_and_nothing_can_change_it(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = id_of(&publish(&ana, "Noise maps", "internet-use", "").await);
    let (_, mia) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, max) = app.signed_in("max@example.be", Role::Moderator).await;
    let status = |browser: &Browser, to: &str, note: &str| {
        let (browser, to, note, id) = (browser.clone(), to.to_owned(), note.to_owned(), id.clone());
        async move {
            browser
                .call(
                    "/api/set_idea_status",
                    &[("idea_id", &id), ("status", &to), ("note", &note)],
                )
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(status(&mia, "under_review", "Looking into it by Mia").await, 200);
    assert_eq!(status(&max, "open", "Reopened by Max").await, 200);

    let (_, page) = mia
        .get_html("/admin/audit?actor=MIA@example.be&action=idea.status")
        .await;
    assert!(
        page.contains("Looking into it by Mia") && !page.contains("Reopened by Max"),
        "{page}"
    );
    let (_, page) = mia.get_html("/admin/audit?actor=max&action=idea.status").await;
    assert!(page.contains("Reopened by Max") && !page.contains("Looking into it by Mia"));
    let (_, page) = mia.get_html("/admin/audit?action=account.signed_in").await;
    assert!(!page.contains("Reopened by Max") && page.contains("account.signed_in"));
    let today = agora_app::i18n::iso_date(agora_app::db::now_ms());
    let (_, page) = mia
        .get_html(&format!("/admin/audit?action=idea.status&from={today}&to={today}"))
        .await;
    assert!(page.contains("Reopened by Max"));
    let (_, page) = mia.get_html("/admin/audit?action=idea.status&to=2020-01-01").await;
    assert!(page.contains("No entry matches these filters."));
    let (status, _) = ana.get_html("/admin/audit").await;
    assert_eq!(status, 403);

    let update = sqlx::query("UPDATE audit_log SET detail = 'nothing happened'")
        .execute(&app.db.pool)
        .await;
    assert!(update.is_err(), "entries cannot be edited");
    let delete = sqlx::query("DELETE FROM audit_log").execute(&app.db.pool).await;
    assert!(delete.is_err(), "nor deleted");
}

async fn a_blocked_account_reads_but_cannot_post_vote_or_comment(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches in parks", "internet-use", "").await;
    let id = id_of(&path);
    let (spammer_id, spammer) = app.signed_in("spam@example.be", Role::Member).await;
    let own_path = publish(&spammer, "Watches for every bench", "internet-use", "").await;
    let own_idea = id_of(&own_path);
    let own_comment = comment_id(&location(&comment(&spammer, &path, None, "Cheap watches here").await));
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (admin_id, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let block = |account: i64, blocked: &'static str, reason: &'static str| {
        let account = account.to_string();
        let moderator = &moderator;
        async move {
            moderator
                .call(
                    "/api/set_account_blocked",
                    &[("account_id", &account), ("blocked", blocked), ("reason", reason)],
                )
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(block(spammer_id, "true", "").await, 422, "blocking needs a reason");
    assert_eq!(
        block(admin_id, "true", "No").await,
        403,
        "moderators block members only"
    );
    let by_member = ana
        .call(
            "/api/set_account_blocked",
            &[
                ("account_id", &spammer_id.to_string()),
                ("blocked", "true"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(by_member.status().as_u16(), 403);
    let reason = "Advertising in every comment";
    assert_eq!(block(spammer_id, "true", reason).await, 200);
    let (_, queue) = moderator.get_html("/moderation?tab=blocked").await;
    assert_eq!(tab_count(&queue, "Blocked accounts"), 1);
    assert!(queue.contains(reason) && queue.contains("by mia"), "{queue}");
    let (_, profile) = spammer.get_html("/profile").await;
    assert!(profile.contains("A moderator blocked your account") && profile.contains(reason));

    let refused = [
        spammer
            .call(
                "/api/submit_idea",
                &[("title", "Buy now"), ("body", "Cheap"), ("theme", "internet-use")],
            )
            .await,
        spammer.vote(&id, true).await,
        spammer
            .call("/api/post_comment", &[("idea_id", &id), ("body", "Cheap watches")])
            .await,
        spammer
            .call(
                "/api/report",
                &[("target", "idea"), ("target_id", &id), ("reason", "spam"), ("note", "")],
            )
            .await,
        spammer
            .call(
                "/api/edit_idea",
                &[
                    ("idea_id", &own_idea),
                    ("title", "Watches"),
                    ("body", "Cheaper"),
                    ("theme", "internet-use"),
                ],
            )
            .await,
        spammer
            .call(
                "/api/edit_comment",
                &[("comment_id", &own_comment.to_string()), ("body", "Even cheaper")],
            )
            .await,
    ];
    for response in refused {
        assert_eq!(response.status().as_u16(), 403, "{}", response.url());
        assert!(response.text().await.expect("body").contains("blocked"));
    }
    let (status, page) = spammer.get_html(&path).await;
    assert_eq!(status, 200, "reading stays open");
    assert!(
        page.contains("Cheap watches here"),
        "what they wrote stays unless hidden"
    );
    let (status, _) = app.browser().get_html(&own_path).await;
    assert_eq!(status, 200);

    assert_eq!(block(spammer_id, "false", "").await, 422, "unblocking says why too");
    assert_eq!(block(spammer_id, "false", "Promised to stop").await, 200);
    let (_, profile) = spammer.get_html("/profile").await;
    assert!(!profile.contains("A moderator blocked your account"));
    assert_eq!(
        spammer.vote(&id, true).await.status().as_u16(),
        200,
        "unblocked, they take part again"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('account.block', 'account.unblock') AND target_id = $1",
    )
    .bind(spammer_id)
    .fetch_one(&app.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 2);

    // A blocked moderator keeps the role until an admin changes it, not its powers.
    let (moderator_id, max) = app.signed_in("max@example.be", Role::Moderator).await;
    let blocked = admin
        .call(
            "/api/set_account_blocked",
            &[
                ("account_id", &moderator_id.to_string()),
                ("blocked", "true"),
                ("reason", "Hid content without reason"),
            ],
        )
        .await;
    assert_eq!(blocked.status().as_u16(), 200);
    let (status, _) = max.get_html("/moderation").await;
    assert_eq!(status, 403);
    assert_eq!(hide(&max, "idea", number(&id), true, "Because").await, 403);
}

async fn a_moderator_declines_with_a_public_reason_and_followers_are_told(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Drones delivering parcels", "internet-use", "").await;
    let id = id_of(&path);
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    carl.call("/api/follow", &[("idea_id", &id), ("follow", "true")]).await;
    let (mod_id, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;

    let (_, page) = moderator.get_html(&path).await;
    assert!(page.contains(">Change the status<"), "moderators see the panel");
    let (_, page) = carl.get_html(&path).await;
    assert!(!page.contains(">Change the status<"), "members do not");

    let no_reason = moderator
        .call(
            "/api/set_idea_status",
            &[("idea_id", &id), ("status", "declined"), ("note", " ")],
        )
        .await;
    assert_eq!(no_reason.status().as_u16(), 422, "declining needs a reason");
    let reason = "Drones over homes are not allowed by federal rules.";
    let done = moderator
        .submit(
            &path,
            "/api/set_idea_status",
            &[("idea_id", &id), ("status", "declined"), ("note", reason)],
        )
        .await;
    assert_eq!(done.status().as_u16(), 302);
    assert!(location(&done).ends_with("#history-heading"));

    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(&format!(">{reason}<")), "the reason is public");
    let answer = page
        .split(">Answer from the moderators<")
        .nth(1)
        .expect("the answer is shown above the idea");
    let answer = answer.split("</aside>").next().unwrap_or_default();
    assert!(answer.contains(reason) && answer.contains(">Moderator<"), "{answer}");
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "declined");
    for (account, expected) in [(ana_id, 1), (carl_id, 1), (mod_id, 0)] {
        let told: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND kind = 'status'")
                .bind(account)
                .fetch_one(&app.db.pool)
                .await
                .expect("notifications");
        assert_eq!(told, expected, "account {account}");
    }
    let (_, notifications) = ana.get_html("/notifications").await;
    assert!(notifications.contains("The status changed for"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'idea.status' AND actor_id = $1 AND target_id = $2",
    )
    .bind(mod_id)
    .bind(id.parse::<i64>().expect("id"))
    .fetch_one(&app.db.pool)
    .await
    .expect("audit");
    assert_eq!(audited, 1);
    let vote = carl.vote(&id, true).await;
    assert_eq!(vote.status().as_u16(), 409, "a declined idea takes no votes");
}

async fn only_moderators_set_statuses_and_only_along_allowed_transitions(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let id = id_of(&publish(&ana, "Noise sensors", "internet-use", "").await);
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let (_, admin) = app.signed_in("adam@example.be", Role::Admin).await;
    let (_, official) = app.signed_in("olga@example.be", Role::Official).await;
    assert_eq!(set_status(&id, &app.browser(), "under_review").await, 401);
    assert_eq!(set_status(&id, &ana, "under_review").await, 403, "not even the author");
    assert_eq!(set_status(&id, &official, "under_review").await, 403);
    assert_eq!(
        set_status(&id, &moderator, "accepted").await,
        422,
        "accepted comes with a project"
    );
    assert_eq!(
        set_status(&id, &moderator, "duplicate").await,
        422,
        "duplicate comes with a merge"
    );
    assert_eq!(set_status(&id, &moderator, "open").await, 409, "already open");
    assert_eq!(set_status(&id, &moderator, "under_review").await, 200);
    assert_eq!(set_status(&id, &admin, "open").await, 200, "admins moderate too");
    assert_eq!(set_status(&id, &moderator, "declined").await, 200);
    assert_eq!(
        set_status(&id, &moderator, "under_review").await,
        409,
        "a declined idea is reopened first"
    );
    assert_eq!(set_status(&id, &moderator, "open").await, 200);

    let withdrawn = ana.call("/api/withdraw_idea", &[("idea_id", &id)]).await;
    assert_eq!(withdrawn.status().as_u16(), 200);
    assert_eq!(
        set_status(&id, &moderator, "declined").await,
        409,
        "a withdrawn idea cannot be declined"
    );
    assert_eq!(
        moderator
            .call(
                "/api/set_idea_status",
                &[("idea_id", "999999"), ("status", "open"), ("note", "")]
            )
            .await
            .status()
            .as_u16(),
        404
    );
    let history: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idea_status_events WHERE idea_id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("history");
    assert_eq!(history, 6, "created, 4 moderations, withdrawn");
}

/// Asks for a status change as `browser`; answers the HTTP status.
async fn set_status(idea: &str, browser: &common::Browser, to: &str) -> u16 {
    browser
        .call(
            "/api/set_idea_status",
            &[("idea_id", idea), ("status", to), ("note", "Because.")],
        )
        .await
        .status()
        .as_u16()
}
