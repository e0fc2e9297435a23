//! Comments, follows and notifications over plain HTTP, on SQLite and PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use common::{comment, comment_id, id_of, location, publish, register_business, spawn_app, Browser, Engine, TestApp};
use futures::future::join_all;

on_both_engines!(
    a_resident_comments_and_a_business_replies_with_its_badge,
    refused_comments_keep_what_was_typed_and_store_nothing,
    the_author_edits_within_fifteen_minutes_and_a_deleted_comment_keeps_its_replies,
    followers_are_notified_but_never_of_their_own_action,
    opening_a_notification_marks_it_read_and_reading_the_list_does_not,
    long_discussions_are_paged_in_the_order_the_address_asks,
    visitors_may_read_but_not_comment_follow_or_see_notifications,
    followers_commenting_together_all_get_through_and_each_hears_of_the_others,
    one_account_posting_twice_at_once_gets_one_comment_through,
    the_header_counts_news_as_soon_as_it_comes_and_forgets_it_once_read,
    an_idea_nobody_wrote_under_has_an_empty_discussion_and_a_comment_deleted_since_still_shows,
);

async fn followers_commenting_together_all_get_through_and_each_hears_of_the_others(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Shade trees on every square", "transversality", "").await;
    let id = id_of(&path);
    let crowd = app.crowd(12).await;
    let follow = [("idea_id", id.as_str()), ("follow", "true")];
    join_all(crowd.iter().map(|b| b.call("/api/follow", &follow))).await;
    // Every comment notifies the others while they write their own: on PostgreSQL the rows
    // they lock and those their notifications refer to cross.
    let answers = join_all(crowd.iter().enumerate().map(|(i, b)| {
        let body = format!("Comment number {i}");
        let id = id.clone();
        async move {
            b.call("/api/post_comment", &[("idea_id", &id), ("body", &body)])
                .await
                .status()
                .as_u16()
        }
    }))
    .await;
    assert_eq!(answers, vec![200; 12], "no comment is lost to a lock");
    let idea = id.parse::<i64>().expect("id");
    assert_eq!(comment_count(&app, idea).await, 12);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM comments WHERE idea_id = $1", idea).await,
        12
    );
    assert_eq!(unread(&app, ana_id).await, 12, "the author hears of each");
    let heard: Vec<i64> = sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications n JOIN accounts a ON a.id = n.account_id \
         WHERE a.email_normalized LIKE 'crowd%' GROUP BY n.account_id ORDER BY n.account_id",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("notifications");
    assert_eq!(
        heard,
        vec![11; 12],
        "each follower of the eleven others, never of their own"
    );
}

async fn one_account_posting_twice_at_once_gets_one_comment_through(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Drinking fountains", "transversality", "").await;
    let id = id_of(&path);
    let (bram_id, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let answers = join_all((0..5).map(|i| {
        let (bram, id, body) = (&bram, id.clone(), format!("Same thought, sent {i}"));
        async move {
            bram.call("/api/post_comment", &[("idea_id", &id), ("body", &body)])
                .await
        }
    }))
    .await;
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort();
    assert_eq!(
        statuses,
        [200, 429, 429, 429, 429],
        "one comment every ten seconds, even sent together"
    );
    let refused = answers
        .into_iter()
        .find(|r| r.status().as_u16() == 429)
        .expect("a refusal");
    assert!(refused.text().await.expect("body").contains("comment_too_soon"));
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM comments WHERE author_id = $1", bram_id).await,
        1
    );
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    app.scalar(sql, id).await
}

/// What the idea counts: comments and replies, deleted ones not.
async fn comment_count(app: &TestApp, idea: i64) -> i64 {
    scalar(app, "SELECT comment_count FROM ideas WHERE id = $1", idea).await
}

async fn unread(app: &TestApp, account: i64) -> i64 {
    scalar(
        app,
        "SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL",
        account,
    )
    .await
}

async fn newest_notification(app: &TestApp, account: i64) -> i64 {
    scalar(app, "SELECT MAX(id) FROM notifications WHERE account_id = $1", account).await
}

/// Opens notification `id` from the list of notifications, as its link does.
async fn open_notification(browser: &Browser, id: i64) -> reqwest::Response {
    browser
        .submit("/notifications", "/api/open_notification", &[("id", &id.to_string())])
        .await
}

/// A business account, registered through the form (and so signed in).
async fn business(app: &TestApp) -> Browser {
    let (browser, place) = register_business(app).await;
    assert_eq!(place, "/profile");
    browser
}

