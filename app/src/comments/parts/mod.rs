//! The discussion under an idea. Which page, which order and which form is open are all
//! in the URL, so that every link works without JavaScript.

use super::api::{DeleteComment, EditComment, PostComment, COMMENT_FORM, EDIT_COMMENT_FORM};
use super::model::{Comment, CommentBody, CommentOrder, CommentPage};
use crate::error::AppError;
use crate::forms::{error_message, field_error, field_message, use_form_memory, Field, FormAlert};
use crate::i18n::{t, t_count, t_with, use_locale, Locale};
use crate::moderation::api::{ReportItem, SetHidden};
use crate::moderation::model::Target;
use crate::moderation::parts::{HideForm, ReportForm};
use crate::ui::Loading;
use crate::ui::{Pager, PagerWords};
use leptos::prelude::*;
use leptos::tachys::html::InertElement;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;
use written::{CommentForm, CommentLinks, Refused};

mod written;

/// What the URL says about the discussion.
#[derive(Debug, Clone, PartialEq)]
struct Place {
    path: String,
    order: CommentOrder,
    page: u32,
    /// The comment a reply form is open under.
    reply: Option<i64>,
    /// The comment being edited.
    editing: Option<i64>,
    /// The comment being reported.
    reporting: Option<i64>,
    /// The thread opened whole, and which page of its replies.
    thread: Option<(i64, u32)>,
}

impl Place {
    /// This page of the discussion, with at most one form opened, pointing at `anchor`.
    fn href(&self, page: u32, open: Option<(&str, String)>, anchor: &str) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.order != CommentOrder::default() {
            query.append_pair("comments", self.order.as_str());
        }
        if page > 1 {
            query.append_pair("cpage", &page.to_string());
        }
        if let Some((thread, reply_page)) = self.thread {
            query.append_pair("thread", &thread.to_string());
            if reply_page > 1 {
                query.append_pair("rpage", &reply_page.to_string());
            }
        }
        if let Some((name, value)) = open {
            query.append_pair(name, &value);
        }
        let query = query.finish();
        let separator = if query.is_empty() { "" } else { "?" };
        format!("{}{separator}{query}#{anchor}", self.path)
    }

    fn in_order(&self, order: CommentOrder) -> String {
        Place {
            order,
            thread: None,
            ..self.clone()
        }
        .href(1, None, "comments")
    }

    /// This page with `thread` opened whole at page `reply_page` of its replies, or with
    /// every thread showing its latest replies (`None`).
    fn with_thread(&self, thread: Option<(i64, u32)>, anchor: &str) -> String {
        Place { thread, ..self.clone() }.href(self.page, None, anchor)
    }
}

const COMMENT_PAGES: PagerWords = PagerWords {
    label: "comments-pages",
    previous: "comments-previous",
    next: "comments-next",
};

/// Which part of the discussion the URL asks for: its order, page and opened thread.
pub fn listing(q: &leptos_router::params::ParamsMap) -> (CommentOrder, u32, Option<(i64, u32)>) {
    let order = q
        .get("comments")
        .as_deref()
        .and_then(CommentOrder::parse)
        .unwrap_or_default();
    let page = q.get("cpage").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let thread = q.get("thread").and_then(|t| t.parse::<i64>().ok()).map(|thread| {
        let reply_page = q.get("rpage").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
        (thread, reply_page)
    });
    (order, page, thread)
}

/// The discussion's actions, made by the idea page before it awaits anything, so that
/// they exist once whatever a `<Suspense>` does with its content. Its comments come with
/// the idea (`ideas::api::get_idea_page`).
#[derive(Clone, Copy)]
pub struct Discussion {
    post: ServerAction<PostComment>,
    edit: ServerAction<EditComment>,
    remove: ServerAction<DeleteComment>,
    hide: ServerAction<SetHidden>,
    report: ServerAction<ReportItem>,
}

/// The discussion's actions; reports share the idea page's action.
pub fn use_discussion(report: ServerAction<ReportItem>) -> Discussion {
    Discussion {
        post: ServerAction::<PostComment>::new(),
        edit: ServerAction::<EditComment>::new(),
        remove: ServerAction::<DeleteComment>::new(),
        hide: ServerAction::<SetHidden>::new(),
        report,
    }
}

