use super::api::recent_audit;
use crate::accounts::views::AdminNav;
use crate::i18n::{format_date, t, use_locale};
use crate::site::views::{DataTable, OlderLink, Refusal};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let entries = Resource::new(
        move || query.read().get("before").and_then(|b| b.parse::<i64>().ok()),
        recent_audit,
    );
    view! {
        <Title text=t("admin-audit-title") />
        <section class="container">
            <AdminNav />
            <h1>{t("admin-audit-title")}</h1>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Err(error) => view! { <Refusal error /> }.into_any(),
                        Ok(entries) => {
                            let older = (entries.len() == 100).then(|| entries.last().map(|e| e.id)).flatten();
                            let headers = ["audit-when", "audit-who", "audit-what", "audit-target", "audit-detail"].map(t).to_vec();
                            view! {
                                <DataTable caption=t("admin-audit-title") headers>
                                            {entries.into_iter().map(|entry| view! {
                                                <tr>
                                                    <td>{format_date(locale, entry.at)}</td>
                                                    <td>{entry.actor_name.clone().unwrap_or_else(|| "—".into())}</td>
                                                    <td><code>{entry.action.clone()}</code></td>
                                                    <td>{format!("{} {}", entry.target_type, entry.target_id.map(|i| i.to_string()).unwrap_or_default())}</td>
                                                    <td>{entry.detail.clone()}</td>
                                                </tr>
                                            }).collect_view()}
                                </DataTable>
                                <OlderLink href=older.map(|id| format!("/admin/audit?before={id}")) />
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
