//! Ideas: the list, walked by cursor with the site's filters, sorts and search, and one
//! idea with its history. Only what the public pages show: nothing moderation hid.

use super::answer::{self, json, ApiError, SHORT_CACHE};
use super::model::{IdeaDetailOut, IdeaOut, IdeaPage, Problem, ProjectRef, Status};
use super::OpenData;
use agora_app::error::AppError;
use agora_app::ideas::model::{idea_path, IdeaStatus, ListQuery, SimilarIdea, Sort};
use agora_app::ideas::store;
use agora_app::ids::IdeaId;
use agora_app::paging::Cursor;
use agora_app::policy::{decide, Action, Facts};
use agora_app::projects::model::project_path;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The orders of the list.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    #[default]
    Newest,
    /// Most support in the last seven days.
    Trending,
    MostSupported,
    MostDiscussed,
}

impl From<Order> for Sort {
    fn from(order: Order) -> Sort {
        match order {
            Order::Newest => Sort::Newest,
            Order::Trending => Sort::Trending,
            Order::MostSupported => Sort::MostVotes,
            Order::MostDiscussed => Sort::MostDiscussed,
        }
    }
}

impl From<Status> for IdeaStatus {
    fn from(status: Status) -> IdeaStatus {
        match status {
            Status::Open => IdeaStatus::Open,
            Status::UnderReview => IdeaStatus::UnderReview,
            Status::Accepted => IdeaStatus::Accepted,
            Status::Declined => IdeaStatus::Declined,
            Status::Duplicate => IdeaStatus::Duplicate,
            Status::Withdrawn => IdeaStatus::Withdrawn,
        }
    }
}

pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE_SIZE: u32 = 100;

/// Which ideas, in which order: the site list's filters, sorts and search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IdeaFilter {
    /// Only ideas filed under this theme (its slug).
    theme: Option<String>,
    /// Only ideas about this municipality (its slug).
    municipality: Option<String>,
    /// Only ideas with this status.
    #[param(inline)]
    status: Option<Status>,
    /// Words to find in the title or the text, in any of the three languages.
    q: Option<String>,
    /// The order; newest first by default.
    #[param(inline)]
    sort: Option<Order>,
}

impl IdeaFilter {
    /// The list request the store reads.
    pub fn list_query(&self) -> ListQuery {
        ListQuery {
            theme: self.theme.clone().filter(|t| !t.is_empty()),
            status: self.status.map(IdeaStatus::from),
            district: self.municipality.clone().filter(|m| !m.is_empty()),
            sort: Sort::from(self.sort.unwrap_or_default()),
            search: self.q.clone(),
            ..ListQuery::default()
        }
    }
}

/// Where a page starts and how long it is.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Ideas per page, 1 to 100; 20 by default.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// Where to start: the `next` address of the previous page carries it.
    #[param(pattern = r"^v1(\.-?[0-9]{1,18}){3}$")]
    after: Option<String>,
}

