//! Votes: one per account per idea, withdrawable while the idea is undecided; the
//! idea's counter changes in the same transaction as the vote.

pub mod api;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod trending;
