//! Password hashing (argon2id) and strength estimation, off the async runtime.

use crate::accounts::model::Password;
use crate::error::{AppError, AppResult};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

/// Hashing takes 19 MiB and a core for tens of milliseconds; strength estimation a core
/// too. A few jobs run at a time (`slots_for`), the others wait their turn, so fifty
/// sign-ins at once cost the memory of a few, not of fifty.
static SLOTS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(slot_count())));

fn slot_count() -> usize {
    slots_for(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// Half the cores, at least one: a burst of sign-ins leaves the other half to the pages,
/// and its memory stays 19 MiB a core pair (on two cores, one hash at a time kept the
/// server under 100 MB where two took it to 109: README, "Speed").
fn slots_for(cores: usize) -> usize {
    (cores / 2).max(1)
}

/// Jobs running now, and the most ever seen at once (for the test of the bound).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static MOST_AT_ONCE: AtomicUsize = AtomicUsize::new(0);

/// The right to hash once: one of a few, waited for in turn.
/// Shared by the request and its hashing job: the slot is free once both let it go.
#[derive(Clone)]
pub struct Slot {
    _permit: Arc<tokio::sync::OwnedSemaphorePermit>,
}

/// Waits for a hashing slot. Sign-in takes it before its last checks and keeps it until
/// a failure is counted, so that only the few attempts holding one can be between their
/// checks and the counting of their failure, however many are sent at once.
pub async fn slot() -> AppResult<Slot> {
    SLOTS
        .clone()
        .acquire_owned()
        .await
        .map(|permit| Slot {
            _permit: Arc::new(permit),
        })
        .map_err(AppError::internal)
}

/// Runs `job` on the blocking pool once a slot is free.
async fn bounded<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    in_slot(slot().await?, job).await
}

/// Runs `job` on the blocking pool in `slot`.
async fn in_slot<T: Send + 'static>(slot: Slot, job: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    tokio::task::spawn_blocking(move || {
        // The job holds its slot until it ends, even if the request that asked for it is
        // gone (a client that hung up must not free the slot of a hash still running).
        let _slot = slot;
        let now = RUNNING.fetch_add(1, Ordering::AcqRel) + 1;
        MOST_AT_ONCE.fetch_max(now, Ordering::AcqRel);
        let outcome = job();
        RUNNING.fetch_sub(1, Ordering::AcqRel);
        outcome
    })
    .await
    .map_err(AppError::internal)
}

fn hasher() -> Argon2<'static> {
    // OWASP's first recommended configuration: 19 MiB, 2 iterations, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: Password) -> AppResult<String> {
    bounded(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(AppError::internal)
    })
    .await?
}

/// A hash of nothing anyone knows, verified against when the account does not exist,
/// so that a failed sign-in takes as long either way.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(b"no account has this password", &salt)
        .map(|h| h.to_string())
        .expect("hashing a constant succeeds")
});

/// Verifies `candidate` against `stored`, or against a dummy hash when there is no account.
pub async fn verify(candidate: String, stored: Option<String>) -> AppResult<bool> {
    verify_in(&slot().await?, candidate, stored).await
}

/// `verify`, in a slot already taken (the caller may keep holding it afterwards).
pub async fn verify_in(slot: &Slot, candidate: String, stored: Option<String>) -> AppResult<bool> {
    in_slot(slot.clone(), move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let parsed = PasswordHash::new(&phc).map_err(AppError::internal)?;
        let matches = hasher().verify_password(candidate.as_bytes(), &parsed).is_ok();
        Ok(known && matches)
    })
    .await?
}

/// Warms the dummy hash at start-up so the first failed sign-in is not slower.
pub fn warm_up() {
    LazyLock::force(&DUMMY_HASH);
}

/// zxcvbn's estimate, refusing scores below 3 ("safely unguessable"); the user's own
/// name and email count as known words.
pub async fn is_strong_enough(password: String, known_words: Vec<String>) -> AppResult<bool> {
    bounded(move || {
        let inputs: Vec<&str> = known_words.iter().map(String::as_str).collect();
        let estimate = zxcvbn::zxcvbn(&password, &inputs);
        u8::from(estimate.score()) >= 3
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_stored_hash_is_argon2id_with_the_required_cost() {
        let stored = hash(Password::parse("a long and unusual passphrase").expect("valid"))
            .await
            .expect("hashes");
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
    }

    #[tokio::test]
    async fn the_right_password_verifies_and_a_wrong_one_does_not() {
        let stored = hash(Password::parse("a long and unusual passphrase").expect("valid"))
            .await
            .expect("hashes");
        assert!(verify("a long and unusual passphrase".into(), Some(stored.clone()))
            .await
            .expect("runs"));
        assert!(!verify("a long and unusual passphrasf".into(), Some(stored))
            .await
            .expect("runs"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn fifty_hashings_at_once_queue_instead_of_running_together() {
        let stored = hash(Password::parse("a long and unusual passphrase").expect("valid"))
            .await
            .expect("hashes");
        let jobs = (0..50).map(|i| {
            let stored = stored.clone();
            tokio::spawn(async move {
                if i % 2 == 0 {
                    verify("a wrong passphrase entirely".into(), Some(stored))
                        .await
                        .map(|_| ())
                } else {
                    is_strong_enough("violet tram under the Atomium hums".into(), vec![])
                        .await
                        .map(|_| ())
                }
            })
        });
        for job in futures_join(jobs).await {
            job.expect("joins").expect("runs");
        }
        let most = MOST_AT_ONCE.load(Ordering::Acquire);
        assert!(most >= 1, "jobs ran");
        assert!(
            most <= slot_count(),
            "{most} jobs ran at once with {} slots",
            slot_count()
        );
    }

    async fn futures_join<T>(
        handles: impl Iterator<Item = tokio::task::JoinHandle<T>>,
    ) -> Vec<Result<T, tokio::task::JoinError>> {
        let mut out = vec![];
        for handle in handles.collect::<Vec<_>>() {
            out.push(handle.await);
        }
        out
    }

    #[test]
    fn hashing_takes_half_the_cores_and_never_none() {
        assert_eq!(slots_for(1), 1);
        assert_eq!(slots_for(2), 1);
        assert_eq!(slots_for(3), 1);
        assert_eq!(slots_for(8), 4);
    }

    #[tokio::test]
    async fn no_password_verifies_when_the_account_does_not_exist() {
        assert!(!verify("no account has this password".into(), None).await.expect("runs"));
    }

    #[tokio::test]
    async fn a_common_password_is_too_weak() {
        assert!(!is_strong_enough("password1234".into(), vec![]).await.expect("runs"));
        assert!(!is_strong_enough("aaaaaaaaaaaa".into(), vec![]).await.expect("runs"));
        assert!(!is_strong_enough("qwertyuiop12".into(), vec![]).await.expect("runs"));
    }

    #[tokio::test]
    async fn a_password_made_of_the_users_own_name_is_too_weak() {
        assert!(!is_strong_enough("ana.peeters.ana".into(), vec!["ana.peeters".into()])
            .await
            .expect("runs"));
    }

    #[tokio::test]
    async fn a_long_random_passphrase_is_strong_enough() {
        assert!(is_strong_enough("violet tram under the Atomium hums".into(), vec![])
            .await
            .expect("runs"));
    }
}
