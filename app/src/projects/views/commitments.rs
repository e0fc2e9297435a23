//! The government's commitments: what each member adopted, and how far it has come.

use super::*;

#[component]
pub fn CommitmentsPage() -> impl IntoView {
    let locale = use_locale();
    let page = Resource::new(|| (), |_| commitments());
    view! {
        <Title text=t("commitments-title") />
        <Meta name="description" content=t("commitments-lead") />
        <section class="container">
            <h1>{t("commitments-title")}</h1>
            <p class="lead">{t("commitments-lead")}</p>
            <ProgrammeLinks />
            <Loader resource=page let:page>
                {
                    let kept = page.officials.iter().filter(|c| !c.adopted.is_empty()).count();
                    let summary = t_with(
                        "commitments-summary",
                        &[("year", page.year.to_string()), ("done", kept.to_string()), ("total", page.officials.len().to_string())],
                    );
                    if page.officials.is_empty() {
                        view! { <div class="empty-state"><p>{t("commitments-empty")}</p></div> }.into_any()
                    } else {
                    view! {
                        <h2 class="commitments-year">{summary}</h2>
                        <ul class="commitment-list">
                            {page.officials.into_iter().map(|c| {
                                let none = c.adopted.is_empty();
                                let pending = c.pending;
                                view! {
                                    <li class="commitment-card" class:committed=!none>
                                        <h3>{c.official.display_name.clone()}</h3>
                                        <p class="muted">{c.official.portfolio.clone().unwrap_or_else(|| t("commitments-no-portfolio"))}</p>
                                        {none.then(|| view! {
                                            <p class="commitment-none">{t("commitments-none")}</p>
                                            {(pending > 0).then(|| view! {
                                                <p class="muted">{t_count("commitments-pending", pending)}</p>
                                            })}
                                        })}
                                        {c.adopted.into_iter().map(|p| view! {
                                            <div class="commitment-project">
                                                <p lang=p.language.clone()><a href=project_path(p.id, &p.slug)>{p.title.clone()}</a></p>
                                                <p>
                                                    {status_badge(p.status)}
                                                    {p.adopted_at.map(|at| view! { <span class="muted">" · " {t_with("commitments-adopted-on", &[("date", format_date(locale, at))])}</span> })}
                                                </p>
                                                <ProgressBar progress=p.progress />
                                            </div>
                                        }).collect_view()}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                    }
                }
            </Loader>
        </section>
    }
}
