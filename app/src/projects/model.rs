//! Project types shared by browser and server, and the parsers that keep bad input out.

use crate::calendar::days_in;
/// The calendar helpers projects count with, where they are written.
pub use crate::calendar::{
    days_from_civil, format_month, last_months, month_start_ms, year_month, year_start_ms, DAY_MS,
};
use crate::ideas::model::IdeaStatus;
use crate::text::{parse_lines, parse_text, parsed_text, InputError};
use serde::{Deserialize, Serialize};
use serde_tuple::{Deserialize_tuple, Serialize_tuple};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Candidate,
    Adopted,
    InProgress,
    Completed,
    Declined,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 5] = [
        ProjectStatus::Candidate,
        ProjectStatus::Adopted,
        ProjectStatus::InProgress,
        ProjectStatus::Completed,
        ProjectStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Candidate => "candidate",
            ProjectStatus::Adopted => "adopted",
            ProjectStatus::InProgress => "in_progress",
            ProjectStatus::Completed => "completed",
            ProjectStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether the owner may move a project from `self` to `to`: a candidate is adopted or
    /// declined; an adopted project starts, then completes. Nothing comes back.
    pub fn may_become(self, to: ProjectStatus) -> bool {
        use ProjectStatus::*;
        matches!(
            (self, to),
            (Candidate, Adopted) | (Candidate, Declined) | (Adopted, InProgress) | (InProgress, Completed)
        )
    }

    /// Adopting and declining are the government member's public word: a statement is required.
    pub fn needs_statement(self) -> bool {
        matches!(self, ProjectStatus::Adopted | ProjectStatus::Declined)
    }

    /// The roadmap is kept while the project is being carried out.
    pub fn roadmap_open(self) -> bool {
        matches!(self, ProjectStatus::Adopted | ProjectStatus::InProgress)
    }

    /// Updates are posted once the project is adopted, and after its completion too.
    pub fn takes_updates(self) -> bool {
        matches!(
            self,
            ProjectStatus::Adopted | ProjectStatus::InProgress | ProjectStatus::Completed
        )
    }

    /// Counts as a commitment: adopted, and not abandoned since.
    pub fn is_commitment(self) -> bool {
        self.takes_updates()
    }
}

/// The ideas a moderator may promote: nobody has decided on them yet.
pub fn promotable(status: IdeaStatus) -> bool {
    matches!(status, IdeaStatus::Open | IdeaStatus::UnderReview)
}

parsed_text! {
    ProjectTitle, 1..=120, line
}

parsed_text! {
    ProjectSummary, 1..=3000, lines
}

/// Critical success factors, one per line as typed; blank lines are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuccessFactors(Vec<String>);

