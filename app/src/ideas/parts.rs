//! Parts of the ideas feature that other pages show: the browsable list (also on a
//! theme's page) and its cards.

use super::api::{list_idea_choices, list_ideas};
use super::model::{idea_path, IdeaCard, IdeaChoices, IdeaList, IdeaStatus, ListQuery, SimilarIdea, Sort};
use crate::error::AppError;
use crate::forms::FilterSelect;
use crate::i18n::{format_date, t, t_count, t_with, use_locale, Locale};
use crate::ui::{status_label, written_status, Loader, Loading, Pager, Text, Waiting, WrittenHtml};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Search, filters, order and one page of ideas, all read from and written to the URL
/// (a GET form), so that a list can be shared and works without JavaScript. Under
/// `base`; a theme page passes its `theme` and offers no theme filter.
#[component]
pub fn IdeaBrowser(base: String, theme: Option<String>) -> impl IntoView {
    let query = use_query_map();
    let fixed_theme = theme.clone();
    let current = move || {
        let q = query.read();
        ListQuery {
            theme: fixed_theme.clone().or_else(|| q.get("theme").filter(|s| !s.is_empty())),
            status: q.get("status").as_deref().and_then(IdeaStatus::parse),
            district: q.get("district").filter(|s| !s.is_empty()),
            sort: q.get("sort").as_deref().and_then(Sort::parse).unwrap_or_default(),
            search: q.get("q").filter(|s| !s.trim().is_empty()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
            ..ListQuery::default()
        }
    };
    let ideas = use_cards(current.clone(), move |q: ListQuery| {
        list_ideas(
            q.theme,
            q.status.map(|s| s.as_str().to_owned()),
            q.district,
            Some(q.sort.as_str().to_owned()),
            q.search,
            Some(q.page),
        )
    });
    let choices = use_idea_choices();
    let show_theme_filter = theme.is_none();
    let (form_base, list_base) = (base.clone(), base);
    let filters = current.clone();
    view! {
        <Loading load=move || async move { Ok(choices.await) } waiting=Waiting::Quiet let:choices>
            {
                let IdeaChoices { themes, districts } = choices;
                let (base, q) = (form_base.clone(), filters());
                view! {
                    <form method="get" action=base class="filter-bar" role="search" aria-label=t("ideas-filters")>
                        <div class="filter filter-search">
                            <label for="filter-q">{t("ideas-search")}</label>
                            <input id="filter-q" type="search" name="q" value=q.search.clone().unwrap_or_default()
                                maxlength="200" placeholder=t("ideas-search-placeholder") />
                        </div>
                        {show_theme_filter.then(|| view! {
                            <FilterSelect name="theme" label=t("field-label-theme") all=t("ideas-all-themes")
                                options=themes.into_iter().map(|theme| (theme.slug, theme.name)).collect()
                                chosen=q.theme.clone() />
                        })}
                        <FilterSelect name="status" label=t("ideas-status") all=t("ideas-all-statuses")
                            options=IdeaStatus::ALL.into_iter().map(|s| (s.as_str().to_owned(), status_label(s))).collect()
                            chosen=q.status.map(|s| s.as_str().to_owned()) />
                        <FilterSelect name="district" label=t("field-label-district") all=t("ideas-all-districts")
                            options=districts.into_iter().map(|d| (d.slug, d.name)).collect()
                            chosen=q.district.clone() />
                        <FilterSelect name="sort" label=t("ideas-sort")
                            options=Sort::ALL.into_iter().map(|sort| (sort.as_str().to_owned(), t(&format!("sort-{}", sort.as_str())))).collect()
                            chosen=Some(q.sort.as_str().to_owned()) />
                        <button type="submit" class="button button-small">{t("ideas-apply")}</button>
                    </form>
                }
            }
        </Loading>
        <Loader resource=ideas let:list>
            {
                        let (base, fixed) = (list_base.clone(), theme.clone());
                        let mut q = current();
                        let searching = q.search.clone();
                        // A theme page's address already names its theme.
                        if fixed.is_some() {
                            q.theme = None;
                        }
                        let previous = (q.page > 1).then(|| format!("{base}{}", q.to_query_string(q.page - 1)));
                        let next = list.has_more().then(|| format!("{base}{}", q.to_query_string(q.page + 1)));
                        let empty = view! {
                            <div class="empty-state"><p>{match searching {
                                Some(words) => t_with("ideas-search-empty", &[("words", words)]),
                                None => t("ideas-empty"),
                            }}</p></div>
                        };
                        view! { <IdeaResults cards=list previous next empty /> }
            }
        </Loader>
    }
}

/// One page of idea cards, written as HTML (`ui::written`): the cards are only read.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cards {
    html: WrittenHtml,
    empty: bool,
    has_more: bool,
}

