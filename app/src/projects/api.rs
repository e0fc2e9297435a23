//! Server functions for projects: public reads, promotion and reassignment by
//! moderators, and the owner's changes (decision, roadmap, timeline, status).

use super::model::{CommitmentList, DashboardFigures, IdeaChoice, Official, ProjectCard, ProjectList, ProjectPage};
use crate::error::AppError;
use crate::ids::{MilestoneId, ProjectId};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{
        MilestoneTitle, ProjectQuery, ProjectStatus, ProjectSummary, ProjectTitle, Statement, SuccessFactors,
        TargetDate, UpdateBody,
    },
    super::store::{self, Change, Promotion, Reassignment},
    crate::accounts::model::SessionUser,
    crate::ctx,
    crate::error::{AppResult, ErrorCode, Problems},
    crate::ids::AccountId,
    crate::policy::{self, Action, Actor, Facts},
};

pub const PROMOTE_FORM: &str = "project_promote";
pub const DECISION_FORM: &str = "project_decision";
pub const ADVANCE_FORM: &str = "project_advance";
pub const MILESTONE_FORM: &str = "project_milestone";
pub const MILESTONE_EDIT_FORM: &str = "project_milestone_edit";
pub const UPDATE_FORM: &str = "project_update";

/// At most this many ideas go into one project.
pub const MAX_IDEAS: usize = 20;

/// One page of projects; every filter is optional and unknown values are ignored.
#[server(endpoint = "projects")]
pub async fn list_projects(
    status: Option<String>,
    theme: Option<String>,
    owner: Option<i64>,
    page: Option<u32>,
) -> Result<ProjectList, AppError> {
    let query = ProjectQuery {
        status: status.as_deref().and_then(ProjectStatus::parse),
        theme: theme.filter(|t| !t.trim().is_empty()),
        owner: owner.filter(|o| *o > 0),
        page: page.unwrap_or(1).max(1),
    };
    if query.page > ProjectQuery::MAX_PAGE {
        return Err(AppError::NotFound);
    }
    Ok(store::list(&ctx::db()?, &query).await?)
}

/// A project with what the reader may do with it.
#[server(endpoint = "project")]
pub async fn get_project(id: ProjectId) -> Result<ProjectPage, AppError> {
    let db = ctx::db()?;
    let project = store::detail(&db, id).await?.ok_or(AppError::NotFound)?;
    let user = ctx::current_user().await?;
    let following = match &user {
        Some(user) => store::is_following(&db, id, AccountId(user.id)).await?,
        None => false,
    };
    let can_reassign = user.as_ref().is_some_and(|u| u.may(Action::ReassignProject));
    // In the page's own answer: a part of the page that loads data of its own once the
    // page has loaded can be made twice on the server and fail to hydrate.
    let officials = if can_reassign {
        store::officials(&db).await?
    } else {
        vec![]
    };
    Ok(ProjectPage {
        signed_in: user.is_some(),
        following,
        can_manage: user.as_ref().is_some_and(|u| {
            policy::decide(
                Some(&u.actor()),
                Action::ManageProject,
                &Facts::owned_by(project.owner.id),
            )
            .is_ok()
        }),
        can_reassign,
        officials,
        project,
    })
}

/// The members of the government and their portfolios (public, as on the commitments page).
#[server(endpoint = "officials")]
pub async fn officials() -> Result<Vec<Official>, AppError> {
    Ok(store::officials(&ctx::db()?).await?)
}

/// Every member of the government and the project they adopted this calendar year.
#[server(endpoint = "commitments")]
pub async fn commitments() -> Result<CommitmentList, AppError> {
    let year = super::model::year_month(crate::db::now_ms()).0;
    Ok(CommitmentList {
        year,
        officials: store::commitments(&ctx::db()?, year).await?,
    })
}

/// The Program Office's public figures.
#[server(endpoint = "dashboard")]
pub async fn dashboard() -> Result<DashboardFigures, AppError> {
    let state = ctx::state()?;
    state
        .dashboard
        .get_or_compute(|| async {
            let months = super::model::last_months(crate::db::now_ms(), DashboardFigures::MONTHS);
            store::dashboard(&state.db, &months).await.map_err(AppError::from)
        })
        .await
}

