//! Tests of `config.toml`: every key, and one French line naming the key for each mistake.

#![allow(clippy::unwrap_used)]

use super::*;

const FILE: &str = "/etc/cercles/config.toml";

fn refused(text: &str) -> String {
    parse(text, FILE).unwrap_err().0
}

#[test]
fn an_empty_file_is_the_defaults() {
    let config = parse("", FILE).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!(config.follow_up_months, 6);
    assert_eq!(config.retention_years, 2);
    assert_eq!(
        config.exports_dir(Path::new("/srv/cercles/cercles.db")),
        Path::new("/srv/cercles/exports")
    );
}

#[test]
fn every_key_is_read() {
    let config = parse(
        "# the network's server\n\
         follow_up_months = 3\n\
         retention_years = 5\n\
         exports_dir = \"/srv/exports\"\n\
         [colours]\n\
         accent = \"light_blue\"\n\
         highlight = \"Magenta\"\n\
         muted = \"grey\"\n\
         error = \"red\"\n\
         ok = \"green\"\n\
         theirs = \"light-cyan\"\n\
         border = \"white\"\n\
         status_bar = \"black\"\n",
        FILE,
    )
    .unwrap();
    assert_eq!(config.follow_up_months, 3);
    assert_eq!(config.retention_years, 5);
    assert_eq!(
        config.exports_dir(Path::new("/srv/cercles/cercles.db")),
        Path::new("/srv/exports")
    );
    let c = config.colours;
    assert_eq!(c.accent, Some(AnsiColour::LightBlue));
    assert_eq!(c.highlight, Some(AnsiColour::Magenta));
    assert_eq!(c.muted, Some(AnsiColour::Gray));
    assert_eq!(c.theirs, Some(AnsiColour::LightCyan));
    assert_eq!(c.status_bar, Some(AnsiColour::Black));
    // A relative folder is beside the database.
    let config = parse("exports_dir = \"sorties\"", FILE).unwrap();
    assert_eq!(
        config.exports_dir(Path::new("/srv/cercles/cercles.db")),
        Path::new("/srv/cercles/sorties")
    );
    let inline = parse("colours = { accent = \"yellow\" }", FILE).unwrap();
    assert_eq!(inline.colours.accent, Some(AnsiColour::Yellow));
    let dotted = parse("colours.accent = \"red\"", FILE).unwrap();
    assert_eq!(dotted.colours.accent, Some(AnsiColour::Red));
}

#[test]
fn an_unknown_key_is_named_with_the_known_ones() {
    assert_eq!(
        refused("follow_up_months = 6\nfolow_up = 3\n"),
        "configuration /etc/cercles/config.toml, ligne 2 : clé inconnue « folow_up » \
         (clés possibles : follow_up_months, retention_years, exports_dir, colours)"
    );
    assert_eq!(
        refused("[colours]\naccnt = \"red\"\n"),
        "configuration /etc/cercles/config.toml, ligne 2 : clé inconnue « colours.accnt » \
         (clés possibles : accent, highlight, muted, error, ok, theirs, border, status_bar)"
    );
    assert!(refused("[couleurs]\naccent = \"red\"\n").contains("clé inconnue « couleurs »"));
    assert!(refused("colours = { accnt = \"x\" }").contains("clé inconnue « colours.accnt »"));
    assert!(refused("colours.accnt = \"x\"").contains("clé inconnue « colours.accnt »"));
}

#[test]
fn a_value_of_the_wrong_type_is_named_with_what_it_should_be() {
    assert_eq!(
        refused("follow_up_months = \"six\""),
        "configuration /etc/cercles/config.toml, ligne 1 : « follow_up_months » doit être \
         un nombre entier de mois, par exemple 6"
    );
    assert!(
        refused("retention_years = 1.5")
            .contains("« retention_years » doit être un nombre entier d'années")
    );
    assert!(refused("exports_dir = 3").contains("« exports_dir » doit être un chemin de dossier"));
    assert!(refused("colours = 3").contains("« colours » doit être une section [colours]"));
    assert!(
        refused("\n[colours]\naccent = 3")
            .contains("ligne 3 : « colours.accent » doit être une couleur entre guillemets")
    );
}

#[test]
fn a_number_out_of_range_is_named_with_the_range() {
    assert_eq!(
        refused("follow_up_months = 0"),
        "configuration /etc/cercles/config.toml : « follow_up_months » vaut 0, il faut entre 1 et 36 mois"
    );
    assert!(
        refused("retention_years = 40")
            .contains("« retention_years » vaut 40, il faut entre 1 et 10 ans")
    );
    assert!(refused("retention_years = -1").contains("vaut -1"));
    assert!(refused("follow_up_months = 99999999999999999999").contains("« follow_up_months »"));
}

#[test]
fn an_unknown_colour_is_named_with_the_sixteen() {
    let line = refused("[colours]\naccent = \"turquoise\"");
    assert!(
        line.contains("« colours.accent » = « turquoise » n'est pas une couleur connue"),
        "{line}"
    );
    assert!(line.contains("black, red, green, yellow"), "{line}");
    // 256 colours and truecolor are not assumed over SSH.
    assert!(refused("[colours]\naccent = \"#00ffff\"").contains("n'est pas une couleur connue"));
    assert!(refused("[colours]\naccent = \"42\"").contains("n'est pas une couleur connue"));
}

#[test]
fn broken_toml_and_an_empty_folder_are_refused() {
    assert_eq!(
        refused("follow_up_months = 6\nretention_years\n"),
        "configuration /etc/cercles/config.toml, ligne 2 : ce n'est pas du TOML valide \
         (écrivez par exemple follow_up_months = 6)"
    );
    assert!(refused("follow_up_months = 6\nfollow_up_months = 7\n").contains("ligne 2"));
    assert!(refused("exports_dir = \" \"").contains("« exports_dir » est vide"));
}

#[test]
fn every_message_is_one_line() {
    for text in [
        "x = 1",
        "follow_up_months = \"a\nb\"",
        "[colours]\naccent = \"a\\u0007b\"",
        "a = [\n1,\n2\n]",
    ] {
        let line = refused(text);
        assert!(!line.contains('\n') && !line.contains('\u{7}'), "{line:?}");
    }
}
