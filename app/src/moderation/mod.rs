//! Moderation: moderators answer every idea. This first part sets an idea's status
//! (under review, declined with a public reason, back to open) with a note shown in the
//! idea's history, notifies the author and followers, and audits it.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
