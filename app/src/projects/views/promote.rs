//! Moderators turn undecided ideas into a candidate project.

use super::*;

pub(super) fn use_choices() -> Resource<(Vec<Theme>, Vec<Official>)> {
    Resource::new(
        || (),
        |_| async {
            (
                list_themes(false).await.unwrap_or_default(),
                officials().await.unwrap_or_default(),
            )
        },
    )
}

/// Moderators choose undecided ideas and turn them into a candidate project.
#[component]
pub fn PromotePage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let action = ServerAction::<PromoteIdeas>::new();
    let memory = use_form_memory(PROMOTE_FORM);
    let choices = use_choices();
    let wanted = move || {
        let q = query.read();
        (
            q.get("theme").filter(|s| !s.is_empty()),
            q.get("ideas").unwrap_or_default(),
        )
    };
    let ideas = Resource::new(wanted, |(theme, chosen)| promotable_ideas(theme, Some(chosen)));
    view! {
        <Title text=t("project-promote-title") />
        <section class="container narrow">
            <p class="breadcrumb"><a href="/projects">{t("projects-title")}</a></p>
            <h1>{t("project-promote-title")}</h1>
            <p class="lead">{t("project-promote-lead")}</p>
            <Loading load=move || async move { Ok((ideas.await?, memory.await, choices.await)) } let:loaded>
                {
                    let (ideas, kept, (themes, officials)) = loaded;
                    let (filter_theme, asked) = wanted();
                    let chosen: Vec<String> = kept
                        .get("ideas")
                        .cloned()
                        .unwrap_or(asked.clone())
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    let value = {
                        let kept = kept.clone();
                        move |name: &str| kept.get(name).cloned().unwrap_or_default()
                    };
                    let theme = kept.get("theme").cloned().or(filter_theme.clone()).unwrap_or_else(|| {
                        ideas
                            .iter()
                            .find(|i| chosen.contains(&i.id.to_string()))
                            .map(|i| i.theme_slug.clone())
                            .unwrap_or_default()
                    });
                    let theme_options: Vec<(String, String)> =
                        themes.iter().map(|th| (th.slug.clone(), th.name(locale).to_owned())).collect();
                    let owner_options: Vec<(String, String)> = officials
                        .iter()
                        .map(|o| {
                            let text = match &o.portfolio {
                                Some(p) => format!("{} — {p}", o.display_name),
                                None => o.display_name.clone(),
                            };
                            (o.id.to_string(), text)
                        })
                        .collect();
                    let no_ideas = ideas.is_empty();
                    view! {
                        <form method="get" action="/projects/new" class="filter-bar" aria-label=t("project-promote-filter")>
                            <input type="hidden" name="ideas" value=asked />
                            <div class="filter">
                                <label for="promote-filter-theme">{t("field-label-theme")}</label>
                                <select id="promote-filter-theme" name="theme">
                                    <option value="">{t("ideas-all-themes")}</option>
                                    {themes.iter().map(|th| view! {
                                        <option value=th.slug.clone() selected=filter_theme.as_deref() == Some(th.slug.as_str())>{th.name(locale).to_owned()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button button-small button-secondary">{t("ideas-apply")}</button>
                        </form>
                        <FormAlert action />
                        <ActionForm action>
                            <fieldset class="choice-group" aria-describedby="promote-ideas-hint">
                                <legend>{t("project-promote-ideas")}</legend>
                                <p class="hint" id="promote-ideas-hint">{t("project-promote-ideas-hint")}</p>
                                {no_ideas.then(|| view! { <p class="muted">{t("project-promote-no-ideas")}</p> })}
                                {ideas.into_iter().map(|idea| {
                                    let id = format!("promote-idea-{}", idea.id);
                                    let checked = chosen.contains(&idea.id.to_string());
                                    view! {
                                        <div class="choice">
                                            <input type="checkbox" id=id.clone() name="ideas[]" value=idea.id checked=checked />
                                            <label for=id>
                                                <span lang=idea.language.clone()>{idea.title.clone()}</span>
                                                <span class="hint">{t_count("vote-count-long", idea.vote_count)}</span>
                                            </label>
                                        </div>
                                    }
                                }).collect_view()}
                                <p class="field-error" hidden=move || field_error(action, "ideas").with(Option::is_none)>
                                    {move || field_error(action, "ideas").get()}
                                </p>
                            </fieldset>
                            <Field name="title" label=t("field-label-title") value=value("title") required=true
                                maxlength=ProjectTitle::MAX id_prefix="project-" error=field_error(action, "title") />
                            <Field name="summary" label=t("project-summary") value=value("summary") required=true multiline=true
                                maxlength=ProjectSummary::MAX id_prefix="project-" hint=t("project-summary-hint")
                                error=field_error(action, "summary") />
                            <SelectField id="project-theme" name="theme" label=t("field-label-theme") placeholder=t("idea-choose-theme")
                                options=theme_options chosen=theme required=true error=field_error(action, "theme") />
                            <SelectField id="project-owner" name="owner" label=t("project-owner") placeholder=t("project-choose-owner")
                                options=owner_options chosen=value("owner") required=true error=field_error(action, "owner") />
                            <Field name="factors" label=t("project-factors") value=value("factors") required=true multiline=true
                                id_prefix="project-" hint=t("project-factors-hint") error=field_error(action, "factors") />
                            <button type="submit" class="button" disabled=move || action.pending().get()>{t("project-promote-submit")}</button>
                        </ActionForm>
                    }
                    .into_any()
                }
            </Loading>
        </section>
    }
}
