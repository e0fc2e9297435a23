//! `agora-bench`: a load generator for a running Agora server (see README, "Benchmark").
//!
//! `agora-bench run` finds its targets on the site (a popular idea, a theme, the "next"
//! link of the list, open ideas to vote for), signs in synthetic accounts once, then for
//! each target keeps C connections busy for a warm-up and a measured period, and prints
//! requests per second and latency percentiles; the same figures go to a JSON file.
//! `agora-bench compare A.json B.json` sets two runs side by side (B over A).
// A command-line report: its output is the point.
#![allow(clippy::print_stdout)]

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::{redirect, Client};
use serde_json::{json, Value};
use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Six three-letter starts of words common in the synthetic descriptions (French,
/// English, Dutch): the most work a search may ask of the database.
const WORST_SEARCH: &str = "des+les+pou+the+and+een";

#[derive(Parser)]
#[command(name = "agora-bench", about = "Load benchmark for Agora", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Measure a running server.
    Run(RunArgs),
    /// Compare two JSON results (the second over the first) against the targets.
    Compare { before: PathBuf, after: PathBuf },
}

#[derive(Args, Clone)]
struct RunArgs {
    /// The server, on loopback.
    #[arg(long, default_value = "http://127.0.0.1:3000")]
    base_url: String,
    /// Concurrent connections (one virtual user each, one request at a time).
    #[arg(long, short, default_value_t = 64)]
    connections: usize,
    /// Measured seconds per target.
    #[arg(long, short, default_value_t = 10)]
    duration: u64,
    /// Seconds per target before measuring (results dropped).
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Synthetic accounts signed in for the vote target, spread over the connections.
    /// Each account may vote 120 times a minute (the site's limit), so this bounds the
    /// vote rate to about accounts x 60 / (warm-up + duration) requests a second.
    #[arg(long, default_value_t = 1000)]
    vote_accounts: u64,
    /// The first account signed in for the vote target (then the next ones).
    #[arg(long, default_value_t = 1)]
    first_account: u64,
    /// Accounts' emails, where `#` stands for 1, 2, ...
    #[arg(long, default_value = "synthetic-#@example.invalid")]
    email_pattern: String,
    /// The synthetic accounts' passphrase (agora_server::synthetic::PASSWORD).
    #[arg(long, default_value = "synthetic crowd passphrase for Agora load tests")]
    password: String,
    /// A word of the synthetic word lists, for the search target.
    #[arg(long, default_value = "bicycle")]
    search_word: String,
    /// Only these targets (by name, comma-separated): healthz, newest, trending,
    /// most_votes, discussed, page2, theme_list, search, search_worst, idea, theme,
    /// signed_in, vote.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Where the JSON result goes.
    #[arg(long, default_value = "bench/results/latest.json")]
    json: PathBuf,
    /// A name for this run in the output (`small`, `large`, ...).
    #[arg(long, default_value = "")]
    label: String,
    /// Worker threads of the load generator itself. It shares the machine with the
    /// server: one thread leaves the other cores to the server.
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(args.threads.max(1))
                .enable_all()
                .build()?;
            runtime.block_on(run(args))
        }
        Command::Compare { before, after } => compare(&before, &after),
    }
}

/// What one target asks for.
#[derive(Clone)]
enum Work {
    Get(String),
    /// GET with one of the signed-in accounts' session: a page the site renders for each
    /// request (its page cache serves only visitors without a session).
    SignedIn(String),
    /// POST /api/vote support=true then support=false, as one request.
    Vote {
        ideas: Vec<i64>,
    },
}

#[derive(Clone)]
struct Target {
    name: &'static str,
    /// An idea list: held to the list targets.
    list: bool,
    work: Work,
    note: String,
}

impl Target {
    fn get(name: &'static str, list: bool, path: String, note: String) -> Target {
        Target {
            name,
            list,
            work: Work::Get(path),
            note,
        }
    }

    fn path(&self) -> String {
        match &self.work {
            Work::Get(path) => path.clone(),
            Work::SignedIn(path) => format!("{path} (signed in)"),
            Work::Vote { ideas } => format!("POST /api/vote x2 on {} ideas", ideas.len()),
        }
    }
}

