//! Server functions for ideas.

use super::model::{IdeaChoices, IdeaList, IdeaPage, IdeaWithDiscussion, Mine, SimilarIdea};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{idea_path, slugify, IdeaBody, IdeaStatus, IdeaTitle, ListQuery, Sort},
    super::store,
    crate::ctx,
    crate::error::{AppResult, Problems},
    crate::ids::{AccountId, IdeaId},
    crate::policy::{Action, Facts},
};

pub const IDEA_FORM: &str = "idea";

/// The themes and municipalities to file an idea under or filter the list by, named in
/// the reader's language.
#[server(endpoint = "idea_choices")]
pub async fn list_idea_choices() -> Result<IdeaChoices, AppError> {
    Ok(store::choices(&ctx::db()?, crate::i18n::detect_locale()).await?)
}

/// All problems with an idea's text at once.
#[cfg(feature = "ssr")]
fn parse_idea_text(title: &str, body: &str, theme: &str) -> AppResult<(IdeaTitle, IdeaBody)> {
    let mut problems = Problems::new();
    let title = problems.check("title", IdeaTitle::parse(title));
    let body = problems.check("body", IdeaBody::parse(body));
    if theme.trim().is_empty() {
        problems.push("theme", "required");
    }
    problems.into_result()?;
    title.zip(body).ok_or(AppError::BadRequest)
}

/// Goes to the idea's page, or back to the form with what was typed.
#[cfg(feature = "ssr")]
async fn answer(outcome: AppResult<String>, typed: [(&str, &str); 4]) -> Result<(), AppError> {
    let path = ctx::keep_typed(outcome, IDEA_FORM, &typed).await?;
    ctx::redirect(&path);
    Ok(())
}

/// Ideas like a title being written, best first: anyone may ask, as anyone may search.
#[server(endpoint = "similar_ideas")]
pub async fn similar_ideas(text: String) -> Result<Vec<SimilarIdea>, AppError> {
    Ok(store::similar(&ctx::db()?, &text, None, SimilarIdea::SHOWN).await?)
}

/// Publishes an idea as the signed-in account, in the language of the page it was written on.
/// When ideas like it exist, the author is shown them first (`SimilarIdeas`) and publishes
/// with `confirmed` set: the form sets it once they were shown.
#[server(endpoint = "submit_idea")]
pub async fn submit_idea(
    title: String,
    body: String,
    theme: String,
    district: Option<String>,
    confirmed: Option<String>,
) -> Result<(), AppError> {
    let user = ctx::authorize(Action::SubmitIdea, &Facts::none()).await?;
    let district = district.filter(|d| !d.trim().is_empty());
    let outcome: AppResult<String> = async {
        let (title, body) = parse_idea_text(&title, &body, &theme)?;
        if confirmed.as_deref() != Some("1") && !store::similar(&ctx::db()?, title.as_str(), None, 1).await?.is_empty()
        {
            return Err(AppError::SimilarIdeas);
        }
        let slug = slugify(title.as_str());
        let language = crate::i18n::detect_locale().code();
        let new_idea = store::NewIdea {
            title: title.as_str(),
            slug: &slug,
            body: body.as_str(),
            theme_slug: theme.trim(),
            district_slug: district.as_deref(),
            author_id: user.id,
            language,
        };
        match store::create(&ctx::db()?, &new_idea).await? {
            store::Created::Idea(id) => Ok(idea_path(id, &slug)),
            store::Created::UnknownTheme => Err(AppError::field("theme", "unknown_choice")),
            store::Created::UnknownDistrict => Err(AppError::field("district", "unknown_choice")),
            store::Created::DailyLimit => Err(AppError::IdeasPerDay),
        }
    }
    .await;
    let district = district.unwrap_or_default();
    answer(
        outcome,
        [
            ("title", &title),
            ("body", &body),
            ("theme", &theme),
            ("district", &district),
        ],
    )
    .await
}

/// An idea with what the reader may do with it. A hidden idea is shown only to its author
/// and the moderators.
#[server(endpoint = "idea")]
pub async fn get_idea(id: i64) -> Result<IdeaPage, AppError> {
    let db = ctx::db()?;
    let user = ctx::current_user().await?;
    let mut reads = db.reader().await?;
    let read = read_idea(&mut reads, id, user.as_ref()).await?;
    // Given back before the rarer reads of `idea_page_of`, which take their own from the pool.
    drop(reads);
    idea_page_of(&db, user.as_ref(), read).await
}

