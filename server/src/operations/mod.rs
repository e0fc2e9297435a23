//! What an operator needs around the site: whether it is ready (`/readyz`), what it is
//! doing (`/metrics`), an id on every request that follows it through the logs, and a
//! consistent copy of a running SQLite database, and the move of a site from SQLite to
//! PostgreSQL.

mod backup;
mod copy;
mod metrics;
mod request_id;

pub use backup::backup;
pub use copy::{copy_to_postgres, Copied};
pub use metrics::{metrics_page, track, Metrics};
pub use request_id::{request_ids, request_span};

use agora_app::ctx::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::time::Duration;

/// A database that does not answer in this time is not ready.
const READY_WITHIN: Duration = Duration::from_secs(2);

/// `200` when the database answers, `503` otherwise: a load balancer sends no one to a
/// server that could only fail them (`/healthz` stays free of the database, for
/// "restart me" checks).
pub async fn readyz(State(state): State<AppState>) -> Response {
    // A read of a table, not `SELECT 1`: the schema is there and can be read.
    let ping = sqlx::query("SELECT version FROM _sqlx_migrations ORDER BY version DESC LIMIT 1")
        .fetch_optional(&state.db.pool);
    match tokio::time::timeout(READY_WITHIN, ping).await {
        Ok(Ok(_)) => (StatusCode::OK, "ready").into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "not ready: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer").into_response()
        }
        Err(_) => {
            tracing::warn!("not ready: the database did not answer in time");
            (StatusCode::SERVICE_UNAVAILABLE, "the database does not answer").into_response()
        }
    }
}
