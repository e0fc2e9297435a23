//! The database: one `AnyPool` for both engines, and the few places where they differ.

mod group;
mod readers;

use group::GroupWriter;
use readers::Readers;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Per-connection settings of SQLite: they do not persist in the file. `synchronous =
/// FULL`: a commit returns once it is on the disk, so an acknowledged write survives a
/// power cut (`NORMAL` may lose the last ones); group commit (`group`) pays for it.
const SQLITE_SETUP: &str = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                            PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";

/// The pool's connections keep 512 KiB of pages each rather than SQLite's 2 MiB: each
/// keeps its own copy of the pages it read, so under load 16 of them held 32 MiB of
/// duplicates of what the kernel's page cache keeps once (the bench's peak memory fell
/// by a fifth, the pages served per second did not change). The writer keeps the
/// default: a group of writes that outgrows its cache spills to the log before commit.
const SQLITE_READER_SETUP: &str = "PRAGMA cache_size = -512;";

/// Gives a SQLite connection that reads (the pool's, the readers') its settings.
async fn set_up_sqlite_reader(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute(SQLITE_SETUP).await?;
    conn.execute(SQLITE_READER_SETUP).await?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// How many connections the pool keeps when the operator does not say.
    ///
    /// SQLite runs inside this process, each connection on a thread of its own with its
    /// own page cache and its own `malloc` arena, and its reads are CPU work: beyond about
    /// two connections per core they add memory, not speed. Measured on the large data set
    /// at 64 connections on two cores: 16 connections peaked at 94 MB on uncached lists
    /// and 141 MB on the costliest search, 4 at 80 and 86 MB, and served as many pages
    /// (README, "Speed"). PostgreSQL's connections are its own processes: more of them
    /// let its backends wait on the disk and on one another in parallel.
    pub fn pool_size(self) -> u32 {
        match self {
            Engine::Sqlite => {
                sqlite_pool_size(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
            }
            Engine::Postgres => 16,
        }
    }

    pub fn from_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }
}

/// Two SQLite connections per core, never fewer than two (see `Engine::pool_size`).
fn sqlite_pool_size(cores: usize) -> u32 {
    u32::try_from(cores.saturating_mul(2)).unwrap_or(u32::MAX).max(2)
}

/// The database and what this server keeps beside it. Every request and server function
/// takes a handle to it, so a handle is one shared pointer: cloning the parts themselves
/// (the pool, two caches, the counters) cost a page a few dozen atomic operations.
#[derive(Clone, Debug)]
pub struct Db(Arc<Shared>);

