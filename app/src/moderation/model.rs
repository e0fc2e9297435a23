use crate::accounts::model::{AccountKind, Role};
use crate::error::ErrorCode;
use crate::ideas::model::{Author, IdeaStatus};
use crate::text::{parse_lines, parse_text, parsed_text, InputError};
use serde::{Deserialize, Serialize};

/// The statuses a moderator may move an idea between with a note. `accepted` comes with
/// a project, `duplicate` with a merge, `withdrawn` only from the author.
pub const MODERATED: [IdeaStatus; 3] = [IdeaStatus::Open, IdeaStatus::UnderReview, IdeaStatus::Declined];

/// Whether a moderator may move an idea from `from` to `to`. A merge (to `duplicate`)
/// moves votes and followers and is not undone; `accepted` and `withdrawn` are reached
/// by other roads.
pub fn transition_allowed(from: IdeaStatus, to: IdeaStatus) -> bool {
    use IdeaStatus::*;
    matches!(
        (from, to),
        (Open, UnderReview)
            | (Open, Declined)
            | (Open, Duplicate)
            | (UnderReview, Open)
            | (UnderReview, Declined)
            | (UnderReview, Duplicate)
            | (Declined, Open)
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
        parse_lines(input, min, Self::MAX).map(PublicNote)
    }

    /// A public response that changes no status says something.
    pub fn parse_response(input: &str) -> Result<PublicNote, InputError> {
        parse_lines(input, 1, Self::MAX).map(PublicNote)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

parsed_text! {
    /// Why a moderator hides, restores or keeps something, blocks or unblocks an account, or
    /// verifies an organisation: every decision says why, for the audit log and, where it
    /// concerns them, for the person concerned.
    ModerationReason, 1..=500, line
}

/// What can be reported and hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Idea,
    Comment,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Idea => "idea",
            Target::Comment => "comment",
        }
    }

    pub fn parse(s: &str) -> Option<Target> {
        [Target::Idea, Target::Comment].into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    Spam,
    Offensive,
    OffTopic,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Spam,
        ReportReason::Offensive,
        ReportReason::OffTopic,
        ReportReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Offensive => "offensive",
            ReportReason::OffTopic => "off_topic",
            ReportReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ReportReason> {
        ReportReason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A report: a reason, and words of the reporter's own (required for "other").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub reason: ReportReason,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportError {
    UnknownReason,
    Note(InputError),
}

impl ErrorCode for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::UnknownReason => "unknown_choice",
            ReportError::Note(e) => e.code(),
        }
    }
}

impl Report {
    pub const NOTE_MAX: usize = 500;

    pub fn parse(reason: &str, note: &str) -> Result<Report, ReportError> {
        let reason = ReportReason::parse(reason).ok_or(ReportError::UnknownReason)?;
        let min = usize::from(reason == ReportReason::Other);
        let note = parse_text(note, min, Self::NOTE_MAX, false).map_err(ReportError::Note)?;
        Ok(Report { reason, note })
    }
}

/// The tabs of the moderation queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QueueTab {
    /// Ideas nobody triaged yet, oldest first.
    #[default]
    New,
    /// Ideas and comments with open reports, most reported first.
    Reported,
    /// Hidden ideas and comments, most recently hidden first.
    Hidden,
    /// Business and academic accounts awaiting verification, oldest first.
    Organisations,
    /// Blocked accounts, most recently blocked first, to unblock.
    Blocked,
}

impl QueueTab {
    pub const ALL: [QueueTab; 5] = [
        QueueTab::New,
        QueueTab::Reported,
        QueueTab::Hidden,
        QueueTab::Organisations,
        QueueTab::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QueueTab::New => "new",
            QueueTab::Reported => "reported",
            QueueTab::Hidden => "hidden",
            QueueTab::Organisations => "organisations",
            QueueTab::Blocked => "blocked",
        }
    }

    pub fn parse(s: &str) -> Option<QueueTab> {
        QueueTab::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// What a moderator decides about a new idea, in one form of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Triage {
    /// Fine as it is: it stays open and leaves the queue.
    Keep,
    UnderReview,
    Declined,
    Duplicate,
    Hide,
}

impl Triage {
    pub const ALL: [Triage; 5] = [
        Triage::Keep,
        Triage::UnderReview,
        Triage::Declined,
        Triage::Duplicate,
        Triage::Hide,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Triage::Keep => "keep",
            Triage::UnderReview => "under_review",
            Triage::Declined => "declined",
            Triage::Duplicate => "duplicate",
            Triage::Hide => "hide",
        }
    }

    pub fn parse(s: &str) -> Option<Triage> {
        Triage::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The idea another one duplicates, as a moderator names it: its number or its address.
pub fn parse_idea_reference(input: &str) -> Result<i64, InputError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(InputError::Required);
    }
    // "#42" is how people write an idea's number.
    let input = input.strip_prefix('#').unwrap_or(input);
    let path = input.split(['?', '#']).next().unwrap_or_default();
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    crate::ideas::model::id_from_path_segment(last)
        .filter(|id| *id > 0)
        .ok_or(InputError::Unknown)
}

