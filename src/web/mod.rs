//! The web layer: routes, handlers (one file per page family), errors, and the HTTP server.

pub mod assets;
pub mod cache;
pub mod error;
pub mod filters;
pub mod handlers;
pub mod json;
pub mod listing;
pub mod page;
pub mod query;
pub mod reload;
pub mod request_log;
pub mod resolve;
pub mod routes;
pub mod server;
pub mod state;
pub mod urls;
pub mod view;

pub use error::AppError;
pub use routes::{app, site};
pub use server::{ServerConfig, serve, shutdown_signal};
pub use state::AppState;
