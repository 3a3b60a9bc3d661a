//! What a frame sends down the wire. Over a slow SSH link the bytes of each frame are what a
//! person waits for, so this backend writes the cells ratatui found changed in fewer bytes than
//! crossterm's own: it keeps a copy of what the screen shows, and
//!
//! - a gap of a few unchanged cells between two changed ones on a row is written again (its
//!   letters cost less than a cursor move), a longer one is jumped with a short forward move;
//! - a row whose end became blank is erased to its end (`EL`) rather than written with spaces;
//! - the cursor goes down, or to the start of the next row, by the short relative moves;
//! - styles change by one short SGR sequence with only what changed, the 16 named colours in
//!   their short codes (`36`, not `38;5;6`), and are reset once at the end of the frame;
//! - the cursor is hidden once, not at every frame.
//!
//! What the terminal shows is the same as with crossterm's backend: the cells and styles ratatui
//! drew. `tests/tui_frames.rs` checks both and counts the bytes of a move.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The style of a cell, as the terminal holds it between two cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Modifiers that show on a space: with none of them, a space shows only its background.
const SHOWN_ON_SPACES: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// A space that shows only its background: any foreground, weight or slant draws it the same.
fn is_bare_space(cell: &Cell) -> bool {
    cell.symbol() == " " && !cell.modifier.intersects(SHOWN_ON_SPACES)
}

/// Whether writing `cell` in `pen` shows it as drawn.
fn draws(pen: Pen, cell: &Cell) -> bool {
    if is_bare_space(cell) && !pen.modifier.intersects(SHOWN_ON_SPACES) {
        pen.bg == cell.bg
    } else {
        pen == Pen::of(cell)
    }
}

/// A cell ratatui leaves as it is on screen (something drawn over it by other means).
fn skipped(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
}

/// A cell that erasing shows as drawn: a bare space on the default background.
fn is_blank(cell: &Cell) -> bool {
    !skipped(cell) && is_bare_space(cell) && cell.bg == Color::Reset
}

/// The SGR parameter of a colour: `base` is 30 for the foreground, 40 for the background.
fn color_param(out: &mut Vec<u8>, color: Color, base: u8) {
    let named = |n: u8| if n < 8 { base + n } else { base + 60 + n - 8 };
    let code = match color {
        Color::Reset => base + 9,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => {
            let _ = write!(out, "{};5;{i}", base + 8);
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "{};2;{r};{g};{b}", base + 8);
            return;
        }
    };
    let _ = write!(out, "{code}");
}

/// The underline colour's parameter (no short forms there).
fn underline_param(out: &mut Vec<u8>, color: Color) {
    let index = match color {
        Color::Reset => {
            out.extend_from_slice(b"59");
            return;
        }
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "58;2;{r};{g};{b}");
            return;
        }
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    let _ = write!(out, "58;5;{index}");
}

/// Each modifier with the SGR code that sets it and the one that unsets it.
const MODIFIER_CODES: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// One SGR sequence taking the terminal from `from` to `to`.
fn sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    if from == to {
        return;
    }
    out.extend_from_slice(b"\x1b[");
    let start = out.len();
    let param = |out: &mut Vec<u8>, write: &dyn Fn(&mut Vec<u8>)| {
        if out.len() > start {
            out.push(b';');
        }
        write(out);
    };
    if to == Pen::PLAIN {
        // `ESC [ m`: everything back to plain.
        out.push(b'm');
        return;
    }
    let removed = from.modifier - to.modifier;
    // What an unset code takes away with it (22 unsets bold and dim, 25 both blinks) is set
    // again after.
    let mut kept_off = Modifier::empty();
    let mut unset: Vec<u8> = Vec::new();
    for (m, _, off) in MODIFIER_CODES {
        if removed.contains(m) && !unset.contains(&off) {
            unset.push(off);
            for (other, _, other_off) in MODIFIER_CODES {
                if other_off == off {
                    kept_off |= other;
                }
            }
        }
    }
    for off in unset {
        param(out, &|o| {
            let _ = write!(o, "{off}");
        });
    }
    let set = (to.modifier - from.modifier) | (to.modifier & kept_off);
    for (m, on, _) in MODIFIER_CODES {
        if set.contains(m) {
            param(out, &|o| {
                let _ = write!(o, "{on}");
            });
        }
    }
    if to.fg != from.fg {
        param(out, &|o| color_param(o, to.fg, 30));
    }
    if to.bg != from.bg {
        param(out, &|o| color_param(o, to.bg, 40));
    }
    if to.underline != from.underline {
        param(out, &|o| underline_param(o, to.underline));
    }
    out.push(b'm');
}

