//! Knuth–Plass total-fit line breaking over abstract boxes, glue and penalties: the breaks of
//! a whole paragraph are chosen together, minimizing the sum of the lines' demerits.

use std::ops::Sub;

/// One element of a paragraph, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Unbreakable material (a word or word fragment).
    Box { width: f32 },
    /// Space that can stretch and shrink; a legal break when it follows a box.
    Glue {
        width: f32,
        stretch: f32,
        shrink: f32,
    },
    /// A possible break costing `penalty` (>= 10 000 forbids, <= -10 000 forces a break);
    /// `width` is typeset only when breaking here (a hyphen); `flagged` marks hyphenation.
    Penalty {
        width: f32,
        penalty: f32,
        flagged: bool,
    },
}

/// A penalty at or above this forbids the break; its negation forces one.
pub const INFINITE_PENALTY: f32 = 10_000.0;
/// Stretch at or above this (10 000 pt, or `f32::INFINITY`) is infinite, TeX's `fil`: a line
/// containing it is never stretched by its finite glue and costs nothing however short it is.
pub const FIL: f32 = 1.0e4;

impl Item {
    /// The items that end every paragraph: no break before the fill, the fill, a forced break.
    pub fn paragraph_end() -> [Item; 3] {
        [
            Item::Penalty {
                width: 0.0,
                penalty: INFINITE_PENALTY,
                flagged: false,
            },
            Item::Glue {
                width: 0.0,
                stretch: FIL,
                shrink: 0.0,
            },
            Item::Penalty {
                width: 0.0,
                penalty: -INFINITE_PENALTY,
                flagged: false,
            },
        ]
    }
}

/// How the breaker judges lines.
pub struct Params {
    /// Width available for line number i (0-based).
    pub line_width: Box<dyn Fn(usize) -> f32>,
    /// Max adjustment ratio considered in the first pass, e.g. 2.0.
    pub tolerance: f32,
    /// The penalty put on hyphenation points by [`Params::hyphen`], e.g. 50.
    pub hyphen_penalty: f32,
    /// Added when two hyphenated lines follow each other, e.g. 3000.
    pub flagged_demerits: f32,
    /// Added when adjacent lines differ by more than one fitness class, e.g. 100.
    pub fitness_demerits: f32,
    /// false = ragged right: lines are set at natural width, breaks still optimize raggedness.
    pub justify: bool,
}

impl Params {
    /// Justified lines of one width with the usual TeX-like costs.
    pub fn new(width: f32) -> Params {
        Params {
            line_width: Box::new(move |_| width),
            tolerance: 2.0,
            hyphen_penalty: 50.0,
            flagged_demerits: 3000.0,
            fitness_demerits: 100.0,
            justify: true,
        }
    }

    /// A hyphenation point whose hyphen is `hyphen_width` wide.
    pub fn hyphen(&self, hyphen_width: f32) -> Item {
        Item::Penalty {
            width: hyphen_width,
            penalty: self.hyphen_penalty,
            flagged: true,
        }
    }
}

/// One line of the chosen breaking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// First item of the line's content: glue and penalties after the previous break are
    /// discarded, as TeX does (the first line starts at 0). `start == end` for an empty line.
    pub start: usize,
    /// Index of the break item (exclusive for content; a penalty's width is typeset).
    pub end: usize,
    /// Glue set ratio: stretch each glue by `stretch * ratio` when positive, shrink by
    /// `shrink * ratio` when negative. Always in [-1, ∞) and finite; 0 for ragged lines, for
    /// lines with fill glue and for underfull lines without stretch.
    pub ratio: f32,
    /// The line ends at a flagged penalty (a hyphen).
    pub hyphenated: bool,
}

/// Breaks a paragraph into lines. Always returns a breaking (empty for no items); a line is
/// overfull (natural width minus total shrink above its width) only when a single box is
/// itself wider than the line.
///
/// The caller ends the paragraph with [`Item::paragraph_end`] (a no-break penalty, a fill
/// glue and a forced break, as TeX adds at `\par`); the fill is what lets the last line be
/// set at its natural width. Items that do not end in a forced break get an implicit one
/// after the last item (`end == items.len()`). A forced break inside the paragraph (a hard
/// line break) should follow a fill glue too, or the line before it is justified.
///
/// Passes: the given tolerance, then tolerance 10, then an emergency pass where lines may be
/// arbitrarily loose but never overfull unless nothing else is possible.
pub fn break_lines(items: &[Item], params: &Params) -> Vec<Line> {
    if items.is_empty() {
        return Vec::new();
    }
    let breaker = Breaker::new(items, params);
    let tolerance = f64::from(params.tolerance);
    let mut passes = vec![Pass::Tolerance(tolerance)];
    if tolerance < SECOND_PASS_TOLERANCE {
        passes.push(Pass::Tolerance(SECOND_PASS_TOLERANCE));
    }
    passes.push(Pass::Emergency);
    passes
        .into_iter()
        .find_map(|pass| breaker.run(pass))
        .unwrap_or_else(|| breaker.single_line())
}

