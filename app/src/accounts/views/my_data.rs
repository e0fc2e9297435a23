//! Everything Agora stores about the signed-in account, readable, with the same data
//! as a JSON file to take elsewhere.

use super::*;
use serde_json::Value;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_data());
    view! {
        <Title text=t("my-data-title") />
        <section class="container">
            <h1>{t("my-data-title")}</h1>
            <p class="lead">{t("my-data-lead")}</p>
            <p>
                <a href="/profile/data.json" class="button" download="agora-my-data.json">{t("my-data-download")}</a>
            </p>
            <Loader resource=data let:sections>
                {sections
                    .0
                    .into_iter()
                    .map(|(name, rows)| view! { <DataSection name rows /> })
                    .collect_view()}
            </Loader>
        </section>
    }
}

#[component]
fn DataSection(name: String, rows: Vec<Value>) -> impl IntoView {
    let locale = use_locale();
    let id = format!("data-{}", name.replace('_', "-"));
    let heading = t(&format!("my-data-{}", name.replace('_', "-")));
    let columns: Vec<String> = match rows.first() {
        Some(Value::Object(first)) => first.keys().cloned().collect(),
        _ => vec![],
    };
    let count = rows.len();
    // Wide tables scroll on their own; the keyboard reaches the scrolling region too.
    let label = id.clone();
    let table = (count > 0).then(|| {
        let head = columns.clone();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=label>
                <table class="data-table">
                    <thead><tr>{head.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let cells = columns
                                    .iter()
                                    .map(|c| {
                                        let text = match row.get(c) {
                                            // Times are stored in unix milliseconds.
                                            Some(Value::Number(n)) if c == "at" || c.ends_with("_at") => n
                                                .as_i64()
                                                .map(|ms| format!("{} {}", format_date(locale, ms), crate::i18n::utc_time(ms)))
                                                .unwrap_or_else(|| n.to_string()),
                                            Some(Value::String(s)) => s.clone(),
                                            Some(Value::Null) | None => String::new(),
                                            Some(other) => other.to_string(),
                                        };
                                        view! { <td>{text}</td> }
                                    })
                                    .collect_view();
                                view! { <tr>{cells}</tr> }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        <section class="data-section" aria-labelledby=id>
            <h2 id=id.clone()>{heading} " " <span class="muted">"(" {count} ")"</span></h2>
            {table}
        </section>
    }
}