impl Deref for Db {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

#[derive(Debug)]
pub struct Shared {
    pub pool: AnyPool,
    pub engine: Engine,
    /// SQLite only: one connection that write transactions take in turn, committed in
    /// groups (see `group`). SQLite lets one writer in at a time anyway; waiting here is
    /// first come, first served, whereas pooled connections waiting on the file lock poll
    /// it with growing sleeps and hold connections the readers need meanwhile.
    writer: Option<Arc<GroupWriter>>,
    /// SQLite only: connections for the reads of pages, given back unchecked (`readers`).
    readers: Option<Readers>,
    /// The day up to which this database's trending counters are known to be current
    /// (see `votes::trending`), so that most requests need not ask.
    pub(crate) trending_day: Arc<AtomicI64>,
    /// Write transactions this process committed: what a cache of pages compares to know
    /// whether the data changed since it rendered one.
    writes: Arc<AtomicU64>,
    /// Short lists that change rarely (themes, municipalities), kept by `memo`.
    memos: moka::sync::Cache<&'static str, Arc<dyn std::any::Any + Send + Sync>>,
    /// Rows that many requests read and that change rarely (accounts), kept by `memo_row`.
    rows: moka::sync::Cache<(&'static str, i64), Arc<dyn std::any::Any + Send + Sync>>,
    /// How many times `rows` was emptied: a read that began before one of those times may
    /// have read what was changed since, and is not kept.
    rows_forgotten: Arc<AtomicU64>,
    /// Write transactions begun (or waiting to begin) and not finished: the write queue.
    in_flight: Arc<AtomicI64>,
    /// What stores learnt about their queries, kept by `learn` (a search matching many ideas).
    lessons: moka::sync::Cache<String, ()>,
}

/// Counts one write transaction in `Db::in_flight` from its request to its end.
#[derive(Debug)]
struct InFlight(Arc<AtomicI64>);

impl InFlight {
    fn enter(count: &Arc<AtomicI64>) -> InFlight {
        count.fetch_add(1, Ordering::AcqRel);
        InFlight(count.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// How long a request waits for a connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a memo may be reused: the longest another server's change of a theme goes
/// unseen here when no announcement of it arrives (this server's own changes are seen at
/// once, see `Db::forget`; other servers' when they announce it, see `Db::forget_all`).
const MEMO_TTL: Duration = Duration::from_secs(10);

/// At most this many rows kept by `memo_row` (a few hundred bytes each); each is kept
/// for `MEMO_TTL` only, so this bounds a burst of that many accounts in ten seconds.
const ROWS_KEPT: u64 = 10_000;

/// How long and how many of `learn`'s lessons are kept. A lesson is a hint for choosing
/// how to ask, never an answer, so one that stopped being true costs time, not truth.
const LESSON_TTL: Duration = Duration::from_secs(600);
const LESSONS_KEPT: u64 = 10_000;

/// The tracing target of the event each connection given back to the pool reports.
pub const GIVEN_BACK: &str = "agora::db::given_back";

/// A connection that the reads of one use case share, from `Db::reader`. A statement run
/// on the pool itself borrows a connection and gives it back, and sqlx checks every
/// connection given back with a round trip of its own (for SQLite, a hop to the
/// connection's thread and back, in a task spawned for it): reads on one connection pay
/// that once, and on SQLite not at all (`readers`). Hold it for a few reads, and never
/// ask the pool for another connection meanwhile: with every connection held by a
/// request waiting for a second one, none would come.
pub struct Reader(Lent);

enum Lent {
    /// SQLite: one of the readers, given back unchecked.
    Kept(readers::Lent),
    /// PostgreSQL: a connection of sqlx's pool.
    Pooled(PoolConnection<Any>),
}

impl Deref for Reader {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match &self.0 {
            Lent::Kept(conn) => conn,
            Lent::Pooled(conn) => conn,
        }
    }
}

impl DerefMut for Reader {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.0 {
            Lent::Kept(conn) => conn,
            Lent::Pooled(conn) => conn,
        }
    }
}

/// A transaction that writes, from `Db::begin_write`: the one transaction type of the
/// store. Committing it counts as a change of the data for this server's caches; read
/// and write through it as through a connection (`&mut *tx`).
///
/// On SQLite it is one item of a group that commits together (see `group`): `commit`
/// returns once the group's commit reached the disk.
pub struct WriteTx {
    tx: Tx,
    db: Db,
    /// Set by `forgets_kept_rows`: committing drops what `memo_row` keeps.
    forgets_rows: bool,
    _in_flight: InFlight,
}

enum Tx {
    Pooled(Transaction<'static, Any>),
    Grouped(group::Item),
    /// PostgreSQL, from `Db::begin_one_statement`: the one statement commits by itself.
    OneStatement(PoolConnection<Any>),
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        let db = self.db.clone();
        self.commit_unseen().await?;
        db.writes.fetch_add(1, Ordering::AcqRel);
        Ok(())
    }

    /// Commits a change no page shows (a counter of failed sign-ins, the audit of a
    /// refusal): pages rendered before it stay valid, so refused requests, which write
    /// such things, cannot keep the page cache empty.
    pub async fn commit_unseen(self) -> Result<(), sqlx::Error> {
        match self.tx {
            Tx::Pooled(tx) => tx.commit().await?,
            Tx::Grouped(item) => item.commit().await?,
            Tx::OneStatement(_) => {}
        }
        if self.forgets_rows {
            self.db.forget_rows();
        }
        Ok(())
    }

    /// Committing this transaction changes what `Db::memo_row` keeps (an account's unread
    /// notifications): its rows are forgotten once the change is committed.
    pub fn forgets_kept_rows(&mut self) {
        self.forgets_rows = true;
    }

    /// Undoes what the transaction wrote; for one from `Db::begin_one_statement` on
    /// PostgreSQL there is nothing left to undo (see there).
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self.tx {
            Tx::Pooled(tx) => tx.rollback().await,
            Tx::Grouped(item) => item.rollback().await,
            Tx::OneStatement(_) => Ok(()),
        }
    }

