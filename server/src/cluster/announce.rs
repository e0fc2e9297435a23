//! Telling the other servers that this one wrote, and hearing when they did, or when
//! they ended a session.

use super::sessions;
use agora_app::db::Db;
use sqlx::postgres::PgListener;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tower_sessions_moka_store::MokaStore;

const CHANNEL: &str = "agora_writes";
/// Writes committed within this time are announced once: a burst of votes costs the
/// database one notification per server and period, not one per vote.
const ANNOUNCE_EVERY: Duration = Duration::from_millis(50);
/// How long to wait before listening again after the connection was lost.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Announces, for the life of the server, that `writes` moved.
pub async fn say_when_written(db: Db, writes: Arc<AtomicU64>, me: u64) {
    let mut said = writes.load(Ordering::Acquire);
    let mut every = tokio::time::interval(ANNOUNCE_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let me = me.to_string();
    loop {
        every.tick().await;
        let now = writes.load(Ordering::Acquire);
        if now == said {
            continue;
        }
        match sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(&me)
            .execute(&db.pool)
            .await
        {
            Ok(_) => said = now,
            Err(e) => tracing::warn!(error = %e, "the other servers could not be told of a write"),
        }
    }
}

/// What this server hears, and what it keeps that the others can make outdated.
pub struct Ears {
    pub db: Db,
    pub database_url: String,
    /// Counts the writes other servers announce.
    pub heard: Arc<AtomicU64>,
    /// The sessions this server keeps in memory.
    pub sessions: MokaStore,
    pub me: u64,
}

/// Listens, for the life of the server, to what the other servers announce. While the
/// connection is down nothing is heard, so coming back counts as a write: the pages
/// kept meanwhile may be outdated. (A session ended meanwhile stays in memory until it
/// expires: the connection is down for seconds, an outage of the database.)
pub async fn listen(ears: Ears) {
    let Ears {
        db,
        database_url,
        heard,
        sessions,
        me,
    } = ears;
    let me = me.to_string();
    loop {
        match PgListener::connect(&database_url).await {
            Ok(mut listener) => {
                if let Err(e) = listener.listen_all([CHANNEL, sessions::CHANNEL]).await {
                    tracing::warn!(error = %e, "cannot listen for the other servers' writes");
                } else {
                    heard_a_write(&db, &heard);
                    hear(&mut listener, &db, &heard, &sessions, &me).await;
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for the other servers' writes"),
        }
        heard_a_write(&db, &heard);
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

/// What this server keeps from the database is outdated: pages (through `heard`) and
/// the short lists it memorised.
fn heard_a_write(db: &Db, heard: &AtomicU64) {
    heard.fetch_add(1, Ordering::AcqRel);
    db.forget_all();
}

async fn hear(listener: &mut PgListener, db: &Db, heard: &AtomicU64, memory: &MokaStore, me: &str) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) if notification.channel() == sessions::CHANNEL => {
                sessions::forget(memory, notification.payload()).await;
            }
            Ok(Some(notification)) if notification.payload() != me => heard_a_write(db, heard),
            Ok(Some(_)) => {}
            // The connection was lost and will be made again: what was said meanwhile
            // was not heard.
            Ok(None) => heard_a_write(db, heard),
            Err(e) => {
                tracing::warn!(error = %e, "lost the other servers' writes");
                return;
            }
        }
    }
}
