//! Knuth–Plass over hand-made item lists: fitness, forced and flagged breaks, overfull lines.

use super::*;

const SPACE: Item = Item::Glue {
    width: 5.0,
    stretch: 3.0,
    shrink: 2.0,
};

/// TeX's hyphen penalty: these item lists test the algorithm, whose behaviour must not shift
/// when the production cost (`HYPHEN_PENALTY`) is tuned for our fonts.
const TEX_HYPHEN_PENALTY: f32 = 50.0;

/// A hyphenation point with TeX's penalty and a hyphen `width` wide.
fn hyphen(width: f32) -> Item {
    Item::Penalty {
        width,
        penalty: TEX_HYPHEN_PENALTY,
        flagged: true,
    }
}

fn word(width: f32) -> Item {
    Item::Box { width }
}

/// Words separated by `SPACE`, ended as a paragraph.
fn paragraph(widths: &[f32]) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            items.push(SPACE);
        }
        items.push(word(w));
    }
    items.extend(Item::paragraph_end());
    items
}

/// Natural width and total shrink of a line's content, including a break penalty's width.
fn measure(items: &[Item], line: &Line) -> (f32, f32) {
    let mut natural = 0.0;
    let mut shrink = 0.0;
    for item in &items[line.start..line.end] {
        match *item {
            Item::Box { width } => natural += width,
            Item::Glue {
                width, shrink: s, ..
            } => {
                natural += width;
                shrink += s;
            }
            Item::Penalty { .. } => {}
        }
    }
    if let Some(Item::Penalty { width, .. }) = items.get(line.end) {
        natural += width;
    }
    (natural, shrink)
}

fn assert_not_overfull(items: &[Item], lines: &[Line], width: f32) {
    for line in lines {
        let (natural, shrink) = measure(items, line);
        assert!(
            natural - shrink <= width + 1e-3,
            "overfull {line:?}: {natural} - {shrink}"
        );
    }
}

/// Deterministic word widths between 10 and 60.
fn pseudo_random_widths(count: usize) -> Vec<f32> {
    let mut state: u32 = 12345;
    (0..count)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            10.0 + ((state >> 16) % 51) as f32
        })
        .collect()
}

#[test]
fn fixed_width_words_break_into_the_expected_lines() {
    // Three words take 40 of 45 (ratio 5/6); four would need 55 - 6 > 45.
    let items = paragraph(&[10.0; 10]);
    let lines = break_lines(&items, &Params::new(45.0));
    let bounds: Vec<(usize, usize)> = lines.iter().map(|l| (l.start, l.end)).collect();
    let last_break = items.len() - 1;
    assert_eq!(bounds, vec![(0, 5), (6, 11), (12, 17), (18, last_break)]);
    for line in &lines[..3] {
        assert!((line.ratio - 5.0 / 6.0).abs() < 1e-5, "{line:?}");
    }
    assert_eq!(lines[3].ratio, 0.0);
}

#[test]
fn lines_are_never_overfull() {
    let items = paragraph(&pseudo_random_widths(300));
    let lines = break_lines(&items, &Params::new(200.0));
    assert!(lines.len() > 20);
    assert_not_overfull(&items, &lines, 200.0);
    assert!(lines.iter().all(|l| l.ratio >= -1.0 && l.ratio.is_finite()));
}

fn words_per_line(items: &[Item], lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .map(|l| {
            items[l.start..l.end]
                .iter()
                .filter(|i| matches!(i, Item::Box { .. }))
                .count()
        })
        .collect()
}

#[test]
fn total_fit_gives_up_a_full_first_line_for_a_better_second() {
    // First fit squeezes four words into line 1 (ratio -1) and leaves line 2 at ratio 2.3;
    // the optimum sets 3 + 4 words at ratios 1.5 and -0.5.
    let items = paragraph(&[10.0, 20.0, 25.0, 10.0, 25.0, 15.0, 10.0, 25.0]);
    let lines = break_lines(&items, &Params::new(74.0));
    assert_eq!(words_per_line(&items, &lines), vec![3, 4, 1]);
}

