//! `/metrics`, in the Prometheus text format, for the networks `AGORA_METRICS_READERS`
//! names (no one by default: the figures tell an attacker how busy the site is).
//!
//! - `agora_http_requests_total` and `agora_http_request_duration_seconds`, by method,
//!   route (the pattern, never the address asked: the number of series stays bounded)
//!   and status;
//! - `agora_db_connections` by state (`in_use`, `idle`), `agora_db_connections_max`, and
//!   `agora_db_writes_in_flight` (write transactions waiting for their turn or under way:
//!   the write queue);
//! - `agora_db_writes_committed` (write transactions this server committed) and
//!   `agora_cluster_writes_heard` (announcements of other servers' writes heard);
//! - `agora_page_cache_total` by outcome (`hit`, `miss`, `bypass`);
//! - `agora_background_runs_total` and `agora_background_failures_total` by task.

use crate::client_address::Networks;
use agora_app::ctx::ClientAddress;
use agora_app::db::Db;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

const DURATION: &str = "agora_http_request_duration_seconds";
/// Seconds: pages take about a millisecond, a sign-in's password hash a tenth of a
/// second, an export a few seconds.
const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Histograms gather samples until read: without a reader they are folded this often.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// The process's recorder (there is one per process, whatever the number of servers in
/// it), made by the first server that starts.
fn handle() -> Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(DURATION.to_owned()), BUCKETS)
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).ok()?;
            let upkeep = handle.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(UPKEEP_EVERY);
                loop {
                    every.tick().await;
                    upkeep.run_upkeep();
                }
            });
            Some(handle)
        })
        .clone()
}

/// What `/metrics` reads.
#[derive(Clone)]
pub struct Metrics {
    handle: Option<PrometheusHandle>,
    readers: Arc<Networks>,
    db: Db,
    heard: Arc<AtomicU64>,
}

impl Metrics {
    /// `heard` counts the writes other servers announced (`Cluster::heard`).
    pub fn new(db: Db, readers: Networks, heard: Arc<AtomicU64>) -> Metrics {
        Metrics {
            handle: handle(),
            readers: Arc::new(readers),
            db,
            heard,
        }
    }
}

/// The figures, for the networks allowed to read them; `403 forbidden` for anyone else.
pub async fn metrics_page(State(metrics): State<Metrics>, request: Request) -> Response {
    let allowed = request
        .extensions()
        .get::<ClientAddress>()
        .is_some_and(|client| metrics.readers.contains(client.0));
    if !allowed {
        return crate::security::forbidden();
    }
    let Some(handle) = &metrics.handle else {
        return (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response();
    };
    let pool = &metrics.db.pool;
    let idle = pool.num_idle() as f64;
    metrics::gauge!("agora_db_connections", "state" => "idle").set(idle);
    metrics::gauge!("agora_db_connections", "state" => "in_use").set(f64::from(pool.size()) - idle);
    metrics::gauge!("agora_db_connections_max").set(f64::from(pool.options().get_max_connections()));
    metrics::gauge!("agora_db_writes_in_flight").set(metrics.db.writes_in_flight() as f64);
    metrics::gauge!("agora_db_writes_committed").set(metrics.db.writes().load(Ordering::Acquire) as f64);
    metrics::gauge!("agora_cluster_writes_heard").set(metrics.heard.load(Ordering::Acquire) as f64);
    (
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        handle.render(),
    )
        .into_response()
}

/// Counts every request and how long its answer took, by route and status.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unrouted".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("agora_http_requests_total", &labels).increment(1);
    metrics::histogram!(DURATION, &labels).record(started.elapsed().as_secs_f64());
    response
}
