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

mod words;

use agora_app::accounts::model::Password;
use agora_app::accounts::password;
use agora_app::db::{now_ms, Db, Engine};
use agora_app::ideas::model::slugify;
use agora_app::votes::trending::{self, DAY_MS};
use anyhow::{bail, Context};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sqlx::any::AnyArguments;
use sqlx::Any;
use std::collections::HashSet;
use std::time::Instant;
use words::Language;

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
/// Rows per INSERT: larger statements gain nothing and cost more to parse.
const MAX_ROWS: usize = 1_000;
const HOUR_MS: i64 = 3_600_000;
/// Ideas are published over this many days before now.
const IDEA_DAYS: i64 = 365;
/// Accounts are created from this many days ago to two days ago, in id order.
const ACCOUNT_DAYS: i64 = 395;
/// Zipf-like popularity: the idea of rank r gets a share proportional to 1 / (r + OFFSET).
/// With 100,000 ideas and 1,000,000 votes the first gets about 10,000 votes, the
/// hundredth about 1,000, the ten-thousandth one or two.
const ZIPF_OFFSET: f64 = 10.0;
/// This share of votes is cast in the last seven days on purpose (for "trending"); about
/// a tenth more fall there anyway, being spread evenly from the idea's publication to now.
const RECENT_SHARE: f64 = 0.02;

type AnyQuery<'q> = sqlx::query::Query<'q, Any, AnyArguments<'q>>;

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
        "UPDATE ideas SET recent_votes = COALESCE((SELECT SUM(d.votes) FROM idea_vote_days d \
             WHERE d.idea_id = ideas.id AND d.day >= $1), 0) \
         WHERE id IN (SELECT idea_id FROM idea_vote_days WHERE day >= $1 AND idea_id > $2)",
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
        "SELECT COUNT(*) FROM ideas i WHERE i.id > $1 \
           AND i.vote_count <> (SELECT COUNT(*) FROM votes v WHERE v.idea_id = i.id)",
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

/// When synthetic account `n` (1-based) was created: evenly from `ACCOUNT_DAYS` ago to
/// two days ago, in id order.
fn account_created(n: u64, accounts: u64, now: i64) -> i64 {
    let start = now - ACCOUNT_DAYS * DAY_MS;
    let span = (ACCOUNT_DAYS - 2) * DAY_MS;
    start + (i128::from(span) * i128::from(n - 1) / i128::from(accounts)) as i64
}

/// The last synthetic account (1-based) created at or before `at`, at least the first.
fn last_account_before(at: i64, accounts: u64, now: i64) -> u64 {
    let start = now - ACCOUNT_DAYS * DAY_MS;
    let span = (ACCOUNT_DAYS - 2) * DAY_MS;
    let n = (i128::from(at - start) * i128::from(accounts) / i128::from(span)) + 1;
    n.clamp(1, i128::from(accounts)) as u64
}

