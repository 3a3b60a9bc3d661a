//! The reports written out: aligned text as the annual report lays its tables out (plain ASCII
//! separators: the middle dot and box-drawing characters have ambiguous widths), CSV for
//! spreadsheets (`;`, decimal comma, no thousands separator), JSON, Markdown.

use super::bilan::{Bilan, Pair, ProjectsReport};
use super::format::ReportFormat;
use crate::catalogue::ledger as msg;
use crate::model::Money;

fn screen(cents: i64) -> String {
    Money(cents).to_screen()
}

fn csv_amount(cents: i64) -> String {
    Money(cents).to_csv()
}

/// A table as rows of cells; the first row is the header. Amount columns are right-aligned.
fn text_table(title: &str, rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| {
            rows.iter()
                .map(|r| crate::text::width::display_width(&r[i]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!("{title}\n\n");
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i].saturating_sub(crate::text::width::display_width(cell));
            if i == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if n == 0 {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
            out.push('\n');
        }
    }
    out
}

fn md_table(title: &str, rows: &[Vec<String>]) -> String {
    let mut out = format!("## {title}\n\n");
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if n == 0 {
            let align: Vec<&str> = (0..row.len())
                .map(|i| if i == 0 { "---" } else { "---:" })
                .collect();
            out.push_str(&format!("| {} |\n", align.join(" | ")));
        }
    }
    out
}

fn pair_cells(label: &str, p: Pair) -> Vec<String> {
    vec![
        label.to_string(),
        screen(p.previous_cents),
        screen(p.current_cents),
    ]
}

/// The bilan's rows for text and Markdown: income, its total, expenses, their total, result.
fn bilan_rows(b: &Bilan) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        String::new(),
        b.previous_year.to_string(),
        b.year.to_string(),
    ]];
    for (section, list, total) in [
        (msg::INCOME, &b.income, b.total_income),
        (msg::EXPENSES, &b.expenses, b.total_expenses),
    ] {
        rows.push(vec![section.to_string(), String::new(), String::new()]);
        for r in list {
            rows.push(pair_cells(&format!("  {}", r.category), r.pair()));
        }
        rows.push(pair_cells(
            &format!("{} {}", msg::TOTAL, section.to_lowercase()),
            total,
        ));
    }
    rows.push(pair_cells(msg::RESULT, b.result));
    rows
}

fn csv_of(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let body = rows.iter().map(|r| r.iter().map(String::as_str).collect());
    // Only our own names and amounts go in: nothing can fail but memory.
    crate::exchange::csv_bytes(header, body).unwrap_or_default()
}

pub fn render_bilan(b: &Bilan, format: ReportFormat) -> Vec<u8> {
    match format {
        ReportFormat::Text => text_table(&msg::bilan_heading(b.year), &bilan_rows(b)).into_bytes(),
        ReportFormat::Md => md_table(&msg::bilan_heading(b.year), &bilan_rows(b)).into_bytes(),
        ReportFormat::Json => json(b),
        ReportFormat::Csv => {
            let prev = b.previous_year.to_string();
            let cur = b.year.to_string();
            let mut rows = Vec::new();
            for (section, list, total) in [
                (msg::SECTION_INCOME, &b.income, b.total_income),
                (msg::SECTION_EXPENSES, &b.expenses, b.total_expenses),
            ] {
                for r in list {
                    rows.push(vec![
                        section.into(),
                        r.category.clone(),
                        r.account.clone(),
                        csv_amount(r.previous_cents),
                        csv_amount(r.current_cents),
                    ]);
                }
                rows.push(vec![
                    msg::SECTION_TOTAL.into(),
                    section.into(),
                    String::new(),
                    csv_amount(total.previous_cents),
                    csv_amount(total.current_cents),
                ]);
            }
            rows.push(vec![
                msg::SECTION_RESULT.into(),
                String::new(),
                String::new(),
                csv_amount(b.result.previous_cents),
                csv_amount(b.result.current_cents),
            ]);
            csv_of(
                &[
                    msg::COL_SECTION,
                    msg::COL_CATEGORY,
                    msg::COL_ACCOUNT,
                    &prev,
                    &cur,
                ],
                rows,
            )
        }
    }
}

pub fn render_projects(p: &ProjectsReport, format: ReportFormat) -> Vec<u8> {
    let mut rows = vec![vec![
        String::new(),
        p.previous_year.to_string(),
        p.year.to_string(),
    ]];
    for r in &p.projects {
        rows.push(vec![
            r.project.clone(),
            screen(r.previous_cents),
            screen(r.current_cents),
        ]);
    }
    rows.push(pair_cells(msg::TOTAL, p.total));
    match format {
        ReportFormat::Text => text_table(&msg::projects_heading(p.year), &rows).into_bytes(),
        ReportFormat::Md => md_table(&msg::projects_heading(p.year), &rows).into_bytes(),
        ReportFormat::Json => json(p),
        ReportFormat::Csv => {
            let prev = p.previous_year.to_string();
            let cur = p.year.to_string();
            let mut rows: Vec<Vec<String>> = p
                .projects
                .iter()
                .map(|r| {
                    vec![
                        r.project.clone(),
                        csv_amount(r.previous_cents),
                        csv_amount(r.current_cents),
                    ]
                })
                .collect();
            rows.push(vec![
                msg::TOTAL.into(),
                csv_amount(p.total.previous_cents),
                csv_amount(p.total.current_cents),
            ]);
            csv_of(&[msg::COL_PROJECT, &prev, &cur], rows)
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(value).unwrap_or_default();
    v.push(b'\n');
    v
}
