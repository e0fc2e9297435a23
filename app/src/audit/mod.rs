//! The append-only audit log: who did what, to what, when. The database refuses
//! updates and deletes of its rows (triggers in the first migration).

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;

/// How many entries the audit page shows at once (also known to the browser).
pub const PAGE_SIZE: i64 = 100;
