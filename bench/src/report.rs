//! The figures of a run: its JSON, the table and verdicts printed, and two runs compared.

use crate::server_cost::PerRequest;
use crate::targets::Kind;
use crate::RunArgs;
use anyhow::Context;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

pub(crate) struct Outcome {
    pub(crate) name: &'static str,
    pub(crate) path: String,
    pub(crate) kind: Kind,
    /// Asked with a signed-in account's session: never from the page cache.
    pub(crate) signed_in: bool,
    pub(crate) note: String,
    pub(crate) requests: u64,
    pub(crate) rps: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p90_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
    /// The vote target: the 99th percentile of each vote on its own (a request is two).
    pub(crate) one_vote_p99_ms: Option<f64>,
    pub(crate) errors: u64,
    pub(crate) statuses: BTreeMap<String, u64>,
    pub(crate) budget_waits: u64,
    /// Connections that stopped early for want of vote budget.
    pub(crate) out_of_budget: u64,
    /// What the server spent per request, when it was watched (`--pid`).
    pub(crate) server: Option<PerRequest>,
}

impl Outcome {
    pub(crate) fn to_json(&self, healthz_rps: Option<f64>) -> Value {
        json!({
            "name": self.name,
            "path": self.path,
            "list": matches!(self.kind, Kind::List | Kind::Search | Kind::WorstSearch),
            "kind": format!("{:?}", self.kind),
            "signed_in": self.signed_in,
            "requests": self.requests,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.p50_ms, 3),
            "p90_ms": round(self.p90_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "max_ms": round(self.max_ms, 3),
            "one_vote_p99_ms": self.one_vote_p99_ms.map(|ms| round(ms, 3)),
            "errors": self.errors,
            "statuses": self.statuses,
            "pct_of_healthz": healthz_rps.filter(|h| *h > 0.0).map(|h| round(100.0 * self.rps / h, 1)),
            "budget_waits": self.budget_waits,
            "connections_out_of_budget": self.out_of_budget,
            "server_user_ms_per_request": self.server.map(|s| round(s.user_ms, 3)),
            "server_kernel_ms_per_request": self.server.map(|s| round(s.kernel_ms, 3)),
            "server_context_switches_per_request": self.server.map(|s| round(s.switches, 1)),
            "note": self.note,
        })
    }
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

pub(crate) fn print_table(
    args: &RunArgs,
    results: &[Outcome],
    healthz_rps: Option<f64>,
    load_before: &str,
    load_after: &str,
) {
    println!();
    println!(
        "Agora benchmark{}: {} connections, {} s per target after {} s warm-up, Accept-Encoding: {}; load average {} before, {} after",
        if args.label.is_empty() {
            String::new()
        } else {
            format!(" ({})", args.label)
        },
        args.connections,
        args.duration,
        args.warmup,
        if args.accept_encoding.is_empty() {
            "none"
        } else {
            &args.accept_encoding
        },
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
    if results.iter().any(|r| r.server.is_some()) {
        println!("The server's cost a request (CPU time from /proc, its threads' context switches):");
        println!(
            "{:<11} {:>9} {:>10} {:>9}",
            "target", "user ms", "kernel ms", "switches"
        );
        for r in results {
            if let Some(cost) = r.server {
                println!(
                    "{:<11} {:>9.3} {:>10.3} {:>9.1}",
                    r.name, cost.user_ms, cost.kernel_ms, cost.switches
                );
            }
        }
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
    let checks = checks(args, results, healthz_rps);
    println!("Targets:");
    for check in checks {
        println!("  {check}");
    }
}

/// Each figure of a run against its target: the page cache's lists (issue 9), and what
/// is rendered for every request, the votes and one connection's latency (issue 13).
fn checks(args: &RunArgs, results: &[Outcome], healthz_rps: Option<f64>) -> Vec<String> {
    let mut checks = Vec::new();
    let many = args.connections > 1;
    for r in results {
        let uncached = r.signed_in || args.page_cache_off;
        let share = healthz_rps.filter(|h| *h > 0.0).map(|h| 100.0 * r.rps / h);
        let least_share = match r.kind {
            Kind::List | Kind::Search | Kind::WorstSearch if !uncached => Some(25.0),
            Kind::List if uncached => Some(8.0),
            Kind::Search if uncached => Some(6.0),
            Kind::Idea if uncached => Some(12.0),
            _ => None,
        };
        if let (Some(least), Some(share), true) = (least_share, share, many) {
            checks.push(verdict(
                share >= least,
                format!("{} req/s {share:.1}% of healthz (target >= {least}%)", r.name),
            ));
        }
        match r.kind {
            Kind::Vote => {
                // Each request of the target is two votes, one cast and one withdrawn, in
                // turn; each vote is also timed on its own.
                if many {
                    checks.push(verdict(
                        2.0 * r.rps >= 3000.0,
                        format!("{} {:.0} votes/s (target >= 3000)", r.name, 2.0 * r.rps),
                    ));
                }
                let one_vote = r.one_vote_p99_ms.unwrap_or(r.p99_ms);
                checks.push(verdict(
                    one_vote < 40.0,
                    format!(
                        "{} p99 {one_vote:.2} ms a vote, {:.2} ms for the two of a request (target < 40 ms a vote)",
                        r.name, r.p99_ms
                    ),
                ));
            }
            Kind::Healthz => {}
            // What one person typing waits: held on the one-connection pass, where
            // requests do not queue behind 63 others.
            Kind::Similar if !many => checks.push(verdict(
                r.p99_ms < 20.0,
                format!("{} p99 {:.2} ms with one connection (target < 20 ms)", r.name, r.p99_ms),
            )),
            Kind::Similar => {}
            _ if !r.signed_in => checks.push(verdict(
                r.p99_ms < 15.0,
                format!("{} p99 {:.2} ms (target < 15 ms)", r.name, r.p99_ms),
            )),
            _ => {}
        }
        if !many && uncached && r.kind == Kind::List {
            checks.push(verdict(
                r.p50_ms <= 0.3,
                format!(
                    "{} p50 {:.3} ms with one connection (target <= 0.3 ms)",
                    r.name, r.p50_ms
                ),
            ));
        }
    }
    checks
}

fn verdict(ok: bool, text: String) -> String {
    format!("{} {text}", if ok { "ok  " } else { "MISS" })
}

pub(crate) fn compare(before: &Path, after: &Path) -> anyhow::Result<()> {
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
