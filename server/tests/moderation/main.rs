//! Moderators set ideas' statuses, on SQLite and PostgreSQL.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod audit;
mod blocks;
mod merges;
mod queue;
mod reports;
mod statuses;

use common::{Browser, TestApp};

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
