//! The list of ideas, the form to propose one, and the idea page.

use super::api::{get_idea, my_ideas, EditIdea, SubmitIdea, WithdrawIdea, IDEA_FORM};
use super::model::{id_from_path_segment, idea_path, District, IdeaBody, IdeaStatus, IdeaTitle, Mine};
use super::parts::{use_idea_choices, IdeaBrowser, IdeaResults};
use crate::comments::parts::Comments;
use crate::error::AppError;
use crate::follows::parts::FollowButton;
use crate::forms::{field_error, use_form_memory, Field, FormAlert, SelectField};
use crate::i18n::{format_date, t, use_locale};
use crate::themes::model::Theme;
use crate::ui::use_auth;
use crate::ui::{localized, render_body, status_label, CanonicalRedirect, Loader, Loading};
use crate::votes::parts::VoteBox;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::BTreeMap;

#[component]
pub fn IdeasPage() -> impl IntoView {
    view! {
        <Title text=t("ideas-title") />
        <Meta name="description" content=t("ideas-lead") />
        <section class="container">
            <div class="page-head">
                <h1>{t("ideas-title")}</h1>
                <A href="/ideas/new" attr:class="button">{t("ideas-new")}</A>
            </div>
            <p class="lead">{t("ideas-lead")}</p>
            <IdeaBrowser base="/ideas".to_owned() theme=None />
        </section>
    }
}

/// "My ideas", "Ideas I support" or "Ideas I follow".
#[component]
pub fn MyIdeasPage(mine: Mine) -> impl IntoView {
    let locale = use_locale();
    let page = crate::ui::use_page_number();
    let ideas = Resource::new(page, move |page| my_ideas(mine, Some(page)));
    let (title, base, empty_text) = match mine {
        Mine::Written => (t("my-ideas-title"), "/me/ideas", t("my-ideas-empty")),
        Mine::Supported => (t("my-supported-title"), "/me/supported", t("my-supported-empty")),
        Mine::Followed => (t("my-following-title"), "/me/following", t("my-following-empty")),
    };
    let (cta_href, cta_text) = match mine {
        Mine::Written => ("/ideas/new", t("ideas-new")),
        Mine::Supported | Mine::Followed => ("/ideas", t("home-explore-ideas")),
    };
    view! {
        <Title text=title.clone() />
        <section class="container">
            <h1>{title}</h1>
            <Loader resource=ideas let:list>
                {
                            let (empty_text, cta_text) = (empty_text.clone(), cta_text.clone());
                            let current = page();
                            let previous = (current > 1).then(|| format!("{base}?page={}", current - 1));
                            let next = list.has_more.then(|| format!("{base}?page={}", current + 1));
                            let empty = view! {
                                <div class="empty-state">
                                    <p>{empty_text}</p>
                                    <p><A href=cta_href attr:class="button">{cta_text}</A></p>
                                </div>
                            };
                            view! { <IdeaResults ideas=list.ideas locale previous next empty /> }
                }
            </Loader>
        </section>
    }
}

/// Title, description, theme and municipality, filled with `values`.
#[component]
fn IdeaFields<S>(
    action: ServerAction<S>,
    values: BTreeMap<String, String>,
    themes: Vec<Theme>,
    districts: Vec<District>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let locale = use_locale();
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    view! {
        <Field name="title" label=t("field-label-title") value=value("title")
            required=true maxlength=IdeaTitle::MAX hint=t("idea-title-hint") error=field_error(action, "title") />
        <Field name="body" label=t("field-label-body") value=value("body")
            multiline=true required=true maxlength=IdeaBody::MAX hint=t("idea-body-hint")
            error=field_error(action, "body") />
        <SelectField id="field-theme" name="theme" label=t("field-label-theme") placeholder=t("idea-choose-theme")
            options=themes.into_iter().map(|theme| (theme.slug.clone(), theme.name(locale).to_owned())).collect()
            chosen=value("theme") required=true error=field_error(action, "theme") />
        <SelectField id="field-district" name="district" label=t("field-label-district") placeholder=t("idea-whole-region")
            hint=t("idea-district-hint")
            options=districts.into_iter().map(|d| (d.slug.clone(), d.name(locale).to_owned())).collect()
            chosen=value("district") error=field_error(action, "district") />
    }
}

#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let auth = use_auth();
    let action = ServerAction::<SubmitIdea>::new();
    let memory = use_form_memory(IDEA_FORM);
    let choices = use_idea_choices();
    let load = move || async move {
        if auth.user.await.is_none() {
            return Err(AppError::Unauthenticated);
        }
        Ok((memory.await, choices.await))
    };
    view! {
        <Title text=t("idea-new-title") />
        <section class="container narrow">
            <Loading load let:loaded>
                {
                    let (values, (themes, districts)) = loaded;
                    view! {
                        <h1>{t("idea-new-title")}</h1>
                        <p class="lead">{t("idea-new-lead")}</p>
                        <FormAlert action />
                        <ActionForm action>
                            <IdeaFields action values themes districts />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("idea-submit")}</button>
                        </ActionForm>
                    }
                }
            </Loading>
        </section>
    }
}

