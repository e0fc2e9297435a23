//! CSV exports (RFC 4180, UTF-8, one header row) of ideas and projects, with the API's
//! filters. Streamed: the rows are read a thousand at a time by cursor and sent as they
//! are written, so a million rows never sit in memory, and no connection is held for the
//! whole download.

use super::answer;
use super::ideas::IdeaFilter;
use super::model::rfc3339;
use super::projects::ProjectFilter;
use super::OpenData;
use agora_app::ideas::model::{idea_path, ListedIdea};
use agora_app::ideas::store as ideas;
use agora_app::paging::Cursor;
use agora_app::projects::model::{project_path, ProjectCard};
use agora_app::projects::store as projects;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream, StreamExt};
use http::header;

/// Rows read per query.
const ROWS_PER_READ: u32 = 1000;

/// Columns of the ideas export, in order.
pub const IDEA_COLUMNS: [&str; 15] = [
    "id",
    "url",
    "title",
    "text",
    "language",
    "status",
    "theme",
    "theme_fr",
    "theme_nl",
    "theme_en",
    "municipality",
    "author",
    "supporters",
    "comments",
    "created_at",
];

/// Columns of the projects export, in order.
pub const PROJECT_COLUMNS: [&str; 12] = [
    "id",
    "url",
    "title",
    "language",
    "status",
    "theme",
    "owner",
    "portfolio",
    "milestones_done",
    "milestones_total",
    "adopted_at",
    "updated_at",
];

/// Every idea matching the filters, as CSV; one row per idea, in the list's order.
#[utoipa::path(
    get,
    path = "/api/v1/ideas.csv",
    tag = "exports",
    params(IdeaFilter),
    responses(
        (status = 200, description = "The ideas as CSV (RFC 4180, UTF-8, one header row): id, url, title, text, \
            language, status, theme, theme_fr, theme_nl, theme_en, municipality, author (empty for a deleted account), \
            supporters, comments, created_at. Text that a spreadsheet would run as a formula starts with an apostrophe.",
            content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is not understood", body = super::model::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = super::model::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ideas_csv(State(api): State<OpenData>, filter: Result<Query<IdeaFilter>, QueryRejection>) -> Response {
    let Ok(Query(filter)) = filter else {
        return answer::not_understood();
    };
    let list = filter.list_query();
    let site = api.site.clone();
    let db = api.db.clone();
    let rows = pages(move |after: Option<Cursor>| {
        let (db, list) = (db.clone(), list.clone());
        async move {
            let page = ideas::list_after(&db, &list, after.as_ref(), ROWS_PER_READ).await?;
            let next = page
                .items
                .last()
                .filter(|_| page.has_more)
                .map(|last| last.after.clone());
            Ok((page.items, next))
        }
    })
    .map(move |chunk| chunk.map(|ideas| idea_rows(&ideas, &site)));
    csv_answer("agora-ideas.csv", &IDEA_COLUMNS, rows, &api)
}

/// Every project matching the filters, as CSV, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/projects.csv",
    tag = "exports",
    params(ProjectFilter),
    responses(
        (status = 200, description = "The projects as CSV (RFC 4180, UTF-8, one header row): id, url, title, language, \
            status, theme, owner, portfolio, milestones_done, milestones_total, adopted_at, updated_at.",
            content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is not understood", body = super::model::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network; see `Retry-After`", body = super::model::Problem, content_type = "application/problem+json"),
    )
)]
pub async fn projects_csv(
    State(api): State<OpenData>,
    filter: Result<Query<ProjectFilter>, QueryRejection>,
) -> Response {
    let Ok(Query(filter)) = filter else {
        return answer::not_understood();
    };
    let query = filter.project_query();
    let site = api.site.clone();
    let db = api.db.clone();
    let rows = pages(move |after: Option<i64>| {
        let (db, query) = (db.clone(), query.clone());
        async move {
            let page = projects::list_after(&db, &query, after.map(agora_app::ids::ProjectId), ROWS_PER_READ).await?;
            let next = page.items.last().filter(|_| page.has_more).map(|last| last.id);
            Ok((page.items, next))
        }
    })
    .map(move |chunk| chunk.map(|cards| project_rows(&cards, &site)));
    csv_answer("agora-projects.csv", &PROJECT_COLUMNS, rows, &api)
}

