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

/// The resident memory of process `pid`, in kB (`VmRSS`), or 0 when unknown.
pub(crate) fn resident_kb(pid: u32) -> u64 {
    i32::try_from(pid)
        .ok()
        .and_then(|pid| Process::new(pid).ok())
        .and_then(|process| process.status().ok())
        .and_then(|status| status.vmrss)
        .unwrap_or(0)
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
    fn work_done_shows_in_this_processs_cpu_time() {
        let pid = std::process::id();
        let before = read(pid).expect("this process's counters");
        // A fixed amount of work, not a fixed time, so that a busy machine cannot make
        // it smaller: 100 million dependent multiply-adds, at least 80 ms on any core.
        let mut x = 0u64;
        for _ in 0..100_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
        let after = read(pid).expect("this process's counters");
        let spent = before.per_request(after, 10).expect("ten requests");
        let total_ms = 10.0 * (spent.user_ms + spent.kernel_ms);
        assert!(total_ms >= 50.0, "{total_ms} ms");
    }

    #[test]
    fn this_processs_resident_memory_is_read() {
        // A test binary holds at least its code and its stack: well over a megabyte.
        assert!(resident_kb(std::process::id()) > 1_000);
        assert_eq!(resident_kb(u32::MAX), 0);
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