#[test]
fn forced_break_is_honoured() {
    let mut items = paragraph(&[10.0, 10.0]);
    let tail = items.split_off(3); // [word, space, word] + end
    items.extend([Item::Glue {
        width: 0.0,
        stretch: FIL,
        shrink: 0.0,
    }]);
    items.push(Item::Penalty {
        width: 0.0,
        penalty: -INFINITE_PENALTY,
        flagged: false,
    });
    let forced_at = items.len() - 1;
    items.push(word(10.0));
    items.extend(tail.into_iter().skip(1));
    let lines = break_lines(&items, &Params::new(100.0));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].end, forced_at);
    assert_eq!(lines[1].start, forced_at + 1);
}

#[test]
fn consecutive_forced_breaks_give_an_empty_line() {
    let forced = Item::Penalty {
        width: 0.0,
        penalty: -INFINITE_PENALTY,
        flagged: false,
    };
    let items = vec![word(10.0), forced, forced, word(10.0), forced];
    let lines = break_lines(&items, &Params::new(100.0));
    let bounds: Vec<(usize, usize)> = lines.iter().map(|l| (l.start, l.end)).collect();
    assert_eq!(bounds, vec![(0, 1), (2, 2), (3, 4)]);
}

/// `before` 30-wide words, a 40-wide word split 20|20 with a hyphen point, a `last` word.
fn with_hyphenated_word(_params: &Params, before: usize, last: f32) -> Vec<Item> {
    let mut items = Vec::new();
    for _ in 0..before {
        items.extend([word(30.0), SPACE]);
    }
    items.extend([word(20.0), hyphen(4.0), word(20.0), SPACE, word(last)]);
    items.extend(Item::paragraph_end());
    items
}

#[test]
fn hyphenation_is_not_used_when_lines_fit_without_it() {
    // [30 30] and [2020 20] both fill 65 exactly.
    let params = Params::new(65.0);
    let items = with_hyphenated_word(&params, 2, 20.0);
    let lines = break_lines(&items, &params);
    assert!(lines.iter().all(|l| !l.hyphenated), "{lines:?}");
}

#[test]
fn hyphenation_is_used_when_it_avoids_a_loose_line() {
    // 30 + 5 + 20 + hyphen 4 = 59 of 60; without the hyphen the first line is a lone
    // word at ratio 10 or the whole word overflows.
    let params = Params::new(60.0);
    let items = with_hyphenated_word(&params, 1, 30.0);
    let lines = break_lines(&items, &params);
    assert!(lines[0].hyphenated, "{lines:?}");
    assert_eq!(lines[0].end, 3);
}

/// Line 1 must end in a hyphen; line 2 either ends in a second hyphen at ratio 0, or at a
/// space at ratio 0.8 (demerits 2600 + flagged against 3745).
fn two_possible_hyphens(_params: &Params) -> Vec<Item> {
    let space = Item::Glue {
        width: 5.0,
        stretch: 10.0,
        shrink: 2.0,
    };
    let mut items = vec![word(40.0), space, word(50.0), hyphen(5.0), word(30.0)];
    for w in [10.0, 10.0, 11.0] {
        items.extend([space, word(w)]);
    }
    items.extend([
        space,
        word(14.0),
        hyphen(5.0),
        word(20.0),
        space,
        word(20.0),
    ]);
    items.extend(Item::paragraph_end());
    items
}

#[test]
fn consecutive_hyphens_are_avoided_when_a_similar_line_exists() {
    let params = Params::new(100.0);
    let lines = break_lines(&two_possible_hyphens(&params), &params);
    let hyphenated: Vec<bool> = lines.iter().map(|l| l.hyphenated).collect();
    assert_eq!(hyphenated, vec![true, false, false]);
    assert!((lines[1].ratio - 0.8).abs() < 1e-5);

    let careless = Params {
        flagged_demerits: 0.0,
        ..Params::new(100.0)
    };
    let lines = break_lines(&two_possible_hyphens(&careless), &careless);
    let hyphenated: Vec<bool> = lines.iter().map(|l| l.hyphenated).collect();
    assert_eq!(hyphenated, vec![true, true, false]);
}