    /// Ends the transaction with `outcome`: committed when the change went through
    /// (`done`), rolled back when it was refused, so nothing is ever half-written.
    pub async fn finish<T>(self, done: bool, outcome: T) -> Result<T, sqlx::Error> {
        if done {
            self.commit().await?;
        } else {
            self.rollback().await?;
        }
        Ok(outcome)
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match &self.tx {
            Tx::Pooled(tx) => tx,
            Tx::Grouped(item) => item.conn_ref(),
            Tx::OneStatement(conn) => conn,
        }
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.tx {
            Tx::Pooled(tx) => tx,
            Tx::Grouped(item) => item.conn(),
            Tx::OneStatement(conn) => conn,
        }
    }
}

impl Db {
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let engine = Engine::from_url(url)
            .ok_or_else(|| sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres:".into()))?;
        let options = AnyConnectOptions::from_str(url)?;
        let pool = Self::pool_options(engine, max_connections)
            .connect_with(options.clone())
            .await?;
        let (writer, readers) = match engine {
            // Lazily: the first write opens the writer, the first reads their readers.
            Engine::Sqlite => (
                Some(Arc::new(GroupWriter::new(options.clone(), SQLITE_SETUP))),
                Some(Readers::new(options, max_connections, ACQUIRE_TIMEOUT)),
            ),
            Engine::Postgres => (None, None),
        };
        Ok(Db(Arc::new(Shared {
            pool,
            engine,
            writer,
            readers,
            trending_day: Arc::new(AtomicI64::new(0)),
            writes: Arc::default(),
            memos: moka::sync::Cache::builder().time_to_live(MEMO_TTL).build(),
            rows: moka::sync::Cache::builder()
                .time_to_live(MEMO_TTL)
                .max_capacity(ROWS_KEPT)
                .build(),
            rows_forgotten: Arc::default(),
            in_flight: Arc::default(),
            lessons: moka::sync::Cache::builder()
                .time_to_live(LESSON_TTL)
                .max_capacity(LESSONS_KEPT)
                .build(),
        })))
    }

