use whosaid::parse::{parse, Lexicon};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let a = parse(&text, &Lexicon::builtin());
    println!("{}", serde_json::to_string_pretty(&serde_json::json!({"articles":[a]})).unwrap());
}
