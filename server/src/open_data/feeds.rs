//! Atom feeds (RFC 4287): the newest ideas (all, of a theme, of a municipality), status
//! changes and public responses, and project news (all, or one project's). Each states
//! the licence in `rights`; the pages that list these things link their feed.

use super::answer::{self, tagged, ApiError, SHORT_CACHE};
use super::ideas::IdeaFilter;
use super::model::{rfc3339, Problem};
use super::OpenData;
use agora_app::error::AppError;
use agora_app::ideas::model::{idea_path, ListQuery};
use agora_app::ideas::store as ideas;
use agora_app::ids::ProjectId;
use agora_app::projects::model::project_path;
use agora_app::projects::store as projects;
use atom_syndication::{Category, Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::HeaderMap;

/// Entries per feed: readers poll, they do not page.
const ENTRIES: u32 = 50;

const ATOM: &str = "application/atom+xml; charset=utf-8";

fn time(ms: i64) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&rfc3339(ms)).unwrap_or_default()
}

fn link(href: String, rel: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link
}

fn person(name: &str) -> Person {
    let mut person = Person::default();
    // A deleted account's name is erased; the feed names nobody then.
    person.set_name(if name.is_empty() { "—" } else { name });
    person
}

/// A feed at `self_path` with `entries`, newest first; updated when its newest entry was.
fn feed(api: &OpenData, title: String, self_path: &str, alternate: &str, entries: Vec<Entry>) -> Feed {
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(format!("{}{self_path}", api.site));
    feed.set_updated(entries.iter().map(|e| *e.updated()).max().unwrap_or_else(|| time(0)));
    feed.set_links(vec![
        link(format!("{}{self_path}", api.site), "self"),
        link(format!("{}{alternate}", api.site), "alternate"),
        link(api.licence.url.clone(), "license"),
    ]);
    feed.set_authors(vec![person("Agora")]);
    feed.set_rights(Some(Text::plain(format!("{} ({})", api.licence.name, api.licence.url))));
    feed.set_entries(entries);
    feed
}

fn answer(headers: &HeaderMap, feed: &Feed) -> Response {
    match feed.write_to(Vec::new()) {
        Ok(bytes) => tagged(headers, bytes, ATOM, SHORT_CACHE),
        Err(e) => ApiError(AppError::internal(e)).into_response(),
    }
}

