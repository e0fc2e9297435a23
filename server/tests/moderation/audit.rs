//! The audit log: its filters, and that nothing can change it.

use crate::common::{id_of, publish, spawn_app, Browser, Engine};
use agora_app::accounts::model::Role;

on_both_engines!(the_audit_log_filters_by_actor_action_and_date_and_nothing_can_change_it);

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
