//! Moderation: moderators keep the platform healthy and answer every idea. A queue of new
//! ideas, reports and hidden content; statuses with public notes; merging duplicates;
//! hiding and restoring; blocking accounts and verifying organisations. Every decision is
//! audited, and the people it concerns are notified.

pub mod api;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
