# The debrief reports' words: the fixed headings, labels and short phrases
# of the session report and the programme overview, and the sentences with
# figures in them. The templates read each fixed word `debrief-foo-bar` as
# `words.foo_bar`; the code asks for the rest by id. Numbers with decimals,
# percentages, lengths of time, clock times and dates come written already
# in the language's own way ($chance "70 %", $when "4 min 12 s", $at "4:07").

# Headings and labels of the session report.

debrief-session-title = Session debrief
debrief-programme-title = Programme overview
debrief-participant = Participant
debrief-date = Date
debrief-level = Level
debrief-length = Length
debrief-shown-in = Shown in
debrief-terminal = the terminal (no picture)
debrief-in-headset = a headset
debrief-in-window = a desktop window
debrief-missing-heading = What this report lacks
debrief-timeline = Timeline
debrief-timeline-intro = Distress (SUDS) and self-efficacy over the session, with what happened along the way.
debrief-cybersickness =
    You rated VR sickness (FMS, 0 to 20) { $asked ->
        [one] once
       *[other] { $asked } times
    }; it was highest at { $at } ({ $peak }).
debrief-suds = Distress (SUDS)
debrief-time = Time
debrief-what = What
debrief-value = Value
debrief-details = The figures behind the chart
debrief-minutes-axis = minutes into the session
debrief-paused-span = pause
debrief-legend-cue = stress cue
debrief-legend-level = level changed
debrief-legend-marker = marker
debrief-legend-choice = choice
debrief-legend-silence = silence
debrief-level-completed = level completed (right axis)
debrief-expectancy = What you expected, and what happened
debrief-no-expectancy = No expectation was rated in this session.
debrief-no-self-efficacy = No self-efficacy was rated in this session.
debrief-learned = What you learned
debrief-learned-question = What did you learn from what happened, compared with what you expected?
debrief-behaviour = What you did
debrief-looking = Looking
debrief-person = Person
debrief-eye-contact-all = Eye contact while they were there
debrief-eye-contact-speaking = Eye contact while they spoke
debrief-not-measured = not measured
debrief-gaze-away-heading = Looking away from faces for more than 3 s
debrief-choices = Your choices
debrief-question = When
debrief-answer = Your answer
debrief-latency = Time to answer
debrief-shows = Shows
debrief-no-choices = No choices were made in this session.
debrief-silences = Silences you took
debrief-mastery = Self-efficacy before and after
debrief-mastery-intro = How certain you were that you can … (0–100), the first and last time in the session.
debrief-statement = You can …
debrief-before = Before
debrief-after = After
debrief-reflection = Reflection
debrief-reflection-intro = The scenario's questions, grouped by the four sources of self-efficacy, beside what the record holds that may help the conversation.
debrief-from-the-record = From the record
debrief-next-step = The next step
debrief-next-step-question = Which challenge do you take on this week?
debrief-goal-agreed = Sub-goal agreed
debrief-goal-blank = Not written down yet.
debrief-last-goal = The sub-goal from last time
debrief-goal-done = done
debrief-goal-not-done = not done yet
debrief-goal-not-reported = not followed up yet

# The programme overview.

debrief-runs = The sessions
debrief-scenario = Scenario
debrief-ended = End
debrief-kind = Kind
debrief-practice = practice
debrief-modelling = modelling run
debrief-run = Run
run-practice = practice
run-modelling = a modelling run: { $peer } sat in your seat and gave the model answers while you watched
moment-modelled-before = { $count ->
        [one] You watched a peer handle this scenario in a modelling run before this one.
       *[other] You watched a peer handle this scenario in { $count } modelling runs before this one.
    }
moment-watched = You watched { $peer } handle level { $level } of this scenario.
debrief-peak-suds = Peak SUDS
debrief-run-self-efficacy = Self-efficacy
debrief-progression = Progress per scenario
debrief-run-number = session no.
debrief-highest-level-completed = Highest level completed
debrief-rtw-se = Return-to-work self-efficacy (RTW-SE)
debrief-rtw-se-none = No RTW-SE has been recorded yet.
debrief-rtw-expectation = Expected time before returning to work
debrief-rtw-expectation-none = No expectation of returning to work has been recorded yet.
debrief-expected = Expected
debrief-answered = Answered
debrief-label = Label
debrief-mean = Mean
debrief-against-reference = Against the reference
debrief-at-or-above = at or above
debrief-below = below
debrief-goals = Sub-goals
debrief-goal = Sub-goal
debrief-set-after = Set after
debrief-reported = Status
debrief-no-runs = No sessions have been recorded yet.
debrief-no-goals = No sub-goals have been set yet.

# The foot of both reports.

debrief-made-by = Made by mestring from the record on this machine. It holds health information: keep and share it like other patient information.

# The four sources of self-efficacy, as the reflection's headings.

source-mastery = Your own mastery
source-vicarious = Seeing others manage
source-feedback = Feedback
source-physiological = Your body's signals