async fn a_resident_comments_and_a_business_replies_with_its_badge(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Sensors on tram stops", "internet-use", "").await;
    let (bram_id, bram) = app.signed_in("bram@example.be", Role::Member).await;

    let response = comment(&bram, &path, None, "Which data would they collect?").await;
    assert_eq!(response.status().as_u16(), 302);
    let first = location(&response);
    assert!(first.starts_with(&path) && first.contains("#comment-"), "{first}");
    let first = comment_id(&first);

    let tram = business(&app).await;
    let response = comment(
        &tram,
        &path,
        Some(first),
        "Only counts of passengers, nothing personal.",
    )
    .await;
    let reply = comment_id(&location(&response));

    let (status, page) = app.browser().get_html(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains(">Which data would they collect?<"));
    assert!(page.contains(">Only counts of passengers, nothing personal.<"));
    let reply_html = page
        .split(&format!("id=\"comment-{reply}\""))
        .nth(1)
        .expect("the reply is on the page");
    let reply_head = reply_html.split("</p>").next().unwrap_or_default();
    assert!(reply_head.contains("Tram Data SA"), "{reply_head}");
    assert!(reply_head.contains(">Business<"), "the business badge: {reply_head}");
    assert!(page.contains(">2 comments<"));
    assert_eq!(comment_count(&app, id_of(&path).parse().expect("id")).await, 2);
    let parent: Option<i64> = sqlx::query_scalar("SELECT parent_id FROM comments WHERE id = $1")
        .bind(reply)
        .fetch_one(&app.db.pool)
        .await
        .expect("reply");
    assert_eq!(parent, Some(first));

    // The author follows their idea: two comments, two notifications. Bram hears of the reply.
    assert_eq!(unread(&app, ana_id).await, 2);
    assert_eq!(unread(&app, bram_id).await, 1);
    let (_, notifications) = ana.get_html("/notifications").await;
    assert!(notifications.contains("2 unread notifications"));
    assert!(notifications.contains("bram commented on"));
    assert!(notifications.contains("Tram Data commented on"));
    let (_, bram_page) = bram.get_html("/notifications").await;
    assert!(bram_page.contains("Tram Data replied to your comment on"));

    // A newer thread without replies comes first; the older one keeps its reply.
    let response = comment(&ana, &path, None, "Good question, I asked the operator.").await;
    let newer = comment_id(&location(&response));
    let (_, page) = app.browser().get_html(&path).await;
    let at = |id: i64| {
        page.find(&format!("id=\"comment-{id}\""))
            .unwrap_or_else(|| panic!("comment {id} on the page"))
    };
    assert!(
        at(newer) < at(first) && at(first) < at(reply),
        "newest thread first, the reply under its own"
    );
    assert!(page.contains(">3 comments<"));
}

async fn refused_comments_keep_what_was_typed_and_store_nothing(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Open data portal", "internet-use", "").await;
    let id = id_of(&path);

    let too_long = format!("Kept words {}", "x".repeat(2000));
    let response = comment(&ana, &path, None, &too_long).await;
    let back = location(&response);
    assert!(back.contains("__err="), "back to the idea with the reason: {back}");
    let (_, page) = ana.get_html(back.trim_start_matches(&app.base)).await;
    assert!(page.contains("This is too long."));
    assert!(page.contains("Kept words xxx"), "the text is kept");
    assert_eq!(
        page.matches("aria-invalid=\"true\"").count(),
        1,
        "the text area says why"
    );

    let empty = ana.call("/api/post_comment", &[("idea_id", &id), ("body", "  ")]).await;
    assert_eq!(empty.status().as_u16(), 422);
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM comments WHERE idea_id = $1",
            id.parse().expect("id")
        )
        .await,
        0
    );

    let first = comment_id(&location(&comment(&ana, &path, None, "First").await));
    let too_soon = ana
        .call("/api/post_comment", &[("idea_id", &id), ("body", "Second, at once")])
        .await;
    assert_eq!(too_soon.status().as_u16(), 429, "one comment every 10 seconds");

    let (_, dora) = app.signed_in("dora@example.be", Role::Member).await;
    let missing = dora
        .call("/api/post_comment", &[("idea_id", "999999"), ("body", "Hello")])
        .await;
    assert_eq!(missing.status().as_u16(), 404);

    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let refused_reply = bram
        .submit(
            &format!("{path}?reply={first}"),
            "/api/post_comment",
            &[("idea_id", &id), ("parent_id", &first.to_string()), ("body", &too_long)],
        )
        .await;
    let (_, page) = bram
        .get_html(location(&refused_reply).trim_start_matches(&app.base))
        .await;
    let (above, reply_form) = page
        .split_once(&format!("id=\"reply-form-{first}\""))
        .expect("the reply form stays open");
    assert!(
        reply_form.contains("Kept words xxx") && reply_form.contains("This is too long."),
        "the reply form keeps the text and says why"
    );
    assert!(
        !above.contains("This is too long.") && !above.contains("aria-invalid"),
        "the form for a new comment is not the one refused"
    );
    let reply = comment_id(&location(&comment(&bram, &path, Some(first), "A reply").await));
    let (_, carla) = app.signed_in("carla@example.be", Role::Member).await;
    let nested = carla
        .call(
            "/api/post_comment",
            &[("idea_id", &id), ("parent_id", &reply.to_string()), ("body", "Deeper")],
        )
        .await;
    assert_eq!(nested.status().as_u16(), 400, "replies go one level deep");
    let other = publish(&carla, "Another idea", "internet-use", "").await;
    let elsewhere = dora
        .call(
            "/api/post_comment",
            &[
                ("idea_id", &id_of(&other)),
                ("parent_id", &first.to_string()),
                ("body", "Wrong place"),
            ],
        )
        .await;
    assert_eq!(elsewhere.status().as_u16(), 400, "a reply stays on its idea");
    assert_eq!(comment_count(&app, id.parse().expect("id")).await, 2);
}

