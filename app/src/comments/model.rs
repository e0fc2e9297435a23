use crate::ideas::model::Author;
use crate::text::parsed_text;
use serde::{Deserialize, Serialize};
use serde_tuple::{Deserialize_tuple, Serialize_tuple};

parsed_text! {
    CommentBody, 1..=2000, lines
}

/// The page a form was sent from (its `Referer`), as the path and the parameters that place
/// the discussion (its order and page), leaving out those that opened a form.
pub fn discussion_place(referer: &str) -> (String, Vec<(String, String)>) {
    let url = referer.split('#').next().unwrap_or_default();
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path
        .split_once("://")
        .map_or(path, |(_, rest)| rest.find('/').map_or("/", |i| &rest[i..]));
    let kept = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k == "comments" || k == "cpage")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    (path.to_owned(), kept)
}

/// How long after posting its author may still correct a comment.
pub const EDIT_WINDOW_MS: i64 = 15 * 60 * 1000;

/// Whether a comment posted at `created_at` may still be edited at `now`.
pub fn within_edit_window(created_at: i64, now: i64) -> bool {
    now < created_at + EDIT_WINDOW_MS
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CommentOrder {
    /// New comments appear first, where their author looks for them.
    #[default]
    Newest,
    Oldest,
}

impl CommentOrder {
    pub const ALL: [CommentOrder; 2] = [CommentOrder::Newest, CommentOrder::Oldest];

    pub fn as_str(self) -> &'static str {
        match self {
            CommentOrder::Newest => "newest",
            CommentOrder::Oldest => "oldest",
        }
    }

    pub fn parse(s: &str) -> Option<CommentOrder> {
        CommentOrder::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize_tuple, Deserialize_tuple)]
pub struct Comment {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub author: Author,
    /// Empty once deleted, and when hidden unless the reader wrote it or moderates.
    pub body: String,
    /// Hidden by the moderators or by reports.
    pub hidden: bool,
    /// Why, for its author and the moderators (empty: reports hid it, a moderator will decide).
    pub hidden_reason: Option<String>,
    pub created_at: i64,
    pub edited: bool,
    pub deleted: bool,
    /// Written by the reader.
    pub mine: bool,
    /// The reader may still edit it (the policy lets them, not deleted, within the window).
    pub editable: bool,
    /// The reader may delete it (the policy lets them, not deleted yet).
    pub deletable: bool,
    /// The reader may report it (the policy lets them: taking part, not its author, not
    /// hidden already).
    pub reportable: bool,
}

/// A comment with some of its replies, oldest first: the latest `REPLIES_SHOWN`, or one
/// page of `REPLY_PAGE_SIZE` when the thread is opened whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    pub comment: Comment,
    pub replies: Vec<Comment>,
    /// Replies the thread has in all.
    pub reply_count: i64,
    /// Whether `replies` is a page of the whole thread (`?thread=ID&rpage=N`).
    pub opened: bool,
    /// In an opened thread, whether a later page of replies follows.
    pub more_replies: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPage {
    pub threads: Vec<Thread>,
    pub has_more: bool,
    /// Comments and replies on the idea, not counting deleted ones.
    pub total: i64,
}

impl CommentPage {
    /// The discussion of an idea nobody ever wrote under, whichever page is asked: what
    /// `comments::store::page` answers for it. `total` is the idea's count.
    pub fn nobody_wrote(total: i64) -> Self {
        CommentPage {
            threads: vec![],
            has_more: false,
            total,
        }
    }
}

/// Threads per page.
pub const PAGE_SIZE: i64 = 20;
/// Replies shown under each thread of a page: its latest ones.
pub const REPLIES_SHOWN: i64 = 10;
/// Replies per page of a thread opened whole.
pub const REPLY_PAGE_SIZE: i64 = 50;
/// Deeper pages of replies are refused.
pub const MAX_REPLY_PAGE: u32 = 1000;
/// Deeper pages are refused.
pub const MAX_PAGE: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::InputError;

    #[test]
    fn a_discussion_keeps_its_order_and_page_but_not_the_form_that_was_open() {
        let (path, kept) = discussion_place("http://agora.example/ideas/7-wifi?comments=oldest&cpage=2&reply=5#x");
        assert_eq!(path, "/ideas/7-wifi");
        assert_eq!(
            kept,
            [
                ("comments".to_owned(), "oldest".to_owned()),
                ("cpage".to_owned(), "2".to_owned())
            ]
        );
        assert_eq!(discussion_place("/ideas/7-wifi"), ("/ideas/7-wifi".to_owned(), vec![]));
    }

    #[test]
    fn a_comment_over_2000_characters_is_refused() {
        assert_eq!(CommentBody::parse(&"é".repeat(2001)), Err(InputError::TooLong));
        assert!(CommentBody::parse(&"é".repeat(2000)).is_ok());
    }

    #[test]
    fn an_empty_comment_is_refused() {
        assert_eq!(CommentBody::parse(" \n "), Err(InputError::Required));
    }

    #[test]
    fn a_comment_can_be_edited_for_fifteen_minutes() {
        assert!(within_edit_window(0, EDIT_WINDOW_MS - 1));
        assert!(!within_edit_window(0, EDIT_WINDOW_MS));
    }

    #[test]
    fn newest_first_is_the_default_order() {
        assert_eq!(CommentOrder::default(), CommentOrder::Newest);
        assert_eq!(CommentOrder::parse("oldest"), Some(CommentOrder::Oldest));
        assert_eq!(CommentOrder::parse("random"), None);
    }
}
