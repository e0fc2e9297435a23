//! An idea's page: its text, votes, discussion, moderation and project.

use super::*;

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
    let moderate = ServerAction::<SetIdeaStatus>::new();
    let merge = ServerAction::<MergeIdea>::new();
    let hide = ServerAction::<SetHidden>::new();
    let respond = ServerAction::<RespondToIdea>::new();
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
                    let author = &idea.author;
                    let badge = crate::ui::author_badge(author.kind, author.role, author.organisation_verified);
                    let district = idea.district.as_ref().map(|d| d.name(locale).to_owned());
                    let can_withdraw = page.can_withdraw;
                    let edit_path = page.editable.then(|| format!("{canonical}/edit"));
                    let response = idea.public_response().cloned();
                    let reporting = page.can_report && query.read().get("report").as_deref() == Some("idea");
                    let report_href = format!("{canonical}?report=idea#report-form-idea-{}", idea.id);
                    let hidden = idea.hidden.clone();
                    view! {
                        <CanonicalRedirect current=segment() expected canonical=canonical.clone() />
                        <Title text=idea.title.clone() />
                        <p class="breadcrumb"><a href="/ideas">{t("ideas-title")}</a></p>
                        <article lang=idea.language.clone()>
                            {hidden.clone().map(|hidden| view! { <HiddenNotice hidden reports=page.reports.clone() /> })}
                            <ReportThanks action=report />
                            <h1>{idea.title.clone()}</h1>
                            <p class="idea-meta">
                                <a href=format!("/themes/{}", idea.theme_slug) class="badge badge-theme">{localized(&idea.theme_names, locale)}</a>
                                {district.map(|d| view! { " " <span class="badge">{d}</span> })}
                                " "
                                <span class=format!("badge status status-{}", idea.status.as_str())>{status_label(idea.status)}</span>
                            </p>
                            <p class="idea-byline">
                                <span class="author-name">{crate::ui::person_name(&author.organisation_name.clone().unwrap_or_else(|| author.display_name.clone()))}</span>
                                {badge.map(|b| view! { " " <span class="badge badge-author">{b}</span> })}
                                <span class="muted">" · " {format_date(locale, idea.created_at)}</span>
                            </p>
                            {idea.duplicate_of.clone().map(|original| view! {
                                <p class="alert alert-info duplicate-of">
                                    {t("idea-duplicate-of")} " "
                                    <a href=idea_path(original.id, &original.slug)>{original.title.clone()}</a>
                                </p>
                            })}
                            {response.map(|response| {
                                let role = response.actor_role.map(crate::ui::role_label);
                                let heading = if response.actor_role == Some(crate::accounts::model::Role::Official) {
                                    t("idea-public-response-official")
                                } else {
                                    t("idea-public-response")
                                };
                                view! {
                                    <aside class="public-response" aria-labelledby="response-heading">
                                        <h2 id="response-heading">{heading}</h2>
                                        <p class="idea-byline">
                                            <span class=format!("badge status status-{}", response.status.as_str())>{status_label(response.status)}</span>
                                            " " {response.actor_name.clone()}
                                            {role.map(|r| view! { " " <span class="badge badge-author">{r}</span> })}
                                            <span class="muted">" · " {format_date(locale, response.at)}</span>
                                        </p>
                                        <p class="public-response-text">{response.note.clone()}</p>
                                    </aside>
                                }
                            })}
                            <div class="idea-body">{render_body(&idea.body)}</div>
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
                            <ol>
                                {idea.history.iter().map(|event| {
                                    let label = if event.response { t("idea-history-response") } else { status_label(event.status) };
                                    let class = if event.response { "badge badge-response".to_owned() } else { format!("badge status status-{}", event.status.as_str()) };
                                    view! {
                                        <li>
                                            <span class=class>{label}</span>
                                            " " {format_date(locale, event.at)}
                                            {event.actor_name.clone().map(|n| view! { " · " {n} })}
                                            {(!event.note.is_empty()).then(|| view! { <p>{event.note.clone()}</p> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                        {page.can_respond.then(|| view! { <ResponseForm idea_id=idea.id action=respond /> })}
                        {page.can_moderate.then(|| view! {
                            <ModerationPanel idea_id=idea.id current=idea.status hidden=hidden.is_some()
                                status=moderate merge hide />
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
