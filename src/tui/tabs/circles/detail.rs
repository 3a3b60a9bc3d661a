//! The detail of the selected row of the Cercles tab, loaded once per selection and year
//! (`DetailData`) and drawn as lines: who is in the circle (co-référent·es with their term and
//! its flag, membres actif·ves), its GT, the work log of the year by status, its decisions with
//! the reviews that are due, and its identity sheet. The cercle général shows its members and
//! the decisions of the cercle général and of the AG.
//!
//! GT, work log and decisions are sections a person can enter to pick a line; the lines carry
//! anchors so the view scrolls to the picked one.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{
    Circle, CircleKind, CircleRole, Decision, Instance, WorkItem, WorkStatus, WorkingGroup,
    format_date,
};
use crate::store::governance::{CircleMember, DerivedMember, TermAlert, TermAlertKind};
use crate::store::{Store, StoreError};
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::list_detail::ScrolledLines;
use crate::tui::widgets::wrap_text;

/// The list id of the cercle général's pseudo-row (circle ids are positive).
pub const GENERAL_ID: i64 = -1;

/// A section of the detail whose lines can be picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Groups,
    Work,
    /// The circle's decisions (on the cercle général's row: those of the cercle général).
    Decisions,
    /// On the cercle général's row: the decisions of the AG.
    AgDecisions,
}

/// Where the keyboard is inside the detail: a section, and the id of the picked line in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailFocus {
    pub section: Section,
    pub item: Option<i64>,
}

pub struct DetailData {
    /// The list row it was loaded for, and the work-log year.
    pub row: i64,
    pub year: i32,
    pub today: NaiveDate,
    /// `None` on the cercle général's row.
    pub circle: Option<Circle>,
    pub members: Vec<CircleMember>,
    /// On the cercle général's row: its first [`SHOWN_NAMES`] people by name, and how many
    /// it has in all.
    pub general: Vec<DerivedMember>,
    pub general_total: usize,
    pub alerts: Vec<TermAlert>,
    pub groups: Vec<WorkingGroup>,
    pub work: Vec<WorkItem>,
    pub decisions: Vec<Decision>,
    pub ag_decisions: Vec<Decision>,
    /// Distinct members and co-référent·es.
    pub counts: (usize, usize),
}

impl DetailData {
    pub fn load(store: &Store, row: i64, year: i32) -> Result<DetailData, StoreError> {
        let mut data = DetailData {
            row,
            year,
            today: store.today(),
            circle: None,
            members: Vec::new(),
            general: Vec::new(),
            general_total: 0,
            alerts: Vec::new(),
            groups: Vec::new(),
            work: Vec::new(),
            decisions: Vec::new(),
            ag_decisions: Vec::new(),
            counts: (0, 0),
        };
        if row == GENERAL_ID {
            (data.general, data.general_total) = store.general_circle_first(SHOWN_NAMES)?;
            let d = store.derived_counts()?;
            data.counts = (d.general, d.coordination);
            data.decisions = store.decisions(Some(Instance::CercleGeneral))?;
            data.ag_decisions = store.decisions(Some(Instance::Ag))?;
            return Ok(data);
        }
        let Some(circle) = store.circle(row)? else {
            return Ok(data);
        };
        data.members = store.circle_members(row)?;
        let coordination = circle.kind == CircleKind::Coordination;
        data.alerts = store
            .term_alerts()?
            .into_iter()
            .filter(|a| coordination || a.circle_id == row)
            .collect();
        let mut people: Vec<i64> = data.members.iter().map(|m| m.person_id).collect();
        people.sort_unstable();
        people.dedup();
        let co = data
            .members
            .iter()
            .filter(|m| m.role == CircleRole::CoReferent)
            .count();
        data.counts = (people.len(), co);
        data.groups = store.working_groups(row)?;
        data.work = store.work_items(row, year)?;
        data.decisions = store.circle_decisions(row)?;
        data.circle = Some(circle);
        Ok(data)
    }

    pub fn sections(&self) -> Vec<Section> {
        if self.row == GENERAL_ID {
            vec![Section::Decisions, Section::AgDecisions]
        } else {
            vec![Section::Groups, Section::Work, Section::Decisions]
        }
    }

