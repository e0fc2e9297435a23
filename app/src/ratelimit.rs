//! Limits on attempts that are kept in memory, each in a cache of its own with a fixed
//! capacity and its own window (moka: entries expire with their window, the least useful
//! go first when the cache is full), so no number of keys can grow memory without bound.
//! Keys are short: a 64-bit keyed hash of what they count (an email, a network, an account).
//!
//! What must hold across servers is counted in the database instead (see the README's
//! security section): failed sign-ins per account, registrations per network, ideas per
//! day and the pause between comments.

use moka::sync::Cache;
use std::hash::{BuildHasher, Hash};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub attempts: u32,
    pub window: Duration,
}

/// Failed sign-ins from one network (an IPv4 address, an IPv6 /64), whatever the account:
/// past this the network is refused until its window ends (password spraying).
pub const SIGN_IN_FAILURES_PER_NETWORK: Limit = Limit {
    attempts: 30,
    window: Duration::from_secs(15 * 60),
};

/// Failed sign-ins from one IPv6 /48, the block a site or a provider's customer usually
/// holds: an attacker with a /48 has 65,536 /64s, each with its own budget otherwise.
pub const SIGN_IN_FAILURES_PER_WIDE_NETWORK: Limit = Limit {
    attempts: 100,
    window: Duration::from_secs(15 * 60),
};

/// How long a network's failures on one account make it wait the account's delay.
pub const SIGN_IN_FAILURE_MEMORY: Duration = Duration::from_secs(15 * 60);

/// Registration attempts from one network, accepted or not (the accounts made are limited
/// in the database: `REGISTRATIONS_PER_NETWORK`).
pub const REGISTRATION_ATTEMPTS_PER_NETWORK: Limit = Limit {
    attempts: 60,
    window: Duration::from_secs(60 * 60),
};

/// Accounts made from one network, counted from the accounts themselves, on every server.
pub const REGISTRATIONS_PER_NETWORK: Limit = Limit {
    attempts: 20,
    window: Duration::from_secs(60 * 60),
};

/// Password changes (right or wrong current password) per account.
pub const PASSWORD_CHANGES_PER_ACCOUNT: Limit = Limit {
    attempts: 10,
    window: Duration::from_secs(15 * 60),
};

/// Links sent by email per account and purpose (a new confirmation link, a password
/// reset), counted from the links themselves in the database, on every server.
pub const LINKS_PER_ACCOUNT: Limit = Limit {
    attempts: 3,
    window: Duration::from_secs(60 * 60),
};

/// Password resets asked for one email address on this server (whether or not an account
/// has it, so the answer tells nothing).
pub const PASSWORD_RESETS_PER_EMAIL: Limit = Limit {
    attempts: 5,
    window: Duration::from_secs(60 * 60),
};

/// Password resets asked from one network on this server.
pub const PASSWORD_RESETS_PER_NETWORK: Limit = Limit {
    attempts: 20,
    window: Duration::from_secs(60 * 60),
};

pub const VOTES_PER_ACCOUNT: Limit = Limit {
    attempts: 120,
    window: Duration::from_secs(60),
};

pub const REPORTS_PER_ACCOUNT: Limit = Limit {
    attempts: 30,
    window: Duration::from_secs(60 * 60),
};

/// Failed sign-ins in a row an account takes without delay.
pub const FREE_SIGN_IN_FAILURES: i64 = 5;

/// Failures on an account a network makes before the account's delay applies to it: the
/// owner's typo or two never waits, however long an attack from elsewhere goes on.
pub const FREE_FAILURES_PER_NETWORK: u32 = 3;

/// An account's failures in a row are forgotten a day after the last one.
pub const SIGN_IN_FAILURES_FORGOTTEN_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The longest an account's sign-in is slowed down for a network that failed on it.
pub const MAX_SIGN_IN_DELAY: Duration = Duration::from_secs(15 * 60);

/// How long a network that already failed on an account waits after its last failure,
/// once the account has `failures` failed sign-ins in a row: nothing for the first few,
/// then 2 s, 4 s, 8 s… up to `MAX_SIGN_IN_DELAY`.
pub fn sign_in_delay(failures: i64) -> Duration {
    if failures < FREE_SIGN_IN_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_SIGN_IN_FAILURES + 1).min(20) as u32;
    Duration::from_secs(1u64 << doublings).min(MAX_SIGN_IN_DELAY)
}

