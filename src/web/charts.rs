//! Horizontal bar charts as inline SVG, made at build time (no JavaScript). Each row is a label
//! above its bar with the value after the bar's end. Lengths are percentages of the chart's
//! width and text sizes are CSS pixels, so the chart fills a phone or a desktop column without
//! shrinking its text. The theme's CSS may restyle the classes; the attributes are fallbacks in
//! the default theme's colours.

use crate::markup::escape;
use std::fmt::Write as _;

/// One bar: its label (plain text) and value, with the value as written in the page language.
pub(crate) struct Bar {
    pub label: String,
    pub value: u64,
    pub display: String,
}

/// A chart to draw. `title` and `desc` become the SVG's accessible name and description.
pub(crate) struct BarChart<'a> {
    /// Unique on the page; used for the ids of `<title>` and `<desc>`.
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub bars: &'a [Bar],
}

/// The longest bar, as a share of the width: the rest is room for the value after it.
const LONGEST: f64 = 80.0;
/// Vertical layout of a row, in CSS pixels.
const ROW: u32 = 52;
const LABEL_BASELINE: u32 = 17;
const BAR_TOP: u32 = 25;
const BAR_HEIGHT: u32 = 18;
/// Default fills: the theme's brand teal (9.9:1 on white) and ink for text.
const BAR_FILL: &str = "#0a4a58";
const TEXT_FILL: &str = "#14242b";

/// The bar's length in percent of the chart width, proportional to `value / max`.
pub(crate) fn bar_length(value: u64, max: u64) -> f64 {
    if max == 0 {
        return 0.0;
    }
    LONGEST * value as f64 / max as f64
}

/// The chart as an `<svg>` element, ready to insert into HTML.
pub(crate) fn render(chart: &BarChart) -> String {
    let max = chart.bars.iter().map(|b| b.value).max().unwrap_or(0);
    let rows = u32::try_from(chart.bars.len()).unwrap_or(u32::MAX);
    let height = rows.saturating_mul(ROW).max(ROW / 2);
    let id = escape(chart.id);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" height=\"{height}\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(chart.desc)
    );
    for (row, bar) in (0u32..).zip(chart.bars) {
        let top = row.saturating_mul(ROW);
        let length = bar_length(bar.value, max);
        let _ = write!(
            svg,
            "<g class=\"chart__row\"><text class=\"chart__label\" x=\"0\" y=\"{}\" fill=\"{TEXT_FILL}\">{}</text>",
            top + LABEL_BASELINE,
            escape(&bar.label)
        );
        if bar.value > 0 {
            let _ = write!(
                svg,
                "<rect class=\"chart__bar\" x=\"0\" y=\"{}\" width=\"{}%\" height=\"{BAR_HEIGHT}\" rx=\"3\" fill=\"{BAR_FILL}\"/>",
                top + BAR_TOP,
                percent(length)
            );
        }
        let _ = write!(
            svg,
            "<text class=\"chart__value\" x=\"{}%\" dx=\"{}\" y=\"{}\" fill=\"{TEXT_FILL}\">{}</text></g>",
            percent(length),
            if bar.value > 0 { 8 } else { 0 },
            top + BAR_TOP + BAR_HEIGHT - 4,
            escape(&bar.display)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A percentage with at most two decimals and no trailing zeros: `40`, `33.33`.
fn percent(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: u64) -> Bar {
        Bar {
            label: label.into(),
            value,
            display: value.to_string(),
        }
    }

    fn widths(svg: &str) -> Vec<f64> {
        svg.split("class=\"chart__bar\"")
            .skip(1)
            .filter_map(|rest| rest.split("width=\"").nth(1))
            .filter_map(|rest| rest.split('%').next())
            .filter_map(|n| n.parse().ok())
            .collect()
    }

    fn chart(bars: &[Bar]) -> String {
        render(&BarChart {
            id: "c",
            title: "Projects",
            desc: "by district",
            bars,
        })
    }

    #[test]
    fn bar_lengths_are_proportional_to_values() {
        let svg = chart(&[bar("a", 10), bar("b", 5), bar("c", 2)]);
        assert_eq!(widths(&svg), [80.0, 40.0, 16.0]);
        assert!((bar_length(1, 3) - 26.666).abs() < 0.01);
        assert_eq!(percent(bar_length(1, 3)), "26.67");
    }

    #[test]
    fn zero_values_draw_no_bar_but_keep_their_label_and_value() {
        let svg = chart(&[bar("a", 4), bar("none", 0)]);
        assert_eq!(widths(&svg), [80.0]);
        assert!(svg.contains(">none</text>"));
        assert_eq!(svg.matches("class=\"chart__value\"").count(), 2);
        let all_zero = chart(&[bar("a", 0), bar("b", 0)]);
        assert!(widths(&all_zero).is_empty());
        assert!(!all_zero.contains("NaN") && !all_zero.contains("inf"));
        assert!(chart(&[]).starts_with("<svg"));
    }

    #[test]
    fn labels_title_and_description_are_escaped() {
        let svg = render(&BarChart {
            id: "x\"y",
            title: "<b>&",
            desc: "</desc><script>",
            bars: &[bar("A & B <i>", 1)],
        });
        assert!(svg.contains("<title id=\"x&quot;y-title\">&lt;b&gt;&amp;</title>"));
        assert!(svg.contains("&lt;/desc&gt;&lt;script&gt;"));
        assert!(svg.contains(">A &amp; B &lt;i&gt;</text>"));
        assert!(!svg.contains("<script") && !svg.contains("<i>"));
    }

    #[test]
    fn the_chart_is_an_image_named_by_its_title_and_described() {
        let svg = chart(&[bar("a", 1)]);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"c-title\""));
        assert!(svg.contains("aria-describedby=\"c-desc\""));
        assert!(svg.contains("<title id=\"c-title\">Projects</title>"));
        assert!(svg.contains("<desc id=\"c-desc\">by district</desc>"));
        assert!(svg.contains("height=\"52\""));
    }
}
