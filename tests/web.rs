//! Every route and error path, driven through the router with `oneshot` and checked with an HTML parser.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use common::texts;
use scraper::{Html, Selector};
use tower::ServiceExt;
use whosaid::corpus::Corpus;
use whosaid::web::{AppState, app};

const BASE: &str = "http://127.0.0.1:3000";

fn router() -> Router {
    app(AppState::new(Corpus::shipped().unwrap(), BASE))
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Answer {
    fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: header::HeaderName) -> &str {
        self.headers.get(&name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

async fn request(method: Method, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut builder = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let response = router().oneshot(builder.body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(uri: &str) -> Answer {
    request(Method::GET, uri, &[]).await
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr(html: &Html, css: &str, name: &str) -> Option<String> {
    select(html, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_owned)
}

/// What every HTML page must have: security headers, a title, a canonical
/// link, landmarks, one h1 and a skip link.
fn assert_page(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.header(header::CONTENT_TYPE).starts_with("text/html"));
    let csp = answer.header(header::CONTENT_SECURITY_POLICY);
    assert!(
        csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && csp.contains("frame-ancestors 'none'")
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(answer.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(answer.header(header::REFERRER_POLICY), "no-referrer");
    let html = answer.html();
    assert!(!texts(&html, "title")[0].is_empty());
    assert!(attr(&html, "link[rel=canonical]", "href").unwrap().starts_with(BASE));
    assert!(attr(&html, "meta[name=description]", "content").is_some());
    assert!(attr(&html, "meta[property='og:title']", "content").is_some());
    assert_eq!(
        attr(&html, "meta[name=color-scheme]", "content").as_deref(),
        Some("light dark")
    );
    assert_eq!(select(&html, "main#main").len(), 1);
    assert_eq!(select(&html, "header.site").len(), 1);
    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(attr(&html, "a.skip", "href").as_deref(), Some("#main"));
    assert!(select(&html, "script:not([src])").is_empty(), "no inline scripts");
    assert!(select(&html, "[style]").is_empty(), "no inline styles");
}

#[tokio::test]
async fn home_lists_commentators_in_order_and_others_apart() {
    let answer = get("/").await;
    assert_page(&answer);
    let html = answer.html();
    assert_eq!(
        texts(&html, "#commentators ~ .cards .name"),
        ["Cho", "Chang Ho-jin", "Park Won-gon", "Sydney Seiler", "Jenny Town"]
    );
    assert_eq!(texts(&html, ".others .name"), ["Kim Jong-un"]);
    let roles = texts(&html, "#commentators ~ .cards .role");
    assert_eq!(roles[0], "Role not given in the article");
    assert_eq!(roles[4], "a senior fellow at the Stimson Centre think tank");
    assert_eq!(texts(&html, ".others .role"), ["North Korean leader"]);
    assert!(texts(&html, "#commentators ~ .cards .counts")[4].contains("14 quotes"));
    // Every commentator here said a sentence or more, so each card has their one line.
    assert_eq!(select(&html, "#commentators ~ .cards .summary").len(), 5);
    assert_eq!(
        attr(&html, "link[rel=alternate]", "type").as_deref(),
        Some("application/json")
    );
    assert!(texts(&html, "h1")[0].starts_with("Putin in Pyongyang"));
    assert_eq!(texts(&html, "time"), ["24 July 2024"]);
}

#[tokio::test]
async fn speaker_page_has_every_statement_with_anchors() {
    let answer = get("/speakers/jenny-town").await;
    assert_page(&answer);
    let html = answer.html();
    assert_eq!(texts(&html, "h1"), ["Jenny Town"]);
    assert!(texts(&html, ".speaker-head .role")[0].starts_with("a senior fellow at the Stimson Centre think tank"));
    assert_eq!(select(&html, "li.statement").len(), 14);
    // Each quote once: marked in its paragraph, with its anchor; no second copy as a block.
    let anchors: Vec<String> = select(&html, "mark.q[id^='q-']")
        .iter()
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect();
    assert_eq!(anchors.len(), 14);
    for anchor in &anchors {
        assert_eq!(
            select(&html, &format!("a[href='#{anchor}']")).len(),
            1,
            "permalink to {anchor}"
        );
    }
    assert!(select(&html, "blockquote").is_empty());
    assert_eq!(select(&html, "button.copy[hidden]").len(), 14);
    assert!(
        texts(&html, ".statement .meta")
            .iter()
            .any(|t| t.contains("“she” is Jenny Town, who spoke in the sentence before."))
    );
    assert!(
        !texts(&html, ".statement .meta")
            .iter()
            .any(|t| t.contains("pronoun") || t.contains("named_later"))
    );
    assert!(!select(&html, ".speaker-head .summary").is_empty());
    assert!(
        select(
            &html,
            ".statement .meta a[href^='/articles/putin-north-korea-visit#p-']"
        )
        .len()
            >= 14
    );
    assert!(!select(&html, "a.tag[href='/speakers/jenny-town?theme=china']").is_empty());
    assert_eq!(
        attr(&html, "link[rel=alternate]", "href").as_deref(),
        Some("/api/speakers/jenny-town")
    );
    let cite = attr(&html, "[data-cite]", "data-cite").unwrap();
    assert!(cite.contains("News analysis, 24 July 2024"), "{cite}");
    // Under 30 KB before compression, with every asset the page loads.
    let mut total = answer.body.len();
    for element in select(&html, "link[rel=stylesheet], script[src], link[rel=icon]") {
        let url = element.value().attr("href").or(element.value().attr("src")).unwrap();
        total += get(url).await.body.len();
    }
    assert!(total < 30 * 1024, "speaker page with assets: {total} bytes");
}

#[tokio::test]
async fn speaker_with_no_role_says_so() {
    let html = get("/speakers/cho").await.html();
    assert_eq!(
        texts(&html, ".speaker-head .role"),
        ["The article does not give a role."]
    );
    assert_eq!(select(&html, "li.statement").len(), 3);
    assert!(
        texts(&html, ".statement .meta")
            .iter()
            .any(|c| c.contains("told South Korean television network Channel-A"))
    );
}

#[tokio::test]
async fn short_names_and_other_spellings_redirect_permanently() {
    for (from, to) in [
        ("/speakers/town", "/speakers/jenny-town"),
        ("/speakers/Jenny-Town", "/speakers/jenny-town"),
        ("/speakers/jenny_town", "/speakers/jenny-town"),
        ("/speakers/seiler", "/speakers/sydney-seiler"),
        ("/speakers/kim", "/speakers/kim-jong-un"),
        ("/api/speakers/town", "/api/speakers/jenny-town"),
    ] {
        let answer = get(from).await;
        assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT, "{from}");
        assert_eq!(answer.header(header::LOCATION), to, "{from}");
    }
}

#[tokio::test]
async fn unknown_speaker_is_a_404_page_listing_speakers() {
    let answer = get("/speakers/smith").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let html = answer.html();
    assert!(texts(&html, "h1")[0].contains("Not found"));
    assert!(texts(&html, "main p")[1].contains("There is no speaker “smith”"));
    let links: Vec<String> = select(&html, ".suggestions a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links.len(), 6);
    assert!(links.contains(&"/speakers/jenny-town".to_owned()));
}

#[tokio::test]
async fn quotes_filtered_by_two_speakers() {
    let answer = get("/quotes?speaker=jenny-town&speaker=sydney-seiler").await;
    assert_page(&answer);
    let html = answer.html();
    let speakers = texts(&html, ".quote-item p.who a");
    assert_eq!(speakers.len(), 32);
    assert!(speakers.iter().all(|s| s == "Jenny Town" || s == "Sydney Seiler"));
    let checked: Vec<String> = select(&html, "input[name=speaker][checked]")
        .iter()
        .map(|e| e.value().attr("value").unwrap().to_owned())
        .collect();
    assert_eq!(checked, ["sydney-seiler", "jenny-town"]);
    let chips: Vec<String> = select(&html, ".chips a.chip")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(
        chips,
        ["/quotes?speaker=sydney-seiler", "/quotes?speaker=jenny-town", "/quotes"]
    );
    assert_eq!(
        texts(&html, "#result-count"),
        ["32 statements from Jenny Town or Sydney Seiler"]
    );
    assert_eq!(
        attr(&html, "a[download]", "href").as_deref(),
        Some("/quotes.csv?speaker=jenny-town&speaker=sydney-seiler")
    );
    assert_eq!(
        select(&html, "label input[type=checkbox]").len(),
        6,
        "every checkbox is labelled"
    );
}

#[tokio::test]
async fn quotes_by_kind_theme_and_search() {
    let html = get("/quotes?kind=fragment").await.html();
    assert_eq!(select(&html, ".quote-item").len(), 13);
    assert!(texts(&html, ".quote-item .kind").iter().all(|k| k == "fragment"));
    let html = get("/quotes?theme=china&speaker=jenny-town").await.html();
    assert!(!select(&html, ".quote-item").is_empty());
    assert_eq!(
        attr(&html, "#theme option[selected]", "value").as_deref(),
        Some("china")
    );
    let html = get("/quotes?q=CHINA+interest&kind=fragment").await.html();
    assert_eq!(select(&html, ".quote-item").len(), 1);
    assert_eq!(texts(&html, "mark.hit"), ["China", "interest"]);
    assert_eq!(attr(&html, "#q", "value").as_deref(), Some("CHINA interest"));
}

#[tokio::test]
async fn empty_result_says_so_and_offers_to_clear() {
    let answer = get("/quotes?q=zebra").await;
    assert_page(&answer);
    let html = answer.html();
    assert!(select(&html, ".quote-item").is_empty());
    assert!(texts(&html, ".empty")[0].contains("Nothing said matches"));
    assert_eq!(attr(&html, ".empty a", "href").as_deref(), Some("/quotes"));
}

#[tokio::test]
async fn bad_filters_are_400_pages_naming_the_parameter() {
    for (uri, parameter) in [
        ("/quotes?kind=quote", "kind"),
        ("/quotes?speaker=nobody", "speaker"),
        ("/quotes?theme=weather", "theme"),
        ("/quotes?page=0", "page"),
        ("/quotes?page=2", "page"),
        ("/quotes?page=abc", "page"),
        ("/quotes?q=%FF", "q"),
        ("/quotes?article=elsewhere", "article"),
        ("/article?furniture=maybe", "furniture"),
        ("/speakers/jenny-town?theme=weather", "theme"),
        ("/speakers/jenny-town?page=9", "page"),
        ("/themes?speaker=nobody", "speaker"),
        ("/articles?page=x", "page"),
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        let html = answer.html();
        let message = texts(&html, "main p").join(" ");
        assert!(
            message.contains(&format!("The “{parameter}” parameter takes")),
            "{uri}: {message}"
        );
    }
    // Messages read as sentences.
    let html = get("/quotes?speaker=nobody").await.html();
    assert!(
        texts(&html, "main p")
            .join(" ")
            .contains("There is no speaker “nobody”.")
    );
}

#[tokio::test]
async fn query_text_is_escaped_everywhere() {
    let answer = get("/quotes?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(!answer.body.contains("<script>alert"));
    assert!(answer.body.contains("&#60;script&#62;alert(1)"));
    assert!(
        texts(&answer.html(), ".chip")
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>"))
    );
    let answer = get("/speakers/%3Cscript%3E").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(!answer.body.contains("<script>"));
}

#[tokio::test]
async fn csv_downloads_the_filtered_listing() {
    let answer = get("/quotes.csv?speaker=sydney-seiler").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.header(header::CONTENT_TYPE).starts_with("text/csv"));
    assert!(answer.header(header::CONTENT_DISPOSITION).contains(".csv"));
    // A byte-order mark first, so spreadsheets read UTF-8 ("’", "“") right.
    let body = answer.body.strip_prefix('\u{feff}').expect("starts with a BOM");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "speaker",
            "role",
            "kind",
            "text",
            "cue",
            "attribution",
            "themes",
            "article",
            "date",
            "paragraph",
            "link"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9, "5 quotes and 4 reported statements");
    assert!(rows.iter().all(|r| &r[0] == "Sydney Seiler"));
    assert!(rows.iter().all(|r| r[1].starts_with("the Korea chair")));
    assert!(rows.iter().all(|r| &r[8] == "2024-07-24"), "ISO dates");
    assert!(rows.iter().any(|r| &r[2] == "reported"));
    // The link is a path, the same whatever host served the file.
    assert!(rows[0][10].starts_with("/speakers/sydney-seiler#"), "{}", &rows[0][10]);
    // Text without the writer's comma: “My personal hope … activities,” Seiler told …
    let hope = rows.iter().find(|r| r[3].starts_with("My personal hope")).unwrap();
    assert!(hope[3].ends_with("activities"), "{}", &hope[3]);
    assert_eq!(&hope[4], "told This Week in Asia");
    let according = rows.iter().find(|r| &r[4] == "according to Seiler").unwrap();
    assert_eq!(&according[2], "reported");
    // The paragraph number is the article page's anchor.
    assert_eq!(&hope[5], "The sentence names Sydney Seiler.");
    let paragraph: usize = hope[9].parse().unwrap();
    let article = get("/articles/putin-north-korea-visit").await.html();
    let anchored = texts(&article, &format!("#p-{paragraph}")).join(" ");
    assert!(anchored.contains("My personal hope"), "{anchored}");
    assert!(anchored.contains(&format!("¶{paragraph}")));
}

#[tokio::test]
async fn csv_errors_are_text() {
    let answer = get("/quotes.csv?kind=x").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(answer.header(header::CONTENT_TYPE).starts_with("text/plain"));
    assert!(answer.body.contains("“x” is not a kind."), "{}", answer.body);
    assert!(!answer.body.contains("<html"));
}

#[tokio::test]
async fn reported_statements_are_found_like_quotes() {
    let found = get("/api/quotes?q=trilateral").await.json();
    assert_eq!(found["total"], 1);
    let item = &found["quotes"][0];
    assert_eq!(item["kind"], "reported");
    assert_eq!(item["speaker"], "chang-ho-jin");
    assert!(
        item["text"]
            .as_str()
            .unwrap()
            .starts_with("Putin’s visit did not necessarily indicate")
    );
    let html = get("/quotes?q=red+line").await.html();
    assert_eq!(texts(&html, ".quote-item p.who a"), ["Chang Ho-jin"]);
    assert_eq!(texts(&html, ".quote-item .kind"), ["reported"]);
    // Quoted words inside a report are marked as quoted.
    let html = get("/quotes?speaker=cho&kind=reported").await.html();
    assert!(
        texts(&html, "mark.quoted")
            .iter()
            .any(|t| t.starts_with("“take necessary countermeasures"))
    );
}

#[tokio::test]
async fn tracking_parameters_are_ignored_everywhere() {
    for uri in [
        "/?utm_source=news",
        "/quotes?speaker=jenny-town&utm_source=news&fbclid=abc",
        "/quotes.csv?gclid=1",
        "/api/quotes?utm_medium=email",
        "/themes?utm_campaign=x",
        "/speakers/jenny-town?fbclid=x",
        "/articles/putin-north-korea-visit?utm_source=x",
        "/articles?gclid=1",
    ] {
        assert_eq!(get(uri).await.status, StatusCode::OK, "{uri}");
    }
    let plain = get("/api/quotes?speaker=jenny-town").await.json();
    let tracked = get("/api/quotes?speaker=jenny-town&utm_source=news&fbclid=abc")
        .await
        .json();
    assert_eq!(plain, tracked);
    // A percent-encoded value decodes before it is checked.
    assert_eq!(get("/quotes?speaker=jenny%2Dtown").await.status, StatusCode::OK);
}

#[tokio::test]
async fn un_does_not_match_inside_jong_un() {
    let cho = get("/api/quotes?speaker=cho").await.json();
    for item in cho["quotes"].as_array().unwrap() {
        let themes: Vec<&str> = item["themes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert!(!themes.contains(&"sanctions"), "{item}");
    }
    // The writer's framing ("amid speculation … military cooperation") is not Cho's.
    let military = get("/api/quotes?speaker=cho&theme=military").await.json();
    assert_eq!(military["total"], 0);
}

#[tokio::test]
async fn paragraph_numbers_agree() {
    let town = get("/api/quotes?speaker=jenny-town&kind=direct").await.json();
    let first = &town["quotes"][0];
    let paragraph = first["paragraph"].as_u64().unwrap();
    let article = get("/articles/putin-north-korea-visit").await.html();
    let words = first["text"].as_str().unwrap();
    let opening: String = words.chars().take(30).collect();
    assert!(texts(&article, &format!("#p-{paragraph}")).join(" ").contains(&opening));
    let whole = get("/api/articles/putin-north-korea-visit").await.json();
    assert_eq!(whole["paragraphs"][0]["index"], 1);
    let same = whole["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(&opening))
        .unwrap();
    assert_eq!(same["paragraph"].as_u64(), Some(paragraph));
}

#[tokio::test]
async fn speaker_page_narrows_by_theme_and_summarises() {
    let all = get("/speakers/jenny-town").await.html();
    let china = get("/speakers/jenny-town?theme=china").await.html();
    let on_china = select(&china, "li.statement").len();
    assert!(on_china > 0 && on_china < select(&all, "li.statement").len());
    assert_eq!(
        texts(&china, ".theme-filter a[aria-current=page]")[0]
            .split_whitespace()
            .next(),
        Some("China’s")
    );
    let summary = get("/api/speakers/jenny-town").await.json()["summary"].clone();
    let text = summary["text"].as_str().unwrap();
    assert!(text.split_whitespace().count() >= 8);
    let article = get("/api/articles/putin-north-korea-visit").await.json();
    let paragraph = summary["paragraph"].as_u64().unwrap() as usize;
    assert!(
        article["paragraphs"][paragraph - 1]["text"]
            .as_str()
            .unwrap()
            .contains(text),
        "verbatim"
    );
    // Kim Jong-un said only a fragment and one clause: no one line is made up for him.
    let kim = get("/api/speakers/kim-jong-un").await.json();
    assert!(kim["summary"].is_null() || kim["summary"]["text"].as_str().unwrap().split_whitespace().count() >= 8);
}

#[tokio::test]
async fn themes_side_by_side() {
    let answer = get("/themes").await;
    assert_page(&answer);
    let html = answer.html();
    assert_eq!(
        texts(&html, "thead th")[1..],
        ["Cho", "Chang Ho-jin", "Park Won-gon", "Sydney Seiler", "Jenny Town"]
    );
    assert_eq!(attr(&html, ".table-scroll", "tabindex").as_deref(), Some("0"));
    // Cells hold the speaker's words as text, not as underlined links.
    assert!(select(&html, "td .said a").is_empty());
    assert!(!select(&html, "td .said").is_empty());
    // A fragment is never shown without its sentence: no cell is a bare two-word phrase.
    for said in texts(&html, "td .said") {
        assert!(said.split_whitespace().count() >= 4, "{said}");
    }
    // Compare two commentators.
    let two = get("/themes?speaker=jenny-town&speaker=sydney-seiler").await.html();
    assert_eq!(texts(&two, "thead th")[1..], ["Jenny Town", "Sydney Seiler"]);
    let one = get("/themes?article=putin-north-korea-visit").await;
    assert_page(&one);
    let answer = get("/themes/sanctions").await;
    assert_page(&answer);
    assert!(texts(&answer.html(), "h2").contains(&"Jenny Town".to_owned()));
    let answer = get("/themes/China").await;
    assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(answer.header(header::LOCATION), "/themes/china");
    let answer = get("/themes/weather").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(select(&answer.html(), ".suggestions a").len(), 7);
}

#[tokio::test]
async fn article_marks_every_quote_with_its_speaker() {
    let answer = get("/article").await;
    assert_page(&answer);
    let html = answer.html();
    assert_eq!(select(&html, "mark.q").len(), 24);
    assert_eq!(
        select(&html, "mark.q + .who").len(),
        24,
        "every quote has a visible label"
    );
    assert_eq!(select(&html, "mark.q[id^='q-']").len(), 24);
    assert_eq!(texts(&html, ".furniture .role-label").len(), 10);
    assert!(texts(&html, ".who").contains(&"Kim".to_owned()));
    let hidden = get("/article?furniture=hide").await.html();
    assert!(select(&hidden, ".furniture").is_empty());
    assert_eq!(select(&hidden, "p.para").len(), 28);
    let by_slug = get("/articles/putin-north-korea-visit").await;
    assert_page(&by_slug);
    assert_eq!(get("/articles/nope").await.status, StatusCode::NOT_FOUND);
    let list = get("/articles").await;
    assert_page(&list);
}

#[tokio::test]
async fn json_api() {
    let speakers = get("/api/speakers").await.json();
    assert_eq!(speakers["speakers"].as_array().unwrap().len(), 6);
    let town = get("/api/speakers/jenny-town").await.json();
    assert_eq!(town["speaker"]["name"], "Jenny Town");
    assert_eq!(town["said"].as_array().unwrap().len(), 23, "14 quotes and 9 reports");
    let quotes = get("/api/quotes?speaker=jenny-town&kind=direct").await.json();
    assert_eq!(quotes["total"], 7);
    for q in quotes["quotes"].as_array().unwrap() {
        assert_eq!(q["speaker"], "jenny-town");
        assert_eq!(q["kind"], "direct");
        assert!(q["text"].as_str().is_some_and(|t| !t.is_empty()));
    }
    let all = get("/api/quotes").await.json();
    assert_eq!(all["total"], 43, "24 quotes and 19 reports");
    let articles = get("/api/articles").await.json();
    assert_eq!(articles["articles"][0]["slug"], "putin-north-korea-visit");
    let article = get("/api/articles/putin-north-korea-visit").await.json();
    assert_eq!(article["quotes"].as_array().unwrap().len(), 24);
    assert_eq!(get("/api/themes").await.json()["themes"].as_array().unwrap().len(), 7);
    assert!(get("/api/themes/china").await.json()["said"].as_array().unwrap().len() >= 4);
}

#[tokio::test]
async fn json_api_errors_are_json() {
    for (uri, status) in [
        ("/api/quotes?kind=bad", StatusCode::BAD_REQUEST),
        ("/api/speakers/nobody", StatusCode::NOT_FOUND),
        ("/api/articles/nope", StatusCode::NOT_FOUND),
        ("/api/themes/nope", StatusCode::NOT_FOUND),
        ("/api/nope", StatusCode::NOT_FOUND),
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, status, "{uri}");
        assert!(
            answer.header(header::CONTENT_TYPE).starts_with("application/json"),
            "{uri}"
        );
        assert_eq!(answer.json()["error"]["status"], status.as_u16(), "{uri}");
    }
    assert_eq!(get("/api/quotes?kind=bad").await.json()["error"]["parameter"], "kind");
}

#[tokio::test]
async fn only_get_and_head() {
    for method in [
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::OPTIONS,
        Method::from_bytes(b"BREW").unwrap(),
    ] {
        for uri in [
            "/",
            "/quotes",
            "/speakers/jenny-town",
            "/themes",
            "/article",
            "/quotes.csv",
        ] {
            let answer = request(method.clone(), uri, &[]).await;
            assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
            assert_eq!(answer.header(header::ALLOW), "GET, HEAD", "{method} {uri}");
        }
        let api = request(method.clone(), "/api/speakers", &[]).await;
        assert_eq!(api.status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(api.header(header::CONTENT_TYPE).starts_with("application/json"));
        let asset = request(method.clone(), "/static/style.css", &[]).await;
        assert_eq!(asset.status, StatusCode::METHOD_NOT_ALLOWED, "{method} static");
    }
    let head = request(Method::HEAD, "/speakers/jenny-town", &[]).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn static_assets_are_fingerprinted_cached_and_compressed() {
    let html = get("/").await.html();
    let css = attr(&html, "link[rel=stylesheet]", "href").unwrap();
    assert!(css.starts_with("/static/style.css?v="));
    let answer = request(Method::GET, &css, &[("accept-encoding", "gzip")]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.header(header::CACHE_CONTROL),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(answer.header(header::CONTENT_ENCODING), "gzip");
    let page = request(Method::GET, "/speakers/jenny-town", &[("accept-encoding", "gzip")]).await;
    assert_eq!(page.header(header::CONTENT_ENCODING), "gzip");
    assert_eq!(page.header(header::CACHE_CONTROL), "no-cache");
    for uri in [
        "/static/nope.css",
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/..%2fCargo.toml",
    ] {
        let answer = get(uri).await;
        assert!(
            answer.status == StatusCode::NOT_FOUND || answer.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            answer.status
        );
        assert!(!answer.body.contains("[package]"), "{uri}");
    }
}

#[tokio::test]
async fn over_long_uri_is_414() {
    let uri = format!("/quotes?q={}", "a".repeat(5000));
    assert_eq!(get(&uri).await.status, StatusCode::URI_TOO_LONG);
}

#[tokio::test]
async fn unknown_page_is_a_404_page() {
    let answer = get("/no/such/page").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(
        texts(&answer.html(), "main p")
            .join(" ")
            .contains("There is no page at /no/such/page")
    );
    assert_eq!(get("/speakers").await.status, StatusCode::PERMANENT_REDIRECT);
}

/// The texts of the items `/api/quotes` finds for a query string.
async fn found(query: &str) -> Vec<String> {
    let answer = get(&format!("/api/quotes?{query}")).await.json();
    answer["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn search_matches_stems_and_both_spellings() {
    // The article writes "destabilising" and "formalise"; a reader may type either spelling.
    for (query, words) in [
        ("q=destabilizing", "destabilising"),
        ("q=destabilising", "destabilising"),
        ("q=formalize", "formalise"),
        ("q=concerns", "concerned"),
        ("q=DEFENSE", "defence"),
    ] {
        let texts = found(query).await;
        assert!(!texts.is_empty(), "{query}");
        assert!(
            texts.iter().all(|t| t.to_lowercase().contains(words)),
            "{query}: {texts:?}"
        );
    }
    // A trailing * keeps the prefix match.
    assert!(!found("q=destab*").await.is_empty());
    assert!(found("q=destab").await.is_empty(), "a bare prefix is not a word");
    // Matches are marked in the text, whatever the spelling typed.
    let html = get("/quotes?q=destabilizing").await.html();
    assert!(texts(&html, "mark.hit").iter().all(|t| t == "destabilising"));
}

#[tokio::test]
async fn search_phrases_or_and_relevance() {
    let phrase = found("q=%22red+line%22").await;
    assert_eq!(phrase.len(), 1);
    assert!(phrase[0].contains("red line"));
    assert!(found("q=%22line+red%22").await.is_empty(), "a phrase is in order");
    let china = found("q=Beijing").await.len();
    let either = found("q=Beijing+OR+trilateral").await.len();
    assert!(either > china, "OR is a union: {either} > {china}");
    assert_eq!(
        found("q=Beijing+trilateral").await.len(),
        0,
        "without OR every word must match"
    );
    // Relevance: the item that says "military" twice and "partner" comes before one
    // that mentions it once; the default stays article order.
    let ordered = found("q=military+partner").await;
    let ranked = found("q=military+OR+partner&sort=relevance").await;
    assert!(ranked.len() >= ordered.len());
    assert!(ranked[0].contains("military partner"), "{ranked:?}");
    let html = get("/quotes?q=military&sort=relevance").await.html();
    assert_eq!(
        attr(&html, "#sort option[selected]", "value").as_deref(),
        Some("relevance")
    );
    assert!(attr(&html, "a[download]", "href").unwrap().contains("sort=relevance"));
    // A search word may name the speaker.
    let town = get("/api/quotes?q=town+china").await.json();
    assert!(
        town["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["speaker"] == "jenny-town")
    );
    assert!(town["total"].as_u64().unwrap() >= 3);
    assert_eq!(get("/quotes?sort=loudest").await.status, StatusCode::BAD_REQUEST);
}
