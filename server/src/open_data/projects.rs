//! Candidate projects and their progress, the government members' commitments for a
//! year, and the Program Office's figures: what `/projects`, `/commitments` and
//! `/dashboard` show.

use super::answer::{self, json, ApiError, SHORT_CACHE};
use super::model::{rfc3339, LicenceOut, Problem, ThemeRef, Translated};
use super::OpenData;
use agora_app::error::AppError;
use agora_app::ideas::model::idea_path;
use agora_app::ids::ProjectId;
use agora_app::projects::model::{
    project_path, year_month, DashboardFigures, Owner, ProjectCard, ProjectDetail, ProjectQuery, ProjectStatus,
    UpdateKind,
};
use agora_app::projects::store;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Where a project stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Candidate,
    Adopted,
    InProgress,
    Completed,
    Declined,
}

impl From<ProjectStatus> for Stage {
    fn from(status: ProjectStatus) -> Stage {
        match status {
            ProjectStatus::Candidate => Stage::Candidate,
            ProjectStatus::Adopted => Stage::Adopted,
            ProjectStatus::InProgress => Stage::InProgress,
            ProjectStatus::Completed => Stage::Completed,
            ProjectStatus::Declined => Stage::Declined,
        }
    }
}

impl From<Stage> for ProjectStatus {
    fn from(stage: Stage) -> ProjectStatus {
        match stage {
            Stage::Candidate => ProjectStatus::Candidate,
            Stage::Adopted => ProjectStatus::Adopted,
            Stage::InProgress => ProjectStatus::InProgress,
            Stage::Completed => ProjectStatus::Completed,
            Stage::Declined => ProjectStatus::Declined,
        }
    }
}

/// The member of the government who owns a project.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OfficialOut {
    pub name: String,
    pub portfolio: Option<String>,
}

impl From<Owner> for OfficialOut {
    fn from(owner: Owner) -> OfficialOut {
        OfficialOut {
            name: owner.display_name,
            portfolio: owner.portfolio,
        }
    }
}

/// Milestones done out of all.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct ProgressOut {
    pub done: i64,
    pub total: i64,
}

/// A project as lists show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProjectOut {
    pub id: i64,
    pub url: String,
    pub title: String,
    /// The beginning of its summary.
    pub excerpt: String,
    pub language: String,
    pub status: Stage,
    pub theme: ThemeRef,
    pub owner: OfficialOut,
    pub progress: ProgressOut,
    /// RFC 3339, UTC; absent until adopted.
    pub adopted_at: Option<String>,
    pub updated_at: String,
}

