//! The installation's defaults: `config.toml` in the config directory (`~/.config/cercles`),
//! or the file `$CERCLES_CONFIG` names. Every key is optional; a key or a value the program
//! does not know stops it at start-up with one French line naming the key, never ignored.
//! Loaded once by the command line and passed down; a user's own preferences live with the
//! user in the database, not here.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalogue::config as msg;

pub const FOLLOW_UP_MONTHS: RangeOf = RangeOf {
    default: crate::model::collective::FOLLOW_UP_MONTHS_DEFAULT,
    min: 1,
    max: 36,
};
pub const RETENTION_YEARS: RangeOf = RangeOf {
    default: 2,
    min: 1,
    max: 10,
};

/// A whole number key: its default and the values accepted.
#[derive(Debug, Clone, Copy)]
pub struct RangeOf {
    pub default: u32,
    pub min: u32,
    pub max: u32,
}

/// The 16 ANSI colours, the only ones assumed over SSH.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnsiColour {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl AnsiColour {
    pub const ALL: [(&'static str, AnsiColour); 16] = [
        ("black", AnsiColour::Black),
        ("red", AnsiColour::Red),
        ("green", AnsiColour::Green),
        ("yellow", AnsiColour::Yellow),
        ("blue", AnsiColour::Blue),
        ("magenta", AnsiColour::Magenta),
        ("cyan", AnsiColour::Cyan),
        ("gray", AnsiColour::Gray),
        ("dark_gray", AnsiColour::DarkGray),
        ("light_red", AnsiColour::LightRed),
        ("light_green", AnsiColour::LightGreen),
        ("light_yellow", AnsiColour::LightYellow),
        ("light_blue", AnsiColour::LightBlue),
        ("light_magenta", AnsiColour::LightMagenta),
        ("light_cyan", AnsiColour::LightCyan),
        ("white", AnsiColour::White),
    ];

    /// `light_red`, `Light-Red`, `light red`, and `grey` for `gray`.
    pub fn from_name(name: &str) -> Option<AnsiColour> {
        let key = name
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .replace("grey", "gray");
        AnsiColour::ALL
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, c)| *c)
    }
}

/// The theme's colours an installation may change; `None` keeps the built-in one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Colours {
    /// Titles, labels and the selected row (cyan).
    pub accent: Option<AnsiColour>,
    /// The active tab, keys, focused borders, notices and unsaved changes (yellow).
    pub highlight: Option<AnsiColour>,
    /// Secondary text (dark gray).
    pub muted: Option<AnsiColour>,
    /// Errors (light red).
    pub error: Option<AnsiColour>,
    /// Success, and one's own value in a conflict (light green).
    pub ok: Option<AnsiColour>,
    /// The other person's value in a conflict (light magenta).
    pub theirs: Option<AnsiColour>,
    /// Borders (gray).
    pub border: Option<AnsiColour>,
    /// The status bar's background (blue).
    pub status_bar: Option<AnsiColour>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file read, when there was one.
    pub source: Option<PathBuf>,
    /// A collective without news for this many months is due a follow-up.
    pub follow_up_months: u32,
    /// Personal data of people gone for this many years is due erasure.
    pub retention_years: u32,
    exports_dir: Option<PathBuf>,
    pub colours: Colours,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            source: None,
            follow_up_months: FOLLOW_UP_MONTHS.default,
            retention_years: RETENTION_YEARS.default,
            exports_dir: None,
            colours: Colours::default(),
        }
    }
}

impl Config {
    /// Where exports go: the configured folder (a relative one is taken from the database's
    /// folder), else a folder `exports` beside the database.
    pub fn exports_dir(&self, database: &Path) -> PathBuf {
        let beside = database.parent().unwrap_or(Path::new("."));
        match &self.exports_dir {
            Some(dir) => beside.join(dir),
            None => beside.join("exports"),
        }
    }
}