const SECOND_PASS_TOLERANCE: f64 = 10.0;
/// TeX's `\linepenalty`: every line costs something, so fewer lines are preferred.
const LINE_PENALTY: f64 = 10.0;
/// Badness of a line that cannot reach its width (no stretch) or is forced overfull; far
/// above any line a tolerance admits, so such lines are chosen only when nothing else works.
const MAX_BADNESS: f64 = 1.0e12;
/// Ragged right: every line gets this fraction of its width as its only stretch, like TeX's
/// `\rightskip 0pt plus 2em` (2 em is about a tenth of a typical measure). The interword glue
/// then never stretches or shrinks, and a line's badness grows with the cube of its leftover
/// space, so the breaker evens out line ends (more steeply than a sum of squares would).
const RAGGED_STRETCH: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Pass {
    Tolerance(f64),
    Emergency,
}

impl Pass {
    /// Whether a line with this (not overfull) adjustment ratio is acceptable.
    fn admits(self, ratio: f64) -> bool {
        match self {
            Pass::Tolerance(tolerance) => ratio <= tolerance,
            Pass::Emergency => true,
        }
    }
}

/// Running sums of widths, finite stretch, infinite (fill) glues and shrink.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    width: f64,
    stretch: f64,
    fil: u32,
    shrink: f64,
}

impl Sub for Totals {
    type Output = Totals;
    fn sub(self, rhs: Totals) -> Totals {
        Totals {
            width: self.width - rhs.width,
            stretch: self.stretch - rhs.stretch,
            fil: self.fil.saturating_sub(rhs.fil),
            shrink: self.shrink - rhs.shrink,
        }
    }
}

/// A feasible break: where it is and the best way found to reach it.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The break item (meaningless for the paragraph start).
    position: usize,
    /// First content item after discarding glue and penalties that follow the break.
    content_start: usize,
    /// The number of the line that starts here, capped at `Breaker::steady_line`: lines from
    /// there on all have the same width, so their numbers need not be told apart.
    line: usize,
    fitness: u8,
    demerits: f64,
    /// Ratio of the line ending at this break, as reported in [`Line::ratio`].
    ratio: f32,
    hyphenated: bool,
    previous: Option<usize>,
}

/// How a line from an active node to a break would be set.
#[derive(Clone, Copy, Debug)]
struct Fit {
    /// Adjustment ratio, possibly infinite (no stretch or no shrink to use).
    ratio: f64,
    /// The ratio the caller applies to the glue.
    set_ratio: f32,
}

/// The state of one pass: every node found, and which of them lines may still start from.
struct Search {
    nodes: Vec<Node>,
    active: Vec<usize>,
    still_active: Vec<usize>,
    candidates: Vec<Node>,
}