/// A backend writing to `W` (the terminal) in few bytes; see the module's page.
pub struct LeanBackend<W: Write> {
    writer: W,
    /// What the screen shows, row by row; cells past a row's end, or rows past the last, are
    /// blank (the screen was cleared, or they were never drawn).
    shown: Vec<Vec<Cell>>,
    /// Where the terminal's cursor is, when known.
    cursor: Option<(u16, u16)>,
    /// The cursor is known to be hidden.
    hidden: bool,
    /// The frame being written, sent in one write.
    out: Vec<u8>,
    /// `shown` is what the screen shows (false after a clear of a part whose place was not
    /// known: then gaps are jumped and rows never erased, as crossterm's backend does).
    trusted: bool,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            writer,
            shown: Vec::new(),
            cursor: None,
            hidden: false,
            out: Vec::new(),
            trusted: true,
        }
    }

    fn cell(&self, x: u16, y: u16) -> Option<&Cell> {
        self.shown.get(usize::from(y))?.get(usize::from(x))
    }

    fn note(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shown.len() <= y {
            self.shown.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.shown[y];
        if row.len() <= x {
            row.resize_with(x + 1, Cell::default);
        }
        row[x] = cell.clone();
    }

    /// Whether every cell of row `y` from `x` on is blank.
    fn blank_from(&self, x: u16, y: u16) -> bool {
        self.trusted
            && self
                .shown
                .get(usize::from(y))
                .is_none_or(|row| row.iter().skip(usize::from(x)).all(is_blank))
    }

    /// The bytes that write again the cells `from..to` of row `y` in the pen `pen`, if they are
    /// all plain one-column cells in that pen (else a move is needed).
    fn gap_bytes(&self, from: u16, to: u16, y: u16, pen: Pen) -> Option<usize> {
        if !self.trusted {
            return None;
        }
        let mut bytes = 0;
        for x in from..to {
            let blank = Cell::default();
            let cell = self.cell(x, y).unwrap_or(&blank);
            if skipped(cell) || !draws(pen, cell) || cell.symbol().width() != 1 {
                return None;
            }
            bytes += cell.symbol().len();
        }
        Some(bytes)
    }

    /// Bring the cursor to `(x, y)` the shortest way: it is there, or the cells between are
    /// written again, or it moves forward, or it goes there.
    fn go_to(&mut self, x: u16, y: u16, pen: Pen) {
        if self.cursor == Some((x, y)) {
            return;
        }
        if let Some((cx, cy)) = self.cursor
            && cy == y
            && cx < x
        {
            let forward = format!("\x1b[{}C", x - cx);
            if let Some(bytes) = self.gap_bytes(cx, x, y, pen)
                && bytes <= forward.len()
            {
                for gx in cx..x {
                    if let Some(cell) = self
                        .shown
                        .get(usize::from(y))
                        .and_then(|r| r.get(usize::from(gx)))
                    {
                        self.out.extend_from_slice(cell.symbol().as_bytes());
                    } else {
                        self.out.push(b' ');
                    }
                }
            } else {
                self.out.extend_from_slice(forward.as_bytes());
            }
        } else if let Some((cx, cy)) = self.cursor
            && cx == x
            && cy < y
        {
            // Straight down (the column known, so not past the last one).
            match y - cy {
                1 => self.out.extend_from_slice(b"\x1b[B"),
                dy => {
                    let _ = write!(self.out, "\x1b[{dy}B");
                }
            }
        } else if x == 0 && self.cursor.is_some_and(|(_, cy)| cy + 1 == y) {
            // The start of the next row: carriage return, line feed (never past the last row,
            // where a line feed would scroll: `y` is on screen).
            self.out.extend_from_slice(b"\r\n");
        } else {
            let _ = write!(self.out, "\x1b[{};{}H", y + 1, x + 1);
        }
        self.cursor = Some((x, y));
    }
}

