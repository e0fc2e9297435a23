//! Links between pages. Pages are rendered by the server only and the browser has no
//! router, so a link is a plain `<a>`: Leptos' `<A>` resolved its address and whether it
//! led to the current page through a memo and two reactive closures, about 6,000
//! instructions a link, and every page has a dozen in its header and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Where the reader is, read once for the links of a navigation.
#[derive(Clone, Debug)]
pub struct Here(String);

impl Here {
    /// The page being rendered.
    pub fn now() -> Here {
        Here(use_location().pathname.get_untracked())
    }

    /// `aria-current` of a link to `href`: `"page"` on that page and the pages below it
    /// (the ideas' link on an idea's page), the home page's only on itself.
    pub fn page(&self, href: &str) -> Option<&'static str> {
        is_within(&self.0, href).then_some("page")
    }
}

fn is_within(path: &str, href: &str) -> bool {
    let href = href.trim_end_matches('/');
    if href.is_empty() {
        return path == "/";
    }
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::is_within;

    #[test]
    fn the_home_link_is_current_on_the_home_page_only() {
        assert!(is_within("/", "/"));
        assert!(!is_within("/ideas", "/"));
    }

    #[test]
    fn a_section_link_is_current_on_its_page_and_the_pages_below_it() {
        assert!(is_within("/ideas", "/ideas"));
        assert!(is_within("/ideas/12-quiet-streets", "/ideas"));
        assert!(is_within("/ideas/", "/ideas"));
    }

    #[test]
    fn a_link_is_not_current_on_a_page_that_only_shares_its_first_letters() {
        assert!(!is_within("/ideasx", "/ideas"));
        assert!(!is_within("/projects", "/ideas"));
        assert!(!is_within("/", "/ideas"));
    }
}
