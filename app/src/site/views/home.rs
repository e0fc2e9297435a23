//! The home page.

use super::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let themes = Resource::new(|| (), |_| list_themes(false));
    view! {
        <Title text=t("home-title") />
        <Meta name="description" content=t("home-lead") />
        <section class="hero">
            <div class="container">
                <h1>{t("home-heading")}</h1>
                <p class="lead">{t("home-lead")}</p>
                <p class="hero-actions">
                    <a href="/ideas" class="button">{t("home-explore-ideas")}</a>
                    <a href="/ideas/new" class="button button-secondary">{t("ideas-new")}</a>
                </p>
            </div>
        </section>
        <section class="container steps" aria-labelledby="how-heading">
            <h2 id="how-heading">{t("home-how-heading")}</h2>
            <ol class="step-list">
                <li><h3>{t("home-step-propose")}</h3><p>{t("home-step-propose-text")}</p></li>
                <li><h3>{t("home-step-support")}</h3><p>{t("home-step-support-text")}</p></li>
                <li><h3>{t("home-step-follow")}</h3><p>{t("home-step-follow-text")}</p></li>
            </ol>
        </section>
        <section class="container" aria-labelledby="themes-heading">
            <h2 id="themes-heading">{t("home-themes-heading")}</h2>
            // The home page stays whole when the themes cannot be read.
            <Loading load=move || async move { Ok(themes.await.unwrap_or_default()) } let:themes>
                {
                    view! {
                        <ul class="card-grid">
                            {themes
                                .into_iter()
                                .map(|theme| {
                                    let href = format!("/themes/{}", theme.slug);
                                    let (name, description) = (theme.name(locale).to_owned(), theme.description(locale).to_owned());
                                    view! {
                                        <li class="card">
                                            <h3><a href=href>{name}</a></h3>
                                            <p>{description}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                }
            </Loading>
        </section>
    }
}
