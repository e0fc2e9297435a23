use serde::{Deserialize, Serialize};

/// An idea's count and whether the caller supports it, after a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteState {
    pub idea_id: i64,
    pub count: i64,
    pub voted: bool,
}
