//! `orgbook serve`: resolve the handbook and run the dev server (`orgbook::serve`).

use super::report::{self, EXIT_ERRORS, EXIT_OK};
use crate::cli::ServeArgs;
use orgbook::serve::{self, ServeError, http::BindError};

pub fn execute(args: ServeArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if !args.bind.is_loopback() {
        errln!(
            "warning: listening on {}: anyone who can reach this machine can read the handbook",
            args.bind
        );
    }
    let options = serve::Options {
        root,
        bind: args.bind,
        port: args.port,
        open: args.open,
    };
    match serve::run(&options) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            errln!("error: {e}");
            if let ServeError::Bind(BindError::InUse { port, .. }) = &e {
                let next = port.checked_add(1).unwrap_or(1111);
                errln!(
                    "  = help: another program (perhaps another `orgbook serve`) is using it; \
                     pick another port with `--port {next}`, or `--port 0` for any free one"
                );
            }
            EXIT_ERRORS
        }
    }
}
