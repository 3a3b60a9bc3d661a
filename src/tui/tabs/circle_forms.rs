//! The forms of the Cercles tab other than the identity sheet: a new circle, closing a circle
//! or a GT, a GT, a work log item, a decision. Each has a builder (prefilled with today, the
//! year shown, the instance of the section), the row's values by form key (for the conflict
//! panel), and the draft read back from the form, with errors tied to a field.

use chrono::NaiveDate;

use super::circle_editor::{
    CircleEditor, MISSIONS, NAME, PURPOSE, SAFE_FRAME, SCOPE, Target, sheet_fields,
};
use crate::catalogue::circles as model_msg;
use crate::catalogue::circles_tab as cm;
use crate::catalogue::tui as msg;
use crate::model::{
    Circle, CircleKind, CircleSheet, Decision, DecisionDraft, FieldError, Instance, When, WorkItem,
    WorkItemDraft, WorkStatus, WorkingGroup, WorkingGroupDraft, format_date, parse_date,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::form::{FieldKind, Form};

pub const CREATED_ON: &str = "created_on";
pub const CLOSED_ON: &str = "closed_on";
pub const GT_NAME: &str = "gt_name";
pub const GT_PURPOSE: &str = "gt_purpose";
pub const YEAR: &str = "year";
pub const STATUS: &str = "status";
pub const ON_DATE: &str = "on_date";
pub const TITLE: &str = "title";
pub const DETAILS: &str = "details";
pub const FIGURES: &str = "figures";
pub const INSTANCE: &str = "instance";
pub const DECIDED_ON: &str = "decided_on";
pub const BODY: &str = "body";
pub const REVIEW_ON: &str = "review_on";

/// A value refused, with the form key of its field.
pub type FieldProblem = (&'static str, String);

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

/// A day or a month as the form shows it: `09/04/2025`, `avril 2025`.
fn when_text(w: Option<When>) -> String {
    w.map(|w| w.to_string()).unwrap_or_default()
}

fn multi(rows: u16) -> FieldKind {
    FieldKind::Multi { rows }
}

/// The model's field names (French labels) back to form keys.
fn problem(e: FieldError) -> FieldProblem {
    (field_of(&e).unwrap_or(TITLE), e.message)
}

/// The form key of the field a model error names, when it is one of these forms' fields.
pub(crate) fn field_of(e: &FieldError) -> Option<&'static str> {
    Some(match e.field {
        model_msg::FIELD_YEAR => YEAR,
        model_msg::FIELD_ON_DATE => ON_DATE,
        model_msg::FIELD_REVIEW_ON => REVIEW_ON,
        model_msg::FIELD_GT_NAME => GT_NAME,
        model_msg::FIELD_GT_PURPOSE => GT_PURPOSE,
        model_msg::FIELD_DETAILS => DETAILS,
        model_msg::FIELD_FIGURES => FIGURES,
        model_msg::FIELD_BODY => BODY,
        model_msg::FIELD_TITLE => TITLE,
        _ => return None,
    })
}

fn optional_date(
    form: &Form,
    key: &'static str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, FieldProblem> {
    let text = form.value(key);
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text.trim(), today)
        .map(Some)
        .map_err(|e| (key, e.to_string()))
}

fn optional_day_or_month(
    form: &Form,
    key: &'static str,
    today: NaiveDate,
) -> Result<Option<When>, FieldProblem> {
    let text = form.value(key);
    if text.trim().is_empty() {
        return Ok(None);
    }
    When::parse(text.trim(), today)
        .map(Some)
        .map_err(|e| (key, e.to_string()))
}

fn required_date(
    form: &Form,
    key: &'static str,
    today: NaiveDate,
) -> Result<NaiveDate, FieldProblem> {
    optional_date(form, key, today)?.ok_or((key, msg::FIELD_REQUIRED.to_owned()))
}

// --- circles ------------------------------------------------------------------------------------

pub fn new_circle(today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = Form::new(cm::FORM_NEW_CIRCLE, today, theme)
        .field(NAME, msg::CIRCLE_LABEL_NAME, FieldKind::Line, true, "")
        .field(PURPOSE, msg::CIRCLE_LABEL_PURPOSE, multi(2), false, "")
        .field(SCOPE, msg::CIRCLE_LABEL_SCOPE, multi(2), false, "")
        .field(MISSIONS, msg::CIRCLE_LABEL_MISSIONS, multi(2), false, "")
        .field(
            SAFE_FRAME,
            msg::CIRCLE_LABEL_SAFE_FRAME,
            multi(2),
            false,
            "",
        )
        .field(
            CREATED_ON,
            cm::LABEL_CREATED_ON,
            FieldKind::Date,
            true,
            &format_date(today),
        );
    CircleEditor::with_form(Target::NewCircle, 0, 0, form)
}

