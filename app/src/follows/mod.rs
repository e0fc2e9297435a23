//! Follows: an account hears about what happens to the ideas it follows. Authors follow
//! their own ideas from the start.

pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