    /// The ids of a section's lines, in display order.
    pub fn items(&self, section: Section) -> Vec<i64> {
        match section {
            Section::Groups => self.groups.iter().map(|g| g.id).collect(),
            Section::Work => self.work.iter().map(|w| w.id).collect(),
            Section::Decisions => self.decisions.iter().map(|d| d.id).collect(),
            Section::AgDecisions => self.ag_decisions.iter().map(|d| d.id).collect(),
        }
    }

    pub fn decision(&self, id: i64) -> Option<&Decision> {
        self.decisions
            .iter()
            .chain(&self.ag_decisions)
            .find(|d| d.id == id)
    }
}

/// Where a section header or a pickable line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub section: Section,
    pub item: Option<i64>,
    pub line: usize,
}

struct Builder<'a> {
    lines: Vec<Line<'static>>,
    anchors: Vec<Anchor>,
    focus: Option<&'a DetailFocus>,
    theme: Theme,
    width: usize,
}

impl Builder<'_> {
    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    fn text(&mut self, text: impl Into<String>, style: Style) {
        self.lines.push(Line::styled(text.into(), style));
    }

    /// A paragraph wrapped under an indent.
    fn wrapped(&mut self, text: &str, indent: usize, style: Style) {
        let pad = " ".repeat(indent);
        for l in wrap_text(text, self.width.saturating_sub(indent)) {
            // No-break spaces held words together for the wrap; the screen shows spaces.
            let l = l.replace('\u{a0}', " ");
            self.lines.push(Line::styled(format!("{pad}{l}"), style));
        }
    }

    fn section(&mut self, section: Section, title: String) {
        self.lines.push(Line::raw(""));
        let focused = self.focus.is_some_and(|f| f.section == section);
        self.anchors.push(Anchor {
            section,
            item: None,
            line: self.lines.len(),
        });
        let (mark, style) = if focused {
            ("> ", self.theme.key())
        } else {
            ("", self.theme.label())
        };
        self.text(format!("{mark}{title}"), style);
    }

    /// A pickable line: `head` wrapped, `> ` and the selection style when picked.
    fn item(&mut self, section: Section, id: i64, head: &str, style: Style) {
        let picked = self.focus
            == Some(&DetailFocus {
                section,
                item: Some(id),
            });
        self.anchors.push(Anchor {
            section,
            item: Some(id),
            line: self.lines.len(),
        });
        for (n, l) in wrap_text(head, self.width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let mark = match (n, picked) {
                (0, true) => "> • ",
                (0, false) => "  • ",
                _ => "    ",
            };
            let s = if picked { self.theme.selected() } else { style };
            self.lines
                .push(Line::from(vec![Span::raw(mark), Span::styled(l, s)]));
        }
    }
}

fn person(first: &str, last: &str) -> String {
    format!("{first} {last}").trim().to_owned()
}

/// Names shown in a member list of the detail; past them, how many more (the Membres tab
/// lists everyone, filtered by circle). A network of 70 000 is not read name by name here, and
/// the detail is built again at every frame.
const SHOWN_NAMES: usize = 100;

/// The first [`SHOWN_NAMES`] of `total` names, separated by commas, each held on one line when
/// the list wraps (no-break spaces inside a name: "Marion Haddad" never ends a line on
/// "Marion"), then how many are left out.
fn name_list(names: impl Iterator<Item = String>, total: usize) -> String {
    let mut shown: Vec<String> = names
        .take(SHOWN_NAMES)
        .map(|n| n.replace(' ', "\u{a0}"))
        .collect();
    if total > shown.len() {
        shown.push(cm::more_names(total - shown.len()));
    }
    shown.join(", ")
}

/// The detail's lines and anchors, for `width` columns.
pub fn detail_lines(
    data: &DetailData,
    focus: Option<&DetailFocus>,
    theme: Theme,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Anchor>) {
    let mut b = Builder {
        lines: Vec::new(),
        anchors: Vec::new(),
        focus,
        theme,
        width,
    };
    let name = data.circle.as_ref().map_or(cm::GENERAL_NAME, |c| c.name());
    // A long name wraps rather than being cut at the edge.
    b.wrapped(name, 0, theme.title());
    b.text(
        cm::members_line(data.counts.0, data.counts.1),
        theme.muted(),
    );
    match &data.circle {
        None => general(&mut b, data),
        Some(circle) => circle_lines(&mut b, data, circle),
    }
    (b.lines, b.anchors)
}