/// Ideas a moderator may promote, optionally within a theme; `chosen` ("12,15") are
/// listed first.
#[server(endpoint = "promotable_ideas")]
pub async fn promotable_ideas(theme: Option<String>, chosen: Option<String>) -> Result<Vec<IdeaChoice>, AppError> {
    ctx::authorize(Action::PromoteIdeas, &Facts::none()).await?;
    let chosen: Vec<i64> = chosen
        .unwrap_or_default()
        .split(',')
        .filter_map(|id| id.trim().parse().ok())
        .take(MAX_IDEAS)
        .collect();
    let theme = theme.filter(|t| !t.trim().is_empty());
    Ok(store::promotable_ideas(&ctx::db()?, theme.as_deref(), &chosen).await?)
}

/// A moderator promotes one or more undecided ideas into a candidate project owned by
/// a member of the government.
#[server(endpoint = "promote_ideas")]
pub async fn promote_ideas(
    title: String,
    summary: String,
    theme: String,
    owner: String,
    factors: String,
    #[server(default)] ideas: Vec<i64>,
) -> Result<String, AppError> {
    let moderator = ctx::authorize(Action::PromoteIdeas, &Facts::none()).await?;
    let mut idea_ids: Vec<i64> = vec![];
    for id in &ideas {
        if !idea_ids.contains(id) {
            idea_ids.push(*id);
        }
    }
    let outcome: AppResult<String> = async {
        let mut problems = Problems::new();
        let parsed_title = problems.check("title", ProjectTitle::parse(&title));
        let parsed_summary = problems.check("summary", ProjectSummary::parse(&summary));
        let parsed_factors = problems.check("factors", SuccessFactors::parse(&factors));
        if theme.trim().is_empty() {
            problems.push("theme", "required");
        }
        let owner_id = owner.trim().parse::<i64>().ok();
        if owner_id.is_none() {
            problems.push("owner", "required");
        }
        if idea_ids.is_empty() {
            problems.push("ideas", "required");
        } else if idea_ids.len() > MAX_IDEAS {
            problems.push("ideas", "too_long");
        }
        problems.into_result()?;
        let (Some(title), Some(summary), Some(factors), Some(owner_id)) =
            (parsed_title, parsed_summary, parsed_factors, owner_id)
        else {
            return Err(AppError::BadRequest);
        };
        let locale = crate::i18n::detect_locale();
        let note = crate::i18n::translate(locale, "project-promoted-note", &[("title", title.as_str().to_owned())]);
        let slug = crate::ideas::model::slugify(title.as_str());
        let project = store::NewProject {
            title: title.as_str(),
            slug: &slug,
            summary: summary.as_str(),
            language: locale.code(),
            theme_slug: theme.trim(),
            owner_id,
            factors: factors.as_slice(),
            idea_ids: &idea_ids,
            moderator_id: moderator.id,
            note: &note,
        };
        match store::promote(&ctx::db()?, &project).await? {
            Promotion::Created(_, path) => Ok(path),
            Promotion::UnknownTheme => Err(AppError::field("theme", "unknown_choice")),
            Promotion::UnknownOwner => Err(AppError::field("owner", "unknown_choice")),
            Promotion::UnknownIdea => Err(AppError::field("ideas", "unknown_choice")),
            Promotion::NotPromotable => Err(AppError::field("ideas", "idea_not_promotable")),
            Promotion::AlreadyInProject => Err(AppError::Closed),
        }
    }
    .await;
    let chosen = idea_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let typed = [
        ("title", title.as_str()),
        ("summary", &summary),
        ("theme", &theme),
        ("owner", &owner),
        ("factors", &factors),
        ("ideas", &chosen),
    ];
    let path = ctx::keep_typed(outcome, PROMOTE_FORM, &typed).await?;
    ctx::redirect(&path);
    Ok(path)
}

/// Moderators give a project to another member of the government.
#[server(endpoint = "reassign_project")]
pub async fn reassign_project(project_id: ProjectId, owner: String) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::ReassignProject, &Facts::none()).await?;
    let owner_id = owner
        .trim()
        .parse::<AccountId>()
        .map_err(|_| AppError::field("owner", "required"))?;
    match store::reassign(&ctx::db()?, AccountId(moderator.id), project_id, owner_id).await? {
        Reassignment::Done(path) => {
            ctx::redirect_plain_form(&format!("{path}#manage"));
            Ok(())
        }
        Reassignment::NotFound => Err(AppError::NotFound),
        Reassignment::UnknownOwner => Err(AppError::field("owner", "unknown_choice")),
        Reassignment::Closed => Err(AppError::ProjectStage),
    }
}

