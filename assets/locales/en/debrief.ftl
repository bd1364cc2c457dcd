# The debrief reports' fixed words: the headings, labels and short phrases
# of the session report and the programme overview. The templates read each
# `debrief-foo-bar` as `words.foo_bar`; the code asks for a few by id.

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
debrief-peak-suds = Peak SUDS
debrief-run-self-efficacy = Self-efficacy
debrief-progression = Progress per scenario
debrief-run-number = session no.
debrief-highest-level-completed = Highest level completed
debrief-rtw-se = Return-to-work self-efficacy (RTW-SE)
debrief-rtw-se-none = No RTW-SE has been recorded yet.
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

debrief-made-by = Made by mestring from the record on this machine. It holds health information: keep and share it as other patient information.