impl Search {
    fn new() -> Search {
        let start = Node {
            position: 0,
            content_start: 0,
            line: 0,
            fitness: DECENT,
            demerits: 0.0,
            ratio: 0.0,
            hyphenated: false,
            previous: None,
        };
        Search {
            nodes: vec![start],
            active: vec![0],
            still_active: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// The candidates of the current break join the nodes that stay active.
    fn activate_candidates(&mut self) {
        for candidate in self.candidates.drain(..) {
            self.still_active.push(self.nodes.len());
            self.nodes.push(candidate);
        }
        std::mem::swap(&mut self.active, &mut self.still_active);
    }

    /// After the final (forced) break only nodes at that break are active; the cheapest wins.
    fn best_lines(&self) -> Option<Vec<Line>> {
        let best = self
            .active
            .iter()
            .filter_map(|&index| self.nodes.get(index).map(|node| (index, node)))
            .filter(|(_, node)| node.previous.is_some())
            .min_by(|a, b| a.1.demerits.total_cmp(&b.1.demerits))?
            .0;
        Some(lines_ending_at(&self.nodes, best))
    }
}

struct Breaker<'a> {
    items: &'a [Item],
    params: &'a Params,
    /// `totals[i]` sums `items[..i]`.
    totals: Vec<Totals>,
    breakpoints: Vec<usize>,
    /// Width of every line the paragraph can have (at most one per breakpoint).
    widths: Vec<f64>,
    /// The first line from which all widths are equal (Knuth's "easy line"): without it,
    /// every count of lines reaching a break would stay active and the search would slow to
    /// a crawl on long paragraphs.
    steady_line: usize,
}

impl<'a> Breaker<'a> {
    fn new(items: &'a [Item], params: &'a Params) -> Self {
        let mut totals = Vec::with_capacity(items.len() + 1);
        let mut sum = Totals::default();
        totals.push(sum);
        for item in items {
            match *item {
                Item::Box { width } => sum.width += finite(width),
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                } => {
                    sum.width += finite(width);
                    if stretch >= FIL {
                        sum.fil += 1;
                    } else {
                        sum.stretch += finite(stretch);
                    }
                    sum.shrink += finite(shrink);
                }
                Item::Penalty { .. } => {}
            }
            totals.push(sum);
        }
        let breakpoints = breakpoints(items);
        let widths: Vec<f64> = (0..=breakpoints.len())
            .map(|line| finite((params.line_width)(line)))
            .collect();
        let steady_line = widths
            .windows(2)
            .rposition(|pair| pair.first() != pair.get(1))
            .map_or(0, |last_change| last_change + 1);
        Breaker {
            items,
            params,
            totals,
            breakpoints,
            widths,
            steady_line,
        }
    }

    /// One pass of the algorithm; `None` when no breaking satisfies the pass.
    fn run(&self, pass: Pass) -> Option<Vec<Line>> {
        let mut search = Search::new();
        for &position in &self.breakpoints {
            self.try_break(pass, position, &mut search)?;
        }
        search.best_lines()
    }

    /// Tries every active node against the break at `position`: feasible lines become
    /// candidate nodes, nodes the break makes overfull (or that a forced break passes) stop
    /// being active. `None` when nothing can continue the paragraph.
    fn try_break(&self, pass: Pass, position: usize, search: &mut Search) -> Option<()> {
        let forced = self.is_forced(position);
        search.candidates.clear();
        search.still_active.clear();
        // The most recent node this break makes overfull: the emergency pass breaks there
        // anyway when nothing else reaches the break (a box wider than the line).
        let mut last_resort: Option<(usize, Fit)> = None;
        for &index in &search.active {
            let Some(from) = search.nodes.get(index) else {
                continue;
            };
            let Some(fit) = self.fit(from, position, forced) else {
                search.still_active.push(index);
                continue;
            };
            if fit.ratio < -1.0 {
                let more_recent = last_resort.is_none_or(|(other, _)| {
                    search.nodes.get(other).map_or(0, |n| n.content_start) <= from.content_start
                });
                if more_recent {
                    last_resort = Some((index, fit));
                }
                continue;
            }
            if !forced {
                search.still_active.push(index);
            }
            if pass.admits(fit.ratio) {
                let badness = badness(fit.ratio);
                self.consider(&mut search.candidates, index, from, position, fit, badness);
            }
        }
        if search.candidates.is_empty() && search.still_active.is_empty() {
            let (index, fit) = last_resort.filter(|_| pass == Pass::Emergency)?;
            let from = search.nodes.get(index)?;
            self.consider(
                &mut search.candidates,
                index,
                from,
                position,
                fit,
                MAX_BADNESS,
            );
        }
        self.prune(&mut search.candidates);
        search.activate_candidates();
        Some(())
    }

    fn is_forced(&self, i: usize) -> bool {
        is_forced(self.items, i)
    }

