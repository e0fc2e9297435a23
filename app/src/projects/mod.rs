//! Projects and government commitments: moderators promote ideas into candidate
//! projects owned by a member of the government, who adopts or declines them with a
//! public statement and keeps a roadmap and a timeline; the commitments page and the
//! Program Office's dashboard show the programme as a whole.

pub mod api;
pub mod charts;
pub mod model;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