# A feared outcome: what was expected before the session ($chance), then
# ($afterwards) one of the three sentences after it.

expected-rated = Before the session you put the chance that { $outcome } at { $chance }.{ $afterwards }
expected-not-asked = You were not asked before the session how likely it was that { $outcome }.{ $afterwards }
expected-happened = { " " }It happened. Now you put the chance at { $chance }.
expected-did-not-happen = { " " }It did not happen. Now you put the chance at { $chance }.
expected-not-rated-again = { " " }It was not rated again afterwards.
# What the session's record shows, for an outcome the scenario can see.
expected-seen = { " " }The record of the session shows it happening at { $when }.
expected-not-seen = { " " }The record of the session shows no sign of it.

# How the session ended, never as a failure. $last_suds is ending-last-suds,
# or nothing when no SUDS was given before the end.

ending-completed = You went through the whole scenario ({ $when }).
ending-stopped-by-participant = You chose to stop after { $when }. Noticing when to stop is part of the practice, and it shows where the edge was today.{ $last_suds }
ending-stopped-by-clinician = The clinician ended the session after { $when }.{ $last_suds }
ending-scenario-fault = The session stopped after { $when } because the scenario file led nowhere further. That is the file's doing, not yours.{ $last_suds }
ending-interrupted = The record stops after { $when }: the program was cut off before the session ended. Everything up to then is here.
ending-last-suds = { " " }Your last SUDS rating before the end: { $suds }.
# SUDS once more, after the calm phase that ends every run.
ending-after-calm = { " " }After the calm phase at the end: { $suds }.

# The ending in a word or two, for tables.

ending-short-completed = completed
ending-short-stopped-by-participant = stopped by you
ending-short-stopped-by-clinician = ended by the clinician
ending-short-scenario-fault = stopped by a fault in the scenario file
ending-short-interrupted = cut off

# What the RTW-SE score is, with the reference mean ($reference) as orientation.

rtw-se-intro = The mean of 11 items (1–6). A mean of { $reference } or more went with full return to work in the Norwegian validation (Gjengedal et al. 2021). It is a pointer, not a verdict.

# Looking: $share is a percentage, $longest seconds.

gaze-share = You looked at { $name } { $share } of the time { $name } spoke.
gaze-away =
    { $count ->
        [0] Your gaze never left the faces for more than 3 seconds.
        [one] Once, for { $longest }.
       *[other] { $count } times, the longest { $longest }.
    }

# One event on the timeline, in plain words.

mark-suds = SUDS
mark-self-efficacy = self-efficacy: { $statement }
mark-cue = stress cue: { $cue }
mark-level = level { $from } → { $to }
mark-choice = choice: “{ $option }”
mark-silence = silence
mark-paused-by-participant = pause (you)
mark-paused-by-clinician = pause (clinician)
mark-resumed = went on
mark-calming-by-participant = calming pause (you)
mark-calming-by-clinician = calming pause (clinician)
mark-marker = marker: { $note }
mark-rating-skipped = { $rating }: skipped by the clinician
mark-end = end

# What the record says for one source of self-efficacy. Choices are told as
# what was done, never as a score: with none of them an approach
# (moment-answers), the sentence says only how many answers there were.

moment-answers =
    { $total ->
        [one] You gave one answer in the session.
       *[other] You gave { $total } answers in the session.
    }
moment-answers-approach =
    { $total ->
        [one] You gave one answer in the session, and in it you spoke up, set a boundary, asked for help or shared openly.
       *[other] You gave { $total } answers in the session; in { $shown } of them you spoke up, set a boundary, asked for help or shared openly.
    }
moment-ended = The session: { $ending }.
moment-no-modelling = No modelling run (watching a peer do it) is on record for this scenario.
moment-marker = Marker at { $at }: { $note }
moment-peak = SUDS was highest at { $at } ({ $value }). The next time you were asked, at { $next_at }, it was { $next_value }.
moment-peak-last = SUDS was highest at { $at } ({ $value }); you were not asked again after that.
moment-calming = At { $at } you took a calming pause: SUDS { $before } before the breathing, { $after } after it.
moment-calming-unrated = At { $at } you took a calming pause.
moment-pauses =
    { $count ->
        [one] You took one pause along the way.
       *[other] You took { $count } pauses along the way.
    }
moment-clinician-pauses =
    { $count ->
        [one] The clinician paused the session once.
       *[other] The clinician paused the session { $count } times.
    }

# Why part of the report is empty.

missing-no-ratings = No ratings (SUDS, self-efficacy) were given in this session.
missing-no-samples = No gaze data: the session was played in the terminal, without a picture, so looking was not measured.
missing-no-samples-recorded = No gaze data was recorded in this session.
missing-interrupted = The session was cut off (the program stopped without closing it); the record up to then is here.
missing-damaged = The last line of the record was damaged and is left out.

# A month's name in a date, by its number (1 to 12).

month =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