/// Open reports on an item, counted by reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ReportTally {
    pub total: i64,
    pub by_reason: Vec<(ReportReason, i64)>,
    /// What reporters wrote, newest first (a few).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hidden {
    pub at: i64,
    /// `None` when reports hid it, until a moderator decides.
    pub by: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedIdea {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub language: String,
    pub theme_names: [String; 3],
    pub status: IdeaStatus,
    pub author: Author,
    pub created_at: i64,
    pub vote_count: i64,
    pub reports: ReportTally,
    pub hidden: Option<Hidden>,
    /// Whether a moderator blocked the author.
    pub author_blocked: bool,
    /// Ideas like it, to find a duplicate to merge it into.
    pub similar: Vec<crate::ideas::model::SimilarIdea>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedComment {
    pub id: i64,
    pub idea_id: i64,
    pub idea_slug: String,
    pub idea_title: String,
    pub excerpt: String,
    pub author: Author,
    pub created_at: i64,
    pub reports: ReportTally,
    pub hidden: Option<Hidden>,
    /// Whether a moderator blocked the author.
    pub author_blocked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedOrganisation {
    pub id: i64,
    pub display_name: String,
    pub organisation_name: String,
    pub registration_number: Option<String>,
    pub kind: AccountKind,
    pub created_at: i64,
}

/// A blocked account, with who blocked it, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedAccount {
    pub id: i64,
    pub display_name: String,
    pub organisation_name: Option<String>,
    pub kind: AccountKind,
    pub role: Role,
    pub blocked_at: i64,
    pub blocked_by: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueueEntry {
    Idea(QueuedIdea),
    Comment(QueuedComment),
    Organisation(QueuedOrganisation),
    Blocked(BlockedAccount),
}

/// How many items wait in each tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QueueCounts {
    pub new: i64,
    pub reported: i64,
    pub hidden: i64,
    pub organisations: i64,
    pub blocked: i64,
}

impl QueueCounts {
    pub fn of(&self, tab: QueueTab) -> i64 {
        match tab {
            QueueTab::New => self.new,
            QueueTab::Reported => self.reported,
            QueueTab::Hidden => self.hidden,
            QueueTab::Organisations => self.organisations,
            QueueTab::Blocked => self.blocked,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    pub tab: QueueTab,
    pub counts: QueueCounts,
    pub entries: Vec<QueueEntry>,
    pub has_more: bool,
}

pub const QUEUE_PAGE_SIZE: i64 = 20;
pub const QUEUE_MAX_PAGE: u32 = 100;

/// What a report did, so the reporter can be thanked in the right words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reported {
    Received,
    /// This account had reported it before: nothing changed.
    AlreadyReported,
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdeaStatus::*;

    #[test]
    fn moderators_move_ideas_between_undecided_declined_and_duplicate() {
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
                (Open, Duplicate),
                (UnderReview, Open),
                (UnderReview, Declined),
                (UnderReview, Duplicate),
                (Declined, Open)
            ]
        );
    }

    #[test]
    fn a_withdrawn_idea_cannot_be_declined() {
        assert!(!transition_allowed(Withdrawn, Declined));
    }

    #[test]
    fn a_merged_duplicate_is_not_reopened() {
        assert!(!transition_allowed(Duplicate, Open));
    }

    #[test]
    fn declining_needs_a_public_reason() {
        assert_eq!(PublicNote::parse("  ", Declined), Err(InputError::Required));
        assert!(PublicNote::parse("", UnderReview).is_ok());
        assert_eq!(PublicNote::parse(&"a".repeat(1001), Open), Err(InputError::TooLong));
    }

    #[test]
    fn a_public_response_says_something() {
        assert_eq!(PublicNote::parse_response(" "), Err(InputError::Required));
        assert_eq!(
            PublicNote::parse_response("We will study it.").map(|n| n.as_str().to_owned()),
            Ok("We will study it.".to_owned())
        );
    }

    #[test]
    fn a_report_for_another_reason_needs_words() {
        assert_eq!(
            Report::parse("other", " "),
            Err(ReportError::Note(InputError::Required))
        );
        assert_eq!(
            Report::parse("spam", ""),
            Ok(Report {
                reason: ReportReason::Spam,
                note: String::new()
            })
        );
    }

    #[test]
    fn a_report_with_an_unknown_reason_is_refused() {
        assert_eq!(Report::parse("boring", ""), Err(ReportError::UnknownReason));
    }

    #[test]
    fn a_moderation_decision_without_a_reason_is_refused() {
        assert_eq!(ModerationReason::parse("  "), Err(InputError::Required));
        assert_eq!(ModerationReason::parse(&"x".repeat(501)), Err(InputError::TooLong));
        assert_eq!(
            ModerationReason::parse(" Spam links ").map(|r| r.as_str().to_owned()),
            Ok("Spam links".to_owned())
        );
    }

    #[test]
    fn an_idea_is_named_by_its_number_or_its_address() {
        assert_eq!(parse_idea_reference("42"), Ok(42));
        assert_eq!(parse_idea_reference("#42"), Ok(42));
        assert_eq!(parse_idea_reference("/ideas/42-free-wifi"), Ok(42));
        assert_eq!(
            parse_idea_reference("https://agora.example/ideas/42-free-wifi?x=1#comments"),
            Ok(42)
        );
        assert_eq!(parse_idea_reference(""), Err(InputError::Required));
        assert_eq!(parse_idea_reference("the other one"), Err(InputError::Unknown));
    }
}
