//! Charts drawn on the server as inline SVG: no script, no inline style (the Content
//! Security Policy forbids both), colours from the stylesheet by class. Each chart is an
//! image with a text summary; the figures themselves go in a table beside it.

use leptos::prelude::*;

/// One series of a chart: its name (for the legend) and the class that colours it.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub class: &'static str,
}

/// The width of every chart's coordinate system; charts scale to their container.
const WIDTH: i64 = 360;

/// Bar lengths in chart units for `values`, the longest filling `span`.
fn scaled(values: &[i64], max: i64, span: i64) -> Vec<i64> {
    values
        .iter()
        .map(|v| if max <= 0 { 0 } else { (v.max(&0) * span) / max })
        .collect()
}

/// A legend in HTML, so that it reads at any width.
#[component]
pub fn Legend(series: Vec<Series>) -> impl IntoView {
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {series.into_iter().map(|s| view! {
                <li><span class=format!("swatch {}", s.class)></span>{s.name}</li>
            }).collect_view()}
        </ul>
    }
}

/// Horizontal bars: for each row its label, then one bar per series with its value.
#[component]
pub fn BarRows(
    /// What the chart shows, for screen readers (the table has the figures).
    #[prop(into)]
    summary: String,
    rows: Vec<(String, Vec<i64>)>,
    series: Vec<Series>,
) -> impl IntoView {
    const LABEL: i64 = 22;
    const BAR: i64 = 14;
    const GAP: i64 = 10;
    let per_row = LABEL + BAR * series.len() as i64 + GAP;
    let height = per_row * rows.len() as i64 + 4;
    let max = rows.iter().flat_map(|(_, v)| v.iter().copied()).max().unwrap_or(0);
    // Room at the end of the longest bar for its value.
    let span = WIDTH - 40;
    let classes: Vec<&'static str> = series.iter().map(|s| s.class).collect();
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, values))| {
            let top = i as i64 * per_row;
            let lengths = scaled(&values, max, span);
            let bars = values
                .iter()
                .zip(lengths)
                .enumerate()
                .map(|(s, (value, length))| {
                    let y = top + LABEL + s as i64 * BAR;
                    let class = classes.get(s).copied().unwrap_or_default();
                    view! {
                        <rect x="0" y=y + 1 width=length.max(1) height=BAR - 2 class=class />
                        <text x=length + 4 y=y + BAR - 3 class="chart-value">{*value}</text>
                    }
                })
                .collect_view();
            view! {
                <text x="0" y=top + LABEL - 6 class="chart-label">{label}</text>
                {bars}
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary
            xmlns="http://www.w3.org/2000/svg">
            {bars}
        </svg>
        <Legend series />
    }
}

/// Stacked columns: one per period, one segment per series, labelled underneath on two
/// lines (month and year keep apart on a phone; leave the second empty to lighten it).
#[component]
pub fn StackedColumns(
    #[prop(into)] summary: String,
    columns: Vec<([String; 2], Vec<i64>)>,
    series: Vec<Series>,
) -> impl IntoView {
    const PLOT: i64 = 150;
    const TOP: i64 = 18;
    const AXIS: i64 = 32;
    let count = columns.len().max(1) as i64;
    let slot = WIDTH / count;
    let bar = (slot * 2) / 3;
    let max = columns.iter().map(|(_, v)| v.iter().sum::<i64>()).max().unwrap_or(0);
    let classes: Vec<&'static str> = series.iter().map(|s| s.class).collect();
    let baseline = TOP + PLOT;
    let columns = columns
        .into_iter()
        .enumerate()
        .map(|(i, ([first, second], values))| {
            let x = i as i64 * slot + (slot - bar) / 2;
            let total: i64 = values.iter().sum();
            let mut y = baseline;
            let segments = scaled(&values, max, PLOT)
                .into_iter()
                .enumerate()
                .filter(|(_, h)| *h > 0)
                .map(|(s, h)| {
                    y -= h;
                    let class = classes.get(s).copied().unwrap_or_default();
                    view! { <rect x=x y=y width=bar height=h class=class /> }
                })
                .collect_view();
            let top = baseline - scaled(&[total], max, PLOT)[0];
            let centre = x + bar / 2;
            view! {
                {segments}
                <text x=centre y=top - 3 class="chart-value" text-anchor="middle">{total}</text>
                <text x=centre y=baseline + 13 class="chart-axis" text-anchor="middle">{first}</text>
                <text x=centre y=baseline + 27 class="chart-axis" text-anchor="middle">{second}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {}", baseline + AXIS) role="img" aria-label=summary
            xmlns="http://www.w3.org/2000/svg">
            <line x1="0" y1=baseline x2=WIDTH y2=baseline class="chart-baseline" />
            {columns}
        </svg>
        <Legend series />
    }
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn the_longest_bar_fills_the_span_and_the_others_are_in_proportion() {
        assert_eq!(scaled(&[10, 5, 0], 10, 300), [300, 150, 0]);
    }

    #[test]
    fn an_empty_chart_draws_no_bars() {
        assert_eq!(scaled(&[0, 0], 0, 300), [0, 0]);
    }
}
