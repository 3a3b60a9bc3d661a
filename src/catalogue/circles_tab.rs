//! Screen text of the Cercles tab (French): the list with its counts, the detail's sections,
//! the forms of circles, GT, work log and decisions, and their messages.

use super::tui::FormKeys;
use super::words::plural;

// --- list ---------------------------------------------------------------------------------------

/// The pseudo-row of the cercle général, at the top of the list.
pub const GENERAL_NAME: &str = "Cercle général";
pub const CLOSED_WORD: &str = "fermé";
/// The mark of a co-référent·e term that needs attention (with a colour where there is one).
pub const FLAG: &str = "!";

/// A row's counts, aligned: " 9 m ·  2 co".
pub fn row_counts(members: usize, co_referents: usize) -> String {
    format!("{members:>2} m · {co_referents:>2} co")
}

// --- detail -------------------------------------------------------------------------------------

pub fn members_line(members: usize, co_referents: usize) -> String {
    format!(
        "{} · {}",
        plural(members as i64, "membre", "membres"),
        plural(co_referents as i64, "co-référent·e", "co-référent·es")
    )
}
pub const GENERAL_NOTE: &str =
    "instance de décision : toute personne ayant un rôle en cours dans un cercle";
pub const COORDINATION_NOTE: &str =
    "cercle de coordination : ses membres sont les co-référent·es de tous les cercles";
pub fn closed_on(date: &str) -> String {
    format!("fermé le {date}")
}
pub fn term_alerts(n: usize) -> String {
    format!(
        "{FLAG} {} à surveiller",
        plural(n as i64, "fin de mandat", "fins de mandat")
    )
}

pub const SECTION_CO: &str = "Co-référent·es";
pub const SECTION_MEMBERS: &str = "Membres actif·ves";
pub const SECTION_GENERAL_MEMBERS: &str = "Membres du cercle général";
pub const SECTION_GROUPS: &str = "Groupes de travail";
pub const SECTION_SHEET: &str = "Fiche d'identité";
pub const SECTION_DECISIONS: &str = "Décisions";
pub const SECTION_DECISIONS_GENERAL: &str = "Décisions du cercle général";
pub const SECTION_DECISIONS_AG: &str = "Décisions de l'AG";
/// `prev` and `next`: the keys that change the year.
pub fn section_work(year: i32, prev: &str, next: &str) -> String {
    format!("Suivi {year}  ({prev} {next} : année)")
}
pub fn section_count(title: &str, n: usize) -> String {
    format!("{title} ({n})")
}
/// After the first names of a long member list in a circle's detail.
pub fn more_names(n: usize) -> String {
    format!("… et {n} autres (onglet Membres, filtre par cercle)")
}
pub const NONE_YET: &str = "(personne pour l'instant)";
pub const NO_GROUP_YET: &str = "(aucun GT pour l'instant)";
pub const NO_DECISION: &str = "(aucune décision)";
pub fn nothing_for_year(year: i32) -> String {
    format!("(rien de noté pour {year})")
}
pub const STATUS_HEADERS: [&str; 3] = ["Réalisé", "En cours", "À venir"];

pub fn term_end(date: &str) -> String {
    format!("fin {date}")
}
pub fn alert_soon(days: i64) -> String {
    match days {
        0 => format!("{FLAG} mandat finit aujourd'hui"),
        1 => format!("{FLAG} mandat finit demain"),
        n => format!("{FLAG} mandat finit dans {n} jours"),
    }
}
pub fn alert_replaced(days_ago: i64) -> String {
    format!(
        "{FLAG} mandat fini depuis {} : successeur·e en place, rôle à terminer (onglet Membres, -)",
        plural(days_ago, "jour", "jours")
    )
}
pub fn alert_ended(days_ago: i64) -> String {
    format!(
        "{FLAG} mandat fini depuis {}, sans successeur·e",
        plural(days_ago, "jour", "jours")
    )
}
pub fn in_circle(name: &str) -> String {
    format!("({name})")
}
pub fn review_due(date: &str) -> String {
    format!("{FLAG} à revoir depuis le {date}")
}
pub fn review_on(date: &str) -> String {
    format!("à revoir le {date}")
}

