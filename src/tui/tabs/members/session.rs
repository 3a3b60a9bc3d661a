//! What the tab and its pieces share without reaching into one another: whether this session
//! may write people, and the tab's questions. The tab (`mod.rs`), its writes (`writes`) and its
//! person form (`person_editor`) use it; it uses none of them.

use crate::catalogue::members_tab as mm;
use crate::model::Area;
use crate::tui::tabs::Env;

/// The tab's questions, as their token. A person who left is asked about before coming back
/// at the version read when asking (a yes on a person changed meanwhile is refused by the
/// store); a new person bearing a name already in the network is asked about before saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MemberQuestion {
    Return { id: i64, version: i64 },
    AddHomonym,
}

/// Whether this session may write people: the base is writable and the role may change the
/// governance area. The error is the line to show.
pub(super) fn may_write(env: &Env<'_>) -> Result<(), String> {
    if env.store.is_read_only() {
        return Err(mm::READ_ONLY_NO_EDIT.to_owned());
    }
    let role = env.store.actor().role;
    if !role.may_write(Area::Governance) {
        return Err(mm::refused(role.label()));
    }
    Ok(())
}