async fn the_author_edits_within_fifteen_minutes_and_a_deleted_comment_keeps_its_replies(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Shade on playgrounds", "digital-inclusion", "").await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let first = comment_id(&location(&comment(&bram, &path, None, "Trees, not sails").await)).to_string();
    let reply = comment(&ana, &path, Some(first.parse().expect("id")), "Agreed, trees.").await;
    assert_eq!(reply.status().as_u16(), 302);

    let stranger = ana
        .call("/api/edit_comment", &[("comment_id", &first), ("body", "Hijacked")])
        .await;
    assert_eq!(stranger.status().as_u16(), 403, "only the author edits");
    let edited = bram
        .submit(
            &path,
            "/api/edit_comment",
            &[("comment_id", &first), ("body", "Trees rather than sails")],
        )
        .await;
    assert!(location(&edited).ends_with(&format!("#comment-{first}")));
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(">Trees rather than sails<"));
    assert!(page.contains("· edited</span>"), "marked as edited");

    let sixteen_minutes_ago = agora_app::db::now_ms() - 16 * 60 * 1000;
    sqlx::query("UPDATE comments SET created_at = $1 WHERE id = $2")
        .bind(sixteen_minutes_ago)
        .bind(first.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("age the comment");
    let late = bram
        .call("/api/edit_comment", &[("comment_id", &first), ("body", "Too late")])
        .await;
    assert_eq!(late.status().as_u16(), 409, "the edit window is 15 minutes");

    let refused = ana.call("/api/delete_comment", &[("comment_id", &first)]).await;
    assert_eq!(refused.status().as_u16(), 403, "only the author deletes");
    let deleted = bram
        .submit(&path, "/api/delete_comment", &[("comment_id", &first)])
        .await;
    assert_eq!(deleted.status().as_u16(), 302);
    let (_, page) = app.browser().get_html(&path).await;
    assert!(page.contains(">Comment deleted.<"));
    assert!(
        !page.contains("Trees rather than sails"),
        "the text is gone, also from the page data"
    );
    assert!(page.contains(">Agreed, trees.<"), "its reply stays");
    assert!(page.contains(">1 comment<"));
    let again = bram.call("/api/delete_comment", &[("comment_id", &first)]).await;
    assert_eq!(again.status().as_u16(), 404);
}