#[component]
pub fn EditIdeaPage() -> impl IntoView {
    let params = use_params_map();
    let action = ServerAction::<EditIdea>::new();
    let memory = use_form_memory(IDEA_FORM);
    let choices = use_idea_choices();
    let page = Resource::new(
        move || params.read().get("idea").as_deref().and_then(id_from_path_segment),
        |id| async move {
            match id {
                Some(id) => get_idea(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    // Only its author edits an idea, while it is open and nobody else took part.
    let load = move || async move {
        let page = page.await?;
        match page {
            page if page.editable => Ok((page, memory.await, choices.await)),
            page if !page.signed_in => Err(AppError::Unauthenticated),
            page if !page.is_author => Err(AppError::Forbidden),
            page if page.idea.status == IdeaStatus::Open && page.idea.hidden.is_none() => Err(AppError::Supported),
            _ => Err(AppError::Closed),
        }
    };
    view! {
        <Title text=t("idea-edit-title") />
        <section class="container narrow">
            <Loading load let:loaded>
                {
                    let (page, kept, (themes, districts)) = loaded;
                    let idea = page.idea;
                    let mut values = BTreeMap::from([
                        ("title".to_owned(), idea.title.clone()),
                        ("body".to_owned(), idea.body.clone()),
                        ("theme".to_owned(), idea.theme_slug.clone()),
                        ("district".to_owned(), idea.district.as_ref().map(|d| d.slug.clone()).unwrap_or_default()),
                    ]);
                    values.extend(kept);
                    view! {
                        <p class="breadcrumb"><A href=idea_path(idea.id, &idea.slug)>{idea.title.clone()}</A></p>
                        <h1>{t("idea-edit-title")}</h1>
                        <p class="lead">{t("idea-edit-lead")}</p>
                        <FormAlert action />
                        <ActionForm action>
                            <input type="hidden" name="idea_id" value=idea.id />
                            <IdeaFields action values themes districts />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("admin-save")}</button>
                        </ActionForm>
                    }
                }
            </Loading>
        </section>
    }
}

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
    let discussion = crate::comments::parts::use_discussion(move || id_from_path_segment(&segment()), report);
    let page = Resource::new(
        move || {
            (
                id_from_path_segment(&segment()),
                (
                    withdraw.version().get(),
                    moderate.version().get(),
                    merge.version().get(),
                ),
                (hide.version().get(), respond.version().get(), report.version().get()),
            )
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => get_idea(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <section class="container idea-page">
            <Loader resource=page let:page>
                {
                    let idea = page.idea;
                    let canonical = idea_path(idea.id, &idea.slug);
                    let expected = format!("{}-{}", idea.id, idea.slug);
                    let author = &idea.author;
                    let badge = crate::ui::author_badge(author.kind, author.role, author.organisation_verified);
                    let district = idea.district.as_ref().map(|d| d.name(locale).to_owned());
                    let can_withdraw = page.is_author && idea.status == IdeaStatus::Open;
                    let edit_path = page.editable.then(|| format!("{canonical}/edit"));
                    let response = idea.public_response().cloned();
                    let reporting = page.can_report && query.read().get("report").as_deref() == Some("idea");
                    let report_href = format!("{canonical}?report=idea#report-form-idea-{}", idea.id);
                    let hidden = idea.hidden.clone();
                    view! {
                        <CanonicalRedirect current=segment() expected canonical=canonical.clone() />
                        <Title text=idea.title.clone() />
                        <p class="breadcrumb"><A href="/ideas">{t("ideas-title")}</A></p>
                        <article lang=idea.language.clone()>
                            {hidden.clone().map(|hidden| view! { <HiddenNotice hidden reports=page.reports.clone() /> })}
                            <ReportThanks action=report />
                            <h1>{idea.title.clone()}</h1>
                            <p class="idea-meta">
                                <A href=format!("/themes/{}", idea.theme_slug) attr:class="badge badge-theme">{localized(&idea.theme_names, locale)}</A>
                                {district.map(|d| view! { " " <span class="badge">{d}</span> })}
                                " "
                                <span class=format!("badge status status-{}", idea.status.as_str())>{status_label(idea.status)}</span>
                            </p>
                            <p class="idea-byline">
                                <span class="author-name">{author.organisation_name.clone().unwrap_or_else(|| author.display_name.clone())}</span>
                                {badge.map(|b| view! { " " <span class="badge badge-author">{b}</span> })}
                                <span class="muted">" · " {format_date(locale, idea.created_at)}</span>
                            </p>
                            {idea.duplicate_of.clone().map(|original| view! {
                                <p class="alert alert-info duplicate-of">
                                    {t("idea-duplicate-of")} " "
                                    <A href=idea_path(original.id, &original.slug)>{original.title.clone()}</A>
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
                                signed_in=page.signed_in path=canonical.clone() />
                            {page.signed_in.then(|| view! { <FollowButton idea_id=idea.id following=page.following /> })}
                            <crate::projects::parts::IdeaProjectBox idea_id=idea.id status=idea.status project=page.project.clone() can_promote=page.can_moderate />
                            {edit_path.map(|href| view! {
                                <A href=href attr:class="button button-secondary button-small">{t("admin-edit")}</A>
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
                        <Comments discussion idea_id=idea.id path=canonical.clone() signed_in=page.signed_in
                            open=idea.status.takes_comments() && hidden.is_none() count=idea.comment_count
                            moderate=page.can_moderate />
                    }
                }
            </Loader>
        </section>
    }
}
