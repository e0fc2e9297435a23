use super::api::recent_audit;
use super::model::{AuditFilter, ACTIONS};
use crate::accounts::parts::AdminNav;
use crate::i18n::{format_date, iso_date, t, t_count, use_locale};
use crate::ui::{DataTable, Loader, OlderLink};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The append-only log, filtered by who, what and when (a GET form: filters are in the
/// address, so they can be shared and work without JavaScript).
#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        AuditFilter::parse(
            q.get("actor").as_deref(),
            q.get("action").as_deref(),
            q.get("from").as_deref(),
            q.get("to").as_deref(),
        )
    };
    let entries = Resource::new(
        move || (query.read().get("before").and_then(|b| b.parse::<i64>().ok()), filter()),
        |(before, f)| recent_audit(before, f.actor, f.action, f.from.map(iso_date), f.to.map(iso_date)),
    );
    view! {
        <Title text=t("admin-audit-title") />
        <section class="container">
            <AdminNav />
            <h1>{t("admin-audit-title")}</h1>
            <Loader resource=entries let:entries>
                {
                    let f = filter();
                    let form = view! {
                        <form method="get" action="/admin/audit" class="filter-bar" aria-label=t("audit-filters")>
                            <div class="filter">
                                <label for="audit-actor">{t("audit-who")}</label>
                                <input id="audit-actor" type="text" name="actor" maxlength="254"
                                    value=f.actor.clone().unwrap_or_default() placeholder=t("audit-actor-placeholder") />
                            </div>
                            <div class="filter">
                                <label for="audit-action">{t("audit-what")}</label>
                                <select id="audit-action" name="action">
                                    <option value="">{t("audit-all-actions")}</option>
                                    {ACTIONS.iter().map(|action| view! {
                                        <option value=*action selected=f.action.as_deref() == Some(*action)>{*action}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="filter">
                                <label for="audit-from">{t("audit-from")}</label>
                                <input id="audit-from" type="date" name="from" value=f.from.map(iso_date).unwrap_or_default() />
                            </div>
                            <div class="filter">
                                <label for="audit-to">{t("audit-to")}</label>
                                <input id="audit-to" type="date" name="to" value=f.to.map(iso_date).unwrap_or_default() />
                            </div>
                            <button type="submit" class="button button-small">{t("admin-filter")}</button>
                        </form>
                    };
                        {
                            let page_full = entries.len() as i64 == super::PAGE_SIZE;
                            let older = page_full.then(|| entries.last().map(|e| e.id)).flatten();
                            let filters = f.to_query();
                            let older = older.map(|id| {
                                let join = if filters.is_empty() { String::new() } else { format!("&{filters}") };
                                format!("/admin/audit?before={id}{join}")
                            });
                            let empty = entries.is_empty();
                            let headers = ["audit-when", "audit-who", "audit-what", "audit-target", "audit-detail"].map(t).to_vec();
                            view! {
                                {form}
                                {empty.then(|| view! { <div class="empty-state"><p>{t("audit-empty")}</p></div> })}
                                <DataTable caption=t("admin-audit-title") headers>
                                    {entries.into_iter().map(|entry| view! {
                                        <tr>
                                            <td>{format_date(locale, entry.at)}</td>
                                            <td>{entry.actor_name.clone().unwrap_or_else(|| "—".into())}</td>
                                            <td><code>{entry.action.clone()}</code></td>
                                            <td>{format!("{} {}", entry.target_type, entry.target_id.map(|i| i.to_string()).unwrap_or_default())}</td>
                                            <td>
                                                {entry.detail.clone()}
                                                {(entry.repeats > 1).then(|| view! { " " <span class="muted">{t_count("audit-repeats", entry.repeats)}</span> })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </DataTable>
                                <OlderLink href=older />
                            }
                        }
                }
            </Loader>
        </section>
    }
}