/// The newest ideas, of a theme or a municipality when asked.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/ideas.atom",
    tag = "feeds",
    params(IdeaFilter),
    responses(
        (status = 200, description = "The newest ideas, as an Atom feed", content_type = "application/atom+xml", body = String),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 400, description = "A parameter is not understood", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ideas_feed(
    State(api): State<OpenData>,
    headers: HeaderMap,
    filter: Result<Query<IdeaFilter>, QueryRejection>,
) -> Response {
    let Ok(Query(filter)) = filter else {
        return answer::not_understood();
    };
    let list = ListQuery {
        sort: agora_app::ideas::model::Sort::Newest,
        ..filter.list_query()
    };
    let page = match ideas::list_after(&api.db, &list, None, ENTRIES).await {
        Ok(page) => page,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let entries = page
        .items
        .into_iter()
        .map(|listed| {
            let idea = listed.summary;
            let url = format!("{}{}", api.site, idea_path(idea.id, &idea.slug));
            let mut entry = Entry::default();
            entry.set_title(Text::plain(idea.title));
            entry.set_id(url.clone());
            entry.set_updated(time(idea.created_at));
            entry.set_published(Some(time(idea.created_at)));
            entry.set_authors(vec![person(&idea.author_name)]);
            entry.set_links(vec![link(url, "alternate")]);
            let mut category = Category::default();
            category.set_term(idea.theme_slug);
            entry.set_categories(vec![category]);
            let mut content = Content::default();
            content.set_content_type(Some("text".to_owned()));
            content.set_lang(Some(idea.language));
            content.set_value(Some(listed.body));
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let mut title = "Agora: new ideas".to_owned();
    for (name, value) in [("theme", &list.theme), ("municipality", &list.district)] {
        if let Some(value) = value {
            title.push_str(&format!(" ({name} {value})"));
        }
    }
    let alternate = format!(
        "/ideas{}",
        ListQuery {
            page: 1,
            ..list.clone()
        }
        .to_query_string(1)
    );
    answer(
        &headers,
        &feed(&api, title, "/api/v1/feeds/ideas.atom", &alternate, entries),
    )
}

/// Status changes of ideas and the public responses of moderators and the government.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/responses.atom",
    tag = "feeds",
    responses(
        (status = 200, description = "The newest status changes and public responses, as an Atom feed", content_type = "application/atom+xml", body = String),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn responses_feed(State(api): State<OpenData>, headers: HeaderMap) -> Response {
    let changes = match ideas::recent_changes(&api.db, ENTRIES).await {
        Ok(changes) => changes,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let entries = changes
        .into_iter()
        .map(|change| {
            let url = format!("{}{}", api.site, idea_path(change.idea.id, &change.idea.slug));
            let what = if change.event.response {
                "response".to_owned()
            } else {
                format!("status: {}", change.event.status.as_str())
            };
            let mut entry = Entry::default();
            entry.set_title(Text::plain(format!("{} — {what}", change.idea.title)));
            entry.set_id(format!("{url}#event-{}", change.event_id));
            entry.set_updated(time(change.event.at));
            entry.set_authors(vec![person(change.event.actor_name.as_deref().unwrap_or_default())]);
            entry.set_links(vec![link(url, "alternate")]);
            entry.set_summary(Some(Text::plain(change.event.note)));
            entry
        })
        .collect();
    answer(
        &headers,
        &feed(
            &api,
            "Agora: decisions and responses".to_owned(),
            "/api/v1/feeds/responses.atom",
            "/ideas",
            entries,
        ),
    )
}

/// News of every project: status changes with their statements, new owners, updates.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/projects.atom",
    tag = "feeds",
    responses(
        (status = 200, description = "The newest project news, as an Atom feed", content_type = "application/atom+xml", body = String),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn projects_feed(State(api): State<OpenData>, headers: HeaderMap) -> Response {
    project_news(&api, &headers, None).await
}

/// News of one project.
#[utoipa::path(
    get,
    path = "/api/v1/feeds/projects/{id}",
    tag = "feeds",
    params(("id" = i64, Path, description = "The project's id")),
    responses(
        (status = 200, description = "The project's news, as an Atom feed", content_type = "application/atom+xml", body = String),
        (status = 304, description = "Unchanged since the `ETag` the client sent"),
        (status = 400, description = "The id is not a number", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn project_feed(
    State(api): State<OpenData>,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Response {
    let Ok(Path(id)) = id else {
        return ApiError(AppError::BadRequest).with_detail("A project's id is a whole number.");
    };
    project_news(&api, &headers, Some(ProjectId(id))).await
}

async fn project_news(api: &OpenData, headers: &HeaderMap, project: Option<ProjectId>) -> Response {
    let (title, alternate, self_path) = match project {
        None => (
            "Agora: project news".to_owned(),
            "/projects".to_owned(),
            "/api/v1/feeds/projects.atom".to_owned(),
        ),
        Some(id) => match projects::detail(&api.db, id).await {
            Ok(Some(project)) => (
                format!("Agora: {}", project.title),
                project_path(project.id, &project.slug),
                format!("/api/v1/feeds/projects/{}", project.id),
            ),
            Ok(None) => return ApiError(AppError::NotFound).into_response(),
            Err(e) => return ApiError::from(e).into_response(),
        },
    };
    let news = match projects::recent_news(&api.db, project, ENTRIES).await {
        Ok(news) => news,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let entries = news
        .into_iter()
        .map(|item| {
            let url = format!("{}{}", api.site, project_path(item.project_id, &item.project_slug));
            let what = match item.entry.status {
                Some(status) => format!("{}: {}", item.entry.kind.as_str(), status.as_str()),
                None => item.entry.kind.as_str().to_owned(),
            };
            let mut entry = Entry::default();
            entry.set_title(Text::plain(format!("{} — {what}", item.project_title)));
            entry.set_id(format!("{url}#news-{}", item.id));
            entry.set_updated(time(item.entry.at));
            entry.set_authors(vec![person(item.entry.author_name.as_deref().unwrap_or_default())]);
            entry.set_links(vec![link(url, "alternate")]);
            entry.set_summary(Some(Text::plain(item.entry.body)));
            entry
        })
        .collect();
    answer(headers, &feed(api, title, &self_path, &alternate, entries))
}
