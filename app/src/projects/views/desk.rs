//! An official's desk: the projects they own and what each waits for.

use super::*;

/// The official's desk: candidates to decide on, projects under way, and the rest.
#[component]
pub fn DeskPage() -> impl IntoView {
    let locale = use_locale();
    let projects = Resource::new(|| (), |_| desk());
    view! {
        <Title text=t("desk-title") />
        <section class="container">
            <h1>{t("desk-title")}</h1>
            <p class="lead">{t("desk-lead")}</p>
            <Loader resource=projects let:projects>
                {
                    let pick = |statuses: &[ProjectStatus]| -> Vec<ProjectCard> {
                        projects.iter().filter(|p| statuses.contains(&p.status)).cloned().collect()
                    };
                    let groups = [
                        ("desk-pending", pick(&[ProjectStatus::Candidate]), "project-decide-title", "manage"),
                        ("desk-active", pick(&[ProjectStatus::Adopted, ProjectStatus::InProgress]), "desk-keep-up", "roadmap"),
                        ("desk-closed", pick(&[ProjectStatus::Completed, ProjectStatus::Declined]), "desk-open", "timeline"),
                    ];
                    groups.into_iter().map(|(heading, cards, action, anchor)| {
                        let empty = cards.is_empty();
                        view! {
                            <section class="desk-group" aria-labelledby=heading>
                                <h2 id=heading>{t(heading)}</h2>
                                {empty.then(|| view! { <p class="muted">{t("desk-none")}</p> })}
                                <ul class="project-list">
                                    {cards.into_iter().map(|project| {
                                        let href = format!("{}#{anchor}", project_path(project.id, &project.slug));
                                        view! { <ProjectCardView project locale action=(href, t(action)) nested=true /> }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    }).collect_view().into_any()
                }
            </Loader>
        </section>
    }
}
