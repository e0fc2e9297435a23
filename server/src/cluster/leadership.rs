//! One server at a time runs the periodic tasks: the one holding a PostgreSQL advisory
//! lock on a connection of its own. The lock belongs to that connection, so a server that
//! stops, crashes or is cut off from the database lets it go without anyone's help.

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, PgConnection};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The lock's key: any number no other lock of the database uses ("agora" in ASCII).
const LEADER_LOCK: i64 = 0x61_676f_7261;
/// How often a server that does not lead tries to, and the leader checks its connection.
const TAKE_OVER_EVERY: Duration = Duration::from_secs(5);

/// Keeps `leads` true while this server holds the lock, for the life of the server.
pub async fn hold(database_url: String, leads: Arc<AtomicBool>) {
    loop {
        if let Err(e) = lead_while_connected(&database_url, &leads).await {
            if leads.swap(false, Ordering::AcqRel) {
                tracing::warn!(error = %e, "this server no longer runs the periodic tasks");
            }
        }
        tokio::time::sleep(TAKE_OVER_EVERY).await;
    }
}

async fn lead_while_connected(database_url: &str, leads: &AtomicBool) -> Result<(), sqlx::Error> {
    // Its checks every few seconds are not worth a log line each.
    let options = PgConnectOptions::from_str(database_url)?.log_statements(log::LevelFilter::Off);
    let mut connection = PgConnection::connect_with(&options).await?;
    loop {
        if leads.load(Ordering::Acquire) {
            sqlx::query("SELECT 1").execute(&mut connection).await?;
        } else {
            let (taken,): (bool,) = sqlx::query_as("SELECT pg_try_advisory_lock($1)")
                .bind(LEADER_LOCK)
                .fetch_one(&mut connection)
                .await?;
            if taken {
                tracing::info!("this server runs the periodic tasks");
                leads.store(true, Ordering::Release);
            }
        }
        tokio::time::sleep(TAKE_OVER_EVERY).await;
    }
}
