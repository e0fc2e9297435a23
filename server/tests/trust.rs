//! What must be earned or kept: reports hide only when trusted accounts make them,
//! blocked accounts change nothing, notifications keep what they said and show nothing
//! that is hidden since, searches and threads cost a bounded amount, and refusals cannot
//! flood the audit log. Every case runs on SQLite and on PostgreSQL.

mod common;

use agora_app::accounts::model::Role;
use agora_server::config::Tuning;
use common::{comment, comment_id, id_of, location, publish, spawn_app, spawn_configured, Browser, Engine, TestApp};

on_both_engines!(
    reports_from_new_or_blocked_accounts_do_not_hide_anything,
    an_item_a_moderator_kept_needs_more_and_later_reports,
    a_blocked_account_cannot_withdraw_delete_or_edit,
    notifications_keep_their_title_and_show_nothing_hidden_since,
    no_search_answers_with_a_server_error,
    a_long_thread_shows_its_latest_replies_and_pages_through_them,
    refused_calls_are_audited_once_a_minute_with_a_count,
);

async fn report(browser: &Browser, target: &str, id: &str) -> u16 {
    browser
        .call(
            "/api/report",
            &[("target", target), ("target_id", id), ("reason", "spam"), ("note", "")],
        )
        .await
        .status()
        .as_u16()
}

async fn hidden(app: &TestApp, idea: &str) -> bool {
    let at: Option<i64> = sqlx::query_scalar("SELECT hidden_at FROM ideas WHERE id = $1")
        .bind(idea.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("idea");
    at.is_some()
}

/// Moves accounts, and the reports they made, `days` into the past: as if `days` had
/// passed since.
async fn age(app: &TestApp, ids: &[i64], days: i64) {
    for id in ids {
        for sql in [
            "UPDATE accounts SET created_at = created_at - $1 WHERE id = $2",
            "UPDATE reports SET created_at = created_at - $1 WHERE reporter_id = $2",
        ] {
            sqlx::query(sql)
                .bind(days * 24 * 60 * 60 * 1000)
                .bind(id)
                .execute(&app.db.pool)
                .await
                .expect("age");
        }
    }
}

async fn reporters(app: &TestApp, n: usize, from: usize) -> Vec<(i64, Browser)> {
    let mut out = vec![];
    for i in from..from + n {
        out.push(app.signed_in(&format!("reporter{i}@example.be"), Role::Member).await);
    }
    out
}

async fn reports_from_new_or_blocked_accounts_do_not_hide_anything(engine: Engine) {
    let app = spawn_configured(engine, &Tuning::default(), |c| c.report_min_account_age_hours = 72).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let idea = id_of(&path);
    let fresh = reporters(&app, 3, 0).await;
    for (_, reporter) in &fresh {
        assert_eq!(report(reporter, "idea", &idea).await, 200);
    }
    assert!(!hidden(&app, &idea).await, "accounts made a moment ago hide nothing");
    let (_, queue) = moderator.get_html("/moderation?tab=reported").await;
    assert!(queue.contains("Benches along the canal"), "moderators see every report");
    let fresh_ids: Vec<i64> = fresh.iter().map(|(id, _)| *id).collect();
    // Days pass: those accounts are old now, but were new when they reported.
    age(&app, &fresh_ids, 4).await;

    let old = reporters(&app, 5, 3).await;
    let old_ids: Vec<i64> = old.iter().map(|(id, _)| *id).collect();
    age(&app, &old_ids, 4).await;
    for (_, reporter) in &old[..2] {
        assert_eq!(report(reporter, "idea", &idea).await, 200);
    }
    for blocked in &old_ids[..2] {
        sqlx::query("UPDATE accounts SET blocked_at = $1, blocked_reason = 'Spam' WHERE id = $2")
            .bind(agora_app::db::now_ms())
            .bind(blocked)
            .execute(&app.db.pool)
            .await
            .expect("block");
    }
    assert_eq!(report(&old[2].1, "idea", &idea).await, 200);
    assert!(
        !hidden(&app, &idea).await,
        "three old accounts reported, but two were blocked since: one report counts"
    );
    assert_eq!(report(&old[3].1, "idea", &idea).await, 200);
    assert!(!hidden(&app, &idea).await);
    assert_eq!(report(&old[4].1, "idea", &idea).await, 200);
    assert!(hidden(&app, &idea).await, "three trusted accounts hide it");
}

async fn an_item_a_moderator_kept_needs_more_and_later_reports(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let placed = location(&comment(&ana, &path, None, "They could face the water.").await);
    let id = comment_id(&placed).to_string();
    let wave = reporters(&app, 9, 0).await;
    for (_, reporter) in &wave[..3] {
        report(reporter, "comment", &id).await;
    }
    let comment_hidden = || async {
        sqlx::query_scalar::<_, Option<i64>>("SELECT hidden_at FROM comments WHERE id = $1")
            .bind(id.parse::<i64>().expect("id"))
            .fetch_one(&app.db.pool)
            .await
            .expect("comment")
            .is_some()
    };
    assert!(comment_hidden().await, "three reports hide a comment nobody decided on");
    let restored = moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", "comment"),
                ("target_id", &id),
                ("hidden", "false"),
                ("reason", "Nothing wrong with it"),
            ],
        )
        .await;
    assert_eq!(restored.status().as_u16(), 200);
    assert!(!comment_hidden().await);
    for (_, reporter) in &wave[..3] {
        report(reporter, "comment", &id).await;
    }
    assert!(!comment_hidden().await, "the same wave cannot report again");
    for (_, reporter) in &wave[3..8] {
        report(reporter, "comment", &id).await;
    }
    assert!(
        !comment_hidden().await,
        "five later reports are not enough once a moderator kept it"
    );
    report(&wave[8].1, "comment", &id).await;
    assert!(
        comment_hidden().await,
        "twice the threshold of later reports hides it again"
    );
}

