//! SQLite's write transactions, committed in groups.
//!
//! SQLite lets one writer in at a time, and a durable commit waits for the disk: with
//! `synchronous = FULL` every commit syncs the write-ahead log. Write transactions that
//! arrive while another holds the writer therefore share one commit: each runs inside its
//! own savepoint of one open transaction, and hears that it is done only once that
//! transaction committed. One that fails, is rolled back or is abandoned (its request
//! cancelled) returns to its savepoint, so it never undoes the others.
//!
//! The writer is a fair lock around the one connection: write transactions get it in the
//! order they asked. After the first item of a group releases its savepoint, a committer
//! joins the queue; every item already waiting runs before it and commits with it.

use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, Connection, Executor};
use std::sync::Arc;
use tokio::sync::{oneshot, Mutex, OwnedMutexGuard};

/// The outcome of a group's commit, told to each of its items: an error's text only,
/// since one error cannot be handed to several waiters.
type Committed = Result<(), String>;

#[derive(Debug)]
pub(crate) struct GroupWriter {
    options: AnyConnectOptions,
    setup: &'static str,
    shared: Arc<Mutex<Shared>>,
}

#[derive(Default)]
struct Shared {
    /// Opened by the first write; reopened after a failure left its state unknown.
    conn: Option<AnyConnection>,
    /// `BEGIN IMMEDIATE` ran and neither `COMMIT` nor `ROLLBACK` since.
    open: bool,
    /// Items released into the open transaction, waiting for its commit.
    waiting: Vec<oneshot::Sender<Committed>>,
    /// An item was dropped inside its savepoint: the next holder rolls it back first.
    abandoned: bool,
    /// A committer is queued for the open transaction.
    committer_queued: bool,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("open", &self.open)
            .field("waiting", &self.waiting.len())
            .finish_non_exhaustive()
    }
}

const WAIT_FOR_WRITER: std::time::Duration = std::time::Duration::from_secs(10);
const SAVEPOINT: &str = "SAVEPOINT agora_item";
const RELEASE: &str = "RELEASE agora_item";
const ROLLBACK_TO: &str = "ROLLBACK TO agora_item";

impl Shared {
    fn conn(&mut self) -> &mut AnyConnection {
        self.conn
            .as_mut()
            .expect("the writer connection is open while a transaction is")
    }

    /// Rolls back an abandoned item, if any.
    async fn settle(&mut self) -> Result<(), sqlx::Error> {
        if self.abandoned {
            self.abandoned = false;
            let undone = async {
                self.conn().execute(ROLLBACK_TO).await?;
                self.conn().execute(RELEASE).await
            }
            .await;
            if let Err(e) = undone {
                self.fail_all(&e).await;
                return Err(e);
            }
        }
        Ok(())
    }

    /// The transaction is in a state this code cannot tell: undo it, tell every waiting
    /// item that it failed, and start again on a fresh connection.
    async fn fail_all(&mut self, cause: &sqlx::Error) {
        tracing::error!(error = %cause, "a group of write transactions failed");
        if let Some(mut conn) = self.conn.take() {
            let _ = conn.execute("ROLLBACK").await;
            let _ = conn.close().await;
        }
        self.open = false;
        self.abandoned = false;
        for waiter in self.waiting.drain(..) {
            let _ = waiter.send(Err(cause.to_string()));
        }
    }

    /// Makes sure the open transaction ends: queues a committer unless one is queued.
    fn ensure_committer(&mut self, shared: &Arc<Mutex<Shared>>) {
        if (self.open || self.abandoned) && !self.committer_queued {
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                self.committer_queued = true;
                runtime.spawn(commit_group(shared.clone()));
            }
        }
    }
}

