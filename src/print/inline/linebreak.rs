//! Knuth–Plass total-fit line breaking over abstract boxes, glue and penalties: the breaks of
//! a whole paragraph are chosen together, minimizing the sum of the lines' demerits. At the
//! end, egiz's settings of the breaker for a paragraph ([`break_paragraph`]), with the
//! re-breaks that keep hyphens from piling up at the line ends.

use std::ops::Sub;

/// One element of a paragraph, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Item {
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
pub(crate) const INFINITE_PENALTY: f32 = 10_000.0;
/// Stretch at or above this (10 000 pt, or `f32::INFINITY`) is infinite, TeX's `fil`: a line
/// containing it is never stretched by its finite glue and costs nothing however short it is.
pub(crate) const FIL: f32 = 1.0e4;

impl Item {
    /// The items that end every paragraph: no break before the fill, the fill, a forced break.
    pub(crate) fn paragraph_end() -> [Item; 3] {
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
pub(crate) struct Params {
    /// Width available for line number i (0-based).
    pub line_width: Box<dyn Fn(usize) -> f32>,
    /// Max adjustment ratio considered in the first pass, e.g. 2.0.
    pub tolerance: f32,
    /// Added when two hyphenated lines follow each other, e.g. 3000.
    pub flagged_demerits: f32,
    /// Added when adjacent lines differ by more than one fitness class, e.g. 100.
    pub fitness_demerits: f32,
    /// false = ragged right: lines are set at natural width, breaks still optimize raggedness.
    pub justify: bool,
}

impl Params {
    /// Justified lines of one width with the usual TeX-like costs.
    pub(crate) fn new(width: f32) -> Params {
        Params {
            line_width: Box::new(move |_| width),
            tolerance: 2.0,
            flagged_demerits: 3000.0,
            fitness_demerits: 100.0,
            justify: true,
        }
    }
}

/// One line of the chosen breaking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Line {
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
pub(crate) fn break_lines(items: &[Item], params: &Params) -> Vec<Line> {
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

// The paragraph policy: egiz's settings of the breaker, and the re-breaks that keep hyphens
// from piling up at the line ends.

/// Max adjustment ratio of the first pass: spaces may grow to 2½ times their width before
/// the breaker looks at looser settings.
const TOLERANCE: f32 = 3.0;
/// The cost of breaking a word (TeX's default is 50). Six times that keeps hyphens to the
/// lines that need them: together with letter stretch (see `LETTER_STRETCH` in collect.rs)
/// the example booklets hyphenate one line in seven instead of one in five, with tighter
/// word gaps than before.
pub(crate) const HYPHEN_PENALTY: f32 = 300.0;
const FLAGGED_DEMERITS: f32 = 5000.0;
const FITNESS_DEMERITS: f32 = 100.0;
/// Hyphenated lines in a row beyond which the breaker is told to find another way.
pub(super) const MAX_HYPHENS_IN_A_ROW: usize = 2;
/// A line may get this loose (adjustment ratio) to avoid a third hyphen in a row.
const LADDER_LOOSENESS: f32 = 2.0;
/// Re-breaks spent on removing long hyphen ladders.
const HYPHEN_LADDER_RETRIES: usize = 6;

/// Knuth–Plass, then, while more than two hyphenated lines follow each other, forbid the
/// hyphen that makes the third one and break again (when that still finds a breaking).
pub(crate) fn break_paragraph(items: &mut [Item], width: f32, justify: bool) -> Vec<Line> {
    let params = Params {
        tolerance: TOLERANCE,
        flagged_demerits: FLAGGED_DEMERITS,
        fitness_demerits: FITNESS_DEMERITS,
        justify,
        ..Params::new(width)
    };
    forbid_final_hyphens(items, width);
    let mut lines = break_lines(items, &params);
    for _ in 0..HYPHEN_LADDER_RETRIES {
        let Some(end) = third_hyphen_in_a_row(&lines) else {
            break;
        };
        let Some(old) = set_penalty(items, end, INFINITE_PENALTY) else {
            break;
        };
        let retry = break_lines(items, &params);
        if retry.len() > lines.len() || any_worse_than(&retry, &lines) {
            set_penalty(items, end, old);
            break;
        }
        lines = retry;
    }
    lines
}

/// Forbids hyphenating the last word before every forced break (the paragraph's end, a hard
/// line break): a last line that is only the tail of a word («бағыттал-|ған.») reads as a
/// mistake, so the breaker must end the line before at a space instead (TeX's
/// `\finalhyphendemerits`, made absolute). Explicit hyphens («қарым-|қатынас.») count too.
/// A last word wider than `width` keeps its hyphens: it has to be broken somewhere.
pub(super) fn forbid_final_hyphens(items: &mut [Item], width: f32) {
    let mut end = items.len();
    while end > 0 {
        let Some(forced) = (0..end).rev().find(|&i| is_forced(items, i)) else {
            break;
        };
        // The last word: back from the forced break to the last break that is no hyphen.
        let start = (0..forced)
            .rev()
            .find(|&i| is_legal_break(items, i) && !is_flagged(items, i))
            .map_or(0, |i| i + 1);
        let word: f32 = items
            .get(start..forced)
            .unwrap_or_default()
            .iter()
            .map(|item| match item {
                Item::Box { width } => *width,
                _ => 0.0,
            })
            .sum();
        if word <= width {
            for item in items.get_mut(start..forced).unwrap_or_default() {
                if let Item::Penalty {
                    penalty,
                    flagged: true,
                    ..
                } = item
                {
                    *penalty = INFINITE_PENALTY;
                }
            }
        }
        end = start.min(forced);
    }
}

fn is_flagged(items: &[Item], i: usize) -> bool {
    matches!(items.get(i), Some(Item::Penalty { flagged: true, .. }))
}

/// Changes the cost of the penalty at `index`, returning the old cost.
fn set_penalty(items: &mut [Item], index: usize, cost: f32) -> Option<f32> {
    match items.get_mut(index) {
        Some(Item::Penalty { penalty, .. }) => Some(std::mem::replace(penalty, cost)),
        _ => None,
    }
}

fn third_hyphen_in_a_row(lines: &[Line]) -> Option<usize> {
    let mut run = 0;
    for line in lines {
        run = if line.hyphenated { run + 1 } else { 0 };
        if run > MAX_HYPHENS_IN_A_ROW {
            return Some(line.end);
        }
    }
    None
}

/// Whether a re-break made a line looser than both the loosest line before and the
/// looseness a hyphen ladder is worth: three hyphens in a row beat a gappy line.
fn any_worse_than(retry: &[Line], lines: &[Line]) -> bool {
    let loosest = |ls: &[Line]| ls.iter().map(|l| l.ratio).fold(0.0_f32, f32::max);
    loosest(retry) > loosest(lines).max(LADDER_LOOSENESS)
}

#[cfg(test)]
mod tests;
