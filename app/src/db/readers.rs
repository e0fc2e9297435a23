//! SQLite's connections for the reads of pages, given back as they are.
//!
//! sqlx's pool pings every connection given back to it, in a task spawned for the
//! purpose, to find one a network or a cancelled statement left broken. A SQLite
//! connection is a thread of this process: the ping is a hop to that thread and back for
//! nothing, paid by every page that reads. Under load (large set, 64 connections) it was
//! a third of a list page's thread switches (4.8 → 3.4 a page) and about a tenth of its
//! CPU (README, **Speed**).
//!
//! So on SQLite, `Db::reader` lends one of these: a pool of its own (deadpool, which
//! lends in the order asked and checks nothing when a connection comes back), opened as
//! needed up to the size of sqlx's pool, with the same settings. A statement dropped
//! half-read (its request cancelled) leaves nothing behind: sqlx's connection thread
//! stops it before it runs the next one. PostgreSQL keeps sqlx's pool and its ping: its
//! connections cross a network and can break.

use deadpool::managed::{self, Metrics, Object, PoolError, RecycleResult};
use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, Connection};
use std::time::Duration;

/// Opens SQLite connections for reading and takes them back unchecked.
#[derive(Debug)]
pub(crate) struct Opener {
    options: AnyConnectOptions,
}

impl managed::Manager for Opener {
    type Type = AnyConnection;
    type Error = sqlx::Error;

    async fn create(&self) -> Result<AnyConnection, sqlx::Error> {
        let mut conn = AnyConnection::connect_with(&self.options).await?;
        super::set_up_sqlite_reader(&mut conn).await?;
        Ok(conn)
    }

    async fn recycle(&self, _conn: &mut AnyConnection, _metrics: &Metrics) -> RecycleResult<sqlx::Error> {
        Ok(())
    }
}

/// The readers' pool.
#[derive(Debug)]
pub(crate) struct Readers(managed::Pool<Opener>);

/// One of the readers, lent until dropped.
pub(crate) type Lent = Object<Opener>;

impl Readers {
    /// Up to `size` connections, each opened when first needed; a request waits at most
    /// `wait` for one, as it would for sqlx's pool.
    pub(crate) fn new(options: AnyConnectOptions, size: u32, wait: Duration) -> Readers {
        let pool = managed::Pool::builder(Opener { options })
            .max_size(size.max(1) as usize)
            .wait_timeout(Some(wait))
            .runtime(deadpool::Runtime::Tokio1)
            .build()
            .expect("a runtime is named, so the pool builds");
        Readers(pool)
    }

    pub(crate) async fn lend(&self) -> Result<Lent, sqlx::Error> {
        self.0.get().await.map_err(|e| match e {
            PoolError::Backend(e) => e,
            PoolError::Closed => sqlx::Error::PoolClosed,
            PoolError::Timeout(_) | PoolError::NoRuntimeSpecified | PoolError::PostCreateHook(_) => {
                sqlx::Error::PoolTimedOut
            }
        })
    }

    /// Closes the connections not lent and refuses to lend more; one lent now is closed
    /// when it comes back.
    pub(crate) async fn close(&self) {
        let idle = self.0.retain(|_, _| false).removed;
        self.0.close();
        for conn in idle {
            if let Err(e) = conn.close().await {
                tracing::warn!(error = %e, "a reading connection did not close cleanly");
            }
        }
    }

    /// Connections open now, lent or not.
    #[cfg(test)]
    pub(crate) fn open(&self) -> usize {
        self.0.status().size
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::{Executor, Row};
    use std::str::FromStr;

    fn readers(url: &str, size: u32) -> Readers {
        sqlx::any::install_default_drivers();
        Readers::new(
            AnyConnectOptions::from_str(url).expect("url"),
            size,
            Duration::from_millis(200),
        )
    }

    #[tokio::test]
    async fn a_connection_given_back_is_lent_again_as_it_was_left() {
        let readers = readers("sqlite::memory:", 1);
        let mut first = readers.lend().await.expect("lend");
        // An in-memory database lives as long as its connection: what was written on the
        // first loan is only there on the second if the same connection came back.
        first
            .execute("CREATE TEMP TABLE kept (n INTEGER)")
            .await
            .expect("create");
        first.execute("INSERT INTO kept VALUES (7)").await.expect("insert");
        drop(first);
        let mut again = readers.lend().await.expect("lend again");
        let row = sqlx::query("SELECT n FROM kept")
            .fetch_one(&mut *again)
            .await
            .expect("select");
        assert_eq!(row.get::<i64, _>(0), 7);
        assert_eq!(readers.open(), 1);
    }

    #[tokio::test]
    async fn readers_are_opened_only_when_needed_and_never_more_than_the_size() {
        let readers = readers("sqlite::memory:", 2);
        assert_eq!(readers.open(), 0);
        let one = readers.lend().await.expect("one");
        let two = readers.lend().await.expect("two");
        assert_eq!(readers.open(), 2);
        assert!(matches!(readers.lend().await, Err(sqlx::Error::PoolTimedOut)));
        drop((one, two));
        assert_eq!(readers.open(), 2);
    }

    #[tokio::test]
    async fn a_reader_gets_the_settings_of_the_pools_connections() {
        let readers = readers("sqlite::memory:", 1);
        let mut conn = readers.lend().await.expect("lend");
        let keys: i64 = sqlx::query("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .expect("pragma")
            .get(0);
        let cache: i64 = sqlx::query("PRAGMA cache_size")
            .fetch_one(&mut *conn)
            .await
            .expect("pragma")
            .get(0);
        assert_eq!((keys, cache), (1, -512));
    }

    #[tokio::test]
    async fn closed_readers_lend_nothing() {
        let readers = readers("sqlite::memory:", 1);
        drop(readers.lend().await.expect("lend"));
        readers.close().await;
        assert!(matches!(readers.lend().await, Err(sqlx::Error::PoolClosed)));
        assert_eq!(readers.open(), 0);
    }
}
