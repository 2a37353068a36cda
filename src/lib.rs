//! whosaid: find who is quoted in a news article, what they said and what they think, and browse it in a web app.
//!
//! The crate is layered: [`parse`] (pure: text in, [`model`] out) → [`corpus`]
//! (articles and themes loaded from disk, indexed) → [`web`] (routes,
//! handlers, templates). [`cli`] wires them to the command line.

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod ingest;
pub mod memory;
pub mod model;
pub mod parse;
pub mod synthetic;
pub mod web;
