//! Cost of syntax highlighting one fenced code block, per language.
//!
//! ```sh
//! cargo bench --bench highlight                 # 2,000 blocks per language
//! cargo bench --bench highlight -- 10000
//! ```
//!
//! Each language's sample (a few lines, as handbooks have them) is highlighted through
//! `orgbook::highlight::code_blocks`, the path `orgbook build` takes, once cold (which
//! includes compiling that language's query) and then N times with a different word in each
//! copy, so no two blocks are the same text (a cache keyed by text would gain nothing here,
//! as on a real handbook). Prints microseconds per block: median of 5 rounds, min, max.
//! Single thread; `orgbook build` highlights on all cores.

use std::time::Instant;

const SAMPLES: &[(&str, &str)] = &[
    (
        "bash",
        "git switch -c feature/WORD\ncargo test --workspace\ngit push -u origin HEAD\ngh pr create --fill\n",
    ),
    (
        "toml",
        "[service]\nname = \"WORD\"\nreplicas = 3\nowner = \"team-WORD\"\n",
    ),
    (
        "sql",
        "SELECT id, status, created_at\nFROM WORD_events\nWHERE created_at > now() - interval '7 days'\nORDER BY created_at DESC;\n",
    ),
    (
        "yaml",
        "alert: WORD-error-rate\nexpr: rate(errors[5m]) > 0.01\nfor: 10m\nseverity: page\n",
    ),
    ("rust", "fn main() {\n    println!(\"hello, WORD\");\n}\n"),
    (
        "json",
        "{\n  \"name\": \"WORD\",\n  \"replicas\": 3,\n  \"tags\": [\"a\", \"b\"]\n}\n",
    ),
    (
        "python",
        "def WORD(events):\n    # count the failures\n    return sum(1 for e in events if e.status >= 500)\n",
    ),
    (
        "ts",
        "export async function WORD(id: string): Promise<number> {\n  const r = await fetch(`/api/${id}`);\n  return r.status;\n}\n",
    ),
    (
        "go",
        "func WORD(ctx context.Context) error {\n\tif err := run(ctx); err != nil {\n\t\treturn fmt.Errorf(\"WORD: %w\", err)\n\t}\n\treturn nil\n}\n",
    ),
    (
        "terraform",
        "resource \"aws_s3_bucket\" \"WORD\" {\n  bucket = \"WORD-logs\"\n  tags   = { team = \"WORD\" }\n}\n",
    ),
];

fn block(lang: &str, code: &str) -> String {
    let escaped = code
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<pre><code class=\"language-{lang}\">{escaped}</code></pre>")
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2000);
    println!(
        "{:<10} {:>10} {:>12} {:>8} {:>8}",
        "language", "cold µs", "µs/block", "min", "max"
    );
    let mut all = Vec::new();
    for (lang, sample) in SAMPLES {
        let inputs: Vec<String> = (0..n)
            .map(|i| block(lang, &sample.replace("WORD", &format!("w{i}x"))))
            .collect();
        let t = Instant::now();
        let cold_block = block(lang, &sample.replace("WORD", "cold"));
        let cold = orgbook::highlight::code_blocks(&cold_block);
        let cold_us = t.elapsed().as_secs_f64() * 1e6;
        assert!(
            cold.contains("class=\"hl-"),
            "{lang} not highlighted: {cold}"
        );
        let mut rounds: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let mut bytes = 0;
                for input in &inputs {
                    bytes += orgbook::highlight::code_blocks(input).len();
                }
                std::hint::black_box(bytes);
                t.elapsed().as_secs_f64() * 1e6 / n as f64
            })
            .collect();
        rounds.sort_by(f64::total_cmp);
        println!(
            "{lang:<10} {cold_us:>10.0} {:>12.1} {:>8.1} {:>8.1}",
            rounds[2], rounds[0], rounds[4]
        );
        all.push(rounds[2]);
    }
    println!(
        "mean of the medians: {:.1} µs/block",
        all.iter().sum::<f64>() / all.len() as f64
    );
}
