//! Follows: an account hears about what happens to the ideas it follows. Authors follow
//! their own ideas from the start.

pub mod api;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