/// The file as written: every key optional, none unknown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    follow_up_months: Option<i64>,
    retention_years: Option<i64>,
    exports_dir: Option<String>,
    colours: Option<ColoursFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColoursFile {
    accent: Option<String>,
    highlight: Option<String>,
    muted: Option<String>,
    error: Option<String>,
    ok: Option<String>,
    theirs: Option<String>,
    border: Option<String>,
    status_bar: Option<String>,
}

/// Every key, with what a wrong value of it is told it should be.
const KEYS: [(&str, &str); 12] = [
    ("follow_up_months", msg::WANTS_MONTHS),
    ("retention_years", msg::WANTS_YEARS),
    ("exports_dir", msg::WANTS_FOLDER),
    ("colours", msg::WANTS_TABLE),
    ("colours.accent", msg::WANTS_COLOUR),
    ("colours.highlight", msg::WANTS_COLOUR),
    ("colours.muted", msg::WANTS_COLOUR),
    ("colours.error", msg::WANTS_COLOUR),
    ("colours.ok", msg::WANTS_COLOUR),
    ("colours.theirs", msg::WANTS_COLOUR),
    ("colours.border", msg::WANTS_COLOUR),
    ("colours.status_bar", msg::WANTS_COLOUR),
];

/// A configuration that stops the program: one line for stderr.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// The configuration of this run: `$CERCLES_CONFIG` (which must exist), else `config.toml`
/// in the config directory, else the defaults.
pub fn load() -> Result<Config, ConfigError> {
    if let Some(named) = std::env::var_os("CERCLES_CONFIG").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(named);
        if !path.exists() {
            return Err(ConfigError(msg::env_file_missing(&shown(&path))));
        }
        return load_file(&path);
    }
    match directories::ProjectDirs::from("", "", "cercles") {
        Some(dirs) => {
            let path = dirs.config_dir().join("config.toml");
            if path.exists() {
                load_file(&path)
            } else {
                Ok(Config::default())
            }
        }
        None => Ok(Config::default()),
    }
}

fn shown(path: &Path) -> String {
    crate::text::escape_for_terminal(&path.display().to_string())
}

pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| {
        ConfigError(msg::unreadable(
            &shown(path),
            &crate::catalogue::store::io_error(&e),
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError(msg::not_utf8(&shown(path))))?;
    let mut config = parse(&text, &shown(path))?;
    config.source = Some(path.to_path_buf());
    Ok(config)
}

/// The configuration written in `text`; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let read: ConfigFile =
        toml::from_str(text).map_err(|e| ConfigError(explain(&e, text, file)))?;
    let number = |key: &str, value: Option<i64>, range: RangeOf, unit: &str| match value {
        None => Ok(range.default),
        // In range, hence a u32.
        Some(v) if (i64::from(range.min)..=i64::from(range.max)).contains(&v) => {
            Ok(u32::try_from(v).unwrap_or(range.default))
        }
        Some(v) => Err(ConfigError(msg::out_of_range(
            file,
            key,
            v,
            range.min.into(),
            range.max.into(),
            unit,
        ))),
    };
    let exports_dir = match read.exports_dir {
        Some(dir) if dir.trim().is_empty() => {
            return Err(ConfigError(msg::empty_folder(file, "exports_dir")));
        }
        other => other.map(PathBuf::from),
    };
    Ok(Config {
        source: None,
        follow_up_months: number(
            "follow_up_months",
            read.follow_up_months,
            FOLLOW_UP_MONTHS,
            msg::UNIT_MONTHS,
        )?,
        retention_years: number(
            "retention_years",
            read.retention_years,
            RETENTION_YEARS,
            msg::UNIT_YEARS,
        )?,
        exports_dir,
        colours: colours(read.colours.unwrap_or_default(), file)?,
    })
}