    /// The line from `from` to the break at `position`; `None` for an empty line at an
    /// optional break, which is never worth a line.
    fn fit(&self, from: &Node, position: usize, forced: bool) -> Option<Fit> {
        if from.content_start >= position {
            return forced.then_some(Fit {
                ratio: 0.0,
                set_ratio: 0.0,
            });
        }
        let start = self
            .totals
            .get(from.content_start)
            .copied()
            .unwrap_or_default();
        let end = self.totals.get(position).copied().unwrap_or_default();
        let sums = end - start;
        let natural = sums.width + self.break_width(position);
        let width = self.widths.get(from.line).copied().unwrap_or_default();
        let shortfall = width - natural;
        let (stretch, shrink) = if self.params.justify {
            (sums.stretch, sums.shrink)
        } else {
            (width * RAGGED_STRETCH, 0.0)
        };
        let ratio = adjustment_ratio(shortfall, stretch, shrink, sums.fil > 0);
        // Ragged lines keep their natural spacing whatever the virtual stretch says.
        let set_ratio = if self.params.justify {
            glue_set_ratio(ratio)
        } else {
            0.0
        };
        Some(Fit { ratio, set_ratio })
    }

    fn break_width(&self, position: usize) -> f64 {
        match self.items.get(position) {
            Some(Item::Penalty { width, .. }) => finite(*width),
            _ => 0.0,
        }
    }

    /// Keeps `from → position` among the candidates if it is the cheapest way found so far to
    /// reach this break with its line number and fitness class.
    fn consider(
        &self,
        candidates: &mut Vec<Node>,
        index: usize,
        from: &Node,
        position: usize,
        fit: Fit,
        badness: f64,
    ) {
        let fitness = fitness_class(fit.ratio);
        let hyphenated = self.is_flagged(position);
        let mut demerits = (LINE_PENALTY + badness).powi(2);
        let penalty = self.penalty(position);
        if penalty >= 0.0 {
            demerits += penalty.powi(2);
        } else if penalty > -f64::from(INFINITE_PENALTY) {
            demerits -= penalty.powi(2);
        }
        if hyphenated && from.hyphenated {
            demerits += f64::from(self.params.flagged_demerits);
        }
        if fitness.abs_diff(from.fitness) > 1 {
            demerits += f64::from(self.params.fitness_demerits);
        }
        let node = Node {
            position,
            content_start: self.content_start_after(position),
            line: (from.line + 1).min(self.steady_line),
            fitness,
            demerits: from.demerits + demerits,
            ratio: fit.set_ratio,
            hyphenated,
            previous: Some(index),
        };
        match candidates
            .iter_mut()
            .find(|c| c.line == node.line && c.fitness == node.fitness)
        {
            Some(existing) if existing.demerits <= node.demerits => {}
            Some(existing) => *existing = node,
            None => candidates.push(node),
        }
    }

    /// Drops candidates that cost more than the cheapest one with the same line number plus
    /// the fitness demerits: the fitness class, their only advantage, is never worth more.
    fn prune(&self, candidates: &mut Vec<Node>) {
        let margin = f64::from(self.params.fitness_demerits).max(0.0);
        let cheapest: Vec<(usize, f64)> = candidates.iter().fold(Vec::new(), |mut acc, c| {
            match acc.iter_mut().find(|(line, _)| *line == c.line) {
                Some((_, best)) => *best = best.min(c.demerits),
                None => acc.push((c.line, c.demerits)),
            }
            acc
        });
        candidates.retain(|c| {
            cheapest
                .iter()
                .any(|&(line, best)| line == c.line && c.demerits <= best + margin)
        });
    }

    fn penalty(&self, position: usize) -> f64 {
        match self.items.get(position) {
            Some(Item::Penalty { penalty, .. }) => finite(*penalty),
            _ => 0.0,
        }
    }

    fn is_flagged(&self, position: usize) -> bool {
        matches!(
            self.items.get(position),
            Some(Item::Penalty { flagged: true, .. })
        )
    }

    /// The next line's content starts after the break and the glue and penalties after it.
    fn content_start_after(&self, position: usize) -> usize {
        let rest = self.items.get(position + 1..).unwrap_or_default();
        let discarded = rest
            .iter()
            .take_while(|item| !matches!(item, Item::Box { .. }))
            .count();
        (position + 1 + discarded).min(self.items.len())
    }

    /// Never reached in practice (the emergency pass always finds a breaking); keeps the
    /// promise of returning lines without panicking.
    fn single_line(&self) -> Vec<Line> {
        vec![Line {
            start: 0,
            end: self.items.len(),
            ratio: 0.0,
            hyphenated: false,
        }]
    }
}

/// Legal breakpoints in order, ending with the paragraph's final (maybe implicit) break.
fn breakpoints(items: &[Item]) -> Vec<usize> {
    let ends_forced = is_forced(items, items.len().saturating_sub(1));
    let implicit_end = (!ends_forced).then_some(items.len());
    (0..items.len())
        .filter(|&i| is_legal_break(items, i))
        .chain(implicit_end)
        .collect()
}