impl<W: Write> Write for LeanBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // First what the screen will show, so that a gap or a row's end is judged on it.
        let mut changed: Vec<(u16, u16)> = Vec::new();
        for (x, y, cell) in content {
            self.note(x, y, cell);
            changed.push((x, y));
        }
        let mut pen = Pen::PLAIN;
        let mut i = 0;
        while i < changed.len() {
            let (x, y) = changed[i];
            let Some(cell) = self.cell(x, y).cloned() else {
                i += 1;
                continue;
            };
            if skipped(&cell) {
                i += 1;
                continue;
            }
            // The rest of the row blank: erased in one go, if that is shorter than its spaces.
            let rest_of_row = changed[i..].iter().take_while(|(_, ry)| *ry == y).count();
            if rest_of_row >= 3 && self.blank_from(x, y) {
                self.go_to(x, y, pen);
                sgr(&mut self.out, pen, Pen::PLAIN);
                pen = Pen::PLAIN;
                self.out.extend_from_slice(b"\x1b[K");
                i += rest_of_row;
                continue;
            }
            self.go_to(x, y, pen);
            if !draws(pen, &cell) {
                sgr(&mut self.out, pen, Pen::of(&cell));
                pen = Pen::of(&cell);
            }
            self.out.extend_from_slice(cell.symbol().as_bytes());
            let width = u16::try_from(cell.symbol().width()).unwrap_or(1);
            // Past a wide letter, or at the edge of the screen, where the cursor is is the
            // terminal's business: the next cell says where it goes.
            self.cursor = (width == 1).then_some((x + 1, y));
            i += 1;
        }
        sgr(&mut self.out, pen, Pen::PLAIN);
        self.writer.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.hidden {
            self.writer.write_all(b"\x1b[?25l")?;
            self.hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.writer.write_all(b"\x1b[?25h")?;
        self.hidden = false;
        self.writer.flush()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = ratatui::crossterm::cursor::position()?;
        self.cursor = Some((x, y));
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        write!(self.writer, "\x1b[{};{}H", y + 1, x + 1)?;
        self.cursor = Some((x, y));
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.writer.write_all(code)?;
        match (clear_type, self.cursor) {
            (ClearType::AfterCursor, Some((x, y))) => {
                self.shown.truncate(usize::from(y) + 1);
                if let Some(row) = self.shown.get_mut(usize::from(y)) {
                    row.truncate(usize::from(x));
                }
            }
            (ClearType::UntilNewLine, Some((x, y))) => {
                if let Some(row) = self.shown.get_mut(usize::from(y)) {
                    row.truncate(usize::from(x));
                }
            }
            (ClearType::CurrentLine, Some((_, y))) => {
                if let Some(row) = self.shown.get_mut(usize::from(y)) {
                    row.clear();
                }
            }
            (ClearType::BeforeCursor, Some((x, y))) => {
                for (ry, row) in self.shown.iter_mut().enumerate() {
                    if ry < usize::from(y) {
                        row.clear();
                    } else if ry == usize::from(y) {
                        row.iter_mut()
                            .take(usize::from(x) + 1)
                            .for_each(|c| *c = Cell::default());
                    }
                }
            }
            (ClearType::All, _) => {
                self.shown.clear();
                self.trusted = true;
            }
            // Where the cursor is was not known: what the screen shows is not either, until it
            // is cleared whole.
            _ => self.trusted = false,
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = ratatui::crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let ws = ratatui::crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: ws.columns,
                height: ws.rows,
            },
            pixels: Size {
                width: ws.width,
                height: ws.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}