/// Who may change a project: its owner, and an admin. The policy is asked before anything
/// is read (a visitor or a blocked account is refused without a query), then about the
/// owner it found: 404 when there is no such project.
#[cfg(feature = "ssr")]
fn owned_by(user: SessionUser, owner: Option<AccountId>) -> AppResult<Actor> {
    let owner = owner.ok_or(AppError::NotFound)?;
    ctx::permit(Some(&user), Action::ManageProject, &Facts::owned_by(owner.get()))?;
    Ok(user.actor())
}

#[cfg(feature = "ssr")]
async fn manager_of_project(project_id: ProjectId) -> AppResult<Actor> {
    let user = ctx::authorize(Action::ManageProject, &Facts::none()).await?;
    owned_by(user, store::owner_of(&ctx::db()?, project_id).await?)
}

#[cfg(feature = "ssr")]
async fn manager_of_milestone(milestone_id: MilestoneId) -> AppResult<Actor> {
    let user = ctx::authorize(Action::ManageProject, &Facts::none()).await?;
    owned_by(user, store::milestone_owner(&ctx::db()?, milestone_id).await?)
}

/// The answer to a change: to the project page at `anchor` after a plain form post.
#[cfg(feature = "ssr")]
fn changed(outcome: Change, anchor: &str) -> AppResult<()> {
    match outcome {
        Change::Done(path) => {
            ctx::redirect_plain_form(&format!("{path}#{anchor}"));
            Ok(())
        }
        Change::NotFound => Err(AppError::NotFound),
        Change::Forbidden => Err(AppError::Forbidden),
        Change::Closed => Err(AppError::ProjectStage),
    }
}

/// The owner adopts (`decision = adopt`) or declines a candidate project, with a public statement.
#[server(endpoint = "decide_project")]
pub async fn decide_project(project_id: ProjectId, decision: String, statement: String) -> Result<(), AppError> {
    let actor = manager_of_project(project_id).await?;
    let outcome: AppResult<()> = async {
        let mut problems = Problems::new();
        let to = match decision.as_str() {
            "adopt" => Some(ProjectStatus::Adopted),
            "decline" => Some(ProjectStatus::Declined),
            _ => {
                problems.push("decision", "unknown_choice");
                None
            }
        };
        let statement = problems.check("statement", Statement::parse(&statement, true));
        problems.into_result()?;
        let (Some(to), Some(statement)) = (to, statement) else {
            return Err(AppError::BadRequest);
        };
        changed(
            store::set_status(&ctx::db()?, actor, project_id, to, statement.as_str()).await?,
            "timeline",
        )
    }
    .await;
    ctx::keep_typed(outcome, DECISION_FORM, &[("statement", &statement)]).await
}

/// The owner starts an adopted project (`status = in_progress`) or completes one under
/// way (`completed`), with an optional public note.
#[server(endpoint = "advance_project")]
pub async fn advance_project(project_id: ProjectId, status: String, note: String) -> Result<(), AppError> {
    let actor = manager_of_project(project_id).await?;
    let outcome: AppResult<()> = async {
        let to = ProjectStatus::parse(&status)
            .filter(|s| matches!(s, ProjectStatus::InProgress | ProjectStatus::Completed))
            .ok_or_else(|| AppError::field("status", "unknown_choice"))?;
        let note = Statement::parse(&note, false).map_err(|e| AppError::field("note", e.code()))?;
        changed(
            store::set_status(&ctx::db()?, actor, project_id, to, note.as_str()).await?,
            "timeline",
        )
    }
    .await;
    ctx::keep_typed(outcome, ADVANCE_FORM, &[("note", &note)]).await
}

/// A milestone's title and target date, with every problem at once.
#[cfg(feature = "ssr")]
fn parse_milestone(title: &str, target_date: &str) -> AppResult<(MilestoneTitle, TargetDate)> {
    let mut problems = Problems::new();
    let title = problems.check("title", MilestoneTitle::parse(title));
    let date = problems.check("target_date", TargetDate::parse(target_date));
    problems.into_result()?;
    title.zip(date).ok_or(AppError::BadRequest)
}

