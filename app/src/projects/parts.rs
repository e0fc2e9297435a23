//! Parts of the projects feature that other pages show: a project's status and progress,
//! and on an idea's page the project it joined.

use super::model::{project_path, promotable, Progress, ProjectLink, ProjectStatus};
use crate::i18n::t;
use crate::ideas::model::IdeaStatus;
use crate::ui::{progress_text, project_status_label};
use leptos::prelude::*;

/// A project's status as a badge.
pub fn status_badge(status: ProjectStatus) -> impl IntoView {
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
    project: Option<ProjectLink>,
    can_promote: bool,
) -> impl IntoView {
    if let Some(project) = project {
        Some(
            view! {
                <div class="idea-project" id="project">
                    <p class="idea-project-label">{t("idea-project-label")}</p>
                    <p><a href=project_path(project.id, &project.slug)><span lang=project.language.clone()>{project.title.clone()}</span></a></p>
                    <p>{status_badge(project.status)}</p>
                </div>
            }
            .into_any(),
        )
    } else if can_promote && promotable(status) {
        Some(
            view! {
                <a href=format!("/projects/new?ideas={idea_id}") class="button button-secondary button-small">
                    {t("project-promote-this")}
                </a>
            }
            .into_any(),
        )
    } else {
        None
    }
}
