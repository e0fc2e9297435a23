//! Email: what is sent (composed in the recipient's language), the outbox it waits in,
//! and the single-use links it carries. The server's worker sends what waits.

#[cfg(feature = "ssr")]
pub mod compose;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
