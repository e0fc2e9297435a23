//! All themes of the programme.

use super::*;

#[component]
pub fn ThemesPage() -> impl IntoView {
    let locale = use_locale();
    let themes = Resource::new(|| (), |_| list_themes(false));
    view! {
        <Title text=t("themes-title") />
        <Meta name="description" content=t("themes-lead") />
        <section class="container">
            <h1>{t("themes-title")}</h1>
            <p class="lead">{t("themes-lead")}</p>
            <Loader resource=themes let:themes>
                <ul class="card-grid theme-list">
                    {themes.into_iter().map(|theme| {
                        let href = format!("/themes/{}", theme.slug);
                        let (name, description) = (theme.name(locale).to_owned(), theme.description(locale).to_owned());
                        view! {
                            <li class="card">
                                <h2><a href=href>{name}</a></h2>
                                <p>{description}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Loader>
        </section>
    }
}
