//! Server functions for moderation. Each is a use case: who may, what was asked, the
//! store, the answer. Refusals keep what a plain form typed for the page it returns to.

use super::model::{QueuePage, Reported};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::model::{
        parse_idea_reference, ModerationReason, PublicNote, QueueEntry, QueueTab, Report, Target, Triage, MODERATED,
        QUEUE_MAX_PAGE,
    },
    super::store,
    crate::accounts::model::SessionUser,
    crate::ctx,
    crate::error::{AppResult, ErrorCode},
    crate::ideas::model::IdeaStatus,
    crate::ids::{AccountId, IdeaId},
    crate::policy::{Action, Facts},
};

pub const RESPONSE_FORM: &str = "idea_response";
pub const STATUS_FORM: &str = "idea_status";
pub const MERGE_FORM: &str = "idea_merge";
pub const HIDE_FORM: &str = "hide";
pub const REPORT_FORM: &str = "report";
pub const TRIAGE_FORM: &str = "triage";
pub const VERIFY_FORM: &str = "verify";
pub const BLOCK_FORM: &str = "block";

#[cfg(feature = "ssr")]
fn status_outcome(outcome: store::StatusOutcome) -> AppResult<()> {
    match outcome {
        store::StatusOutcome::Done => Ok(()),
        store::StatusOutcome::NoSuchIdea => Err(AppError::NotFound),
        store::StatusOutcome::NotAllowed => Err(AppError::Closed),
    }
}

/// A moderator sets an idea's status, with a public note (required to decline).
#[server(endpoint = "set_idea_status")]
pub async fn set_idea_status(idea_id: i64, status: String, note: String) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::DecideIdea, &Facts::none()).await?;
    let outcome = async {
        let to = IdeaStatus::parse(&status)
            .filter(|s| MODERATED.contains(s))
            .ok_or_else(|| AppError::field("status", "unknown_choice"))?;
        let note = PublicNote::parse(&note, to).map_err(|e| AppError::field("note", e.code()))?;
        status_outcome(
            store::set_status(&ctx::db()?, IdeaId(idea_id), AccountId(moderator.id), to, note.as_str()).await?,
        )
    }
    .await;
    ctx::keep_typed(outcome, STATUS_FORM, &[("status", &status), ("note", &note)]).await?;
    ctx::redirect_plain_form(&format!("/ideas/{idea_id}#history-heading"));
    Ok(())
}

#[cfg(feature = "ssr")]
async fn merge_into(moderator: &SessionUser, idea_id: i64, into: &str, note: &str) -> AppResult<String> {
    let original = parse_idea_reference(into).map_err(|e| AppError::field("duplicate_of", e.code()))?;
    let note = PublicNote::parse(note, IdeaStatus::Duplicate).map_err(|e| AppError::field("note", e.code()))?;
    match store::merge(
        &ctx::db()?,
        IdeaId(idea_id),
        IdeaId(original),
        AccountId(moderator.id),
        note.as_str(),
    )
    .await?
    {
        store::MergeOutcome::Done { original_slug } => Ok(crate::ideas::model::idea_path(original, &original_slug)),
        store::MergeOutcome::NoSuchIdea => Err(AppError::NotFound),
        store::MergeOutcome::NotAllowed => Err(AppError::Closed),
        store::MergeOutcome::NoSuchOriginal => Err(AppError::field("duplicate_of", "unknown_choice")),
        store::MergeOutcome::SameIdea => Err(AppError::field("duplicate_of", "same_idea")),
        store::MergeOutcome::OriginalClosed => Err(AppError::field("duplicate_of", "original_closed")),
    }
}

/// A moderator marks an idea as a duplicate of another (named by its number or address):
/// its votes and followers move there. Answers the original's address.
#[server(endpoint = "merge_idea")]
pub async fn merge_idea(idea_id: i64, duplicate_of: String, note: String) -> Result<String, AppError> {
    let moderator = ctx::authorize(Action::DecideIdea, &Facts::none()).await?;
    let outcome = merge_into(&moderator, idea_id, &duplicate_of, &note).await;
    let original = ctx::keep_typed(outcome, MERGE_FORM, &[("duplicate_of", &duplicate_of), ("note", &note)]).await?;
    ctx::redirect_plain_form(&format!("/ideas/{idea_id}#history-heading"));
    Ok(original)
}

