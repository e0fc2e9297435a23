//! What surrounds every page: the header with its navigation and language switch, and the footer.

use super::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t("nav-skip")}</a>
        <Header />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Footer />
    }
}
#[component]
pub(super) fn Header() -> impl IntoView {
    let auth = use_auth();
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"A"</span>
                    <span class="brand-text">
                        <span class="brand-name">"Agora"</span>
                        <span class="brand-tagline">{t("brand-tagline")}</span>
                    </span>
                </A>
                <nav class="main-nav" aria-label=t("nav-main-label")>
                    <ul>
                        <li><A href="/">{t("nav-home")}</A></li>
                        <li><A href="/ideas">{t("nav-ideas")}</A></li>
                        <li><A href="/themes">{t("nav-themes")}</A></li>
                        <li><A href="/projects">{t("nav-projects")}</A></li>
                    </ul>
                </nav>
                <div class="header-tools">
                    <LanguageSwitcher />
                    <Transition fallback=|| ()>
                        {crate::ui::built_once(move || Suspend::new(async move {
                            match auth.user.await {
                                Some(user) => {
                                    let unread = auth.unread.await;
                                    let is_admin = user.may(Action::ManageAccounts);
                                    let moderates = user.may(Action::ReadModerationQueue);
                                    let desk = user.may(Action::ReadDesk);
                                    view! {
                                        <nav class="account-nav" aria-label=t("nav-account-label")>
                                            {notifications_link(unread)}
                                            <A href="/profile" attr:class="account-name">{user.display_name.clone()}</A>
                                            {moderates.then(|| view! { <A href="/moderation">{t("nav-moderation")}</A> })}
                                            {desk.then(|| view! { <A href="/desk">{t("nav-desk")}</A> })}
                                            {is_admin.then(|| view! { <A href="/admin/accounts">{t("nav-admin")}</A> })}
                                            <form method="post" action="/api/sign_out" class="inline-form">
                                                <button type="submit" class="button button-quiet">{t("nav-sign-out")}</button>
                                            </form>
                                        </nav>
                                    }
                                    .into_any()
                                }
                                None => view! {
                                    <nav class="account-nav" aria-label=t("nav-account-label")>
                                        <A href="/login">{t("nav-sign-in")}</A>
                                        <A href="/register" attr:class="button button-small">{t("nav-register")}</A>
                                    </nav>
                                }
                                .into_any(),
                            }
                        }))}
                    </Transition>
                </div>
            </div>
        </header>
    }
}
/// The way to the notifications, with the number unread.
pub(super) fn notifications_link(unread: i64) -> impl IntoView {
    let label = if unread > 0 {
        t_count("nav-notifications-unread", unread)
    } else {
        t("nav-notifications")
    };
    view! {
        <A href="/notifications" attr:class="notifications-link" attr:aria-label=label>
            {t("nav-notifications")}
            {(unread > 0).then(|| view! { " " <span class="count-badge" aria-hidden="true">{unread}</span> })}
        </A>
    }
}
/// A plain form: switching language reloads the page, with or without JavaScript.
#[component]
pub(super) fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    view! {
        <form method="post" action="/api/set_locale" class="language-switch" aria-label=t("nav-language-label")>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let is_current = locale == current;
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=locale.code()
                            lang=locale.code()
                            aria-pressed=if is_current { "true" } else { "false" }
                            title=locale.endonym()
                        >
                            <span aria-hidden="true">{locale.code().to_uppercase()}</span>
                            <span class="visually-hidden">{locale.endonym()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
#[component]
pub(super) fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>{t("footer-about")}</p>
                <p class="footer-small">{t("footer-programme")}</p>
                <nav class="footer-nav" aria-label=t("programme-nav-label")>
                    <A href="/commitments">{t("commitments-title")}</A>
                    <A href="/dashboard">{t("dashboard-title")}</A>
                    <A href="/developers">{t("developers-title")}</A>
                    <A href="/privacy">{t("privacy-title")}</A>
                </nav>
            </div>
        </footer>
    }
}
