//! The detail of the selected person in the Membres tab, as lines: name, type, contact and
//! commune, current roles with their term and its flag, past roles, agreements, accounts,
//! notes. Reads state, changes nothing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::state::MembersTab;
use crate::catalogue::members_tab as mm;
use crate::model::{CircleRole, format_date};
use crate::store::governance::TermAlertKind;
use crate::store::people::PersonDetail;
use crate::text::display_width;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Scope};
use crate::tui::tabs::commune_field;
use crate::tui::theme::Theme;
use crate::tui::widgets::{truncate, wrap_text};

/// The style of a term flag: yellow when the term ends soon, red when it ended with nobody
/// after; bold only without colours.
pub fn flag_style(theme: Theme, kind: TermAlertKind) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if !theme.color {
        return bold;
    }
    match kind {
        TermAlertKind::EndsSoon { .. } => bold.fg(Color::Yellow),
        TermAlertKind::EndedWithoutSuccessor { .. } => bold.fg(Color::LightRed),
        TermAlertKind::EndedReplaced { .. } => bold.fg(Color::Yellow),
    }
}

/// `label : value` on one line when it fits, else the value wrapped under the label.
fn labelled(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    value: &str,
    style: Style,
    theme: Theme,
    width: usize,
) {
    let head = format!("{label} : ");
    if display_width(&head) + display_width(value) <= width {
        lines.push(Line::from(vec![
            Span::styled(head, theme.label()),
            Span::styled(value.to_owned(), style),
        ]));
    } else {
        lines.push(Line::styled(format!("{label} :"), theme.label()));
        for text in wrap_text(value, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {text}"), style));
        }
    }
}

/// The detail of a person: name, type and commune, contact, current roles (with their term
/// and its flag), past roles, the agreements, the linked accounts, the notes.
pub fn detail_lines(
    tab: &MembersTab,
    detail: &PersonDetail,
    theme: Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let p = &detail.person;
    let mut lines = vec![Line::styled(
        truncate(&p.display_name(), width),
        theme.title(),
    )];
    lines.push(Line::styled(p.kind.label().to_owned(), theme.muted()));
    if let Some(left) = p.left_on {
        lines.push(Line::styled(
            truncate(&mm::left_on(&format_date(left)), width),
            theme.label(),
        ));
        if let Some(key) = keymap::key_of(&[Scope::Members], Action::PersonLeaves) {
            lines.push(Line::styled(
                truncate(&mm::return_hint(&key.label()), width),
                theme.muted(),
            ));
        }
    }
    let plain = Style::new();
    if tab.contacts_hidden {
        labelled(
            &mut lines,
            mm::LABEL_CONTACT,
            mm::HIDDEN_FOR_LECTURE,
            theme.muted(),
            theme,
            width,
        );
    } else {
        for (label, value) in [
            (mm::LABEL_EMAIL, p.email.as_deref().unwrap_or("")),
            (mm::LABEL_PHONE, p.phone.as_deref().unwrap_or("")),
        ] {
            let value = if value.is_empty() {
                mm::NONE_GIVEN
            } else {
                value
            };
            labelled(&mut lines, label, value, plain, theme, width);
        }
        // The commune by its name and département; one in doubt as it was typed, flagged.
        let (commune, style) = if p.commune_awaits_review() {
            (mm::commune_to_review(&p.commune_typed), theme.warning())
        } else if p.commune.is_empty() {
            (mm::NONE_GIVEN.to_owned(), plain)
        } else {
            (commune_field::text(&p.commune), plain)
        };
        labelled(&mut lines, mm::LABEL_COMMUNE, &commune, style, theme, width);
    }
    lines.push(Line::styled(mm::SECTION_CURRENT, theme.title()));
    let current: Vec<_> = detail.memberships.iter().filter(|m| m.current).collect();
    if current.is_empty() {
        lines.push(Line::styled(
            format!("  {}", mm::NO_CURRENT_ROLE),
            theme.muted(),
        ));
    }
    for m in current {
        let role = m.membership.role;
        let mark = if role == CircleRole::CoReferent {
            mm::CO_REFERENT_MARK
        } else {
            " "
        };
        let what = mm::role_choice(&m.circle_name, role.label());
        for (i, text) in wrap_text(&what, width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let head = if i == 0 { mark } else { " " };
            lines.push(Line::raw(format!("{head} {text}")));
        }
        let mut when = vec![mm::role_since(&format_date(m.membership.since))];
        if let Some(t) = m.membership.term_end {
            when.push(mm::term_until(&format_date(t)));
        }
        for text in wrap_text(&when.join(", "), width.saturating_sub(4)) {
            lines.push(Line::styled(format!("    {text}"), theme.muted()));
        }
        if let Some(alert) = tab
            .alerts
            .iter()
            .find(|a| a.membership_id == m.membership.id)
        {
            let text = match alert.kind {
                TermAlertKind::EndsSoon { days_left } => mm::term_ends_in(days_left),
                TermAlertKind::EndedWithoutSuccessor { days_ago } => mm::term_ended_ago(days_ago),
                TermAlertKind::EndedReplaced { days_ago } => mm::term_replaced(days_ago),
            };
            let flagged = format!("{} {text}", mm::TERM_FLAG);
            for part in wrap_text(&flagged, width.saturating_sub(4)) {
                lines.push(Line::styled(
                    format!("    {part}"),
                    flag_style(theme, alert.kind),
                ));
            }
        }
    }
    let past: Vec<_> = detail.memberships.iter().filter(|m| !m.current).collect();
    if !past.is_empty() {
        lines.push(Line::styled(mm::SECTION_HISTORY, theme.title()));
        for m in past {
            let span = mm::role_span(
                &format_date(m.membership.since),
                &m.membership.until.map(format_date).unwrap_or_default(),
            );
            let what = mm::role_choice(&m.circle_name, m.membership.role.label());
            for text in wrap_text(&what, width.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {text}")));
            }
            lines.push(Line::styled(format!("    {span}"), theme.muted()));
        }
    }
    let signed = p
        .confidentiality_signed_on
        .map_or(mm::NOT_SIGNED.to_owned(), |d| {
            mm::signed_on(&format_date(d))
        });
    labelled(
        &mut lines,
        mm::LABEL_CONFIDENTIALITY,
        &signed,
        plain,
        theme,
        width,
    );
    let mission = p
        .mission_accepted_on
        .map_or(mm::NOT_ACCEPTED.to_owned(), |d| {
            mm::accepted_on(&format_date(d))
        });
    labelled(&mut lines, mm::LABEL_MISSION, &mission, plain, theme, width);
    if !detail.users.is_empty() {
        labelled(
            &mut lines,
            mm::LABEL_USERS,
            &detail.users.join(", "),
            plain,
            theme,
            width,
        );
    }
    if !p.notes.trim().is_empty() {
        lines.push(Line::styled(mm::SECTION_NOTES, theme.title()));
        for text in wrap_text(&p.notes, width.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {text}")));
        }
    }
    lines
}