/// The new circle's sheet and creation date.
pub fn new_circle_values(
    form: &Form,
    today: NaiveDate,
) -> Result<(CircleSheet, NaiveDate), FieldProblem> {
    let sheet = CircleSheet {
        name: form.value(NAME),
        purpose: form.value(PURPOSE),
        decision_scope: form.value(SCOPE),
        missions: form.value(MISSIONS),
        safe_frame: form.value(SAFE_FRAME),
    };
    Ok((sheet, required_date(form, CREATED_ON, today)?))
}

/// `roles`: the roles held in the circle now, which closing it ends.
pub fn close_circle(circle: &Circle, roles: usize, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = Form::new(cm::form_close_circle(circle.name()), today, theme).field(
        CLOSED_ON,
        cm::LABEL_CLOSED_ON,
        FieldKind::PastDate,
        true,
        &format_date(today),
    );
    let mut editor = CircleEditor::with_form(Target::CloseCircle, circle.id, circle.version, form);
    editor.hint = Some(cm::close_circle_hint(roles));
    editor
}

pub fn closed_on(form: &Form, today: NaiveDate) -> Result<NaiveDate, FieldProblem> {
    required_date(form, CLOSED_ON, today)
}

pub fn circle_values(circle: &Circle) -> Vec<(&'static str, String)> {
    sheet_fields(&circle.sheet)
}

// --- working groups -----------------------------------------------------------------------------

fn group_form(title: String, g: &WorkingGroupDraft, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme)
        .field(GT_NAME, cm::LABEL_NAME, FieldKind::Line, true, &g.name)
        .field(
            GT_PURPOSE,
            cm::LABEL_GT_PURPOSE,
            multi(3),
            false,
            &g.purpose,
        )
        .field(
            CREATED_ON,
            cm::LABEL_CREATED_ON,
            FieldKind::Date,
            false,
            &date_text(g.created_on),
        )
}

pub fn new_group(circle: &Circle, today: NaiveDate, theme: Theme) -> CircleEditor {
    let draft = WorkingGroupDraft {
        created_on: Some(today),
        ..Default::default()
    };
    let form = group_form(cm::form_new_group(circle.name()), &draft, today, theme);
    CircleEditor::with_form(Target::NewGroup, circle.id, 0, form)
}

pub fn edit_group(g: &WorkingGroup, today: NaiveDate, theme: Theme) -> CircleEditor {
    let draft = WorkingGroupDraft {
        name: g.name.clone(),
        purpose: g.purpose.clone(),
        created_on: g.created_on,
    };
    let form = group_form(cm::form_group(&g.name), &draft, today, theme);
    CircleEditor::with_form(Target::Group(g.id), g.circle_id, g.version, form)
}

pub fn close_group(g: &WorkingGroup, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = Form::new(cm::form_close_group(&g.name), today, theme).field(
        CLOSED_ON,
        cm::LABEL_CLOSED_ON,
        FieldKind::PastDate,
        true,
        &format_date(today),
    );
    CircleEditor::with_form(Target::CloseGroup(g.id), g.circle_id, g.version, form)
}

pub fn group_values(g: &WorkingGroup) -> Vec<(&'static str, String)> {
    vec![
        (GT_NAME, g.name.clone()),
        (GT_PURPOSE, g.purpose.clone()),
        (CREATED_ON, date_text(g.created_on)),
    ]
}

pub fn group_draft(form: &Form, today: NaiveDate) -> Result<WorkingGroupDraft, FieldProblem> {
    WorkingGroupDraft {
        name: form.value(GT_NAME),
        purpose: form.value(GT_PURPOSE),
        created_on: optional_date(form, CREATED_ON, today)?,
    }
    .validated()
    .map_err(problem)
}

// --- work log -----------------------------------------------------------------------------------

fn status_choices() -> FieldKind {
    FieldKind::Choice(
        WorkStatus::ALL
            .iter()
            .map(|s| s.label().to_owned())
            .collect(),
    )
}