// --- forms --------------------------------------------------------------------------------------

pub const LABEL_NAME: &str = "Nom";
pub const LABEL_CREATED_ON: &str = "Créé le";
pub const LABEL_CLOSED_ON: &str = "Fermé le";
pub const LABEL_GT_PURPOSE: &str = "Raison d'être";
pub const LABEL_YEAR: &str = "Année";
pub const LABEL_STATUS: &str = "Statut";
pub const LABEL_DATE: &str = "Date";
pub const LABEL_TITLE: &str = "Titre";
pub const LABEL_DETAILS: &str = "Détails";
pub const LABEL_FIGURES: &str = "Chiffres";
pub const LABEL_INSTANCE: &str = "Instance";
pub const LABEL_DECIDED_ON: &str = "Décidée le";
pub const LABEL_BODY: &str = "Texte";
pub const LABEL_REVIEW_ON: &str = "À revoir le";

pub const FORM_NEW_CIRCLE: &str = "Nouveau cercle";
/// A name inside a form's title: the title holds on one line at 80 columns.
// TODO(layers): the one call of ours left in the catalogue. Its callers (tabs/circles/forms.rs) are
// being rewritten; they will cut the name to TITLE_NAME_WIDTH themselves, as the questions do.
fn in_title(name: &str) -> String {
    crate::text::truncate(name, TITLE_NAME_WIDTH)
}
/// How wide a name inside a form's title may be, in columns.
pub const TITLE_NAME_WIDTH: usize = 32;
pub const CLOSED_MEMBERS: &str = "Ci-dessous, les personnes qui y tenaient un rôle à son dernier jour ; elles ne comptent plus dans le cercle général à ce titre.";
pub fn close_circle_hint(roles: usize) -> String {
    if roles == 0 {
        "Personne n'y tient de rôle aujourd'hui.".to_owned()
    } else {
        format!(
            "{} en cours s'y arrête{} ce jour-là (cercle général et coordination compris) ; l'historique reste.",
            plural(roles as i64, "rôle", "rôles"),
            if roles > 1 { "nt" } else { "" }
        )
    }
}
pub fn form_close_circle(name: &str) -> String {
    format!(
        "Fermer le cercle « {} » (son historique reste)",
        in_title(name)
    )
}
pub fn form_new_group(circle: &str) -> String {
    format!("Nouveau GT du cercle « {} »", in_title(circle))
}
pub fn form_group(name: &str) -> String {
    format!("GT « {} »", in_title(name))
}
pub fn form_close_group(name: &str) -> String {
    format!("Fermer le GT « {} » (son historique reste)", in_title(name))
}
pub fn form_new_work(circle: &str) -> String {
    format!("Suivi de « {} » : nouvel élément", in_title(circle))
}
pub fn form_work(circle: &str) -> String {
    format!("Suivi de « {} » : modifier l'élément", in_title(circle))
}
pub const FORM_NEW_DECISION: &str = "Nouvelle décision";
pub const FORM_DECISION: &str = "Modifier la décision";
pub const CONFLICT_TITLE: &str =
    "Conflit : quelqu'un a enregistré cet élément pendant votre saisie";
pub const CONFLICT_MESSAGE: &str = "l'élément a changé ailleurs : choisissez quoi garder";
/// The open form's row was saved by another session (fits 80 columns after "Erreur : ").
pub const CHANGED_ELSEWHERE: &str = "modifié ailleurs : vous verrez leurs valeurs en enregistrant";