/// Keys kept per limit, at most: about 100 bytes each.
pub const CAPACITY: u64 = 100_000;

/// How long to wait before trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait(pub Duration);

impl Wait {
    /// Whole seconds, at least 1 (`Retry-After` and the message round up).
    pub fn seconds(self) -> u64 {
        (self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0)).max(1)
    }
}

impl From<Wait> for crate::error::AppError {
    fn from(wait: Wait) -> Self {
        crate::error::AppError::RateLimited {
            retry_after: wait.seconds(),
        }
    }
}

/// Where a key stands after an attempt was counted, for `RateLimit` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub limit: Limit,
    /// Attempts left in the current window.
    pub remaining: u32,
    pub resets_in: Duration,
}

/// A short key for the network of `address` (an IPv4 address; an IPv6 address's first
/// `ipv6_bytes` bytes), one limit holding for everything there; unknown callers share one.
pub fn network_key(address: Option<std::net::IpAddr>, ipv6_bytes: usize) -> u64 {
    let network = address.map(|address| match address {
        std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.octets().to_vec(),
            None => v6.octets()[..ipv6_bytes].to_vec(),
        },
    });
    key(&network)
}

/// A short key for `parts`: a 64-bit hash keyed with a random secret of this process, so
/// nobody can choose inputs that collide on purpose.
pub fn key<T: Hash + ?Sized>(parts: &T) -> u64 {
    static HASHER: LazyLock<std::collections::hash_map::RandomState> =
        LazyLock::new(std::collections::hash_map::RandomState::new);
    HASHER.hash_one(parts)
}

struct Window {
    started: Instant,
    count: AtomicU32,
    /// Milliseconds after `started` of the last recorded attempt.
    last_ms: AtomicU64,
}

