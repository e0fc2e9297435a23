//! The public list of ideas.

use super::*;

#[component]
pub fn IdeasPage() -> impl IntoView {
    view! {
        <Title text=t("ideas-title") />
        <Meta name="description" content=t("ideas-lead") />
        <Link rel="alternate" type_="application/atom+xml" href="/api/v1/feeds/ideas.atom" title=t("feed-ideas") />
        <Link rel="alternate" type_="application/atom+xml" href="/api/v1/feeds/responses.atom" title=t("feed-responses") />
        <section class="container">
            <div class="page-head">
                <h1>{t("ideas-title")}</h1>
                <a href="/ideas/new" class="button">{t("ideas-new")}</a>
            </div>
            <p class="lead">{t("ideas-lead")}</p>
            <IdeaBrowser base="/ideas".to_owned() theme=None />
        </section>
    }
}
