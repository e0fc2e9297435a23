//! The frame every page shares, the home page, the language switch, and the pages about
//! the platform itself (privacy, open data).

pub mod api;
pub mod model;
pub mod views;
