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
use crate::error::AppError;
use crate::forms::{field_error, use_form_memory, Field, FormAlert};
use crate::i18n::{format_date, iso_date, t, t_with, use_locale, Locale};
use crate::ideas::model::{id_from_path_segment, idea_path, IdeaStatus};
use crate::projects::model::{
    format_month, project_path, promotable, Milestone, MilestoneTitle, Official, Progress, ProjectCard, ProjectDetail,
    ProjectQuery, ProjectStatus, ProjectSummary, ProjectTitle, Statement, TimelineEntry, UpdateBody, UpdateKind,
};
use crate::themes::api::list_themes;
use crate::themes::model::Theme;
use crate::ui::use_auth;
use crate::ui::{localized, progress_text, project_status_label, render_body, Pager};
use crate::ui::{CanonicalRedirect, Loader, Loading, Waiting};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

mod list;
mod page;
mod programme;
mod promote;
mod roadmap;

pub use list::*;
pub use page::*;
pub use programme::*;
pub use promote::*;
pub use roadmap::*;

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
        <Loading load=move || async move { Ok(auth.user.await) } waiting=Waiting::Quiet let:user>
            {user
                .filter(|u| u.may(crate::policy::Action::PromoteIdeas))
                .map(|_| view! { <A href="/projects/new" attr:class="button">{t("project-promote")}</A> })}
        </Loading>
    }
}
