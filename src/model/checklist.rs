//! Checklist templates of events (`assets/checklists/*.toml`, compiled in): each task with its
//! offset from the event's date (`J-90`, `J`, `J+15`) and the circle responsible; planning a
//! checklist from an event's date, and moving open tasks when the event moves.

use chrono::{Days, NaiveDate};
use serde::Deserialize;

/// The templates shipped with the program, as (file name, text).
const SHIPPED: [(&str, &str); 3] = [
    (
        "rencontre_locale.toml",
        include_str!("../../assets/checklists/rencontre_locale.toml"),
    ),
    (
        "rencontre_nationale.toml",
        include_str!("../../assets/checklists/rencontre_nationale.toml"),
    ),
    (
        "visio_ma.toml",
        include_str!("../../assets/checklists/visio_ma.toml"),
    ),
];

/// Days before (negative) or after (positive) the event's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Offset(pub i64);

impl Offset {
    /// `J-90`, `J`, `J+15` (also `j-90`, `J - 90`).
    pub fn parse(text: &str) -> Option<Offset> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = compact.strip_prefix(['J', 'j'])?;
        if rest.is_empty() {
            return Some(Offset(0));
        }
        let (sign, digits) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => return None,
        };
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(Offset(sign * digits.parse::<i64>().ok()?))
    }

    /// The day this offset names for an event on `event`.
    pub fn from(self, event: NaiveDate) -> Option<NaiveDate> {
        let days = Days::new(self.0.unsigned_abs());
        if self.0 < 0 {
            event.checked_sub_days(days)
        } else {
            event.checked_add_days(days)
        }
    }
}

impl std::fmt::Display for Offset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            0 => write!(f, "J"),
            n if n < 0 => write!(f, "J{n}"),
            n => write!(f, "J+{n}"),
        }
    }
}

/// One task of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateTask {
    pub title: String,
    pub offset: Offset,
    /// The circle responsible, by name.
    pub circle: String,
}

/// A checklist template: the kind of event it is for, and its tasks in planning order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The event kind's code (`rencontre_locale`, `rencontre_nationale`, `visio_ma`).
    pub kind: String,
    pub title: String,
    pub tasks: Vec<TemplateTask>,
}

/// A task of a checklist planned for an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedTask {
    pub title: String,
    pub circle: String,
    pub due: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    kind: String,
    title: String,
    task: Vec<TaskEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskEntry {
    title: String,
    offset: String,
    circle: String,
}

/// What is wrong with a template file, for whoever edits the assets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("{file}: {message}")]
    Toml { file: String, message: String },
    #[error("{file}: task « {task} »: offset « {offset} » is not J, J-N or J+N")]
    Offset {
        file: String,
        task: String,
        offset: String,
    },
    #[error("{file}: a task with an empty title or circle")]
    Empty { file: String },
}

impl Template {
    /// Read one template file.
    pub fn parse(file: &str, text: &str) -> Result<Template, TemplateError> {
        let raw: TemplateFile = toml::from_str(text).map_err(|e| TemplateError::Toml {
            file: file.to_owned(),
            message: e.to_string(),
        })?;
        let mut tasks = Vec::with_capacity(raw.task.len());
        for t in raw.task {
            let title = t.title.trim().to_owned();
            let circle = t.circle.trim().to_owned();
            if title.is_empty() || circle.is_empty() {
                return Err(TemplateError::Empty {
                    file: file.to_owned(),
                });
            }
            let offset = Offset::parse(&t.offset).ok_or_else(|| TemplateError::Offset {
                file: file.to_owned(),
                task: title.clone(),
                offset: t.offset.clone(),
            })?;
            tasks.push(TemplateTask {
                title,
                offset,
                circle,
            });
        }
        // Planning order: the earliest first; tasks of one day keep the file's order.
        tasks.sort_by_key(|t| t.offset);
        Ok(Template {
            kind: raw.kind.trim().to_owned(),
            title: raw.title.trim().to_owned(),
            tasks,
        })
    }

    /// The templates shipped with the program.
    pub fn shipped() -> Result<Vec<Template>, TemplateError> {
        SHIPPED
            .iter()
            .map(|(file, text)| Template::parse(file, text))
            .collect()
    }

