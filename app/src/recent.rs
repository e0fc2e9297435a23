//! A value that many requests read and that may be a little old: computed by the first
//! request that finds it missing or stale, while the others wait for it and share it.

use std::future::Future;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

pub struct Recent<T> {
    max_age: Duration,
    value: Mutex<Option<(Instant, T)>>,
}

impl<T: Clone> Recent<T> {
    pub fn new(max_age: Duration) -> Recent<T> {
        Recent {
            max_age,
            value: Mutex::new(None),
        }
    }

    /// The value, computed by `compute` when it is older than `max_age`. An error is
    /// returned, never kept.
    pub async fn get_or_compute<E, F>(&self, compute: impl FnOnce() -> F) -> Result<T, E>
    where
        F: Future<Output = Result<T, E>>,
    {
        if self.max_age.is_zero() {
            // Nothing is kept: readers need not wait for each other.
            return compute().await;
        }
        // Held while computing, so that a stale value is computed once, not once per request.
        let mut value = self.value.lock().await;
        if let Some((at, fresh)) = value.as_ref() {
            if at.elapsed() < self.max_age {
                return Ok(fresh.clone());
            }
        }
        let computed = compute().await?;
        *value = Some((Instant::now(), computed.clone()));
        Ok(computed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_fresh_value_is_shared_and_a_stale_one_computed_again() {
        let recent = Recent::new(Duration::from_secs(60));
        let first: Result<i32, ()> = recent.get_or_compute(|| async { Ok(1) }).await;
        let second: Result<i32, ()> = recent.get_or_compute(|| async { Ok(2) }).await;
        assert_eq!((first, second), (Ok(1), Ok(1)));
        let stale = Recent::new(Duration::ZERO);
        let _: Result<i32, ()> = stale.get_or_compute(|| async { Ok(1) }).await;
        let again: Result<i32, ()> = stale.get_or_compute(|| async { Ok(2) }).await;
        assert_eq!(again, Ok(2));
    }

    #[tokio::test]
    async fn readers_arriving_together_share_one_computation() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let recent = Recent::new(Duration::from_secs(60));
        let computations = AtomicUsize::new(0);
        let read = || {
            recent.get_or_compute(|| async {
                computations.fetch_add(1, Ordering::SeqCst);
                // Lets the other readers arrive while this one computes.
                tokio::task::yield_now().await;
                Ok::<i32, ()>(7)
            })
        };
        let answers = tokio::join!(read(), read(), read(), read());
        assert_eq!(answers, (Ok(7), Ok(7), Ok(7), Ok(7)));
        assert_eq!(computations.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn an_error_is_not_kept() {
        let recent = Recent::new(Duration::from_secs(60));
        let failed: Result<i32, &str> = recent.get_or_compute(|| async { Err("down") }).await;
        let later: Result<i32, &str> = recent.get_or_compute(|| async { Ok(3) }).await;
        assert_eq!((failed, later), (Err("down"), Ok(3)));
    }
}
