//! Never panic on user content: seeded random mutations of real handbook files, through the
//! whole pipeline in-process (a stable stand-in for the cargo-fuzz targets in fuzz/).

use crate::harness::*;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "+++",
    "\n",
    "=",
    "\"",
    "[",
    "]",
    "[[metrics]]",
    "#",
    "](",
    ")",
    "../",
    "%",
    "\u{feff}",
    "é",
    "東京",
    "\r\n",
    "`",
    "```",
    "<script>",
    "{#x}",
    "1979-05-27",
    "''",
    "\\",
    "|",
    "- ",
    "> ",
    "*",
    "0",
    "\u{0}",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 if !chars.is_empty() => {
                let end = (at + rng.below(8)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => {
                let piece: Vec<char> = PIECES[rng.below(PIECES.len())].chars().collect();
                chars.splice(at..at, piece);
            }
            _ => {
                if !chars.is_empty() {
                    let from = rng.below(chars.len());
                    let len = rng.below(16).min(chars.len() - from);
                    let copy: Vec<char> = chars[from..from + len].to_vec();
                    chars.splice(at..at, copy);
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_handbooks_never_panic() {
    let files = [
        "content/teams/eng/api.md",
        "content/teams/eng.md",
        "content/decisions/0002-use-rust.md",
        "content/guide/onboarding.md",
        "orgbook.toml",
    ];
    let mut rng = Rng(0x5eed_0f0b_b00c);
    let book = TestBook::fixture("basic");
    let originals: Vec<String> = files.iter().map(|f| book.read(f)).collect();
    for round in 0..150 {
        for (f, original) in files.iter().zip(&originals) {
            let text = if rng.below(3) == 0 {
                mutate(&mut rng, original)
            } else {
                original.clone()
            };
            book.write(f, &text);
        }
        let result = std::panic::catch_unwind(|| {
            orgbook::site::build(book.root(), orgbook::render::RenderOptions::default())
        });
        match result {
            Ok(site) => {
                // Whatever the content, the build either produced files or said why not.
                assert!(
                    site.has_errors() || !site.files.is_empty(),
                    "round {round}: no files and no errors"
                );
                for d in &site.diagnostics {
                    assert!(
                        !d.message.is_empty() && !d.file.is_empty(),
                        "round {round}: {d:?}"
                    );
                }
            }
            Err(_) => {
                let dump: Vec<String> = files
                    .iter()
                    .map(|f| format!("--- {f}\n{}", book.read(f)))
                    .collect();
                panic!("round {round}: the build panicked on:\n{}", dump.join("\n"));
            }
        }
    }
}
