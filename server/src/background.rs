//! The periodic tasks: run by the one server that leads (`cluster`), each run counted in
//! the metrics, a failure logged and tried again at the next period. A server that comes
//! to lead runs each task at once, as a server starting alone does.

use crate::cluster::Cluster;
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;

/// How often a server that does not lead looks again, at most.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// Runs `task` every `period` while this server leads, from the moment it does.
pub fn every<F, Fut, E>(cluster: &Cluster, name: &'static str, period: Duration, task: F)
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), E>> + Send,
    E: std::fmt::Display,
{
    let cluster = cluster.clone();
    tokio::spawn(async move {
        let mut looks = tokio::time::interval(period.min(LOOK_EVERY));
        looks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_run: Option<Instant> = None;
        loop {
            let now: Instant = looks.tick().await;
            if !cluster.leads() {
                last_run = None;
                continue;
            }
            if last_run.is_some_and(|at| now.duration_since(at) < period) {
                continue;
            }
            last_run = Some(now);
            match task().await {
                Ok(()) => metrics::counter!("agora_background_runs_total", "task" => name).increment(1),
                Err(e) => {
                    metrics::counter!("agora_background_failures_total", "task" => name).increment(1);
                    tracing::warn!(task = name, error = %e, "a periodic task failed; it runs again next time");
                }
            }
        }
    });
}
