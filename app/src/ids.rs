//! Ids as types of their own, so that a project's id cannot be passed where an account's
//! is expected (`reassign(db, moderator, project, owner)` no longer compiles with two of
//! them swapped). On the wire and in the database they are plain integers.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
            #[serde(transparent)]
            pub struct $name(pub i64);

            impl $name {
                /// The integer the database and the addresses use.
                pub fn get(self) -> i64 {
                    self.0
                }
            }

            impl std::fmt::Display for $name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    self.0.fmt(f)
                }
            }

            impl std::str::FromStr for $name {
                type Err = std::num::ParseIntError;

                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    s.parse().map($name)
                }
            }
        )+
    };
}

id_type!(
    /// An account: a resident, an organisation, a moderator, an official or an admin.
    AccountId,
    /// An idea.
    IdeaId,
    /// A project promoted from ideas.
    ProjectId,
    /// A milestone on a project's roadmap.
    MilestoneId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_travels_as_a_plain_integer() {
        assert_eq!(serde_json::to_string(&ProjectId(7)).expect("json"), "7");
        assert_eq!(serde_json::from_str::<AccountId>("42").expect("json"), AccountId(42));
        assert_eq!("15".parse::<MilestoneId>(), Ok(MilestoneId(15)));
        assert_eq!(IdeaId(3).to_string(), "3");
    }
}
