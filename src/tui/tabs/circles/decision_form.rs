//! The decision form of the Cercles tab (new or edited): the instance picked among AG,
//! cercle général, coordination and the working circles, the dates, the text; and its record
//! on the shared editor. Deleted elsewhere while edited, it can be created again.

use chrono::NaiveDate;

use super::editor::{
    AfterSave, CircleEditor, ITEM_WORDS, date_text, multi, optional_date, refused, required_date,
};
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{Circle, CircleKind, Decision, DecisionDraft, Instance, decision, format_date};
use crate::store::Store;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Current, Editor, Record, Refusal, SaveError, Saved, Words};
use crate::tui::widgets::form::{FieldKind, Form};

pub const INSTANCE: &str = "instance";
/// The decision's title, by the code the model names it with (`forms`, which re-exports this
/// file's keys, is not imported back).
const TITLE: &str = decision::fields::TITLE.code;
pub const DECIDED_ON: &str = "decided_on";
pub const BODY: &str = decision::fields::BODY.code;
pub const REVIEW_ON: &str = decision::fields::REVIEW_ON.code;

/// The instances a decision can be of: AG, cercle général, coordination, then every working
/// circle by name.
pub fn instance_choices(circles: &[Circle]) -> Vec<(String, Instance)> {
    let mut out: Vec<(String, Instance)> = [
        Instance::Ag,
        Instance::CercleGeneral,
        Instance::Coordination,
    ]
    .into_iter()
    .filter_map(|i| i.label().map(|l| (l.to_owned(), i)))
    .collect();
    for c in circles.iter().filter(|c| c.kind == CircleKind::Work) {
        out.push((c.name().to_owned(), Instance::Cercle(c.id)));
    }
    out
}

fn instance_label(choices: &[(String, Instance)], instance: Instance) -> String {
    choices
        .iter()
        .find(|(_, i)| *i == instance)
        .map(|(l, _)| l.clone())
        .unwrap_or_default()
}

fn decision_form(
    title: &str,
    d: &DecisionDraft,
    choices: &[(String, Instance)],
    today: NaiveDate,
    theme: Theme,
) -> Form {
    let labels = choices.iter().map(|(l, _)| l.clone()).collect();
    Form::new(title, today, theme)
        .field(
            INSTANCE,
            cm::LABEL_INSTANCE,
            FieldKind::Pick(labels),
            true,
            &instance_label(choices, d.instance),
        )
        .field(
            DECIDED_ON,
            cm::LABEL_DECIDED_ON,
            FieldKind::Date,
            true,
            &format_date(d.decided_on),
        )
        .field(TITLE, cm::LABEL_TITLE, FieldKind::Line, true, &d.title)
        .field(BODY, cm::LABEL_BODY, multi(4), false, &d.body)
        .field(
            REVIEW_ON,
            cm::LABEL_REVIEW_ON,
            FieldKind::Date,
            false,
            &date_text(d.review_on),
        )
}

/// A decision: a new one (`id` none) or one of them; the instance is chosen among
/// `instances`. Deleted elsewhere while edited, it can be created again from what was typed.
struct DecisionRecord {
    id: Option<i64>,
    instances: Vec<(String, Instance)>,
    today: NaiveDate,
}

impl DecisionRecord {
    fn draft(&self, form: &Form) -> Result<DecisionDraft, SaveError> {
        let label = form.value(INSTANCE);
        let instance = self
            .instances
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, i)| *i)
            .ok_or_else(|| Refusal::at(INSTANCE, msg::choice_unknown(&label)))?;
        Ok(DecisionDraft {
            instance,
            decided_on: required_date(form, DECIDED_ON, self.today)?,
            title: form.value(TITLE),
            body: form.value(BODY),
            review_on: optional_date(form, REVIEW_ON, self.today)?,
        }
        .validated()
        .map_err(refused)?)
    }

    fn values(&self, d: &Decision) -> Vec<(&'static str, String)> {
        vec![
            (INSTANCE, instance_label(&self.instances, d.instance)),
            (DECIDED_ON, format_date(d.decided_on)),
            (TITLE, d.title.clone()),
            (BODY, d.body.clone()),
            (REVIEW_ON, date_text(d.review_on)),
        ]
    }
}

impl Record for DecisionRecord {
    type Then = AfterSave;

    fn save(
        &mut self,
        store: &mut Store,
        form: &Form,
        base: i64,
    ) -> Result<Saved<AfterSave>, SaveError> {
        let draft = self.draft(form)?;
        let d = match self.id {
            None => store.add_decision(&draft)?,
            Some(id) => store.update_decision(id, base, &draft)?,
        };
        Ok(Saved::new(
            cm::decision_saved(&d.title),
            AfterSave::default(),
        ))
    }

    fn current(&self, store: &Store) -> Current {
        let Some(id) = self.id else {
            return Current::New;
        };
        match store.decision(id) {
            Ok(Some(d)) => Current::Stored(self.values(&d), d.version),
            _ => Current::Gone,
        }
    }

    fn words(&self) -> &'static Words {
        &ITEM_WORDS
    }

    fn saves_unchanged(&self) -> bool {
        self.id.is_none()
    }

    fn as_new(&mut self) -> bool {
        self.id = None;
        true
    }

    fn main_field(&self, _: &Form) -> Option<&'static str> {
        Some(TITLE)
    }
}

pub fn new_decision(
    instance: Instance,
    instances: Vec<(String, Instance)>,
    today: NaiveDate,
    theme: Theme,
) -> CircleEditor {
    let draft = DecisionDraft {
        instance,
        decided_on: today,
        title: String::new(),
        body: String::new(),
        review_on: None,
    };
    let form = decision_form(cm::FORM_NEW_DECISION, &draft, &instances, today, theme);
    let record = DecisionRecord {
        id: None,
        instances,
        today,
    };
    Editor::open(form, record, 0)
}

pub fn edit_decision(
    d: &Decision,
    instances: Vec<(String, Instance)>,
    today: NaiveDate,
    theme: Theme,
) -> CircleEditor {
    let form = decision_form(cm::FORM_DECISION, &d.draft(), &instances, today, theme);
    let record = DecisionRecord {
        id: Some(d.id),
        instances,
        today,
    };
    Editor::open(form, record, d.version)
}