/// Moderators, and members of the government, answer an idea in public without changing
/// its status; its followers are told.
#[server(endpoint = "respond_to_idea")]
pub async fn respond_to_idea(idea_id: i64, note: String) -> Result<(), AppError> {
    let responder = ctx::authorize(Action::RespondToIdea, &Facts::none()).await?;
    let outcome = async {
        let note = PublicNote::parse_response(&note).map_err(|e| AppError::field("note", e.code()))?;
        match store::respond(&ctx::db()?, idea_id, &responder, note.as_str()).await? {
            store::RespondOutcome::Done => Ok(()),
            store::RespondOutcome::NoSuchIdea => Err(AppError::NotFound),
        }
    }
    .await;
    ctx::keep_typed(outcome, RESPONSE_FORM, &[("note", &note)]).await?;
    ctx::redirect_plain_form(&format!("/ideas/{idea_id}#response-heading"));
    Ok(())
}

#[cfg(feature = "ssr")]
async fn hide(moderator: &SessionUser, target: &str, target_id: i64, hidden: bool, reason: &str) -> AppResult<()> {
    let target = Target::parse(target).ok_or(AppError::BadRequest)?;
    let reason = ModerationReason::parse(reason).map_err(|e| AppError::field("reason", e.code()))?;
    match store::set_hidden(
        &ctx::db()?,
        target,
        target_id,
        AccountId(moderator.id),
        hidden,
        reason.as_str(),
    )
    .await?
    {
        store::HideOutcome::Done => Ok(()),
        store::HideOutcome::NotFound => Err(AppError::NotFound),
    }
}

/// A moderator hides an idea or a comment, or restores it (or keeps it visible), with a
/// reason its author reads. Either decides the item's open reports.
#[server(endpoint = "set_hidden")]
pub async fn set_hidden(target: String, target_id: i64, hidden: bool, reason: String) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::HideContent, &Facts::none()).await?;
    let outcome = hide(&moderator, &target, target_id, hidden, &reason).await;
    ctx::keep_typed(outcome, HIDE_FORM, &[("reason", &reason)]).await
}

/// A moderator decides about a new idea in one form of the queue: keep it as it is, put
/// it under review, decline it (a public reason is required), merge it into another, or
/// hide it.
#[server(endpoint = "triage_idea")]
pub async fn triage_idea(
    idea_id: i64,
    decision: String,
    note: String,
    duplicate_of: Option<String>,
) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::DecideIdea, &Facts::none()).await?;
    let duplicate_of = duplicate_of.unwrap_or_default();
    let outcome = async {
        let decision = Triage::parse(&decision).ok_or_else(|| AppError::field("decision", "unknown_choice"))?;
        let db = ctx::db()?;
        match decision {
            Triage::Keep => {
                let note = PublicNote::parse(&note, IdeaStatus::Open).map_err(|e| AppError::field("note", e.code()))?;
                status_outcome(store::keep(&db, IdeaId(idea_id), AccountId(moderator.id), note.as_str()).await?)
            }
            Triage::UnderReview | Triage::Declined => {
                let to = if decision == Triage::Declined {
                    IdeaStatus::Declined
                } else {
                    IdeaStatus::UnderReview
                };
                let note = PublicNote::parse(&note, to).map_err(|e| AppError::field("note", e.code()))?;
                status_outcome(
                    store::set_status(&db, IdeaId(idea_id), AccountId(moderator.id), to, note.as_str()).await?,
                )
            }
            Triage::Duplicate => merge_into(&moderator, idea_id, &duplicate_of, &note).await.map(|_| ()),
            Triage::Hide => hide(&moderator, "idea", idea_id, true, &note)
                .await
                .map_err(|e| match e {
                    // The queue's one text field is the note; a missing reason is a missing note.
                    AppError::Invalid { fields } => AppError::Invalid {
                        fields: fields
                            .into_iter()
                            .map(|f| crate::error::FieldError::new("note", &f.code))
                            .collect(),
                    },
                    other => other,
                }),
        }
    }
    .await;
    let id = idea_id.to_string();
    ctx::keep_typed(
        outcome,
        TRIAGE_FORM,
        &[
            ("idea_id", &id),
            ("decision", &decision),
            ("note", &note),
            ("duplicate_of", &duplicate_of),
        ],
    )
    .await
}

