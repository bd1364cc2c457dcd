//! What a session's debrief adds to its record: the participant's next
//! step, one concrete sub-goal ("which challenge do you take on this
//! week?") shown in the next report and later reported done or not; and
//! what they said they learned, in their words.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Note, Result, Store, StoreError};

/// Longer than this is no longer one concrete step.
pub const GOAL_MAX_CHARS: usize = 300;

/// A few sentences in the participant's words, not a case note.
pub const LEARNED_MAX_CHARS: usize = 1_000;

/// Trimmed, not empty, at most `max` characters.
fn words(text: &str, note: Note, max: usize) -> Result<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(StoreError::NoteEmpty(note));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(StoreError::NoteTooLong { note, chars, max });
    }
    Ok(text)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalRow {
    /// The session whose debrief set it.
    pub session: String,
    pub text: String,
    pub set_unix_ms: i64,
    /// None until it is reported: done, or not (yet) done.
    pub done: Option<bool>,
}

impl Store {
    /// Sets (or replaces) the sub-goal agreed at `session`'s debrief.
    pub fn set_goal(&self, session: &str, text: &str, now_unix_ms: i64) -> Result<GoalRow> {
        let text = words(text, Note::Goal, GOAL_MAX_CHARS)?;
        self.session(session)?;
        self.conn
            .execute(
                "INSERT INTO goals (session, text, set_unix_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT(session) DO UPDATE SET text = ?2, set_unix_ms = ?3, done = NULL, reported_unix_ms = NULL",
                params![session, text, now_unix_ms],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(GoalRow { session: session.into(), text: text.into(), set_unix_ms: now_unix_ms, done: None })
    }

    /// Records whether the goal set at `session` was done.
    pub fn report_goal(&self, session: &str, done: bool, now_unix_ms: i64) -> Result<GoalRow> {
        let goal = self.goal(session)?.ok_or_else(|| StoreError::NoGoal(session.into()))?;
        self.conn
            .execute(
                "UPDATE goals SET done = ?2, reported_unix_ms = ?3 WHERE session = ?1",
                params![session, done, now_unix_ms],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(GoalRow { done: Some(done), ..goal })
    }

    pub fn goal(&self, session: &str) -> Result<Option<GoalRow>> {
        self.conn
            .query_row(
                "SELECT session, text, set_unix_ms, done FROM goals WHERE session = ?1",
                [session],
                |r| {
                    Ok(GoalRow {
                        session: r.get(0)?,
                        text: r.get(1)?,
                        set_unix_ms: r.get(2)?,
                        done: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.db_err(e))
    }

    /// Sets (or replaces) what the participant said they learned, at
    /// `session`'s debrief.
    pub fn set_learned(&self, session: &str, text: &str, now_unix_ms: i64) -> Result<String> {
        let text = words(text, Note::Learned, LEARNED_MAX_CHARS)?;
        self.session(session)?;
        self.conn
            .execute(
                "INSERT INTO learned (session, text, noted_unix_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT(session) DO UPDATE SET text = ?2, noted_unix_ms = ?3",
                params![session, text, now_unix_ms],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(text.to_string())
    }

    pub fn learned(&self, session: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT text FROM learned WHERE session = ?1", [session], |r| r.get(0))
            .optional()
            .map_err(|e| self.db_err(e))
    }

    /// A participant's goals in the order of the sessions that set them.
    pub fn goals(&self, participant: &str) -> Result<Vec<GoalRow>> {
        let code = self.participant(participant)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT g.session, g.text, g.set_unix_ms, g.done FROM goals g JOIN sessions s ON s.id = g.session
                 WHERE s.participant = ?1 ORDER BY s.started_unix_ms, s.id",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([code], |r| {
            Ok(GoalRow { session: r.get(0)?, text: r.get(1)?, set_unix_ms: r.get(2)?, done: r.get(3)? })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }
}
