//! A project's page, with the owner's and the moderators' panels.

use super::*;

/// Follow / stop following a project, like the idea's button.
#[component]
pub(super) fn ProjectFollowButton(
    project_id: i64,
    following: bool,
    action: ServerAction<FollowProject>,
) -> impl IntoView {
    let shown = move || match (action.input().get(), action.value().get()) {
        (Some(pending), _) => pending.follow,
        (None, Some(Ok(now))) => now,
        _ => following,
    };
    view! {
        <div class="follow-box" id="follow">
            <ActionForm action>
                <input type="hidden" name="project_id" value=project_id />
                <input type="hidden" name="follow" value=move || (!shown()).to_string() />
                <button type="submit" class="button button-secondary button-small"
                    aria-pressed=move || if shown() { "true" } else { "false" }>
                    {move || if shown() { t("follow-stop") } else { t("project-follow") }}
                </button>
            </ActionForm>
            <p class="hint">{move || if shown() { t("project-follow-on-hint") } else { t("project-follow-off-hint") }}</p>
            <FormAlert action />
        </div>
    }
}

/// The actions of a project page; every panel refreshes the page when one completes.
#[derive(Clone, Copy)]
pub struct Actions {
    pub(super) decide: ServerAction<DecideProject>,
    pub(super) advance: ServerAction<AdvanceProject>,
    pub(super) add: ServerAction<AddMilestone>,
    pub(super) edit: ServerAction<EditMilestone>,
    pub(super) toggle: ServerAction<SetMilestoneDone>,
    pub(super) remove: ServerAction<RemoveMilestone>,
    pub(super) update: ServerAction<PostProjectUpdate>,
    pub(super) reassign: ServerAction<ReassignProject>,
}

impl Actions {
    fn new() -> Self {
        Actions {
            decide: ServerAction::new(),
            advance: ServerAction::new(),
            add: ServerAction::new(),
            edit: ServerAction::new(),
            toggle: ServerAction::new(),
            remove: ServerAction::new(),
            update: ServerAction::new(),
            reassign: ServerAction::new(),
        }
    }
}