#[component]
pub fn Comments(
    discussion: Discussion,
    /// The page of the discussion the URL asks for, or why it cannot be shown.
    comments: Result<CommentPage, AppError>,
    path: String,
    signed_in: bool,
    /// The policy lets the reader comment (signed in, not blocked, address confirmed).
    can_comment: bool,
    /// The policy refused because the reader's address is not confirmed yet.
    unconfirmed: bool,
    open: bool,
    count: i64,
    /// The reader moderates: hidden comments show, with a way to restore them.
    moderate: bool,
    idea_id: i64,
) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let Discussion {
        post,
        edit,
        remove,
        hide,
        report,
    } = discussion;
    let memory = use_form_memory(COMMENT_FORM);
    let edit_memory = use_form_memory(EDIT_COMMENT_FORM);
    let place = Memo::new(move |_| {
        let q = query.read();
        let id = |name: &str| q.get(name).and_then(|v| v.parse::<i64>().ok());
        let (order, page, thread) = listing(&q);
        Place {
            path: path.clone(),
            order,
            page,
            reply: id("reply"),
            editing: id("edit_comment"),
            reporting: q
                .get("report")
                .and_then(|r| r.strip_prefix("comment-").and_then(|id| id.parse().ok())),
            thread,
        }
    });
    // A refused post comes back to the page with its refusal in the address, which the
    // action reads when it is made.
    let refused = post.value().with_untracked(|answer| match answer {
        Some(Err(e)) => Some(Refused {
            alert: error_message(locale, e),
            body: e.field_code("body").map(|code| field_message(locale, code)),
        }),
        _ => None,
    });
    view! {
        <section class="comments" id="comments" aria-labelledby="comments-heading">
            <Loading load=move || {
                    let comments = comments.clone();
                    async move { Ok((comments?, memory.await, edit_memory.await)) }
                }
                placeholder=move || view! { <h2 id="comments-heading">{t_count("comments-title", count)}</h2> }
                let:loaded>
                {
                    let (page, remembered, edit_remembered) = loaded;
                    let here = place.get();
                    let remembered_for = |parent: Option<i64>| {
                        let matches = remembered.get("parent_id").map(String::as_str).unwrap_or_default()
                            == parent.map(|p| p.to_string()).unwrap_or_default();
                        if matches { remembered.get("body").cloned().unwrap_or_default() } else { String::new() }
                    };
                    let new_comment = if !open {
                        view! { <p class="muted">{t("comments-closed")}</p> }.into_any()
                    } else if !signed_in {
                        let href = format!("/login?next={}", here.path);
                        view! { <p><a href=href class="button button-secondary">{t("comments-sign-in")}</a></p> }.into_any()
                    } else if !can_comment && unconfirmed {
                        view! { <crate::accounts::parts::ConfirmEmailFirst /> }.into_any()
                    } else if !can_comment {
                        view! { <p class="hint comments-blocked">{t("error-blocked")}</p> }.into_any()
                    } else {
                        let value = remembered_for(None);
                        // With a reply form open, a refusal is that form's.
                        let refusal = refused.as_ref().filter(|_| here.reply.is_none());
                        let form = CommentForm { idea_id, parent: None, value: &value, refusal, cancel: None };
                        InertElement::new(written::comment_form(&form).into_string()).into_any()
                    };
                    let orders = CommentOrder::ALL.map(|order| {
                        let current = (order == here.order).then_some("page");
                        view! { <a href=here.in_order(order) aria-current=current>{t(&format!("comments-order-{}", order.as_str()))}</a> }
                    });
                    let previous = (here.page > 1).then(|| here.href(here.page - 1, None, "comments"));
                    let next = page.has_more.then(|| here.href(here.page + 1, None, "comments"));
                    let can_reply = open && can_comment;
                    let acts = Acts { edit, hide, report, moderate };
                    let threads = page.threads.into_iter().map(|thread| {
                        let id = thread.comment.id;
                        let reply_form = (can_reply && here.reply == Some(id)).then(|| {
                            let value = remembered_for(Some(id));
                            let cancel = here.href(here.page, None, &format!("comment-{id}"));
                            let form = CommentForm {
                                idea_id,
                                parent: Some(id),
                                value: &value,
                                refusal: refused.as_ref(),
                                cancel: Some(&cancel),
                            };
                            let form = written::comment_form(&form).into_string();
                            view! { <div class="reply-form" id=format!("reply-form-{id}")>{InertElement::new(form)}</div> }
                        });
                        let shown = thread.replies.len() as i64;
                        let replies = (!thread.replies.is_empty()).then(|| {
                            let items = thread.replies.into_iter().map(|reply| view! {
                                <li><CommentItem c=reply locale place=here.clone() can_reply=false acts edit_value=edit_remembered.clone() /></li>
                            }).collect_view();
                            view! { <ol class="reply-list">{items}</ol> }
                        });
                        let anchor = format!("comment-{id}");
                        // A long thread shows its latest replies; opened, it pages through all.
                        let reply_pages = if thread.opened {
                            let reply_page = here.thread.map_or(1, |(_, p)| p);
                            let earlier = (reply_page > 1).then(|| here.with_thread(Some((id, reply_page - 1)), &anchor));
                            let later = thread.more_replies.then(|| here.with_thread(Some((id, reply_page + 1)), &anchor));
                            let latest = here.with_thread(None, &anchor);
                            Some(view! {
                                <nav class="reply-pager" aria-label=t("comments-replies-pages")>
                                    {earlier.map(|href| view! { <a href=href rel="prev">{t("comments-replies-earlier")}</a> })}
                                    {later.map(|href| view! { <a href=href rel="next">{t("comments-replies-later")}</a> })}
                                    <a href=latest>{t("comments-replies-latest")}</a>
                                </nav>
                            }.into_any())
                        } else if thread.reply_count > shown {
                            let all = here.with_thread(Some((id, 1)), &anchor);
                            Some(view! {
                                <p class="reply-pager">
                                    <a href=all>{t_count("comments-replies-all", thread.reply_count)}</a>
                                </p>
                            }.into_any())
                        } else {
                            None
                        };
                        // "Show all" leads into the replies; an opened thread's pager follows them.
                        let (above, below) = if thread.opened { (None, reply_pages) } else { (reply_pages, None) };
                        view! {
                            <li class="comment-thread">
                                <CommentItem c=thread.comment locale place=here.clone() can_reply acts edit_value=edit_remembered.clone() />
                                {above}
                                {replies}
                                {below}
                                {reply_form}
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <h2 id="comments-heading">{t_count("comments-title", page.total)}</h2>
                        <nav class="comment-order" aria-label=t("comments-order")>{orders}</nav>
                        {new_comment}
                        <FormAlert action=remove />
                        <FormAlert action=hide />
                        <ol class="comment-list">{threads}</ol>
                        <Pager previous next words=COMMENT_PAGES />
                    }
                }
            </Loading>
        </section>
    }
}

/// What a reader may do with the comments, and the actions that do it.
#[derive(Clone, Copy)]
struct Acts {
    edit: ServerAction<EditComment>,
    hide: ServerAction<SetHidden>,
    report: ServerAction<ReportItem>,
    moderate: bool,
}

#[component]
fn CommentItem(
    c: Comment,
    locale: Locale,
    place: Place,
    can_reply: bool,
    acts: Acts,
    edit_value: BTreeMap<String, String>,
) -> impl IntoView {
    let Acts {
        edit,
        hide,
        report,
        moderate,
    } = acts;
    let anchor = format!("comment-{}", c.id);
    let editing = c.editable && place.editing == Some(c.id);
    let reporting = c.reportable && place.reporting == Some(c.id);
    let moderating = moderate && !c.deleted;
    let links = CommentLinks {
        reply: (can_reply && c.parent_id.is_none() && !c.hidden).then(|| {
            place.href(
                place.page,
                Some(("reply", c.id.to_string())),
                &format!("reply-form-{}", c.id),
            )
        }),
        edit: (c.editable && !editing)
            .then(|| place.href(place.page, Some(("edit_comment", c.id.to_string())), &anchor)),
        report: (c.reportable && !reporting).then(|| {
            place.href(
                place.page,
                Some(("report", format!("comment-{}", c.id))),
                &format!("report-form-comment-{}", c.id),
            )
        }),
    };
    // Most readers see every comment without a form open: written whole.
    if !editing && !reporting && !moderating {
        return InertElement::new(written::article(&c, locale, &links).into_string()).into_any();
    }
    let content = if editing {
        let value = edit_value.get("body").cloned().unwrap_or_else(|| c.body.clone());
        let cancel = place.href(place.page, None, &anchor);
        view! {
            <FormAlert action=edit />
            <ActionForm action=edit>
                <input type="hidden" name="comment_id" value=c.id />
                <Field name="body" label=t("comment-edit-label") value multiline=true required=true
                    maxlength=CommentBody::MAX id_prefix=format!("edit-{}-", c.id) error=field_error(edit, "body") />
                <div class="form-actions">
                    <button type="submit" class="button button-small">{t("admin-save")}</button>
                    <a href=cancel class="button button-quiet button-small">{t("comment-cancel")}</a>
                </div>
            </ActionForm>
        }
        .into_any()
    } else {
        InertElement::new(written::content(&c).into_string()).into_any()
    };
    let report_form = reporting.then(|| {
        let cancel = place.href(place.page, None, &anchor);
        view! { <ReportForm target=Target::Comment target_id=c.id action=report cancel /> }
    });
    let moderation = moderating.then(|| {
        view! {
            <details class="comment-moderation">
                <summary>{if c.hidden { t("moderation-restore-title") } else { t("moderation-hide-title") }}</summary>
                <HideForm target=Target::Comment target_id=c.id hidden=c.hidden action=hide
                    id_prefix=format!("comment-{}-hide-", c.id) />
            </details>
        }
    });
    let head = written::head(&c, locale).into_string();
    let actions = written::actions(&c, &links).into_string();
    view! {
        <article class="comment" id=anchor aria-label=t_with("comment-by", &[("who", crate::ui::signed_name(&c.author))])>
            {InertElement::new(head)}
            {content}
            {InertElement::new(actions)}
            {report_form}
            {moderation}
        </article>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(order: CommentOrder, page: u32) -> Place {
        Place {
            path: "/ideas/7-wifi".into(),
            order,
            page,
            reply: Some(3),
            editing: None,
            reporting: None,
            thread: None,
        }
    }

    #[test]
    fn an_opened_thread_keeps_its_page_of_replies_in_the_address() {
        let here = Place {
            thread: Some((9, 2)),
            ..place(CommentOrder::Newest, 1)
        };
        assert_eq!(
            here.href(1, Some(("reply", "9".into())), "reply-form-9"),
            "/ideas/7-wifi?thread=9&rpage=2&reply=9#reply-form-9"
        );
        assert_eq!(here.with_thread(None, "comment-9"), "/ideas/7-wifi#comment-9");
        assert_eq!(
            here.in_order(CommentOrder::Oldest),
            "/ideas/7-wifi?comments=oldest#comments"
        );
    }

    #[test]
    fn a_discussion_address_keeps_its_order_and_page_and_opens_at_most_one_form() {
        let here = place(CommentOrder::Oldest, 2);
        assert_eq!(
            here.href(2, Some(("reply", "5".into())), "reply-form-5"),
            "/ideas/7-wifi?comments=oldest&cpage=2&reply=5#reply-form-5"
        );
        assert_eq!(
            here.href(3, None, "comments"),
            "/ideas/7-wifi?comments=oldest&cpage=3#comments"
        );
    }

    #[test]
    fn the_default_order_and_first_page_leave_the_address_clean() {
        let here = place(CommentOrder::Newest, 1);
        assert_eq!(here.href(1, None, "comment-4"), "/ideas/7-wifi#comment-4");
        assert_eq!(
            here.in_order(CommentOrder::Oldest),
            "/ideas/7-wifi?comments=oldest#comments"
        );
    }
}
