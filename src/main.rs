//! Entry point: parse the command line, run it, print one clear line on error.

fn main() {
    cercles::log::mark_start();
    let outcome = cercles::cli::parse().and_then(cercles::cli::run);
    if let Err(e) = outcome {
        // Who ran what, for whoever looks after a shared server (one service account).
        let command: Vec<String> = std::env::args().skip(1).collect();
        cercles::log::error(&format!(
            "cercles {} (sortie {}) : {e}",
            command.join(" "),
            e.exit_code()
        ));
        // Not `eprintln!`: it panics when standard error is a terminal that is gone.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "cercles : {}",
            cercles::text::escape_for_terminal(&e.to_string())
        );
        std::process::exit(e.exit_code());
    }
}