/// Attempts per key in fixed windows: a window starts with a key's first attempt and ends
/// `limit.window` later (the cache forgets it then).
pub struct Counter {
    limit: Limit,
    windows: Cache<u64, Arc<Window>>,
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl Counter {
    pub fn new(limit: Limit) -> Counter {
        Counter::with_capacity(limit, CAPACITY)
    }

    pub fn with_capacity(limit: Limit, capacity: u64) -> Counter {
        Counter {
            limit,
            windows: Cache::builder()
                .max_capacity(capacity)
                .time_to_live(limit.window)
                .build(),
        }
    }

    pub fn limit(&self) -> Limit {
        self.limit
    }

    fn window(&self, key: u64, now: Instant) -> Arc<Window> {
        self.windows.get_with(key, || {
            Arc::new(Window {
                started: now,
                count: AtomicU32::new(0),
                last_ms: AtomicU64::new(0),
            })
        })
    }

    fn wait(&self, window: &Window, now: Instant) -> Wait {
        Wait((window.started + self.limit.window).saturating_duration_since(now))
    }

    /// Counts an attempt under `key`, or refuses it (uncounted) past the limit.
    pub fn hit(&self, key: u64) -> Result<Standing, Wait> {
        self.hit_at(key, Instant::now())
    }

    fn hit_at(&self, key: u64, now: Instant) -> Result<Standing, Wait> {
        let window = self.window(key, now);
        let counted = window.count.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < self.limit.attempts).then_some(n + 1)
        });
        match counted {
            Ok(before) => {
                window
                    .last_ms
                    .store(millis_since(window.started, now), Ordering::Release);
                Ok(Standing {
                    limit: self.limit,
                    remaining: self.limit.attempts - before - 1,
                    resets_in: self.wait(&window, now).0,
                })
            }
            Err(_) => Err(self.wait(&window, now)),
        }
    }

    /// Refuses once `key` has reached the limit; counts nothing (see `record`).
    pub fn check(&self, key: u64) -> Result<(), Wait> {
        self.check_at(key, Instant::now())
    }

    fn check_at(&self, key: u64, now: Instant) -> Result<(), Wait> {
        match self.windows.get(&key) {
            Some(window) if window.count.load(Ordering::Acquire) >= self.limit.attempts => Err(self.wait(&window, now)),
            _ => Ok(()),
        }
    }

    /// Counts one attempt (a failure) under `key`, even past the limit.
    pub fn record(&self, key: u64) {
        self.record_at(key, Instant::now());
    }

    fn record_at(&self, key: u64, now: Instant) {
        let window = self.window(key, now);
        window.count.fetch_add(1, Ordering::AcqRel);
        window
            .last_ms
            .store(millis_since(window.started, now), Ordering::Release);
    }

    /// How many attempts `key` made in its current window, and how long ago the last was.
    pub fn recent(&self, key: u64) -> Option<(u32, Duration)> {
        self.recent_at(key, Instant::now())
    }

    fn recent_at(&self, key: u64, now: Instant) -> Option<(u32, Duration)> {
        let window = self.windows.get(&key)?;
        let count = window.count.load(Ordering::Acquire);
        let last = window.started + Duration::from_millis(window.last_ms.load(Ordering::Acquire));
        (count > 0).then(|| (count, now.saturating_duration_since(last)))
    }

    /// Forgets `key` (a sign-in that succeeded).
    pub fn forget(&self, key: u64) {
        self.windows.invalidate(&key);
    }

    /// Keys kept now (after pending expiries are applied).
    pub fn len(&self) -> u64 {
        self.windows.run_pending_tasks();
        self.windows.entry_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn millis_since(start: Instant, now: Instant) -> u64 {
    u64::try_from(now.saturating_duration_since(start).as_millis()).unwrap_or(u64::MAX)
}

/// Every limit kept in memory, one counter each.
pub struct RateLimits {
    pub sign_in_failures_per_network: Counter,
    /// Failures per IPv6 /48 (an IPv4 address counts as its own).
    pub sign_in_failures_per_wide_network: Counter,
    /// Failures per (account email, network): a network that has not failed on an account
    /// is not slowed down by the account's delay.
    pub sign_in_failures_per_pair: Counter,
    /// Failures per email address on this server; for an email without an account it
    /// stands in for the account's count, so both answer alike.
    pub sign_in_failures_per_email: Counter,
    pub registration_attempts_per_network: Counter,
    pub password_changes_per_account: Counter,
    pub password_resets_per_email: Counter,
    pub password_resets_per_network: Counter,
    pub votes_per_account: Counter,
    pub reports_per_account: Counter,
    /// Refused calls per account: past it, a call the account may not make is answered
    /// 429 and not audited again, so refusals cannot flood the database with writes.
    pub refusals_per_account: Counter,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimits").finish_non_exhaustive()
    }
}

/// Refused calls per account before they are answered 429.
pub const REFUSALS_PER_ACCOUNT: Limit = Limit {
    attempts: 120,
    window: Duration::from_secs(60),
};

