use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// Someone commented on an idea the account follows.
    Comment,
    /// Someone replied to the account's comment.
    Reply,
    /// The status of a followed idea changed.
    Status,
    /// Moderators or an official answered a followed idea in public.
    Response,
    /// Moderators (or reports) hid the account's idea or comment.
    Hidden,
    /// Moderators restored the account's idea or comment.
    Restored,
    /// The status of a followed project changed, or a project was given to the account.
    ProjectStatus,
    /// The owner of a followed project posted an update.
    ProjectUpdate,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 8] = [
        NotificationKind::Comment,
        NotificationKind::Reply,
        NotificationKind::Status,
        NotificationKind::Response,
        NotificationKind::Hidden,
        NotificationKind::Restored,
        NotificationKind::ProjectStatus,
        NotificationKind::ProjectUpdate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Comment => "comment",
            NotificationKind::Reply => "reply",
            NotificationKind::Status => "status",
            NotificationKind::Response => "response",
            NotificationKind::Hidden => "hidden",
            NotificationKind::Restored => "restored",
            NotificationKind::ProjectStatus => "project_status",
            NotificationKind::ProjectUpdate => "project_update",
        }
    }

    pub fn parse(s: &str) -> Option<NotificationKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    /// The idea or comment it is about is now hidden from the reader: nothing of it shows.
    pub concealed: bool,
    /// The idea it is about; `None` for news of a project.
    pub idea_id: Option<i64>,
    /// The project it is about, for news of a project.
    pub project_id: Option<i64>,
    /// The title of the idea, or of the project.
    pub idea_title: String,
    pub idea_language: String,
    /// The status the idea or project moved to, as it was when the news was sent.
    pub status: Option<NotifiedStatus>,
    /// For news of a project: its milestones done out of all when the news was sent.
    pub project_progress: Option<crate::projects::model::Progress>,
    pub actor_name: Option<String>,
    /// What moderators wrote to the person concerned (why they hid or restored it).
    pub note: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

impl Notification {
    /// News about something hidden from the reader since: only that there was news.
    pub fn concealed(id: i64, kind: NotificationKind, created_at: i64, read: bool) -> Notification {
        Notification {
            id,
            kind,
            concealed: true,
            idea_id: None,
            project_id: None,
            idea_title: String::new(),
            idea_language: String::new(),
            status: None,
            project_progress: None,
            actor_name: None,
            note: None,
            created_at,
            read,
        }
    }
}

/// The status a notification reports: an idea's or a project's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotifiedStatus {
    Idea(crate::ideas::model::IdeaStatus),
    Project(crate::projects::model::ProjectStatus),
}

impl NotifiedStatus {
    /// Reads the stored status of a notification of `kind`.
    pub fn parse(kind: NotificationKind, status: &str) -> Option<NotifiedStatus> {
        match kind {
            NotificationKind::ProjectStatus | NotificationKind::ProjectUpdate => {
                crate::projects::model::ProjectStatus::parse(status).map(NotifiedStatus::Project)
            }
            _ => crate::ideas::model::IdeaStatus::parse(status).map(NotifiedStatus::Idea),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub notifications: Vec<Notification>,
    /// Where the next (older) page starts, if there is one.
    pub older: Option<i64>,
    pub unread: i64,
}

/// What a notification leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    Idea { id: i64, slug: String },
    Project { id: i64, slug: String },
}

impl Subject {
    /// The page and the part of it the news is about.
    pub fn path(&self) -> String {
        match self {
            Subject::Idea { id, slug } => format!("{}#comments", crate::ideas::model::idea_path(*id, slug)),
            Subject::Project { id, slug } => format!("{}#timeline", crate::projects::model::project_path(*id, slug)),
        }
    }
}