async fn followers_are_notified_but_never_of_their_own_action(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Free wifi in libraries", "internet-use", "").await;
    let id = id_of(&path);
    let (carl_id, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let (dave_id, dave) = app.signed_in("dave@example.be", Role::Member).await;

    let follow = carl
        .submit(&path, "/api/follow", &[("idea_id", &id), ("follow", "true")])
        .await;
    assert!(location(&follow).ends_with("#follow"));
    let (_, page) = carl.get_html(&path).await;
    assert!(page.contains(">Stop following<"));
    carl.call("/api/follow", &[("idea_id", &id), ("follow", "true")]).await;
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM follows WHERE idea_id = $1",
            id.parse().expect("id")
        )
        .await,
        2,
        "the author and carl, once"
    );

    comment(&dave, &path, None, "Also in swimming pools?").await;
    assert_eq!(unread(&app, ana_id).await, 1);
    assert_eq!(unread(&app, carl_id).await, 1);
    assert_eq!(unread(&app, dave_id).await, 0, "nobody hears of their own comment");

    let unfollow = carl.call("/api/follow", &[("idea_id", &id), ("follow", "false")]).await;
    assert_eq!(unfollow.status().as_u16(), 200);
    comment(&ana, &path, None, "Good point, pools too.").await;
    assert_eq!(unread(&app, carl_id).await, 1, "no more after unfollowing");
    assert_eq!(
        unread(&app, ana_id).await,
        1,
        "the author is not told of their own comment"
    );

    let (_, following) = carl.get_html("/me/following").await;
    assert!(!following.contains(">Free wifi in libraries<"));
    let (_, following) = ana.get_html("/me/following").await;
    assert!(following.contains(">Free wifi in libraries<"));

    let missing = carl
        .call("/api/follow", &[("idea_id", "999999"), ("follow", "true")])
        .await;
    assert_eq!(missing.status().as_u16(), 404);
}

async fn opening_a_notification_marks_it_read_and_reading_the_list_does_not(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches with chargers", "internet-use", "").await;
    let crowd = app.crowd(3).await;
    join_all(crowd.iter().map(|b| comment(b, &path, None, "Yes please"))).await;
    assert_eq!(unread(&app, ana_id).await, 3);

    let (_, page) = ana.get_html("/notifications").await;
    assert!(page.contains("3 unread notifications"));
    let (_, home) = ana.get_html("/").await;
    let header = home.split("</header>").next().unwrap_or_default();
    assert!(
        header.contains("class=\"count-badge\">3<"),
        "the header shows the count: {header}"
    );
    assert_eq!(unread(&app, ana_id).await, 3, "looking at the list changes nothing");

    let newest = newest_notification(&app, ana_id).await;
    let opened = open_notification(&ana, newest).await;
    assert_eq!(location(&opened), format!("{path}#comments"));
    assert_eq!(unread(&app, ana_id).await, 2);

    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let foreign = bram
        .call("/api/open_notification", &[("id", &newest.to_string())])
        .await;
    assert_eq!(
        foreign.status().as_u16(),
        404,
        "another account's notification is not there"
    );

    let all = ana.submit("/notifications", "/api/mark_notifications_read", &[]).await;
    assert_eq!(location(&all), "/notifications");
    assert_eq!(unread(&app, ana_id).await, 0);
    let (_, page) = ana.get_html("/notifications").await;
    assert!(page.contains("Everything is read."));
}

/// The header's unread count is kept in memory with the account (`accounts::store::
/// signed_in`): news and reading must show on the very next page all the same.
async fn the_header_counts_news_as_soon_as_it_comes_and_forgets_it_once_read(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches that face the sun", "transversality", "").await;
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let header = |page: &str| page.split("</header>").next().unwrap_or_default().to_owned();
    let badge = |page: &str, count: u32| header(page).contains(&format!("class=\"count-badge\">{count}<"));
    let no_badge = |page: &str| !header(page).contains("count-badge");
    // Twice, so that the second page is served from what the first kept.
    for _ in 0..2 {
        let (_, page) = ana.get_html("/ideas").await;
        assert!(no_badge(&page), "nothing unread yet");
    }

    let answer = comment(&bram, &path, None, "Near the library, please.").await;
    assert_eq!(answer.status().as_u16(), 302);
    let (_, page) = ana.get_html("/ideas").await;
    assert!(badge(&page, 1), "the comment's news is counted at once");

    let (_, cleo) = app.signed_in("cleo@example.be", Role::Member).await;
    let answer = comment(&cleo, &path, None, "And one by the canal.").await;
    assert_eq!(answer.status().as_u16(), 302);
    let (_, page) = ana.get_html(&path).await;
    assert!(badge(&page, 2), "and the next one");

    let opened = open_notification(&ana, newest_notification(&app, ana_id).await).await;
    assert_eq!(location(&opened), format!("{path}#comments"));
    let (_, page) = ana.get_html("/ideas").await;
    assert!(badge(&page, 1), "opening one counts it read at once");

    let all = ana.submit("/notifications", "/api/mark_notifications_read", &[]).await;
    assert_eq!(location(&all), "/notifications");
    let (_, page) = ana.get_html("/ideas").await;
    assert!(no_badge(&page), "reading them all empties the count at once");
    let (_, page) = bram.get_html("/ideas").await;
    assert!(no_badge(&page), "the commenter was told nothing of his own comments");
}

