//! The Program Office's dashboard: participation, themes and projects in figures.

use super::*;

/// A table of a chart's figures, with its caption; it scrolls sideways on a phone, so it
/// takes the focus to be scrolled with the keyboard.
#[component]
pub(super) fn FigureTable(
    #[prop(into)] id: String,
    #[prop(into)] caption: String,
    headers: Vec<String>,
    children: Children,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id.clone()>
            <table class="data-table figure-table">
                <caption id=caption_id.clone()>{caption}</caption>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let locale = use_locale();
    let figures = Resource::new(|| (), |_| dashboard());
    view! {
        <Title text=t("dashboard-title") />
        <Meta name="description" content=t("dashboard-lead") />
        <section class="container dashboard">
            <h1>{t("dashboard-title")}</h1>
            <p class="lead">{t("dashboard-lead")}</p>
            <ProgrammeLinks />
            <Loader resource=figures let:figures>
                {
                    let by_status = figures.projects_by_status();
                    let theme_rows: Vec<(String, Vec<i64>)> = figures
                        .themes
                        .iter()
                        .map(|th| (localized(&th.names, locale), vec![th.ideas, th.accepted]))
                        .collect();
                    let status_rows: Vec<(String, Vec<i64>)> = ProjectStatus::ALL
                        .into_iter()
                        .zip(by_status)
                        .map(|(s, n)| (project_status_label(s), vec![n]))
                        .collect();
                    let month_columns: Vec<([String; 2], Vec<i64>)> = figures
                        .participation
                        .iter()
                        .enumerate()
                        .map(|(i, m)| {
                            let label = format_month(locale, m.year, m.month);
                            let month = label.split([' ', '/', '-']).next().unwrap_or_default().to_owned();
                            // The year under the first column and each January is enough.
                            let year = if i == 0 || m.month == 1 { m.year.to_string() } else { String::new() };
                            ([month, year], m.by_kind.to_vec())
                        })
                        .collect();
                    let kinds = vec![
                        Series { name: t("dashboard-residents"), class: "series-1" },
                        Series { name: t("dashboard-businesses"), class: "series-2" },
                        Series { name: t("dashboard-academics"), class: "series-3" },
                    ];
                    let status_headers: Vec<String> = ProjectStatus::ALL.into_iter().map(project_status_label).collect();
                    let mut theme_headers = vec![
                        t("field-label-theme"),
                        t("dashboard-ideas"),
                        t("dashboard-votes"),
                        t("dashboard-accepted"),
                    ];
                    theme_headers.extend(status_headers.iter().map(|s| t_with("dashboard-projects-status", &[("status", s.clone())])));
                    let counted = t_with(
                        "dashboard-as-of",
                        &[("date", format_date(locale, figures.computed_at)), ("time", crate::i18n::utc_time(figures.computed_at))],
                    );
                    view! {
                        <p class="muted dashboard-as-of">{counted}</p>
                        <section class="dashboard-section" aria-labelledby="dashboard-themes">
                            <h2 id="dashboard-themes">{t("dashboard-themes-title")}</h2>
                            <figure class="chart-figure">
                                <BarRows summary=t("dashboard-themes-summary") rows=theme_rows
                                    series=vec![
                                        Series { name: t("dashboard-ideas"), class: "series-1" },
                                        Series { name: t("dashboard-accepted"), class: "series-4" },
                                    ] />
                            </figure>
                            <FigureTable id="dashboard-themes-table" caption=t("dashboard-themes-table") headers=theme_headers>
                                {figures.themes.iter().map(|th| view! {
                                    <tr>
                                        <th scope="row">{localized(&th.names, locale)}</th>
                                        <td>{th.ideas}</td>
                                        <td>{th.votes}</td>
                                        <td>{th.accepted}</td>
                                        {th.projects.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                        <section class="dashboard-section" aria-labelledby="dashboard-projects">
                            <h2 id="dashboard-projects">{t("dashboard-projects-title")}</h2>
                            <figure class="chart-figure">
                                <BarRows summary=t("dashboard-projects-summary") rows=status_rows
                                    series=vec![Series { name: t("projects-title"), class: "series-2" }] />
                            </figure>
                            <FigureTable id="dashboard-projects-table" caption=t("dashboard-projects-table")
                                headers=vec![t("ideas-status"), t("projects-title")]>
                                {ProjectStatus::ALL.into_iter().zip(by_status).map(|(s, n)| view! {
                                    <tr><th scope="row">{project_status_label(s)}</th><td>{n}</td></tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                        <section class="dashboard-section" aria-labelledby="dashboard-participation">
                            <h2 id="dashboard-participation">{t("dashboard-participation-title")}</h2>
                            <p>{t("dashboard-participation-lead")}</p>
                            <figure class="chart-figure">
                                <StackedColumns summary=t("dashboard-participation-summary") columns=month_columns series=kinds />
                            </figure>
                            <FigureTable id="dashboard-participation-table" caption=t("dashboard-participation-table")
                                headers=vec![t("dashboard-month"), t("dashboard-residents"), t("dashboard-businesses"), t("dashboard-academics"), t("dashboard-total")]>
                                {figures.participation.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{format_month(locale, m.year, m.month)}</th>
                                        {m.by_kind.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                        <td>{m.by_kind.iter().sum::<i64>()}</td>
                                    </tr>
                                }).collect_view()}
                            </FigureTable>
                        </section>
                    }
                    .into_any()
                }
            </Loader>
        </section>
    }
}
