//! Sliding-window limits on attempts (sign-in per account, registration per address).
//! Kept in memory: with several servers each applies the limit on its own share.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub attempts: usize,
    pub window: Duration,
}

pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    attempts: 10,
    window: Duration::from_secs(15 * 60),
};

pub const REGISTRATIONS_PER_ADDRESS: Limit = Limit {
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

/// Past this many keys, keys whose attempts have all expired are forgotten.
const PRUNE_ABOVE: usize = 10_000;

#[derive(Default, Debug)]
pub struct RateLimiter {
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// Records an attempt under `key` and says whether it is within `limit`.
    pub fn allow(&self, key: &str, limit: Limit) -> bool {
        self.allow_at(key, limit, Instant::now())
    }

    fn allow_at(&self, key: &str, limit: Limit, now: Instant) -> bool {
        let Ok(mut attempts) = self.attempts.lock() else {
            return true;
        };
        if attempts.len() > PRUNE_ABOVE {
            attempts.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < limit.window));
        }
        let times = attempts.entry(key.to_owned()).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= limit.window) {
            times.pop_front();
        }
        if times.len() >= limit.attempts {
            return false;
        }
        times.push_back(now);
        true
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
    fn attempts_beyond_the_limit_are_refused() {
        let limiter = RateLimiter::default();
        let now = Instant::now();
        assert!((0..3).all(|_| limiter.allow_at("k", THREE_A_MINUTE, now)));
        assert!(!limiter.allow_at("k", THREE_A_MINUTE, now));
    }

    #[test]
    fn attempts_are_allowed_again_once_the_window_has_passed() {
        let limiter = RateLimiter::default();
        let now = Instant::now();
        for _ in 0..3 {
            limiter.allow_at("k", THREE_A_MINUTE, now);
        }
        assert!(limiter.allow_at("k", THREE_A_MINUTE, now + Duration::from_secs(61)));
    }

    #[test]
    fn each_key_has_its_own_count() {
        let limiter = RateLimiter::default();
        let now = Instant::now();
        for _ in 0..3 {
            limiter.allow_at("a", THREE_A_MINUTE, now);
        }
        assert!(limiter.allow_at("b", THREE_A_MINUTE, now));
    }
}