#[test]
fn a_box_wider_than_the_line_overfills_only_its_own_line() {
    let items = paragraph(&[20.0, 20.0, 150.0, 20.0, 20.0]);
    let lines = break_lines(&items, &Params::new(100.0));
    let overfull: Vec<&Line> = lines
        .iter()
        .filter(|l| {
            let (natural, shrink) = measure(&items, l);
            natural - shrink > 100.0
        })
        .collect();
    assert_eq!(overfull.len(), 1, "{lines:?}");
    assert_eq!(items[overfull[0].start..overfull[0].end], [word(150.0)]);
}

#[test]
fn emergency_pass_sets_loose_lines_rather_than_overfull_ones() {
    // Rigid spaces: no line can reach the width, so only the emergency pass succeeds.
    let rigid = Item::Glue {
        width: 5.0,
        stretch: 0.0,
        shrink: 0.0,
    };
    let mut items = Vec::new();
    for i in 0..12 {
        if i > 0 {
            items.push(rigid);
        }
        items.push(word(30.0));
    }
    items.extend(Item::paragraph_end());
    let lines = break_lines(&items, &Params::new(100.0));
    assert_eq!(lines.len(), 4);
    assert_not_overfull(&items, &lines, 100.0);
}

#[test]
fn ragged_right_never_stretches_and_fits_every_line() {
    let items = paragraph(&pseudo_random_widths(200));
    let params = Params {
        justify: false,
        ..Params::new(180.0)
    };
    let lines = break_lines(&items, &params);
    assert!(lines.iter().all(|l| l.ratio == 0.0));
    for line in &lines {
        let (natural, _) = measure(&items, line);
        assert!(natural <= 180.0, "{line:?} is {natural} wide");
    }
}

#[test]
fn ragged_right_evens_out_line_ends() {
    // First fit: [40 40 10] = 100, then [30 40] = 75 short by 25; even: 85, 90, last 30.
    let items = paragraph(&[40.0, 40.0, 10.0, 30.0, 40.0, 30.0]);
    let params = Params {
        justify: false,
        ..Params::new(100.0)
    };
    let lines = break_lines(&items, &params);
    let natural: Vec<f32> = lines.iter().map(|l| measure(&items, l).0).collect();
    assert_eq!(natural, vec![85.0, 90.0, 30.0]);
}

#[test]
fn variable_line_widths_are_respected() {
    let items = paragraph(&[10.0; 12]);
    let params = Params {
        line_width: Box::new(|i| if i == 0 { 30.0 } else { 45.0 }),
        ..Params::new(0.0)
    };
    let lines = break_lines(&items, &params);
    assert_eq!(words_per_line(&items, &lines), vec![2, 3, 3, 3, 1]);
}

#[test]
fn missing_paragraph_end_still_breaks_at_the_end() {
    let items = vec![word(10.0), SPACE, word(10.0)];
    let lines = break_lines(&items, &Params::new(100.0));
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].start, lines[0].end), (0, 3));
    assert!(break_lines(&[], &Params::new(100.0)).is_empty());
}

#[test]
fn nonsense_numbers_do_not_panic() {
    let items = vec![
        word(f32::NAN),
        SPACE,
        word(f32::INFINITY),
        SPACE,
        word(-5.0),
    ];
    let params = Params::new(f32::NAN);
    assert!(!break_lines(&items, &params).is_empty());
}

#[test]
fn long_paragraph_breaks_quickly() {
    let widths = pseudo_random_widths(2000);
    let params = Params::new(300.0);
    let mut items = Vec::new();
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            items.push(SPACE);
        }
        // Every word gets a hyphenation point, as long Kazakh words do.
        items.extend([word(w / 2.0), hyphen(3.0), word(w / 2.0)]);
    }
    items.extend(Item::paragraph_end());
    let started = std::time::Instant::now();
    let lines = break_lines(&items, &params);
    println!(
        "2000 words, {} lines in {:?}",
        lines.len(),
        started.elapsed()
    );
    assert_not_overfull(&items, &lines, 300.0);
}
