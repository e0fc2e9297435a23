//! An idea's page: its text, votes, discussion, moderation and project.

use super::*;
use crate::accounts::model::Role;
use crate::i18n::Locale;
use crate::ideas::model::{IdeaDetail, StatusEvent};
use crate::ui::{written_author, written_body, written_status, WrittenHtml};
use leptos::tachys::html::InertElement;

#[component]
pub fn IdeaView() -> impl IntoView {
    use crate::moderation::api::{MergeIdea, ReportItem, RespondToIdea, SetHidden, SetIdeaStatus};
    use crate::moderation::model::Target;
    use crate::moderation::parts::{HiddenNotice, ModerationPanel, ReportForm, ReportThanks, ResponseForm};

    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let segment = move || params.read().get("idea").unwrap_or_default();
    let withdraw = ServerAction::<WithdrawIdea>::new();
    let report = ServerAction::<ReportItem>::new();
    let discussion = crate::comments::parts::use_discussion(report);
    let page = Resource::new(
        move || {
            let (order, page, thread) = query.with(crate::comments::parts::listing);
            (id_from_path_segment(&segment()), order, page, thread)
        },
        |(id, order, page, thread)| async move {
            match id {
                Some(id) => {
                    let order = Some(order.as_str().to_owned());
                    let (thread, rpage) = (thread.map(|(id, _)| id), thread.map(|(_, rpage)| rpage));
                    get_idea_page(id, order, Some(page), thread, rpage).await
                }
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <section class="container idea-page">
            <Loader resource=page let:page>
                {
                    let IdeaWithDiscussion { page, discussion: comments } = page;
                    let idea = page.idea;
                    let canonical = idea_path(idea.id, &idea.slug);
                    let expected = format!("{}-{}", idea.id, idea.slug);
                    let can_withdraw = page.can_withdraw;
                    let edit_path = page.editable.then(|| format!("{canonical}/edit"));
                    let reporting = page.can_report && query.read().get("report").as_deref() == Some("idea");
                    let report_href = format!("{canonical}?report=idea#report-form-idea-{}", idea.id);
                    let hidden = idea.hidden.clone();
                    let text = WrittenHtml::of(locale, || idea_text(&idea, locale));
                    let history = WrittenHtml::of(locale, || history_items(&idea.history, locale));
                    view! {
                        <CanonicalRedirect current=segment() expected canonical=canonical.clone() />
                        <Title text=idea.title.clone() />
                        <p class="breadcrumb"><a href="/ideas">{t("ideas-title")}</a></p>
                        <article lang=idea.language.clone()>
                            {hidden.clone().map(|hidden| view! { <HiddenNotice hidden reports=page.reports.clone() /> })}
                            <ReportThanks action=report />
                            {InertElement::new(text.into_html())}
                        </article>
                        <aside class="idea-side" aria-label=t("idea-support-label")>
                            <VoteBox idea_id=idea.id count=idea.vote_count voted=page.voted open=idea.status.accepts_votes() && hidden.is_none()
                                signed_in=page.signed_in can_vote=page.can_vote unconfirmed=page.unconfirmed path=canonical.clone() />
                            {page.signed_in.then(|| view! { <FollowButton idea_id=idea.id following=page.following /> })}
                            <crate::projects::parts::IdeaProjectBox idea_id=idea.id status=idea.status project=page.project.clone() can_promote=page.can_promote />
                            {edit_path.map(|href| view! {
                                <a href=href class="button button-secondary button-small">{t("admin-edit")}</a>
                            })}
                            {can_withdraw.then(|| view! {
                                <ActionForm action=withdraw>
                                    <input type="hidden" name="idea_id" value=idea.id />
                                    <button type="submit" class="button button-secondary button-small">{t("idea-withdraw")}</button>
                                </ActionForm>
                            })}
                            <FormAlert action=withdraw />
                            {(page.can_report && !reporting).then(|| view! {
                                <a href=report_href class="report-link">{t("report-idea")}</a>
                            })}
                        </aside>
                        {reporting.then(|| view! {
                            <section class="report-section" aria-label=t("report-idea-title")>
                                <ReportForm target=Target::Idea target_id=idea.id action=report cancel=canonical.clone() />
                            </section>
                        })}
                        <section class="idea-history" aria-labelledby="history-heading">
                            <h2 id="history-heading">{t("idea-history")}</h2>
                            <ol inner_html=history.into_html()></ol>
                        </section>
                        // Their actions are made only for a reader who has their forms.
                        {page.can_respond.then(|| view! {
                            <ResponseForm idea_id=idea.id action={ServerAction::<RespondToIdea>::new()} />
                        })}
                        {page.can_moderate.then(|| view! {
                            <ModerationPanel idea_id=idea.id current=idea.status hidden=hidden.is_some()
                                status={ServerAction::<SetIdeaStatus>::new()} merge={ServerAction::<MergeIdea>::new()}
                                hide={ServerAction::<SetHidden>::new()} />
                        })}
                        <Comments discussion comments idea_id=idea.id path=canonical.clone() signed_in=page.signed_in
                            can_comment=page.can_comment unconfirmed=page.unconfirmed open=idea.status.takes_comments() && hidden.is_none()
                            count=idea.comment_count moderate=page.can_hide />
                    }
                }
            </Loader>
        </section>
    }
}

/// The idea's own text: its title, labels and byline, the original it duplicates, the
/// answer it got, and its body. Written as HTML (`ui::written`): a page only reads it.
fn idea_text(idea: &IdeaDetail, locale: Locale) -> maud::Markup {
    maud::html! {
        h1 { (idea.title) }
        p.idea-meta {
            a.badge.badge-theme href={ "/themes/" (idea.theme_slug) } { (localized(&idea.theme_names, locale)) }
            @if let Some(district) = &idea.district { " " span.badge { (district.name(locale)) } }
            " "
            (written_status(idea.status))
        }
        p.idea-byline {
            (written_author(&idea.author))
            span.muted { " · " (format_date(locale, idea.created_at)) }
        }
        @if let Some(original) = &idea.duplicate_of {
            p.alert.alert-info.duplicate-of {
                (t("idea-duplicate-of")) " "
                a href=(idea_path(original.id, &original.slug)) { (original.title) }
            }
        }
        @if let Some(response) = idea.public_response() {
            aside.public-response aria-labelledby="response-heading" {
                h2 #response-heading {
                    @if response.actor_role == Some(Role::Official) {
                        (t("idea-public-response-official"))
                    } @else {
                        (t("idea-public-response"))
                    }
                }
                p.idea-byline {
                    (written_status(response.status))
                    " "
                    @if let Some(name) = &response.actor_name { (name) }
                    @if let Some(role) = response.actor_role { " " span.badge.badge-author { (crate::ui::role_label(role)) } }
                    span.muted { " · " (format_date(locale, response.at)) }
                }
                p.public-response-text { (response.note) }
            }
        }
        div.idea-body { (written_body(&idea.body)) }
    }
}

/// The idea's history, newest last, as the items of its list.
fn history_items(history: &[StatusEvent], locale: Locale) -> maud::Markup {
    maud::html! {
        @for event in history {
            li {
                @if event.response {
                    span.badge.badge-response { (t("idea-history-response")) }
                } @else {
                    (written_status(event.status))
                }
                " " (format_date(locale, event.at))
                @if let Some(name) = &event.actor_name { " · " (name) }
                @if !event.note.is_empty() { p { (event.note) } }
            }
        }
    }
}