/// A signed-in account and when it last voted (the site allows 120 votes a minute).
struct Session {
    cookie: String,
    votes: VecDeque<Instant>,
}

/// Votes an account may cast per window, under the site's 120 a minute with a margin.
const VOTE_BUDGET: usize = 116;
const VOTE_WINDOW: Duration = Duration::from_secs(61);

fn client() -> anyhow::Result<Client> {
    Ok(Client::builder()
        .redirect(redirect::Policy::none())
        .pool_max_idle_per_host(1)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()?)
}

async fn run(args: RunArgs) -> anyhow::Result<()> {
    let base = args.base_url.trim_end_matches('/').to_owned();
    let probe = client()?;
    let load_before = load_average();
    let wanted = |name: &str| args.only.is_empty() || args.only.iter().any(|o| o == name);
    let targets: Vec<Target> = discover(&probe, &base, &args)
        .await?
        .into_iter()
        .filter(|t| wanted(t.name))
        .collect();

    let mut sessions = Vec::new();
    if targets
        .iter()
        .any(|t| matches!(t.work, Work::Vote { .. } | Work::SignedIn(_)))
    {
        let started = Instant::now();
        sessions = sign_in_all(&base, &args).await?;
        eprintln!(
            "signed in {} of {} accounts in {:.1}s",
            sessions.len(),
            args.vote_accounts,
            started.elapsed().as_secs_f64()
        );
    }
    // Each connection gets its own share of the accounts.
    let mut shares: Vec<Vec<Session>> = (0..args.connections).map(|_| Vec::new()).collect();
    for (i, session) in sessions.into_iter().enumerate() {
        shares[i % args.connections].push(session);
    }
    let shares: Vec<Arc<tokio::sync::Mutex<Vec<Session>>>> = shares
        .into_iter()
        .map(|s| Arc::new(tokio::sync::Mutex::new(s)))
        .collect();

    let mut results = Vec::new();
    for target in &targets {
        eprintln!("{}: {} ...", target.name, target.path());
        let result = measure(&base, target, &args, &shares).await?;
        eprintln!(
            "{}: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, {} errors",
            target.name, result.rps, result.p50_ms, result.p99_ms, result.errors
        );
        results.push(result);
    }
    let load_after = load_average();
    let healthz_rps = results.iter().find(|r| r.name == "healthz").map(|r| r.rps);
    print_table(&args, &results, healthz_rps, &load_before, &load_after);

    let report = json!({
        "label": args.label,
        "base_url": base,
        "connections": args.connections,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "client_threads": args.threads,
        "unix_time": std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "targets": results.iter().map(|r| r.to_json(healthz_rps)).collect::<Vec<_>>(),
    });
    if let Some(parent) = args.json.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&args.json, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("cannot write {}", args.json.display()))?;
    eprintln!("results written to {}", args.json.display());
    Ok(())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

async fn get_text(client: &Client, url: &str) -> anyhow::Result<(u16, String, Option<String>)> {
    let response = client
        .get(url)
        .header(ACCEPT, "text/html")
        .send()
        .await
        .with_context(|| format!("GET {url}"))?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok((status, response.text().await?, location))
}

/// An idea card of a list page: id, its path, whether it is open, its vote count.
struct Card {
    id: i64,
    open: bool,
}

fn cards(html: &str) -> Vec<Card> {
    html.split("class=\"idea-card\"")
        .skip(1)
        .filter_map(|card| {
            let start = card.find("href=\"/ideas/")? + "href=\"/ideas/".len();
            let digits: String = card[start..].chars().take_while(char::is_ascii_digit).collect();
            Some(Card {
                id: digits.parse().ok()?,
                open: card.contains("status-open"),
            })
        })
        .collect()
}

/// The `href` of the first `<a ... rel="next" ...>`.
fn next_link(html: &str) -> Option<String> {
    let at = html.find("rel=\"next\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let href = tag.find("href=\"")? + "href=\"".len();
    let end = tag[href..].find('"')?;
    Some(tag[href..href + end].replace("&amp;", "&"))
}