fn work_form(title: String, d: &WorkItemDraft, today: NaiveDate, theme: Theme) -> Form {
    Form::new(title, today, theme)
        .field(
            YEAR,
            cm::LABEL_YEAR,
            FieldKind::Line,
            true,
            &d.year.to_string(),
        )
        .field(
            STATUS,
            cm::LABEL_STATUS,
            status_choices(),
            true,
            d.status.label(),
        )
        .field(
            ON_DATE,
            cm::LABEL_DATE,
            FieldKind::DayOrMonth,
            false,
            &when_text(d.on_date),
        )
        .field(TITLE, cm::LABEL_TITLE, FieldKind::Line, true, &d.title)
        .field(DETAILS, cm::LABEL_DETAILS, multi(3), false, &d.details)
        .field(FIGURES, cm::LABEL_FIGURES, multi(2), false, &d.figures)
}

/// A new item of `circle`'s log for `year`: réalisé for a past year, en cours otherwise.
pub fn new_work(circle: &Circle, year: i32, today: NaiveDate, theme: Theme) -> CircleEditor {
    use chrono::Datelike;
    let status = if year < today.year() {
        WorkStatus::Realise
    } else {
        WorkStatus::EnCours
    };
    let draft = WorkItemDraft {
        year,
        status,
        on_date: None,
        title: String::new(),
        details: String::new(),
        figures: String::new(),
    };
    let form = work_form(cm::form_new_work(circle.name()), &draft, today, theme);
    CircleEditor::with_form(Target::NewWork, circle.id, 0, form)
}

pub fn edit_work(item: &WorkItem, circle: &str, today: NaiveDate, theme: Theme) -> CircleEditor {
    let form = work_form(cm::form_work(circle), &item.draft(), today, theme);
    CircleEditor::with_form(Target::Work(item.id), item.circle_id, item.version, form)
}

pub fn work_values(item: &WorkItem) -> Vec<(&'static str, String)> {
    vec![
        (YEAR, item.year.to_string()),
        (STATUS, item.status.label().to_owned()),
        (ON_DATE, when_text(item.on_date)),
        (TITLE, item.title.clone()),
        (DETAILS, item.details.clone()),
        (FIGURES, item.figures.clone()),
    ]
}

pub fn work_draft(form: &Form, today: NaiveDate) -> Result<WorkItemDraft, FieldProblem> {
    let year: i32 = form
        .value(YEAR)
        .trim()
        .parse()
        .map_err(|_| (YEAR, cm::NOT_A_YEAR.to_owned()))?;
    let label = form.value(STATUS);
    let status = WorkStatus::ALL
        .into_iter()
        .find(|s| s.label() == label)
        .unwrap_or(WorkStatus::EnCours);
    WorkItemDraft {
        year,
        status,
        on_date: optional_day_or_month(form, ON_DATE, today)?,
        title: form.value(TITLE),
        details: form.value(DETAILS),
        figures: form.value(FIGURES),
    }
    .validated()
    .map_err(problem)
}

// --- decisions ----------------------------------------------------------------------------------

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
            FieldKind::Choice(labels),
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

pub fn new_decision(
    instance: Instance,
    choices: Vec<(String, Instance)>,
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
    let form = decision_form(cm::FORM_NEW_DECISION, &draft, &choices, today, theme);
    let mut editor = CircleEditor::with_form(
        Target::NewDecision,
        instance.circle_id().unwrap_or(0),
        0,
        form,
    );
    editor.instances = choices;
    editor
}

pub fn edit_decision(
    d: &Decision,
    choices: Vec<(String, Instance)>,
    today: NaiveDate,
    theme: Theme,
) -> CircleEditor {
    let form = decision_form(cm::FORM_DECISION, &d.draft(), &choices, today, theme);
    let circle = d.instance.circle_id().unwrap_or(0);
    let mut editor = CircleEditor::with_form(Target::Decision(d.id), circle, d.version, form);
    editor.instances = choices;
    editor
}

pub fn decision_values(
    d: &Decision,
    choices: &[(String, Instance)],
) -> Vec<(&'static str, String)> {
    vec![
        (INSTANCE, instance_label(choices, d.instance)),
        (DECIDED_ON, format_date(d.decided_on)),
        (TITLE, d.title.clone()),
        (BODY, d.body.clone()),
        (REVIEW_ON, date_text(d.review_on)),
    ]
}

pub fn decision_draft(
    editor: &CircleEditor,
    today: NaiveDate,
) -> Result<DecisionDraft, FieldProblem> {
    let form = &editor.form;
    let label = form.value(INSTANCE);
    let instance = editor
        .instances
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, i)| *i)
        .ok_or((INSTANCE, msg::choice_unknown(&label)))?;
    DecisionDraft {
        instance,
        decided_on: required_date(form, DECIDED_ON, today)?,
        title: form.value(TITLE),
        body: form.value(BODY),
        review_on: optional_date(form, REVIEW_ON, today)?,
    }
    .validated()
    .map_err(problem)
}