    fn pool_options(engine: Engine, max_connections: u32) -> AnyPoolOptions {
        AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            // By default every acquire pings the connection first: one more round trip to
            // PostgreSQL (or hop to SQLite's worker thread) for every statement a page
            // runs. The pool still pings each connection as it comes back, closing a
            // broken one, so after a database restart a request may fail at most once
            // per connection that was idle in the pool.
            .test_before_acquire(false)
            // That ping is paid per connection borrowed, whatever it ran: said here so that
            // `server/tests/queries.rs` holds each page to its count (see `Reader`).
            .after_release(|_conn, _meta| {
                tracing::debug!(target: GIVEN_BACK, "a connection went back to the pool");
                Box::pin(std::future::ready(Ok(true)))
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        set_up_sqlite_reader(conn).await?;
                    }
                    Ok(())
                })
            })
    }

    /// Starts a transaction that will write. On SQLite it runs on the writer connection
    /// and takes the write lock at once, so a transaction that reads first cannot fail
    /// later with "database is locked". Never call it while holding a write transaction
    /// (pass that one down instead): on SQLite the second would wait for the writer the
    /// first holds until the acquire timeout (10 s) fails it.
    pub async fn begin_write(&self) -> Result<WriteTx, sqlx::Error> {
        let in_flight = InFlight::enter(&self.in_flight);
        let tx = match &self.writer {
            Some(writer) => Tx::Grouped(writer.begin().await?),
            None => Tx::Pooled(self.pool.begin().await?),
        };
        Ok(WriteTx {
            tx,
            db: self.clone(),
            forgets_rows: false,
            _in_flight: in_flight,
        })
    }

    /// A write that is exactly one statement, for the hottest writes. On PostgreSQL the
    /// statement is its own transaction: no `BEGIN` and `COMMIT` around it, two round
    /// trips fewer (PostgreSQL votes: about 2,250 a second → 2,750 on their own, see the
    /// README's "Speed"). So `rollback` cannot undo it there: take it only for a statement
    /// that changes nothing when it decides against the change (a vote on a closed idea).
    /// On SQLite, where a round trip costs nothing, it is `begin_write`.
    pub async fn begin_one_statement(&self) -> Result<WriteTx, sqlx::Error> {
        if self.writer.is_some() {
            return self.begin_write().await;
        }
        let in_flight = InFlight::enter(&self.in_flight);
        Ok(WriteTx {
            tx: Tx::OneStatement(self.pool.acquire().await?),
            db: self.clone(),
            forgets_rows: false,
            _in_flight: in_flight,
        })
    }

    /// One connection for the few reads of one use case (see `Reader`).
    pub async fn reader(&self) -> Result<Reader, sqlx::Error> {
        Ok(Reader(match &self.readers {
            Some(readers) => Lent::Kept(readers.lend().await?),
            None => Lent::Pooled(self.pool.acquire().await?),
        }))
    }

    /// What `read` answers, kept under `key` for up to `MEMO_TTL`: for short lists that
    /// nearly every page shows and that change rarely. Whoever changes one calls `forget`.
    pub async fn memo<T, F>(&self, key: &'static str, read: F) -> Result<T, sqlx::Error>
    where
        T: Clone + Send + Sync + 'static,
        F: std::future::Future<Output = Result<T, sqlx::Error>>,
    {
        if let Some(kept) = self.memos.get(key).and_then(|v| v.downcast_ref::<T>().cloned()) {
            return Ok(kept);
        }
        let fresh = read.await?;
        self.memos.insert(key, Arc::new(fresh.clone()));
        Ok(fresh)
    }

    /// Drops what `memo` kept under `key`, after a change of it was committed.
    pub fn forget(&self, key: &'static str) {
        self.memos.invalidate(key);
    }

    /// What `read` answers about the row `id` of `table`, kept for up to `MEMO_TTL`: for
    /// rows that many requests read and that change rarely (the signed-in account). Whoever
    /// changes one calls `forget_rows` once the change is committed; a read that overlapped
    /// that change is answered but not kept, so what is kept is never older than the last
    /// change this server made.
    pub async fn memo_row<T, F>(&self, table: &'static str, id: i64, read: F) -> Result<T, sqlx::Error>
    where
        T: Clone + Send + Sync + 'static,
        F: std::future::Future<Output = Result<T, sqlx::Error>>,
    {
        let key = (table, id);
        if let Some(kept) = self.rows.get(&key).and_then(|v| v.downcast_ref::<T>().cloned()) {
            return Ok(kept);
        }
        let forgotten = self.rows_forgotten.load(Ordering::Acquire);
        let fresh = read.await?;
        if self.rows_forgotten.load(Ordering::Acquire) == forgotten {
            self.rows.insert(key, Arc::new(fresh.clone()));
            // A change committed between the check and the insert: drop what was kept.
            if self.rows_forgotten.load(Ordering::Acquire) != forgotten {
                self.rows.invalidate(&key);
            }
        }
        Ok(fresh)
    }

    /// Drops every row `memo_row` kept, after a change of one was committed (rare: a block,
    /// a role, a password).
    pub fn forget_rows(&self) {
        self.rows_forgotten.fetch_add(1, Ordering::AcqRel);
        self.rows.invalidate_all();
    }

    /// Drops every memo and kept row: another server wrote, perhaps one of them.
    pub fn forget_all(&self) {
        self.memos.invalidate_all();
        self.forget_rows();
    }

    /// Write transactions waiting for their turn or under way now.
    pub fn writes_in_flight(&self) -> i64 {
        self.in_flight.load(Ordering::Acquire)
    }

    /// Keeps `lesson`, something a store learnt about a query at the cost of a statement,
    /// so that the next request can choose how to ask without that statement.
    pub fn learn(&self, lesson: String) {
        self.lessons.insert(lesson, ());
    }

    /// Whether `learn` was told `lesson` lately.
    pub fn knows(&self, lesson: &str) -> bool {
        self.lessons.contains_key(lesson)
    }

    /// The count of write transactions this process committed, shared: it only grows.
    pub fn writes(&self) -> Arc<AtomicU64> {
        self.writes.clone()
    }

    /// Appended to a `SELECT` of rows a write transaction is about to change, so that
    /// concurrent writers of the same rows wait for each other on PostgreSQL (under READ
    /// COMMITTED a plain read would let both decide on the same stale row). SQLite needs
    /// nothing: `BEGIN IMMEDIATE` already lets one writer at a time in.
    ///
    /// `NO KEY UPDATE`, not `UPDATE`: keys never change here, and a plain `FOR UPDATE`
    /// would also make every insert that merely refers to the row (a vote, a comment, a
    /// notification, through their foreign keys) wait, which turns two transactions that
    /// lock an account and an idea in different orders into a deadlock.
    pub fn lock_rows(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite => "",
            Engine::Postgres => " FOR NO KEY UPDATE",
        }
    }

    /// Makes write transactions that name the same `key` take turns until they end. SQLite
    /// needs nothing (`BEGIN IMMEDIATE` lets one writer in at a time); PostgreSQL takes a
    /// transaction-scoped advisory lock on the key's hash.
    pub async fn serialize_on(&self, tx: &mut WriteTx, key: &str) -> Result<(), sqlx::Error> {
        if self.engine == Engine::Postgres {
            sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked")
                .bind(key)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// Closes every connection; on SQLite the last one to close checkpoints the
    /// write-ahead log into the database file.
    pub async fn close(&self) {
        if let Some(readers) = &self.readers {
            readers.close().await;
        }
        if let Some(writer) = &self.writer {
            writer.close().await;
        }
        self.pool.close().await;
    }

    /// Checks that a connection can be made; used by the command line, not by `/healthz`.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        conn.ping().await
    }
}

/// Now, in unix milliseconds (UTC): how every timestamp is stored.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// True for a unique-constraint violation, whichever engine raised it.
pub fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// Any database failure is internal: its cause is logged, never shown.
impl From<sqlx::Error> for crate::error::AppError {
    fn from(e: sqlx::Error) -> Self {
        crate::error::AppError::internal(e)
    }
}

/// Ids bind and read as the integers they are, on either engine.
macro_rules! id_columns {
    ($($id:ty),+) => {
        $(
            impl sqlx::Type<sqlx::Any> for $id {
                fn type_info() -> sqlx::any::AnyTypeInfo {
                    <i64 as sqlx::Type<sqlx::Any>>::type_info()
                }

                fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                    <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
                }
            }

            impl<'q> sqlx::Encode<'q, sqlx::Any> for $id {
                fn encode_by_ref(
                    &self,
                    buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
                ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                    <i64 as sqlx::Encode<'q, sqlx::Any>>::encode_by_ref(&self.get(), buf)
                }
            }

            impl<'r> sqlx::Decode<'r, sqlx::Any> for $id {
                fn decode(value: <sqlx::Any as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                    <i64 as sqlx::Decode<'r, sqlx::Any>>::decode(value).map(Self)
                }
            }
        )+
    };
}

