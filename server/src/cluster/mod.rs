//! Several servers on one PostgreSQL database: what each server must learn from the
//! others, and what only one of them must do.
//!
//! - **Writes elsewhere** (`announce`): each server says on the channel `agora_writes`
//!   when it committed writes, at most every `ANNOUNCE_EVERY`; the others count what they
//!   hear, and their page caches treat it as a write of their own. So an anonymous page
//!   shows a change made on another server within a fraction of a second, not when its
//!   copy expires.
//! - **Sessions ended elsewhere** (`sessions`): a sign-out on one server is announced
//!   on `agora_sessions`, and the others drop the session from their memory.
//! - **Periodic tasks** (`leadership`): one server at a time holds a session-level
//!   advisory lock and runs them; when it stops or loses its connection the lock goes
//!   with it, and another server takes it within `TAKE_OVER_EVERY`.
//!
//! On SQLite there is one server: it hears nothing and always leads.

mod announce;
mod leadership;
pub mod sessions;

use agora_app::db::{Db, Engine};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use tower_sessions_moka_store::MokaStore;

/// This server's place among the others.
#[derive(Clone)]
pub struct Cluster {
    db: Db,
    leads: Arc<AtomicBool>,
    /// Writes other servers announced, counted as they arrive.
    heard: Arc<AtomicU64>,
}

impl Cluster {
    /// Joins the servers of `database_url` (PostgreSQL), or stands alone (SQLite).
    /// `sessions` is this server's memory of sessions, which the others may outdate.
    pub fn join(db: &Db, database_url: &str, sessions: MokaStore) -> Cluster {
        let cluster = Cluster {
            db: db.clone(),
            leads: Arc::new(AtomicBool::new(db.engine == Engine::Sqlite)),
            heard: Arc::default(),
        };
        if db.engine == Engine::Postgres {
            let me = rand::random::<u64>();
            tokio::spawn(announce::say_when_written(db.clone(), db.writes(), me));
            tokio::spawn(announce::listen(announce::Ears {
                db: db.clone(),
                database_url: database_url.to_owned(),
                heard: cluster.heard.clone(),
                sessions,
                me,
            }));
            tokio::spawn(leadership::hold(database_url.to_owned(), cluster.leads.clone()));
        }
        cluster
    }

    /// Whether other servers may share the database (PostgreSQL).
    pub fn has_others(&self) -> bool {
        self.db.engine == Engine::Postgres
    }

    /// The database the servers share.
    pub fn db(&self) -> &Db {
        &self.db
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