fn colours(read: ColoursFile, file: &str) -> Result<Colours, ConfigError> {
    let colour = |key: &str, value: Option<String>| -> Result<Option<AnsiColour>, ConfigError> {
        let Some(value) = value else {
            return Ok(None);
        };
        AnsiColour::from_name(&value).map(Some).ok_or_else(|| {
            let known: Vec<&str> = AnsiColour::ALL.iter().map(|(n, _)| *n).collect();
            ConfigError(msg::unknown_colour(
                file,
                &format!("colours.{key}"),
                &crate::text::excerpt_for_message(&value),
                &known.join(", "),
            ))
        })
    };
    Ok(Colours {
        accent: colour("accent", read.accent)?,
        highlight: colour("highlight", read.highlight)?,
        muted: colour("muted", read.muted)?,
        error: colour("error", read.error)?,
        ok: colour("ok", read.ok)?,
        theirs: colour("theirs", read.theirs)?,
        border: colour("border", read.border)?,
        status_bar: colour("status_bar", read.status_bar)?,
    })
}

/// The French line for an error of the TOML reader: an unknown key, a value of the wrong type
/// (both named by their full key, `colours.accent`), or a syntax error, with its line.
fn explain(e: &toml::de::Error, text: &str, file: &str) -> String {
    let Some(span) = e.span() else {
        return msg::syntax(file, 1);
    };
    let start = span.start.min(text.len());
    let line = text.get(..start).map_or(1, |t| t.matches('\n').count() + 1);
    let message = e.message();
    if message.starts_with("unknown field") {
        let key = key_at(text, start, span.end);
        let section = key
            .rsplit_once('.')
            .map(|(s, _)| format!("{s}."))
            .unwrap_or_default();
        let known: Vec<&str> = KEYS
            .iter()
            .filter_map(|(k, _)| k.strip_prefix(section.as_str()))
            .filter(|k| !k.contains('.'))
            .collect();
        return msg::unknown_key(
            file,
            line,
            &crate::text::excerpt_for_message(&key),
            &known.join(", "),
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let key = key_at(text, start, span.end);
        let expected = KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(msg::WANTS_VALUE, |(_, wants)| *wants);
        return msg::wrong_type(
            file,
            line,
            &crate::text::excerpt_for_message(&key),
            expected,
        );
    }
    msg::syntax(file, line)
}

/// The full key (`colours.accent`) of what the TOML reader's span points at: a key (unknown)
/// or a value (of the wrong type), on a `key = value` line, in a `[section]` header, or inside
/// an inline table.
fn key_at(text: &str, start: usize, end: usize) -> String {
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let before = text.get(line_start..start).unwrap_or_default();
    let spanned = text.get(start..end.max(start)).unwrap_or_default();
    let clean = |k: &str| {
        k.trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .trim()
            .to_owned()
    };
    if before.trim_start().starts_with('[') {
        // In a header: the key is the header's path up to and including what is spanned.
        let upto = format!("{before}{spanned}");
        return upto
            .trim_start()
            .trim_start_matches('[')
            .split('.')
            .map(clean)
            .collect::<Vec<_>>()
            .join(".");
    }
    let mut path: Vec<String> = Vec::new();
    // The section this line is in: the last header above it.
    if let Some(header) = text
        .get(..line_start)
        .unwrap_or_default()
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
    {
        let name = header.trim_start_matches('[').trim_end_matches(']');
        path.extend(name.split('.').map(clean).filter(|k| !k.is_empty()));
    }
    // Keys on this line before the span: `colours = { accent = ` holds `colours`, `accent`.
    let parts: Vec<&str> = before.split('=').collect();
    let is_key = !before.trim_end().ends_with('=');
    if let Some((_, keys)) = parts.split_last() {
        // A spanned key's dotted prefix (`colours.` of `colours.accnt`) is in the last part.
        let keyed = if is_key { parts.as_slice() } else { keys };
        for part in keyed {
            let key = part.rsplit(['{', ',']).next().unwrap_or_default();
            path.extend(key.split('.').map(clean).filter(|k| !k.is_empty()));
        }
    }
    if is_key {
        path.extend(spanned.split('.').map(clean).filter(|k| !k.is_empty()));
    }
    path.join(".")
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
