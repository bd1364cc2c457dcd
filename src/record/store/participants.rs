//! The people in the store: adding a participant by code, looking one up,
//! their RTW-SE questionnaires, and erasing one with everything recorded.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Result, Store, StoreError};
use crate::nearest::Nearest;
use crate::record::code;
use crate::record::rtw_expectation::Expectation;
use crate::record::rtw_se::RtwSe;
use crate::words::Lang;

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRow {
    pub code: String,
    pub created_unix_ms: i64,
    pub sessions: i64,
    /// The language they read, once chosen.
    pub lang: Option<Lang>,
}

/// What erasing a participant removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub sessions: usize,
    pub events: usize,
    pub samples: usize,
    pub questionnaires: usize,
    pub journals: usize,
}

impl Store {
    pub fn add_participant(&self, raw: &str, now_unix_ms: i64) -> Result<String> {
        let code = code::validate(raw)?;
        if self.has_participant(&code)? {
            return Err(StoreError::ParticipantExists(code));
        }
        self.conn
            .execute(
                "INSERT INTO participants (code, created_unix_ms) VALUES (?1, ?2)",
                params![code, now_unix_ms],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(code)
    }

    /// Chooses the language a known participant reads: their runs are in
    /// it where the scenario has it.
    pub fn set_participant_lang(&self, raw: &str, lang: Lang) -> Result<String> {
        let code = self.participant(raw)?;
        self.conn
            .execute("UPDATE participants SET lang = ?2 WHERE code = ?1", params![code, lang.code()])
            .map_err(|e| self.db_err(e))?;
        Ok(code)
    }

    /// The language a known participant reads, if one was chosen.
    pub fn participant_lang(&self, raw: &str) -> Result<Option<Lang>> {
        let code = self.participant(raw)?;
        let lang: Option<String> = self
            .conn
            .query_row("SELECT lang FROM participants WHERE code = ?1", [&code], |r| r.get(0))
            .map_err(|e| self.db_err(e))?;
        Ok(lang.as_deref().map(Lang::of))
    }

    pub fn has_participant(&self, code: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM participants WHERE code = ?1", [code], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.db_err(e))
    }

    /// A known participant's stored code, from what a clinician typed.
    pub fn participant(&self, raw: &str) -> Result<String> {
        let code = code::validate(raw)?;
        if self.has_participant(&code)? {
            return Ok(code);
        }
        let known: Vec<String> = self.participants()?.into_iter().map(|p| p.code).collect();
        let nearest = Nearest::among(&code, known.iter().map(String::as_str));
        Err(StoreError::NoParticipant(code, nearest))
    }

    pub fn participants(&self) -> Result<Vec<ParticipantRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.code, p.created_unix_ms, COUNT(s.id), p.lang FROM participants p
                 LEFT JOIN sessions s ON s.participant = p.code GROUP BY p.code ORDER BY p.code",
            )
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([], |r| {
            let lang: Option<String> = r.get(3)?;
            Ok(ParticipantRow {
                code: r.get(0)?,
                created_unix_ms: r.get(1)?,
                sessions: r.get(2)?,
                lang: lang.as_deref().map(Lang::of),
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.db_err(e))
    }

    /// Erases a participant and everything recorded about them: sessions,
    /// events and their journals.
    pub fn remove_participant(&mut self, raw: &str) -> Result<Erased> {
        let code = self.participant(raw)?;
        let journals: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT journal FROM sessions WHERE participant = ?1")
                .map_err(|e| self.db_err(e))?;
            stmt.query_map([&code], |r| r.get(0)).and_then(Iterator::collect).map_err(|e| self.db_err(e))?
        };
        let path = self.dir.join("mestring.sqlite");
        let db = |source| StoreError::Database { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(db)?;
        let events: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM events WHERE session IN (SELECT id FROM sessions WHERE participant = ?1)",
                [&code],
                |r| r.get(0),
            )
            .map_err(db)?;
        let samples: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM samples WHERE session IN (SELECT id FROM sessions WHERE participant = ?1)",
                [&code],
                |r| r.get(0),
            )
            .map_err(db)?;
        let questionnaires = tx.execute("DELETE FROM rtw_se WHERE participant = ?1", [&code]).map_err(db)?
            + tx.execute("DELETE FROM rtw_expectation WHERE participant = ?1", [&code]).map_err(db)?;
        let sessions = tx.execute("DELETE FROM sessions WHERE participant = ?1", [&code]).map_err(db)?;
        tx.execute("DELETE FROM participants WHERE code = ?1", [&code]).map_err(db)?;
        tx.commit().map_err(db)?;
        let mut removed_journals = 0;
        for j in journals {
            if std::fs::remove_file(self.dir.join(j)).is_ok() {
                removed_journals += 1;
            }
        }
        Ok(Erased {
            sessions,
            events: events as usize,
            samples: samples as usize,
            questionnaires,
            journals: removed_journals,
        })
    }