/// The idea's page: the idea as `get_idea` answers it, and the page of its discussion the
/// query asks for (as `comments::api::list_comments` answers it), read on one connection.
/// A discussion's page that cannot be shown (past the last one) leaves the idea shown.
#[server(endpoint = "idea_page")]
pub async fn get_idea_page(
    id: i64,
    order: Option<String>,
    page: Option<u32>,
    thread: Option<i64>,
    rpage: Option<u32>,
) -> Result<IdeaWithDiscussion, AppError> {
    use crate::comments::api::{listing, read_page};
    use crate::comments::model::CommentPage;

    let db = ctx::db()?;
    let user = ctx::current_user().await?;
    // Each connection borrowed from the pool costs a round trip to its thread when given
    // back, whatever it ran: the idea and its discussion share one.
    let mut reads = db.reader().await?;
    let read = read_idea(&mut reads, id, user.as_ref()).await?;
    let discussion = match listing(id, order, page, thread, rpage) {
        // Nobody ever wrote under it: every page of its discussion is empty. The policy let
        // the reader see the idea (`read_idea`), which is what reading its discussion asks.
        Ok(_) if !read.discussed => Ok(CommentPage::nobody_wrote(read.idea.comment_count)),
        Ok(listing) => read_page(&mut reads, &listing, user.as_ref()).await,
        Err(refused) => Err(refused),
    };
    drop(reads);
    Ok(IdeaWithDiscussion {
        page: idea_page_of(&db, user.as_ref(), read).await?,
        discussion,
    })
}

/// What an idea's page reads on the connection it borrowed, once the policy lets the
/// reader see the idea.
#[cfg(feature = "ssr")]
struct IdeaRead {
    idea: super::model::IdeaDetail,
    standing: store::Standing,
    discussed: bool,
    facts: Facts,
    project: Option<crate::projects::model::ProjectLink>,
}

#[cfg(feature = "ssr")]
async fn read_idea(
    reads: &mut sqlx::AnyConnection,
    id: i64,
    user: Option<&crate::accounts::model::SessionUser>,
) -> AppResult<IdeaRead> {
    let store::Detail {
        idea,
        standing,
        discussed,
    } = store::detail(reads, id, user.map(|u| AccountId(u.id)))
        .await?
        .ok_or(AppError::NotFound)?;
    let facts = Facts::item(idea.author.id, idea.hidden.is_some());
    ctx::permit(user, Action::ReadIdea, &facts)?;
    // In the page's own answer rather than loaded by a part of the page: a part that loads
    // data of its own once the page has loaded can be made twice on the server.
    let project = match idea.status {
        IdeaStatus::Accepted => crate::projects::store::of_idea(reads, IdeaId(id)).await?,
        _ => None,
    };
    Ok(IdeaRead {
        idea,
        standing,
        discussed,
        facts,
        project,
    })
}

/// The idea with what the reader may do with it, and the rarer reads some readers need.
#[cfg(feature = "ssr")]
async fn idea_page_of(
    db: &crate::db::Db,
    user: Option<&crate::accounts::model::SessionUser>,
    read: IdeaRead,
) -> AppResult<IdeaPage> {
    use crate::moderation::model::Target;
    use crate::policy::decide;

    let IdeaRead {
        idea,
        standing,
        discussed: _,
        facts,
        project,
    } = read;
    let id = idea.id;
    let actor = user.map(|u| u.actor());
    let may = |action| decide(actor.as_ref(), action, &facts).is_ok();
    let is_author = user.is_some_and(|u| u.id == idea.author.id);
    let editable = is_author
        && may(Action::EditIdea)
        && idea.status == IdeaStatus::Open
        && idea.hidden.is_none()
        && store::editable_by_author(db, IdeaId(id), AccountId(idea.author.id)).await?;
    let reports = match &idea.hidden {
        Some(hidden) if hidden.by.is_none() => Some(crate::moderation::store::tally(db, Target::Idea, id).await?),
        _ => None,
    };
    Ok(IdeaPage {
        signed_in: user.is_some(),
        is_author,
        editable,
        voted: standing.voted,
        following: standing.following,
        can_moderate: may(Action::DecideIdea),
        can_respond: may(Action::RespondToIdea),
        can_report: may(Action::Report),
        can_vote: may(Action::Vote),
        can_comment: may(Action::Comment),
        unconfirmed: decide(actor.as_ref(), Action::Vote, &facts) == Err(crate::policy::Refusal::Unconfirmed),
        can_withdraw: is_author && may(Action::WithdrawIdea) && idea.status == IdeaStatus::Open,
        can_promote: may(Action::PromoteIdeas),
        can_hide: may(Action::HideContent),
        reports,
        project,
        idea,
    })
}

