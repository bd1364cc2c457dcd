//! The reports as self-contained HTML, from the templates beside this file
//! (minijinja, escaping on): no script, nothing fetched, charts inline.

use minijinja::{Environment, Value, context};

use super::programme::{ProgrammeReport, goal_status};
use super::session::SessionReport;
use super::words::Lang;
use crate::w;

fn environment(lang: Lang) -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in [
        ("base.html", include_str!("templates/base.html")),
        ("session.html", include_str!("templates/session.html")),
        ("programme.html", include_str!("templates/programme.html")),
    ] {
        // The templates are part of the program; a broken one fails every
        // report test, never a clinician's run.
        env.add_template(name, source).expect("a debrief template does not parse");
    }
    // A share 0..1 as a percentage, or "not measured".
    env.add_filter("share", move |v: Option<f64>| {
        v.map_or_else(|| w!(lang, "debrief-not-measured"), |v| lang.percent(v * 100.0))
    });
    env.add_filter("secs", move |ms: u64| lang.seconds(ms));
    env.add_filter("tag", move |t: String| lang.tag(&t));
    // Event numbers for a data-events attribute.
    env.add_filter("events", |seqs: Vec<u64>| seqs.iter().map(u64::to_string).collect::<Vec<_>>().join(" "));
    env
}

pub fn session(report: &SessionReport) -> Result<String, String> {
    let lang = report.lang;
    let timeline = super::chart::timeline(&report.timeline, lang)?;
    let previous_goal_status = report.previous_goal.as_ref().map(|g| goal_status(lang, g.done));
    environment(lang)
        .get_template("session.html")
        .and_then(|t| {
            t.render(context! {
                lang_code => lang.code(),
                words => Value::from_serialize(lang.words()),
                r => Value::from_serialize(report),
                timeline => Value::from_serialize(&timeline),
                previous_goal_status,
            })
        })
        .map_err(|e| format!("cannot write the report: {e:#}"))
}

pub fn programme(report: &ProgrammeReport) -> Result<String, String> {
    let lang = report.lang;
    environment(lang)
        .get_template("programme.html")
        .and_then(|t| {
            t.render(context! {
                lang_code => lang.code(),
                words => Value::from_serialize(lang.words()),
                p => Value::from_serialize(report),
            })
        })
        .map_err(|e| format!("cannot write the report: {e:#}"))
}