impl Cards {
    fn of(list: IdeaList, locale: Locale) -> Cards {
        Cards {
            empty: list.items.is_empty(),
            has_more: list.has_more,
            html: WrittenHtml::of(
                locale,
                || maud::html! { @for idea in &list.items { (card(idea, locale)) } },
            ),
        }
    }

    /// Whether another page follows this one.
    pub fn has_more(&self) -> bool {
        self.has_more
    }
}

/// A page of idea cards that follows `source`, from the list `load` answers.
pub fn use_cards<S, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    load: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<Result<Cards, AppError>>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<IdeaList, AppError>> + Send + 'static,
{
    let locale = use_locale();
    Resource::new(source, move |source| {
        let list = load(source);
        async move { Ok(Cards::of(list.await?, locale)) }
    })
}

/// A page of idea cards with links to the pages around it, or `empty` when there are none.
#[component]
pub fn IdeaResults(
    cards: Cards,
    previous: Option<String>,
    next: Option<String>,
    empty: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        {cards.empty.then_some(empty)}
        <ul class="idea-list" inner_html=cards.html.into_html()></ul>
        <Pager previous next />
    }
}

/// One card of the list. A plain link to the idea: a card never needs `aria-current`.
fn card(idea: &IdeaCard, locale: Locale) -> maud::Markup {
    maud::html! {
        li.idea-card {
            div.idea-votes aria-hidden="true" { strong { (idea.vote_count) } }
            div.idea-card-body {
                h2 lang=(idea.language) { a href=(Text(&idea_path(idea.id, &idea.slug))) { (Text(&idea.title)) } }
                p.idea-meta {
                    span.badge.badge-theme { (Text(&idea.theme)) }
                    @if let Some(district) = &idea.district { " " span.badge { (Text(district)) } }
                    " "
                    (written_status(idea.status))
                    @if idea.hidden { " " span.badge.badge-hidden { (t("badge-hidden")) } }
                }
                p lang=(idea.language) { (Text(&idea.excerpt)) }
                p.idea-byline.muted {
                    (Text(&crate::ui::person_name(&idea.author_name))) " · " (format_date(locale, idea.created_at)) " · "
                    (t_count("vote-count-long", idea.vote_count)) " · " (t_count("comment-count", idea.comment_count))
                }
            }
        }
    }
}

/// The themes and municipalities an idea can be filed under, in the page's language.
pub fn use_idea_choices() -> Resource<IdeaChoices> {
    Resource::new(|| (), |_| async { list_idea_choices().await.unwrap_or_default() })
}

/// Ideas like the one being written (or triaged), with a way to support one instead:
/// nothing when there are none. Plain links: it is shown inside an island, which has no
/// router.
#[component]
pub fn SimilarIdeasList(
    ideas: Vec<SimilarIdea>,
    #[prop(into)] heading: String,
    /// Unique on the page (the queue shows a list per idea).
    #[prop(into, default = "similar-ideas-heading".to_owned())]
    heading_id: String,
    /// Each idea's number, for the moderators' merge form.
    #[prop(optional)]
    numbered: bool,
) -> impl IntoView {
    let labelled_by = heading_id.clone();
    (!ideas.is_empty()).then(|| {
        view! {
            <section class="similar-ideas" aria-labelledby=labelled_by>
                <h2 id=heading_id class="similar-heading">{heading}</h2>
                <ul class="similar-list">
                    {ideas.into_iter().map(|idea| {
                        let path = idea_path(idea.id, &idea.slug);
                        let support = format!("{path}#vote");
                        view! {
                            <li>
                                {numbered.then(|| format!("#{} ", idea.id))}
                                <a href=path>{idea.title}</a>
                                <span class="muted">
                                    " · " {status_label(idea.status)} " · "
                                    {t_count("vote-count-long", idea.vote_count)}
                                </span>
                                " "
                                <a href=support class="similar-support">{t("similar-support-instead")}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
