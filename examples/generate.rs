//! Writes a synthetic corpus in the shipped article's style: `cargo run --release --example generate -- DIR COUNT`.
//!
//! Creates `DIR/articles/gen-NNNNN.txt` (COUNT files, about 3 KB each), for
//! scale tests of the server: `whosaid --data DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use whosaid::synthetic::{Rng, article};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (
        args.next().map(PathBuf::from),
        args.next().and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: generate DIR COUNT");
        return ExitCode::FAILURE;
    };
    let folder = dir.join("articles");
    if let Err(err) = std::fs::create_dir_all(&folder) {
        eprintln!("generate: {}: {err}", folder.display());
        return ExitCode::FAILURE;
    }
    let mut rng = Rng::new(count as u64);
    let mut bytes = 0;
    for n in 0..count {
        let paragraphs = 18 + rng.below(16);
        let (text, _) = article(&mut rng, paragraphs);
        bytes += text.len();
        let path = folder.join(format!("gen-{n:05}.txt"));
        if let Err(err) = std::fs::write(&path, text) {
            eprintln!("generate: {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{count} articles, {bytes} bytes in {}", folder.display());
    ExitCode::SUCCESS
}
