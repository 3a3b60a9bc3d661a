//! Every state change of the UI is one of these actions. Keys map to actions in the keymap
//! table; the palette runs them by name. The serde names (snake_case) are the names a
//! configuration file or the palette uses, so they must stay stable.

use serde::{Deserialize, Serialize};

use crate::catalogue::circles_tab as cm;
use crate::catalogue::collectives_tab as ct;
use crate::catalogue::events_tab as et;
use crate::catalogue::members_tab as mm;
use crate::catalogue::tui as msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Palette,
    Back,
    NextTab,
    PrevTab,
    TabCercles,
    TabMembres,
    TabCollectifs,
    TabRencontres,
    TabComptabilite,
    TabChronologie,
    TabRapports,
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    First,
    Last,
    Filter,
    Edit,
    Save,
    Cancel,
    NextField,
    PrevField,
    KeepTheirs,
    KeepMine,
    TakeTheirs,
    ResolveConflict,
    ConfirmYes,
    ConfirmNo,
    // The Cercles tab (issue 4).
    FocusDetail,
    LeaveDetail,
    NextSection,
    PrevSection,
    ScrollDetailDown,
    ScrollDetailUp,
    PrevYear,
    NextYear,
    NewCircle,
    CloseCircle,
    AddItem,
    EditItem,
    CycleStatus,
    YearLater,
    YearEarlier,
    CloseGroup,
    DeleteWork,
    // The Membres tab (issue 4).
    AddPerson,
    GiveRole,
    EndRole,
    SetTerm,
    PersonLeaves,
    CycleCircleFilter,
    CycleKindFilter,
    CycleRoleFilter,
    ToggleLeft,
    ToggleCommuneReview,
    // Filter lines, pickers and the palette.
    KeepFilter,
    ClearFilter,
    Choose,
    KeepValue,
    RunCommand,
    PrevChoice,
    NextChoice,
    Search,
    // The Collectifs tab (issue 9).
    AddCollective,
    ChangeStatus,
    FollowUp,
    FilterRegion,
    FilterDepartement,
    CycleStatusFilter,
    CycleCollectiveKind,
    ToggleDue,
    ToggleCounts,
    OpenRegion,
    // The Rencontres tab (issue 10).
    AddEvent,
    ApplyTemplate,
    CycleEventKind,
    ToggleMyTasks,
    DeleteSelected,
    AddTask,
    ToggleTaskStatus,
    OpenEvent,
    OpenTasks,
    AddWorkshop,
    LinkPartner,
    AddPartner,
    TogglePartners,
    CyclePartnerKind,
    ToggleLackingGarant,
    PrevYearFilter,
    NextYearFilter,
}

impl Action {
    /// The area an action writes, for those that open a write (a form, a question).
    pub fn writes(self) -> Option<crate::model::Area> {
        use crate::model::Area;
        use Action::*;
        match self {
            Edit | NewCircle | CloseCircle | CloseGroup | AddPerson | GiveRole | EndRole
            | SetTerm | PersonLeaves => Some(Area::Governance),
            AddItem | EditItem | CycleStatus | YearLater | YearEarlier | DeleteWork => {
                Some(Area::WorkLog)
            }
            AddCollective | ChangeStatus | FollowUp => Some(Area::Collectives),
            AddEvent | ApplyTemplate | LinkPartner | AddPartner => Some(Area::Governance),
            AddTask | ToggleTaskStatus | AddWorkshop => Some(Area::EventTasks),
            _ => None,
        }
    }