/// An item's save met a conflict and was read again (no key to name).
pub fn changed_meanwhile(_keys: &FormKeys) -> String {
    CHANGED_ELSEWHERE.to_owned()
}
pub const GONE: &str = "cet élément n'existe plus";
/// The row the open form edits was deleted by another session.
pub fn gone_elsewhere(keys: &FormKeys) -> String {
    format!(
        "supprimé dans une autre session : {} ferme le formulaire",
        keys.cancel
    )
}
pub fn gone_recreate(keys: &FormKeys) -> String {
    format!(
        "supprimé dans une autre session : {} le recrée avec votre saisie, {} abandonne",
        keys.save, keys.cancel
    )
}

// --- messages -----------------------------------------------------------------------------------

pub const GENERAL_NO_SHEET: &str =
    "le cercle général n'a pas de fiche : il réunit tous les cercles";
pub const GENERAL_NOT_CLOSED: &str = "le cercle général ne se ferme pas";
pub fn nothing_chosen(up: &str, down: &str) -> String {
    format!("rien de choisi : {up} {down} pour choisir une ligne")
}
pub const NOT_A_YEAR: &str = "l'année s'écrit en quatre chiffres, par exemple 2025";
pub const READ_ONLY: &str = "la base est en lecture seule : rien ne peut être modifié";
/// What the tab's refusals name: the circles (their sheets, groups, decisions), the work log.
pub const WHAT_CIRCLES: &str = "les cercles";
pub const WHAT_WORK_LOG: &str = "le suivi";
/// A role's refusal, short enough for the message line at 80 columns (the store's own message
/// names the areas at length): `what` is [`WHAT_CIRCLES`] or [`WHAT_WORK_LOG`].
pub fn refused(role: &str, what: &str) -> String {
    format!("votre rôle ({role}) ne permet pas de modifier {what}")
}

pub fn circle_created(name: &str) -> String {
    format!("cercle « {name} » créé")
}
pub fn circle_closed(name: &str, date: &str) -> String {
    format!("cercle « {name} » fermé le {date} ; son historique reste")
}
pub fn circle_reopened(name: &str) -> String {
    format!("cercle « {name} » rouvert")
}
/// `GT « Soin » créé`, but `« GT Soin » créé` when the name says GT already.
fn gt_named(name: &str) -> String {
    if name.trim_start().to_lowercase().starts_with("gt ") {
        format!("« {name} »")
    } else {
        format!("GT « {name} »")
    }
}
pub fn group_created(name: &str) -> String {
    format!("{} créé", gt_named(name))
}
pub fn group_saved(name: &str) -> String {
    format!("{} enregistré", gt_named(name))
}
pub fn group_closed(name: &str, date: &str) -> String {
    format!("GT « {name} » fermé le {date}")
}
pub fn group_reopened(name: &str) -> String {
    format!("GT « {name} » rouvert")
}
pub fn work_added(year: i32) -> String {
    format!("élément ajouté au suivi {year}")
}
pub fn work_saved(title: &str) -> String {
    format!("« {title} » enregistré")
}
pub fn work_status(title: &str, status: &str) -> String {
    format!("« {title} » : {status}")
}
pub fn work_year(title: &str, year: i32) -> String {
    format!("« {title} » passe au suivi {year}")
}
/// A work item carried to `year`: its new status when it changed, and what became of its
/// date. `dropped` and `restored` are dates as shown (`avril 2025`); `back_to` is the year the
/// dropped date belongs to.
pub fn work_carried(
    title: &str,
    year: i32,
    new_status: Option<&str>,
    dropped: Option<(&str, i32)>,
    restored: Option<&str>,
) -> String {
    let mut said = work_year(title, year);
    if let Some(status) = new_status {
        said.push_str(&format!(" ({status})"));
    }
    match (dropped, restored) {
        (_, Some(restored)) => {
            said.push_str(&format!(", de nouveau à sa date de {year} : {restored}"))
        }
        (Some((dropped, back_to)), None) => said.push_str(&format!(
            " sans date : {dropped} n'est pas en {year} ; la ramener en {back_to} rend sa date"
        )),
        (None, None) => {}
    }
    said
}
pub fn work_deleted(title: &str) -> String {
    format!("« {title} » supprimé du suivi")
}