impl SuccessFactors {
    pub const MAX_FACTORS: usize = 10;
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<SuccessFactors, InputError> {
        let lines: Vec<&str> = input.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if lines.is_empty() {
            return Err(InputError::Required);
        }
        if lines.len() > Self::MAX_FACTORS {
            return Err(InputError::TooLong);
        }
        lines
            .into_iter()
            .map(|line| parse_text(line, 1, Self::MAX_CHARS, false))
            .collect::<Result<Vec<_>, _>>()
            .map(SuccessFactors)
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

/// The government member's public statement on adopting or declining, or a note on a
/// later status change (optional there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement(String);

impl Statement {
    pub const MAX: usize = 2000;

    pub fn parse(input: &str, required: bool) -> Result<Statement, InputError> {
        parse_lines(input, usize::from(required), Self::MAX).map(Statement)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

parsed_text! {
    /// An update on the public timeline.
    UpdateBody, 1..=2000, lines
}

parsed_text! {
    MilestoneTitle, 1..=160, line
}

/// A milestone's target day, typed as `YYYY-MM-DD` (what `<input type="date">` sends);
/// kept as the unix milliseconds of that day's midnight, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetDate(i64);

impl TargetDate {
    pub fn parse(input: &str) -> Result<TargetDate, InputError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(InputError::Required);
        }
        let mut parts = text.splitn(3, '-');
        let mut number = |digits: usize| {
            parts
                .next()
                .filter(|p| p.len() == digits && p.chars().all(|c| c.is_ascii_digit()))
                .and_then(|p| p.parse::<i64>().ok())
        };
        let (Some(year), Some(month), Some(day)) = (number(4), number(2), number(2)) else {
            return Err(InputError::Unknown);
        };
        let valid =
            (2000..=2100).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in(year, month);
        if !valid {
            return Err(InputError::Unknown);
        }
        Ok(TargetDate(days_from_civil(year, month, day) * DAY_MS))
    }

    pub fn unix_ms(self) -> i64 {
        self.0
    }
}

pub fn project_path(id: i64, slug: &str) -> String {
    format!("/projects/{id}-{slug}")
}

/// Milestones done out of all: the project's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub done: i64,
    pub total: i64,
}

impl Progress {
    /// Whole percent, rounded down so that 100 means everything is done.
    pub fn percent(self) -> i64 {
        if self.total <= 0 {
            0
        } else {
            (self.done.clamp(0, self.total) * 100) / self.total
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct Owner {
    pub id: i64,
    pub display_name: String,
    pub portfolio: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct ProjectCard {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub language: String,
    pub theme_slug: String,
    pub theme_names: [String; 3],
    pub owner: Owner,
    pub status: ProjectStatus,
    pub progress: Progress,
    pub adopted_at: Option<i64>,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    pub target_date: i64,
    pub done: bool,
    pub done_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateKind {
    /// The status changed; the body is the statement or note.
    Status,
    /// Moderators gave the project to another member of the government; the body names them.
    Owner,
    /// News from the owner.
    Update,
}

impl UpdateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UpdateKind::Status => "status",
            UpdateKind::Owner => "owner",
            UpdateKind::Update => "update",
        }
    }

    pub fn parse(s: &str) -> Option<UpdateKind> {
        [UpdateKind::Status, UpdateKind::Owner, UpdateKind::Update]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub kind: UpdateKind,
    pub status: Option<ProjectStatus>,
    pub body: String,
    pub author_name: Option<String>,
    pub at: i64,
}

/// An entry of a project's timeline, with the project it is about (the feeds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectNews {
    pub id: i64,
    pub project_id: i64,
    pub project_slug: String,
    pub project_title: String,
    pub entry: TimelineEntry,
}

/// An idea the project came from, with the support it gathered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceIdea {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub language: String,
    pub author_name: String,
    pub vote_count: i64,
    pub comment_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDetail {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub theme_slug: String,
    pub theme_names: [String; 3],
    pub owner: Owner,
    pub status: ProjectStatus,
    pub statement: String,
    pub decided_at: Option<i64>,
    pub adopted_at: Option<i64>,
    pub created_at: i64,
    pub factors: Vec<String>,
    pub milestones: Vec<Milestone>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    pub ideas: Vec<SourceIdea>,
    /// Distinct accounts supporting at least one of the source ideas.
    pub supporters: i64,
    pub followers: i64,
}

impl ProjectDetail {
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.milestones.iter().filter(|m| m.done).count() as i64,
            total: self.milestones.len() as i64,
        }
    }
}

/// What the reader of a project page may do with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectPage {
    pub project: ProjectDetail,
    pub signed_in: bool,
    pub following: bool,
    /// The owner or an admin: decides, keeps the roadmap, posts updates.
    pub can_manage: bool,
    /// A moderator or an admin: gives the project to another member of the government.
    pub can_reassign: bool,
    /// Who it can be given to (read only for those who may reassign it).
    pub officials: Vec<Official>,
}

/// A project list request as it stands in the URL; unknown values are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectQuery {
    pub status: Option<ProjectStatus>,
    pub theme: Option<String>,
    pub owner: Option<i64>,
    pub page: u32,
}

impl ProjectQuery {
    pub const PAGE_SIZE: u32 = 20;
    pub const MAX_PAGE: u32 = 200;

    pub fn to_query_string(&self, page: u32) -> String {
        let mut url = form_urlencoded::Serializer::new(String::new());
        if let Some(status) = self.status {
            url.append_pair("status", status.as_str());
        }
        if let Some(theme) = &self.theme {
            url.append_pair("theme", theme);
        }
        if let Some(owner) = self.owner {
            url.append_pair("owner", &owner.to_string());
        }
        if page > 1 {
            url.append_pair("page", &page.to_string());
        }
        let query = url.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// A page of the projects list.
pub type ProjectList = crate::paging::Page<ProjectCard>;

/// A member of the government, as the public sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    pub id: i64,
    pub display_name: String,
    pub portfolio: Option<String>,
}

/// One member of the government and what they committed to this year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub official: Official,
    /// Adopted this calendar year (and not abandoned since), oldest first.
    pub adopted: Vec<ProjectCard>,
    /// Candidates awaiting their decision.
    pub pending: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitmentList {
    pub year: i64,
    pub officials: Vec<Commitment>,
}

/// A link from an idea to the project it became part of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectLink {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub language: String,
    pub status: ProjectStatus,
}

/// An idea offered on the promotion form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdeaChoice {
    pub id: i64,
    pub title: String,
    pub language: String,
    pub theme_slug: String,
    pub vote_count: i64,
}

/// The Program Office's figures for one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeFigures {
    pub slug: String,
    pub names: [String; 3],
    /// Ideas submitted (hidden ones left out).
    pub ideas: i64,
    /// Support given to those ideas.
    pub votes: i64,
    pub accepted: i64,
    /// Projects per status, in the order of `ProjectStatus::ALL`.
    pub projects: [i64; 5],
}

