//! The frame every page shares, the home page, and the language switch.

pub mod api;
pub mod views;
