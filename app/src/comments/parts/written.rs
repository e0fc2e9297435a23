//! A comment as most readers see every comment, only read: written by a compiled template
//! (`ui::written`) instead of built as a view. A discussion page holds up to a page of
//! threads with their latest replies, and each comment built as a view cost about as much
//! as a list's card did. The forms a comment opens (editing, reporting, moderating) stay
//! views (`CommentItem`), around these same pieces. The form for a new comment or a
//! reply is written here too.

use crate::comments::api::PostComment;
use crate::comments::model::{Comment, CommentBody};
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

/// A form for a new comment, or for a reply under `parent`.
pub(super) struct CommentForm<'a> {
    pub idea_id: i64,
    pub parent: Option<i64>,
    /// What the reader had typed when the form was last refused, or nothing.
    pub value: &'a str,
    /// The refusal this form brought back in the page's address, translated: the alert
    /// above it and, when the text itself was refused, why.
    pub refusal: Option<&'a Refused>,
    /// Where "Cancel" leads, for a reply form.
    pub cancel: Option<&'a str>,
}

/// A refused comment, as the reader reads it.
#[derive(Clone)]
pub(super) struct Refused {
    pub alert: String,
    pub body: Option<String>,
}

/// The comment form as `ActionForm` and `forms::Field` write it: a plain post to the
/// server function. The discussion is no island, so nothing in it ever changes in the
/// browser; written as a view, the form cost a signed-in reader's idea page about 4% of
/// its instructions.
pub(super) fn comment_form(form: &CommentForm) -> Markup {
    let (prefix, label, submit) = match form.parent {
        Some(parent) => (
            format!("reply-{parent}-"),
            t("comment-reply-label"),
            t("comment-reply-submit"),
        ),
        None => ("comment-".to_owned(), t("comment-label"), t("comment-submit")),
    };
    let id = format!("{prefix}body");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = form.refusal.and_then(|refused| refused.body.as_deref());
    let described_by = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        @if let Some(refused) = form.refusal {
            div.alert.alert-error role="alert" { p { (refused.alert) } }
        }
        form action=(PostComment::url()) method="post" {
            input type="hidden" name="idea_id" value=(form.idea_id);
            @if let Some(parent) = form.parent { input type="hidden" name="parent_id" value=(parent); }
            div.field.field-invalid[error.is_some()] {
                label for=(id) { (label) }
                p.hint id=(hint_id) { (t("comment-hint")) }
                textarea id=(id) name="body" required maxlength=(CommentBody::MAX) rows="5"
                    aria-invalid=[error.map(|_| "true")] aria-describedby=(described_by) { (form.value) }
                p.field-error id=(error_id) hidden[error.is_none()] { @if let Some(error) = error { (error) } }
            }
            div.form-actions {
                button.button.button-small type="submit" { (submit) }
                @if let Some(href) = form.cancel {
                    a.button.button-quiet.button-small href=(href) { (t("comment-cancel")) }
                }
            }
        }
    }
}