fn general(b: &mut Builder, data: &DetailData) {
    b.wrapped(cm::GENERAL_NOTE, 0, b.theme.muted());
    b.push(Line::raw(""));
    b.text(
        cm::section_count(cm::SECTION_GENERAL_MEMBERS, data.general_total),
        b.theme.label(),
    );
    let names = data
        .general
        .iter()
        .map(|m| person(&m.first_name, &m.last_name));
    b.wrapped(&name_list(names, data.general_total), 2, b.theme.base());
    decisions(b, data, Section::Decisions, cm::SECTION_DECISIONS_GENERAL);
    decisions(b, data, Section::AgDecisions, cm::SECTION_DECISIONS_AG);
}

fn circle_lines(b: &mut Builder, data: &DetailData, circle: &Circle) {
    let theme = b.theme;
    let coordination = circle.kind == CircleKind::Coordination;
    if coordination {
        b.wrapped(cm::COORDINATION_NOTE, 0, theme.muted());
    }
    if let Some(closed) = circle.closed_on {
        b.text(cm::closed_on(&format_date(closed)), theme.muted());
        b.wrapped(cm::CLOSED_MEMBERS, 0, theme.muted());
    }
    if !data.alerts.is_empty() {
        b.text(cm::term_alerts(data.alerts.len()), theme.error());
    }
    // People.
    let co: Vec<&CircleMember> = data
        .members
        .iter()
        .filter(|m| m.role == CircleRole::CoReferent)
        .collect();
    b.push(Line::raw(""));
    b.text(cm::section_count(cm::SECTION_CO, co.len()), theme.label());
    if co.is_empty() {
        b.text(format!("  {}", cm::NONE_YET), theme.muted());
    }
    for m in co {
        let mut who = person(&m.first_name, &m.last_name);
        if coordination {
            who = format!("{who} {}", cm::in_circle(&m.circle_name));
        }
        let term = m.term_end.map(|d| cm::term_end(&format_date(d)));
        let mut spans = vec![Span::raw(format!("  {who}"))];
        if let Some(term) = &term
            && display_width(&who) + display_width(term) + 4 <= b.width
        {
            spans.push(Span::styled(format!("  {term}"), theme.muted()));
        } else if let Some(term) = &term {
            b.push(Line::from(std::mem::take(&mut spans)));
            spans.push(Span::styled(format!("    {term}"), theme.muted()));
        }
        b.push(Line::from(spans));
        if let Some(alert) = data
            .alerts
            .iter()
            .find(|a| a.membership_id == m.membership_id)
        {
            let text = match alert.kind {
                TermAlertKind::EndsSoon { days_left } => cm::alert_soon(days_left),
                TermAlertKind::EndedWithoutSuccessor { days_ago } => cm::alert_ended(days_ago),
                TermAlertKind::EndedReplaced { days_ago } => cm::alert_replaced(days_ago),
            };
            b.wrapped(&text, 4, theme.error());
        }
    }
    if !coordination {
        let active = || {
            data.members
                .iter()
                .filter(|m| m.role == CircleRole::MembreActif)
        };
        let count = active().count();
        b.push(Line::raw(""));
        b.text(cm::section_count(cm::SECTION_MEMBERS, count), theme.label());
        if count == 0 {
            b.text(format!("  {}", cm::NONE_YET), theme.muted());
        } else {
            let names = active().map(|m| person(&m.first_name, &m.last_name));
            b.wrapped(&name_list(names, count), 2, theme.base());
        }
    }
    groups(b, data);
    work(b, data);
    decisions(b, data, Section::Decisions, cm::SECTION_DECISIONS);
    sheet(b, circle);
}

