# The start screen (`mestring`, `mestring clinic`): who practises, which
# scenario, at which level, and what the last run came to.

clinic-heading = mestring: start a run
clinic-participants = Participant
clinic-no-participants = No participants yet. Add one with a code (no names, no identity numbers).
clinic-new-code = New code
clinic-add = Add
clinic-participant-added = Participant { $code } added.
clinic-runs =
    { $count ->
        [0] no runs yet
        [one] one run
       *[other] { $count } runs
    }
clinic-scenarios = Scenario
clinic-shipped = shipped
clinic-own = the clinic's own
clinic-ready = ready
clinic-ready-warnings =
    ready, { $count ->
        [one] one warning
       *[other] { $count } warnings
    } (mestring check says which)
clinic-broken = cannot be started: the checker found mistakes
clinic-no-scenarios = No scenario files were found in { $folders }.
clinic-level = Level
clinic-proposal = Proposal: { $headline }
clinic-take-proposal = Take level { $level }
clinic-no-proposal = Choose a participant and a scenario to see the proposal from their runs.
clinic-language = Participant's language
clinic-modelling = Modelling run: { $peer } sits in the participant's seat and gives the model answers
clinic-headset = Shown in: { $mode }
clinic-start = Start the run
clinic-refresh = Look again for files and runs
clinic-not-ready-running = A run is going on in the session window.
clinic-not-ready-participant = Choose a participant first.
clinic-not-ready-scenario = Choose a scenario first.
clinic-not-ready-broken = { $scenario } has mistakes and cannot be started; its messages are listed below it.
clinic-not-ready-no-peer = { $scenario } has no peer for a modelling run.
clinic-running = Running: { $participant }, { $scenario } at level { $level }. The session window has the console; close it or stop the session to come back here.
clinic-last-run = Last run
clinic-summary-what = { $title }, { $kind }
clinic-summary-level = level { $level }
clinic-summary-levels = levels { $from } to { $to }
clinic-run-unrecorded = The run ended before anything was recorded.
clinic-run-not-started = The run could not be started: { $why }
clinic-run-failed = The run ended with an error: { $why }
clinic-write-debrief = Write the debrief report
clinic-open-debrief = Open the debrief report
clinic-report-written = The debrief report is written: { $path }
clinic-cannot-open = The report could not be opened here ({ $why }); open { $path } in a browser.
clinic-own-folder = The clinic's own scenarios are read from { $folder }.
clinic-screen-language = Screen language

# The RTW-SE, filled in on the start screen.
clinic-rtw-se-open = Fill in the RTW-SE and the expected return
clinic-rtw-se-taken = RTW-SE so far:
clinic-rtw-se-none = No RTW-SE yet.
clinic-rtw-se-row = { $date }, { $label }: mean { $mean }
clinic-rtw-se-no-label = no label
clinic-rtw-se-for = RTW-SE and expected return for { $code }
clinic-rtw-se-when = Taken at
clinic-rtw-se-start = start of programme
clinic-rtw-se-end = end of programme
clinic-rtw-se-other = other:
clinic-rtw-se-answered = { $count } of { $items } items answered
clinic-rtw-se-mean = Mean { $mean }. Reference: in the Norwegian validation, a mean of { $reference } or more went with full return to work; it is orientation, not a verdict.
clinic-rtw-se-save = Store the answers
clinic-rtw-se-close = Put away without storing
clinic-rtw-se-topics = The item texts are topics in mestring's own words, not the published items.
clinic-rtw-se-clinic-copy = Item texts from the clinic's copy: { $path }
clinic-rtw-se-broken = The RTW-SE cannot be filled in: { $why }
clinic-rtw-se-missing =
    { $count ->
        [one] Item { $items } is not answered yet.
       *[other] Items { $items } are not answered yet.
    }
clinic-rtw-se-stored = RTW-SE stored for { $code }: mean { $mean } (reference { $reference }).
clinic-rtw-expect-heading = Expected return to work
clinic-rtw-expect-stored = Expected return stored for { $code }: { $answer }.
clinic-rtw-expect-taken = Expected return so far:
clinic-rtw-expect-row = { $date }, { $label }: { $answer }
clinic-rtw-nothing = Nothing is answered yet.
clinic-rtw-either = The RTW-SE is stored only with every item answered; the expected return can be stored on its own.