impl Default for RateLimits {
    fn default() -> Self {
        let memory = Limit {
            attempts: u32::MAX,
            window: SIGN_IN_FAILURE_MEMORY,
        };
        RateLimits {
            sign_in_failures_per_network: Counter::new(SIGN_IN_FAILURES_PER_NETWORK),
            sign_in_failures_per_wide_network: Counter::new(SIGN_IN_FAILURES_PER_WIDE_NETWORK),
            sign_in_failures_per_pair: Counter::new(memory),
            sign_in_failures_per_email: Counter::new(memory),
            registration_attempts_per_network: Counter::new(REGISTRATION_ATTEMPTS_PER_NETWORK),
            password_changes_per_account: Counter::new(PASSWORD_CHANGES_PER_ACCOUNT),
            password_resets_per_email: Counter::new(PASSWORD_RESETS_PER_EMAIL),
            password_resets_per_network: Counter::new(PASSWORD_RESETS_PER_NETWORK),
            votes_per_account: Counter::new(VOTES_PER_ACCOUNT),
            reports_per_account: Counter::new(REPORTS_PER_ACCOUNT),
            refusals_per_account: Counter::new(REFUSALS_PER_ACCOUNT),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREE_A_MINUTE: Limit = Limit {
        attempts: 3,
        window: Duration::from_secs(60),
    };

    #[test]
    fn attempts_beyond_the_limit_are_refused_with_the_time_left_in_the_window() {
        let counter = Counter::new(THREE_A_MINUTE);
        let now = Instant::now();
        assert!((0..3).all(|_| counter.hit_at(1, now).is_ok()));
        let later = now + Duration::from_secs(20);
        assert_eq!(counter.hit_at(1, later), Err(Wait(Duration::from_secs(40))));
    }

    #[test]
    fn each_counted_attempt_says_how_many_are_left_and_when_the_window_ends() {
        let counter = Counter::new(THREE_A_MINUTE);
        let now = Instant::now();
        let first = counter.hit_at(1, now).expect("first attempt");
        assert_eq!((first.remaining, first.resets_in), (2, Duration::from_secs(60)));
        let later = now + Duration::from_secs(15);
        let _ = counter.hit_at(1, later);
        let last = counter.hit_at(1, later).expect("third attempt");
        assert_eq!((last.remaining, last.resets_in), (0, Duration::from_secs(45)));
    }

    #[test]
    fn each_key_has_its_own_count() {
        let counter = Counter::new(THREE_A_MINUTE);
        let now = Instant::now();
        for _ in 0..3 {
            let _ = counter.hit_at(1, now);
        }
        assert!(counter.hit_at(2, now).is_ok());
    }

    #[test]
    fn each_limit_keeps_its_own_window() {
        let short = Counter::new(Limit {
            attempts: 1,
            window: Duration::from_millis(50),
        });
        let long = Counter::new(Limit {
            attempts: 1,
            window: Duration::from_secs(3600),
        });
        assert!(short.hit(1).is_ok() && long.hit(1).is_ok());
        std::thread::sleep(Duration::from_millis(80));
        assert!(short.hit(1).is_ok(), "the short window has ended");
        assert!(
            long.hit(1).is_err(),
            "the long one has not, whatever the other limit did"
        );
    }

    #[test]
    fn a_refused_attempt_is_not_counted_but_a_recorded_failure_is() {
        let counter = Counter::new(THREE_A_MINUTE);
        let now = Instant::now();
        for _ in 0..10 {
            let _ = counter.hit_at(1, now);
        }
        assert_eq!(counter.recent_at(1, now).map(|(n, _)| n), Some(3));
        for _ in 0..5 {
            counter.record_at(2, now);
        }
        assert_eq!(counter.recent_at(2, now).map(|(n, _)| n), Some(5));
        assert!(counter.check_at(2, now).is_err());
        assert!(counter.check_at(3, now).is_ok(), "checking counts nothing");
        assert_eq!(counter.recent_at(3, now), None);
    }

    #[test]
    fn memory_stays_bounded_whatever_the_number_of_keys() {
        let counter = Counter::with_capacity(THREE_A_MINUTE, 1_000);
        for key in 0..50_000u64 {
            let _ = counter.hit(key);
        }
        assert!(counter.len() <= 1_000, "{} keys kept", counter.len());
    }

    #[test]
    fn keys_are_short_and_tell_inputs_apart() {
        assert_ne!(key("ana@example.be"), key("bob@example.be"));
        assert_eq!(key("ana@example.be"), key("ana@example.be"));
        let long = "x".repeat(100_000);
        assert_eq!(std::mem::size_of_val(&key(long.as_str())), 8);
    }

    #[test]
    fn sign_in_slows_down_gradually_and_never_past_the_cap() {
        assert_eq!(sign_in_delay(0), Duration::ZERO);
        assert_eq!(sign_in_delay(FREE_SIGN_IN_FAILURES - 1), Duration::ZERO);
        assert_eq!(sign_in_delay(FREE_SIGN_IN_FAILURES), Duration::from_secs(2));
        assert_eq!(sign_in_delay(FREE_SIGN_IN_FAILURES + 1), Duration::from_secs(4));
        assert_eq!(sign_in_delay(1_000_000), MAX_SIGN_IN_DELAY);
    }

    #[test]
    fn a_wait_rounds_up_to_whole_seconds() {
        assert_eq!(Wait(Duration::from_millis(1)).seconds(), 1);
        assert_eq!(Wait(Duration::from_secs(40)).seconds(), 40);
        assert_eq!(Wait(Duration::ZERO).seconds(), 1);
    }
}