async fn a_blocked_account_cannot_withdraw_delete_or_edit(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let idea = id_of(&path);
    let own = comment_id(&location(&comment(&ana, &path, None, "Facing the water.").await)).to_string();
    let blocked = moderator
        .call(
            "/api/set_account_blocked",
            &[
                ("account_id", &ana_id.to_string()),
                ("blocked", "true"),
                ("reason", "Spam"),
            ],
        )
        .await;
    assert_eq!(blocked.status().as_u16(), 200);
    let withdraw = ana.call("/api/withdraw_idea", &[("idea_id", &idea)]).await;
    assert_eq!(withdraw.status().as_u16(), 403);
    assert!(withdraw.text().await.expect("body").contains("blocked"));
    let delete = ana.call("/api/delete_comment", &[("comment_id", &own)]).await;
    assert_eq!(delete.status().as_u16(), 403);
    let edit = ana
        .call("/api/edit_comment", &[("comment_id", &own), ("body", "Changed")])
        .await;
    assert_eq!(edit.status().as_u16(), 403);
    let status: String = sqlx::query_scalar("SELECT status FROM ideas WHERE id = $1")
        .bind(idea.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("idea");
    assert_eq!(status, "open");
    let body: String = sqlx::query_scalar("SELECT body FROM comments WHERE id = $1")
        .bind(own.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("comment");
    assert_eq!(body, "Facing the water.", "what it wrote stays as it was");
}

async fn notifications_keep_their_title_and_show_nothing_hidden_since(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let (_, bob) = app.signed_in("bob@example.be", Role::Member).await;
    let (_, carl) = app.signed_in("carl@example.be", Role::Member).await;
    let (_, moderator) = app.signed_in("mia@example.be", Role::Moderator).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let idea = id_of(&path);
    let follows = carl
        .call("/api/follow", &[("idea_id", &idea), ("follow", "true")])
        .await;
    assert_eq!(follows.status().as_u16(), 200);
    comment(&bob, &path, None, "Yes, with shade.").await;

    sqlx::query("UPDATE ideas SET title = 'Something else entirely' WHERE id = $1")
        .bind(idea.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("rename");
    for reader in [&ana, &carl] {
        let (_, page) = reader.get_html("/notifications").await;
        assert!(
            page.contains("Benches along the canal"),
            "the title as it was announced"
        );
        assert!(!page.contains("Something else entirely"));
    }

    let hid = moderator
        .call(
            "/api/set_hidden",
            &[
                ("target", "idea"),
                ("target_id", &idea),
                ("hidden", "true"),
                ("reason", "Advertising"),
            ],
        )
        .await;
    assert_eq!(hid.status().as_u16(), 200);
    let (_, page) = carl.get_html("/notifications").await;
    assert!(!page.contains("Benches along the canal"), "nothing of a hidden idea");
    assert!(!page.contains("bob"), "nor who wrote on it");
    assert!(page.contains("News about a contribution that the moderators have hidden since."));
    let (_, page) = ana.get_html("/notifications").await;
    assert!(
        page.contains("Benches along the canal"),
        "its author still reads about it"
    );
}

async fn no_search_answers_with_a_server_error(engine: Engine) {
    let app = spawn_app(engine).await;
    let (_, ana) = app.signed_in("ana@example.be", Role::Member).await;
    publish(&ana, "Benches along the canal", "human-capital", "").await;
    let odd = [
        "ʼ",
        "ʼʼ",
        "⑴",
        "⑴ canal",
        "a'b",
        "'",
        "''",
        "\\",
        "\\\\",
        "(",
        "((",
        ")",
        "!",
        "&",
        "|",
        "<->",
        ":*",
        "*",
        "a:*b",
        "ﬁ",
        "ǅ",
        "Ǆ",
        "ß",
        "İ",
        "ﬀ",
        "½",
        "²",
        "ⅷ",
        "٣",
        "١٢٣",
        "𝔘𝔫𝔦",
        "e\u{301}",
        "\u{200b}",
        "\u{feff}",
        "\u{0}",
        "NEAR",
        "AND OR NOT",
        "\"",
        "\"canal",
        "canal\"*",
        "%",
        "_",
        "$1",
        "'; DROP TABLE ideas; --",
        "🙂",
        "ऄ",
        "ß*",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    ];
    let browser = app.browser();
    for q in odd {
        let url = format!("/ideas?q={}", form_urlencoded_component(q));
        let (status, _) = browser.get_html(&url).await;
        assert_eq!(status, 200, "{q:?}");
    }
    let long = "x".repeat(10_000);
    assert_eq!(browser.get_html(&format!("/ideas?q={long}")).await.0, 200);
    let (_, page) = browser.get_html("/ideas?q=can").await;
    assert!(
        page.contains("Benches along the canal"),
        "three letters are the start of a word"
    );
    let (_, page) = browser.get_html("/ideas?q=ca").await;
    assert!(
        !page.contains("Benches along the canal"),
        "two letters are a whole word only"
    );
    let (_, page) = browser.get_html("/ideas?q=%E2%91%B4+canal").await;
    assert!(!page.contains("Benches along the canal"), "every word must match");
    let (_, page) = browser.get_html("/ideas?q=%CA%BC+canal").await;
    assert!(
        !page.contains("Benches along the canal"),
        "a word that leaves nothing to search for matches nothing, on both engines"
    );
}

fn form_urlencoded_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn a_long_thread_shows_its_latest_replies_and_pages_through_them(engine: Engine) {
    let app = spawn_app(engine).await;
    let (ana_id, ana) = app.signed_in("ana@example.be", Role::Member).await;
    let path = publish(&ana, "Benches along the canal", "human-capital", "").await;
    let idea: i64 = id_of(&path).parse().expect("id");
    let thread = comment_id(&location(&comment(&ana, &path, None, "Where exactly?").await));
    for n in 0..60i64 {
        sqlx::query(
            "INSERT INTO comments (idea_id, parent_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(idea)
        .bind(thread)
        .bind(ana_id)
        .bind(format!("Reply number {n:02}."))
        .bind(agora_app::db::now_ms() + n)
        .execute(&app.db.pool)
        .await
        .expect("reply");
    }
    sqlx::query("UPDATE comments SET reply_count = 60 WHERE id = $1")
        .bind(thread)
        .execute(&app.db.pool)
        .await
        .expect("count");
    let reader = app.browser();
    let shown = |page: &str| {
        (0..60)
            .filter(|n| page.contains(&format!("Reply number {n:02}.")))
            .collect::<Vec<_>>()
    };
    let (_, page) = reader.get_html(&path).await;
    assert_eq!(shown(&page), (50..60).collect::<Vec<_>>(), "the latest ten replies");
    assert!(page.contains("Show all 60 replies"));
    let opened = format!("{path}?thread={thread}");
    assert!(page.contains(&opened), "a link opens the thread");
    let (_, page) = reader.get_html(&opened).await;
    assert_eq!(
        shown(&page),
        (0..50).collect::<Vec<_>>(),
        "the first page of all replies"
    );
    assert!(
        page.contains(&format!("thread={thread}&amp;rpage=2")),
        "a link to the next page"
    );
    let (_, page) = reader.get_html(&format!("{opened}&rpage=2")).await;
    assert_eq!(shown(&page), (50..60).collect::<Vec<_>>());
    assert!(page.contains("Earlier replies") && !page.contains("Later replies"));
    let (status, _) = reader.get_html(&format!("{opened}&rpage=100000")).await;
    assert_eq!(status, 404, "pages beyond any thread are refused");
}

async fn refused_calls_are_audited_once_a_minute_with_a_count(engine: Engine) {
    let app = spawn_app(engine).await;
    let (member_id, member) = app.signed_in("mo@example.be", Role::Member).await;
    for _ in 0..25 {
        let refused = member
            .call("/api/admin/set_role", &[("account_id", "1"), ("role", "admin")])
            .await;
        assert_eq!(refused.status().as_u16(), 403);
    }
    // Refusals are audited off the request: wait until all 25 are counted.
    let mut entries = vec![];
    for _ in 0..100 {
        entries = sqlx::query_as::<_, (i64, i64)>(
            "SELECT id, repeats FROM audit_log WHERE actor_id = $1 AND action = 'authz.refused'",
        )
        .bind(member_id)
        .fetch_all(&app.db.pool)
        .await
        .expect("entries");
        if entries.iter().map(|(_, n)| n).sum::<i64>() >= 25 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(entries.len(), 1, "one entry: {entries:?}");
    assert_eq!(entries[0].1, 25, "counting every refusal");
    let lowered = sqlx::query("UPDATE audit_log SET repeats = 1 WHERE id = $1")
        .bind(entries[0].0)
        .execute(&app.db.pool)
        .await;
    assert!(lowered.is_err(), "the count only grows");
}