async fn long_discussions_are_paged_in_the_order_the_address_asks(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Longest thread", "internet-use", "").await;
    let crowd = app.crowd(25).await;
    for (i, browser) in crowd.iter().enumerate() {
        comment(browser, &path, None, &format!("Remark {i:02}")).await;
    }
    let remarks = |page: &str| -> Vec<String> {
        page.match_indices(">Remark ")
            .map(|(at, _)| page[at + 8..at + 10].to_owned())
            .collect()
    };
    let (_, newest) = app.browser().get_html(&path).await;
    let (_, newest2) = app.browser().get_html(&format!("{path}?cpage=2")).await;
    assert_eq!(remarks(&newest).len(), 20);
    assert_eq!(remarks(&newest)[0], "24", "newest first by default");
    assert!(newest.contains("cpage=2"), "a link to the next page");
    let mut all: Vec<String> = remarks(&newest).into_iter().chain(remarks(&newest2)).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25, "every comment once across the pages");

    let (_, oldest) = app.browser().get_html(&format!("{path}?comments=oldest")).await;
    assert_eq!(remarks(&oldest)[0], "00");
    assert!(
        oldest.contains("comments=oldest&amp;cpage=2"),
        "the order stays in the next page's address"
    );
}

async fn visitors_may_read_but_not_comment_follow_or_see_notifications(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Public idea", "internet-use", "").await;
    let id = id_of(&path);
    let visitor = app.browser();
    let (status, page) = visitor.get_html(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains(">Sign in to comment<"));
    let refused = [
        visitor
            .call("/api/post_comment", &[("idea_id", &id), ("body", "Hi")])
            .await,
        visitor
            .call("/api/follow", &[("idea_id", &id), ("follow", "true")])
            .await,
        visitor.call("/api/unread_notifications", &[]).await,
        visitor.call("/api/notifications", &[]).await,
        visitor.call("/api/mark_notifications_read", &[]).await,
        visitor
            .call("/api/edit_comment", &[("comment_id", "1"), ("body", "x")])
            .await,
        visitor.call("/api/delete_comment", &[("comment_id", "1")]).await,
    ];
    for response in refused {
        assert_eq!(response.status().as_u16(), 401, "{}", response.url());
    }
    let (status, _) = visitor.get_html("/notifications").await;
    assert_eq!(status, 401);
    let listed = visitor.call("/api/comments", &[("idea_id", &id)]).await;
    assert_eq!(listed.status().as_u16(), 200, "the discussion is public");
}

async fn an_idea_nobody_wrote_under_has_an_empty_discussion_and_a_comment_deleted_since_still_shows(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "digital-inclusion", "").await;
    let visitor = app.browser();
    // Its page does not read the discussion (`ideas::api::get_idea_page`): every page of
    // it, in either order and with a thread opened, is empty.
    for asked in [
        path.clone(),
        format!("{path}?cpage=3"),
        format!("{path}?comments=oldest&thread=1&rpage=2"),
    ] {
        let (status, html) = visitor.get_html(&asked).await;
        assert_eq!(status, 200, "{asked}");
        assert!(html.contains(">Comments</h2>"), "{asked}: the heading counts none");
        assert!(!html.contains("class=\"comment-thread\""), "{asked}: no thread");
    }

    // Its only comment deleted, the idea counts none, yet someone wrote under it: the
    // discussion is read and shows where the comment was.
    let (_, bram) = app.signed_in("bram@example.be", Role::Member).await;
    let first = comment_id(&location(
        &comment(&bram, &path, None, "A bench every hundred metres").await,
    ))
    .to_string();
    let deleted = bram
        .submit(&path, "/api/delete_comment", &[("comment_id", &first)])
        .await;
    assert_eq!(deleted.status().as_u16(), 302);
    assert_eq!(comment_count(&app, id_of(&path).parse().expect("id")).await, 0);
    let (_, html) = visitor.get_html(&path).await;
    assert!(
        html.contains(">Comment deleted.<"),
        "the deleted comment keeps its place"
    );
    assert!(!html.contains("A bench every hundred metres"));
    assert!(html.contains(">Comments</h2>"));
}