/// The owner adds a milestone to the roadmap.
#[server(endpoint = "add_milestone")]
pub async fn add_milestone(project_id: ProjectId, title: String, target_date: String) -> Result<(), AppError> {
    let actor = manager_of_project(project_id).await?;
    let outcome: AppResult<()> = async {
        let (title, date) = parse_milestone(&title, &target_date)?;
        changed(
            store::add_milestone(&ctx::db()?, actor, project_id, title.as_str(), date.unix_ms()).await?,
            "roadmap",
        )
    }
    .await;
    ctx::keep_typed(
        outcome,
        MILESTONE_FORM,
        &[("title", &title), ("target_date", &target_date)],
    )
    .await
}

/// The owner renames a milestone or moves its target date. Answers the milestone's place
/// on the project page, where the browser goes (the editing form closes).
#[server(endpoint = "edit_milestone")]
pub async fn edit_milestone(milestone_id: MilestoneId, title: String, target_date: String) -> Result<String, AppError> {
    let actor = manager_of_milestone(milestone_id).await?;
    let outcome: AppResult<String> = async {
        let (title, date) = parse_milestone(&title, &target_date)?;
        match store::edit_milestone(&ctx::db()?, actor, milestone_id, title.as_str(), date.unix_ms()).await? {
            Change::Done(path) => {
                let place = format!("{path}#milestone-{milestone_id}");
                ctx::redirect_plain_form(&place);
                Ok(place)
            }
            Change::NotFound => Err(AppError::NotFound),
            Change::Forbidden => Err(AppError::Forbidden),
            Change::Closed => Err(AppError::ProjectStage),
        }
    }
    .await;
    let id = milestone_id.to_string();
    let typed = [
        ("milestone_id", id.as_str()),
        ("title", &title),
        ("target_date", &target_date),
    ];
    ctx::keep_typed(outcome, MILESTONE_EDIT_FORM, &typed).await
}

/// The owner marks a milestone done, or not done after all.
#[server(endpoint = "set_milestone_done")]
pub async fn set_milestone_done(milestone_id: MilestoneId, done: bool) -> Result<(), AppError> {
    let actor = manager_of_milestone(milestone_id).await?;
    changed(
        store::set_milestone_done(&ctx::db()?, actor, milestone_id, done).await?,
        "roadmap",
    )
}

/// The owner takes a milestone off the roadmap.
#[server(endpoint = "remove_milestone")]
pub async fn remove_milestone(milestone_id: MilestoneId) -> Result<(), AppError> {
    let actor = manager_of_milestone(milestone_id).await?;
    changed(
        store::remove_milestone(&ctx::db()?, actor, milestone_id).await?,
        "roadmap",
    )
}

/// The owner posts an update to the public timeline; followers are told.
#[server(endpoint = "post_project_update")]
pub async fn post_project_update(project_id: ProjectId, body: String) -> Result<(), AppError> {
    let actor = manager_of_project(project_id).await?;
    let outcome: AppResult<()> = async {
        let text = UpdateBody::parse(&body).map_err(|e| AppError::field("body", e.code()))?;
        changed(
            store::post_update(&ctx::db()?, actor, project_id, text.as_str()).await?,
            "timeline",
        )
    }
    .await;
    ctx::keep_typed(outcome, UPDATE_FORM, &[("body", &body)]).await
}

/// Follows or stops following a project; answers whether the caller now follows it.
#[server(endpoint = "follow_project")]
pub async fn follow_project(project_id: ProjectId, follow: bool) -> Result<bool, AppError> {
    let user = ctx::authorize(Action::Follow, &Facts::none()).await?;
    let path = store::set_follow(&ctx::db()?, project_id, AccountId(user.id), follow)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx::redirect_plain_form(&format!("{path}#follow"));
    Ok(follow)
}

/// The caller's projects (an official's own; every project for an admin).
#[server(endpoint = "desk")]
pub async fn desk() -> Result<Vec<ProjectCard>, AppError> {
    let user = ctx::authorize(Action::ReadDesk, &Facts::none()).await?;
    let owner = policy::desk_owner(&user.actor());
    Ok(store::desk(&ctx::db()?, owner).await?)
}
