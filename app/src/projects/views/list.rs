//! The public list of projects, with its filters.

use super::*;

#[component]
pub(super) fn ProjectCardView(
    project: ProjectCard,
    locale: Locale,
    #[prop(optional)] action: Option<(String, String)>,
    /// Under a section heading (the desk), the card's title is one level down.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let href = project_path(project.id, &project.slug);
    let started = project.status.is_commitment();
    let title = view! { <a href=href>{project.title.clone()}</a> };
    let heading = if nested {
        view! { <h3 lang=project.language.clone()>{title}</h3> }.into_any()
    } else {
        view! { <h2 lang=project.language.clone()>{title}</h2> }.into_any()
    };
    view! {
        <li class="project-card">
            {heading}
            <p class="idea-meta">
                <span class="badge badge-theme">{localized(&project.theme_names, locale)}</span>
                " "
                {status_badge(project.status)}
            </p>
            <p lang=project.language.clone()>{project.excerpt.clone()}</p>
            <p class="project-owner-line muted">
                {project.owner.display_name.clone()}
                {project.owner.portfolio.clone().map(|p| view! { " · " {p} })}
            </p>
            {started.then(|| view! { <ProgressBar progress=project.progress /> })}
            {action.map(|(href, label)| view! { <p><a href=href class="button button-small">{label}</a></p> })}
        </li>
    }
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let current = move || {
        let q = query.read();
        ProjectQuery {
            status: q.get("status").as_deref().and_then(ProjectStatus::parse),
            theme: q.get("theme").filter(|s| !s.is_empty()),
            owner: q.get("owner").and_then(|o| o.parse().ok()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        }
    };
    let projects = Resource::new(current, |q| {
        list_projects(q.status.map(|s| s.as_str().to_owned()), q.theme, q.owner, Some(q.page))
    });
    let choices = use_choices();
    view! {
        <Title text=t("projects-title") />
        <Meta name="description" content=t("projects-lead") />
        <Link rel="alternate" type_="application/atom+xml" href="/api/v1/feeds/projects.atom" title=t("feed-projects") />
        <section class="container">
            <div class="page-head">
                <h1>{t("projects-title")}</h1>
                <PromoteLink />
            </div>
            <p class="lead">{t("projects-lead")}</p>
            <ProgrammeLinks />
            <Loading load=move || async move { Ok(choices.await) } waiting=Waiting::Quiet let:loaded>
                {
                    let (themes, officials) = loaded;
                    let q = current();
                    view! {
                        <form method="get" action="/projects" class="filter-bar" aria-label=t("projects-filters")>
                            <FilterSelect name="status" label=t("ideas-status") all=t("ideas-all-statuses")
                                options=ProjectStatus::ALL.into_iter().map(|s| (s.as_str().to_owned(), project_status_label(s))).collect()
                                chosen=q.status.map(|s| s.as_str().to_owned()) />
                            <FilterSelect name="theme" label=t("field-label-theme") all=t("ideas-all-themes")
                                options=themes.into_iter().map(|theme| (theme.slug.clone(), theme.name(locale).to_owned())).collect()
                                chosen=q.theme.clone() />
                            <FilterSelect name="owner" label=t("project-owner") all=t("projects-all-owners")
                                options=officials.into_iter().map(|official| (official.id.to_string(), official.display_name)).collect()
                                chosen=q.owner.map(|id| id.to_string()) />
                            <button type="submit" class="button button-small">{t("projects-apply")}</button>
                        </form>
                    }
                }
            </Loading>
            <Loader resource=projects let:list>
                {
                            let q = current();
                            let previous = (q.page > 1).then(|| format!("/projects{}", q.to_query_string(q.page - 1)));
                            let next = list.has_more.then(|| format!("/projects{}", q.to_query_string(q.page + 1)));
                            let empty = list.items.is_empty();
                            view! {
                                {empty.then(|| view! { <div class="empty-state"><p>{t("projects-empty")}</p></div> })}
                                <ul class="project-list">
                                    {list.items.into_iter().map(|project| view! { <ProjectCardView project locale /> }).collect_view()}
                                </ul>
                                <Pager previous next />
                            }
                            .into_any()
                }
            </Loader>
        </section>
    }
}
