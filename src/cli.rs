//! The command line: `whosaid [serve]`, `whosaid parse FILE… [--json]`, `whosaid check [DIR]`,
//! `whosaid add SOURCE…` and `whosaid extract SOURCE [--json]`.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::corpus::{Corpus, Library, LoadError, article_slug, read_text};
use crate::memory::return_freed_pages;
use crate::model::{Article, ParagraphRole, SpeakerId, speaker_slugs};
use crate::parse::{Lexicon, parse};
use crate::web::{AppState, ServerConfig, serve, shutdown_signal, site};

/// whosaid: who is quoted in a news article, what they said, and what they think.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// What to do; with none, serve the web app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for serving (used when no command is given).
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app (the default).
    Serve(ServeArgs),
    /// Parse article files and print who said what.
    Parse(ParseArgs),
    /// Load a data folder and report problems, without serving.
    Check(CheckArgs),
    /// Take in articles — saved web pages, text files or http(s) addresses — and store them
    /// in the data folder (DIR/articles/SLUG.txt and SLUG.toml); prints each slug.
    Add(AddArgs),
    /// Print what `add` would store for a source, without storing it.
    Extract(ExtractArgs),
}

/// Options for `add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Saved web pages (.html, .htm), text files, or http(s):// addresses.
    #[arg(required = true)]
    pub sources: Vec<String>,
}

/// Options for `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A saved web page, a text file, or an http(s):// address.
    pub source: String,
    /// Print JSON: {"title", "date", "outlet", "byline", "url", "body"}.
    #[arg(long)]
    pub json: bool,
}

/// Options for `serve`.
#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address to listen on. The default is loopback only.
    #[arg(long, default_value = "127.0.0.1:3000", global = true)]
    pub addr: SocketAddr,
    /// Data folder: articles in DIR/articles/*.txt (or DIR/*.txt), with
    /// optional DIR/themes.toml and DIR/lexicon.toml. Default: ./data, else
    /// the data folder of the source tree, else the article built in.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
    /// Log filter, e.g. "info", "warn", "whosaid=debug".
    #[arg(long, default_value = "info", value_name = "FILTER", global = true)]
    pub log: String,
}

/// Options for `parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Article files (UTF-8 text).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print JSON: {"articles": [...]}.
    #[arg(long)]
    pub json: bool,
    /// A lexicon file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

/// Options for `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Data folder to check (default: as for serve).
    pub dir: Option<PathBuf>,
    /// Print every problem as JSON, for editors' scripts:
    /// `{"ok", "articles", "problems": [{"severity", "file", "line", "message"}]}`.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Parse(args)) => parse_files(&args),
        Some(Command::Check(args)) => check(args.dir.or(cli.serve.data), args.json),
        Some(Command::Add(args)) => add(&args, cli.serve.data),
        Some(Command::Extract(args)) => extract(&args),
        Some(Command::Serve(args)) => serve_app(&args),
        None => serve_app(&cli.serve),
    }
}

/// Where the data lives when no folder is named.
fn default_data_dir() -> Option<PathBuf> {
    [
        PathBuf::from("data"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
    ]
    .into_iter()
    .find(|dir| dir.join("articles").is_dir() || dir.is_dir() && has_txt(dir))
}

fn has_txt(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .unwrap_or(false)
}

/// Loads the corpus, reporting each failed file; `None` when nothing loads. The library is
/// returned too, to reload from when files change (none for the built-in article).
fn load(data: Option<PathBuf>) -> Option<(Corpus, Option<Library>)> {
    let Some(dir) = data.or_else(default_data_dir) else {
        tracing::info!("no data folder found; serving the built-in article");
        return match Corpus::shipped() {
            Ok(corpus) => Some((corpus, None)),
            Err(err) => {
                tracing::error!("{err}");
                None
            }
        };
    };
    let mut library = Library::new(&dir);
    match library.refresh() {
        Ok((loaded, report)) => {
            for err in &loaded.errors {
                tracing::error!("skipped: {err}");
            }
            for stale in &loaded.stale {
                tracing::warn!("{stale}");
            }
            if loaded.corpus.articles.is_empty() {
                tracing::error!("{}: no article could be loaded", dir.display());
                return None;
            }
            tracing::info!(
                articles = loaded.corpus.articles.len(),
                speakers = loaded.corpus.speakers.len(),
                said = loaded.corpus.said.len(),
                failed = loaded.errors.len(),
                parse_ms = report.parse_time.as_millis(),
                build_ms = report.build_time.as_millis(),
                "loaded {}",
                dir.display()
            );
            let corpus = loaded.corpus;
            return_freed_pages();
            Some((corpus, Some(library)))
        }
        Err(err) => {
            tracing::error!("{err}");
            None
        }
    }
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter).unwrap_or_else(|err| {
        eprintln!("whosaid: bad --log filter {filter:?} ({err}); using \"info\"");
        tracing_subscriber::EnvFilter::new("info")
    });
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

fn serve_app(args: &ServeArgs) -> ExitCode {
    init_logging(&args.log);
    let Some((corpus, library)) = load(args.data.clone()) else {
        return ExitCode::FAILURE;
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            tracing::error!("cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(args.addr).await {
            Ok(listener) => listener,
            Err(err) => {
                tracing::error!("cannot listen on {}: {err}", args.addr);
                return ExitCode::FAILURE;
            }
        };
        let local = listener.local_addr().unwrap_or(args.addr);
        let base = format!("http://{local}");
        tracing::info!("serving on {base}");
        let state = AppState::new(corpus, &base);
        // Changes to the data folder show without a restart; SIGHUP reloads too.
        let _watcher = library.and_then(|library| crate::web::reload::watch(library, state.clone()));
        serve(listener, site(state), ServerConfig::default(), shutdown_signal()).await;
        ExitCode::SUCCESS
    })
}