/// Whether the list page shows `sort` as the chosen order (else the site ignored it).
fn sort_selected(html: &str, sort: &str) -> bool {
    let marker = format!("value=\"{sort}\"");
    html.match_indices(&marker).any(|(at, _)| {
        let rest = &html[at..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        rest[..tag_end].contains("selected")
    })
}

async fn discover(client: &Client, base: &str, args: &RunArgs) -> anyhow::Result<Vec<Target>> {
    let url = |path: &str| format!("{base}{path}");
    let (status, body, _) = get_text(client, &url("/healthz")).await?;
    if status != 200 || body.trim() != "ok" {
        bail!("{base}/healthz answered {status}: is the server up?");
    }
    let mut targets = vec![Target::get("healthz", false, "/healthz".into(), String::new())];

    let mut newest_html = String::new();
    let mut popular_html = String::new();
    for (name, sort) in [
        ("newest", "newest"),
        ("trending", "trending"),
        ("most_votes", "most_votes"),
        ("discussed", "most_discussed"),
    ] {
        let path = format!("/ideas?sort={sort}");
        let (status, html, _) = get_text(client, &url(&path)).await?;
        let note = if !(200..300).contains(&status) {
            format!("answered {status}")
        } else if !sort_selected(&html, sort) {
            "the site does not offer this order: it served its default order".to_owned()
        } else {
            String::new()
        };
        match sort {
            "newest" => newest_html = html,
            "most_votes" => popular_html = html,
            _ => {}
        }
        targets.push(Target::get(name, true, path, note));
    }

    match next_link(&newest_html) {
        Some(path) => targets.push(Target::get("page2", true, path, String::new())),
        None => eprintln!("page2: the newest list has no next link; skipped"),
    }

    let (_, themes_html, _) = get_text(client, &url("/themes")).await?;
    let theme = themes_html
        .match_indices("href=\"/themes/")
        .filter_map(|(at, marker)| {
            let rest = &themes_html[at + marker.len()..];
            let slug = &rest[..rest.find('"')?];
            (!slug.is_empty()).then(|| slug.to_owned())
        })
        .next();
    if let Some(slug) = &theme {
        targets.push(Target::get(
            "theme_list",
            true,
            format!("/ideas?theme={slug}"),
            String::new(),
        ));
    }

    let search = format!("/ideas?q={}", args.search_word);
    let (_, search_html, _) = get_text(client, &url(&search)).await?;
    let note = if search_html.contains("name=\"q\"") {
        String::new()
    } else {
        "no search field on the page: q is probably ignored (served the newest list)".to_owned()
    };
    targets.push(Target::get("search", true, search, note));
    // The costliest search the site accepts: six words, each the start of many words in
    // the three languages of the synthetic descriptions. Each request of a run asks the
    // same, so with the page cache on it measures the cache: run with
    // AGORA_PAGE_CACHE_MS=0 to see what one such search costs.
    targets.push(Target::get(
        "search_worst",
        true,
        format!("/ideas?q={WORST_SEARCH}"),
        String::new(),
    ));

    let popular = cards(&popular_html);
    match popular.first() {
        Some(card) => {
            let (status, _, location) = get_text(client, &url(&format!("/ideas/{}", card.id))).await?;
            let path = match location {
                Some(path) if (300..400).contains(&status) => path,
                _ => format!("/ideas/{}", card.id),
            };
            targets.push(Target::get(
                "idea",
                false,
                path,
                format!("the most supported idea, {}", card.id),
            ));
        }
        None => eprintln!("idea: no idea on /ideas?sort=most_votes; skipped"),
    }

    match &theme {
        Some(slug) => targets.push(Target::get("theme", false, format!("/themes/{slug}"), String::new())),
        None => eprintln!("theme: no theme link on /themes; skipped"),
    }

    targets.push(Target {
        name: "signed_in",
        list: false,
        note: "the newest list as a signed-in account sees it, rendered for every request: \
               not held to the targets"
            .to_owned(),
        work: Work::SignedIn("/ideas?sort=newest".to_owned()),
    });

    let open: Vec<i64> = popular.iter().filter(|c| c.open).map(|c| c.id).take(8).collect();
    if open.is_empty() {
        eprintln!("vote: no open idea on /ideas?sort=most_votes; skipped");
    } else {
        targets.push(Target {
            name: "vote",
            list: false,
            note: format!("support then withdraw, on the {} most supported open ideas", open.len()),
            work: Work::Vote { ideas: open },
        });
    }
    Ok(targets)
}

/// Signs each account in once (argon2 and the sign-in limit make it slow and rationed).
async fn sign_in_all(base: &str, args: &RunArgs) -> anyhow::Result<Vec<Session>> {
    let next = Arc::new(std::sync::atomic::AtomicU64::new(args.first_account));
    let last = args.first_account + args.vote_accounts - 1;
    let mut tasks = Vec::new();
    // argon2 runs on the server's blocking threads: a few at a time is all it takes.
    for _ in 0..4 {
        let (base, args, next) = (base.to_owned(), args.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let client = client()?;
            let mut mine = Vec::new();
            let mut failures = 0u64;
            loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n > last {
                    break;
                }
                let email = args.email_pattern.replace('#', &n.to_string());
                match sign_in(&client, &base, &email, &args.password).await {
                    Ok(cookie) => mine.push(Session {
                        cookie,
                        votes: VecDeque::new(),
                    }),
                    Err(e) => {
                        failures += 1;
                        if failures <= 3 {
                            eprintln!("sign-in of {email} failed: {e:#}");
                        }
                    }
                }
            }
            anyhow::Ok(mine)
        }));
    }
    let mut sessions = Vec::new();
    for task in tasks {
        sessions.extend(task.await??);
    }
    Ok(sessions)
}