    /// Stores one RTW-SE questionnaire for a participant.
    pub fn add_rtw_se(&self, raw: &str, label: Option<&str>, q: &RtwSe, now_unix_ms: i64) -> Result<f64> {
        let code = self.participant(raw)?;
        let answers: Vec<String> = q.answers.iter().map(u8::to_string).collect();
        self.conn
            .execute(
                "INSERT INTO rtw_se (participant, answered_unix_ms, label, answers, mean) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![code, now_unix_ms, label, answers.join(","), q.mean()],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(q.mean())
    }

    /// Stores one answer to the return-to-work expectation question.
    pub fn add_rtw_expectation(
        &self,
        raw: &str,
        label: Option<&str>,
        answer: Expectation,
        now_unix_ms: i64,
    ) -> Result<()> {
        let code = self.participant(raw)?;
        self.conn
            .execute(
                "INSERT INTO rtw_expectation (participant, answered_unix_ms, label, answer) VALUES (?1, ?2, ?3, ?4)",
                params![code, now_unix_ms, label, answer.code()],
            )
            .map_err(|e| self.db_err(e))?;
        Ok(())
    }

    /// A participant's return-to-work expectations, oldest first: (when,
    /// label, answer). A stored code this version does not know is left
    /// out rather than read as another answer.
    pub fn rtw_expectations(&self, raw: &str) -> Result<Vec<(i64, Option<String>, Expectation)>> {
        let code = self.participant(raw)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT answered_unix_ms, label, answer FROM rtw_expectation WHERE participant = ?1 \
                 ORDER BY answered_unix_ms",
            )
            .map_err(|e| self.db_err(e))?;
        let rows: Vec<(i64, Option<String>, String)> = stmt
            .query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.db_err(e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(at, label, a)| Some((at, label, Expectation::parse(&a).ok()?)))
            .collect())
    }

    /// Everything a participant answered outside the runs, for the export:
    /// each RTW-SE with its item answers as stored, and each
    /// return-to-work expectation by its code, oldest first.
    pub fn questionnaires(&self, raw: &str) -> Result<Questionnaires> {
        let code = self.participant(raw)?;
        let db = |e| self.db_err(e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT answered_unix_ms, label, answers, mean FROM rtw_se WHERE participant = ?1 \
                 ORDER BY answered_unix_ms, rowid",
            )
            .map_err(db)?;
        let rtw_se = stmt
            .query_map([&code], |r| {
                let answers: String = r.get(2)?;
                Ok(RtwSeRow {
                    answered_unix_ms: r.get(0)?,
                    label: r.get(1)?,
                    answers: answers.split(',').filter_map(|a| a.trim().parse().ok()).collect(),
                    mean: r.get(3)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(db)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT answered_unix_ms, label, answer FROM rtw_expectation WHERE participant = ?1 \
                 ORDER BY answered_unix_ms, rowid",
            )
            .map_err(db)?;
        let rtw_expectation = stmt
            .query_map([&code], |r| {
                Ok(ExpectationRow { answered_unix_ms: r.get(0)?, label: r.get(1)?, answer: r.get(2)? })
            })
            .and_then(Iterator::collect)
            .map_err(db)?;
        Ok(Questionnaires { participant: code, rtw_se, rtw_expectation })
    }

    /// A participant's RTW-SE questionnaires, oldest first: (when, label, mean).
    pub fn rtw_se(&self, raw: &str) -> Result<Vec<(i64, Option<String>, f64)>> {
        let code = self.participant(raw)?;
        let mut stmt = self
            .conn
            .prepare("SELECT answered_unix_ms, label, mean FROM rtw_se WHERE participant = ?1 ORDER BY answered_unix_ms")
            .map_err(|e| self.db_err(e))?;
        stmt.query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(Iterator::collect)
            .map_err(|e| self.db_err(e))
    }
}

/// A participant's questionnaires, as the export writes them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Questionnaires {
    pub participant: String,
    pub rtw_se: Vec<RtwSeRow>,
    pub rtw_expectation: Vec<ExpectationRow>,
}

/// One RTW-SE questionnaire: the item answers (1 to 6, by item number) and
/// their mean.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RtwSeRow {
    pub answered_unix_ms: i64,
    pub label: Option<String>,
    pub answers: Vec<u8>,
    pub mean: f64,
}

/// One answer to the return-to-work expectation question, by its code
/// (kept as stored, so an answer a later version added is not lost).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExpectationRow {
    pub answered_unix_ms: i64,
    pub label: Option<String>,
    pub answer: String,
}