fn check(data: Option<PathBuf>, json: bool) -> ExitCode {
    init_logging("warn");
    let Some(dir) = data.or_else(default_data_dir) else {
        return check_failed(json, "whosaid check: no data folder found (looked for ./data)", None);
    };
    let loaded = match Corpus::load_dir(&dir) {
        Ok(loaded) => loaded,
        Err(err) => return check_failed(json, &format!("error: {err}"), Some(&err)),
    };
    let corpus = &loaded.corpus;
    if json {
        let mut problems: Vec<serde_json::Value> = loaded
            .errors
            .iter()
            .map(|err| {
                let (file, line) = err.location();
                serde_json::json!({"severity": "error", "file": file, "line": line, "message": err.to_string()})
            })
            .collect();
        problems.extend(loaded.stale.iter().map(|stale| {
            serde_json::json!({
                "severity": "warning",
                "file": stale.path.display().to_string(),
                "line": stale.line,
                "message": format!("{}; this correction is ignored", stale.message),
            })
        }));
        let answer = serde_json::json!({
            "ok": loaded.errors.is_empty(),
            "articles": corpus.articles.len(),
            "problems": problems,
        });
        println!("{}", serde_json::to_string_pretty(&answer).unwrap_or_default());
    } else {
        for err in &loaded.errors {
            eprintln!("error: {err}");
        }
        for stale in &loaded.stale {
            eprintln!("warning: {stale}");
        }
        let quotes = corpus
            .said
            .iter()
            .filter(|r| r.kind != crate::corpus::SaidKind::Reported)
            .count();
        println!(
            "{}: {} articles, {} speakers, {} quotes, {} reported statements, {} themes; {} files failed, {} corrections ignored",
            dir.display(),
            corpus.articles.len(),
            corpus.speakers.len(),
            quotes,
            corpus.said.len() - quotes,
            corpus.themes.list.len(),
            loaded.errors.len(),
            loaded.stale.len(),
        );
    }
    if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `check` could not load the folder at all.
fn check_failed(json: bool, message: &str, err: Option<&LoadError>) -> ExitCode {
    if json {
        let (file, line) = err.map_or((None, None), |e| {
            let (file, line) = e.location();
            (Some(file), line)
        });
        let answer = serde_json::json!({
            "ok": false,
            "articles": 0,
            "problems": [{"severity": "error", "file": file, "line": line, "message": message}],
        });
        println!("{}", serde_json::to_string_pretty(&answer).unwrap_or_default());
    } else {
        eprintln!("{message}");
    }
    ExitCode::FAILURE
}

fn add(args: &AddArgs, data: Option<PathBuf>) -> ExitCode {
    let dir = data.unwrap_or_else(|| PathBuf::from("data"));
    // A source that fails writes nothing (its files are written only once it has been read
    // whole); the other sources are still added.
    let mut failed = false;
    for source in &args.sources {
        match crate::ingest::add(source, &dir) {
            Ok(slug) => println!("{slug}"),
            Err(err) => {
                eprintln!("whosaid add: {err}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn extract(args: &ExtractArgs) -> ExitCode {
    match crate::ingest::extract_source(&args.source) {
        Ok(found) => {
            if args.json {
                let answer = serde_json::json!({
                    "title": found.title,
                    "date": found.date,
                    "outlet": found.outlet,
                    "byline": found.byline,
                    "url": found.url,
                    "body": found.paragraphs.join("\n"),
                });
                println!("{answer}");
            } else {
                print!("{}", crate::ingest::article_text(&found));
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("whosaid extract: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_files(args: &ParseArgs) -> ExitCode {
    let lexicon = match &args.lexicon {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|source| LoadError::Read {
                path: path.clone(),
                source,
            })
            .and_then(|text| Ok(Lexicon::from_toml(&text, &path.display().to_string())?))
        {
            Ok(lexicon) => lexicon,
            Err(err) => {
                eprintln!("whosaid: {err}");
                return ExitCode::FAILURE;
            }
        },
        None => Lexicon::builtin(),
    };
    let mut failed = false;
    let mut articles = Vec::new();
    for path in &args.files {
        match read_text(path) {
            Ok(text) => {
                articles.push((article_slug(path), parse(&text, &lexicon)));
            }
            Err(err) => {
                eprintln!("whosaid: {err}");
                failed = true;
            }
        }
    }
    // Buffered: standard output flushes at every line, and pretty JSON has one per field.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if args.json {
        let views: Vec<serde_json::Value> = articles.iter().map(|(slug, a)| parsed_json(slug, a)).collect();
        // `io::Error::from` keeps the kind of a write error, so a closed pipe reads as one.
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "articles": views }))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        articles
            .iter()
            .try_for_each(|(slug, a)| write_readable(&mut out, slug, a))
    }
    .and_then(|()| out.flush());
    if let Err(err) = written
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("whosaid: cannot write output: {err}");
        failed = true;
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// The JSON form of a parsed article, as `../shared/eval/score.py` reads it: the parser's
/// model with each speaker given a slug and every speaker reference written as that slug.
fn parsed_json(slug: &str, article: &Article) -> serde_json::Value {
    let slugs = speaker_slugs(&article.speakers);
    let name = |id: Option<SpeakerId>| id.and_then(|id| slugs.get(id.index())).cloned();
    let mut value = serde_json::to_value(article).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("slug".to_owned(), slug.into());
    }
    let mut rewrite = |key: &str, speakers: Vec<Option<SpeakerId>>| {
        if let Some(list) = value.get_mut(key).and_then(|v| v.as_array_mut()) {
            for (item, speaker) in list.iter_mut().zip(speakers) {
                if let Some(object) = item.as_object_mut() {
                    object.insert("speaker".to_owned(), name(speaker).into());
                }
            }
        }
    };
    rewrite("quotes", article.quotes.iter().map(|q| q.speaker).collect());
    rewrite("statements", article.statements.iter().map(|s| s.speaker).collect());
    rewrite("paragraphs", article.paragraphs.iter().map(|p| p.speaker).collect());
    if let Some(list) = value.get_mut("speakers").and_then(|v| v.as_array_mut()) {
        for (item, slug) in list.iter_mut().zip(&slugs) {
            if let Some(object) = item.as_object_mut() {
                object.insert("slug".to_owned(), slug.clone().into());
            }
        }
    }
    value
}

/// The readable form: each speaker with role and quotes, then what was set aside.
fn write_readable(out: &mut impl Write, slug: &str, article: &Article) -> std::io::Result<()> {
    writeln!(out, "# {slug}")?;
    if let Some(date) = &article.date {
        writeln!(out, "date: {date}")?;
    }
    let body = article
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Body)
        .count();
    writeln!(
        out,
        "{} paragraphs ({body} body), {} quotes, {} statements, {} speakers\n",
        article.paragraphs.len(),
        article.quotes.len(),
        article.statements.len(),
        article.speakers.len()
    )?;
    let slugs = speaker_slugs(&article.speakers);
    for speaker in &article.speakers {
        let role = speaker.role.as_deref().unwrap_or("(no role given)");
        let tag = if speaker.commentator { "commentator" } else { "quoted" };
        writeln!(
            out,
            "{} [{}] — {role} ({tag}, {:?})",
            speaker.name,
            slugs[speaker.id.index()],
            speaker.kind
        )?;
        writeln!(out, "  statements: {}", speaker.statement_count)?;
        for quote in article.quotes.iter().filter(|q| q.speaker == Some(speaker.id)) {
            let cue = quote.cue.as_deref().unwrap_or("-");
            writeln!(
                out,
                "  {:<8} “{}”  ({cue}; {})",
                quote.kind.as_str(),
                article.quote_words(quote),
                quote.attribution.note(Some(&speaker.short_name))
            )?;
        }
        writeln!(out)?;
    }
    let unattributed: Vec<_> = article.quotes.iter().filter(|q| q.speaker.is_none()).collect();
    if !unattributed.is_empty() {
        writeln!(out, "No speaker:")?;
        for quote in unattributed {
            writeln!(
                out,
                "  {:<8} “{}”  ({})",
                quote.kind.as_str(),
                article.quote_words(quote),
                quote.attribution.note(None)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "Set aside:")?;
    for p in article.paragraphs.iter().filter(|p| p.role != ParagraphRole::Body) {
        let text: String = p.text.chars().take(70).collect();
        writeln!(out, "  {:<9} {text}", p.role.as_str())?;
    }
    writeln!(out)
}
