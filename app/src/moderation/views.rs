//! The moderators' queue, their panel on an idea page, the public-response form, the
//! report form and what a hidden item says to its author.

use super::api::{
    moderation_queue, MergeIdea, ReportItem, RespondToIdea, SetAccountBlocked, SetHidden, SetIdeaStatus,
    SetOrganisationVerified, TriageIdea, HIDE_FORM, MERGE_FORM, REPORT_FORM, RESPONSE_FORM, STATUS_FORM, TRIAGE_FORM,
};
use super::model::{
    transition_allowed, BlockedAccount, Hidden, ModerationReason, PublicNote, QueueEntry, QueueTab, QueuedComment,
    QueuedIdea, QueuedOrganisation, ReportReason, ReportTally, Target, Triage, MODERATED,
};
use crate::accounts::model::Role;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, t, t_with, use_locale, Locale};
use crate::ideas::model::{idea_path, IdeaStatus};
use crate::ui::status_label;
use crate::ui::{author_badge, kind_label, role_label};
use crate::ui::{Pager, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

fn reason_label(reason: ReportReason) -> String {
    t(&format!("report-reason-{}", reason.as_str()))
}

/// "2 × spam, 1 × offensive", and what reporters wrote.
#[component]
fn Tally(tally: ReportTally) -> impl IntoView {
    let reasons = tally
        .by_reason
        .iter()
        .map(|(reason, n)| format!("{n} × {}", reason_label(*reason)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="report-tally">
            <strong>{t_with("moderation-reports", &[("count", tally.total.to_string())])}</strong>
            {(!reasons.is_empty()).then(|| view! { " · " {reasons} })}
        </p>
        {(!tally.notes.is_empty()).then(|| view! {
            <ul class="report-notes">
                {tally.notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// Why an item is hidden, in the words its author and the moderators read.
pub fn hidden_explanation(hidden: &Hidden) -> String {
    match &hidden.by {
        Some(_) if !hidden.reason.is_empty() => t_with("hidden-by-moderators", &[("reason", hidden.reason.clone())]),
        Some(_) => t("hidden-by-moderators-no-reason"),
        None => t("hidden-after-reports"),
    }
}

/// Shown above a hidden idea to its author and the moderators.
#[component]
pub fn HiddenNotice(hidden: Hidden, reports: Option<ReportTally>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="alert alert-warning" role="status">
            <p><strong>{t("hidden-idea-title")}</strong></p>
            <p>{hidden_explanation(&hidden)}</p>
            {reports.filter(|r| r.total > 0).map(|tally| view! { <Tally tally /> })}
            <p class="muted">{format_date(locale, hidden.at)}</p>
        </div>
    }
}

/// The moderator's panel on an idea page: a status with a public note, a merge into
/// another idea, hiding or restoring.
#[component]
pub fn ModerationPanel(
    idea_id: i64,
    current: IdeaStatus,
    hidden: bool,
    status: ServerAction<SetIdeaStatus>,
    merge: ServerAction<MergeIdea>,
    hide: ServerAction<SetHidden>,
) -> impl IntoView {
    let status_memory = use_form_memory(STATUS_FORM);
    let merge_memory = use_form_memory(MERGE_FORM);
    let hide_memory = use_form_memory(HIDE_FORM);
    let choices: Vec<IdeaStatus> = MODERATED
        .into_iter()
        .filter(|to| transition_allowed(current, *to))
        .collect();
    let can_merge = transition_allowed(current, IdeaStatus::Duplicate);
    view! {
        <section class="moderation-panel" aria-labelledby="moderation-heading">
            <h2 id="moderation-heading">{t("moderation-status-title")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let choices = choices.clone();
                    Suspend::new(async move {
                        let kept = status_memory.await;
                        let merge_kept = merge_memory.await;
                        let hide_kept = hide_memory.await;
                        let chosen = kept.get("status").cloned().unwrap_or_default();
                        let value = |map: &BTreeMap<String, String>, name: &str| map.get(name).cloned().unwrap_or_default();
                        // A refused form comes back open, with what was typed.
                        let (merge_open, hide_open) = (!merge_kept.is_empty(), !hide_kept.is_empty());
                        view! {
                            {(!choices.is_empty()).then(|| view! {
                                <details class="panel-part" open>
                                <summary>{t("moderation-apply")}</summary>
                                <FormAlert action=status />
                                <ActionForm action=status>
                                    <input type="hidden" name="idea_id" value=idea_id />
                                    <div class="field">
                                        <label for="moderation-status">{t("moderation-new-status")}</label>
                                        <select id="moderation-status" name="status" required>
                                            {choices.into_iter().map(|to| view! {
                                                <option value=to.as_str() selected=chosen == to.as_str()>{status_label(to)}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <Field name="note" label=t("moderation-note") value=value(&kept, "note")
                                        multiline=true maxlength=PublicNote::MAX hint=t("moderation-note-hint")
                                        id_prefix="moderation-" error=field_error(status, "note") />
                                    <button type="submit" class="button button-small" disabled=move || status.pending().get()>
                                        {t("moderation-apply")}
                                    </button>
                                </ActionForm>
                                </details>
                            })}
                            {can_merge.then(|| view! {
                                <details class="panel-part" open=merge_open>
                                <summary>{t("moderation-merge-title")}</summary>
                                <FormAlert action=merge />
                                <ActionForm action=merge>
                                    <input type="hidden" name="idea_id" value=idea_id />
                                    <Field name="duplicate_of" label=t("moderation-duplicate-of") value=value(&merge_kept, "duplicate_of")
                                        required=true maxlength=300 hint=t("moderation-duplicate-of-hint")
                                        id_prefix="merge-" error=field_error(merge, "duplicate_of") />
                                    <Field name="note" label=t("moderation-note") value=value(&merge_kept, "note")
                                        multiline=true maxlength=PublicNote::MAX id_prefix="merge-" error=field_error(merge, "note") />
                                    <button type="submit" class="button button-small button-secondary" disabled=move || merge.pending().get()>
                                        {t("moderation-merge")}
                                    </button>
                                </ActionForm>
                                </details>
                            })}
                            <details class="panel-part" open=hide_open>
                                <summary>{if hidden { t("moderation-restore-title") } else { t("moderation-hide-title") }}</summary>
                                <HideForm target=Target::Idea target_id=idea_id hidden action=hide value=value(&hide_kept, "reason")
                                    id_prefix="idea-hide-" />
                            </details>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Hide an item (a reason is required) or restore it.
#[component]
pub fn HideForm(
    target: Target,
    target_id: i64,
    /// Whether it is hidden now: the form then restores it.
    hidden: bool,
    action: ServerAction<SetHidden>,
    #[prop(optional, into)] value: String,
    #[prop(into)] id_prefix: String,
) -> impl IntoView {
    let (label, button) = if hidden {
        (t("moderation-restore-reason"), t("moderation-restore"))
    } else {
        (t("moderation-hide-reason"), t("moderation-hide"))
    };
    view! {
        <FormAlert action />
        <ActionForm action attr:class="inline-moderation-form">
            <input type="hidden" name="target" value=target.as_str() />
            <input type="hidden" name="target_id" value=target_id />
            <input type="hidden" name="hidden" value=(!hidden).to_string() />
            <Field name="reason" label value required=true maxlength=ModerationReason::MAX id_prefix
                error=field_error(action, "reason") />
            <button type="submit" class="button button-small button-secondary" disabled=move || action.pending().get()>{button}</button>
        </ActionForm>
    }
}

/// A public answer from a moderator or a member of the government.
#[component]
pub fn ResponseForm(idea_id: i64, action: ServerAction<RespondToIdea>) -> impl IntoView {
    let memory = use_form_memory(RESPONSE_FORM);
    view! {
        <section class="moderation-panel response-panel" aria-labelledby="respond-heading">
            <h2 id="respond-heading">{t("respond-title")}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let kept = memory.await;
                    let open = !kept.is_empty();
                    view! {
                        <details class="panel-part" open=open>
                        <summary>{t("respond-open")}</summary>
                        <FormAlert action />
                        <ActionForm action>
                            <input type="hidden" name="idea_id" value=idea_id />
                            <Field name="note" label=t("respond-label") value=kept.get("note").cloned().unwrap_or_default()
                                multiline=true required=true maxlength=PublicNote::MAX hint=t("respond-hint")
                                id_prefix="respond-" error=field_error(action, "note") />
                            <button type="submit" class="button button-small" disabled=move || action.pending().get()>{t("respond-submit")}</button>
                        </ActionForm>
                        </details>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Reporting an idea or a comment: a reason, and words of one's own for "other". Opened
/// by a link (`?report=…`), so that it works without JavaScript.
#[component]
pub fn ReportForm(
    target: Target,
    target_id: i64,
    action: ServerAction<ReportItem>,
    #[prop(into)] cancel: String,
) -> impl IntoView {
    let memory = use_form_memory(REPORT_FORM);
    let prefix = format!("report-{}-{target_id}-", target.as_str());
    // Once sent, the form closes and the thanks show, as after a plain form post.
    let thanks = thanks_address(&cancel);
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move || {
        if matches!(action.value().get(), Some(Ok(_))) {
            navigate(&thanks, Default::default());
        }
    });
    let legend = match target {
        Target::Idea => t("report-idea-title"),
        Target::Comment => t("report-comment-title"),
    };
    view! {
        <div class="report-form" id=format!("report-form-{}-{target_id}", target.as_str())>
            <Suspense fallback=|| ()>
                {move || {
                    let (prefix, legend, cancel) = (prefix.clone(), legend.clone(), cancel.clone());
                    Suspend::new(async move {
                        let kept = memory.await;
                        let chosen = kept.get("reason").cloned().unwrap_or_default();
                        let reason_error = field_error(action, "reason");
                        view! {
                            <FormAlert action />
                            <ActionForm action>
                                <input type="hidden" name="target" value=target.as_str() />
                                <input type="hidden" name="target_id" value=target_id />
                                <fieldset class="choice-group">
                                    <legend>{legend}</legend>
                                    {ReportReason::ALL.into_iter().map(|reason| {
                                        let id = format!("{prefix}{}", reason.as_str());
                                        view! {
                                            <div class="choice">
                                                <input type="radio" id=id.clone() name="reason" value=reason.as_str()
                                                    required=true checked=chosen == reason.as_str() />
                                                <label for=id>{reason_label(reason)}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                    <p class="field-error" hidden=move || reason_error.with(Option::is_none)>{move || reason_error.get()}</p>
                                </fieldset>
                                <Field name="note" label=t("report-note") value=kept.get("note").cloned().unwrap_or_default()
                                    multiline=true maxlength=super::model::Report::NOTE_MAX hint=t("report-note-hint")
                                    id_prefix=prefix.clone() error=field_error(action, "note") />
                                <div class="form-actions">
                                    <button type="submit" class="button button-small" disabled=move || action.pending().get()>{t("report-submit")}</button>
                                    <a href=cancel class="button button-quiet button-small">{t("comment-cancel")}</a>
                                </div>
                            </ActionForm>
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// `address` with `reported=1`, pointing at the thanks.
fn thanks_address(address: &str) -> String {
    let without_anchor = address.split('#').next().unwrap_or_default();
    let separator = if without_anchor.contains('?') { '&' } else { '?' };
    format!("{without_anchor}{separator}reported=1#report-thanks")
}

/// Thanks after a report, whether the page came back from a plain form post
/// (`?reported=1`) or the report was sent in place.
#[component]
pub fn ReportThanks(action: ServerAction<ReportItem>) -> impl IntoView {
    let query = use_query_map();
    let message = move || match action.value().get() {
        Some(Ok(super::model::Reported::AlreadyReported)) => Some(t("report-already")),
        Some(Ok(super::model::Reported::Received)) => Some(t("report-thanks")),
        Some(Err(_)) => None,
        None => query.read().get("reported").map(|_| t("report-thanks")),
    };
    move || {
        message().map(|text| {
            view! {
                <div class="alert alert-success" role="status" id="report-thanks"><p>{text}</p></div>
            }
        })
    }
}

/// The moderators' daily work: new ideas, reported and hidden items, organisations to
/// verify. Tabs and pages are in the URL; every decision is a form.
#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let triage = ServerAction::<TriageIdea>::new();
    let hide = ServerAction::<SetHidden>::new();
    let verify = ServerAction::<SetOrganisationVerified>::new();
    let block = ServerAction::<SetAccountBlocked>::new();
    let tab = move || {
        query
            .read()
            .get("tab")
            .as_deref()
            .and_then(QueueTab::parse)
            .unwrap_or_default()
    };
    let page = crate::ui::use_page_number();
    let versions = move || {
        (
            triage.version().get(),
            hide.version().get(),
            verify.version().get(),
            block.version().get(),
        )
    };
    let queue = Resource::new(
        move || (tab(), page(), versions()),
        |(tab, page, _)| moderation_queue(Some(tab.as_str().to_owned()), Some(page)),
    );
    #[cfg(feature = "hydrate")]
    keyboard::install(Signal::derive(move || {
        // Tracked, so that the focus moves once the queue after a decision has arrived.
        let _ = queue.get();
        versions() != (0, 0, 0, 0)
    }));
    let memory = use_form_memory(TRIAGE_FORM);
    view! {
        <Title text=t("queue-title") />
        <section class="container queue-page">
            <h1>{t("queue-title")}</h1>
            <p class="lead">{t("queue-lead")}</p>
            <p><A href="/admin/audit">{t("admin-audit-title")}</A></p>
            <p class="hint keyboard-hint">{t("queue-keyboard")}</p>
            <FormAlert action=triage />
            <FormAlert action=hide />
            <FormAlert action=verify />
            <FormAlert action=block />
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let queue = match queue.await {
                        Ok(queue) => queue,
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                    };
                    let kept = memory.await;
                    let current = queue.tab;
                    let tabs = QueueTab::ALL.map(|tab| {
                        let count = queue.counts.of(tab);
                        let here = (tab == current).then_some("page");
                        view! {
                            <a href=format!("/moderation?tab={}", tab.as_str()) aria-current=here class="queue-tab">
                                {t(&format!("queue-tab-{}", tab.as_str()))}
                                " " <span class="count-pill">{count}</span>
                            </a>
                        }
                    });
                    let page_now = page();
                    let href = move |page: u32| format!("/moderation?tab={}&page={page}", current.as_str());
                    let previous = (page_now > 1).then(|| href(page_now - 1));
                    let next = queue.has_more.then(|| href(page_now + 1));
                    let empty = queue.entries.is_empty();
                    let items = queue.entries.into_iter().map(|entry| {
                        let kept = kept.clone();
                        let actions = QueueActions { triage, hide, verify, block };
                        view! { <li><QueueItem entry tab=current actions kept /></li> }
                    }).collect_view();
                    view! {
                        <nav class="queue-tabs" aria-label=t("queue-tabs")>{tabs}</nav>
                        {empty.then(|| view! { <div class="empty-state"><p>{t(&format!("queue-empty-{}", current.as_str()))}</p></div> })}
                        <ol class="queue-list">{items}</ol>
                        <Pager previous next />
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// The decisions a moderator takes from the queue.
#[derive(Clone, Copy)]
struct QueueActions {
    triage: ServerAction<TriageIdea>,
    hide: ServerAction<SetHidden>,
    verify: ServerAction<SetOrganisationVerified>,
    block: ServerAction<SetAccountBlocked>,
}

#[component]
fn QueueItem(entry: QueueEntry, tab: QueueTab, actions: QueueActions, kept: BTreeMap<String, String>) -> impl IntoView {
    let locale = use_locale();
    match entry {
        QueueEntry::Idea(idea) => {
            let decide = if tab == QueueTab::New {
                let kept = (kept.get("idea_id") == Some(&idea.id.to_string())).then_some(kept);
                view! { <TriageForm idea_id=idea.id action=actions.triage kept=kept.unwrap_or_default() /> }.into_any()
            } else {
                view! { <DecideReported target=Target::Idea id=idea.id hidden=idea.hidden.clone() action=actions.hide /> }
                    .into_any()
            };
            let author = view! {
                <BlockAuthor target=Target::Idea id=idea.id role=idea.author.role blocked=idea.author_blocked
                    account_id=idea.author.id action=actions.block />
            };
            view! { <QueuedIdeaCard idea locale>{decide}{author}</QueuedIdeaCard> }.into_any()
        }
        QueueEntry::Comment(comment) => {
            let decide = view! { <DecideReported target=Target::Comment id=comment.id hidden=comment.hidden.clone() action=actions.hide /> };
            let author = view! {
                <BlockAuthor target=Target::Comment id=comment.id role=comment.author.role blocked=comment.author_blocked
                    account_id=comment.author.id action=actions.block />
            };
            view! { <QueuedCommentCard comment locale>{decide}{author}</QueuedCommentCard> }.into_any()
        }
        QueueEntry::Organisation(organisation) => {
            view! { <QueuedOrganisationCard organisation locale action=actions.verify /> }.into_any()
        }
        QueueEntry::Blocked(account) => view! { <BlockedAccountCard account locale action=actions.block /> }.into_any(),
    }
}

/// Under an item of the queue: block its author (moderators block members; an author
/// already blocked is said to be).
#[component]
fn BlockAuthor(
    target: Target,
    id: i64,
    account_id: i64,
    role: Role,
    blocked: bool,
    action: ServerAction<SetAccountBlocked>,
) -> impl IntoView {
    if blocked {
        return Some(view! { <p class="hint author-blocked">{t("moderation-author-blocked")}</p> }.into_any());
    }
    (role == Role::Member).then(|| {
        view! {
            <details class="block-author">
                <summary>{t("moderation-block-author")}</summary>
                <BlockForm account_id blocked=false action id_prefix=format!("{}-{id}-block-", target.as_str()) />
            </details>
        }
        .into_any()
    })
}

/// Block an account, with the reason its holder reads, or unblock it, with a reason for
/// the audit log.
#[component]
pub fn BlockForm(
    account_id: i64,
    blocked: bool,
    action: ServerAction<SetAccountBlocked>,
    #[prop(into)] id_prefix: String,
) -> impl IntoView {
    let (label, button) = if blocked {
        (t("moderation-unblock-reason"), t("admin-unblock"))
    } else {
        (t("admin-block-reason"), t("admin-block"))
    };
    view! {
        <ActionForm action attr:class="inline-moderation-form">
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="blocked" value=(!blocked).to_string() />
            <Field name="reason" label required=true maxlength=ModerationReason::MAX id_prefix
                error=Signal::derive(|| None::<String>) />
            <button type="submit" class="button button-small button-secondary">{button}</button>
        </ActionForm>
    }
}

#[component]
fn BlockedAccountCard(
    account: BlockedAccount,
    locale: Locale,
    action: ServerAction<SetAccountBlocked>,
) -> impl IntoView {
    let heading = format!("queue-account-{}", account.id);
    let labelled_by = heading.clone();
    let who = account.blocked_by.clone().unwrap_or_else(|| t("notifications-someone"));
    let role = (account.role != Role::Member).then(|| view! { " · " {role_label(account.role)} });
    view! {
        <article class="queue-item" tabindex="-1" aria-labelledby=labelled_by>
            <p class="queue-kind">{t("queue-kind-account")} " · " {kind_label(account.kind)} {role}</p>
            <h2 id=heading>
                {account.display_name.clone()}
                {account.organisation_name.clone().map(|o| view! { " · " <span class="muted">{o}</span> })}
            </h2>
            <p class="muted">
                {t_with("queue-blocked-since", &[("date", format_date(locale, account.blocked_at)), ("who", who)])}
            </p>
            <p class="hidden-note">{t_with("queue-blocked-reason", &[("reason", account.reason.clone())])}</p>
            <div class="queue-actions">
                <BlockForm account_id=account.id blocked=true action id_prefix=format!("account-{}-unblock-", account.id) />
            </div>
        </article>
    }
}

fn author_line(author: &crate::ideas::model::Author) -> (String, Option<String>) {
    let name = author
        .organisation_name
        .clone()
        .unwrap_or_else(|| author.display_name.clone());
    (
        name,
        author_badge(author.kind, author.role, author.organisation_verified),
    )
}

#[component]
fn QueuedIdeaCard(idea: QueuedIdea, locale: Locale, children: Children) -> impl IntoView {
    let (name, badge) = author_line(&idea.author);
    let heading = format!("queue-idea-{}", idea.id);
    let labelled_by = heading.clone();
    let theme = idea.theme_names[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(2)].clone();
    view! {
        <article class="queue-item" tabindex="-1" aria-labelledby=labelled_by>
            <p class="queue-kind">{t("queue-kind-idea")} " · " <span class="badge badge-theme">{theme}</span>
                " " <span class=format!("badge status status-{}", idea.status.as_str())>{status_label(idea.status)}</span></p>
            <h2 id=heading lang=idea.language.clone()><A href=idea_path(idea.id, &idea.slug)>{idea.title.clone()}</A></h2>
            <p lang=idea.language.clone()>{idea.excerpt.clone()}</p>
            <p class="idea-byline muted">
                {name} {badge.map(|b| view! { " " <span class="badge badge-author">{b}</span> })}
                " · " {format_date(locale, idea.created_at)} " · "
                {t_with("vote-count-long", &[("count", idea.vote_count.to_string())])}
            </p>
            {(idea.reports.total > 0).then(|| view! { <Tally tally=idea.reports.clone() /> })}
            {idea.hidden.as_ref().map(|h| view! { <p class="hidden-note">{hidden_explanation(h)}</p> })}
            <div class="queue-actions">{children()}</div>
        </article>
    }
}

#[component]
fn QueuedCommentCard(comment: QueuedComment, locale: Locale, children: Children) -> impl IntoView {
    let (name, badge) = author_line(&comment.author);
    let heading = format!("queue-comment-{}", comment.id);
    let labelled_by = heading.clone();
    let href = format!(
        "{}#comment-{}",
        idea_path(comment.idea_id, &comment.idea_slug),
        comment.id
    );
    view! {
        <article class="queue-item" tabindex="-1" aria-labelledby=labelled_by>
            <p class="queue-kind">{t("queue-kind-comment")}</p>
            <h2 id=heading>
                <A href=href>{t_with("queue-comment-on", &[("title", comment.idea_title.clone())])}</A>
            </h2>
            <blockquote class="queue-quote">{comment.excerpt.clone()}</blockquote>
            <p class="idea-byline muted">
                {name} {badge.map(|b| view! { " " <span class="badge badge-author">{b}</span> })}
                " · " {format_date(locale, comment.created_at)}
            </p>
            {(comment.reports.total > 0).then(|| view! { <Tally tally=comment.reports.clone() /> })}
            {comment.hidden.as_ref().map(|h| view! { <p class="hidden-note">{hidden_explanation(h)}</p> })}
            <div class="queue-actions">{children()}</div>
        </article>
    }
}

#[component]
fn QueuedOrganisationCard(
    organisation: QueuedOrganisation,
    locale: Locale,
    action: ServerAction<SetOrganisationVerified>,
) -> impl IntoView {
    let heading = format!("queue-organisation-{}", organisation.id);
    let labelled_by = heading.clone();
    view! {
        <article class="queue-item" tabindex="-1" aria-labelledby=labelled_by>
            <p class="queue-kind">{kind_label(organisation.kind)}</p>
            <h2 id=heading>{organisation.organisation_name.clone()}</h2>
            <dl class="facts">
                <dt>{t("field-label-display-name")}</dt><dd>{organisation.display_name.clone()}</dd>
                <dt>{t("field-label-registration-number")}</dt>
                <dd>{organisation.registration_number.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t("admin-joined")}</dt><dd>{format_date(locale, organisation.created_at)}</dd>
            </dl>
            <div class="queue-actions">
                <ActionForm action attr:class="inline-moderation-form">
                    <input type="hidden" name="account_id" value=organisation.id />
                    <input type="hidden" name="verified" value="true" />
                    <Field name="reason" label=t("queue-verify-reason") required=true maxlength=ModerationReason::MAX
                        id_prefix=format!("organisation-{}-", organisation.id) error=Signal::derive(|| None::<String>) />
                    <button type="submit" class="button button-small">{t("queue-verify")}</button>
                </ActionForm>
            </div>
        </article>
    }
}

/// A reported or hidden item: hide it (or confirm that reports were right to), or keep
/// it visible (restoring it if reports hid it).
#[component]
fn DecideReported(target: Target, id: i64, hidden: Option<Hidden>, action: ServerAction<SetHidden>) -> impl IntoView {
    let prefix = format!("{}-{id}-", target.as_str());
    let (hide_prefix, keep_prefix) = (format!("{prefix}hide-"), format!("{prefix}keep-"));
    let confirmed = hidden.as_ref().is_some_and(|h| h.by.is_some());
    view! {
        <div class="decide-reported">
            {(!confirmed).then(|| view! {
                <ActionForm action attr:class="inline-moderation-form">
                    <input type="hidden" name="target" value=target.as_str() />
                    <input type="hidden" name="target_id" value=id />
                    <input type="hidden" name="hidden" value="true" />
                    <Field name="reason" label=t("moderation-hide-reason") required=true maxlength=ModerationReason::MAX
                        id_prefix=hide_prefix error=Signal::derive(|| None::<String>) />
                    <button type="submit" class="button button-small">{t("moderation-hide")}</button>
                </ActionForm>
            })}
            <ActionForm action attr:class="inline-moderation-form">
                <input type="hidden" name="target" value=target.as_str() />
                <input type="hidden" name="target_id" value=id />
                <input type="hidden" name="hidden" value="false" />
                <Field name="reason" label=t("moderation-keep-reason") required=true maxlength=ModerationReason::MAX
                    id_prefix=keep_prefix error=Signal::derive(|| None::<String>) />
                <button type="submit" class="button button-small button-secondary">
                    {if hidden.is_some() { t("moderation-restore") } else { t("moderation-keep-visible") }}
                </button>
            </ActionForm>
        </div>
    }
}

/// One decision about a new idea.
#[component]
fn TriageForm(idea_id: i64, action: ServerAction<TriageIdea>, kept: BTreeMap<String, String>) -> impl IntoView {
    let prefix = format!("triage-{idea_id}-");
    let chosen = kept
        .get("decision")
        .cloned()
        .unwrap_or_else(|| Triage::Keep.as_str().into());
    let (note, duplicate_of) = (
        kept.get("note").cloned().unwrap_or_default(),
        kept.get("duplicate_of").cloned().unwrap_or_default(),
    );
    let show_errors = !kept.is_empty();
    let error = move |field: &'static str| {
        if show_errors {
            field_error(action, field)
        } else {
            Signal::derive(|| None::<String>)
        }
    };
    let decision_id = format!("{prefix}decision");
    view! {
        <ActionForm action attr:class="triage-form">
            <input type="hidden" name="idea_id" value=idea_id />
            <div class="field">
                <label for=decision_id.clone()>{t("triage-decision")}</label>
                <select id=decision_id name="decision">
                    {Triage::ALL.into_iter().map(|d| view! {
                        <option value=d.as_str() selected=chosen == d.as_str()>{t(&format!("triage-{}", d.as_str()))}</option>
                    }).collect_view()}
                </select>
            </div>
            <Field name="note" label=t("triage-note") value=note multiline=true maxlength=PublicNote::MAX
                id_prefix=prefix.clone() error=error("note") />
            <Field name="duplicate_of" label=t("moderation-duplicate-of") value=duplicate_of maxlength=300
                id_prefix=prefix.clone() error=error("duplicate_of") />
            <button type="submit" class="button button-small" disabled=move || action.pending().get()>{t("triage-submit")}</button>
            <p class="hint triage-hint">{t("triage-note-hint")} " " {t("triage-duplicate-hint")}</p>
        </ActionForm>
    }
}

/// With JavaScript, `j` and `k` move between the items of the queue, and after a decision
/// the next item takes the focus: a moderator works through it from the keyboard.
#[cfg(test)]
mod tests {
    use super::thanks_address;

    #[test]
    fn the_thanks_keep_the_discussion_page_they_come_back_to() {
        assert_eq!(
            thanks_address("/ideas/7-wifi"),
            "/ideas/7-wifi?reported=1#report-thanks"
        );
        assert_eq!(
            thanks_address("/ideas/7-wifi?cpage=2#comment-4"),
            "/ideas/7-wifi?cpage=2&reported=1#report-thanks"
        );
    }
}

#[cfg(feature = "hydrate")]
mod keyboard {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    fn items() -> Vec<web_sys::HtmlElement> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return vec![];
        };
        let Ok(list) = document.query_selector_all(".queue-item") else {
            return vec![];
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    }

    fn current(items: &[web_sys::HtmlElement]) -> Option<usize> {
        let active = web_sys::window()?.document()?.active_element()?;
        let item = active.closest(".queue-item").ok()??;
        items.iter().position(|i| **i == item)
    }

    fn typing() -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
    }

    pub fn install(decided: Signal<bool>) {
        // Where the last decision was taken: once the queue is back without that item,
        // the one that took its place is the next to decide.
        let decided_at = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let remember = decided_at.clone();
        let submitted = window_event_listener(leptos::ev::submit, move |_| {
            let at = current(&items()).unwrap_or(0);
            remember.store(at, std::sync::atomic::Ordering::Relaxed);
        });
        let handle = window_event_listener(leptos::ev::keydown, |event| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() || typing() {
                return;
            }
            let step: isize = match event.key().as_str() {
                "j" => 1,
                "k" => -1,
                _ => return,
            };
            let items = items();
            if items.is_empty() {
                return;
            }
            let next = match current(&items) {
                Some(at) => (at as isize + step).clamp(0, items.len() as isize - 1) as usize,
                None => 0,
            };
            event.prevent_default();
            let _ = items[next].focus();
        });
        on_cleanup(move || {
            handle.remove();
            submitted.remove();
        });
        Effect::new(move |before: Option<()>| {
            if decided.get() && before.is_some() {
                let at = decided_at.load(std::sync::atomic::Ordering::Relaxed);
                request_animation_frame(move || {
                    let items = items();
                    if let Some(next) = items.get(at).or(items.last()) {
                        let _ = next.focus();
                    }
                });
            }
        });
    }
}
