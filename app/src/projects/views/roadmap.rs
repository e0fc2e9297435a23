//! A project's roadmap (milestones) and its public timeline.

use super::*;

#[component]
pub(super) fn Roadmap(project: ProjectDetail, manage: bool, locale: Locale, actions: Actions) -> impl IntoView {
    let memory = use_form_memory(MILESTONE_FORM);
    let editable = manage && project.status.roadmap_open();
    let empty = project.milestones.is_empty();
    let (toggle, remove, add, edit) = (actions.toggle, actions.remove, actions.add, actions.edit);
    let milestones = project
        .milestones
        .into_iter()
        .map(|m| view! { <MilestoneItem m locale editable toggle remove edit /> })
        .collect_view();
    let project_id = project.id;
    view! {
        <section class="project-section" id="roadmap" aria-labelledby="roadmap-heading">
            <h2 id="roadmap-heading">{t("project-roadmap")}</h2>
            {empty.then(|| view! { <p class="muted">{t("project-roadmap-empty")}</p> })}
            {editable.then(|| view! { <FormAlert action=toggle /> <FormAlert action=remove /> <FormAlert action=edit /> })}
            <ol class="milestone-list">{milestones}</ol>
            {editable.then(|| view! {
                <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                    {
                        view! {
                            <div class="manage-block milestone-form">
                                <h3>{t("project-milestone-add")}</h3>
                                <FormAlert action=add />
                                <ActionForm action=add>
                                    <input type="hidden" name="project_id" value=project_id />
                                    <Field name="title" label=t("project-milestone-title") required=true
                                        maxlength=MilestoneTitle::MAX id_prefix="milestone-"
                                        value=kept.get("title").cloned().unwrap_or_default() error=field_error(add, "title") />
                                    <Field name="target_date" label=t("project-milestone-date") input_type="date" required=true
                                        id_prefix="milestone-" hint=t("project-milestone-date-hint")
                                        value=kept.get("target_date").cloned().unwrap_or_default()
                                        error=field_error(add, "target_date") />
                                    <button type="submit" class="button button-small" disabled=move || add.pending().get()>
                                        {t("project-milestone-add")}
                                    </button>
                                </ActionForm>
                            </div>
                        }
                    }
                </Loading>
            })}
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn MilestoneItem(
    m: Milestone,
    locale: Locale,
    editable: bool,
    toggle: ServerAction<SetMilestoneDone>,
    remove: ServerAction<RemoveMilestone>,
    edit: ServerAction<EditMilestone>,
) -> impl IntoView {
    let query = use_query_map();
    let editing = move || query.read().get("milestone").and_then(|id| id.parse::<i64>().ok()) == Some(m.id);
    let when = match (m.done, m.done_at) {
        (true, Some(at)) => t_with("project-milestone-done-on", &[("date", format_date(locale, at))]),
        _ => t_with(
            "project-milestone-target",
            &[("date", format_date(locale, m.target_date))],
        ),
    };
    let (badge, badge_class) = if m.done {
        (t("project-milestone-done"), "badge milestone-done")
    } else {
        (t("project-milestone-planned"), "badge")
    };
    let toggle_label = if m.done {
        t("project-milestone-undo")
    } else {
        t("project-milestone-mark-done")
    };
    // Several milestones each have these buttons: the name says which one they act on.
    let toggle_name = format!("{toggle_label}: {}", m.title);
    let remove_name = format!("{}: {}", t("project-milestone-remove"), m.title);
    let edit_name = format!("{}: {}", t("project-milestone-edit"), m.title);
    let location = use_location();
    let edit_href = move || format!("{}?milestone={}#milestone-{}", location.pathname.get(), m.id, m.id);
    let form = {
        let m = m.clone();
        move || editing().then(|| view! { <MilestoneEditForm m=m.clone() action=edit /> })
    };
    view! {
        <li class="milestone" class:done=m.done id=format!("milestone-{}", m.id)>
            <span class="milestone-mark" aria-hidden="true">{if m.done { "✓" } else { "" }}</span>
            <div class="milestone-body">
                <p class="milestone-title">{m.title.clone()} " " <span class=badge_class>{badge}</span></p>
                <p class="muted milestone-when">{when}</p>
                {editable.then(|| view! {
                    <div class="comment-actions">
                        <ActionForm action=toggle>
                            <input type="hidden" name="milestone_id" value=m.id />
                            <input type="hidden" name="done" value=(!m.done).to_string() />
                            <button type="submit" class="button-link" aria-label=toggle_name>{toggle_label}</button>
                        </ActionForm>
                        <a href=edit_href class="button-link" aria-label=edit_name>{t("project-milestone-edit")}</a>
                        <ActionForm action=remove>
                            <input type="hidden" name="milestone_id" value=m.id />
                            <button type="submit" class="button-link" aria-label=remove_name>{t("project-milestone-remove")}</button>
                        </ActionForm>
                    </div>
                })}
                {editable.then_some(form)}
            </div>
        </li>
    }
    .into_any()
}

/// Renames a milestone or moves its target date; opened by its "Edit" link (the address
/// says which milestone), so that it works without JavaScript.
#[component]
pub(super) fn MilestoneEditForm(m: Milestone, action: ServerAction<EditMilestone>) -> impl IntoView {
    let memory = use_form_memory(MILESTONE_EDIT_FORM);
    let location = use_location();
    let prefix = format!("milestone-{}-edit-", m.id);
    view! {
        <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
            {
                let (m, prefix) = (m.clone(), prefix.clone());
                    let kept = if kept.get("milestone_id") == Some(&m.id.to_string()) { kept } else { Default::default() };
                    let value = |name: &str, stored: String| kept.get(name).cloned().unwrap_or(stored);
                    let (title, date) = (value("title", m.title.clone()), value("target_date", iso_date(m.target_date)));
                    view! {
                        <ActionForm action attr:class="milestone-edit-form">
                            <input type="hidden" name="milestone_id" value=m.id />
                            <Field name="title" label=t("project-milestone-title") required=true maxlength=MilestoneTitle::MAX
                                id_prefix=prefix.clone() value=title error=field_error(action, "title") />
                            <Field name="target_date" label=t("project-milestone-date") input_type="date" required=true
                                id_prefix=prefix.clone() value=date
                                error=field_error(action, "target_date") />
                            <button type="submit" class="button button-small" disabled=move || action.pending().get()>
                                {t("project-milestone-save")}
                            </button>
                            " " <a href=move || format!("{}#milestone-{}", location.pathname.get(), m.id) class="button-link">
                                {t("comment-cancel")}
                            </a>
                        </ActionForm>
                    }
            }
        </Loading>
    }
}

#[component]
pub(super) fn Timeline(project: ProjectDetail, manage: bool, locale: Locale, actions: Actions) -> impl IntoView {
    let memory = use_form_memory(UPDATE_FORM);
    let can_post = manage && project.status.takes_updates();
    let update = actions.update;
    let project_id = project.id;
    let language = project.language.clone();
    view! {
        <section class="project-section" id="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("project-timeline")}</h2>
            {can_post.then(|| view! {
                <Loading load=move || async move { Ok(memory.await) } waiting=Waiting::Quiet let:kept>
                    {
                        view! {
                            <div class="manage-block">
                                <FormAlert action=update />
                                <ActionForm action=update>
                                    <input type="hidden" name="project_id" value=project_id />
                                    <Field name="body" label=t("project-update-label") multiline=true required=true
                                        maxlength=UpdateBody::MAX id_prefix="update-" hint=t("project-update-hint")
                                        value=kept.get("body").cloned().unwrap_or_default() error=field_error(update, "body") />
                                    <button type="submit" class="button button-small" disabled=move || update.pending().get()>
                                        {t("project-update-submit")}
                                    </button>
                                </ActionForm>
                            </div>
                        }
                    }
                </Loading>
            })}
            <ol class="timeline">
                {project.timeline.into_iter().map(|entry| view! { <TimelineItem entry locale language=language.clone() /> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
pub(super) fn TimelineItem(entry: TimelineEntry, locale: Locale, language: String) -> impl IntoView {
    let headline = match (entry.kind, entry.status) {
        (UpdateKind::Update, _) => view! { <span class="badge">{t("project-timeline-update")}</span> }.into_any(),
        (UpdateKind::Owner, reopened) => view! {
            <span class="badge">{t_with("project-timeline-owner", &[("name", entry.body.clone())])}</span>
            {reopened.map(|s| view! { " " {status_badge(s)} })}
        }
        .into_any(),
        (UpdateKind::Status, Some(status)) => status_badge(status).into_any(),
        (UpdateKind::Status, None) => ().into_any(),
    };
    let text = match entry.kind {
        UpdateKind::Owner => None,
        _ if entry.body.is_empty() => None,
        _ => Some(entry.body.clone()),
    };
    view! {
        <li class="timeline-entry">
            <p class="idea-byline">
                {headline}
                " " {format_date(locale, entry.at)}
                {entry.author_name.as_deref().map(|n| view! { <span class="muted">" · " {crate::ui::person_name(n)}</span> })}
            </p>
            {text.map(|body| view! { <div class="timeline-body" lang=language>{render_body(&body)}</div> })}
        </li>
    }
}
