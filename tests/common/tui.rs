//! Driving the terminal UI without a terminal: a demo database, keys, typing.

use std::path::PathBuf;

use cercles::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A fixed admin name keeps the status bar, hence the snapshots, the same on every machine.
pub const ADMIN: &str = "claire";

/// A fresh demo network in a temporary directory (kept alive by the returned guard).
pub fn demo() -> (tempfile::TempDir, PathBuf) {
    super::quiet_log();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    cercles::demo::build(&path, ADMIN).unwrap();
    (dir, path)
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(key(code));
}

pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

/// Select a circle by name, moving down from the top of the Cercles list.
pub fn select_circle(app: &mut App, name: &str) {
    app.handle_key(key(KeyCode::Char('g')));
    while selected_circle(app).as_deref() != Some(name) {
        let before = selected_row(app);
        app.handle_key(key(KeyCode::Char('j')));
        assert_ne!(before, selected_row(app), "{name} not in the list");
    }
}

/// The app drawn at 80x24.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal
}

/// The app told the screen is `width` x `height`, then drawn at that size.
pub fn buffer_at(app: &mut App, width: u16, height: u16) -> Buffer {
    app.set_size(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

pub fn buffer(app: &App) -> Buffer {
    screen(app).backend().buffer().clone()
}

/// The text of row `y`.
pub fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

/// Where `needle` starts on screen, in cells.
pub fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let text = row(buf, y);
        if let Some(byte) = text.find(needle) {
            return (text[..byte].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} not on screen");
}

/// Everything on the 80x24 screen, row after row, the rows' trailing spaces dropped.
pub fn screen_text(app: &App) -> String {
    let buf = buffer(app);
    (0..buf.area.height)
        .map(|y| row(&buf, y).trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The selected circle's whole detail as the screen shows it at 80 columns (as if the
/// screen were tall enough to hold all of it), without styles.
pub fn circle_detail_text(app: &App) -> String {
    whole_detail(app).join("\n")
}

/// The message line's text (empty when there is none).
pub fn message_text(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

// --- reading the screen -------------------------------------------------------------------------
//
// What the tests look at is what a person sees: the screen at 80x24. Where something lies
// beyond the rows of that screen (the end of a long detail, every row of a long list), it is
// read from the same drawing at 80 columns on a screen tall enough to hold it all: the app is not
// told of that size, so its state stays the one of 80x24.

/// Rows of the tall drawing: more than any detail or list of the demo needs.
const TALL: u16 = 400;

/// The app drawn at 80 columns and [`TALL`] rows, without telling the app.
pub fn tall_buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, TALL)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// The text of the cells `from..to` of row `y`, trailing spaces (and the detail's `↓` mark)
/// dropped.
fn cells(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut text = String::new();
    let mut x = from;
    while x < to.min(buf.area.width) {
        let symbol = buf[(x, y)].symbol();
        text.push_str(symbol);
        // A wide character covers the cells after it: they are not text of their own.
        x += u16::try_from(cercles::text::display_width(symbol).max(1)).unwrap_or(1);
    }
    text.trim_end().trim_end_matches('↓').trim_end().to_owned()
}

/// The column of the border between the list and the detail, if the body shows both.
fn border_x(buf: &Buffer) -> Option<u16> {
    (0..buf.area.width).find(|x| buf[(*x, 1)].symbol() == "│")
}

/// The body rows of the list–detail split: those the border runs along.
fn split_rows(buf: &Buffer) -> Vec<u16> {
    let Some(x) = border_x(buf) else {
        return Vec::new();
    };
    (1..buf.area.height)
        .filter(|y| buf[(x, *y)].symbol() == "│")
        .collect()
}

/// The list pane's rows (left of the border), as drawn.
fn list_pane(buf: &Buffer) -> Vec<String> {
    let Some(x) = border_x(buf) else {
        return Vec::new();
    };
    split_rows(buf)
        .into_iter()
        .map(|y| cells(buf, y, 0, x))
        .collect()
}

/// The detail pane's rows (right of the border and its margin), as drawn.
fn detail_pane(buf: &Buffer) -> Vec<String> {
    let Some(x) = border_x(buf) else {
        return Vec::new();
    };
    split_rows(buf)
        .into_iter()
        .map(|y| cells(buf, y, x + 2, buf.area.width))
        .collect()
}

fn without_trailing_blanks(mut lines: Vec<String>) -> Vec<String> {
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// The detail's rows on the 80x24 screen.
pub fn detail_on_screen(app: &App) -> Vec<String> {
    without_trailing_blanks(detail_pane(&buffer(app)))
}

/// The whole detail at 80 columns, from its first line to its last.
pub fn whole_detail(app: &App) -> Vec<String> {
    let buf = tall_buffer(app);
    if let Some(last) = split_rows(&buf).last() {
        let corner = buf[(buf.area.width - 1, *last)].symbol();
        assert_ne!(corner, "↓", "the detail is longer than {TALL} rows");
    }
    without_trailing_blanks(detail_pane(&buf))
}

/// How many lines of the detail's body are scrolled past on the 80x24 screen, its first
/// `pinned` lines (its title) staying in view.
pub fn detail_scroll(app: &App, pinned: usize) -> usize {
    let shown = detail_pane(&buffer(app));
    let whole = whole_detail(app);
    let body = &shown[pinned.min(shown.len())..];
    let body = without_trailing_blanks(body.to_vec());
    // The `↓` mark may be drawn over the last cell of the last row: that row is compared by
    // its beginning.
    let matches =
        |shown: &[String], whole: &[String]| {
            shown.len() <= whole.len()
                && shown.iter().zip(whole).enumerate().all(|(i, (s, w))| {
                    s == w || (i + 1 == shown.len() && w.starts_with(s.as_str()))
                })
        };
    (0..=whole.len().saturating_sub(pinned))
        .find(|k| matches(&body, &whole[pinned + k..]))
        .expect("the detail on screen is a part of the whole detail")
}

/// The list's row marked as selected (`> `), without the mark.
pub fn selected_row(app: &App) -> Option<String> {
    list_pane(&buffer(app))
        .into_iter()
        .find_map(|r| r.strip_prefix("> ").map(|r| r.trim().to_owned()))
}

/// Where the selected row is among the list's rows under its `header_rows` (from 0).
pub fn selected_position(app: &App, header_rows: usize) -> Option<usize> {
    list_pane(&buffer(app))
        .into_iter()
        .skip(header_rows)
        .position(|r| r.starts_with("> "))
}

/// The list's rows under its header on the 80x24 screen, the selection mark dropped.
pub fn list_rows(app: &App, header_rows: usize) -> Vec<String> {
    list_body(list_pane(&buffer(app)), header_rows)
}

fn list_body(pane: Vec<String>, header_rows: usize) -> Vec<String> {
    without_trailing_blanks(pane.into_iter().skip(header_rows).collect())
        .into_iter()
        // A table's rows start with their selection mark's two columns; a list with no row
        // says so from its first column.
        .filter(|r| r.starts_with("> ") || r.starts_with("  "))
        .map(|r| r.strip_prefix("> ").map(str::to_owned).unwrap_or(r))
        .map(|r| r.trim().to_owned())
        .collect()
}

/// The footer: the keys offered, or the filter's hint while it is typed.
pub fn footer(app: &App) -> String {
    let buf = buffer(app);
    row(&buf, buf.area.height - 2).trim_end().to_owned()
}

/// The filter line has the keyboard: the footer says how to leave it.
pub fn is_filtering(app: &App) -> bool {
    footer(app).contains("Entrée garde le filtre · Échap l'efface")
}

// --- the Cercles tab ----------------------------------------------------------------------------

/// A circle's name in its list row: the row without its counts (`8 m ·  2 co`, `(fermé)`) and
/// its flag.
fn circle_name(row: &str) -> String {
    let row = row.trim_end().trim_end_matches('!').trim_end();
    let row = match row.find(" m · ") {
        // The members' count, right-aligned before " m · ".
        Some(at) => row[..at].trim_end_matches(|c: char| c.is_ascii_digit()),
        None => row.trim_end_matches("(fermé)"),
    };
    row.trim().to_owned()
}

/// The circle selected in the Cercles list (the cercle général's row included).
pub fn selected_circle(app: &App) -> Option<String> {
    selected_row(app).map(|r| circle_name(&r))
}

/// The names of the Cercles list, top to bottom (the list fits the screen).
pub fn circle_names(app: &App) -> Vec<String> {
    list_rows(app, 1).iter().map(|r| circle_name(r)).collect()
}

/// The Cercles list's row of circle `name`, its counts included.
pub fn circle_row(app: &App, name: &str) -> String {
    list_rows(app, 1)
        .into_iter()
        .find(|r| circle_name(r) == name)
        .unwrap_or_else(|| panic!("{name} not in the list"))
}

/// Where the keyboard is inside the circle's detail: the title of the section marked `> `
/// (its count dropped), and the first line of the picked line in it, if one is.
pub fn detail_focus(app: &App) -> Option<(String, Option<String>)> {
    let lines = whole_detail(app);
    let section = lines
        .iter()
        .find(|l| l.starts_with("> ") && !l.starts_with("> • "))?;
    let section = section[2..].to_owned();
    let picked = lines
        .iter()
        .find_map(|l| l.strip_prefix("> • ").map(str::to_owned));
    Some((section, picked))
}

/// The title of the detail's section the keyboard is in (`Suivi 2025  ([ ] : année)`,
/// `Groupes de travail (1)`, `Décisions (3)`…), if it is in one.
pub fn focused_section(app: &App) -> Option<String> {
    detail_focus(app).map(|(section, _)| section)
}

/// The first line of the detail's line the keyboard is on.
pub fn picked_line(app: &App) -> Option<String> {
    detail_focus(app).and_then(|(_, picked)| picked)
}

/// The detail's line the keyboard is on (or, on a section's title, that title) is within the
/// rows of the 80x24 screen.
pub fn focus_on_screen(app: &App) -> bool {
    let shown = detail_on_screen(app);
    match detail_focus(app) {
        Some((_, Some(picked))) => shown.iter().any(|l| *l == format!("> • {picked}")),
        Some((section, None)) => shown.iter().any(|l| *l == format!("> {section}")),
        None => false,
    }
}

// --- the Membres tab ----------------------------------------------------------------------------

/// The Membres list's header rows (counts, then the filters).
const MEMBER_HEADER_ROWS: usize = 2;

/// The person the Membres tab shows: the title of its detail (`Prénom Nom`).
pub fn shown_person(app: &App) -> Option<String> {
    detail_pane(&buffer(app))
        .into_iter()
        .next()
        .filter(|t| !t.is_empty())
}

/// The Membres list's first header row (its counts) and its second (the filters on, or the
/// keys that set them).
pub fn member_header(app: &App) -> (String, String) {
    let pane = list_pane(&buffer(app));
    (pane[0].clone(), pane[1].clone())
}

/// How many people the Membres header says the list holds: `12 sur 70`, or everyone
/// (`70 personnes`, `70 personnes + 3 parti·es`).
pub fn member_count(app: &App) -> usize {
    let (counts, _) = member_header(app);
    let numbers: Vec<usize> = counts
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.parse().unwrap())
        .collect();
    if counts.contains(" sur ") {
        numbers[0]
    } else if counts.contains(" parti") {
        numbers[0] + numbers[1]
    } else {
        numbers[0]
    }
}

/// Every row of the Membres list (the list scrolled to its top shows them all on a tall
/// screen), checked against the count of the header.
pub fn member_rows(app: &App) -> Vec<String> {
    let rows = list_body(list_pane(&tall_buffer(app)), MEMBER_HEADER_ROWS);
    assert_eq!(
        rows.len(),
        member_count(app),
        "the list is scrolled: every row is not drawn\n{rows:#?}"
    );
    rows
}

/// The name of a Membres list row (`Nom Prénom`, cut with `…` past its column), without the
/// term flag.
pub fn member_row_name(row: &str) -> String {
    let row = row.trim_start().trim_start_matches('!').trim_start();
    // The name, then the type: `Aubert Camille   bénév. …`.
    let end = [" bénév.", " salar.", " élu·e", " prest."]
        .iter()
        .filter_map(|kind| row.find(kind))
        .min()
        .unwrap_or(row.len());
    row[..end].trim().to_owned()
}

// --- forms --------------------------------------------------------------------------------------

/// A form is open: the footer offers to save it, the conflict panel is shown, or one of its
/// fields is being searched.
pub fn form_open(app: &App) -> bool {
    use cercles::tui::Action;
    use cercles::tui::keymap::{Scope, key_label};
    let footer = footer(app);
    footer.starts_with(&format!("{} ", key_label(Scope::Form, Action::Save)))
        || footer.starts_with(&format!(
            "{} ",
            key_label(Scope::Conflict, Action::KeepTheirs)
        ))
        // A field's search has the keyboard: the form fills the body, no list beside it.
        || (footer == "tapez pour chercher · ↑ ↓ · Entrée choisit · Échap garde la valeur" && border_x(&buffer(app)).is_none())
}

/// The title of the open form, with its `* modifié` mark when it has changes.
pub fn form_title(app: &App) -> String {
    row(&buffer(app), 1).trim_end().to_owned()
}

/// The open form has changes not saved.
pub fn form_is_dirty(app: &App) -> bool {
    form_title(app).ends_with(cercles::catalogue::tui::DIRTY_LEGEND)
}

/// The first row under the body: the message line's first (it takes up to three rows), else
/// the footer.
fn body_end(app: &App, buf: &Buffer) -> u16 {
    let footer = buf.area.height - 2;
    let Some(message) = &app.message else {
        return footer;
    };
    let start: String = message.text.chars().take(12).collect();
    (footer.saturating_sub(3)..footer)
        .find(|y| row(buf, *y).contains(&start))
        .unwrap_or(footer)
}

/// The form's rows on the 80x24 screen: from under its title to the message line.
fn form_rows(app: &App, buf: &Buffer) -> Vec<String> {
    (2..body_end(app, buf)).map(|y| row(buf, y)).collect()
}

/// A form row is a field's: its focus mark, its "modified" mark, its label.
fn label_of(row: &str, label: &str) -> bool {
    let mut chars = row.chars();
    let (focus, dirty) = (chars.next(), chars.next());
    matches!(focus, Some('>' | ' '))
        && matches!(dirty, Some('*' | ' '))
        && chars.as_str().starts_with(label)
        && chars.as_str()[label.len()..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ')
}

fn field_label_row(row: &str) -> bool {
    let mut chars = row.chars();
    matches!(chars.next(), Some('>' | ' '))
        && matches!(chars.next(), Some('*' | ' '))
        && chars.next().is_some_and(|c| c != ' ')
}

/// The rows of the field labelled `label`: its own, then those under it up to the next field.
fn field_rows(app: &App, label: &str) -> Option<Vec<String>> {
    let rows = form_rows(app, &buffer(app));
    let at = rows.iter().position(|r| label_of(r, label))?;
    let mut out = vec![rows[at].clone()];
    out.extend(
        rows[at + 1..]
            .iter()
            .take_while(|r| !field_label_row(r))
            .cloned(),
    );
    Some(out)
}

/// The value the open form shows in the field labelled `label` (a choice without its `‹ ›`,
/// an empty date without its placeholder; the rows of a long text joined by spaces); `None`
/// when the form has no such field.
pub fn form_value(app: &App, label: &str) -> Option<String> {
    let rows = field_rows(app, label)?;
    let head: String = rows[0].chars().skip(2).collect::<String>();
    let mut parts = vec![head[label.len()..].trim().to_owned()];
    parts.extend(
        rows[1..]
            .iter()
            .map(|r| r.trim().to_owned())
            .take_while(|r| !r.starts_with("! "))
            .filter(|r| !r.is_empty()),
    );
    let value = parts.join(" ").trim().to_owned();
    let value = match value.strip_prefix("‹ ") {
        Some(choice) => choice.split(" ›").next().unwrap_or("").to_owned(),
        None => value,
    };
    let placeholders = [
        cercles::catalogue::tui::DATE_PLACEHOLDER,
        cercles::catalogue::tui::DAY_OR_MONTH_PLACEHOLDER,
    ];
    Some(if placeholders.contains(&value.as_str()) {
        String::new()
    } else {
        value
    })
}

/// The error the open form shows under the field labelled `label` (its rows joined).
pub fn field_error(app: &App, label: &str) -> Option<String> {
    let rows = field_rows(app, label)?;
    let lines: Vec<String> = rows[1..]
        .iter()
        .map(|r| r.trim().to_owned())
        .skip_while(|r| !r.starts_with("! "))
        .take_while(|r| !r.is_empty())
        .collect();
    let text = lines.join(" ");
    text.strip_prefix("! ").map(str::to_owned)
}

/// The open form's field labelled `label` has the keyboard.
pub fn field_focused(app: &App, label: &str) -> bool {
    field_rows(app, label).is_some_and(|rows| rows[0].starts_with('>'))
}

/// One field of the conflict panel as shown: its label, the version kept, both values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub label: String,
    pub keep_mine: bool,
    pub theirs: String,
    pub mine: String,
}

/// The fields of the conflict panel, if it is shown.
pub fn conflict_rows(app: &App) -> Option<Vec<ConflictRow>> {
    use cercles::catalogue::tui as msg;
    let buf = buffer(app);
    if !row(&buf, 1).starts_with("! ") {
        return None;
    }
    let kept_mine = format!("   [{}]", msg::CONFLICT_KEPT_MINE);
    let kept_theirs = format!("   [{}]", msg::CONFLICT_KEPT_THEIRS);
    let mut out: Vec<ConflictRow> = Vec::new();
    let mut side: Option<bool> = None;
    for r in form_rows(app, &buf) {
        let r = r.trim_end();
        let head = r.strip_prefix("> ").or_else(|| r.strip_prefix("  "));
        if let Some(head) = head.filter(|h| !h.starts_with(' ')) {
            let (label, keep_mine) = if let Some(l) = head.strip_suffix(&kept_mine) {
                (l, true)
            } else if let Some(l) = head.strip_suffix(&kept_theirs) {
                (l, false)
            } else {
                continue;
            };
            out.push(ConflictRow {
                label: label.to_owned(),
                keep_mine,
                theirs: String::new(),
                mine: String::new(),
            });
            side = None;
            continue;
        }
        let Some(last) = out.last_mut() else { continue };
        let t = r.trim_start();
        // `(x) leur version  : …`, `( ) votre version : …`
        let value = |tag: &str| {
            t.get(4..)
                .and_then(|rest| rest.strip_prefix(tag))
                .map(|rest| rest.trim_start().trim_start_matches(':').trim().to_owned())
        };
        if let Some(v) = value(msg::CONFLICT_THEIRS) {
            last.theirs = v;
            side = Some(false);
        } else if let Some(v) = value(msg::CONFLICT_MINE) {
            last.mine = v;
            side = Some(true);
        } else if !t.is_empty() {
            let target = match side {
                Some(true) => &mut last.mine,
                Some(false) => &mut last.theirs,
                None => continue,
            };
            target.push(' ');
            target.push_str(t);
        }
    }
    Some(out)
}
