//! A large synthetic data set for load tests: `agora-server demo --synthetic`.
//!
//! Accounts `synthetic-{n}@example.invalid` (n from 1) of the three kinds, all sharing one
//! argon2 hash of [`PASSWORD`]; ideas across every active theme, the 19 municipalities and
//! the three languages, with titles and descriptions combined from word lists and dates
//! over the last twelve months; and votes, distinct (idea, account) pairs whose number per
//! idea follows a Zipf-like law (the most popular ideas get thousands), dated between the
//! idea's publication and now, some in the last seven days.
//!
//! Everything is written in ONE transaction with multi-row INSERTs: either the whole data
//! set is there or none of it. Running it again refuses (an error, nothing written) when
//! `synthetic-1@example.invalid` exists: use a fresh database. Other data in the database
//! (the small demo, real accounts) is left alone; the synthetic rows take the ids after
//! the largest existing ones.
//!
//! Counters are exact when the transaction commits: each idea is inserted with the number
//! of votes planned for it, which is the number of vote rows inserted for it; the per-day
//! counters of "trending" are rebuilt from the vote rows with the same statement as the
//! backfill of migration 0003; and both are checked against the `votes` table in SQL
//! before the commit (a mismatch rolls everything back).
//!
//! The same seed gives the same data set (dates are relative to the time of the run).

mod insert;
mod plan;
mod words;

use agora_app::accounts::model::Password;
use agora_app::accounts::password;
use agora_app::db::{now_ms, Db, Engine};
use agora_app::votes::trending;
use anyhow::bail;
use insert::{insert_all, PlannedCounters, ACCOUNTS, COUNTERS, IDEAS, STATUS_EVENTS, VOTES};
use rand::rngs::StdRng;
use rand::SeedableRng;
use std::time::Instant;

pub use words::SEARCH_WORD;

/// Every synthetic account signs in with this passphrase.
pub const PASSWORD: &str = "synthetic crowd passphrase for Agora load tests";

/// The email of synthetic account `n` (1-based).
pub fn email(n: u64) -> String {
    format!("synthetic-{n}@example.invalid")
}

#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub accounts: u64,
    pub ideas: u64,
    pub votes: u64,
    /// The same seed makes the same data set.
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub accounts: u64,
    pub ideas: u64,
    pub votes: u64,
    /// Rows written to `idea_vote_days`.
    pub vote_days: u64,
    pub first_account_id: i64,
    pub first_idea_id: i64,
}

/// Bound parameters per statement, well below PostgreSQL's limit of 65,535.
const MAX_PARAMS_POSTGRES: usize = 30_000;
/// SQLite allows 32,766, but binding `$n` parameters costs time in proportion to their
/// number (sqlx looks each one's name up, and SQLite finds a name by a linear search):
/// statements of 12,000 parameters spent three quarters of the load there. From 100 to
/// 300 parameters the load is fastest (fewer statements gain nothing past that).
const MAX_PARAMS_SQLITE: usize = 300;