fn groups(b: &mut Builder, data: &DetailData) {
    let theme = b.theme;
    // The count is of the open ones; closed ones follow, greyed, with their date.
    let open = data
        .groups
        .iter()
        .filter(|g| g.is_open_on(data.today))
        .count();
    b.section(Section::Groups, cm::section_count(cm::SECTION_GROUPS, open));
    if data.groups.is_empty() {
        b.text(format!("  {}", cm::NO_GROUP_YET), theme.muted());
    }
    for g in &data.groups {
        let open = g.is_open_on(data.today);
        let head = match g.closed_on {
            Some(d) if !open => format!("{} ({})", g.name, cm::closed_on(&format_date(d))),
            _ => g.name.clone(),
        };
        let style = if open { theme.base() } else { theme.muted() };
        b.item(Section::Groups, g.id, &head, style);
        if !g.purpose.trim().is_empty() {
            b.wrapped(&g.purpose, 4, theme.muted());
        }
    }
}

fn work(b: &mut Builder, data: &DetailData) {
    let theme = b.theme;
    b.section(
        Section::Work,
        cm::section_work(
            data.year,
            &keymap::key_label(Scope::Detail, Action::PrevYear),
            &keymap::key_label(Scope::Detail, Action::NextYear),
        ),
    );
    if data.work.is_empty() {
        b.text(
            format!("  {}", cm::nothing_for_year(data.year)),
            theme.muted(),
        );
    }
    for (status, header) in WorkStatus::ALL.into_iter().zip(cm::STATUS_HEADERS) {
        let items: Vec<&WorkItem> = data.work.iter().filter(|w| w.status == status).collect();
        if items.is_empty() {
            continue;
        }
        b.text(
            format!(" {}", cm::section_count(header, items.len())),
            theme.label(),
        );
        for w in items {
            let head = match w.on_date {
                Some(on) => format!("{on} {}", w.title),
                None => w.title.clone(),
            };
            b.item(Section::Work, w.id, &head, theme.base());
            if !w.details.trim().is_empty() {
                b.wrapped(&w.details, 4, theme.muted());
            }
            if !w.figures.trim().is_empty() {
                b.wrapped(&w.figures, 4, theme.muted());
            }
        }
    }
}

fn decisions(b: &mut Builder, data: &DetailData, section: Section, title: &str) {
    let theme = b.theme;
    let list = if section == Section::AgDecisions {
        &data.ag_decisions
    } else {
        &data.decisions
    };
    b.section(section, cm::section_count(title, list.len()));
    if list.is_empty() {
        b.text(format!("  {}", cm::NO_DECISION), theme.muted());
    }
    for d in list {
        let head = format!("{} {}", format_date(d.decided_on), d.title);
        b.item(section, d.id, &head, theme.base());
        if let Some(review) = d.review_on {
            let date = format_date(review);
            if d.is_review_due(data.today) {
                b.text(format!("    {}", cm::review_due(&date)), theme.error());
            } else {
                b.text(format!("    {}", cm::review_on(&date)), theme.muted());
            }
        }
    }
}

fn sheet(b: &mut Builder, circle: &Circle) {
    let theme = b.theme;
    b.push(Line::raw(""));
    b.text(cm::SECTION_SHEET, theme.label());
    let s = &circle.sheet;
    for (label, value) in [
        (msg::CIRCLE_LABEL_PURPOSE, &s.purpose),
        (msg::CIRCLE_LABEL_SCOPE, &s.decision_scope),
        (msg::CIRCLE_LABEL_MISSIONS, &s.missions),
        (msg::CIRCLE_LABEL_SAFE_FRAME, &s.safe_frame),
    ] {
        b.text(format!(" {label}"), theme.label());
        if value.trim().is_empty() {
            b.text(format!("  {}", msg::EMPTY_VALUE), theme.muted());
        } else {
            b.wrapped(value, 2, theme.base());
        }
    }
}

pub struct DetailView<'a> {
    pub data: &'a DetailData,
    pub focus: Option<&'a DetailFocus>,
    pub scroll: usize,
    pub theme: Theme,
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lines, _) = detail_lines(self.data, self.focus, self.theme, usize::from(area.width));
        // Nothing pinned: the focus follows lines by their place in the whole detail.
        ScrolledLines {
            lines: &lines,
            pinned: 0,
            scroll: self.scroll,
            theme: self.theme,
        }
        .render(area, buf);
    }
}
