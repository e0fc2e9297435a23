//! One theme and its ideas.

use super::*;

#[component]
pub fn ThemePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let theme = Resource::new(slug, theme_by_slug);
    view! {
        <section class="container">
            <Loader resource=theme let:theme>
                <Title text=theme.name(locale).to_owned() />
                <p class="breadcrumb"><a href="/themes">{t("themes-title")}</a></p>
                <h1>{theme.name(locale).to_owned()}</h1>
                {theme.archived.then(|| view! { <p class="badge">{t("theme-archived")}</p> })}
                <p class="lead">{theme.description(locale).to_owned()}</p>
            </Loader>
            // The theme's ideas load beside the theme, not once it has loaded (see
            // `comments::parts::Discussion` for what a part made inside another's
            // `<Suspense>` once did).
            {move || {
                let slug = slug();
                view! { <IdeaBrowser base=format!("/themes/{slug}") theme=Some(slug) /> }
            }}
        </section>
    }
}
