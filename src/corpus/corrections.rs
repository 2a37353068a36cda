//! Editors' corrections from an article's sidecar, applied after every parse: a quote's
//! speaker (`[[correction]]`) and a speaker's role (`[[speaker]]`). A correction that no
//! longer fits the text is reported with its file and line and left out; the rest apply.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::model::{Article, Attribution, RoleSource, Speaker, SpeakerId, SpeakerKind, narrow};

/// `[[correction]]`: who said a quote.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuoteCorrection {
    /// The quoted words, or their opening.
    pub quote: Spanned<String>,
    /// The speaker as the article names them; "" means not given.
    pub speaker: Spanned<String>,
}

/// `[[speaker]]`: a speaker's role.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SpeakerCorrection {
    /// The speaker as the article names them (full or short name).
    pub name: Spanned<String>,
    /// Their role.
    pub role: Spanned<String>,
}

/// A correction that could not be applied, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[error("{}:{line}: {message}; this correction is ignored", path.display())]
pub struct StaleCorrection {
    /// The sidecar file.
    pub path: PathBuf,
    /// The line of the correction's entry.
    pub line: usize,
    /// What no longer fits.
    pub message: String,
}

/// Words compared loosely: curly and straight marks alike, case and spacing ignored.
fn loose(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Applies the corrections to an article; returns those that no longer fit, with their lines.
pub(crate) fn apply(
    article: &mut Article,
    quotes: &[QuoteCorrection],
    speakers: &[SpeakerCorrection],
    path: &Path,
    sidecar_text: &str,
) -> Vec<StaleCorrection> {
    let line =
        |span: std::ops::Range<usize>| sidecar_text[..span.start.min(sidecar_text.len())].matches('\n').count() + 1;
    let stale = |span, message: String| StaleCorrection {
        path: path.to_owned(),
        line: line(span),
        message,
    };
    let mut problems = Vec::new();
    for fix in speakers {
        match find_speaker(article, fix.name.get_ref()) {
            Some(id) => {
                let speaker = &mut article.speakers[id.index()];
                speaker.role = Some(fix.role.get_ref().trim()).filter(|r| !r.is_empty()).map(Box::from);
                speaker.role_source = Some(RoleSource::Editor);
            }
            None => problems.push(stale(
                fix.name.span(),
                format!("no speaker in the article is named “{}”", fix.name.get_ref()),
            )),
        }
    }
    for fix in quotes {
        let wanted = loose(fix.quote.get_ref());
        let matching: Vec<usize> = article
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| !wanted.is_empty() && loose(article.quote_words(q)).starts_with(&wanted))
            .map(|(at, _)| at)
            .collect();
        let quote = match matching.as_slice() {
            [one] => *one,
            [] => {
                problems.push(stale(
                    fix.quote.span(),
                    format!("no quote begins “{}”", fix.quote.get_ref()),
                ));
                continue;
            }
            many => {
                problems.push(stale(
                    fix.quote.span(),
                    format!(
                        "{} quotes begin “{}”: give more of the words",
                        many.len(),
                        fix.quote.get_ref()
                    ),
                ));
                continue;
            }
        };
        let name = fix.speaker.get_ref().trim();
        let speaker = if name.is_empty() {
            None
        } else {
            match find_speaker(article, name).or_else(|| add_named(article, name)) {
                Some(id) => Some(id),
                None => {
                    problems.push(stale(
                        fix.speaker.span(),
                        format!("“{name}” is not named in the article"),
                    ));
                    continue;
                }
            }
        };
        let previous = article.quotes[quote].speaker;
        article.quotes[quote].speaker = speaker;
        article.quotes[quote].attribution = Attribution::Corrected;
        // The paragraph's statement follows when every quote in it now has the new speaker.
        for statement in &mut article.statements {
            if statement.quotes.contains(quote)
                && statement.speaker == previous
                && statement.quotes.iter().all(|q| article.quotes[q].speaker == speaker)
            {
                statement.speaker = speaker;
                statement.attribution = Attribution::Corrected;
                if let Some(paragraph) = article.paragraphs.get_mut(statement.paragraph as usize) {
                    paragraph.speaker = speaker;
                }
            }
        }
    }
    recount(article);
    problems
}

