//! In-app notifications: a new comment on a followed idea, a reply to one's comment, a
//! change of an idea's status. Written in the transaction of the action that causes them;
//! nobody is notified of their own action.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
