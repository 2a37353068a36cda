//! Attribution rules, one case per line: an article snippet, a quote in it, who said it, and its kind.
//!
//! Every snippet is written for this test; none comes from a publication.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use whosaid::model::{Article, QuoteKind, SpeakerId, speaker_slugs};
use whosaid::parse::{Lexicon, parse};

const D: QuoteKind = QuoteKind::Direct;
const F: QuoteKind = QuoteKind::Fragment;

/// A snippet, the quoted words, the speaker ("-" for none), the kind, the sieve's method, and
/// the other speakers the snippet may name.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    QuoteKind,
    &'static str,
    &'static [&'static str],
);

/// (article text, quoted words, speaker's full name or "-" for none, kind, the sieve that
/// decides, other speakers the text names): one row per rule and habit of news prose.
const CASES: &[Case] = &[
    // "Q, X said" and its variants.
    (
        "“The port will close by spring,” Ana Ruiz said.",
        "The port will close by spring,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "\"The port will close by spring,\" Ana Ruiz said.",
        "The port will close by spring,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "“Nobody wants this,” said Ilse Maren, a lecturer at Tromsø University.",
        "Nobody wants this,",
        "Ilse Maren",
        D,
        "named",
        &[],
    ),
    (
        "\"It is a gamble\", said Omar Haddad, an economist at the Gulf Policy Forum.",
        "It is a gamble",
        "Omar Haddad",
        D,
        "named",
        &[],
    ),
    (
        "Tomás Reyes said: “We have run out of options.”",
        "We have run out of options.",
        "Tomás Reyes",
        D,
        "named",
        &[],
    ),
    (
        "Tomás Reyes told reporters on Monday: “We have run out of options.”",
        "We have run out of options.",
        "Tomás Reyes",
        D,
        "named",
        &[],
    ),
    (
        "The deal collapsed, Tomás Reyes said, “because nobody trusted the numbers”.",
        "because nobody trusted the numbers",
        "Tomás Reyes",
        D,
        "named",
        &[],
    ),
    (
        "Prices will keep rising, according to Hana Sato, who called the trend “stubborn”.",
        "stubborn",
        "Hana Sato",
        F,
        "named",
        &[],
    ),
    (
        "Costs had “spiralled beyond reason”, Hana Sato added.",
        "spiralled beyond reason",
        "Hana Sato",
        F,
        "named",
        &[],
    ),
    (
        "Hana Sato stressed that the bank would act “without hesitation” if needed.",
        "without hesitation",
        "Hana Sato",
        F,
        "named",
        &[],
    ),
    (
        "Greta Lind noted that the vote was “a warning shot” for the coalition.",
        "a warning shot",
        "Greta Lind",
        F,
        "named",
        &[],
    ),
    (
        "Greta Lind warned that turnout could be “historically low”.",
        "historically low",
        "Greta Lind",
        F,
        "named",
        &[],
    ),
    (
        "Greta Lind argued the reform was “dead on arrival”.",
        "dead on arrival",
        "Greta Lind",
        F,
        "named",
        &[],
    ),
    (
        "In a blog post, Greta Lind wrote that the party had “lost its nerve”.",
        "lost its nerve",
        "Greta Lind",
        F,
        "named",
        &[],
    ),
    // One quote split around its cue.
    (
        "Greta Lind chairs the committee.\n“The plan,” she said, “is dead.”",
        "The plan,",
        "Greta Lind",
        D,
        "pronoun",
        &[],
    ),
    (
        "Greta Lind chairs the committee.\n“The plan,” she said, “is dead.”",
        "is dead.",
        "Greta Lind",
        D,
        "split_quote",
        &[],
    ),
    // A quote running over several paragraphs.
    (
        "“We built this town,” said Piet Jansen, a retired dock worker.\n“We kept it alive through two recessions.\n“Now they want to sell it.”",
        "We kept it alive through two recessions.",
        "Piet Jansen",
        D,
        "introduced_before",
        &[],
    ),
    (
        "“We built this town,” said Piet Jansen, a retired dock worker.\n“We kept it alive through two recessions.\n“Now they want to sell it.”",
        "Now they want to sell it.",
        "Piet Jansen",
        D,
        "continuation",
        &[],
    ),
    // Pronouns: the nearest earlier speaker the pronoun fits, else the last named.
    (
        "Mr Okafor said the talks were over.\nMs Adeyemi disagreed, saying a deal was close.\n“We are not finished,” he said.",
        "We are not finished,",
        "Okafor",
        D,
        "pronoun",
        &["Adeyemi"],
    ),
    (
        "Mr Okafor said the talks were over.\nMs Adeyemi said a deal was close.\n“We are not finished,” she said.",
        "We are not finished,",
        "Adeyemi",
        D,
        "pronoun",
        &["Okafor"],
    ),
    (
        "Nadia Perez, a union organiser, said the strike would go on.\n“Nobody is going back,” she told the crowd.",
        "Nobody is going back,",
        "Nadia Perez",
        D,
        "pronoun",
        &[],
    ),
    (
        "Ravi Menon, a fund manager, said markets were calm.\n“I would not read much into it,” he added.",
        "I would not read much into it,",
        "Ravi Menon",
        D,
        "pronoun",
        &[],
    ),
    (
        "Dr Maya Singh said the ward was full.\nAnother doctor, Mr Omar Haddad, disagreed. Staffing, he said, was “the real problem”.",
        "the real problem",
        "Omar Haddad",
        F,
        "pronoun",
        &["Maya Singh"],
    ),
    (
        "Greta Lind said turnout fell.\nLi Na, an economist at a Hong Kong bank, was more upbeat.\nInvestors were returning, she said, and saw “more upside than risk”.",
        "more upside than risk",
        "Li Na",
        F,
        "pronoun",
        &["Greta Lind"],
    ),
    (
        "“The exercise was long planned,” said defence minister Ana Ruiz.",
        "The exercise was long planned,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "“Prices will fall,” Sarah O’Brien, chief economist at Delta Bank, said on Monday.",
        "Prices will fall,",
        "Sarah O’Brien",
        D,
        "named",
        &[],
    ),
    (
        "The minister’s spokeswoman, Hana Berg, said the claims were “baseless”.",
        "baseless",
        "Hana Berg",
        F,
        "named",
        &[],
    ),
    (
        "The central bank held rates at 5.25 per cent, saying inflation was \"moving in the right direction\".",
        "moving in the right direction",
        "Central bank",
        F,
        "named",
        &[],
    ),
    (
        "Finance Minister Paul Adeyemi welcomed the decision, calling it “prudent”.",
        "prudent",
        "Paul Adeyemi",
        F,
        "named",
        &[],
    ),
    // A paragraph that is only a quote continues the current speaker.
    (
        "Ravi Menon, a fund manager, said markets were calm.\n“Investors have seen worse.”",
        "Investors have seen worse.",
        "Ravi Menon",
        D,
        "introduced_before",
        &[],
    ),
    // A fragment in reported speech belongs to the reporter, not the sentence's subject.
    (
        "His speech suggested the government was “in no hurry” to act, Ravi Menon said.",
        "in no hurry",
        "Ravi Menon",
        F,
        "named",
        &[],
    ),
    (
        "Minister Paolo Conti met Ravi Menon.\nConti said it was a “productive” meeting.",
        "productive",
        "Paolo Conti",
        F,
        "named",
        &[],
    ),
    (
        "Ravi Menon said Conti had sounded “very relaxed” about the deficit.",
        "very relaxed",
        "Ravi Menon",
        F,
        "named",
        &[],
    ),
    // Organisations can speak.
    (
        "The defence ministry said the drill was “routine”.",
        "routine",
        "Defence ministry",
        F,
        "named",
        &[],
    ),
    (
        "“The launch was a complete success,” KCNA reported.",
        "The launch was a complete success,",
        "KCNA",
        D,
        "named",
        &[],
    ),
    (
        "“We will respond,” the Foreign Ministry said in a statement.",
        "We will respond,",
        "Foreign Ministry",
        D,
        "named",
        &[],
    ),
    (
        "The fares will rise, according to the transport authority, which called them “overdue”.",
        "overdue",
        "Transport authority",
        F,
        "named",
        &[],
    ),
    // Unnamed sources are not guessed.
    (
        "“We were not consulted,” an official said.",
        "We were not consulted,",
        "-",
        D,
        "anonymous",
        &[],
    ),
    (
        "“Nobody saw it coming,” said a senior diplomat in Brussels.",
        "Nobody saw it coming,",
        "-",
        D,
        "anonymous",
        &[],
    ),
    (
        "Officials said the bridge was “unsafe”.",
        "unsafe",
        "-",
        F,
        "group",
        &[],
    ),
    // Two people with one family name are not merged.
    (
        "Anna Berg, a biologist, and her brother Tomas Berg, a fisherman, disagree.\nMs Berg said the stock was “collapsing”.",
        "collapsing",
        "Anna Berg",
        F,
        "named",
        &[],
    ),
    (
        "Anna Berg, a biologist, and her brother Tomas Berg, a fisherman, disagree.\nMr Berg said the quotas were “absurd”.",
        "absurd",
        "Tomas Berg",
        F,
        "named",
        &[],
    ),
    // Scare quotes and titles are nobody's words.
    (
        "The so-called “peace dividend” never arrived.",
        "peace dividend",
        "-",
        F,
        "title",
        &[],
    ),
    (
        "Ravi Menon said the documentary, titled “Tides of Debt”, was unfair.",
        "Tides of Debt",
        "-",
        F,
        "title",
        &["Ravi Menon"],
    ),
    (
        "The “reforms” left pensioners poorer.",
        "reforms",
        "-",
        F,
        "not_given",
        &[],
    ),
    // Honorifics and titles before the name.
    (
        "“Nothing has changed,” said Prof. Leon Hart of Avon University.",
        "Nothing has changed,",
        "Leon Hart",
        D,
        "named",
        &[],
    ),
    (
        "Dr Maya Singh said the ward was “at breaking point”.",
        "at breaking point",
        "Maya Singh",
        F,
        "named",
        &[],
    ),
    (
        "Defence minister Ana Ruiz said the exercise was “long planned”.",
        "long planned",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    // Names in family-name-first order.
    (
        "Lee Jae-won, a professor at a Busan university, spoke first.\n“The north will test again,” Lee said.",
        "The north will test again,",
        "Lee Jae-won",
        D,
        "named",
        &[],
    ),
    (
        "Wang Lihua, an adviser to the provincial government, said output was up.\n“Factories are hiring,” Wang added.",
        "Factories are hiring,",
        "Wang Lihua",
        D,
        "named",
        &[],
    ),
    // Straight, mixed and nested marks; CRLF and a byte-order mark.
    (
        "\u{feff}“It’s ‘temporary’, they say,” said Elena Popescu, a tenant.\r\n",
        "It’s ‘temporary’, they say,",
        "Elena Popescu",
        D,
        "named",
        &[],
    ),
    (
        "“Mixed marks work too,\" said Elena Popescu, a tenant.",
        "Mixed marks work too,",
        "Elena Popescu",
        D,
        "named",
        &[],
    ),
    (
        "\"Why now?\" asked Elena Popescu, a tenant.",
        "Why now?",
        "Elena Popescu",
        D,
        "named",
        &[],
    ),
    // The cue before the quote, and a cue with "also" or "has".
    (
        "Ravi Menon, a fund manager, also said, “Volatility is back.”",
        "Volatility is back.",
        "Ravi Menon",
        D,
        "named",
        &[],
    ),
    (
        "Ravi Menon has warned that rates are “too low for too long”.",
        "too low for too long",
        "Ravi Menon",
        F,
        "named",
        &[],
    ),
    (
        "Sofia Marin, 54, said the clinic was “our lifeline”.",
        "our lifeline",
        "Sofia Marin",
        F,
        "named",
        &[],
    ),
    (
        "Sofia Marin, who runs the clinic, said it was “our lifeline”.",
        "our lifeline",
        "Sofia Marin",
        F,
        "named",
        &[],
    ),
    // The forms the attribution rebuild must read (one row each; see the list).
    (
        "Mayor Ines Duarte opened the session. The mayor vowed to resist “meddling”.",
        "meddling",
        "Ines Duarte",
        F,
        "role_noun",
        &[],
    ),
    (
        "Ana Ruiz arrived late. She found time to say the deal was “fragile”.",
        "fragile",
        "Ana Ruiz",
        F,
        "pronoun",
        &[],
    ),
    (
        "Tomas Berg spoke first. He pledged “no retreat”.",
        "no retreat",
        "Tomas Berg",
        F,
        "pronoun",
        &[],
    ),
    (
        "Foreign minister Ana Ruiz left early. The minister was quoted as saying that “nothing is settled”.",
        "nothing is settled",
        "Ana Ruiz",
        F,
        "role_noun",
        &[],
    ),
    (
        "Ana Ruiz chairs the panel. Ruiz calls the plan “a gift”.",
        "a gift",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "Ana Ruiz chairs the panel. Ruiz used the word “betrayal”.",
        "betrayal",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "Ana Ruiz chairs the panel. Ruiz points out that “the data lag”.",
        "the data lag",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "Ana Ruiz welcomed the vote but warned that “the hard part starts now”.",
        "the hard part starts now",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "Ana Ruiz tweeted: “We won the argument.”",
        "We won the argument.",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "Ana Ruiz wrote on social media that the ruling was “a scandal”.",
        "a scandal",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "The coastguard on Tuesday warned of “heavy swell”.",
        "heavy swell",
        "Coastguard",
        F,
        "named",
        &[],
    ),
    (
        "Ana Ruiz initially said the plan was “sound”.",
        "sound",
        "Ana Ruiz",
        F,
        "named",
        &[],
    ),
    (
        "The Institute for Fiscal Studies (IFS) said the gap was “large”.",
        "large",
        "Institute for Fiscal Studies",
        F,
        "named",
        &[],
    ),
    (
        "The Institute for Fiscal Studies (IFS) said the gap was large. “It will grow,” the IFS said.",
        "It will grow,",
        "Institute for Fiscal Studies",
        D,
        "named",
        &[],
    ),
    (
        "Residents opposed to the mine, backed by two unions, said: “We stay.”",
        "We stay.",
        "-",
        D,
        "group",
        &[],
    ),
    (
        "“Rates will rise,” Ana Ruiz, an economist at Vigo, told Reuters.",
        "Rates will rise,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "Ana Ruiz spoke in Doha. “No,” Ruiz told Al Jazeera.",
        "No,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "Ms Ana Ruiz spoke in Hong Kong.\n“Yes,” she told This Week in Asia.",
        "Yes,",
        "Ana Ruiz",
        D,
        "pronoun",
        &[],
    ),
    (
        "Okafor edged veteran Tomas Berg. He had said his knee was “fine”.",
        "fine",
        "Okafor",
        F,
        "pronoun",
        &[],
    ),
    (
        "But Doyle, the player's agent, called the rules flawed. “It is absurd,” he said.",
        "It is absurd,",
        "Doyle",
        D,
        "pronoun",
        &[],
    ),
    (
        "Striker Leo Vance scored twice. “I did nothing wrong,” the striker said.",
        "I did nothing wrong,",
        "Leo Vance",
        D,
        "role_noun",
        &[],
    ),
    (
        "A union lawyer says it is “shameful.” Maria Costa added that the ruling would be appealed.",
        "shameful.",
        "Maria Costa",
        F,
        "named_later",
        &[],
    ),
    (
        "Prices face a “painful” rise, an official said.\nLater Dr Ana Walter said: “This painful rise will hit the poorest first.”",
        "painful",
        "Ana Walter",
        F,
        "named_later",
        &[],
    ),
    (
        "Ms Walter said budgets were stretched. The gap was a “black hole”, she added.",
        "black hole",
        "Walter",
        F,
        "pronoun",
        &[],
    ),
    (
        "Dr Ana Walter said budgets were stretched. Reserves were “close to empty”.",
        "close to empty",
        "Ana Walter",
        F,
        "same_paragraph",
        &[],
    ),
    (
        "Dr Ana Walter said budgets were stretched. Ines Duarte was “unconvinced”.",
        "unconvinced",
        "-",
        F,
        "not_given",
        &["Ana Walter"],
    ),
    (
        "Nordvik cut its outlook, saying it expects profit “well below” plan.",
        "well below",
        "Nordvik",
        F,
        "named",
        &[],
    ),
    (
        "The council said it had “listened”. It added that work could start “next spring”.",
        "next spring",
        "Council",
        F,
        "pronoun",
        &[],
    ),
    (
        "Ana Ruiz, on the budget:\n“We cannot spend what we do not have.”",
        "We cannot spend what we do not have.",
        "Ana Ruiz",
        D,
        "name_label",
        &[],
    ),
    (
        "Asked about the budget, Ana Ruiz said only:\n“We cannot spend what we do not have.”",
        "We cannot spend what we do not have.",
        "Ana Ruiz",
        D,
        "colon_introduction",
        &[],
    ),
    (
        "Kim Sol-ha said the talks were “candid”, the state news agency reported.",
        "candid",
        "Kim Sol-ha",
        F,
        "named",
        &[],
    ),
    (
        "Campaigners said: “Not here, not ever.”",
        "Not here, not ever.",
        "-",
        D,
        "group",
        &[],
    ),
    (
        "Researchers described it as “a turning point”.",
        "a turning point",
        "-",
        F,
        "group",
        &[],
    ),
    (
        "“The people have spoken,” a commentator on state television said.",
        "The people have spoken,",
        "-",
        D,
        "anonymous",
        &[],
    ),
    (
        "“We stay,” said Oliver North, a former aide.",
        "We stay,",
        "Oliver North",
        D,
        "named",
        &[],
    ),
    (
        "Sofia West, an analyst, said the plan was “bold”.",
        "bold",
        "Sofia West",
        F,
        "named",
        &[],
    ),
    (
        "‘It’s the ’90s all over again,’ said Ana Ruiz.",
        "It’s the ’90s all over again,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "Ana Ruiz spoke first.\n“Fine,” she said.\"We are pleased.\"",
        "We are pleased.",
        "Ana Ruiz",
        D,
        "same_paragraph",
        &[],
    ),
    (
        "“The sign read ‘closed for good’, and I wept,” said Ana Ruiz.",
        "closed for good",
        "-",
        F,
        "not_given",
        &["Ana Ruiz"],
    ),
    (
        "“Tomas Berg told me, ‘We are done,’ and left,” said Ana Ruiz.",
        "We are done,",
        "Tomas Berg",
        F,
        "voiced_in_quote",
        &["Ana Ruiz"],
    ),
    (
        "“They call this ‘progress’,” said Ana Ruiz.",
        "progress",
        "Ana Ruiz",
        F,
        "inner_quote",
        &[],
    ),
    ("“The plan,” she said, “is dead.”", "is dead.", "-", D, "not_given", &[]),
    (
        "Ms Ana Ruiz arrived.\n“The plan,” she said, “is dead.”",
        "is dead.",
        "Ana Ruiz",
        D,
        "split_quote",
        &[],
    ),
    (
        "The Winter Olympics said nothing. “We are ready,” said Ana Ruiz.",
        "We are ready,",
        "Ana Ruiz",
        D,
        "named",
        &[],
    ),
    (
        "“Clean water first,” said Sen. Maria Delgado, D-N.M., who wrote the bill.",
        "Clean water first,",
        "Maria Delgado",
        D,
        "named",
        &[],
    ),
    (
        "Sen. Tom Reeves, R-Ohio, voted no, arguing that it “throws money at the problem”.",
        "throws money at the problem",
        "Tom Reeves",
        F,
        "named",
        &[],
    ),
    (
        "One of them, retired teacher June Ashby, 78, said she had “never seen it”.",
        "never seen it",
        "June Ashby",
        F,
        "named",
        &[],
    ),
    (
        "“Nobody remembers a first half,” said Harlow manager Dean Whitlock.",
        "Nobody remembers a first half,",
        "Dean Whitlock",
        D,
        "named",
        &[],
    ),
    (
        "Mensah, 19, signed in the summer. “I just hit it and hoped,” the teenager said.",
        "I just hit it and hoped,",
        "Mensah",
        D,
        "role_noun",
        &[],
    ),
    (
        "Lukas Brandner runs the railway. Asked about support, he paused. “Some routes, yes.”",
        "Some routes, yes.",
        "Lukas Brandner",
        D,
        "subject_before",
        &[],
    ),
    (
        "Priya Nair travels weekly. Her colleague, Jonas Feld, agrees: “It is the only way.”",
        "It is the only way.",
        "Jonas Feld",
        D,
        "named",
        &[],
    ),
    (
        "The railway's owner, the Federal Transport Ministry, said it would “review the subsidies”.",
        "review the subsidies",
        "Federal Transport Ministry",
        F,
        "named",
        &[],
    ),
    (
        "“We are done,” Tom Hale said. Hale's spokeswoman said the plan was “on hold”.",
        "on hold",
        "-",
        F,
        "not_given",
        &["Tom Hale"],
    ),
    (
        "“We are done,” Tom Hale said. The report said the plan was “on hold”.",
        "on hold",
        "-",
        F,
        "not_given",
        &["Tom Hale"],
    ),
    (
        "Tom Hale said in a statement that talks had ended. The statement said the plan was “on hold”.",
        "on hold",
        "Tom Hale",
        F,
        "document",
        &[],
    ),
    (
        "The Winter Olympics warned of “long queues”.",
        "long queues",
        "-",
        F,
        "not_given",
        &[],
    ),
    (
        "She starred in the documentary Cold Harbour. Cold Harbour said “nothing is forgiven”.",
        "nothing is forgiven",
        "-",
        F,
        "not_given",
        &[],
    ),
];

fn speaker_name(article: &Article, id: Option<SpeakerId>) -> String {
    id.and_then(|s| article.speaker(s))
        .map_or_else(|| "-".to_owned(), |s| s.name.to_string())
}

#[test]
fn attribution_rules() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for (text, quoted, expected_speaker, expected_kind, expected_method, others) in CASES {
        let article = parse(text, &lexicon);
        let Some(quote) = article.quotes.iter().find(|q| article.quote_words(q) == *quoted) else {
            let found: Vec<_> = article.quotes.iter().map(|q| article.quote_words(q)).collect();
            failures.push(format!("{quoted:?} not found in {text:?}; found {found:?}"));
            continue;
        };
        let speaker = speaker_name(&article, quote.speaker);
        let matches_speaker = if *expected_speaker == "-" {
            speaker == "-"
        } else {
            speaker == *expected_speaker || speaker.split_whitespace().any(|w| w == *expected_speaker)
        };
        let method = quote.attribution.method();
        if !matches_speaker || quote.kind != *expected_kind || method != *expected_method {
            failures.push(format!(
                "{quoted:?}: got {speaker} {:?} {method} ({:?}), want {expected_speaker} {expected_kind:?} {expected_method}\n    in {text:?}",
                quote.kind, quote.attribution
            ));
        }
        // No speaker is invented: everyone the parser names is the expected speaker or one
        // the row lists.
        for invented in article
            .speakers
            .iter()
            .map(|s| &*s.name)
            .filter(|name| *name != *expected_speaker && !name.split_whitespace().any(|w| w == *expected_speaker))
            .filter(|name| !others.contains(name))
        {
            failures.push(format!("{quoted:?}: invented speaker {invented:?}\n    in {text:?}"));
        }
    }
    assert!(CASES.len() >= 90);
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Roles, names and slugs of speakers as the text introduces them.
#[test]
fn speaker_names_and_roles() {
    let lexicon = Lexicon::builtin();
    let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
        (
            "“No,” said Ilse Maren, a lecturer at Tromsø University.",
            "ilse-maren",
            "Ilse Maren",
            "Maren",
            Some("a lecturer at Tromsø University"),
        ),
        (
            "Lee Jae-won, a professor in Busan, spoke.\n“No,” Lee said.",
            "lee-jae-won",
            "Lee Jae-won",
            "Lee",
            Some("a professor in Busan"),
        ),
        ("Talks stalled, said Oduya.", "oduya", "Oduya", "Oduya", None),
        (
            "Under pressure, defence minister Ana Ruiz said the drill was “routine”.",
            "ana-ruiz",
            "Ana Ruiz",
            "Ruiz",
            Some("defence minister"),
        ),
        (
            "Tomás Reyes, deputy mayor of the city, said so.",
            "tomas-reyes",
            "Tomás Reyes",
            "Reyes",
            Some("deputy mayor of the city"),
        ),
        (
            "Carla Mendes, 45, a teacher in Lisbon, said so.",
            "carla-mendes",
            "Carla Mendes",
            "Mendes",
            Some("a teacher in Lisbon"),
        ),
    ];
    for (text, slug, name, short, role) in cases {
        let article = parse(text, &lexicon);
        let slugs = speaker_slugs(&article.speakers);
        let speaker = slugs
            .iter()
            .position(|s| s == slug)
            .map(|i| &article.speakers[i])
            .unwrap_or_else(|| panic!("no speaker {slug} in {text:?}: {:?}", article.speakers));
        assert_eq!(
            (&*speaker.name, &*speaker.short_name, speaker.role.as_deref()),
            (*name, *short, *role),
            "{text}"
        );
    }
}