async fn sign_in(client: &Client, base: &str, email: &str, password: &str) -> anyhow::Result<String> {
    let body = format!("email={}&password={}", form_encode(email), form_encode(password));
    let response = client
        .post(format!("{base}/api/sign_in"))
        .header(ORIGIN, base)
        .header(ACCEPT, "text/html")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await?;
    let status = response.status();
    let location = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if location != "/profile" {
        bail!("answered {status} to {location:?}");
    }
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("agora_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
        .context("no session cookie")
}

fn form_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What one connection saw while measuring.
#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    statuses: BTreeMap<String, u64>,
    /// Times the connection had to wait because all its accounts had used their votes.
    budget_waits: u64,
    /// The connection stopped early: none of its accounts could vote again in time.
    out_of_budget: bool,
    last_end: Option<Instant>,
}

struct Outcome {
    name: &'static str,
    path: String,
    list: bool,
    note: String,
    requests: u64,
    rps: f64,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    errors: u64,
    statuses: BTreeMap<String, u64>,
    budget_waits: u64,
    /// Connections that stopped early for want of vote budget.
    out_of_budget: u64,
}

impl Outcome {
    fn to_json(&self, healthz_rps: Option<f64>) -> Value {
        json!({
            "name": self.name,
            "path": self.path,
            "list": self.list,
            "requests": self.requests,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.p50_ms, 3),
            "p90_ms": round(self.p90_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "max_ms": round(self.max_ms, 3),
            "errors": self.errors,
            "statuses": self.statuses,
            "pct_of_healthz": healthz_rps.filter(|h| *h > 0.0).map(|h| round(100.0 * self.rps / h, 1)),
            "budget_waits": self.budget_waits,
            "connections_out_of_budget": self.out_of_budget,
            "note": self.note,
        })
    }
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

async fn measure(
    base: &str,
    target: &Target,
    args: &RunArgs,
    shares: &[Arc<tokio::sync::Mutex<Vec<Session>>>],
) -> anyhow::Result<Outcome> {
    let begin = Instant::now();
    let measure_from = begin + Duration::from_secs(args.warmup);
    let until = measure_from + Duration::from_secs(args.duration);
    let mut tasks = Vec::with_capacity(args.connections);
    for vu in 0..args.connections {
        let client = client()?;
        let (base, work) = (base.to_owned(), target.work.clone());
        let share = shares[vu % shares.len().max(1)].clone();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut sessions = share.lock().await;
            let mut turn = 0usize;
            loop {
                // An account that may vote, before the clock starts: waiting for one is
                // not the server's time.
                let cookie = match &work {
                    Work::Get(_) => None,
                    Work::SignedIn(_) if sessions.is_empty() => None,
                    Work::SignedIn(_) => {
                        turn = (turn + 1) % sessions.len();
                        Some(sessions[turn].cookie.clone())
                    }
                    Work::Vote { .. } => match pick_session(&mut sessions, &mut turn, until).await {
                        Pick::Ready(cookie, waited) => {
                            if waited && Instant::now() >= measure_from {
                                tally.budget_waits += 1;
                            }
                            Some(cookie)
                        }
                        Pick::NoSessions => None,
                        Pick::TimeUp => {
                            tally.out_of_budget = true;
                            break;
                        }
                    },
                };
                let start = Instant::now();
                if start >= until {
                    break;
                }
                let outcome = match (&work, &cookie) {
                    (Work::Get(path), _) => get_once(&client, &base, path, None).await,
                    (Work::SignedIn(path), Some(cookie)) => get_once(&client, &base, path, Some(cookie)).await,
                    (Work::Vote { ideas }, Some(cookie)) => {
                        vote_once(&client, &base, cookie, ideas[vu % ideas.len()]).await
                    }
                    (Work::Vote { .. } | Work::SignedIn(_), None) => Err("no signed-in account".to_owned()),
                };
                let end = Instant::now();
                if start >= measure_from {
                    let elapsed = end.duration_since(start).as_micros().min(u128::from(u32::MAX)) as u32;
                    tally.micros.push(elapsed);
                    tally.last_end = Some(end);
                    let key = match &outcome {
                        Ok(status) => status.to_string(),
                        Err(e) => e.clone(),
                    };
                    if !matches!(outcome, Ok(200..=299)) {
                        tally.errors += 1;
                    }
                    *tally.statuses.entry(key).or_default() += 1;
                }
                if outcome.is_err() {
                    // Refused connections would otherwise spin.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            }
            tally
        }));
    }
    let mut all = Tally::default();
    let mut out_of_budget = 0;
    for task in tasks {
        let tally = task.await?;
        out_of_budget += u64::from(tally.out_of_budget);
        all.micros.extend(tally.micros);
        all.errors += tally.errors;
        all.budget_waits += tally.budget_waits;
        for (k, v) in tally.statuses {
            *all.statuses.entry(k).or_default() += v;
        }
        all.last_end = all.last_end.max(tally.last_end);
    }
    all.micros.sort_unstable();
    let window = all.last_end.unwrap_or(until).max(until).duration_since(measure_from);
    let percentile = |p: f64| -> f64 {
        if all.micros.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * all.micros.len() as f64).ceil() as usize;
        f64::from(all.micros[rank.clamp(1, all.micros.len()) - 1]) / 1000.0
    };
    Ok(Outcome {
        name: target.name,
        path: target.path(),
        list: target.list,
        note: target.note.clone(),
        requests: all.micros.len() as u64,
        rps: all.micros.len() as f64 / window.as_secs_f64(),
        p50_ms: percentile(50.0),
        p90_ms: percentile(90.0),
        p99_ms: percentile(99.0),
        max_ms: percentile(100.0),
        errors: all.errors,
        statuses: all.statuses,
        budget_waits: all.budget_waits,
        out_of_budget,
    })
}