/// A page of ideas, newest first unless asked otherwise. Follow `next` to walk the whole
/// list: ideas added meanwhile never shift the pages.
#[utoipa::path(
    get,
    path = "/api/v1/ideas",
    tag = "ideas",
    params(IdeaFilter, Paging),
    responses(
        (status = 200, description = "A page of ideas", body = IdeaPage),
        (status = 304, description = "The page has not changed since the `ETag` the client sent"),
        (status = 400, description = "A parameter or the cursor is not understood", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(api): State<OpenData>,
    headers: HeaderMap,
    filter: Result<Query<IdeaFilter>, QueryRejection>,
    paging: Result<Query<Paging>, QueryRejection>,
) -> Response {
    let (Ok(Query(filter)), Ok(Query(paging))) = (filter, paging) else {
        return answer::not_understood();
    };
    let after = match paging.after.as_deref() {
        None => None,
        Some(token) => match Cursor::parse(token, store::CURSOR_KEYS) {
            Some(cursor) => Some(cursor),
            None => {
                return ApiError(AppError::BadRequest)
                    .with_detail("`after` is not a cursor; use the `next` address of a page.")
            }
        },
    };
    let size = paging.limit.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return ApiError(AppError::BadRequest).with_detail("`limit` goes from 1 to 100.");
    }
    let list = filter.list_query();
    let page = match store::list_after(&api.db, &list, after.as_ref(), size).await {
        Ok(page) => page,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let next = if page.has_more {
        page.items
            .last()
            .map(|last| next_address(&api.site, &filter, paging.limit, &last.after))
    } else {
        None
    };
    let items = page
        .items
        .into_iter()
        .map(|listed| IdeaOut::new(listed.summary, listed.body, &api.site))
        .collect();
    json(
        &headers,
        &IdeaPage {
            items,
            next,
            licence: api.licence.clone(),
        },
        SHORT_CACHE,
    )
}

/// The address of the page after `cursor`, with the same filters.
fn next_address(site: &str, query: &IdeaFilter, limit: Option<u32>, cursor: &Cursor) -> String {
    let mut url = form_urlencoded::Serializer::new(String::new());
    let status = query.status.map(|s| IdeaStatus::from(s).as_str());
    let sort = query.sort.map(Sort::from).filter(|s| *s != Sort::Newest).map(|s| {
        // The API names the support order for what it counts.
        match s {
            Sort::MostVotes => "most_supported",
            other => other.as_str(),
        }
    });
    let limit = limit.map(|l| l.to_string());
    for (name, value) in [
        ("theme", query.theme.as_deref()),
        ("municipality", query.municipality.as_deref()),
        ("status", status),
        ("q", query.q.as_deref()),
        ("sort", sort),
        ("limit", limit.as_deref()),
    ] {
        if let Some(value) = value {
            url.append_pair(name, value);
        }
    }
    url.append_pair("after", &cursor.token());
    format!("{site}/api/v1/ideas?{}", url.finish())
}

/// One idea, with its status history, public responses and project.
#[utoipa::path(
    get,
    path = "/api/v1/ideas/{id}",
    tag = "ideas",
    params(("id" = i64, Path, description = "The idea's id")),
    responses(
        (status = 200, description = "The idea", body = IdeaDetailOut),
        (status = 304, description = "The idea has not changed since the `ETag` the client sent"),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such idea, or moderation hid it", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn one(State(api): State<OpenData>, headers: HeaderMap, id: Result<Path<i64>, PathRejection>) -> Response {
    let Ok(Path(id)) = id else {
        return ApiError(AppError::BadRequest).with_detail("An idea's id is a whole number.");
    };
    match read_one(&api, id).await {
        Ok(idea) => json(&headers, &idea, SHORT_CACHE),
        Err(e) => e.into_response(),
    }
}

async fn read_one(api: &OpenData, id: i64) -> Result<IdeaDetailOut, ApiError> {
    let mut reads = api.db.reader().await?;
    let detail = store::detail(&mut reads, id, None)
        .await?
        .ok_or(AppError::NotFound)?
        .idea;
    // The API reads as a visitor: what moderation hid is not there.
    decide(
        None,
        Action::ReadIdea,
        &Facts::item(detail.author.id, detail.hidden.is_some()),
    )
    .map_err(|_| AppError::NotFound)?;
    let project = agora_app::projects::store::of_idea(&mut *reads, IdeaId(id))
        .await?
        .map(|p| ProjectRef {
            id: p.id,
            url: format!("{}{}", api.site, project_path(p.id, &p.slug)),
            title: p.title,
        });
    Ok(IdeaDetailOut::new(detail, project, api.licence.clone(), &api.site))
}

/// An idea like a given text, as the submit form shows them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SimilarOut {
    pub id: i64,
    pub url: String,
    pub title: String,
    pub status: Status,
    pub supporters: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SimilarList {
    /// Best first, at most five.
    pub items: Vec<SimilarOut>,
    pub licence: super::model::LicenceOut,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SimilarQuery {
    /// A title, or any text: ideas whose titles share its words (in any of the three
    /// languages, accents and case aside) come first.
    #[param(max_length = 300)]
    text: String,
}

/// Up to five visible ideas whose titles are most like `text`: what a person writing a
/// new idea is shown before publishing.
#[utoipa::path(
    get,
    path = "/api/v1/ideas/similar",
    tag = "ideas",
    params(SimilarQuery),
    responses(
        (status = 200, description = "Ideas like the text, best first", body = SimilarList),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 400, description = "`text` is missing or too long", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn similar(
    State(api): State<OpenData>,
    headers: HeaderMap,
    query: Result<Query<SimilarQuery>, QueryRejection>,
) -> Response {
    let Some(text) = query.ok().map(|Query(q)| q.text).filter(|t| t.chars().count() <= 300) else {
        return ApiError(AppError::BadRequest).with_detail("`text` is required, at most 300 characters.");
    };
    match store::similar(&api.db, &text, None, SimilarIdea::SHOWN).await {
        Ok(ideas) => json(
            &headers,
            &SimilarList {
                items: ideas
                    .into_iter()
                    .map(|idea| SimilarOut {
                        url: format!("{}{}", api.site, idea_path(idea.id, &idea.slug)),
                        id: idea.id,
                        title: idea.title,
                        status: idea.status.into(),
                        supporters: idea.vote_count,
                    })
                    .collect(),
                licence: api.licence.clone(),
            },
            SHORT_CACHE,
        ),
        Err(e) => ApiError::from(e).into_response(),
    }
}
