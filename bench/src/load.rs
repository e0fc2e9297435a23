//! The load itself: C connections at work on one target, and their latencies tallied.

use crate::report::Outcome;
use crate::server_cost;
use crate::sessions::{pick_session, Pick, Session};
use crate::targets::{Target, Work};
use crate::{client, RunArgs};
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::Client;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What one connection saw while measuring.
#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    /// The vote target's requests are pairs of votes; each vote's own latency.
    vote_micros: Vec<u32>,
    errors: u64,
    statuses: BTreeMap<String, u64>,
    /// Times the connection had to wait because all its accounts had used their votes.
    budget_waits: u64,
    /// The connection stopped early: none of its accounts could vote again in time.
    out_of_budget: bool,
    last_end: Option<Instant>,
}

pub(crate) async fn measure(
    base: &str,
    target: &Target,
    args: &RunArgs,
    shares: &[Arc<tokio::sync::Mutex<Vec<Session>>>],
) -> anyhow::Result<Outcome> {
    let begin = Instant::now();
    let measure_from = begin + Duration::from_secs(args.warmup);
    let until = measure_from + Duration::from_secs(args.duration);
    // The server's counters when measuring starts; read again once every connection is done.
    let server_from = args.pid.map(|pid| {
        tokio::spawn(async move {
            tokio::time::sleep_until(measure_from.into()).await;
            server_cost::read(pid)
        })
    });
    let mut tasks = Vec::with_capacity(args.connections);
    for vu in 0..args.connections {
        let client = client()?;
        let (base, work) = (base.to_owned(), target.work.clone());
        let accepted = args.accept_encoding.clone();
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
                let mut votes = Vec::new();
                let outcome = match (&work, &cookie) {
                    (Work::Get(path), _) => get_once(&client, &base, path, &accepted, None).await,
                    (Work::SignedIn(path), Some(cookie)) => {
                        get_once(&client, &base, path, &accepted, Some(cookie)).await
                    }
                    (Work::Vote { ideas }, Some(cookie)) => {
                        vote_once(&client, &base, cookie, &accepted, ideas[vu % ideas.len()], &mut votes).await
                    }
                    (Work::Vote { .. } | Work::SignedIn(_), None) => Err("no signed-in account".to_owned()),
                };
                let end = Instant::now();
                if start >= measure_from {
                    let elapsed = end.duration_since(start).as_micros().min(u128::from(u32::MAX)) as u32;
                    tally.micros.push(elapsed);
                    tally.vote_micros.extend(votes);
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
        all.vote_micros.extend(tally.vote_micros);
        all.errors += tally.errors;
        all.budget_waits += tally.budget_waits;
        for (k, v) in tally.statuses {
            *all.statuses.entry(k).or_default() += v;
        }
        all.last_end = all.last_end.max(tally.last_end);
    }
    let server = match (server_from, args.pid) {
        (Some(from), Some(pid)) => from
            .await?
            .zip(server_cost::read(pid))
            .and_then(|(from, to)| from.per_request(to, all.micros.len() as u64)),
        _ => None,
    };
    all.micros.sort_unstable();
    all.vote_micros.sort_unstable();
    let window = all.last_end.unwrap_or(until).max(until).duration_since(measure_from);
    let percentile = |p: f64| percentile_ms(&all.micros, p);
    Ok(Outcome {
        name: target.name,
        path: target.path(),
        kind: target.kind,
        signed_in: matches!(target.work, Work::SignedIn(_)),
        note: target.note.clone(),
        requests: all.micros.len() as u64,
        rps: all.micros.len() as f64 / window.as_secs_f64(),
        p50_ms: percentile(50.0),
        p90_ms: percentile(90.0),
        p99_ms: percentile(99.0),
        max_ms: percentile(100.0),
        one_vote_p99_ms: (!all.vote_micros.is_empty()).then(|| percentile_ms(&all.vote_micros, 99.0)),
        errors: all.errors,
        statuses: all.statuses,
        budget_waits: all.budget_waits,
        out_of_budget,
        server,
    })
}

/// The `p`th percentile of sorted latencies in microseconds, in milliseconds (0 if none).
fn percentile_ms(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    f64::from(sorted[rank.clamp(1, sorted.len()) - 1]) / 1000.0
}

/// Ok(status) or a transport error, as text. The body is read as it comes, compressed or
/// not: decoding it is the browser's work, not the server's.
async fn get_once(
    client: &Client,
    base: &str,
    path: &str,
    accepted: &str,
    cookie: Option<&str>,
) -> Result<u16, String> {
    let mut request = client.get(format!("{base}{path}")).header(ACCEPT, "text/html");
    if !accepted.is_empty() {
        request = request.header(ACCEPT_ENCODING, accepted);
    }
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    let response = request.send().await.map_err(|e| short_error(&e))?;
    let status = response.status().as_u16();
    // The whole page is part of the answer.
    response.bytes().await.map_err(|e| short_error(&e))?;
    Ok(status)
}

/// Supports the idea then withdraws the support: two requests, each one's latency added
/// to `latencies` (microseconds).
async fn vote_once(
    client: &Client,
    base: &str,
    cookie: &str,
    accepted: &str,
    idea: i64,
    latencies: &mut Vec<u32>,
) -> Result<u16, String> {
    for support in ["true", "false"] {
        let start = Instant::now();
        let mut request = client.post(format!("{base}/api/vote"));
        if !accepted.is_empty() {
            request = request.header(ACCEPT_ENCODING, accepted);
        }
        let response = request
            .header(ORIGIN, base)
            .header(COOKIE, cookie)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(format!("idea_id={idea}&support={support}"))
            .send()
            .await
            .map_err(|e| short_error(&e))?;
        let status = response.status().as_u16();
        response.bytes().await.map_err(|e| short_error(&e))?;
        latencies.push(start.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
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