impl Plan {
    fn make(rng: &mut StdRng, sizes: Sizes, now: i64, account_base: i64, idea_base: i64, places: &Places) -> Plan {
        let accounts = (1..=sizes.accounts)
            .map(|n| new_account(rng, n, account_base + n as i64, account_created(n, sizes.accounts, now)))
            .collect();

        // Publication dates, sorted so that ids grow with time as they do on a live site.
        let mut dates: Vec<i64> = (0..sizes.ideas)
            .map(|_| rng.gen_range(now - IDEA_DAYS * DAY_MS..now - HOUR_MS))
            .collect();
        dates.sort_unstable();
        let counts = vote_counts(rng, sizes.ideas as usize, sizes.accounts, sizes.votes);

        let mut ideas = Vec::with_capacity(dates.len());
        let mut events = Vec::with_capacity(dates.len() * 11 / 10);
        let mut votes = Vec::with_capacity(sizes.votes as usize);
        let mut voters = HashSet::new();
        let mut sorted_voters = Vec::new();
        for (index, (&created_at, &count)) in dates.iter().zip(&counts).enumerate() {
            let id = idea_base + 1 + index as i64;
            let author = last_account_before(created_at, sizes.accounts, now);
            let author_id = account_base + rng.gen_range(1..=author) as i64;
            let language_index = match rng.gen_range(0..100) {
                0..45 => 0,
                45..75 => 1,
                _ => 2,
            };
            let district = (rng.gen_range(0..100) < 80)
                .then(|| places.districts.choose(rng))
                .flatten();
            let language = words::LANGUAGES[language_index];
            let (title, body) = idea_text(rng, language, district.map(|(_, names)| names[language_index].as_str()));
            let status = match rng.gen_range(0..100) {
                0..90 => "open",
                90..95 => "under_review",
                95..98 => "accepted",
                _ => "declined",
            };
            events.push((id, "open", Some(author_id), created_at));
            let mut updated_at = created_at;
            if status != "open" {
                updated_at = rng.gen_range(created_at..now);
                events.push((id, status, None, updated_at));
            }

            // `count` distinct voters among all accounts (Floyd's sampling), in id order.
            voters.clear();
            let total = sizes.accounts;
            for j in (total - u64::from(count) + 1)..=total {
                let pick = rng.gen_range(1..=j);
                if !voters.insert(pick) {
                    voters.insert(j);
                }
            }
            sorted_voters.clear();
            sorted_voters.extend(voters.iter().copied());
            sorted_voters.sort_unstable();
            for &voter in &sorted_voters {
                let earliest = created_at.max(account_created(voter, total, now)) + 60_000;
                let earliest = if rng.gen_bool(RECENT_SHARE) {
                    earliest.max(now - 7 * DAY_MS)
                } else {
                    earliest
                };
                let at = if earliest < now {
                    rng.gen_range(earliest..now)
                } else {
                    now - 1
                };
                votes.push([id, account_base + voter as i64, at]);
            }

            ideas.push(NewIdea {
                id,
                slug: slugify(&title),
                title,
                body,
                theme_id: *places.themes.choose(rng).unwrap_or(&places.themes[0]),
                district_id: district.map(|(id, _)| *id),
                author_id,
                language: language.code,
                status,
                vote_count: i64::from(count),
                created_at,
                updated_at,
            });
        }
        Plan {
            accounts,
            ideas,
            events,
            votes,
        }
    }
}

/// How many votes each idea gets: Zipf-like over a random order of the ideas, at most one
/// per account, adding up to exactly `votes`.
fn vote_counts(rng: &mut StdRng, ideas: usize, accounts: u64, votes: u64) -> Vec<u32> {
    let mut counts = vec![0u32; ideas];
    if ideas == 0 {
        return counts;
    }
    let mut ranked: Vec<usize> = (0..ideas).collect();
    ranked.shuffle(rng);
    let cap = accounts.min(u64::from(u32::MAX)) as u32;
    let weights: Vec<f64> = (0..ideas).map(|rank| 1.0 / (rank as f64 + ZIPF_OFFSET)).collect();
    let total_weight: f64 = weights.iter().sum();
    let mut given: u64 = 0;
    for (rank, &idea) in ranked.iter().enumerate() {
        let share = (votes as f64 * weights[rank] / total_weight).floor() as u64;
        counts[idea] = share.min(u64::from(cap)) as u32;
        given += u64::from(counts[idea]);
    }
    // What rounding down (and the cap) left over goes one by one from the top.
    let mut left = votes.saturating_sub(given);
    while left > 0 {
        for &idea in &ranked {
            if left == 0 {
                break;
            }
            if counts[idea] < cap {
                counts[idea] += 1;
                left -= 1;
            }
        }
    }
    counts
}

fn new_account(rng: &mut StdRng, n: u64, id: i64, created_at: i64) -> NewAccount {
    let (kind, display_name, organisation) = match rng.gen_range(0..100) {
        0..90 => (
            "resident",
            format!(
                "{} {}",
                words::FIRST_NAMES.choose(rng).unwrap_or(&"Alex"),
                words::LAST_NAMES.choose(rng).unwrap_or(&"Martin")
            ),
            None,
        ),
        90..97 => {
            let first = words::COMPANY_WORDS.choose(rng).unwrap_or(&"Iris");
            let second = words::COMPANY_WORDS.choose(rng).unwrap_or(&"Data");
            let name = format!("{first} {second}");
            let number = format!(
                "0{:03}.{:03}.{:03}",
                rng.gen_range(200..1000),
                rng.gen_range(0..1000),
                rng.gen_range(0..1000)
            );
            (
                "business",
                name.clone(),
                Some((format!("{name} SRL"), number, rng.gen_bool(0.5))),
            )
        }
        _ => {
            let field = words::RESEARCH_FIELDS.choose(rng).unwrap_or(&"Open data");
            (
                "academic",
                format!("{field} Lab"),
                Some((
                    format!("{field} research group"),
                    format!("ACAD-{n:07}"),
                    rng.gen_bool(0.5),
                )),
            )
        }
    };
    NewAccount {
        id,
        email: email(n),
        display_name,
        kind,
        organisation,
        created_at,
    }
}