id_columns!(
    crate::ids::AccountId,
    crate::ids::IdeaId,
    crate::ids::ProjectId,
    crate::ids::MilestoneId
);

#[cfg(test)]
mod tests {
    use super::{sqlite_pool_size, Db, Engine};

    #[test]
    fn a_sqlite_pool_holds_two_connections_per_core() {
        assert_eq!(sqlite_pool_size(2), 4);
        assert_eq!(sqlite_pool_size(8), 16);
    }

    #[test]
    fn a_sqlite_pool_on_one_core_still_holds_two_connections() {
        assert_eq!(sqlite_pool_size(1), 2);
    }

    #[test]
    fn a_sqlite_pool_size_does_not_overflow_on_absurd_core_counts() {
        assert_eq!(sqlite_pool_size(usize::MAX), u32::MAX);
    }

    #[test]
    fn a_postgresql_pool_keeps_sixteen_connections() {
        assert_eq!(Engine::Postgres.pool_size(), 16);
    }

    async fn memory_db() -> Db {
        Db::connect("sqlite::memory:", 1).await.expect("in-memory SQLite")
    }

    async fn answer(db: &Db, value: &'static str) -> &'static str {
        db.memo_row("accounts", 7, async { Ok(value) }).await.expect("memo_row")
    }

    #[tokio::test]
    async fn a_kept_row_is_answered_without_reading_it_again() {
        let db = memory_db().await;
        assert_eq!(answer(&db, "first read").await, "first read");
        assert_eq!(answer(&db, "second read").await, "first read");
    }

    #[tokio::test]
    async fn a_row_is_read_again_once_the_rows_are_forgotten() {
        let db = memory_db().await;
        answer(&db, "before the change").await;
        db.forget_rows();
        assert_eq!(answer(&db, "after the change").await, "after the change");
    }

    #[tokio::test]
    async fn rows_are_kept_apart_by_table_and_id() {
        let db = memory_db().await;
        answer(&db, "account 7").await;
        let other = db
            .memo_row("accounts", 8, async { Ok("account 8") })
            .await
            .expect("memo_row");
        assert_eq!(other, "account 8");
    }

    #[tokio::test]
    async fn a_read_during_which_a_change_was_committed_is_answered_but_not_kept() {
        let db = memory_db().await;
        let read_before_the_change = db
            .memo_row("accounts", 7, async {
                db.forget_rows();
                Ok("read before the change")
            })
            .await
            .expect("memo_row");
        assert_eq!(read_before_the_change, "read before the change");
        assert_eq!(answer(&db, "read after it").await, "read after it");
    }

    #[tokio::test]
    async fn a_lesson_is_known_once_learnt_and_no_other_with_it() {
        let db = memory_db().await;
        assert!(!db.knows("search matches many: \"bicycle\"*"));
        db.learn("search matches many: \"bicycle\"*".to_owned());
        assert!(db.knows("search matches many: \"bicycle\"*"));
        assert!(!db.knows("search matches many: \"bicycle\"* AND \"ixelles\"*"));
    }
}
