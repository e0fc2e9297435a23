//! Several servers on one PostgreSQL database: what each server must learn from the
//! others, and what only one of them must do.
//!
//! - **Writes elsewhere** (`announce`): each server says on the channel `agora_writes`
//!   when it committed writes, at most every `ANNOUNCE_EVERY`; the others count what they
//!   hear, and their page caches treat it as a write of their own. So an anonymous page
//!   shows a change made on another server within a fraction of a second, not when its
//!   copy expires.
//! - **Periodic tasks** (`leadership`): one server at a time holds a session-level
//!   advisory lock and runs them; when it stops or loses its connection the lock goes
//!   with it, and another server takes it within `TAKE_OVER_EVERY`.
//!
//! On SQLite there is one server: it hears nothing and always leads.

mod announce;
mod leadership;

use agora_app::db::{Db, Engine};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// This server's place among the others.
#[derive(Clone)]
pub struct Cluster {
    leads: Arc<AtomicBool>,
    /// Writes other servers announced, counted as they arrive.
    heard: Arc<AtomicU64>,
}

impl Cluster {
    /// Joins the servers of `database_url` (PostgreSQL), or stands alone (SQLite).
    pub fn join(db: &Db, database_url: &str) -> Cluster {
        let cluster = Cluster {
            leads: Arc::new(AtomicBool::new(db.engine == Engine::Sqlite)),
            heard: Arc::default(),
        };
        if db.engine == Engine::Postgres {
            let me = rand::random::<u64>();
            tokio::spawn(announce::say_when_written(db.clone(), db.writes(), me));
            tokio::spawn(announce::listen(
                db.clone(),
                database_url.to_owned(),
                cluster.heard.clone(),
                me,
            ));
            tokio::spawn(leadership::hold(database_url.to_owned(), cluster.leads.clone()));
        }
        cluster
    }

    /// Whether this server runs the periodic tasks now.
    pub fn leads(&self) -> bool {
        self.leads.load(Ordering::Acquire)
    }

    /// The count of writes announced by the other servers (never goes down).
    pub fn heard(&self) -> Arc<AtomicU64> {
        self.heard.clone()
    }
}