/// One page of ideas; every filter is optional and unknown values are ignored.
#[server(endpoint = "ideas")]
pub async fn list_ideas(
    theme: Option<String>,
    status: Option<String>,
    district: Option<String>,
    sort: Option<String>,
    q: Option<String>,
    page: Option<u32>,
) -> Result<IdeaList, AppError> {
    let non_empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let query = ListQuery {
        theme: non_empty(theme),
        status: status.as_deref().and_then(IdeaStatus::parse),
        district: non_empty(district),
        sort: sort.as_deref().and_then(Sort::parse).unwrap_or_default(),
        search: non_empty(q),
        page: page.unwrap_or(1),
        ..ListQuery::default()
    };
    if query.page > ListQuery::MAX_PAGE {
        return Err(AppError::NotFound);
    }
    Ok(store::list(&ctx::db()?, &query, crate::i18n::detect_locale()).await?)
}

/// The author rewrites their idea while nobody else has supported or discussed it.
#[server(endpoint = "edit_idea")]
pub async fn edit_idea(
    idea_id: i64,
    title: String,
    body: String,
    theme: String,
    district: Option<String>,
) -> Result<(), AppError> {
    let user = ctx::authorize(Action::EditIdea, &Facts::none()).await?;
    let district = district.filter(|d| !d.trim().is_empty());
    let outcome: AppResult<String> = async {
        let (title, body) = parse_idea_text(&title, &body, &theme)?;
        let slug = slugify(title.as_str());
        let text = store::IdeaText {
            title: title.as_str(),
            slug: &slug,
            body: body.as_str(),
            theme_slug: theme.trim(),
            district_slug: district.as_deref(),
        };
        match store::edit(&ctx::db()?, idea_id, &user.actor(), &text).await? {
            store::Edit::Done => Ok(idea_path(idea_id, &slug)),
            store::Edit::NotAuthor => Err(AppError::Forbidden),
            store::Edit::NotOpen => Err(AppError::Closed),
            store::Edit::Supported => Err(AppError::Supported),
            store::Edit::NoSuchIdea => Err(AppError::NotFound),
            store::Edit::UnknownTheme => Err(AppError::field("theme", "unknown_choice")),
            store::Edit::UnknownDistrict => Err(AppError::field("district", "unknown_choice")),
        }
    }
    .await;
    let district = district.unwrap_or_default();
    answer(
        outcome,
        [
            ("title", &title),
            ("body", &body),
            ("theme", &theme),
            ("district", &district),
        ],
    )
    .await
}

/// The caller's own ideas, the ideas they support or those they follow, newest first.
#[server(endpoint = "my_ideas")]
pub async fn my_ideas(mine: Mine, page: Option<u32>) -> Result<IdeaList, AppError> {
    let user = ctx::authorize(Action::UseAccount, &Facts::none()).await?;
    let query = ListQuery {
        page: page.unwrap_or(1).clamp(1, ListQuery::MAX_PAGE),
        author: (mine == Mine::Written).then_some(user.id),
        supporter: (mine == Mine::Supported).then_some(user.id),
        follower: (mine == Mine::Followed).then_some(user.id),
        ..ListQuery::default()
    };
    Ok(store::list(&ctx::db()?, &query, crate::i18n::detect_locale()).await?)
}

/// The author withdraws their idea while it is still open.
#[server(endpoint = "withdraw_idea")]
pub async fn withdraw_idea(idea_id: i64) -> Result<(), AppError> {
    // A blocked account changes nothing on the platform, its own ideas included.
    let user = ctx::authorize(Action::WithdrawIdea, &Facts::none()).await?;
    match store::withdraw(&ctx::db()?, idea_id, &user.actor()).await? {
        store::Withdrawal::Done => Ok(()),
        store::Withdrawal::NotAuthor => Err(AppError::Forbidden),
        store::Withdrawal::NotOpen => Err(AppError::Closed),
        store::Withdrawal::NoSuchIdea => Err(AppError::NotFound),
    }
}
