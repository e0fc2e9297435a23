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
use crate::forms::{field_error, use_form_memory, Field, FilterSelect, FormAlert, SelectField};
use crate::i18n::{format_date, iso_date, t, t_count, t_with, use_locale, Locale};
use crate::ideas::model::{id_from_path_segment, idea_path};
use crate::ids::ProjectId;
use crate::projects::model::{
    format_month, project_path, Milestone, MilestoneTitle, Official, ProjectCard, ProjectDetail, ProjectQuery,
    ProjectStatus, ProjectSummary, ProjectTitle, Statement, TimelineEntry, UpdateBody, UpdateKind,
};
use crate::themes::api::list_themes;
use crate::themes::model::Theme;
use crate::ui::{localized, project_status_label, render_body, Pager};
use crate::ui::{use_auth, Here};
use crate::ui::{CanonicalRedirect, Loader, Loading, Waiting};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use super::parts::{status_badge, ProgressBar};

mod commitments;
mod dashboard;
mod desk;
mod list;
mod page;
mod promote;
mod roadmap;

pub use commitments::*;
pub use dashboard::*;
pub use desk::*;
pub use list::*;
pub use page::*;
pub use promote::*;
pub use roadmap::*;

/// Links between the programme's public pages.
#[component]
fn ProgrammeLinks() -> impl IntoView {
    let here = Here::now();
    view! {
        <nav class="programme-nav" aria-label=t("programme-nav-label")>
            <a href="/projects" aria-current=here.page("/projects")>{t("projects-title")}</a>
            <a href="/commitments" aria-current=here.page("/commitments")>{t("commitments-title")}</a>
            <a href="/dashboard" aria-current=here.page("/dashboard")>{t("dashboard-title")}</a>
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
                .map(|_| view! { <a href="/projects/new" class="button">{t("project-promote")}</a> })}
        </Loading>
    }
}
