//! Ideas: submission, the public list, the idea page, withdrawal.

pub mod api;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
