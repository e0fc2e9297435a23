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
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 6] = [
        NotificationKind::Comment,
        NotificationKind::Reply,
        NotificationKind::Status,
        NotificationKind::Response,
        NotificationKind::Hidden,
        NotificationKind::Restored,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Comment => "comment",
            NotificationKind::Reply => "reply",
            NotificationKind::Status => "status",
            NotificationKind::Response => "response",
            NotificationKind::Hidden => "hidden",
            NotificationKind::Restored => "restored",
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
    pub idea_id: i64,
    pub idea_title: String,
    pub idea_language: String,
    pub actor_name: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub notifications: Vec<Notification>,
    /// Where the next (older) page starts, if there is one.
    pub older: Option<i64>,
    pub unread: i64,
}