/// A title and a description of three to five sentences, in two paragraphs.
fn idea_text(rng: &mut StdRng, language: &Language, district: Option<&str>) -> (String, String) {
    let pick = |rng: &mut StdRng, list: &[&'static str]| *list.choose(rng).unwrap_or(&"");
    let action = pick(rng, language.actions);
    let object = pick(rng, language.objects);
    let place = match district {
        Some(name) if rng.gen_bool(0.5) => language.in_district.replace("{}", name),
        _ => pick(rng, language.places).to_owned(),
    };
    let qualifier = pick(rng, language.qualifiers);
    let title = if language.code == "nl" {
        format!("{object} {place}{qualifier} {action}")
    } else {
        format!("{action} {object} {place}{qualifier}")
    };
    let title: String = title.chars().take(120).collect();

    let fill = |rng: &mut StdRng, sentence: &str| {
        sentence
            .replace("{object}", object)
            .replace("{place}", &place)
            .replace("{problem}", pick(rng, language.problems))
            .replace("{benefit}", pick(rng, language.benefits))
            .replace("{partner}", pick(rng, language.partners))
            .replace("{n}", &rng.gen_range(2..=12).to_string())
    };
    // The problem, then the proposal; then one to three other sentences.
    let mut body = format!(
        "{} {}\n\n",
        fill(rng, language.sentences[0]),
        fill(rng, language.sentences[1])
    );
    let rest = &language.sentences[2..];
    let extra = rng.gen_range(1..=3.min(rest.len()));
    for (i, sentence) in rest.choose_multiple(rng, extra).enumerate() {
        if i > 0 {
            body.push(' ');
        }
        body.push_str(&fill(rng, sentence));
    }
    (title, body)
}

/// A multi-row INSERT: `head` then one `row(first_parameter)` per row, after `fixed`
/// parameters shared by every row ($1…).
struct Insert {
    label: &'static str,
    head: &'static str,
    params_per_row: usize,
    fixed: usize,
    row: fn(usize) -> String,
}

impl Insert {
    fn sql(&self, rows: usize) -> String {
        let mut sql = String::from(self.head);
        for r in 0..rows {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&(self.row)(self.fixed + 1 + r * self.params_per_row));
        }
        sql
    }
}

trait BindRow {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q>;
}

const ACCOUNTS: Insert = Insert {
    label: "accounts",
    head: "INSERT INTO accounts (id, email, email_normalized, password_hash, display_name, kind, role, \
           organisation_name, registration_number, organisation_verified, created_at) VALUES ",
    params_per_row: 8,
    fixed: 1,
    row: |p| {
        format!(
            "(${}, ${}, ${}, $1, ${}, ${}, 'member', ${}, ${}, ${}, ${})",
            p,
            p + 1,
            p + 1,
            p + 2,
            p + 3,
            p + 4,
            p + 5,
            p + 6,
            p + 7
        )
    },
};

impl BindRow for NewAccount {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        let (name, number, verified) = match &self.organisation {
            Some((name, number, verified)) => (Some(name.as_str()), Some(number.as_str()), *verified),
            None => (None, None, false),
        };
        query
            .bind(self.id)
            .bind(self.email.as_str())
            .bind(self.display_name.as_str())
            .bind(self.kind)
            .bind(name)
            .bind(number)
            .bind(verified)
            .bind(self.created_at)
    }
}

const IDEAS: Insert = Insert {
    label: "ideas",
    head: "INSERT INTO ideas (id, title, slug, body, theme_id, district_id, author_id, language, status, \
           vote_count, created_at, updated_at) VALUES ",
    params_per_row: 12,
    fixed: 0,
    row: |p| {
        let list: Vec<String> = (p..p + 12).map(|i| format!("${i}")).collect();
        format!("({})", list.join(", "))
    },
};

