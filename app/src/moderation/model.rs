use crate::accounts::model::{parse_text, InputError};
use crate::ideas::model::IdeaStatus;

/// The statuses a moderator may move an idea between. `accepted` comes with a project,
/// `duplicate` with a merge, `withdrawn` only from the author.
pub const MODERATED: [IdeaStatus; 3] = [IdeaStatus::Open, IdeaStatus::UnderReview, IdeaStatus::Declined];

/// Whether a moderator may move an idea from `from` to `to`.
pub fn transition_allowed(from: IdeaStatus, to: IdeaStatus) -> bool {
    use IdeaStatus::*;
    matches!(
        (from, to),
        (Open, UnderReview) | (Open, Declined) | (UnderReview, Open) | (UnderReview, Declined) | (Declined, Open)
    )
}

/// The public note that goes with a status change: required when declining, so that the
/// author and everyone else read why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicNote(String);

impl PublicNote {
    pub const MAX: usize = 1000;

    pub fn parse(input: &str, to: IdeaStatus) -> Result<PublicNote, InputError> {
        let min = usize::from(to == IdeaStatus::Declined);
        parse_text(&input.replace("\r\n", "\n"), min, Self::MAX, true).map(PublicNote)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdeaStatus::*;

    #[test]
    fn moderators_move_ideas_only_between_undecided_and_declined() {
        let allowed: Vec<(IdeaStatus, IdeaStatus)> = IdeaStatus::ALL
            .into_iter()
            .flat_map(|from| IdeaStatus::ALL.into_iter().map(move |to| (from, to)))
            .filter(|(from, to)| transition_allowed(*from, *to))
            .collect();
        assert_eq!(
            allowed,
            [
                (Open, UnderReview),
                (Open, Declined),
                (UnderReview, Open),
                (UnderReview, Declined),
                (Declined, Open)
            ]
        );
    }

    #[test]
    fn a_withdrawn_idea_cannot_be_declined() {
        assert!(!transition_allowed(Withdrawn, Declined));
    }

    #[test]
    fn declining_needs_a_public_reason() {
        assert_eq!(PublicNote::parse("  ", Declined), Err(InputError::Required));
        assert!(PublicNote::parse("", UnderReview).is_ok());
        assert_eq!(PublicNote::parse(&"a".repeat(1001), Open), Err(InputError::TooLong));
    }
}
