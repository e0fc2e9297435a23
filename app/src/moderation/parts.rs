//! The moderators' panel on an idea's page, the public-response and report forms, and what a hidden item says.

use super::api::{
    MergeIdea, ReportItem, RespondToIdea, SetAccountBlocked, SetHidden, SetIdeaStatus, HIDE_FORM, MERGE_FORM,
    REPORT_FORM, RESPONSE_FORM, STATUS_FORM,
};
use super::model::{
    transition_allowed, Hidden, ModerationReason, PublicNote, ReportReason, ReportTally, Target, MODERATED,
};
use crate::forms::{field_error, use_form_memory, Field, FormAlert, SelectField};
use crate::i18n::{format_date, t, t_count, t_with, use_locale};
use crate::ideas::model::IdeaStatus;
use crate::ui::status_label;
use crate::ui::{Loading, Waiting};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

pub fn reason_label(reason: ReportReason) -> String {
    t(&format!("report-reason-{}", reason.as_str()))
}

/// "2 × spam, 1 × offensive", and what reporters wrote.
#[component]
pub fn Tally(tally: ReportTally) -> impl IntoView {
    let reasons = tally
        .by_reason
        .iter()
        .map(|(reason, n)| format!("{n} × {}", reason_label(*reason)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p class="report-tally">
            <strong>{t_count("moderation-reports", tally.total)}</strong>
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
            <Loading load=move || async move { Ok((status_memory.await, merge_memory.await, hide_memory.await)) } waiting=Waiting::Quiet let:loaded>
                {
                    let choices = choices.clone();
                    let (kept, merge_kept, hide_kept) = loaded;
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
                                    <SelectField id="moderation-status" name="status" label=t("moderation-new-status")
                                        options=choices.into_iter().map(|to| (to.as_str().to_owned(), status_label(to))).collect()
                                        chosen=chosen.clone() required=true error=field_error(status, "status") />
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
                }
            </Loading>
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
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                {
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
                }
            </Loading>
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
            <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                {
                    let (prefix, legend, cancel) = (prefix.clone(), legend.clone(), cancel.clone());
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
                                    multiline=true maxlength=crate::moderation::model::Report::NOTE_MAX hint=t("report-note-hint")
                                    id_prefix=prefix.clone() error=field_error(action, "note") />
                                <div class="form-actions">
                                    <button type="submit" class="button button-small" disabled=move || action.pending().get()>{t("report-submit")}</button>
                                    <a href=cancel class="button button-quiet button-small">{t("comment-cancel")}</a>
                                </div>
                            </ActionForm>
                        }
                }
            </Loading>
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
        Some(Ok(crate::moderation::model::Reported::AlreadyReported)) => Some(t("report-already")),
        Some(Ok(crate::moderation::model::Reported::Received)) => Some(t("report-thanks")),
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