/// Ok(status) or a transport error, as text.
async fn get_once(client: &Client, base: &str, path: &str, cookie: Option<&str>) -> Result<u16, String> {
    let mut request = client.get(format!("{base}{path}")).header(ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    let response = request.send().await.map_err(|e| short_error(&e))?;
    let status = response.status().as_u16();
    // The whole page is part of the answer.
    response.bytes().await.map_err(|e| short_error(&e))?;
    Ok(status)
}

async fn vote_once(client: &Client, base: &str, cookie: &str, idea: i64) -> Result<u16, String> {
    for support in ["true", "false"] {
        let response = client
            .post(format!("{base}/api/vote"))
            .header(ORIGIN, base)
            .header(COOKIE, cookie)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(format!("idea_id={idea}&support={support}"))
            .send()
            .await
            .map_err(|e| short_error(&e))?;
        let status = response.status().as_u16();
        response.bytes().await.map_err(|e| short_error(&e))?;
        if !(200..300).contains(&status) {
            return Ok(status);
        }
    }
    Ok(200)
}

fn short_error(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timeout".into()
    } else if e.is_connect() {
        "connect error".into()
    } else {
        "transport error".into()
    }
}

enum Pick {
    Ready(String, bool),
    NoSessions,
    TimeUp,
}

/// The next of this connection's accounts that may still vote twice in the window;
/// waits when none may (and says so).
async fn pick_session(sessions: &mut [Session], turn: &mut usize, until: Instant) -> Pick {
    if sessions.is_empty() {
        return Pick::NoSessions;
    }
    let mut waited = false;
    loop {
        let now = Instant::now();
        for offset in 0..sessions.len() {
            let i = (*turn + offset) % sessions.len();
            let session = &mut sessions[i];
            while session
                .votes
                .front()
                .is_some_and(|t| now.duration_since(*t) >= VOTE_WINDOW)
            {
                session.votes.pop_front();
            }
            if session.votes.len() + 2 <= VOTE_BUDGET {
                session.votes.push_back(now);
                session.votes.push_back(now);
                *turn = i + 1;
                return Pick::Ready(session.cookie.clone(), waited);
            }
        }
        let free_at = sessions
            .iter()
            .filter_map(|s| s.votes.front().copied())
            .min()
            .map(|t| t + VOTE_WINDOW)
            .unwrap_or(now);
        if free_at >= until {
            return Pick::TimeUp;
        }
        waited = true;
        tokio::time::sleep_until(free_at.into()).await;
    }
}

