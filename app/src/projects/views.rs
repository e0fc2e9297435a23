//! Project pages: the public list, a project's page (with the owner's and moderators'
//! panels), promotion, the official's desk, the government's commitments and the
//! Program Office's dashboard. Every form works without JavaScript.

use super::api::{
    commitments, dashboard, desk, get_project, list_projects, officials, promotable_ideas, AddMilestone,
    AdvanceProject, DecideProject, EditMilestone, FollowProject, PostProjectUpdate, PromoteIdeas, ReassignProject,
    RemoveMilestone, SetMilestoneDone, ADVANCE_FORM, DECISION_FORM, MILESTONE_EDIT_FORM, MILESTONE_FORM, PROMOTE_FORM,
    UPDATE_FORM,
};
use super::charts::{BarRows, Series, StackedColumns};
use super::model::{
    format_month, project_path, promotable, Milestone, MilestoneTitle, Official, Progress, ProjectCard, ProjectDetail,
    ProjectQuery, ProjectStatus, ProjectSummary, ProjectTitle, Statement, TimelineEntry, UpdateBody, UpdateKind,
};
use crate::error::AppError;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, iso_date, t, t_with, use_locale, Locale};
use crate::ideas::model::{id_from_path_segment, idea_path, IdeaStatus};
use crate::themes::api::list_themes;
use crate::themes::model::Theme;
use crate::ui::use_auth;
use crate::ui::Refusal;
use crate::ui::{localized, progress_text, project_status_label, render_body, Pager};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

fn status_badge(status: ProjectStatus) -> impl IntoView {
    view! { <span class=format!("badge project-status project-status-{}", status.as_str())>{project_status_label(status)}</span> }
}

/// A bar (drawn, so no inline style is needed) and the same in words.
#[component]
pub fn ProgressBar(progress: Progress) -> impl IntoView {
    view! {
        <div class="progress">
            <svg class="progress-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"
                xmlns="http://www.w3.org/2000/svg">
                <rect x="0" y="0" width="100" height="6" class="progress-track" />
                <rect x="0" y="0" width=progress.percent() height="6" class="progress-fill" />
            </svg>
            <p class="progress-text">{progress_text(progress)}</p>
        </div>
    }
}

/// On an idea's page: the project it became part of, or, for a moderator, the way to
/// promote it.
#[component]
pub fn IdeaProjectBox(
    idea_id: i64,
    status: IdeaStatus,
    project: Option<crate::projects::model::ProjectLink>,
    can_promote: bool,
) -> impl IntoView {
    if let Some(project) = project {
        Some(
            view! {
                <div class="idea-project" id="project">
                    <p class="idea-project-label">{t("idea-project-label")}</p>
                    <p><A href=project_path(project.id, &project.slug)><span lang=project.language.clone()>{project.title.clone()}</span></A></p>
                    <p>{status_badge(project.status)}</p>
                </div>
            }
            .into_any(),
        )
    } else if can_promote && promotable(status) {
        Some(
            view! {
                <A href=format!("/projects/new?ideas={idea_id}") attr:class="button button-secondary button-small">
                    {t("project-promote-this")}
                </A>
            }
            .into_any(),
        )
    } else {
        None
    }
}

/// Links between the programme's public pages.
#[component]
fn ProgrammeLinks() -> impl IntoView {
    view! {
        <nav class="programme-nav" aria-label=t("programme-nav-label")>
            <A href="/projects">{t("projects-title")}</A>
            <A href="/commitments">{t("commitments-title")}</A>
            <A href="/dashboard">{t("dashboard-title")}</A>
        </nav>
    }
}

/// "Promote ideas", for moderators and admins.
#[component]
fn PromoteLink() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                auth.user
                    .await
                    .filter(|u| u.may(crate::policy::Action::PromoteIdeas))
                    .map(|_| view! { <A href="/projects/new" attr:class="button">{t("project-promote")}</A> })
            })}
        </Suspense>
    }
}