/// A signed-in account reports an idea or a comment, once, with a reason. Enough reports
/// hide it until a moderator decides.
#[server(endpoint = "report")]
pub async fn report_item(target: String, target_id: i64, reason: String, note: String) -> Result<Reported, AppError> {
    let reporter = ctx::authorize(Action::Report, &Facts::none()).await?;
    let outcome = async {
        let target = Target::parse(&target).ok_or(AppError::BadRequest)?;
        let report = Report::parse(&reason, &note).map_err(|e| {
            let field = if matches!(e, super::model::ReportError::UnknownReason) {
                "reason"
            } else {
                "note"
            };
            AppError::field(field, e.code())
        })?;
        ctx::limits()?
            .reports_per_account
            .hit(crate::ratelimit::key(&reporter.id))?;
        let settings = ctx::state()?.settings.clone();
        let rules = store::AutoHide {
            threshold: settings.report_threshold,
            min_account_age_ms: settings.report_min_account_age_ms,
        };
        match store::report(&ctx::db()?, target, target_id, &reporter.actor(), &report, rules).await? {
            store::ReportOutcome::Done(reported) => Ok(reported),
            store::ReportOutcome::NotFound => Err(AppError::NotFound),
            store::ReportOutcome::OwnContent => Err(AppError::Forbidden),
        }
    }
    .await;
    let reported = ctx::keep_typed(outcome, REPORT_FORM, &[("reason", &reason), ("note", &note)]).await?;
    if let Some(back) = back_without_report_form() {
        ctx::redirect_plain_form(&back);
    }
    Ok(reported)
}

/// The page the report form was on, without the parameter that opened it, saying thanks.
#[cfg(feature = "ssr")]
fn back_without_report_form() -> Option<String> {
    let (path, kept) = crate::comments::model::discussion_place(&ctx::referer_path(&[])?);
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .append_pair("reported", "1")
        .finish();
    Some(format!("{path}?{query}#report-thanks"))
}

/// A moderator confirms (or withdraws) an organisation's verified badge, saying how it
/// was checked.
#[server(endpoint = "set_organisation_verified")]
pub async fn set_organisation_verified(account_id: i64, verified: bool, reason: String) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::VerifyOrganisation, &Facts::none()).await?;
    let outcome = async {
        let reason = ModerationReason::parse(&reason).map_err(|e| AppError::field("reason", e.code()))?;
        match store::set_verified(
            &ctx::db()?,
            AccountId(account_id),
            AccountId(moderator.id),
            verified,
            reason.as_str(),
        )
        .await?
        {
            store::VerifyOutcome::Done => Ok(()),
            store::VerifyOutcome::NoSuchAccount => Err(AppError::NotFound),
            store::VerifyOutcome::NotOrganisation => Err(AppError::BadRequest),
        }
    }
    .await;
    ctx::keep_typed(outcome, VERIFY_FORM, &[("reason", &reason)]).await
}

/// One tab of the moderators' queue, with the count of every tab.
#[server(endpoint = "moderation_queue")]
pub async fn moderation_queue(tab: Option<String>, page: Option<u32>) -> Result<QueuePage, AppError> {
    ctx::authorize(Action::ReadModerationQueue, &Facts::none()).await?;
    let tab = tab.as_deref().and_then(QueueTab::parse).unwrap_or_default();
    let page = page.unwrap_or(1).max(1);
    if page > QUEUE_MAX_PAGE {
        return Err(AppError::NotFound);
    }
    let db = ctx::db()?;
    let mut page = store::queue(&db, tab, page).await?;
    for entry in &mut page.entries {
        if let QueueEntry::Idea(idea) = entry {
            idea.similar =
                crate::ideas::store::similar(&db, &idea.title, Some(IdeaId(idea.id)), SIMILAR_IN_QUEUE).await?;
        }
    }
    Ok(page)
}

/// Ideas like a queued one shown beside it: the likeliest originals of a duplicate.
#[cfg(feature = "ssr")]
const SIMILAR_IN_QUEUE: u32 = 3;

/// A moderator blocks an account, with the reason its holder reads, or unblocks it, with
/// a reason for the audit log. Moderators block members; admins anyone but themselves.
#[server(endpoint = "set_account_blocked")]
pub async fn set_account_blocked(account_id: i64, blocked: bool, reason: String) -> Result<(), AppError> {
    let moderator = ctx::authorize(Action::BlockAccount, &Facts::none()).await?;
    let outcome = async {
        let reason = ModerationReason::parse(&reason).map_err(|e| AppError::field("reason", e.code()))?;
        match store::set_blocked(&ctx::db()?, &moderator, account_id, blocked, reason.as_str()).await? {
            store::BlockOutcome::Done => Ok(()),
            store::BlockOutcome::NoSuchAccount => Err(AppError::NotFound),
            store::BlockOutcome::NotAllowed => Err(AppError::Forbidden),
        }
    }
    .await;
    ctx::keep_typed(outcome, BLOCK_FORM, &[("reason", &reason)]).await
}