/// Generates the data set described in the module documentation.
pub async fn generate(db: &Db, sizes: Sizes) -> anyhow::Result<Generated> {
    if sizes.accounts == 0 {
        bail!("--accounts must be at least 1");
    }
    if sizes.accounts > u64::from(u32::MAX) || sizes.ideas > u64::from(u32::MAX) {
        bail!("at most {} accounts and ideas", u32::MAX);
    }
    if sizes.votes > sizes.accounts.saturating_mul(sizes.ideas) {
        bail!(
            "{} votes do not fit: each of the {} accounts can vote once for each of the {} ideas",
            sizes.votes,
            sizes.accounts,
            sizes.ideas
        );
    }
    let mut clock = Clock::new();
    let hash = password::hash(Password::parse(PASSWORD).map_err(|_| anyhow::anyhow!("password too short"))?).await?;
    clock.phase("hash", "one argon2 hash for every account".into());

    let mut tx = db.begin_write().await?;
    match db.engine {
        Engine::Sqlite => {
            // A bigger page cache for this connection (256 MiB): the vote indexes are
            // filled in random order. The process ends after the load.
            sqlx::query("PRAGMA cache_size = -262144").execute(&mut *tx).await?;
        }
        Engine::Postgres => {
            // The synthetic rows take explicit ids after the largest ones: nobody may
            // insert meanwhile. (On SQLite, BEGIN IMMEDIATE holds the write lock.)
            sqlx::query("LOCK TABLE accounts, ideas IN EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
    }
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE email_normalized = $1")
        .bind(email(1))
        .fetch_optional(&mut *tx)
        .await?;
    if existing.is_some() {
        tx.rollback().await?;
        bail!(
            "synthetic data is already in this database ({} exists); generate it into a fresh database",
            email(1)
        );
    }
    let account_base: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM accounts")
        .fetch_one(&mut *tx)
        .await?;
    let idea_base: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM ideas")
        .fetch_one(&mut *tx)
        .await?;
    let places = Places::load(&mut tx).await?;
    if places.themes.is_empty() {
        bail!("no active theme to put ideas in");
    }

    let mut rng = StdRng::seed_from_u64(sizes.seed);
    let now = now_ms();
    let plan = Plan::make(&mut rng, sizes, now, account_base, idea_base, &places);
    clock.phase(
        "plan",
        format!(
            "{} accounts, {} ideas, {} votes (most popular idea: {} votes)",
            plan.accounts.len(),
            plan.ideas.len(),
            plan.votes.len(),
            plan.ideas.iter().map(|i| i.vote_count).max().unwrap_or(0)
        ),
    );

    let max_params = match db.engine {
        Engine::Sqlite => MAX_PARAMS_SQLITE,
        Engine::Postgres => MAX_PARAMS_POSTGRES,
    };
    insert_all(
        &mut tx,
        &ACCOUNTS,
        &[hash.as_str()],
        &plan.accounts,
        max_params,
        &mut clock,
    )
    .await?;
    clock.phase("accounts", format!("{} rows", plan.accounts.len()));
    insert_all(&mut tx, &IDEAS, &[], &plan.ideas, max_params, &mut clock).await?;
    // The counters the site's trigger gave the new ideas are replaced by the planned ones,
    // which `verify` then holds against the votes actually written.
    sqlx::query("DELETE FROM idea_counters WHERE idea_id > $1")
        .bind(idea_base)
        .execute(&mut *tx)
        .await?;
    let counters: Vec<PlannedCounters> = plan.ideas.iter().map(PlannedCounters).collect();
    insert_all(&mut tx, &COUNTERS, &[], &counters, max_params, &mut clock).await?;
    insert_all(&mut tx, &STATUS_EVENTS, &[], &plan.events, max_params, &mut clock).await?;
    clock.phase(
        "ideas",
        format!("{} rows and {} status events", plan.ideas.len(), plan.events.len()),
    );
    insert_all(&mut tx, &VOTES, &[], &plan.votes, max_params, &mut clock).await?;
    clock.phase("votes", format!("{} rows", plan.votes.len()));

    // The backfill of migration 0003, for the new ideas only.
    let vote_days = sqlx::query(
        "INSERT INTO idea_vote_days (idea_id, day, votes) \
         SELECT idea_id, created_at / 86400000, COUNT(*) FROM votes WHERE idea_id > $1 \
         GROUP BY idea_id, created_at / 86400000",
    )
    .bind(idea_base)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    clock.phase("vote days", format!("{vote_days} rows rebuilt from the votes"));

    // What the site keeps in the vote transaction: support in the trending window...
    let window_start = trending::today() - trending::WINDOW_DAYS;
    sqlx::query(
        "UPDATE idea_counters SET recent_votes = COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d \
             WHERE d.idea_id = idea_counters.idea_id AND d.day >= $1), 0) \
         WHERE idea_id IN (SELECT idea_id FROM idea_vote_days WHERE day >= $1 AND idea_id > $2)",
    )
    .bind(window_start)
    .bind(idea_base)
    .execute(&mut *tx)
    .await?;
    // ...and authors following their ideas.
    let follows = sqlx::query(
        "INSERT INTO follows (idea_id, account_id, created_at) SELECT id, author_id, created_at FROM ideas \
         WHERE id > $1",
    )
    .bind(idea_base)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    clock.phase("trending, follows", format!("{follows} authors follow their ideas"));

    verify(&mut tx, idea_base, sizes.votes).await?;
    clock.phase("check", "every counter equals its votes".into());

    if db.engine == Engine::Postgres {
        // Explicit ids do not advance the sequences: the next account or idea made by the
        // site must get a fresh id.
        for table in ["accounts", "ideas"] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    clock.phase("commit", String::new());
    trending::catch_up(db).await?;
    if db.engine == Engine::Postgres {
        // What autovacuum would do within minutes, done now: a benchmark started at once
        // must not meet plans made for empty tables, nor autovacuum working through a
        // million new rows meanwhile. (SQLite has no automatic statistics, so nothing is
        // done there: the site sees what a real database would.)
        sqlx::query("VACUUM (ANALYZE)").execute(&db.pool).await?;
        clock.phase("vacuum", "VACUUM (ANALYZE)".into());
    }
    eprintln!("synthetic: done in {:.1}s", clock.start.elapsed().as_secs_f64());
    Ok(Generated {
        accounts: plan.accounts.len() as u64,
        ideas: plan.ideas.len() as u64,
        votes: plan.votes.len() as u64,
        vote_days,
        first_account_id: account_base + 1,
        first_idea_id: idea_base + 1,
    })
}

async fn verify(tx: &mut agora_app::db::WriteTx, idea_base: i64, votes: u64) -> anyhow::Result<()> {
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ideas i LEFT JOIN idea_counters ic ON ic.idea_id = i.id WHERE i.id > $1 \
           AND (ic.vote_count IS NULL OR ic.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id))",
    )
    .bind(idea_base)
    .fetch_one(&mut **tx)
    .await?;
    let by_day: i64 =
        sqlx::query_scalar("SELECT CAST(COALESCE(SUM(votes), 0) AS BIGINT) FROM idea_vote_days WHERE idea_id > $1")
            .bind(idea_base)
            .fetch_one(&mut **tx)
            .await?;
    if mismatched != 0 || u64::try_from(by_day).ok() != Some(votes) {
        bail!("counters do not match the votes ({mismatched} ideas off, {by_day} votes by day); nothing was written");
    }
    Ok(())
}

struct Clock {
    start: Instant,
    phase: Instant,
}

impl Clock {
    fn new() -> Clock {
        let now = Instant::now();
        Clock { start: now, phase: now }
    }

    fn phase(&mut self, name: &str, detail: String) {
        eprintln!(
            "synthetic: {name:<10} {:>6.2}s  (total {:>6.1}s)  {detail}",
            self.phase.elapsed().as_secs_f64(),
            self.start.elapsed().as_secs_f64()
        );
        self.phase = Instant::now();
    }
}

struct Places {
    themes: Vec<i64>,
    /// id and the name in French, Dutch and English.
    districts: Vec<(i64, [String; 3])>,
}

impl Places {
    async fn load(tx: &mut agora_app::db::WriteTx) -> anyhow::Result<Places> {
        let themes = sqlx::query_scalar("SELECT id FROM themes WHERE archived = $1 ORDER BY position, id")
            .bind(false)
            .fetch_all(&mut **tx)
            .await?;
        let districts = sqlx::query_as::<_, (i64, String, String, String)>(
            "SELECT id, name_fr, name_nl, name_en FROM districts ORDER BY position, id",
        )
        .fetch_all(&mut **tx)
        .await?
        .into_iter()
        .map(|(id, fr, nl, en)| (id, [fr, nl, en]))
        .collect();
        Ok(Places { themes, districts })
    }
}

struct NewAccount {
    id: i64,
    email: String,
    display_name: String,
    kind: &'static str,
    organisation: Option<(String, String, bool)>,
    created_at: i64,
}

struct NewIdea {
    id: i64,
    title: String,
    slug: String,
    body: String,
    theme_id: i64,
    district_id: Option<i64>,
    author_id: i64,
    language: &'static str,
    status: &'static str,
    vote_count: i64,
    created_at: i64,
    updated_at: i64,
}

/// (idea, status, actor, at)
type NewEvent = (i64, &'static str, Option<i64>, i64);
/// (idea, account, created_at)
type NewVote = [i64; 3];

struct Plan {
    accounts: Vec<NewAccount>,
    ideas: Vec<NewIdea>,
    events: Vec<NewEvent>,
    votes: Vec<NewVote>,
}