/// Commits the open transaction once every item queued before it has run, and tells
/// each of them the outcome. A transaction every item of which was rolled back ends with
/// `ROLLBACK`: there is nothing to keep.
async fn commit_group(shared: Arc<Mutex<Shared>>) {
    let mut guard = shared.lock_owned().await;
    guard.committer_queued = false;
    if guard.settle().await.is_err() || !guard.open {
        return;
    }
    let end = if guard.waiting.is_empty() { "ROLLBACK" } else { "COMMIT" };
    match guard.conn().execute(end).await {
        Ok(_) => {
            guard.open = false;
            for waiter in guard.waiting.drain(..) {
                let _ = waiter.send(Ok(()));
            }
        }
        Err(e) => guard.fail_all(&e).await,
    }
}

impl GroupWriter {
    /// `setup` runs on the connection when it opens (its pragmas).
    pub(crate) fn new(options: AnyConnectOptions, setup: &'static str) -> GroupWriter {
        GroupWriter {
            options,
            setup,
            shared: Arc::default(),
        }
    }

    /// Waits for the writer, then starts an item: the group's transaction if none is
    /// open, and the item's savepoint inside it.
    pub(crate) async fn begin(&self) -> Result<Item, sqlx::Error> {
        // Bounded like a pool's acquire: a caller that already holds the writer (a bug)
        // fails instead of waiting for itself forever.
        let mut guard = tokio::time::timeout(WAIT_FOR_WRITER, self.shared.clone().lock_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?;
        guard.settle().await?;
        if guard.conn.is_none() {
            let mut conn = AnyConnection::connect_with(&self.options).await?;
            conn.execute(self.setup).await?;
            guard.conn = Some(conn);
        }
        let started = async {
            if !guard.open {
                guard.conn().execute("BEGIN IMMEDIATE").await?;
                guard.open = true;
            }
            guard.conn().execute(SAVEPOINT).await
        }
        .await;
        match started {
            Ok(_) => Ok(Item {
                guard: Some(guard),
                shared: self.shared.clone(),
            }),
            // Waiting for another process's write lock ran out: nothing was started.
            Err(e) if !guard.open => Err(e),
            Err(e) => {
                guard.fail_all(&e).await;
                Err(e)
            }
        }
    }

    /// Closes the connection; the transaction of a group never outlives its items, so
    /// none is open here unless a write is under way, which then fails.
    pub(crate) async fn close(&self) {
        let mut guard = self.shared.lock().await;
        if let Some(conn) = guard.conn.take() {
            let _ = conn.close().await;
        }
        guard.open = false;
    }
}

/// One write transaction of a group, holding the writer until it commits or rolls back.
pub(crate) struct Item {
    guard: Option<OwnedMutexGuard<Shared>>,
    shared: Arc<Mutex<Shared>>,
}

impl Item {
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        self.guard
            .as_mut()
            .expect("an item holds the writer until it ends")
            .conn()
    }

    pub(crate) fn conn_ref(&self) -> &AnyConnection {
        self.guard
            .as_ref()
            .and_then(|g| g.conn.as_ref())
            .expect("an item holds the writer until it ends")
    }

    /// Keeps the item's changes in the group and waits until the group committed.
    pub(crate) async fn commit(mut self) -> Result<(), sqlx::Error> {
        let mut guard = self.guard.take().expect("an item ends once");
        if let Err(e) = guard.conn().execute(RELEASE).await {
            guard.abandoned = true;
            guard.ensure_committer(&self.shared);
            return Err(e);
        }
        let (told, committed) = oneshot::channel();
        guard.waiting.push(told);
        guard.ensure_committer(&self.shared);
        drop(guard);
        match committed.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(cause)) => Err(sqlx::Error::Protocol(format!("the group commit failed: {cause}"))),
            Err(_) => Err(sqlx::Error::WorkerCrashed),
        }
    }

    /// Undoes the item's changes; the rest of the group is untouched.
    pub(crate) async fn rollback(mut self) -> Result<(), sqlx::Error> {
        let mut guard = self.guard.take().expect("an item ends once");
        guard.abandoned = true;
        let undone = guard.settle().await;
        guard.ensure_committer(&self.shared);
        undone
    }
}

impl Drop for Item {
    fn drop(&mut self) {
        if let Some(mut guard) = self.guard.take() {
            guard.abandoned = true;
            guard.ensure_committer(&self.shared);
        }
    }
}
