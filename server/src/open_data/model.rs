//! What the public API answers: its own types, documented field by field, so that the
//! pages' types can change without changing the API. Times are RFC 3339 in UTC, ids
//! integers, languages BCP 47 tags.

use agora_app::ideas::model::{idea_path, District, IdeaDetail, IdeaStatus, IdeaSummary, StatusEvent};
use agora_app::themes::model::Theme;
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A text in each of the platform's languages, keyed by BCP 47 tag.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Translated {
    pub fr: String,
    pub nl: String,
    pub en: String,
}

impl Translated {
    pub fn from_array([fr, nl, en]: [String; 3]) -> Translated {
        Translated { fr, nl, en }
    }
}

/// A theme of the programme ideas are filed under.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ThemeOut {
    pub id: i64,
    /// Stable, used in addresses and in the `theme` filter.
    pub slug: String,
    pub names: Translated,
    pub descriptions: Translated,
}

impl From<Theme> for ThemeOut {
    fn from(theme: Theme) -> ThemeOut {
        ThemeOut {
            id: theme.id,
            slug: theme.slug,
            names: Translated::from_array(theme.names),
            descriptions: Translated::from_array(theme.descriptions),
        }
    }
}

/// A municipality of the region an idea may be about.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Municipality {
    pub id: i64,
    /// Stable, used in addresses and in the `municipality` filter.
    pub slug: String,
    pub names: Translated,
}

impl From<District> for Municipality {
    fn from(district: District) -> Municipality {
        Municipality {
            id: district.id,
            slug: district.slug,
            names: Translated::from_array(district.names),
        }
    }
}

/// The theme an idea is filed under, as the idea names it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ThemeRef {
    pub slug: String,
    pub names: Translated,
}

/// Who wrote something, as the public pages show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuthorOut {
    /// The display name; absent when the account was deleted.
    pub name: Option<String>,
    /// Whether the account was deleted by its holder: what it wrote stays, anonymous.
    pub deleted: bool,
}

impl AuthorOut {
    /// A deleted account's name is erased (empty), never shown.
    pub fn named(name: String) -> AuthorOut {
        let deleted = name.is_empty();
        AuthorOut {
            name: (!deleted).then_some(name),
            deleted,
        }
    }
}

/// Where an idea stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Open,
    UnderReview,
    Accepted,
    Declined,
    Duplicate,
    Withdrawn,
}

impl From<IdeaStatus> for Status {
    fn from(status: IdeaStatus) -> Status {
        match status {
            IdeaStatus::Open => Status::Open,
            IdeaStatus::UnderReview => Status::UnderReview,
            IdeaStatus::Accepted => Status::Accepted,
            IdeaStatus::Declined => Status::Declined,
            IdeaStatus::Duplicate => Status::Duplicate,
            IdeaStatus::Withdrawn => Status::Withdrawn,
        }
    }
}

/// An idea as lists show it, with its whole text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IdeaOut {
    pub id: i64,
    /// The idea's page on the site.
    pub url: String,
    pub title: String,
    pub text: String,
    /// The language it was written in (BCP 47).
    pub language: String,
    pub status: Status,
    pub theme: ThemeRef,
    pub municipality: Option<Municipality>,
    pub author: AuthorOut,
    /// Accounts supporting it.
    pub supporters: i64,
    /// Visible comments.
    pub comments: i64,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl IdeaOut {
    pub fn new(summary: IdeaSummary, text: String, site: &str) -> IdeaOut {
        IdeaOut {
            url: format!("{site}{}", idea_path(summary.id, &summary.slug)),
            id: summary.id,
            title: summary.title,
            text,
            language: summary.language,
            status: summary.status.into(),
            theme: ThemeRef {
                slug: summary.theme_slug,
                names: Translated::from_array(summary.theme_names),
            },
            municipality: summary.district.map(Municipality::from),
            author: AuthorOut::named(summary.author_name),
            supporters: summary.vote_count,
            comments: summary.comment_count,
            created_at: rfc3339(summary.created_at),
        }
    }
}

/// A page of ideas.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IdeaPage {
    pub items: Vec<IdeaOut>,
    /// The address of the next page, absent on the last one.
    pub next: Option<String>,
    /// The licence the data is published under.
    pub licence: LicenceOut,
}

/// A change of an idea's status, or a public response to it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusChange {
    pub status: Status,
    /// A public response of a moderator or a member of the government (the status stays).
    pub response: bool,
    pub note: String,
    /// Who made it, when the platform names them.
    pub by: Option<String>,
    /// RFC 3339, UTC.
    pub at: String,
}

impl From<StatusEvent> for StatusChange {
    fn from(event: StatusEvent) -> StatusChange {
        StatusChange {
            status: event.status.into(),
            response: event.response,
            note: event.note,
            by: event.actor_name.filter(|name| !name.is_empty()),
            at: rfc3339(event.at),
        }
    }
}

/// The candidate project an idea became part of.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProjectRef {
    pub id: i64,
    pub url: String,
    pub title: String,
}

/// One idea with its history.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IdeaDetailOut {
    #[serde(flatten)]
    pub idea: IdeaOut,
    /// Status changes and public responses, oldest first.
    pub history: Vec<StatusChange>,
    /// The idea this one was merged into, when it is a duplicate.
    pub duplicate_of: Option<i64>,
    pub project: Option<ProjectRef>,
    pub licence: LicenceOut,
}

impl IdeaDetailOut {
    pub fn new(detail: IdeaDetail, project: Option<ProjectRef>, licence: LicenceOut, site: &str) -> IdeaDetailOut {
        let summary = IdeaSummary {
            id: detail.id,
            slug: detail.slug,
            title: detail.title,
            excerpt: String::new(),
            language: detail.language,
            theme_slug: detail.theme_slug,
            theme_names: detail.theme_names,
            district: detail.district,
            author_name: detail.author.display_name,
            status: detail.status,
            vote_count: detail.vote_count,
            comment_count: detail.comment_count,
            created_at: detail.created_at,
            hidden: detail.hidden.is_some(),
        };
        IdeaDetailOut {
            idea: IdeaOut::new(summary, detail.body, site),
            history: detail.history.into_iter().map(StatusChange::from).collect(),
            duplicate_of: detail.duplicate_of.map(|original| original.id),
            project,
            licence,
        }
    }
}

/// The licence of the open data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct LicenceOut {
    pub name: String,
    pub url: String,
}

/// A list with the licence of its data.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Listing<T: ToSchema> {
    pub items: Vec<T>,
    pub licence: LicenceOut,
}

/// A problem (RFC 9457), with the platform's stable error code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// Where the codes are explained.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// Stable: `not_found`, `bad_request`, `rate_limited`, `internal`…
    pub code: String,
    pub detail: Option<String>,
}

/// Milliseconds since 1970 as RFC 3339 in UTC, to the millisecond.
pub fn rfc3339(ms: i64) -> String {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .ok()
        .and_then(|at| at.format(&Rfc3339).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_utc_as_rfc_3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_780_000_000_123), "2026-05-28T20:26:40.123Z");
    }

    #[test]
    fn a_deleted_account_is_named_by_nobody() {
        let deleted = AuthorOut::named(String::new());
        assert_eq!((deleted.name, deleted.deleted), (None, true));
        let named = AuthorOut::named("Ana".into());
        assert_eq!((named.name.as_deref(), named.deleted), (Some("Ana"), false));
    }
}
