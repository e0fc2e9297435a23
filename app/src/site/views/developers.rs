//! Open data: how to read Agora's data with its API, under which licence and limits.

use super::*;
use crate::site::api::open_data_terms;
use crate::ui::Loader;

/// The API's endpoints and what each gives, by translation key.
const ENDPOINTS: [(&str, &str); 16] = [
    ("/api/v1/ideas", "developers-ideas"),
    ("/api/v1/ideas/{id}", "developers-idea"),
    ("/api/v1/ideas/{id}/comments", "developers-comments"),
    ("/api/v1/ideas/similar?text=…", "developers-similar"),
    ("/api/v1/themes", "developers-themes"),
    ("/api/v1/municipalities", "developers-municipalities"),
    ("/api/v1/projects", "developers-projects"),
    ("/api/v1/projects/{id}", "developers-project"),
    ("/api/v1/commitments?year=2026", "developers-commitments"),
    ("/api/v1/dashboard", "developers-dashboard"),
    ("/api/v1/ideas.csv", "developers-ideas-csv"),
    ("/api/v1/projects.csv", "developers-projects-csv"),
    ("/api/v1/feeds/ideas.atom", "developers-feed-ideas"),
    ("/api/v1/feeds/responses.atom", "developers-feed-responses"),
    ("/api/v1/feeds/projects.atom", "developers-feed-projects"),
    ("/api/v1/openapi.json", "developers-document"),
];

#[component]
pub fn DevelopersPage() -> impl IntoView {
    let terms = Resource::new(|| (), |_| open_data_terms());
    view! {
        <Title text=t("developers-title") />
        <Meta name="description" content=t("developers-lead") />
        <section class="container narrow prose">
            <h1>{t("developers-title")}</h1>
            <p class="lead">{t("developers-lead")}</p>
            <Loader resource=terms let:terms>
                <h2>{t("developers-api-title")}</h2>
                <p>{t("developers-api-intro")} " " <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a></p>
                <dl class="endpoint-list">
                    {ENDPOINTS.iter().map(|(path, key)| view! {
                        <dt><code>{"GET "}{*path}</code></dt>
                        <dd>{t(key)}</dd>
                    }).collect_view()}
                </dl>
                <h2>{t("developers-licence-title")}</h2>
                <p>
                    {t("developers-licence")} " "
                    <a href=terms.licence_url.clone() rel="license">{terms.licence_name.clone()}</a>
                </p>
                <p>{t("developers-privacy")}</p>
                <h2>{t("developers-limits-title")}</h2>
                <ul>
                    <li>{t_count("developers-limits-rate", terms.requests_per_minute)}</li>
                    <li>{t("developers-limits-pages")}</li>
                    <li>{t("developers-limits-cache")}</li>
                </ul>
                <h2 id="errors">{t("developers-errors-title")}</h2>
                <p>{t("developers-errors")}</p>
                <ul>
                    {["bad_request", "not_found", "rate_limited", "internal"].into_iter().map(|code| view! {
                        <li><code>{code}</code>" — "{t(&format!("developers-error-{code}"))}</li>
                    }).collect_view()}
                </ul>
                <h2>{t("developers-examples-title")}</h2>
                // Scrolled sideways on a phone: the keyboard can scroll it too.
                <pre class="code-block" tabindex="0"><code>
                    {format!(
                        "curl -s '{site}/api/v1/ideas?sort=most_supported&limit=5'\n\
                         curl -s '{site}/api/v1/ideas?theme=digital-inclusion&q=wifi'\n\
                         curl -s '{site}/api/v1/projects?status=in_progress'\n\
                         curl -si -H 'If-None-Match: \"…\"' '{site}/api/v1/themes'",
                        site = terms.site
                    )}
                </code></pre>
            </Loader>
        </section>
    }
}