#[component]
pub fn ProjectView() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let segment = move || params.read().get("project").unwrap_or_default();
    let actions = Actions::new();
    let follow = ServerAction::<FollowProject>::new();
    let page = Resource::new(
        move || id_from_path_segment(&segment()),
        |id| async move {
            match id {
                Some(id) => get_project(ProjectId(id)).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <section class="container project-page">
            <Loader resource=page let:page>
                {
                    let project = page.project;
                    let canonical = project_path(project.id, &project.slug);
                    let expected = format!("{}-{}", project.id, project.slug);
                    let progress = project.progress();
                    let manage = page.can_manage;
                    let has_panel = (manage && matches!(project.status, ProjectStatus::Candidate | ProjectStatus::Adopted | ProjectStatus::InProgress))
                        || (page.can_reassign && project.status != ProjectStatus::Completed);
                    let theme_href = format!("/themes/{}", project.theme_slug);
                    let theme = localized(&project.theme_names, locale);
                    let sign_in = format!("/login?next={canonical}");
                    view! {
                        <CanonicalRedirect current=segment() expected canonical=canonical.clone() />
                        <Title text=project.title.clone() />
                        <Link rel="alternate" type_="application/atom+xml" href=format!("/api/v1/feeds/projects/{}", project.id) title=t("feed-project") />
                        <p class="breadcrumb"><a href="/projects">{t("projects-title")}</a></p>
                        <article class="project-main" lang=project.language.clone()>
                            <h1>{project.title.clone()}</h1>
                            <p class="idea-meta">
                                <a href=theme_href class="badge badge-theme">{theme}</a>
                                " "
                                {status_badge(project.status)}
                            </p>
                            <p class="project-owner-line">
                                {t("project-owner")} ": " <strong>{project.owner.display_name.clone()}</strong>
                                {project.owner.portfolio.clone().map(|p| view! { <span class="muted">" · " {p}</span> })}
                            </p>
                            <OwnerStatement project=project.clone() locale />
                            <div class="idea-body">{render_body(&project.summary)}</div>
                        </article>
                        <aside class="project-side" aria-label=t("project-at-a-glance")>
                            <div class="vote-box">
                                <h2 class="side-heading">{t("project-progress-heading")}</h2>
                                <ProgressBar progress />
                                <p class="muted">{t_count("project-followers", project.followers)}</p>
                            </div>
                            {if page.signed_in {
                                view! { <ProjectFollowButton project_id=project.id following=page.following action=follow /> }.into_any()
                            } else {
                                view! { <a href=sign_in class="button button-secondary button-small">{t("project-sign-in-to-follow")}</a> }.into_any()
                            }}
                        </aside>
                        {has_panel.then(|| view! {
                            <ManagePanel project=project.clone() manage reassign=page.can_reassign owners=page.officials.clone() actions />
                        })}
                        <section class="project-section" aria-labelledby="factors-heading">
                            <h2 id="factors-heading">{t("project-factors")}</h2>
                            <ol class="factor-list">
                                {project.factors.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
                            </ol>
                        </section>
                        <Roadmap project=project.clone() manage locale actions />
                        <Timeline project=project.clone() manage locale actions />
                        <SourceIdeas project />
                    }
                }
            </Loader>
        </section>
    }
}

/// The owner's public word on adopting or declining.
#[component]
pub(super) fn OwnerStatement(project: ProjectDetail, locale: Locale) -> impl IntoView {
    let decided = matches!(
        project.status,
        ProjectStatus::Adopted | ProjectStatus::InProgress | ProjectStatus::Completed | ProjectStatus::Declined
    );
    (decided && !project.statement.is_empty()).then(|| {
        let heading = if project.status == ProjectStatus::Declined {
            t("project-statement-declined")
        } else {
            t("project-statement-adopted")
        };
        view! {
            <aside class="public-response" aria-labelledby="statement-heading">
                <h2 id="statement-heading">{heading}</h2>
                <p class="idea-byline">
                    {project.owner.display_name.clone()}
                    {project.decided_at.map(|at| view! { <span class="muted">" · " {format_date(locale, at)}</span> })}
                </p>
                <p class="public-response-text">{project.statement.clone()}</p>
            </aside>
        }
    })
}

/// What the owner (decide, start, complete) and moderators (reassign) may do now.
#[component]
pub(super) fn ManagePanel(
    project: ProjectDetail,
    manage: bool,
    reassign: bool,
    owners: Vec<Official>,
    actions: Actions,
) -> impl IntoView {
    let decision_memory = use_form_memory(DECISION_FORM);
    let advance_memory = use_form_memory(ADVANCE_FORM);
    let status = project.status;
    let next = match status {
        ProjectStatus::Adopted => Some((ProjectStatus::InProgress, t("project-start"))),
        ProjectStatus::InProgress => Some((ProjectStatus::Completed, t("project-complete"))),
        _ => None,
    };
    let (project_id, owner_id) = (project.id, project.owner.id);
    view! {
        <section class="moderation-panel project-manage" id="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{if manage { t("project-manage-title") } else { t("moderation-status-title") }}</h2>
            <Loading load=move || async move { Ok((decision_memory.await, advance_memory.await)) } waiting=Waiting::Quiet let:kept>
                {
                    let next = next.clone();
                    let owners = owners.clone();
                    {
                        let (decision_kept, advance_kept) = kept;
                        let decide = actions.decide;
                        let advance = actions.advance;
                        let reassign_action = actions.reassign;
                        view! {
                            {(manage && status == ProjectStatus::Candidate).then(|| view! {
                                <div class="manage-block" id="decision">
                                    <h3>{t("project-decide-title")}</h3>
                                    <p class="hint">{t("project-decide-hint")}</p>
                                    <FormAlert action=decide />
                                    <ActionForm action=decide>
                                        <input type="hidden" name="project_id" value=project_id />
                                        <Field name="statement" label=t("project-statement") multiline=true required=true
                                            maxlength=Statement::MAX id_prefix="decision-"
                                            value=decision_kept.get("statement").cloned().unwrap_or_default()
                                            error=field_error(decide, "statement") />
                                        <div class="form-actions">
                                            <button type="submit" name="decision" value="adopt" class="button button-small">{t("project-adopt")}</button>
                                            <button type="submit" name="decision" value="decline" class="button button-secondary button-small">{t("project-decline")}</button>
                                        </div>
                                    </ActionForm>
                                </div>
                            })}
                            {manage.then_some(()).and(next).map(|(to, label)| view! {
                                <div class="manage-block">
                                    <h3>{label.clone()}</h3>
                                    <FormAlert action=advance />
                                    <ActionForm action=advance>
                                        <input type="hidden" name="project_id" value=project_id />
                                        <input type="hidden" name="status" value=to.as_str() />
                                        <Field name="note" label=t("project-note") multiline=true maxlength=Statement::MAX
                                            id_prefix="advance-" hint=t("project-note-hint")
                                            value=advance_kept.get("note").cloned().unwrap_or_default()
                                            error=field_error(advance, "note") />
                                        <button type="submit" class="button button-small">{label}</button>
                                    </ActionForm>
                                </div>
                            })}
                            {(reassign && status != ProjectStatus::Completed).then(|| view! {
                                <div class="manage-block">
                                    <h3>{t("project-reassign-title")}</h3>
                                    <FormAlert action=reassign_action />
                                    <ActionForm action=reassign_action>
                                        <input type="hidden" name="project_id" value=project_id />
                                        <SelectField id="reassign-owner" name="owner" label=t("project-owner")
                                            options=owners.into_iter().map(|o| (o.id.to_string(), o.display_name)).collect()
                                            chosen=owner_id.to_string() required=true error=field_error(reassign_action, "owner") />
                                        <button type="submit" class="button button-secondary button-small">{t("project-reassign")}</button>
                                    </ActionForm>
                                </div>
                            })}
                        }
                    }
                }
            </Loading>
        </section>
    }
}

#[component]
pub(super) fn SourceIdeas(project: ProjectDetail) -> impl IntoView {
    view! {
        <section class="project-section" id="ideas" aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{t("project-source-ideas")}</h2>
            <p>{t_count("project-supporters", project.supporters)}</p>
            <ul class="source-ideas">
                {project.ideas.into_iter().map(|idea| view! {
                    <li>
                        <a href=idea_path(idea.id, &idea.slug)><span lang=idea.language.clone()>{idea.title.clone()}</span></a>
                        <p class="muted">
                            {crate::ui::person_name(&idea.author_name)} " · "
                            {t_count("vote-count-long", idea.vote_count)} " · "
                            {t_count("comment-count", idea.comment_count)}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