/// The speaker a name means: a full name or a short one, in any case.
fn find_speaker(article: &Article, name: &str) -> Option<SpeakerId> {
    let wanted = loose(name);
    article
        .speakers
        .iter()
        .find(|s| loose(&s.name) == wanted)
        .or_else(|| {
            let mut short = article.speakers.iter().filter(|s| loose(&s.short_name) == wanted);
            match (short.next(), short.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        })
        .map(|s| s.id)
}

/// A person the article names but does not quote: added as a speaker when the name is in a
/// body paragraph, so that a correction may give them a quote.
fn add_named(article: &mut Article, name: &str) -> Option<SpeakerId> {
    let named = article
        .paragraphs
        .iter()
        .filter(|p| p.role == crate::model::ParagraphRole::Body)
        .any(|p| p.text.contains(name));
    if !named {
        return None;
    }
    let id = SpeakerId::new(article.speakers.len())?;
    article.speakers.push(Speaker {
        id,
        name: name.into(),
        short_name: name.split_whitespace().last().unwrap_or(name).into(),
        role: None,
        role_source: None,
        kind: SpeakerKind::Person,
        commentator: false,
        quote_count: 0,
        statement_count: 0,
        gender: None,
    });
    Some(id)
}

/// Quote and statement counts after corrections moved quotes.
fn recount(article: &mut Article) {
    for speaker in &mut article.speakers {
        speaker.quote_count = narrow(article.quotes.iter().filter(|q| q.speaker == Some(speaker.id)).count());
        speaker.statement_count = narrow(
            article
                .statements
                .iter()
                .filter(|s| s.speaker == Some(speaker.id))
                .count(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Lexicon, parse};

    #[derive(Deserialize)]
    struct Sidecar {
        #[serde(default)]
        correction: Vec<QuoteCorrection>,
        #[serde(default)]
        speaker: Vec<SpeakerCorrection>,
    }

    fn corrected(text: &str, sidecar: &str) -> (Article, Vec<StaleCorrection>) {
        let mut article = parse(text, &Lexicon::builtin());
        let fixes: Sidecar = toml::from_str(sidecar).unwrap();
        let stale = apply(
            &mut article,
            &fixes.correction,
            &fixes.speaker,
            Path::new("a.toml"),
            sidecar,
        );
        (article, stale)
    }

    const TEXT: &str = "“The port will close,” said Ana Ruiz, a lecturer.\n\
                        Tomas Berg, the mayor, disagreed.\n\
                        “It will not,” she said.";

    #[test]
    fn a_correction_moves_a_quote_and_says_so() {
        let (article, stale) = corrected(
            TEXT,
            "[[correction]]\nquote = \"it will NOT\"\nspeaker = \"Tomas Berg\"\n",
        );
        assert!(stale.is_empty(), "{stale:?}");
        let quote = &article.quotes[1];
        let speaker = article.speaker(quote.speaker.unwrap()).unwrap();
        assert_eq!(&*speaker.name, "Tomas Berg");
        assert_eq!(quote.attribution, Attribution::Corrected);
        assert_eq!(quote.attribution.note(Some("Tomas Berg")), "Corrected by the editor.");
    }

    #[test]
    fn an_empty_speaker_means_not_given_and_roles_are_set() {
        let sidecar = "[[correction]]\nquote = \"The port\"\nspeaker = \"\"\n\n[[speaker]]\nname = \"Ruiz\"\nrole = \"a port economist\"\n";
        let (article, stale) = corrected(TEXT, sidecar);
        assert!(stale.is_empty(), "{stale:?}");
        assert_eq!(article.quotes[0].speaker, None);
        let ruiz = article.speakers.iter().find(|s| &*s.name == "Ana Ruiz").unwrap();
        assert_eq!(ruiz.role.as_deref(), Some("a port economist"));
        assert_eq!(ruiz.role_source, Some(RoleSource::Editor));
    }

    #[test]
    fn stale_corrections_are_reported_with_their_line() {
        let sidecar = "[[correction]]\nquote = \"words nobody said\"\nspeaker = \"Ana Ruiz\"\n\n[[correction]]\nquote = \"The port\"\nspeaker = \"Nadia Okafor\"\n\n[[speaker]]\nname = \"Nobody\"\nrole = \"x\"\n";
        let (article, stale) = corrected(TEXT, sidecar);
        let lines: Vec<usize> = stale.iter().map(|s| s.line).collect();
        assert_eq!(lines, [10, 2, 7]);
        assert!(
            stale[1]
                .to_string()
                .starts_with("a.toml:2: no quote begins “words nobody said”")
        );
        // The rest still stands.
        assert_eq!(
            &*article.speaker(article.quotes[0].speaker.unwrap()).unwrap().name,
            "Ana Ruiz"
        );
    }
}
