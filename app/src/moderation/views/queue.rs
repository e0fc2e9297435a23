//! The moderators' queue: its tabs, its items and the decisions taken on them.

use super::*;
use crate::policy::{decide, Action, Actor, Facts};

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
    let queue = Resource::new(
        move || (tab(), page()),
        |(tab, page)| moderation_queue(Some(tab.as_str().to_owned()), Some(page)),
    );
    let memory = use_form_memory(TRIAGE_FORM);
    let auth = crate::ui::use_auth();
    view! {
        <Title text=t("queue-title") />
        <section class="container queue-page">
            <h1>{t("queue-title")}</h1>
            <p class="lead">{t("queue-lead")}</p>
            <p><a href="/admin/audit">{t("admin-audit-title")}</a></p>
            <QueueKeys />
            <FormAlert action=triage />
            <FormAlert action=hide />
            <FormAlert action=verify />
            <FormAlert action=block />
            <Loading load=move || async move { Ok((queue.await?, memory.await, auth.user.await)) } let:loaded>
                {
                    let (queue, kept, viewer) = loaded;
                    let viewer = viewer.map(|user| user.actor());
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
                        let actions = QueueActions { triage, hide, verify, block, viewer };
                        view! { <li><QueueItem entry tab=current actions kept /></li> }
                    }).collect_view();
                    view! {
                        <nav class="queue-tabs" aria-label=t("queue-tabs")>{tabs}</nav>
                        {empty.then(|| view! { <div class="empty-state"><p>{t(&format!("queue-empty-{}", current.as_str()))}</p></div> })}
                        <ol class="queue-list">{items}</ol>
                        <Pager previous next />
                    }
                    .into_any()
                }
            </Loading>
        </section>
    }
}

/// The decisions a moderator takes from the queue.
#[derive(Clone, Copy)]
pub struct QueueActions {
    triage: ServerAction<TriageIdea>,
    hide: ServerAction<SetHidden>,
    verify: ServerAction<SetOrganisationVerified>,
    block: ServerAction<SetAccountBlocked>,
    /// Who is deciding, for the controls the policy lets them use.
    viewer: Option<Actor>,
}

#[component]
pub(super) fn QueueItem(
    entry: QueueEntry,
    tab: QueueTab,
    actions: QueueActions,
    kept: BTreeMap<String, String>,
) -> impl IntoView {
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
                    account_id=idea.author.id action=actions.block viewer=actions.viewer />
            };
            view! { <QueuedIdeaCard idea locale>{decide}{author}</QueuedIdeaCard> }.into_any()
        }
        QueueEntry::Comment(comment) => {
            let decide = view! { <DecideReported target=Target::Comment id=comment.id hidden=comment.hidden.clone() action=actions.hide /> };
            let author = view! {
                <BlockAuthor target=Target::Comment id=comment.id role=comment.author.role blocked=comment.author_blocked
                    account_id=comment.author.id action=actions.block viewer=actions.viewer />
            };
            view! { <QueuedCommentCard comment locale>{decide}{author}</QueuedCommentCard> }.into_any()
        }
        QueueEntry::Organisation(organisation) => {
            view! { <QueuedOrganisationCard organisation locale action=actions.verify /> }.into_any()
        }
        QueueEntry::Blocked(account) => view! { <BlockedAccountCard account locale action=actions.block /> }.into_any(),
    }
}

/// Under an item of the queue: block its author, where the policy lets the viewer (an
/// author already blocked is said to be).
#[component]
pub(super) fn BlockAuthor(
    target: Target,
    id: i64,
    account_id: i64,
    role: Role,
    blocked: bool,
    action: ServerAction<SetAccountBlocked>,
    viewer: Option<Actor>,
) -> impl IntoView {
    if blocked {
        return Some(view! { <p class="hint author-blocked">{t("moderation-author-blocked")}</p> }.into_any());
    }
    let allowed = decide(viewer.as_ref(), Action::BlockAccount, &Facts::account(account_id, role)).is_ok();
    allowed.then(|| {
        view! {
            <details class="block-author">
                <summary>{t("moderation-block-author")}</summary>
                <BlockForm account_id blocked=false action id_prefix=format!("{}-{id}-block-", target.as_str()) />
            </details>
        }
        .into_any()
    })
}

#[component]
pub(super) fn BlockedAccountCard(
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

pub(super) fn author_line(author: &crate::ideas::model::Author) -> (String, Option<String>) {
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
pub(super) fn QueuedIdeaCard(idea: QueuedIdea, locale: Locale, children: Children) -> impl IntoView {
    let (name, badge) = author_line(&idea.author);
    let heading = format!("queue-idea-{}", idea.id);
    let labelled_by = heading.clone();
    let theme = idea.theme_names[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(2)].clone();
    view! {
        <article class="queue-item" tabindex="-1" aria-labelledby=labelled_by>
            <p class="queue-kind">{t("queue-kind-idea")} " · " <span class="badge badge-theme">{theme}</span>
                " " <span class=format!("badge status status-{}", idea.status.as_str())>{status_label(idea.status)}</span></p>
            <h2 id=heading lang=idea.language.clone()><a href=idea_path(idea.id, &idea.slug)>{idea.title.clone()}</a></h2>
            <p lang=idea.language.clone()>{idea.excerpt.clone()}</p>
            <p class="idea-byline muted">
                {name} {badge.map(|b| view! { " " <span class="badge badge-author">{b}</span> })}
                " · " {format_date(locale, idea.created_at)} " · "
                {t_count("vote-count-long", idea.vote_count)}
            </p>
            {(idea.reports.total > 0).then(|| view! { <Tally tally=idea.reports.clone() /> })}
            {idea.hidden.as_ref().map(|h| view! { <p class="hidden-note">{hidden_explanation(h)}</p> })}
            <crate::ideas::parts::SimilarIdeasList ideas=idea.similar.clone() heading=t("similar-in-queue")
                heading_id=format!("queue-idea-{}-similar", idea.id) numbered=true />
            <div class="queue-actions">{children()}</div>
        </article>
    }
}

#[component]
pub(super) fn QueuedCommentCard(comment: QueuedComment, locale: Locale, children: Children) -> impl IntoView {
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
                <a href=href>{t_with("queue-comment-on", &[("title", comment.idea_title.clone())])}</a>
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
pub(super) fn QueuedOrganisationCard(
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
pub(super) fn DecideReported(
    target: Target,
    id: i64,
    hidden: Option<Hidden>,
    action: ServerAction<SetHidden>,
) -> impl IntoView {
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
pub(super) fn TriageForm(
    idea_id: i64,
    action: ServerAction<TriageIdea>,
    kept: BTreeMap<String, String>,
) -> impl IntoView {
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
