//! The bilan (income and expenses by category, year N beside N-1, the result) and the result
//! by project, computed from the sums of lines: totals are always computed, never typed.

use serde::Serialize;

use crate::catalogue::ledger as msg;
use crate::model::{Category, CategoryKind, Project};
use crate::store::ledger_read::LineSum;
use crate::store::{Result, Store};

/// An amount for the previous year and the current one, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub previous_cents: i64,
    pub current_cents: i64,
}

impl Pair {
    fn minus(self, other: Pair) -> Pair {
        Pair {
            previous_cents: self.previous_cents - other.previous_cents,
            current_cents: self.current_cents - other.current_cents,
        }
    }
}

/// One row of the bilan: expenses are shown positive, as the annual report prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BilanRow {
    pub category: String,
    pub account: String,
    pub previous_cents: i64,
    pub current_cents: i64,
}

impl BilanRow {
    pub fn pair(&self) -> Pair {
        Pair {
            previous_cents: self.previous_cents,
            current_cents: self.current_cents,
        }
    }
}

/// The bilan, shaped as DESIGN.md's `report bilan --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bilan {
    pub report: &'static str,
    pub year: i32,
    pub previous_year: i32,
    pub income: Vec<BilanRow>,
    pub expenses: Vec<BilanRow>,
    pub total_income: Pair,
    pub total_expenses: Pair,
    pub result: Pair,
}

fn sum_of(sums: &[LineSum], keep: impl Fn(&LineSum) -> bool) -> i64 {
    sums.iter().filter(|s| keep(s)).map(|s| s.cents).sum()
}

fn total(rows: &[BilanRow]) -> Pair {
    Pair {
        previous_cents: rows.iter().map(|r| r.previous_cents).sum(),
        current_cents: rows.iter().map(|r| r.current_cents).sum(),
    }
}

/// The bilan of `year` from the line sums of `year - 1` (`previous`) and `year` (`current`):
/// every category in order even at zero; lines à ventiler as one more row at the end of the
/// section their net sum falls in, only when non-zero.
pub fn bilan(
    year: i32,
    categories: &[Category],
    previous: &[LineSum],
    current: &[LineSum],
) -> Bilan {
    let mut income = Vec::new();
    let mut expenses = Vec::new();
    for c in categories {
        let sign = if c.kind == CategoryKind::Income {
            1
        } else {
            -1
        };
        let row = BilanRow {
            category: c.name.clone(),
            account: c.account.clone(),
            previous_cents: sign * sum_of(previous, |s| s.category == Some(c.id)),
            current_cents: sign * sum_of(current, |s| s.category == Some(c.id)),
        };
        match c.kind {
            CategoryKind::Income => income.push(row),
            CategoryKind::Expense => expenses.push(row),
        }
    }
    let open = Pair {
        previous_cents: sum_of(previous, |s| s.category.is_none()),
        current_cents: sum_of(current, |s| s.category.is_none()),
    };
    let to_categorise = |cents: i64| BilanRow {
        category: msg::TO_CATEGORISE.into(),
        account: String::new(),
        previous_cents: 0,
        current_cents: cents,
    };
    let mut in_income = to_categorise(0);
    let mut in_expenses = to_categorise(0);
    for (value, previous) in [(open.previous_cents, true), (open.current_cents, false)] {
        let (row, v) = if value > 0 {
            (&mut in_income, value)
        } else {
            (&mut in_expenses, -value)
        };
        if previous {
            row.previous_cents = v;
        } else {
            row.current_cents = v;
        }
    }
    for (row, section) in [(in_income, &mut income), (in_expenses, &mut expenses)] {
        if row.previous_cents != 0 || row.current_cents != 0 {
            section.push(row);
        }
    }
    let total_income = total(&income);
    let total_expenses = total(&expenses);
    Bilan {
        report: "bilan",
        year,
        previous_year: year - 1,
        income,
        expenses,
        total_income,
        total_expenses,
        result: total_income.minus(total_expenses),
    }
}

/// One project's result (income less expenses) for the two years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectRow {
    pub project: String,
    pub previous_cents: i64,
    pub current_cents: i64,
}

/// The result by project, N beside N-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectsReport {
    pub report: &'static str,
    pub year: i32,
    pub previous_year: i32,
    pub projects: Vec<ProjectRow>,
    pub total: Pair,
}