/// Reads page after page with `read` (given where the last one ended) until one says
/// there is nothing after it.
fn pages<P, T, F, Fut>(read: F) -> impl Stream<Item = Result<Vec<T>, sqlx::Error>> + Send
where
    P: Send + 'static,
    T: Send + 'static,
    F: Fn(Option<P>) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<(Vec<T>, Option<P>), sqlx::Error>> + Send,
{
    // `None`: done; `Some(position)`: the next page starts at `position`.
    stream::try_unfold((read, Some(None::<P>)), |(read, state)| async move {
        let Some(after) = state else {
            return Ok(None);
        };
        let (items, next) = read(after).await?;
        let state = next.map(Some);
        Ok(Some((items, (read, state))))
    })
}

fn csv_answer<S>(file: &'static str, columns: &[&str], rows: S, api: &OpenData) -> Response
where
    S: Stream<Item = Result<Vec<u8>, sqlx::Error>> + Send + 'static,
{
    let header = record(columns.iter().map(|c| c.to_string()));
    let body = stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(header)) }).chain(rows.map(|chunk| {
        chunk.map(Bytes::from).map_err(|e| {
            // The answer has begun: the client sees a cut download, the cause is logged.
            tracing::error!(error = %e, "an export stopped");
            std::io::Error::other("export stopped")
        })
    }));
    (
        [
            (
                header::CONTENT_TYPE,
                "text/csv; charset=utf-8; header=present".to_owned(),
            ),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
            (header::LINK, format!("<{}>; rel=\"license\"", api.licence.url)),
            (header::CACHE_CONTROL, "public, max-age=60".to_owned()),
        ],
        Body::from_stream(body),
    )
        .into_response()
}

/// One CSV record, CRLF-terminated, fields quoted where RFC 4180 needs it.
fn record(fields: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(fields.into_iter().collect::<Vec<_>>());
    writer.into_inner().unwrap_or_default()
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets an apostrophe in front, so that opening an export runs nothing.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn idea_rows(ideas: &[ListedIdea], site: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(ideas.len() * 512);
    for listed in ideas {
        let idea = &listed.summary;
        let [theme_fr, theme_nl, theme_en] = idea.theme_names.clone();
        out.extend(record([
            idea.id.to_string(),
            format!("{site}{}", idea_path(idea.id, &idea.slug)),
            inert(&idea.title),
            inert(&listed.body),
            idea.language.clone(),
            idea.status.as_str().to_owned(),
            idea.theme_slug.clone(),
            theme_fr,
            theme_nl,
            theme_en,
            idea.district.as_ref().map(|d| d.slug.clone()).unwrap_or_default(),
            inert(&idea.author_name),
            idea.vote_count.to_string(),
            idea.comment_count.to_string(),
            rfc3339(idea.created_at),
        ]));
    }
    out
}

fn project_rows(cards: &[ProjectCard], site: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(cards.len() * 256);
    for card in cards {
        out.extend(record([
            card.id.to_string(),
            format!("{site}{}", project_path(card.id, &card.slug)),
            inert(&card.title),
            card.language.clone(),
            card.status.as_str().to_owned(),
            card.theme_slug.clone(),
            inert(&card.owner.display_name),
            inert(card.owner.portfolio.as_deref().unwrap_or_default()),
            card.progress.done.to_string(),
            card.progress.total.to_string(),
            card.adopted_at.map(rfc3339).unwrap_or_default(),
            rfc3339(card.updated_at),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_with_a_comma_a_quote_or_a_line_break_is_quoted() {
        let line = record(["plain".into(), "a, b".into(), "say \"hi\"".into(), "two\nlines".into()]);
        assert_eq!(
            String::from_utf8(line).expect("UTF-8"),
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_made_inert() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("Bike lanes = safety"), "Bike lanes = safety");
    }
}
