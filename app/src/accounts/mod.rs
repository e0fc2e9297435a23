//! Accounts: registration, sign-in, profiles, roles.

pub mod api;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