fn print_table(args: &RunArgs, results: &[Outcome], healthz_rps: Option<f64>, load_before: &str, load_after: &str) {
    println!();
    println!(
        "Agora benchmark{}: {} connections, {} s per target after {} s warm-up; load average {} before, {} after",
        if args.label.is_empty() {
            String::new()
        } else {
            format!(" ({})", args.label)
        },
        args.connections,
        args.duration,
        args.warmup,
        load_before,
        load_after
    );
    println!(
        "{:<11} {:>9} {:>8} {:>8} {:>8} {:>9}  path",
        "target", "req/s", "p50 ms", "p99 ms", "errors", "% healthz"
    );
    for r in results {
        let pct = healthz_rps
            .filter(|h| *h > 0.0)
            .map(|h| format!("{:.1}%", 100.0 * r.rps / h))
            .unwrap_or_default();
        println!(
            "{:<11} {:>9.0} {:>8.2} {:>8.2} {:>8} {:>9}  {}",
            r.name, r.rps, r.p50_ms, r.p99_ms, r.errors, pct, r.path
        );
    }
    for r in results {
        let mut notes = Vec::new();
        if !r.note.is_empty() {
            notes.push(r.note.clone());
        }
        let failures: Vec<String> = r
            .statuses
            .iter()
            .filter(|(k, _)| !k.starts_with('2'))
            .map(|(k, v)| format!("{v} x {k}"))
            .collect();
        if !failures.is_empty() {
            notes.push(format!("errors: {}", failures.join(", ")));
        }
        if r.out_of_budget > 0 {
            notes.push(format!(
                "{} connections stopped early, all their accounts having used their votes: raise --vote-accounts",
                r.out_of_budget
            ));
        }
        if r.budget_waits > 0 {
            notes.push(format!(
                "{} waits for an account's vote budget: raise --vote-accounts",
                r.budget_waits
            ));
        }
        if !notes.is_empty() {
            println!("  {}: {}", r.name, notes.join("; "));
        }
    }
    let mut checks = Vec::new();
    for r in results.iter().filter(|r| r.list) {
        if let Some(h) = healthz_rps.filter(|h| *h > 0.0) {
            checks.push(verdict(
                100.0 * r.rps / h >= 25.0,
                format!("{} req/s {:.1}% of healthz (target >= 25%)", r.name, 100.0 * r.rps / h),
            ));
        }
    }
    for r in results.iter().filter(|r| r.name != "healthz" && r.name != "signed_in") {
        checks.push(verdict(
            r.p99_ms < 15.0,
            format!("{} p99 {:.2} ms (target < 15 ms)", r.name, r.p99_ms),
        ));
    }
    println!("Targets:");
    for check in checks {
        println!("  {check}");
    }
}

