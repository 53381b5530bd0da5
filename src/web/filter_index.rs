//! The filters of a project list that spans pages. The chips of page 1 cannot filter stories
//! that are on page 7, so such a list writes `filter-index.json` beside it: for every value of
//! every filter group (district, topics, year, a site's own taxonomies), the stories that have
//! it, as their places in the list (gap-coded, like the search index). `js/filter.js` fetches it
//! the first time a reader uses a filter, intersects the choices, and fetches the list pages that
//! hold the stories to show; without JavaScript the chips stay links to the term pages.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

/// The file's name, inside the list's folder (`kk/projects/filter-index.json`).
pub(crate) const FILE: &str = "filter-index.json";

#[derive(Serialize)]
struct Index {
    /// Stories in the list, and how many each page shows: story `n` is the `n % size`-th card
    /// of page `n / size + 1`.
    total: usize,
    size: usize,
    /// Group → value → the stories' places, each after the first as the gap from the one before.
    groups: BTreeMap<String, BTreeMap<String, Vec<usize>>>,
}

/// The index of the list whose cards (in list order) are `cards`, `size` a page.
pub(crate) fn json(cards: &[Value], size: usize) -> String {
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (place, card) in cards.iter().enumerate() {
        for (group, value) in memberships(card) {
            groups
                .entry(group)
                .or_default()
                .entry(value)
                .or_default()
                .push(place);
        }
    }
    for places in groups.values_mut().flat_map(BTreeMap::values_mut) {
        *places = super::search::gaps(places);
    }
    let index = Index {
        total: cards.len(),
        size,
        groups,
    };
    // Plain strings and numbers always serialise.
    serde_json::to_string(&index).unwrap_or_default()
}

/// The (group, value) pairs of one card: what its `data-*` attributes say in the page.
fn memberships(card: &Value) -> Vec<(String, String)> {
    let text = |path: &str| {
        card.get_from_path(path)
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.as_i64().map(|n| n.to_string()))
            })
            .unwrap_or_default()
    };
    let mut found = Vec::new();
    let mut add = |group: &str, values: &str| {
        for value in values.split_whitespace() {
            found.push((group.to_string(), value.to_string()));
        }
    };
    add("district", &text("district.key"));
    add("topics", &text("topic_keys"));
    add("year", &text("year"));
    for group in card
        .get_from_path("terms")
        .and_then(Value::as_array)
        .unwrap_or_default()
    {
        let field = |name: &str| {
            group
                .get_from_path(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        add(&field("key"), &field("keys"));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(district: &str, topics: &str, year: i64) -> Value {
        let mut map = tera::Map::new();
        let mut d = tera::Map::new();
        d.insert("key".into(), Value::from(district));
        map.insert("district".into(), Value::from(d));
        map.insert("topic_keys".into(), Value::from(topics));
        map.insert("year".into(), Value::from(year));
        Value::from(map)
    }

    #[test]
    fn each_value_lists_its_stories_as_gaps_in_list_order() {
        let cards = [
            card("balkhash", "sport children", 2023),
            card("zhambyl", "sport", 2023),
            card("balkhash", "", 2017),
            card("balkhash", "children", 2017),
        ];
        let index: serde_json::Value = serde_json::from_str(&json(&cards, 24)).expect("json");
        assert_eq!(index["total"], 4);
        assert_eq!(index["size"], 24);
        assert_eq!(
            index["groups"]["district"]["balkhash"],
            serde_json::json!([0, 2, 1])
        );
        assert_eq!(
            index["groups"]["district"]["zhambyl"],
            serde_json::json!([1])
        );
        assert_eq!(
            index["groups"]["topics"]["children"],
            serde_json::json!([0, 3])
        );
        assert_eq!(index["groups"]["year"]["2017"], serde_json::json!([2, 1]));
    }
}