impl BindRow for NewIdea {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query
            .bind(self.id)
            .bind(self.title.as_str())
            .bind(self.slug.as_str())
            .bind(self.body.as_str())
            .bind(self.theme_id)
            .bind(self.district_id)
            .bind(self.author_id)
            .bind(self.language)
            .bind(self.status)
            .bind(self.vote_count)
            .bind(self.created_at)
            .bind(self.updated_at)
    }
}

const STATUS_EVENTS: Insert = Insert {
    label: "status events",
    head: "INSERT INTO idea_status_events (idea_id, status, actor_id, note, at) VALUES ",
    params_per_row: 4,
    fixed: 0,
    row: |p| format!("(${}, ${}, ${}, '', ${})", p, p + 1, p + 2, p + 3),
};

impl BindRow for NewEvent {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(self.0).bind(self.1).bind(self.2).bind(self.3)
    }
}

const VOTES: Insert = Insert {
    label: "votes",
    head: "INSERT INTO votes (idea_id, account_id, created_at) VALUES ",
    params_per_row: 3,
    fixed: 0,
    row: |p| format!("(${}, ${}, ${})", p, p + 1, p + 2),
};

impl BindRow for NewVote {
    fn bind_to<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(self[0]).bind(self[1]).bind(self[2])
    }
}

/// Inserts `rows` in statements of as many rows as the parameter limit allows.
async fn insert_all<T: BindRow>(
    tx: &mut agora_app::db::WriteTx,
    insert: &Insert,
    fixed: &[&str],
    rows: &[T],
    max_params: usize,
    clock: &mut Clock,
) -> anyhow::Result<()> {
    let per_statement = ((max_params - insert.fixed) / insert.params_per_row).clamp(1, MAX_ROWS);
    let full = insert.sql(per_statement);
    let last = insert.sql(rows.len() % per_statement);
    let mut done = 0usize;
    let mut reported = 0usize;
    for chunk in rows.chunks(per_statement) {
        let sql = if chunk.len() == per_statement { &full } else { &last };
        let mut query = sqlx::query(sql);
        for value in fixed {
            query = query.bind(*value);
        }
        for row in chunk {
            query = row.bind_to(query);
        }
        query
            .execute(&mut **tx)
            .await
            .with_context(|| format!("inserting {}", insert.label))?;
        done += chunk.len();
        // Progress every tenth of a large table.
        if rows.len() >= 100_000 && done * 10 / rows.len() > reported && done < rows.len() {
            reported = done * 10 / rows.len();
            eprintln!(
                "synthetic:   {} {done}/{} ({:.1}s)",
                insert.label,
                rows.len(),
                clock.phase.elapsed().as_secs_f64()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_counts_add_up_stay_under_the_cap_and_are_skewed() {
        let mut rng = StdRng::seed_from_u64(7);
        let counts = vote_counts(&mut rng, 1_000, 1_000, 10_000);
        assert_eq!(counts.iter().map(|&c| u64::from(c)).sum::<u64>(), 10_000);
        let top = counts.iter().copied().max().unwrap_or(0);
        assert!(top >= 150, "the most popular idea has {top} votes");
        let capped = vote_counts(&mut rng, 3, 5, 15);
        assert_eq!(capped, [5, 5, 5]);
    }

    #[test]
    fn accounts_exist_before_what_they_write() {
        let now = 1_800_000_000_000;
        for n in [1, 2, 500, 999, 1000] {
            let created = account_created(n, 1000, now);
            assert!(last_account_before(created, 1000, now) >= n);
        }
        assert_eq!(last_account_before(0, 1000, now), 1);
    }

    #[test]
    fn titles_fit_and_slugs_follow_the_site() {
        let mut rng = StdRng::seed_from_u64(1);
        for language in words::LANGUAGES {
            for _ in 0..200 {
                let (title, body) = idea_text(&mut rng, language, Some("Woluwe-Saint-Lambert"));
                assert!(title.chars().count() <= 120 && !title.contains('{'), "{title}");
                assert!(body.contains("\n\n") && !body.contains('{'), "{body}");
            }
        }
    }
}