#[component]
fn ProjectCardView(
    project: ProjectCard,
    locale: Locale,
    #[prop(optional)] action: Option<(String, String)>,
    /// Under a section heading (the desk), the card's title is one level down.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let href = project_path(project.id, &project.slug);
    let started = project.status.is_commitment();
    let title = view! { <A href=href>{project.title.clone()}</A> };
    let heading = if nested {
        view! { <h3 lang=project.language.clone()>{title}</h3> }.into_any()
    } else {
        view! { <h2 lang=project.language.clone()>{title}</h2> }.into_any()
    };
    view! {
        <li class="project-card">
            {heading}
            <p class="idea-meta">
                <span class="badge badge-theme">{localized(&project.theme_names, locale)}</span>
                " "
                {status_badge(project.status)}
            </p>
            <p lang=project.language.clone()>{project.excerpt.clone()}</p>
            <p class="project-owner-line muted">
                {project.owner.display_name.clone()}
                {project.owner.portfolio.clone().map(|p| view! { " · " {p} })}
            </p>
            {started.then(|| view! { <ProgressBar progress=project.progress /> })}
            {action.map(|(href, label)| view! { <p><A href=href attr:class="button button-small">{label}</A></p> })}
        </li>
    }
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let current = move || {
        let q = query.read();
        ProjectQuery {
            status: q.get("status").as_deref().and_then(ProjectStatus::parse),
            theme: q.get("theme").filter(|s| !s.is_empty()),
            owner: q.get("owner").and_then(|o| o.parse().ok()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        }
    };
    let projects = Resource::new(current, |q| {
        list_projects(q.status.map(|s| s.as_str().to_owned()), q.theme, q.owner, Some(q.page))
    });
    let choices = use_choices();
    view! {
        <Title text=t("projects-title") />
        <Meta name="description" content=t("projects-lead") />
        <section class="container">
            <div class="page-head">
                <h1>{t("projects-title")}</h1>
                <PromoteLink />
            </div>
            <p class="lead">{t("projects-lead")}</p>
            <ProgrammeLinks />
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let (themes, officials) = choices.await;
                    let q = current();
                    view! {
                        <form method="get" action="/projects" class="filter-bar" aria-label=t("projects-filters")>
                            <div class="filter">
                                <label for="filter-status">{t("ideas-status")}</label>
                                <select id="filter-status" name="status">
                                    <option value="">{t("ideas-all-statuses")}</option>
                                    {ProjectStatus::ALL.into_iter().map(|status| view! {
                                        <option value=status.as_str() selected=q.status == Some(status)>{project_status_label(status)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="filter">
                                <label for="filter-theme">{t("field-label-theme")}</label>
                                <select id="filter-theme" name="theme">
                                    <option value="">{t("ideas-all-themes")}</option>
                                    {themes.into_iter().map(|theme| {
                                        let selected = q.theme.as_deref() == Some(theme.slug.as_str());
                                        view! { <option value=theme.slug.clone() selected=selected>{theme.name(locale).to_owned()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="filter">
                                <label for="filter-owner">{t("project-owner")}</label>
                                <select id="filter-owner" name="owner">
                                    <option value="">{t("projects-all-owners")}</option>
                                    {officials.into_iter().map(|official| view! {
                                        <option value=official.id selected=q.owner == Some(official.id)>{official.display_name.clone()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button button-small">{t("projects-apply")}</button>
                        </form>
                    }
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match projects.await {
                        Err(error) => view! { <Refusal error /> }.into_any(),
                        Ok(list) => {
                            let q = current();
                            let previous = (q.page > 1).then(|| format!("/projects{}", q.to_query_string(q.page - 1)));
                            let next = list.has_more.then(|| format!("/projects{}", q.to_query_string(q.page + 1)));
                            let empty = list.projects.is_empty();
                            view! {
                                {empty.then(|| view! { <div class="empty-state"><p>{t("projects-empty")}</p></div> })}
                                <ul class="project-list">
                                    {list.projects.into_iter().map(|project| view! { <ProjectCardView project locale /> }).collect_view()}
                                </ul>
                                <Pager previous next />
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

fn use_choices() -> Resource<(Vec<Theme>, Vec<Official>)> {
    Resource::new(
        || (),
        |_| async {
            (
                list_themes(false).await.unwrap_or_default(),
                officials().await.unwrap_or_default(),
            )
        },
    )
}

/// A `<select>` with its label and error, for forms whose options are loaded.
#[component]
fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] placeholder: String,
    options: Vec<(String, String)>,
    #[prop(into)] chosen: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <select id=id name=name required
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())>
                <option value="">{placeholder}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}

/// Moderators choose undecided ideas and turn them into a candidate project.
#[component]
pub fn PromotePage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let action = ServerAction::<PromoteIdeas>::new();
    let memory = use_form_memory(PROMOTE_FORM);
    let choices = use_choices();
    let wanted = move || {
        let q = query.read();
        (
            q.get("theme").filter(|s| !s.is_empty()),
            q.get("ideas").unwrap_or_default(),
        )
    };
    let ideas = Resource::new(wanted, |(theme, chosen)| promotable_ideas(theme, Some(chosen)));
    view! {
        <Title text=t("project-promote-title") />
        <section class="container narrow">
            <p class="breadcrumb"><A href="/projects">{t("projects-title")}</A></p>
            <h1>{t("project-promote-title")}</h1>
            <p class="lead">{t("project-promote-lead")}</p>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let ideas = match ideas.await {
                        Ok(ideas) => ideas,
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                    };
                    let kept = memory.await;
                    let (themes, officials) = choices.await;
                    let (filter_theme, asked) = wanted();
                    let chosen: Vec<String> = kept
                        .get("ideas")
                        .cloned()
                        .unwrap_or(asked.clone())
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    let value = {
                        let kept = kept.clone();
                        move |name: &str| kept.get(name).cloned().unwrap_or_default()
                    };
                    let theme = kept.get("theme").cloned().or(filter_theme.clone()).unwrap_or_else(|| {
                        ideas
                            .iter()
                            .find(|i| chosen.contains(&i.id.to_string()))
                            .map(|i| i.theme_slug.clone())
                            .unwrap_or_default()
                    });
                    let theme_options: Vec<(String, String)> =
                        themes.iter().map(|th| (th.slug.clone(), th.name(locale).to_owned())).collect();
                    let owner_options: Vec<(String, String)> = officials
                        .iter()
                        .map(|o| {
                            let text = match &o.portfolio {
                                Some(p) => format!("{} — {p}", o.display_name),
                                None => o.display_name.clone(),
                            };
                            (o.id.to_string(), text)
                        })
                        .collect();
                    let no_ideas = ideas.is_empty();
                    view! {
                        <form method="get" action="/projects/new" class="filter-bar" aria-label=t("project-promote-filter")>
                            <input type="hidden" name="ideas" value=asked />
                            <div class="filter">
                                <label for="promote-filter-theme">{t("field-label-theme")}</label>
                                <select id="promote-filter-theme" name="theme">
                                    <option value="">{t("ideas-all-themes")}</option>
                                    {themes.iter().map(|th| view! {
                                        <option value=th.slug.clone() selected=filter_theme.as_deref() == Some(th.slug.as_str())>{th.name(locale).to_owned()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button button-small button-secondary">{t("ideas-apply")}</button>
                        </form>
                        <FormAlert action />
                        <ActionForm action>
                            <fieldset class="choice-group" aria-describedby="promote-ideas-hint">
                                <legend>{t("project-promote-ideas")}</legend>
                                <p class="hint" id="promote-ideas-hint">{t("project-promote-ideas-hint")}</p>
                                {no_ideas.then(|| view! { <p class="muted">{t("project-promote-no-ideas")}</p> })}
                                {ideas.into_iter().map(|idea| {
                                    let id = format!("promote-idea-{}", idea.id);
                                    let checked = chosen.contains(&idea.id.to_string());
                                    view! {
                                        <div class="choice">
                                            <input type="checkbox" id=id.clone() name="ideas[]" value=idea.id checked=checked />
                                            <label for=id>
                                                <span lang=idea.language.clone()>{idea.title.clone()}</span>
                                                <span class="hint">{t_with("vote-count-long", &[("count", idea.vote_count.to_string())])}</span>
                                            </label>
                                        </div>
                                    }
                                }).collect_view()}
                                <p class="field-error" hidden=move || field_error(action, "ideas").with(Option::is_none)>
                                    {move || field_error(action, "ideas").get()}
                                </p>
                            </fieldset>
                            <Field name="title" label=t("field-label-title") value=value("title") required=true
                                maxlength=ProjectTitle::MAX id_prefix="project-" error=field_error(action, "title") />
                            <Field name="summary" label=t("project-summary") value=value("summary") required=true multiline=true
                                maxlength=ProjectSummary::MAX id_prefix="project-" hint=t("project-summary-hint")
                                error=field_error(action, "summary") />
                            <SelectField id="project-theme" name="theme" label=t("field-label-theme") placeholder=t("idea-choose-theme")
                                options=theme_options chosen=theme error=field_error(action, "theme") />
                            <SelectField id="project-owner" name="owner" label=t("project-owner") placeholder=t("project-choose-owner")
                                options=owner_options chosen=value("owner") error=field_error(action, "owner") />
                            <Field name="factors" label=t("project-factors") value=value("factors") required=true multiline=true
                                id_prefix="project-" hint=t("project-factors-hint") error=field_error(action, "factors") />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("project-promote-submit")}</button>
                        </ActionForm>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// Follow / stop following a project, like the idea's button.
#[component]
fn ProjectFollowButton(project_id: i64, following: bool, action: ServerAction<FollowProject>) -> impl IntoView {
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
struct Actions {
    decide: ServerAction<DecideProject>,
    advance: ServerAction<AdvanceProject>,
    add: ServerAction<AddMilestone>,
    edit: ServerAction<EditMilestone>,
    toggle: ServerAction<SetMilestoneDone>,
    remove: ServerAction<RemoveMilestone>,
    update: ServerAction<PostProjectUpdate>,
    reassign: ServerAction<ReassignProject>,
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

    fn versions(&self) -> [usize; 8] {
        [
            self.decide.version().get(),
            self.advance.version().get(),
            self.add.version().get(),
            self.edit.version().get(),
            self.toggle.version().get(),
            self.remove.version().get(),
            self.update.version().get(),
            self.reassign.version().get(),
        ]
    }
}

#[component]
pub fn ProjectView() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let segment = move || params.read().get("project").unwrap_or_default();
    let actions = Actions::new();
    // After a milestone is edited, its place on the page without the form's address.
    crate::ui::follow_answer(actions.edit);
    let follow = ServerAction::<FollowProject>::new();
    let page = Resource::new(
        move || (id_from_path_segment(&segment()), actions.versions()),
        |(id, _)| async move {
            match id {
                Some(id) => get_project(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <section class="container project-page">
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let page = match page.await {
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                        Ok(page) => page,
                    };
                    let project = page.project;
                    let canonical = project_path(project.id, &project.slug);
                    if segment() != format!("{}-{}", project.id, project.slug) {
                        // The same place on the page, under the current address.
                        let query = use_query_map().read_untracked().to_query_string();
                        return view! { <Redirect path=format!("{canonical}{query}") /> }.into_any();
                    }
                    let progress = project.progress();
                    let manage = page.can_manage;
                    let has_panel = (manage && matches!(project.status, ProjectStatus::Candidate | ProjectStatus::Adopted | ProjectStatus::InProgress))
                        || (page.can_reassign && project.status != ProjectStatus::Completed);
                    let theme_href = format!("/themes/{}", project.theme_slug);
                    let theme = localized(&project.theme_names, locale);
                    let sign_in = format!("/login?next={canonical}");
                    view! {
                        <Title text=project.title.clone() />
                        <p class="breadcrumb"><A href="/projects">{t("projects-title")}</A></p>
                        <article class="project-main" lang=project.language.clone()>
                            <h1>{project.title.clone()}</h1>
                            <p class="idea-meta">
                                <A href=theme_href attr:class="badge badge-theme">{theme}</A>
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
                                <p class="muted">{t_with("project-followers", &[("count", project.followers.to_string())])}</p>
                            </div>
                            {if page.signed_in {
                                view! { <ProjectFollowButton project_id=project.id following=page.following action=follow /> }.into_any()
                            } else {
                                view! { <A href=sign_in attr:class="button button-secondary button-small">{t("project-sign-in-to-follow")}</A> }.into_any()
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
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// The owner's public word on adopting or declining.
#[component]
fn OwnerStatement(project: ProjectDetail, locale: Locale) -> impl IntoView {
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
fn ManagePanel(
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
            <Suspense fallback=|| ()>
                {move || {
                    let next = next.clone();
                    let owners = owners.clone();
                    Suspend::new(async move {
                        let decision_kept = decision_memory.await;
                        let advance_kept = advance_memory.await;
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
                                        <div class="field">
                                            <label for="reassign-owner">{t("project-owner")}</label>
                                            <select id="reassign-owner" name="owner" required>
                                                {owners.into_iter().map(|o| view! {
                                                    <option value=o.id selected=o.id == owner_id>{o.display_name.clone()}</option>
                                                }).collect_view()}
                                            </select>
                                        </div>
                                        <button type="submit" class="button button-secondary button-small">{t("project-reassign")}</button>
                                    </ActionForm>
                                </div>
                            })}
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn Roadmap(project: ProjectDetail, manage: bool, locale: Locale, actions: Actions) -> impl IntoView {
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
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let kept = memory.await;
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
                    })}
                </Suspense>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn MilestoneItem(
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
                        <A href=edit_href attr:class="button-link" attr:aria-label=edit_name>{t("project-milestone-edit")}</A>
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
fn MilestoneEditForm(m: Milestone, action: ServerAction<EditMilestone>) -> impl IntoView {
    let memory = use_form_memory(MILESTONE_EDIT_FORM);
    let location = use_location();
    let prefix = format!("milestone-{}-edit-", m.id);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (m, prefix) = (m.clone(), prefix.clone());
                Suspend::new(async move {
                    let kept = memory.await;
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
                            " " <A href=move || format!("{}#milestone-{}", location.pathname.get(), m.id) attr:class="button-link">
                                {t("comment-cancel")}
                            </A>
                        </ActionForm>
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Timeline(project: ProjectDetail, manage: bool, locale: Locale, actions: Actions) -> impl IntoView {
    let memory = use_form_memory(UPDATE_FORM);
    let can_post = manage && project.status.takes_updates();
    let update = actions.update;
    let project_id = project.id;
    let language = project.language.clone();
    view! {
        <section class="project-section" id="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("project-timeline")}</h2>
            {can_post.then(|| view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let kept = memory.await;
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
                    })}
                </Suspense>
            })}
            <ol class="timeline">
                {project.timeline.into_iter().map(|entry| view! { <TimelineItem entry locale language=language.clone() /> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

#[component]
fn TimelineItem(entry: TimelineEntry, locale: Locale, language: String) -> impl IntoView {
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
                {entry.author_name.clone().map(|n| view! { <span class="muted">" · " {n}</span> })}
            </p>
            {text.map(|body| view! { <div class="timeline-body" lang=language>{render_body(&body)}</div> })}
        </li>
    }
}

#[component]
fn SourceIdeas(project: ProjectDetail) -> impl IntoView {
    view! {
        <section class="project-section" id="ideas" aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{t("project-source-ideas")}</h2>
            <p>{t_with("project-supporters", &[("count", project.supporters.to_string())])}</p>
            <ul class="source-ideas">
                {project.ideas.into_iter().map(|idea| view! {
                    <li>
                        <A href=idea_path(idea.id, &idea.slug)><span lang=idea.language.clone()>{idea.title.clone()}</span></A>
                        <p class="muted">
                            {idea.author_name.clone()} " · "
                            {t_with("vote-count-long", &[("count", idea.vote_count.to_string())])} " · "
                            {t_with("comment-count", &[("count", idea.comment_count.to_string())])}
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The official's desk: candidates to decide on, projects under way, and the rest.
#[component]
pub fn DeskPage() -> impl IntoView {
    let locale = use_locale();
    let projects = Resource::new(|| (), |_| desk());
    view! {
        <Title text=t("desk-title") />
        <section class="container">
            <h1>{t("desk-title")}</h1>
            <p class="lead">{t("desk-lead")}</p>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let projects = match projects.await {
                        Ok(projects) => projects,
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                    };
                    let pick = |statuses: &[ProjectStatus]| -> Vec<ProjectCard> {
                        projects.iter().filter(|p| statuses.contains(&p.status)).cloned().collect()
                    };
                    let groups = [
                        ("desk-pending", pick(&[ProjectStatus::Candidate]), "project-decide-title", "manage"),
                        ("desk-active", pick(&[ProjectStatus::Adopted, ProjectStatus::InProgress]), "desk-keep-up", "roadmap"),
                        ("desk-closed", pick(&[ProjectStatus::Completed, ProjectStatus::Declined]), "desk-open", "timeline"),
                    ];
                    groups.into_iter().map(|(heading, cards, action, anchor)| {
                        let empty = cards.is_empty();
                        view! {
                            <section class="desk-group" aria-labelledby=heading>
                                <h2 id=heading>{t(heading)}</h2>
                                {empty.then(|| view! { <p class="muted">{t("desk-none")}</p> })}
                                <ul class="project-list">
                                    {cards.into_iter().map(|project| {
                                        let href = format!("{}#{anchor}", project_path(project.id, &project.slug));
                                        view! { <ProjectCardView project locale action=(href, t(action)) nested=true /> }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    }).collect_view().into_any()
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let locale = use_locale();
    let page = Resource::new(|| (), |_| commitments());
    view! {
        <Title text=t("commitments-title") />
        <Meta name="description" content=t("commitments-lead") />
        <section class="container">
            <h1>{t("commitments-title")}</h1>
            <p class="lead">{t("commitments-lead")}</p>
            <ProgrammeLinks />
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let page = match page.await {
                        Ok(page) => page,
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                    };
                    let kept = page.officials.iter().filter(|c| !c.adopted.is_empty()).count();
                    let summary = t_with(
                        "commitments-summary",
                        &[("year", page.year.to_string()), ("done", kept.to_string()), ("total", page.officials.len().to_string())],
                    );
                    if page.officials.is_empty() {
                        return view! { <div class="empty-state"><p>{t("commitments-empty")}</p></div> }.into_any();
                    }
                    view! {
                        <h2 class="commitments-year">{summary}</h2>
                        <ul class="commitment-list">
                            {page.officials.into_iter().map(|c| {
                                let none = c.adopted.is_empty();
                                let pending = c.pending;
                                view! {
                                    <li class="commitment-card" class:committed=!none>
                                        <h3>{c.official.display_name.clone()}</h3>
                                        <p class="muted">{c.official.portfolio.clone().unwrap_or_else(|| t("commitments-no-portfolio"))}</p>
                                        {none.then(|| view! {
                                            <p class="commitment-none">{t("commitments-none")}</p>
                                            {(pending > 0).then(|| view! {
                                                <p class="muted">{t_with("commitments-pending", &[("count", pending.to_string())])}</p>
                                            })}
                                        })}
                                        {c.adopted.into_iter().map(|p| view! {
                                            <div class="commitment-project">
                                                <p lang=p.language.clone()><A href=project_path(p.id, &p.slug)>{p.title.clone()}</A></p>
                                                <p>
                                                    {status_badge(p.status)}
                                                    {p.adopted_at.map(|at| view! { <span class="muted">" · " {t_with("commitments-adopted-on", &[("date", format_date(locale, at))])}</span> })}
                                                </p>
                                                <ProgressBar progress=p.progress />
                                            </div>
                                        }).collect_view()}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// A table of a chart's figures, with its caption; it scrolls sideways on a phone, so it
/// takes the focus to be scrolled with the keyboard.
#[component]
fn FigureTable(
    #[prop(into)] id: String,
    #[prop(into)] caption: String,
    headers: Vec<String>,
    children: Children,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id.clone()>
            <table class="data-table figure-table">
                <caption id=caption_id.clone()>{caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let locale = use_locale();
    let figures = Resource::new(|| (), |_| dashboard());
    view! {
        <Title text=t("dashboard-title") />
        <Meta name="description" content=t("dashboard-lead") />
        <section class="container dashboard">
            <h1>{t("dashboard-title")}</h1>
            <p class="lead">{t("dashboard-lead")}</p>
            <ProgrammeLinks />
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let figures = match figures.await {
                        Ok(figures) => figures,
                        Err(error) => return view! { <Refusal error /> }.into_any(),
                    };
                    let by_status = figures.projects_by_status();
                    let theme_rows: Vec<(String, Vec<i64>)> = figures
                        .themes
                        .iter()
                        .map(|th| (localized(&th.names, locale), vec![th.ideas, th.accepted]))
                        .collect();
                    let status_rows: Vec<(String, Vec<i64>)> = ProjectStatus::ALL
                        .into_iter()
                        .zip(by_status)
                        .map(|(s, n)| (project_status_label(s), vec![n]))
                        .collect();
                    let month_columns: Vec<([String; 2], Vec<i64>)> = figures
                        .participation
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let label = format_month(locale, m.year, m.month);
                            let month = label.split([' ', '/', '-']).next().unwrap_or_default().to_owned();
                            // The year under the first column and each January is enough.
                            let year = if i == 0 || m.month == 1 { m.year.to_string() } else { String::new() };
                            ([month, year], m.by_kind.to_vec())
                        })
                        .collect();
                    let kinds = vec![
                        Series { name: t("dashboard-residents"), class: "series-1" },
                        Series { name: t("dashboard-businesses"), class: "series-2" },
                        Series { name: t("dashboard-academics"), class: "series-3" },
                    ];
                    let status_headers: Vec<String> = ProjectStatus::ALL.into_iter().map(project_status_label).collect();
                    let mut theme_headers = vec![
                        t("field-label-theme"),
                        t("dashboard-ideas"),
                        t("dashboard-votes"),
                        t("dashboard-accepted"),
                    ];
                    theme_headers.extend(status_headers.iter().map(|s| t_with("dashboard-projects-status", &[("status", s.clone())])));
                    let counted = t_with(
                        "dashboard-as-of",
                        &[("date", format_date(locale, figures.computed_at)), ("time", crate::i18n::utc_time(figures.computed_at))],
                    );
                    view! {
                        <p class="muted dashboard-as-of">{counted}</p>
                        <section class="dashboard-section" aria-labelledby="dashboard-themes">
                            <h2 id="dashboard-themes">{t("dashboard-themes-title")}</h2>
                            <figure class="chart-figure">
                                <BarRows summary=t("dashboard-themes-summary") rows=theme_rows
                                    series=vec![
                                        Series { name: t("dashboard-ideas"), class: "series-1" },
                                        Series { name: t("dashboard-accepted"), class: "series-4" },
                                    ] />
                            </figure>
                            <FigureTable id="dashboard-themes-table" caption=t("dashboard-themes-table") headers=theme_headers>
                                {figures.themes.iter().map(|th| view! {
                                    <tr>
                                        <th scope="row">{localized(&th.names, locale)}</th>
                                        <td>{th.ideas}</td>
                                        <td>{th.votes}</td>
                                        <td>{th.accepted}</td>
                                        {th.projects.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                        <section class="dashboard-section" aria-labelledby="dashboard-projects">
                            <h2 id="dashboard-projects">{t("dashboard-projects-title")}</h2>
                            <figure class="chart-figure">
                                <BarRows summary=t("dashboard-projects-summary") rows=status_rows
                                    series=vec![Series { name: t("projects-title"), class: "series-2" }] />
                            </figure>
                            <FigureTable id="dashboard-projects-table" caption=t("dashboard-projects-table")
                                headers=vec![t("ideas-status"), t("projects-title")]>
                                {ProjectStatus::ALL.into_iter().zip(by_status).map(|(s, n)| view! {
                                    <tr><th scope="row">{project_status_label(s)}</th><td>{n}</td></tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                        <section class="dashboard-section" aria-labelledby="dashboard-participation">
                            <h2 id="dashboard-participation">{t("dashboard-participation-title")}</h2>
                            <p>{t("dashboard-participation-lead")}</p>
                            <figure class="chart-figure">
                                <StackedColumns summary=t("dashboard-participation-summary") columns=month_columns series=kinds />
                            </figure>
                            <FigureTable id="dashboard-participation-table" caption=t("dashboard-participation-table")
                                headers=vec![t("dashboard-month"), t("dashboard-residents"), t("dashboard-businesses"), t("dashboard-academics"), t("dashboard-total")]>
                                {figures.participation.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{format_month(locale, m.year, m.month)}</th>
                                        {m.by_kind.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                        <td>{m.by_kind.iter().sum::<i64>()}</td>
                                    </tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}
