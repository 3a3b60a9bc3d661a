//! The checklist templates shipped in `assets/checklists/`: every task names a circle the
//! network has (the nine of the 2025 report, as `init` seeds them).

use cercles::model::checklist::Template;

mod common;

#[test]
fn every_task_of_the_shipped_templates_names_a_circle_of_the_network() {
    let (_dir, store) = common::fresh_store();
    let circles: Vec<String> = store
        .circles()
        .unwrap()
        .into_iter()
        .map(|c| c.name().to_owned())
        .collect();
    assert_eq!(circles.len(), 9, "{circles:?}");
    let templates = Template::shipped().unwrap();
    assert_eq!(templates.len(), 3);
    for t in &templates {
        for task in &t.tasks {
            assert!(
                circles.contains(&task.circle),
                "{}: « {} » names « {} », not a circle of the network",
                t.kind,
                task.title,
                task.circle
            );
        }
    }
}