/// How wide a name inside a question may be, in columns: the question stays within its three
/// lines. The caller cuts the name (`text::truncate`) before it reaches the question.
pub const QUESTION_NAME_WIDTH: usize = 60;
pub fn confirm_reopen_circle(name: &str) -> String {
    format!(
        "Rouvrir le cercle « {name} » ? Les rôles qu'on y tenait à sa fermeture comptent de nouveau."
    )
}
pub fn confirm_reopen_group(name: &str) -> String {
    format!("Rouvrir le GT « {name} » ?")
}
pub fn confirm_delete_work(title: &str) -> String {
    format!("Supprimer du suivi « {title} » ? Cela ne se défait pas.")
}
pub fn decision_saved(title: &str) -> String {
    format!("décision « {title} » enregistrée")
}

// --- keys ---------------------------------------------------------------------------------------

pub const GROUP_CIRCLES: &str = "Cercles";
pub const GROUP_DETAIL: &str = "Détail d'un cercle";
pub const GROUP_WORK: &str = "Suivi des travaux";
pub const GROUP_GT: &str = "GT";

pub const ACT_FOCUS_DETAIL: &str = "sections : entrer dans le détail (GT, suivi, décisions)";
pub const ACT_LEAVE_DETAIL: &str = "retour : à la liste des cercles";
pub const ACT_NEXT_SECTION: &str = "section : aller à la section suivante";
pub const ACT_PREV_SECTION: &str = "section précédente";
pub const ACT_SCROLL_DOWN: &str = "défiler : descendre dans le détail";
pub const ACT_SCROLL_UP: &str = "remonter dans le détail";
pub const ACT_PREV_YEAR: &str = "année précédente du suivi";
pub const ACT_NEXT_YEAR: &str = "année suivante du suivi";
pub const ACT_NEW_CIRCLE: &str = "nouveau : créer un cercle";
pub const ACT_CLOSE_CIRCLE: &str = "fermer : fermer (ou rouvrir) le cercle";
pub const ACT_ADD: &str = "ajouter : un GT, un élément du suivi, une décision";
pub const ACT_EDIT_ITEM: &str = "modifier : la ligne choisie";
pub const ACT_CYCLE_STATUS: &str = "statut : à venir → en cours → réalisé";
pub const ACT_YEAR_LATER: &str = "reporter : à l'année suivante";
pub const ACT_YEAR_EARLIER: &str = "ramener : à l'année précédente";
pub const ACT_CLOSE_GROUP: &str = "fermer : fermer (ou rouvrir) le GT";
pub const ACT_DELETE_WORK: &str = "supprimer : l'élément du suivi choisi (après o/n)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_plurals() {
        assert_eq!(members_line(1, 1), "1 membre · 1 co-référent·e");
        assert_eq!(members_line(9, 2), "9 membres · 2 co-référent·es");
        assert_eq!(row_counts(9, 2), " 9 m ·  2 co");
        assert_eq!(
            alert_ended(1),
            "! mandat fini depuis 1 jour, sans successeur·e"
        );
    }

    /// The message line is one row: "Erreur : " and the text must fit 80 columns, or the end
    /// of the sentence is cut away.
    #[test]
    fn messages_fit_the_message_line_at_80_columns() {
        use unicode_width::UnicodeWidthStr;
        let fits = |text: &str| {
            let line = format!("{} {text}", super::super::tui::ERROR_MARK);
            assert!(line.width() <= 80, "{line:?} is wider than 80 columns");
        };
        for role in super::super::words::ROLE_LABELS {
            for what in [WHAT_CIRCLES, WHAT_WORK_LOG] {
                fits(&refused(role, what));
            }
        }
        for text in [
            GENERAL_NO_SHEET,
            GENERAL_NOT_CLOSED,
            NOT_A_YEAR,
            READ_ONLY,
            CONFLICT_MESSAGE,
            CHANGED_ELSEWHERE,
            GONE,
        ] {
            fits(text);
        }
    }
}
