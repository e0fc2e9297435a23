//! An account's own lists: written, supported, followed.

use super::*;

/// "My ideas", "Ideas I support" or "Ideas I follow".
#[component]
pub fn MyIdeasPage(mine: Mine) -> impl IntoView {
    let page = crate::ui::use_page_number();
    let ideas = use_cards(page, move |page| my_ideas(mine, Some(page)));
    let (title, base, empty_text) = match mine {
        Mine::Written => (t("my-ideas-title"), "/me/ideas", t("my-ideas-empty")),
        Mine::Supported => (t("my-supported-title"), "/me/supported", t("my-supported-empty")),
        Mine::Followed => (t("my-following-title"), "/me/following", t("my-following-empty")),
    };
    let (cta_href, cta_text) = match mine {
        Mine::Written => ("/ideas/new", t("ideas-new")),
        Mine::Supported | Mine::Followed => ("/ideas", t("home-explore-ideas")),
    };
    view! {
        <Title text=title.clone() />
        <section class="container">
            <h1>{title}</h1>
            <Loader resource=ideas let:list>
                {
                            let (empty_text, cta_text) = (empty_text.clone(), cta_text.clone());
                            let current = page();
                            let previous = (current > 1).then(|| format!("{base}?page={}", current - 1));
                            let next = list.has_more().then(|| format!("{base}?page={}", current + 1));
                            let empty = view! {
                                <div class="empty-state">
                                    <p>{empty_text}</p>
                                    <p><a href=cta_href class="button">{cta_text}</a></p>
                                </div>
                            };
                            view! { <IdeaResults cards=list previous next empty /> }
                }
            </Loader>
        </section>
    }
}
