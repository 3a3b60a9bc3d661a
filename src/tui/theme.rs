//! Colours: the 16 ANSI colours only (ssh does not forward `COLORTERM`, so no truecolor), or
//! none at all when `NO_COLOR` is set. Every meaning that a colour carries is also carried by a
//! symbol or a word in the views (`>` for the selection, `!` for an error, `*` for a change), so
//! the plain theme only adds modifiers (bold, reversed) and loses no information.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{AnsiColour, Colours};

/// The colours each meaning is drawn in; an installation's `config.toml` may change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub accent: Color,
    pub highlight: Color,
    pub muted: Color,
    pub error: Color,
    pub ok: Color,
    pub theirs: Color,
    pub border: Color,
    pub status_bar: Color,
}

impl Palette {
    pub const DEFAULT: Palette = Palette {
        accent: Color::Cyan,
        highlight: Color::Yellow,
        muted: Color::DarkGray,
        error: Color::LightRed,
        ok: Color::LightGreen,
        theirs: Color::LightMagenta,
        border: Color::Gray,
        status_bar: Color::Blue,
    };

    /// The built-in colours, with those the configuration names instead.
    pub fn configured(colours: &Colours) -> Palette {
        let d = Palette::DEFAULT;
        let pick = |c: Option<AnsiColour>, default: Color| c.map_or(default, ansi);
        Palette {
            accent: pick(colours.accent, d.accent),
            highlight: pick(colours.highlight, d.highlight),
            muted: pick(colours.muted, d.muted),
            error: pick(colours.error, d.error),
            ok: pick(colours.ok, d.ok),
            theirs: pick(colours.theirs, d.theirs),
            border: pick(colours.border, d.border),
            status_bar: pick(colours.status_bar, d.status_bar),
        }
    }
}

fn ansi(c: AnsiColour) -> Color {
    match c {
        AnsiColour::Black => Color::Black,
        AnsiColour::Red => Color::Red,
        AnsiColour::Green => Color::Green,
        AnsiColour::Yellow => Color::Yellow,
        AnsiColour::Blue => Color::Blue,
        AnsiColour::Magenta => Color::Magenta,
        AnsiColour::Cyan => Color::Cyan,
        AnsiColour::Gray => Color::Gray,
        AnsiColour::DarkGray => Color::DarkGray,
        AnsiColour::LightRed => Color::LightRed,
        AnsiColour::LightGreen => Color::LightGreen,
        AnsiColour::LightYellow => Color::LightYellow,
        AnsiColour::LightBlue => Color::LightBlue,
        AnsiColour::LightMagenta => Color::LightMagenta,
        AnsiColour::LightCyan => Color::LightCyan,
        AnsiColour::White => Color::White,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub fn from_env() -> Theme {
        Theme::from_env_with(Palette::DEFAULT)
    }

    /// The configured colours, unless `NO_COLOR` is set.
    pub fn from_env_with(palette: Palette) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            palette,
        }
    }

    pub const fn colored() -> Theme {
        Theme {
            color: true,
            palette: Palette::DEFAULT,
        }
    }

    pub const fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::DEFAULT,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    /// The selected row of a list.
    pub fn selected(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.accent)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn tab_active(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(self.palette.highlight)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn title(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn label(&self) -> Style {
        self.fg(self.palette.accent)
    }

    pub fn muted(&self) -> Style {
        self.fg(self.palette.muted)
    }

    pub fn key(&self) -> Style {
        self.fg(self.palette.highlight).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(self.palette.ok)
    }

    /// A notice: something to know, not a failure.
    pub fn warning(&self) -> Style {
        self.fg(self.palette.highlight).add_modifier(Modifier::BOLD)
    }

    /// A field changed and not saved yet.
    pub fn dirty(&self) -> Style {
        self.fg(self.palette.highlight)
    }

    /// The other person's value in a conflict.
    pub fn theirs(&self) -> Style {
        self.fg(self.palette.theirs)
    }

    pub fn mine(&self) -> Style {
        self.fg(self.palette.ok)
    }

    pub fn border(&self) -> Style {
        self.fg(self.palette.border)
    }

    pub fn focused_border(&self) -> Style {
        self.fg(self.palette.highlight)
    }

    pub fn status_bar(&self) -> Style {
        if self.color {
            Style::new().fg(Color::White).bg(self.palette.status_bar)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Where the text cursor of a form field sits.
    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_colours_replace_only_what_they_name() {
        let colours = Colours {
            accent: Some(AnsiColour::LightBlue),
            status_bar: Some(AnsiColour::Black),
            ..Colours::default()
        };
        let theme = Theme {
            color: true,
            palette: Palette::configured(&colours),
        };
        assert_eq!(theme.title().fg, Some(Color::LightBlue));
        assert_eq!(theme.selected().bg, Some(Color::LightBlue));
        assert_eq!(theme.status_bar().bg, Some(Color::Black));
        assert_eq!(theme.error().fg, Some(Color::LightRed));
        assert_eq!(Palette::configured(&Colours::default()), Palette::DEFAULT);
        // Without colour, the configuration changes nothing.
        let plain = Theme {
            color: false,
            ..theme
        };
        assert_eq!(plain.title().fg, None);
    }
}
