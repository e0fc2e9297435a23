//! The allocator's one setting that Agora changes: how long freed memory stays with the
//! process.
//!
//! mimalloc (v3, the global allocator: `main.rs`) keeps memory it freed for a second
//! before giving it back to the system (`purge_delay`, 1,000 ms). Under load that second
//! holds the work areas of the password hashes of a burst of sign-ins (19 MiB each) and
//! the pages of requests already answered, so the server's peak grew by a third for
//! memory it no longer used. Giving it back at once costs about 3% more CPU per page
//! (README, "Speed").

/// `mi_option_purge_delay` in mimalloc.h's `mi_option_e` (the same in v2 and v3);
/// libmimalloc-sys names no constant for it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// What an operator can set to choose another delay (milliseconds; -1: never), as
/// mimalloc documents; then it is left alone.
pub const PURGE_DELAY_VARIABLE: &str = "MIMALLOC_PURGE_DELAY";

/// Returns freed memory to the system at once, unless the environment chose a delay.
/// Called first thing in `main`'s body (the runtime's threads already run; the option
/// is read at each purge, so memory freed from then on follows it).
#[allow(unsafe_code)]
pub fn return_freed_memory_at_once() {
    if std::env::var_os(PURGE_DELAY_VARIABLE).is_some() {
        return;
    }
    // SAFETY: `mi_option_set` stores a number in mimalloc's option table, which mimalloc
    // reads at each purge; it takes no pointer and is valid at any time.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// The delay mimalloc now applies, in milliseconds.
#[allow(unsafe_code)]
pub fn purge_delay_ms() -> std::ffi::c_long {
    // SAFETY: `mi_option_get` reads a number from mimalloc's option table; no pointer.
    unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test, as each changes the process's allocator settings.
    #[test]
    fn option_fifteen_is_the_purge_delay_and_the_server_sets_it_to_zero() {
        if std::env::var_os(PURGE_DELAY_VARIABLE).is_some() {
            // The environment chose: the option keeps what it chose.
            let before = purge_delay_ms();
            return_freed_memory_at_once();
            assert_eq!(purge_delay_ms(), before);
            return;
        }
        // mimalloc v3's default purge delay: option 15 is the one this module means.
        assert_eq!(purge_delay_ms(), 1000);
        return_freed_memory_at_once();
        assert_eq!(purge_delay_ms(), 0);
    }
}
