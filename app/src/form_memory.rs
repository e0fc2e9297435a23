//! What a person typed into a form the server refused, kept for the page that shows the
//! refusal (never passwords).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormMemory {
    /// Which form: one of the `*_FORM` names of the server functions.
    pub form: String,
    pub values: BTreeMap<String, String>,
}