    /// The tasks with their due dates, counted from an event on `event`. A date out of the
    /// calendar's range (never for a real event) leaves its task out.
    pub fn plan(&self, event: NaiveDate) -> Vec<PlannedTask> {
        self.tasks
            .iter()
            .filter_map(|t| {
                Some(PlannedTask {
                    title: t.title.clone(),
                    circle: t.circle.clone(),
                    due: t.offset.from(event)?,
                })
            })
            .collect()
    }
}

/// Where a task due on `due` moves when its event moves from `from` to `to`: by as many days
/// as the event (a task done keeps its date; the caller moves only the open ones).
pub fn replanned(due: NaiveDate, from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
    let shift = Offset((to - from).num_days());
    shift.from(due)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn offsets_read_as_the_report_writes_them() {
        assert_eq!(Offset::parse("J-90"), Some(Offset(-90)));
        assert_eq!(Offset::parse("J+15"), Some(Offset(15)));
        assert_eq!(Offset::parse("J"), Some(Offset(0)));
        assert_eq!(Offset::parse(" j - 7 "), Some(Offset(-7)));
        for bad in ["", "90", "J-", "J+x", "J90", "K-3", "J-99999", "J--3"] {
            assert_eq!(Offset::parse(bad), None, "{bad}");
        }
        assert_eq!(Offset(-90).to_string(), "J-90");
        assert_eq!(Offset(15).to_string(), "J+15");
        assert_eq!(Offset(0).to_string(), "J");
    }

    #[test]
    fn the_shipped_templates_read_and_plan_backwards() {
        let all = Template::shipped().unwrap();
        let kinds: Vec<&str> = all.iter().map(|t| t.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["rencontre_locale", "rencontre_nationale", "visio_ma"]
        );
        for t in &all {
            assert!(t.tasks.len() >= 5, "{}", t.kind);
            assert!(t.tasks.windows(2).all(|w| w[0].offset <= w[1].offset));
        }
        let locale = &all[0];
        // Trévoux, a Saturday of June 2025.
        let plan = locale.plan(d(2025, 6, 14));
        assert_eq!(plan.len(), locale.tasks.len());
        assert_eq!(plan[0].due, d(2025, 4, 15));
        assert_eq!(plan.last().unwrap().due, d(2025, 6, 29));
        assert!(plan.windows(2).all(|w| w[0].due <= w[1].due));
        // The national gathering starts eight months ahead with its note d'intention.
        let nationale = &all[1];
        let first = &nationale.plan(d(2025, 8, 22))[0];
        assert!(first.title.contains("note d'intention"), "{}", first.title);
        assert_eq!(first.circle, "Rencontres nationales");
        assert_eq!(first.due, d(2024, 12, 25));
    }

    #[test]
    fn a_bad_template_is_named_with_its_task() {
        let bad = "kind = \"x\"\ntitle = \"X\"\n[[task]]\ntitle = \"Lieu\"\noffset = \"90\"\ncircle = \"Finances\"\n";
        let err = Template::parse("x.toml", bad).unwrap_err();
        assert!(err.to_string().contains("Lieu"), "{err}");
        let unknown = "kind = \"x\"\ntitle = \"X\"\nwho = 1\n";
        assert!(matches!(
            Template::parse("x.toml", unknown),
            Err(TemplateError::Toml { .. })
        ));
        let empty = "kind = \"x\"\ntitle = \"X\"\n[[task]]\ntitle = \" \"\noffset = \"J\"\ncircle = \"Finances\"\n";
        assert!(matches!(
            Template::parse("x.toml", empty),
            Err(TemplateError::Empty { .. })
        ));
    }

    #[test]
    fn open_tasks_move_with_their_event() {
        // The event a week later: a task due at J-7 is due a week later too.
        assert_eq!(
            replanned(d(2025, 6, 7), d(2025, 6, 14), d(2025, 6, 21)),
            Some(d(2025, 6, 14))
        );
        // Earlier by three days, across a month.
        assert_eq!(
            replanned(d(2025, 7, 1), d(2025, 6, 14), d(2025, 6, 11)),
            Some(d(2025, 6, 28))
        );
        assert_eq!(
            replanned(d(2025, 7, 1), d(2025, 6, 14), d(2025, 6, 14)),
            Some(d(2025, 7, 1))
        );
    }
}
