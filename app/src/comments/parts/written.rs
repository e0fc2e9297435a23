//! A comment as most readers see every comment, only read: written by a compiled template
//! (`ui::written`) instead of built as a view. A discussion page holds up to a page of
//! threads with their latest replies, and each comment built as a view cost about as much
//! as a list's card did. The forms a comment opens (editing, reporting, moderating) stay
//! views (`CommentItem`), around these same pieces.

use crate::comments::model::Comment;
use crate::i18n::{format_date, t, t_with, Locale};
use crate::moderation::model::Hidden;
use crate::moderation::parts::hidden_explanation;
use crate::ui::{signed_name, written_author, written_body};
use leptos::server_fn::ServerFn;
use maud::{html, Markup};

/// Where a comment's links lead on this page of the discussion, when the reader has them.
pub(super) struct CommentLinks {
    pub reply: Option<String>,
    pub edit: Option<String>,
    pub report: Option<String>,
}

/// Whether a reader sees who wrote it and what: not once deleted, nor when hidden without
/// a reason the reader may read.
fn readable(c: &Comment) -> bool {
    !c.deleted && (!c.hidden || c.hidden_reason.is_some())
}

/// The whole comment, when no form of it is open.
pub(super) fn article(c: &Comment, locale: Locale, links: &CommentLinks) -> Markup {
    let name = signed_name(&c.author);
    html! {
        article.comment id={ "comment-" (c.id) } aria-label=(t_with("comment-by", &[("who", name)])) {
            (head(c, locale))
            (content(c))
            (actions(c, links))
        }
    }
}

/// Who wrote it and when.
pub(super) fn head(c: &Comment, locale: Locale) -> Markup {
    html! {
        p.comment-head {
            @if readable(c) { (written_author(&c.author)) " · " }
            span.muted { (format_date(locale, c.created_at)) }
            @if c.edited && !c.deleted { span.muted { " · " (t("comment-edited")) } }
        }
    }
}

/// What it says, or why it cannot be read.
pub(super) fn content(c: &Comment) -> Markup {
    html! {
        @if c.deleted {
            p.muted.comment-deleted { (t("comment-deleted")) }
        } @else if !readable(c) {
            p.muted.comment-deleted { (t("comment-hidden")) }
        } @else {
            @if let Some(reason) = &c.hidden_reason {
                p.hidden-note { (hidden_explanation(&Hidden { at: 0, by: (!reason.is_empty()).then(String::new), reason: reason.clone() })) }
            }
            div.comment-body { (written_body(&c.body)) }
        }
    }
}

/// Replying, editing, deleting and reporting, as far as the reader may. Deleting is a
/// form posted to the server function, as `ActionForm` writes it.
pub(super) fn actions(c: &Comment, links: &CommentLinks) -> Markup {
    html! {
        div.comment-actions {
            @if let Some(href) = &links.reply { a href=(href) { (t("comment-reply")) } }
            @if let Some(href) = &links.edit { a href=(href) { (t("admin-edit")) } }
            @if c.deletable {
                form method="post" action=(crate::comments::api::DeleteComment::url()) {
                    input type="hidden" name="comment_id" value=(c.id);
                    button.button-link type="submit" { (t("comment-delete")) }
                }
            }
            @if let Some(href) = &links.report { a.report-link href=(href) { (t("report-comment")) } }
        }
    }
}
