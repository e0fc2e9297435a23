//! Write transactions that arrive together (on SQLite they share one commit, see
//! `agora_app::db::group`): each is acknowledged only once its changes are committed, and
//! one that fails, is rolled back or is abandoned undoes only its own changes.

mod common;

use common::{spawn_app, Engine};
use std::sync::Arc;

on_both_engines!(items_of_a_group_fail_alone_and_are_acknowledged_once_committed);

/// What each concurrent transaction does, by its number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    Commits,
    FailsOnAConstraint,
    RollsBack,
    IsAbandoned,
}

fn fate(i: i64) -> Fate {
    match i % 10 {
        3 => Fate::FailsOnAConstraint,
        7 => Fate::RollsBack,
        9 => Fate::IsAbandoned,
        _ => Fate::Commits,
    }
}

async fn items_of_a_group_fail_alone_and_are_acknowledged_once_committed(engine: Engine) {
    let app = spawn_app(engine).await;
    sqlx::query("CREATE TABLE scratch (k BIGINT PRIMARY KEY, note TEXT NOT NULL)")
        .execute(&app.db.pool)
        .await
        .expect("scratch table");
    let db = Arc::new(app.db.clone());
    let tasks = (0..60).map(|i: i64| {
        let db = db.clone();
        tokio::spawn(async move {
            let mut tx = db.begin_write().await.expect("begin");
            sqlx::query("INSERT INTO scratch (k, note) VALUES ($1, 'first')")
                .bind(i)
                .execute(&mut *tx)
                .await
                .expect("insert");
            match fate(i) {
                Fate::Commits => {
                    tx.commit().await.expect("commit");
                    // Acknowledged: any other connection sees it now.
                    let seen: Option<i64> = sqlx::query_scalar("SELECT k FROM scratch WHERE k = $1")
                        .bind(i)
                        .fetch_optional(&db.pool)
                        .await
                        .expect("read");
                    assert_eq!(seen, Some(i), "committed {i} is visible once acknowledged");
                }
                Fate::FailsOnAConstraint => {
                    let duplicate = sqlx::query("INSERT INTO scratch (k, note) VALUES ($1, 'again')")
                        .bind(i)
                        .execute(&mut *tx)
                        .await;
                    assert!(agora_app::db::is_unique_violation(&duplicate.expect_err("duplicate")));
                    // Dropped after the error, as `?` in the store does.
                    drop(tx);
                }
                Fate::RollsBack => tx.rollback().await.expect("rollback"),
                Fate::IsAbandoned => {
                    // A request cancelled in the middle of its transaction.
                    drop(tx);
                }
            }
        })
    });
    for outcome in futures::future::join_all(tasks).await {
        outcome.expect("task");
    }
    let kept: Vec<i64> = sqlx::query_scalar("SELECT k FROM scratch ORDER BY k")
        .fetch_all(&app.db.pool)
        .await
        .expect("rows");
    let expected: Vec<i64> = (0..60).filter(|i| fate(*i) == Fate::Commits).collect();
    assert_eq!(kept, expected);

    // The writer is free again afterwards.
    let mut tx = app.db.begin_write().await.expect("begin after");
    sqlx::query("INSERT INTO scratch (k, note) VALUES (1000, 'after')")
        .execute(&mut *tx)
        .await
        .expect("insert after");
    tx.commit().await.expect("commit after");
}
