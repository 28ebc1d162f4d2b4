//! Exports for other tools: the handbook's teams, decisions and ownership as data.
//!
//! [`api`] is the JSON published with every build under `api/` (its schema is
//! docs/api.schema.json, explained in docs/api.md); [`backstage`] turns the team hierarchy
//! into Backstage catalog entities for `orgbook export backstage` (docs/backstage.md);
//! [`revisits`] is the calendar of decision revisits (`revisits.ics`) published with every
//! build; [`team_api`] writes each team as a Team Topologies Team API document for `orgbook
//! export team-api` (docs/import.md, "Team API").
//! Both are pure functions of a linked [`Handbook`](crate::link::Handbook), so their output is deterministic:
//! the same handbook always gives byte-identical files.

pub mod api;
pub mod backstage;
pub mod revisits;
pub mod team_api;