impl ProjectOut {
    fn new(card: ProjectCard, site: &str) -> ProjectOut {
        ProjectOut {
            url: format!("{site}{}", project_path(card.id, &card.slug)),
            id: card.id,
            title: card.title,
            excerpt: card.excerpt,
            language: card.language,
            status: card.status.into(),
            theme: ThemeRef {
                slug: card.theme_slug,
                names: Translated::from_array(card.theme_names),
            },
            owner: card.owner.into(),
            progress: ProgressOut {
                done: card.progress.done,
                total: card.progress.total,
            },
            adopted_at: card.adopted_at.map(rfc3339),
            updated_at: rfc3339(card.updated_at),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProjectPage {
    pub items: Vec<ProjectOut>,
    /// The address of the next page, absent on the last one.
    pub next: Option<String>,
    pub licence: LicenceOut,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MilestoneOut {
    pub title: String,
    /// RFC 3339, UTC.
    pub target_date: String,
    pub done: bool,
    pub done_at: Option<String>,
}

/// What happened to a project: a status change with its statement, a new owner, news.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Status,
    Owner,
    Update,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineOut {
    pub kind: EntryKind,
    /// The status it moved to, for a status change.
    pub status: Option<Stage>,
    pub text: String,
    pub by: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceIdeaOut {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub supporters: i64,
}

/// One project, with its roadmap, timeline and the ideas it came from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProjectDetailOut {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub language: String,
    pub status: Stage,
    pub theme: ThemeRef,
    pub owner: OfficialOut,
    /// The owner's public statement when adopting or declining it.
    pub statement: String,
    pub success_factors: Vec<String>,
    pub progress: ProgressOut,
    pub milestones: Vec<MilestoneOut>,
    /// Newest first.
    pub timeline: Vec<TimelineOut>,
    pub ideas: Vec<SourceIdeaOut>,
    /// Accounts supporting at least one of its ideas.
    pub supporters: i64,
    pub followers: i64,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub adopted_at: Option<String>,
    pub licence: LicenceOut,
}

impl ProjectDetailOut {
    fn new(project: ProjectDetail, licence: LicenceOut, site: &str) -> ProjectDetailOut {
        let progress = project.progress();
        ProjectDetailOut {
            url: format!("{site}{}", project_path(project.id, &project.slug)),
            id: project.id,
            title: project.title,
            summary: project.summary,
            language: project.language,
            status: project.status.into(),
            theme: ThemeRef {
                slug: project.theme_slug,
                names: Translated::from_array(project.theme_names),
            },
            owner: project.owner.into(),
            statement: project.statement,
            success_factors: project.factors,
            progress: ProgressOut {
                done: progress.done,
                total: progress.total,
            },
            milestones: project
                .milestones
                .into_iter()
                .map(|m| MilestoneOut {
                    title: m.title,
                    target_date: rfc3339(m.target_date),
                    done: m.done,
                    done_at: m.done_at.map(rfc3339),
                })
                .collect(),
            timeline: project
                .timeline
                .into_iter()
                .map(|entry| TimelineOut {
                    kind: match entry.kind {
                        UpdateKind::Status => EntryKind::Status,
                        UpdateKind::Owner => EntryKind::Owner,
                        UpdateKind::Update => EntryKind::Update,
                    },
                    status: entry.status.map(Stage::from),
                    text: entry.body,
                    by: entry.author_name.filter(|name| !name.is_empty()),
                    at: rfc3339(entry.at),
                })
                .collect(),
            ideas: project
                .ideas
                .into_iter()
                .map(|idea| SourceIdeaOut {
                    url: format!("{site}{}", idea_path(idea.id, &idea.slug)),
                    id: idea.id,
                    title: idea.title,
                    supporters: idea.vote_count,
                })
                .collect(),
            supporters: project.supporters,
            followers: project.followers,
            created_at: rfc3339(project.created_at),
            decided_at: project.decided_at.map(rfc3339),
            adopted_at: project.adopted_at.map(rfc3339),
            licence,
        }
    }
}

/// Which projects.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectFilter {
    /// Only projects at this stage.
    #[param(inline)]
    status: Option<Stage>,
    /// Only projects of this theme (its slug).
    theme: Option<String>,
}

impl ProjectFilter {
    /// The list request the store reads.
    pub fn project_query(&self) -> ProjectQuery {
        ProjectQuery {
            status: self.status.map(ProjectStatus::from),
            theme: self.theme.clone().filter(|t| !t.is_empty()),
            ..ProjectQuery::default()
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectPaging {
    /// Projects per page, 1 to 100; 20 by default.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// Where to start: the `next` address of the previous page carries it.
    #[param(minimum = 1)]
    after: Option<i64>,
}

/// Candidate projects and their progress, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/projects",
    tag = "projects",
    params(ProjectFilter, ProjectPaging),
    responses(
        (status = 200, description = "A page of projects", body = ProjectPage),
        (status = 304, description = "The page has not changed since the `ETag` the client sent"),
        (status = 400, description = "A parameter is not understood", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(api): State<OpenData>,
    headers: HeaderMap,
    filter: Result<Query<ProjectFilter>, QueryRejection>,
    paging: Result<Query<ProjectPaging>, QueryRejection>,
) -> Response {
    let (Ok(Query(filter)), Ok(Query(query))) = (filter, paging) else {
        return answer::not_understood();
    };
    let size = query.limit.unwrap_or(super::ideas::DEFAULT_PAGE_SIZE);
    if !(1..=super::ideas::MAX_PAGE_SIZE).contains(&size) || query.after.is_some_and(|a| a < 1) {
        return ApiError(AppError::BadRequest).with_detail("`limit` goes from 1 to 100, `after` is a project's id.");
    }
    let filter = filter.project_query();
    let page = match store::list_after(&api.db, &filter, query.after.map(ProjectId), size).await {
        Ok(page) => page,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let next = match (page.has_more, page.items.last()) {
        (true, Some(last)) => {
            let mut url = form_urlencoded::Serializer::new(String::new());
            if let Some(status) = filter.status {
                url.append_pair("status", status.as_str());
            }
            if let Some(theme) = &filter.theme {
                url.append_pair("theme", theme);
            }
            if let Some(limit) = query.limit {
                url.append_pair("limit", &limit.to_string());
            }
            url.append_pair("after", &last.id.to_string());
            Some(format!("{}/api/v1/projects?{}", api.site, url.finish()))
        }
        _ => None,
    };
    let items = page
        .items
        .into_iter()
        .map(|card| ProjectOut::new(card, &api.site))
        .collect();
    json(
        &headers,
        &ProjectPage {
            items,
            next,
            licence: api.licence.clone(),
        },
        SHORT_CACHE,
    )
}

/// One project, with its milestones, progress, timeline and source ideas.
#[utoipa::path(
    get,
    path = "/api/v1/projects/{id}",
    tag = "projects",
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project", body = ProjectDetailOut),
        (status = 304, description = "The project has not changed since the `ETag` the client sent"),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(State(api): State<OpenData>, headers: HeaderMap, id: Result<Path<i64>, PathRejection>) -> Response {
    let Ok(Path(id)) = id else {
        return ApiError(AppError::BadRequest).with_detail("A project's id is a whole number.");
    };
    match store::detail(&api.db, ProjectId(id)).await {
        Ok(Some(project)) => json(
            &headers,
            &ProjectDetailOut::new(project, api.licence.clone(), &api.site),
            SHORT_CACHE,
        ),
        Ok(None) => ApiError(AppError::NotFound).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// A member of the government and the projects they adopted in the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CommitmentOut {
    pub official: OfficialOut,
    pub adopted: Vec<ProjectOut>,
    /// Candidate projects awaiting their decision, now.
    pub pending: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Commitments {
    pub year: i64,
    pub officials: Vec<CommitmentOut>,
    pub licence: LicenceOut,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The calendar year; this one by default.
    #[param(minimum = 2000, maximum = 2200)]
    year: Option<i64>,
}

/// What each member of the government committed to in a year: the projects they adopted.
#[utoipa::path(
    get,
    path = "/api/v1/commitments",
    tag = "projects",
    params(YearQuery),
    responses(
        (status = 200, description = "The year's commitments", body = Commitments),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 400, description = "The year is not understood", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn commitments(
    State(api): State<OpenData>,
    headers: HeaderMap,
    query: Result<Query<YearQuery>, QueryRejection>,
) -> Response {
    let year = match query {
        Ok(Query(YearQuery { year: None })) => year_month(agora_app::db::now_ms()).0,
        Ok(Query(YearQuery { year: Some(year) })) if (2000..=2200).contains(&year) => year,
        _ => return ApiError(AppError::BadRequest).with_detail("`year` is a year from 2000 to 2200."),
    };
    match store::commitments(&api.db, year).await {
        Ok(commitments) => json(
            &headers,
            &Commitments {
                year,
                officials: commitments
                    .into_iter()
                    .map(|c| CommitmentOut {
                        official: OfficialOut {
                            name: c.official.display_name,
                            portfolio: c.official.portfolio,
                        },
                        adopted: c.adopted.into_iter().map(|p| ProjectOut::new(p, &api.site)).collect(),
                        pending: c.pending,
                    })
                    .collect(),
                licence: api.licence.clone(),
            },
            SHORT_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// Projects per stage.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct ByStage {
    pub candidate: i64,
    pub adopted: i64,
    pub in_progress: i64,
    pub completed: i64,
    pub declined: i64,
}

impl From<[i64; 5]> for ByStage {
    /// In the order of `ProjectStatus::ALL`.
    fn from([candidate, adopted, in_progress, completed, declined]: [i64; 5]) -> ByStage {
        ByStage {
            candidate,
            adopted,
            in_progress,
            completed,
            declined,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ThemeFiguresOut {
    pub theme: ThemeRef,
    /// Ideas proposed (hidden ones left out).
    pub ideas: i64,
    /// Support given to them.
    pub supports: i64,
    pub accepted: i64,
    pub projects: ByStage,
}

/// Accounts that took part (proposed, supported or commented) in a month, by kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthOut {
    /// `YYYY-MM`.
    pub month: String,
    pub residents: i64,
    pub businesses: i64,
    pub academics: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Dashboard {
    pub themes: Vec<ThemeFiguresOut>,
    /// The last twelve months, oldest first.
    pub participation: Vec<MonthOut>,
    /// When the figures were counted (servers keep them a minute).
    pub computed_at: String,
    pub licence: LicenceOut,
}

/// The Program Office's figures, as `/dashboard` shows them.
#[utoipa::path(
    get,
    path = "/api/v1/dashboard",
    tag = "projects",
    responses(
        (status = 200, description = "The figures", body = Dashboard),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn dashboard(State(api): State<OpenData>, headers: HeaderMap) -> Response {
    let figures: Result<DashboardFigures, sqlx::Error> = api
        .dashboard
        .get_or_compute(|| async {
            let months = agora_app::projects::model::last_months(agora_app::db::now_ms(), DashboardFigures::MONTHS);
            store::dashboard(&api.db, &months).await
        })
        .await;
    match figures {
        Ok(figures) => json(
            &headers,
            &Dashboard {
                themes: figures
                    .themes
                    .into_iter()
                    .map(|t| ThemeFiguresOut {
                        theme: ThemeRef {
                            slug: t.slug,
                            names: Translated::from_array(t.names),
                        },
                        ideas: t.ideas,
                        supports: t.votes,
                        accepted: t.accepted,
                        projects: t.projects.into(),
                    })
                    .collect(),
                participation: figures
                    .participation
                    .into_iter()
                    .map(|m| MonthOut {
                        month: format!("{:04}-{:02}", m.year, m.month),
                        residents: m.by_kind[0],
                        businesses: m.by_kind[1],
                        academics: m.by_kind[2],
                    })
                    .collect(),
                computed_at: rfc3339(figures.computed_at),
                licence: api.licence.clone(),
            },
            SHORT_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}