fn verdict(ok: bool, text: String) -> String {
    format!("{} {text}", if ok { "ok  " } else { "MISS" })
}

fn compare(before: &Path, after: &Path) -> anyhow::Result<()> {
    let read = |path: &Path| -> anyhow::Result<Value> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).with_context(|| format!("{} is not a result file", path.display()))
    };
    let (a, b) = (read(before)?, read(after)?);
    let label = |v: &Value, path: &Path| {
        v["label"]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| path.display().to_string())
    };
    let (la, lb) = (label(&a, before), label(&b, after));
    println!();
    println!("{lb} over {la} (ratio of latencies; the goal for lists: <= 1.5x)");
    println!(
        "{:<11} {:>9} {:>9} {:>7} {:>8} {:>8} {:>7} {:>8} {:>8} {:>7}",
        "target", "req/s A", "req/s B", "B/A", "p50 A", "p50 B", "B/A", "p99 A", "p99 B", "B/A"
    );
    let empty = vec![];
    let targets_b = b["targets"].as_array().unwrap_or(&empty);
    let mut checks = Vec::new();
    for ta in a["targets"].as_array().unwrap_or(&empty) {
        let name = ta["name"].as_str().unwrap_or_default();
        let Some(tb) = targets_b.iter().find(|t| t["name"] == ta["name"]) else {
            continue;
        };
        let f = |t: &Value, k: &str| t[k].as_f64().unwrap_or(0.0);
        let ratio = |k: &str| {
            let x = f(ta, k);
            if x > 0.0 {
                f(tb, k) / x
            } else {
                f64::NAN
            }
        };
        println!(
            "{:<11} {:>9.0} {:>9.0} {:>6.2}x {:>8.2} {:>8.2} {:>6.2}x {:>8.2} {:>8.2} {:>6.2}x",
            name,
            f(ta, "rps"),
            f(tb, "rps"),
            ratio("rps"),
            f(ta, "p50_ms"),
            f(tb, "p50_ms"),
            ratio("p50_ms"),
            f(ta, "p99_ms"),
            f(tb, "p99_ms"),
            ratio("p99_ms")
        );
        if tb["list"].as_bool() == Some(true) {
            for k in ["p50_ms", "p99_ms"] {
                checks.push(verdict(
                    ratio(k) <= 1.5,
                    format!("{name} {} {lb}/{la} = {:.2}x (target <= 1.5x)", &k[..3], ratio(k)),
                ));
            }
        }
    }
    println!("Targets:");
    for check in checks {
        println!("  {check}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_and_cards_are_found_in_a_list_page() {
        let html = r#"<li class="idea-card"><h2 lang="fr"><a href="/ideas/42-velos">V</a></h2>
            <span class="badge status status-open">Open</span></li>
            <li class="idea-card"><a href="/ideas/7-x">X</a><span class="status-declined"></span></li>
            <nav><a href="/ideas?sort=most_votes&amp;page=2" rel="next" class="button">Next</a></nav>"#;
        let found = cards(html);
        assert_eq!(
            found.iter().map(|c| (c.id, c.open)).collect::<Vec<_>>(),
            [(42, true), (7, false)]
        );
        assert_eq!(next_link(html).as_deref(), Some("/ideas?sort=most_votes&page=2"));
    }

    #[test]
    fn a_sort_counts_as_offered_only_when_selected() {
        let html = r#"<option value="newest">N</option><option value="trending" selected="">T</option>"#;
        assert!(sort_selected(html, "trending"));
        assert!(!sort_selected(html, "newest"));
        assert!(!sort_selected(html, "discussed"));
    }

    #[test]
    fn form_values_are_encoded() {
        assert_eq!(form_encode("a b@c.invalid"), "a+b%40c.invalid");
    }
}
