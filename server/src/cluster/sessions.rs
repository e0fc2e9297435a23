//! Sessions ended on one server end on all of them. Each server keeps the sessions it
//! served in memory (tower-sessions' `CachingSessionStore` with `MokaStore`), so a
//! sign-out on one server would leave the session alive in the others' memory until it
//! expired. The store that ends a session says so on the channel `agora_sessions`; the
//! other servers drop it from memory, and their next request for it reads the table,
//! where it is gone.
//!
//! (A password change or a deleted account needs nothing of this: every request compares
//! the session with the account's row.)

use agora_app::db::Db;
use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions_moka_store::MokaStore;

pub const CHANNEL: &str = "agora_sessions";

/// A session store whose ended sessions are announced to the other servers (PostgreSQL),
/// around the store that keeps them.
#[derive(Debug, Clone)]
pub struct Announced<S> {
    inner: S,
    /// `None` on SQLite: there are no other servers.
    db: Option<Db>,
}

impl<S> Announced<S> {
    pub fn new(inner: S, db: Option<Db>) -> Announced<S> {
        Announced { inner, db }
    }
}

#[async_trait]
impl<S: SessionStore + Clone> SessionStore for Announced<S> {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        self.inner.create(record).await
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.inner.save(record).await
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        self.inner.load(id).await
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.inner.delete(id).await?;
        if let Some(db) = &self.db {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(id.to_string())
                .execute(&db.pool)
                .await
                .map_err(|e| session_store::Error::Backend(format!("the other servers were not told: {e}")))?;
        }
        Ok(())
    }
}

/// Drops from this server's memory a session another server ended (`payload` is its id).
pub async fn forget(memory: &MokaStore, payload: &str) {
    if let Ok(id) = payload.parse::<Id>() {
        if let Err(e) = memory.delete(&id).await {
            tracing::warn!(error = %e, "a session ended elsewhere could not be forgotten here");
        }
    }
}
