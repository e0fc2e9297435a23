//! What the open data page says about the terms of the data, from the server's settings.

use serde::{Deserialize, Serialize};

/// The terms the open data is published under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenDataTerms {
    pub licence_name: String,
    pub licence_url: String,
    /// Requests one network may make to the API per minute.
    pub requests_per_minute: u32,
    /// The site's public address, for the examples.
    pub site: String,
}
