//! The CSV export of every idea, downloaded whole while the server's resident memory is
//! read every 50 ms: the export streams, so its memory should not grow with the rows.

use crate::server_cost::resident_kb;
use reqwest::Client;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub async fn measure(client: &Client, base: &str, path: &str, pid: u32) -> anyhow::Result<Value> {
    let before_kb = resident_kb(pid);
    let peak_kb = Arc::new(AtomicU64::new(before_kb));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak_kb, done) = (peak_kb.clone(), done.clone());
        tokio::spawn(async move {
            while !done.load(Ordering::Relaxed) {
                peak_kb.fetch_max(resident_kb(pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let started = Instant::now();
    let mut response = client.get(format!("{base}{path}")).send().await?.error_for_status()?;
    let (mut bytes, mut rows) = (0u64, 0u64);
    let mut first_byte_ms = None;
    while let Some(chunk) = response.chunk().await? {
        first_byte_ms.get_or_insert_with(|| started.elapsed().as_secs_f64() * 1000.0);
        bytes += chunk.len() as u64;
        // Records end with CRLF; the texts of the synthetic ideas hold none.
        rows += chunk.windows(2).filter(|w| w == b"\r\n").count() as u64;
    }
    let seconds = started.elapsed().as_secs_f64();
    done.store(true, Ordering::Relaxed);
    sampler.await?;
    let after_kb = resident_kb(pid);
    let peak_kb = peak_kb.load(Ordering::Relaxed);
    let rows = rows.saturating_sub(1);
    println!(
        "\nexport {path}: {rows} rows, {:.1} MB in {seconds:.1} s ({:.0} rows/s, first bytes after {:.0} ms)",
        bytes as f64 / 1e6,
        rows as f64 / seconds.max(1e-9),
        first_byte_ms.unwrap_or_default()
    );
    println!(
        "server resident memory: {} MB before, {} MB at most during the export (+{} MB), {} MB after",
        before_kb / 1024,
        peak_kb / 1024,
        peak_kb.saturating_sub(before_kb) / 1024,
        after_kb / 1024
    );
    Ok(json!({
        "path": path,
        "rows": rows,
        "bytes": bytes,
        "seconds": seconds,
        "rows_per_second": rows as f64 / seconds.max(1e-9),
        "first_byte_ms": first_byte_ms,
        "resident_kb_before": before_kb,
        "resident_kb_peak": peak_kb,
        "resident_kb_after": after_kb,
    }))
}