/// Penalties below infinity, and glue right after a box.
fn is_legal_break(items: &[Item], i: usize) -> bool {
    match items.get(i) {
        Some(Item::Penalty { penalty, .. }) => *penalty < INFINITE_PENALTY,
        Some(Item::Glue { .. }) => i > 0 && matches!(items.get(i - 1), Some(Item::Box { .. })),
        _ => false,
    }
}

/// Forced breaks, including the implicit one after the last item.
fn is_forced(items: &[Item], i: usize) -> bool {
    match items.get(i) {
        Some(Item::Penalty { penalty, .. }) => *penalty <= -INFINITE_PENALTY,
        Some(_) => false,
        None => true,
    }
}

/// Walks back from the final node to the paragraph start.
fn lines_ending_at(nodes: &[Node], last: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current = nodes.get(last);
    while let Some(node) = current {
        let Some(previous) = node.previous.and_then(|p| nodes.get(p)) else {
            break;
        };
        lines.push(Line {
            start: previous.content_start.min(node.position),
            end: node.position,
            ratio: node.ratio,
            hyphenated: node.hyphenated,
        });
        current = Some(previous);
    }
    lines.reverse();
    lines
}

/// How far the glue must stretch (positive) or shrink (negative) to fill `shortfall`, as a
/// fraction of what it can; infinite when there is nothing to stretch or shrink. A line with
/// fill glue needs no finite stretch at all.
fn adjustment_ratio(shortfall: f64, stretch: f64, shrink: f64, has_fil: bool) -> f64 {
    if shortfall > 0.0 && !has_fil {
        if stretch > 0.0 {
            shortfall / stretch
        } else {
            f64::INFINITY
        }
    } else if shortfall < 0.0 {
        if shrink > 0.0 {
            shortfall / shrink
        } else {
            f64::NEG_INFINITY
        }
    } else {
        0.0
    }
}

/// The ratio the glue is actually set at: glue never shrinks beyond its shrink, and a line
/// that cannot stretch stays at its natural width.
fn glue_set_ratio(ratio: f64) -> f32 {
    if ratio.is_finite() {
        ratio.max(-1.0) as f32
    } else if ratio < 0.0 {
        -1.0
    } else {
        0.0
    }
}

const TIGHT: u8 = 0;
const DECENT: u8 = 1;
const LOOSE: u8 = 2;
const VERY_LOOSE: u8 = 3;

fn fitness_class(ratio: f64) -> u8 {
    if ratio < -0.5 {
        TIGHT
    } else if ratio <= 0.5 {
        DECENT
    } else if ratio <= 1.0 {
        LOOSE
    } else {
        VERY_LOOSE
    }
}

/// TeX's badness, 100·|r|³, without TeX's cap at 10 000 so that the emergency pass can still
/// tell a loose line from a looser one.
fn badness(ratio: f64) -> f64 {
    (100.0 * ratio.abs().powi(3)).min(MAX_BADNESS)
}

/// Input numbers as f64 with NaN read as 0, so bad measurements cannot poison the sums.
fn finite(value: f32) -> f64 {
    if value.is_nan() {
        0.0
    } else {
        f64::from(value.clamp(-f32::MAX, f32::MAX))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPACE: Item = Item::Glue {
        width: 5.0,
        stretch: 3.0,
        shrink: 2.0,
    };

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
    fn with_hyphenated_word(params: &Params, before: usize, last: f32) -> Vec<Item> {
        let mut items = Vec::new();
        for _ in 0..before {
            items.extend([word(30.0), SPACE]);
        }
        items.extend([
            word(20.0),
            params.hyphen(4.0),
            word(20.0),
            SPACE,
            word(last),
        ]);
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
    fn two_possible_hyphens(params: &Params) -> Vec<Item> {
        let space = Item::Glue {
            width: 5.0,
            stretch: 10.0,
            shrink: 2.0,
        };
        let mut items = vec![
            word(40.0),
            space,
            word(50.0),
            params.hyphen(5.0),
            word(30.0),
        ];
        for w in [10.0, 10.0, 11.0] {
            items.extend([space, word(w)]);
        }
        items.extend([
            space,
            word(14.0),
            params.hyphen(5.0),
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
            items.extend([word(w / 2.0), params.hyphen(3.0), word(w / 2.0)]);
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
}