    /// The serde name (`quit`, `tab_cercles`…), shown in the palette and matched against.
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    /// What the action does, in French: the footer, the help and the palette show this.
    pub fn description(self) -> &'static str {
        use Action::*;
        match self {
            Quit => msg::ACT_QUIT,
            Help => msg::ACT_HELP,
            Palette => msg::ACT_PALETTE,
            Back => msg::ACT_BACK,
            NextTab => msg::ACT_NEXT_TAB,
            PrevTab => msg::ACT_PREV_TAB,
            TabCercles => msg::ACT_TAB[0],
            TabMembres => msg::ACT_TAB[1],
            TabCollectifs => msg::ACT_TAB[2],
            TabRencontres => msg::ACT_TAB[3],
            TabComptabilite => msg::ACT_TAB[4],
            TabChronologie => msg::ACT_TAB[5],
            TabRapports => msg::ACT_TAB[6],
            MoveUp => msg::ACT_UP,
            MoveDown => msg::ACT_DOWN,
            PageUp => msg::ACT_PAGE_UP,
            PageDown => msg::ACT_PAGE_DOWN,
            First => msg::ACT_FIRST,
            Last => msg::ACT_LAST,
            Filter => msg::ACT_FILTER,
            Edit => msg::ACT_EDIT,
            Save => msg::ACT_SAVE,
            Cancel => msg::ACT_CANCEL,
            NextField => msg::ACT_NEXT_FIELD,
            PrevField => msg::ACT_PREV_FIELD,
            KeepTheirs => msg::ACT_KEEP_THEIRS,
            KeepMine => msg::ACT_KEEP_MINE,
            TakeTheirs => msg::ACT_TAKE_THEIRS,
            ResolveConflict => msg::ACT_RESOLVE,
            ConfirmYes => msg::ACT_YES,
            ConfirmNo => msg::ACT_NO,
            FocusDetail => cm::ACT_FOCUS_DETAIL,
            LeaveDetail => cm::ACT_LEAVE_DETAIL,
            NextSection => cm::ACT_NEXT_SECTION,
            PrevSection => cm::ACT_PREV_SECTION,
            ScrollDetailDown => cm::ACT_SCROLL_DOWN,
            ScrollDetailUp => cm::ACT_SCROLL_UP,
            PrevYear => cm::ACT_PREV_YEAR,
            NextYear => cm::ACT_NEXT_YEAR,
            NewCircle => cm::ACT_NEW_CIRCLE,
            CloseCircle => cm::ACT_CLOSE_CIRCLE,
            AddItem => cm::ACT_ADD,
            EditItem => cm::ACT_EDIT_ITEM,
            CycleStatus => cm::ACT_CYCLE_STATUS,
            YearLater => cm::ACT_YEAR_LATER,
            YearEarlier => cm::ACT_YEAR_EARLIER,
            CloseGroup => cm::ACT_CLOSE_GROUP,
            DeleteWork => cm::ACT_DELETE_WORK,
            AddPerson => mm::ACT_ADD_PERSON,
            GiveRole => mm::ACT_GIVE_ROLE,
            EndRole => mm::ACT_END_ROLE,
            SetTerm => mm::ACT_SET_TERM,
            PersonLeaves => mm::ACT_PERSON_LEAVES,
            CycleCircleFilter => mm::ACT_CYCLE_CIRCLE,
            CycleKindFilter => mm::ACT_CYCLE_KIND,
            CycleRoleFilter => mm::ACT_CYCLE_ROLE,
            ToggleLeft => mm::ACT_TOGGLE_LEFT,
            ToggleCommuneReview => mm::ACT_COMMUNE_REVIEW,
            KeepFilter => msg::ACT_KEEP_FILTER,
            ClearFilter => msg::ACT_CLEAR_FILTER,
            Choose => msg::ACT_CHOOSE,
            KeepValue => msg::ACT_KEEP_VALUE,
            RunCommand => msg::ACT_RUN_COMMAND,
            PrevChoice => msg::ACT_PREV_CHOICE,
            NextChoice => msg::ACT_NEXT_CHOICE,
            Search => msg::ACT_SEARCH,
            AddCollective => ct::ACT_ADD,
            ChangeStatus => ct::ACT_STATUS,
            FollowUp => ct::ACT_FOLLOW_UP,
            FilterRegion => ct::ACT_REGION,
            FilterDepartement => ct::ACT_DEPARTEMENT,
            CycleStatusFilter => ct::ACT_STATUS_FILTER,
            CycleCollectiveKind => ct::ACT_KIND_FILTER,
            ToggleDue => ct::ACT_DUE,
            ToggleCounts => ct::ACT_COUNTS,
            OpenRegion => ct::ACT_OPEN_REGION,
            AddEvent => et::ACT_ADD,
            ApplyTemplate => et::ACT_TEMPLATE,
            CycleEventKind => et::ACT_KIND_FILTER,
            ToggleMyTasks => et::ACT_MY_TASKS,
            DeleteSelected => et::ACT_DELETE,
            AddTask => et::ACT_ADD_TASK,
            ToggleTaskStatus => et::ACT_TASK_STATUS,
            OpenEvent => et::ACT_OPEN_EVENT,
            OpenTasks => et::ACT_TASKS,
            AddWorkshop => et::ACT_ADD_WORKSHOP,
            LinkPartner => et::ACT_LINK_PARTNER,
            AddPartner => et::ACT_ADD_PARTNER,
            TogglePartners => et::ACT_PARTNERS,
            CyclePartnerKind => et::ACT_PARTNER_KIND,
            ToggleLackingGarant => et::ACT_LACKING,
            PrevYearFilter => et::ACT_PREV_YEAR,
            NextYearFilter => et::ACT_NEXT_YEAR,
        }
    }

    /// The tab an action goes to, if it is one of the `tab_*` actions.
    pub fn tab_index(self) -> Option<usize> {
        use Action::*;
        match self {
            TabCercles => Some(0),
            TabMembres => Some(1),
            TabCollectifs => Some(2),
            TabRencontres => Some(3),
            TabComptabilite => Some(4),
            TabChronologie => Some(5),
            TabRapports => Some(6),
            _ => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_snake_case() {
        assert_eq!(Action::TabComptabilite.name(), "tab_comptabilite");
        assert_eq!(Action::Quit.name(), "quit");
        let back: Action = serde_json::from_str("\"keep_theirs\"").unwrap();
        assert_eq!(back, Action::KeepTheirs);
    }
}
