//! `agora-bench`: a load generator for a running Agora server (see README, "Benchmark").
//!
//! `agora-bench run` finds its targets on the site (a popular idea, a theme, the "next"
//! link of the list, open ideas to vote for), signs in synthetic accounts once, then for
//! each target keeps C connections busy for a warm-up and a measured period, and prints
//! requests per second and latency percentiles; the same figures go to a JSON file.
//! `agora-bench compare A.json B.json` sets two runs side by side (B over A).
// A command-line report: its output is the point.
#![allow(clippy::print_stdout)]

mod export;
mod first_visit;
mod load;
mod report;
mod sessions;
mod targets;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use reqwest::{redirect, Client};
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod server_cost;

use load::measure;
use report::{compare, print_table};
use sessions::{sign_in_all, Session};
use targets::{discover, Target, Work};

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
    /// What a first visit of each page transfers, compressed as a browser receives it
    /// (the server must serve a built bundle: `cargo leptos build --release --precompress`).
    FirstVisit {
        #[arg(long, default_value = "http://127.0.0.1:3000")]
        base_url: String,
        /// Pages, by path; `{idea}` stands for the most supported idea's page.
        #[arg(long, value_delimiter = ',', default_value = "/,/ideas,{idea},/projects,/dashboard")]
        pages: Vec<String>,
        /// Pages visited by a signed-in member, whose pages hold islands (the support
        /// button, the ideas like a title being typed); empty for none.
        #[arg(long, value_delimiter = ',', default_value = "{idea},/ideas/new")]
        signed_in_pages: Vec<String>,
        /// The member: the first synthetic account.
        #[arg(long, default_value = "synthetic-1@example.invalid")]
        email: String,
        #[arg(long, default_value = "synthetic crowd passphrase for Agora load tests")]
        password: String,
        #[arg(long, default_value = "bench/results/first-visit.json")]
        json: PathBuf,
    },
    /// Download the CSV export of every idea while reading the server's resident memory
    /// (the server must run on this machine: `--pid`).
    Export {
        #[arg(long, default_value = "http://127.0.0.1:3000")]
        base_url: String,
        /// The server's process id.
        #[arg(long)]
        pid: u32,
        #[arg(long, default_value = "/api/v1/ideas.csv")]
        path: String,
        #[arg(long, default_value = "bench/results/export.json")]
        json: PathBuf,
    },
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
    /// most_votes, discussed, page2, theme_list, search, search_few, search_worst, similar,
    /// idea, theme, signed_in, signed_idea, signed_search, vote.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Where the JSON result goes.
    #[arg(long, default_value = "bench/results/latest.json")]
    json: PathBuf,
    /// The server runs with its page cache off (`AGORA_PAGE_CACHE_MS=0`): every page is
    /// held to the targets of pages rendered for each request.
    #[arg(long)]
    page_cache_off: bool,
    /// A name for this run in the output (`small`, `large`, ...).
    #[arg(long, default_value = "")]
    label: String,
    /// The server's process id, when it runs on this machine: each target then reports
    /// the server's CPU time a request (user and kernel) and its context switches.
    #[arg(long)]
    pid: Option<u32>,
    /// What the load's requests accept as `Accept-Encoding`: by default what Chrome and
    /// Firefox send, so pages cost the server their compression as they do for a browser.
    /// `--accept-encoding ""` asks for none (the bench's figures before 2026-12-06).
    #[arg(long, default_value = BROWSER_ENCODINGS)]
    accept_encoding: String,
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
        Command::FirstVisit {
            base_url,
            pages,
            signed_in_pages,
            email,
            password,
            json,
        } => {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            let member = (!signed_in_pages.iter().all(String::is_empty)).then_some((email, password));
            runtime.block_on(first_visits(base_url, pages, signed_in_pages, member, json))
        }
        Command::Export {
            base_url,
            pid,
            path,
            json,
        } => {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            let client = Client::builder().timeout(Duration::from_secs(600)).build()?;
            let report = runtime.block_on(export::measure(&client, base_url.trim_end_matches('/'), &path, pid))?;
            write_json(&json, &report)
        }
    }
}

async fn first_visits(
    base_url: String,
    pages: Vec<String>,
    signed_in_pages: Vec<String>,
    member: Option<(String, String)>,
    json_path: PathBuf,
) -> anyhow::Result<()> {
    let base = base_url.trim_end_matches('/').to_owned();
    let client = client()?;
    let resolve = async |pages: Vec<String>| -> anyhow::Result<Vec<String>> {
        let mut resolved = Vec::new();
        for page in pages.into_iter().filter(|page| !page.is_empty()) {
            if page == "{idea}" {
                resolved.push(targets::most_supported_idea(&client, &base).await?);
            } else {
                resolved.push(page);
            }
        }
        Ok(resolved)
    };
    let mut visits: Vec<(String, Option<String>)> =
        resolve(pages).await?.into_iter().map(|page| (page, None)).collect();
    if let Some((email, password)) = member {
        let cookie = sessions::sign_in(&client, &base, &email, &password)
            .await
            .with_context(|| format!("signing in as {email} for the signed-in first visits"))?;
        visits.extend(
            resolve(signed_in_pages)
                .await?
                .into_iter()
                .map(|page| (page, Some(cookie.clone()))),
        );
    }
    let report = first_visit::measure(&client, &base, &visits).await?;
    write_json(&json_path, &report)
}

fn write_json(path: &std::path::Path, report: &serde_json::Value) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, serde_json::to_string_pretty(report)? + "\n")
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("results written to {}", path.display());
    Ok(())
}

/// `Accept-Encoding` as Chrome (since 123) and Firefox (since 126) send it.
pub(crate) const BROWSER_ENCODINGS: &str = "gzip, deflate, br, zstd";

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
        "accept_encoding": args.accept_encoding,
        "unix_time": std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "targets": results.iter().map(|r| r.to_json(healthz_rps)).collect::<Vec<_>>(),
    });
    write_json(&args.json, &report)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}
