//! What the server spent on a target's requests, when it runs on this machine (`--pid`):
//! its CPU time in user space and in the kernel, and its threads' context switches.
//! Rates and latencies say how fast a page is; these say where its time goes: a page
//! that waits on hand-offs between threads shows switches and kernel time, a page that
//! computes shows user time.

use procfs::process::Process;

/// The server's counters at one moment.
#[derive(Clone, Copy)]
pub(crate) struct Reading {
    user_s: f64,
    kernel_s: f64,
    switches: u64,
}

/// What the server spent per request between two readings.
#[derive(Clone, Copy)]
pub(crate) struct PerRequest {
    pub(crate) user_ms: f64,
    pub(crate) kernel_ms: f64,
    pub(crate) switches: f64,
}

/// The counters of process `pid` now, or `None` when it cannot be read.
pub(crate) fn read(pid: u32) -> Option<Reading> {
    let process = Process::new(i32::try_from(pid).ok()?).ok()?;
    let stat = process.stat().ok()?;
    let ticks = procfs::ticks_per_second() as f64;
    // The switches of the threads alive now: a thread that ended took its count along.
    // The server's threads (workers, SQLite's connections) live as long as it does.
    let switches = process
        .tasks()
        .ok()?
        .flatten()
        .filter_map(|task| task.status().ok())
        .map(|status| {
            status.voluntary_ctxt_switches.unwrap_or_default() + status.nonvoluntary_ctxt_switches.unwrap_or_default()
        })
        .sum();
    Some(Reading {
        user_s: stat.utime as f64 / ticks,
        kernel_s: stat.stime as f64 / ticks,
        switches,
    })
}

impl Reading {
    /// What was spent from `self` to `later`, shared over `requests`.
    pub(crate) fn per_request(self, later: Reading, requests: u64) -> Option<PerRequest> {
        let n = requests as f64;
        (requests > 0).then(|| PerRequest {
            user_ms: 1000.0 * (later.user_s - self.user_s) / n,
            kernel_ms: 1000.0 * (later.kernel_s - self.kernel_s) / n,
            switches: later.switches.saturating_sub(self.switches) as f64 / n,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_a_second_of_work_shows_in_this_processs_cpu_time() {
        let pid = std::process::id();
        let before = read(pid).expect("this process's counters");
        // Half a second of work: more than one clock tick (10 ms) on any machine.
        let started = std::time::Instant::now();
        let mut x = 0u64;
        while started.elapsed() < std::time::Duration::from_millis(500) {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
        let after = read(pid).expect("this process's counters");
        let spent = before.per_request(after, 10).expect("ten requests");
        // 500 ms over ten requests: about 50 ms each, less what the tick rounds away.
        assert!(
            spent.user_ms + spent.kernel_ms >= 40.0,
            "{} ms",
            spent.user_ms + spent.kernel_ms
        );
    }

    #[test]
    fn nothing_is_shared_over_no_request() {
        let reading = Reading {
            user_s: 1.0,
            kernel_s: 1.0,
            switches: 5,
        };
        assert!(reading.per_request(reading, 0).is_none());
    }

    #[test]
    fn costs_are_shared_over_the_requests() {
        let before = Reading {
            user_s: 1.0,
            kernel_s: 0.5,
            switches: 100,
        };
        let after = Reading {
            user_s: 3.0,
            kernel_s: 1.0,
            switches: 4_100,
        };
        let spent = before.per_request(after, 1_000).expect("a thousand requests");
        assert!((spent.user_ms - 2.0).abs() < 1e-9);
        assert!((spent.kernel_ms - 0.5).abs() < 1e-9);
        assert!((spent.switches - 4.0).abs() < 1e-9);
    }
}