/// Accounts that took part (proposed, supported or commented) in one month, per kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthParticipation {
    pub year: i64,
    pub month: i64,
    /// Residents, businesses, academics: the order of `AccountKind::ALL`.
    pub by_kind: [i64; 3],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardFigures {
    pub themes: Vec<ThemeFigures>,
    pub participation: Vec<MonthParticipation>,
    /// When they were counted (unix ms): servers keep them a while.
    pub computed_at: i64,
}

impl DashboardFigures {
    pub const MONTHS: usize = 12;

    /// Projects per status over all themes.
    pub fn projects_by_status(&self) -> [i64; 5] {
        let mut totals = [0; 5];
        for theme in &self.themes {
            for (total, n) in totals.iter_mut().zip(theme.projects) {
                *total += n;
            }
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProjectStatus::*;

    #[test]
    fn a_project_is_adopted_or_declined_then_started_then_completed() {
        let allowed: Vec<(ProjectStatus, ProjectStatus)> = ProjectStatus::ALL
            .into_iter()
            .flat_map(|from| ProjectStatus::ALL.into_iter().map(move |to| (from, to)))
            .filter(|(from, to)| from.may_become(*to))
            .collect();
        assert_eq!(
            allowed,
            [
                (Candidate, Adopted),
                (Candidate, Declined),
                (Adopted, InProgress),
                (InProgress, Completed)
            ]
        );
    }

    #[test]
    fn adopting_and_declining_need_a_statement_and_later_steps_do_not() {
        assert!(Adopted.needs_statement() && Declined.needs_statement());
        assert!(!InProgress.needs_statement() && !Completed.needs_statement());
        assert_eq!(Statement::parse("  ", true), Err(InputError::Required));
        assert!(Statement::parse("", false).is_ok());
    }

    #[test]
    fn only_undecided_ideas_can_be_promoted() {
        let promotable: Vec<IdeaStatus> = IdeaStatus::ALL.into_iter().filter(|s| promotable(*s)).collect();
        assert_eq!(promotable, [IdeaStatus::Open, IdeaStatus::UnderReview]);
    }

    #[test]
    fn success_factors_are_read_one_per_line_without_blank_lines() {
        let factors = SuccessFactors::parse("Open data\r\n\n  Trained staff  \n").expect("valid");
        assert_eq!(factors.as_slice(), ["Open data", "Trained staff"]);
    }

    #[test]
    fn a_project_needs_at_least_one_and_at_most_ten_success_factors() {
        assert_eq!(SuccessFactors::parse(" \n "), Err(InputError::Required));
        assert_eq!(SuccessFactors::parse(&"x\n".repeat(11)), Err(InputError::TooLong));
        assert_eq!(SuccessFactors::parse(&"x".repeat(201)), Err(InputError::TooLong));
    }

    #[test]
    fn a_target_date_is_read_as_a_calendar_day() {
        assert_eq!(
            TargetDate::parse("2017-03-02").expect("valid").unix_ms(),
            1_488_412_800_000
        );
        assert!(TargetDate::parse("2024-02-29").is_ok());
        assert_eq!(TargetDate::parse("2023-02-29"), Err(InputError::Unknown));
        assert_eq!(TargetDate::parse("02/03/2017"), Err(InputError::Unknown));
        assert_eq!(TargetDate::parse(""), Err(InputError::Required));
        assert_eq!(TargetDate::parse("1999-12-31"), Err(InputError::Unknown));
    }

    #[test]
    fn a_stored_day_is_written_back_for_a_date_input() {
        use crate::calendar::iso_date;
        assert_eq!(iso_date(1_488_412_800_000), "2017-03-02");
        assert_eq!(
            iso_date(TargetDate::parse("2024-12-31").expect("valid").unix_ms()),
            "2024-12-31"
        );
    }

    #[test]
    fn progress_is_milestones_done_out_of_all_rounded_down() {
        assert_eq!(Progress { done: 1, total: 3 }.percent(), 33);
        assert_eq!(Progress { done: 3, total: 3 }.percent(), 100);
        assert_eq!(Progress { done: 0, total: 0 }.percent(), 0);
        assert_eq!(Progress { done: 2, total: 3 }.percent(), 66);
    }

    #[test]
    fn a_list_query_writes_only_what_differs_from_the_default() {
        let query = ProjectQuery {
            status: Some(InProgress),
            owner: Some(7),
            ..ProjectQuery::default()
        };
        assert_eq!(query.to_query_string(2), "?status=in_progress&owner=7&page=2");
        assert_eq!(ProjectQuery::default().to_query_string(1), "");
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in ProjectStatus::ALL {
            assert_eq!(ProjectStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ProjectStatus::parse("open"), None);
    }
}
