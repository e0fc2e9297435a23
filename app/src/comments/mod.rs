//! Comments on ideas: one level of replies, a short edit window, deletion that keeps the
//! thread. The idea's comment counter and the notifications change in the same transaction.

pub mod api;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