/// The result by project: every project in order; the lines without a project as one more
/// row, only when non-zero. Its total equals the bilan's result.
pub fn projects(
    year: i32,
    all: &[Project],
    previous: &[LineSum],
    current: &[LineSum],
) -> ProjectsReport {
    let mut rows: Vec<ProjectRow> = all
        .iter()
        .map(|p| ProjectRow {
            project: p.name.clone(),
            previous_cents: sum_of(previous, |s| s.project == Some(p.id)),
            current_cents: sum_of(current, |s| s.project == Some(p.id)),
        })
        .collect();
    let none = ProjectRow {
        project: msg::NO_PROJECT.into(),
        previous_cents: sum_of(previous, |s| s.project.is_none()),
        current_cents: sum_of(current, |s| s.project.is_none()),
    };
    if none.previous_cents != 0 || none.current_cents != 0 {
        rows.push(none);
    }
    let total = Pair {
        previous_cents: rows.iter().map(|r| r.previous_cents).sum(),
        current_cents: rows.iter().map(|r| r.current_cents).sum(),
    };
    ProjectsReport {
        report: "projects",
        year,
        previous_year: year - 1,
        projects: rows,
        total,
    }
}

/// The bilan of `year` as the store holds it (engagée lines only `with_pending`).
pub fn bilan_of(store: &Store, year: i32, with_pending: bool) -> Result<Bilan> {
    Ok(bilan(
        year,
        &store.categories()?,
        &store.line_sums(year - 1, with_pending)?,
        &store.line_sums(year, with_pending)?,
    ))
}

/// The result by project of `year` as the store holds it.
pub fn projects_of(store: &Store, year: i32, with_pending: bool) -> Result<ProjectsReport> {
    Ok(projects(
        year,
        &store.projects()?,
        &store.line_sums(year - 1, with_pending)?,
        &store.line_sums(year, with_pending)?,
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cats() -> Vec<Category> {
        let c = |id, name: &str, kind| Category {
            id,
            name: name.into(),
            kind,
            account: id.to_string(),
            position: id,
        };
        vec![
            c(1, "Dons", CategoryKind::Income),
            c(2, "Logistique", CategoryKind::Expense),
        ]
    }

    fn s(category: Option<i64>, project: Option<i64>, cents: i64) -> LineSum {
        LineSum {
            category,
            project,
            cents,
        }
    }

    #[test]
    fn every_category_appears_and_to_categorise_only_when_non_zero() {
        let b = bilan(2025, &cats(), &[], &[s1(1, 500), s1(2, -200)]);
        assert_eq!(b.income.len(), 1);
        assert_eq!(b.expenses[0].current_cents, 200);
        assert_eq!(b.result.current_cents, 300);
        let b = bilan(2025, &cats(), &[], &[s(None, None, -50)]);
        assert_eq!(b.expenses.last().unwrap().category, "À ventiler");
        assert_eq!(b.total_expenses.current_cents, 50);
    }

    fn s1(c: i64, cents: i64) -> LineSum {
        s(Some(c), None, cents)
    }

    proptest! {
        /// The result equals the sum of all lines, and the projects' total equals the result.
        #[test]
        fn report_totals_equal_the_sum_of_lines(
            lines in proptest::collection::vec((0i64..3, 0i64..4, -1_000_000i64..1_000_000), 0..40),
        ) {
            let sums: Vec<LineSum> = lines
                .iter()
                .map(|(c, p, cents)| {
                    let category = (*c > 0).then_some(*c);
                    // Signs fit the kinds, as the store makes sure.
                    let cents = match category { Some(1) => cents.abs(), Some(2) => -cents.abs(), _ => *cents };
                    s(category, (*p > 0).then_some(*p), cents)
                })
                .collect();
            let all: i64 = sums.iter().map(|l| l.cents).sum();
            let b = bilan(2025, &cats(), &[], &sums);
            prop_assert_eq!(b.result.current_cents, all);
            let projects: Vec<Project> = (1..4).map(|id| Project { id, name: id.to_string(), position: id }).collect();
            prop_assert_eq!(super::projects(2025, &projects, &[], &sums).total.current_cents, all);
        }
    }

    #[test]
    fn previous_year_sits_beside() {
        let b = bilan(2025, &cats(), &[s1(1, 100)], &[s1(1, 300)]);
        assert_eq!(
            (b.income[0].previous_cents, b.income[0].current_cents),
            (100, 300)
        );
        assert_eq!(b.previous_year, 2024);
    }
}
