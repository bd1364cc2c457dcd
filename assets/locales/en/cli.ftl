# The command line's own words: its status lines, table headers and errors,
# and the errors of the records, reports, sessions, scripts and sounds it
# prints. The language is $MESTRING_LANG, else the locale (LC_ALL,
# LC_MESSAGES, LANG), else English. $path is a file or folder, $why the
# system's own reason (in its language), $problem an error already in words.

cli-error = error: { $problem }
cli-warning = warning: { $problem }
cli-note = note: { $problem }

## Scenarios and scripts

cli-scenario-has-mistakes = the scenario has mistakes; fix them and try again
cli-cannot-read-script = cannot read script { $path }: { $why }
cli-no-scenario-files = no .ron files found in { $paths }
cli-check-ok = ok: { $path }

## play

cli-speed-out-of-range = --speed must be between 0.1 and 100
cli-cannot-read-expected = cannot read the expected transcript: { $why }
cli-cannot-write-transcript = cannot write the transcript to { $path }: { $why }
cli-transcript-incomplete = the transcript { $path } is incomplete: { $why }
cli-script-ran-out = the script ended while the session still waited for an answer; it was stopped
cli-reading-stdin = reading answers from standard input
cli-transcript-written = transcript: { $path }
cli-transcript-matches = matches { $path }
cli-transcript-differs = transcript differs from { $path } at line { $line }:
cli-transcript-expected = expected:
cli-transcript-actual = actual:
cli-transcript-bless = (if the change is intended, bless it: copy { $path } over the expected transcript)

## Records

cli-imported =
    imported session { $session } ({ $events ->
        [one] 1 event
       *[other] { $events } events
    })
cli-imported-interrupted =
    imported session { $session } as interrupted: it ended without closing ({ $events ->
        [one] 1 event kept
       *[other] { $events } events kept
    }{ $damaged })
cli-imported-damaged = ; its last line was damaged: { $why }
cli-import-failed = could not import { $path }: { $problem }; it is left in place
cli-add-participant-first = { $problem }; add them first with: mestring participants add CODE
cli-cannot-read = cannot read { $path }: { $why }
cli-cannot-start-journal = cannot start the session journal in { $path }: { $why }
cli-journal-may-be-incomplete = the journal { $path } may be incomplete: { $why }
cli-journal-kept = { $problem }; the journal { $path } is kept and will be imported on the next start
cli-recorded =
    recorded session { $session } ({ $events ->
        [one] 1 event
       *[other] { $events } events
    })

cli-no-participants = no participants yet; add one with: mestring participants add P001
cli-participants-code = code
cli-participants-sessions = sessions
cli-participant-added = added participant { $code }
cli-note-language-missing = note: { $code } reads { $reads }, but this scenario is not written in it; it is shown in { $shown }
cli-participants-lang = language
cli-participant-reads = { $code } gets { $lang } from now on
cli-unknown-language = there is text in nb (bokmål) and en (English), not "{ $lang }"
cli-language-nb = bokmål
cli-language-en = English
cli-remove-needs-yes = removing { $code } erases all their records; add --yes to confirm
cli-remove-confirm = This erases { $code } and every session recorded for them. Type the code again to confirm:{" "}
cli-not-removed = not removed
cli-participant-removed =
    removed participant { $code }: { $sessions ->
        [one] 1 session
       *[other] { $sessions } sessions
    }, { $events ->
        [one] 1 event
       *[other] { $events } events
    }, { $samples ->
        [one] 1 sample
       *[other] { $samples } samples
    }, { $questionnaires ->
        [one] 1 questionnaire
       *[other] { $questionnaires } questionnaires
    }, { $journals ->
        [one] 1 journal file
       *[other] { $journals } journal files
    }

cli-rtw-se-stored = stored RTW-SE for { $code }: mean { $mean }
cli-no-questionnaires = no questionnaires stored for { $code }
cli-rtw-se-answered = answered
cli-rtw-se-label = label
cli-rtw-se-mean = mean
cli-rtw-se-reference = (in the Norwegian validation, a mean of { $reference } or more went with full return to work)
cli-rtw-expect-stored = stored the return-to-work expectation for { $code }: { $answer }
cli-no-rtw-expectations = no return-to-work expectation stored for { $code } yet

cli-no-sessions = no sessions recorded yet
cli-sessions-session = session
cli-sessions-participant = participant
cli-sessions-scenario = scenario
cli-sessions-level = level
cli-sessions-minutes = minutes
cli-sessions-status = status
cli-sessions-events = events
cli-sessions-sampling = shown in { $from ->
        [headset] a headset; { $samples } head samples from its tracked pose
       *[desktop] a desktop window; { $samples } head samples from the desktop view
    }, { $rate } a second
cli-sessions-sampling-slow = shown in { $from ->
        [headset] a headset; { $samples } head samples from its tracked pose
       *[desktop] a desktop window; { $samples } head samples from the desktop view
    }, { $rate } a second; { $asked } asked, the frame rate was lower

cli-export-needs-what = name --participant CODE or --session ID
cli-exported =
    exported { $events ->
        [one] 1 event
       *[other] { $events } events
    } to { $path }

cli-propose-automatic = (the scenario allows this step to be taken without the clinician)

## debrief

cli-goal-saved = sub-goal saved for session { $id }: { $goal }
cli-learned-saved = what was learned is saved for session { $id }
cli-goal-reported = sub-goal of session { $id } reported { $done ->
        [yes] done
       *[no] not done
    }
cli-report-written = wrote { $path }; open it in a browser to read it together, print it or save it as PDF
cli-cannot-make-folder = cannot make the folder { $path }: { $why }
cli-report-languages = the report can be written in nb (bokmål) or en (English), not "{ $lang }"

## render-audio

cli-audio-written = wrote { $path }: { $seconds } s of { $scenario } at level { $level } (seed { $seed }), { $lufs } LUFS integrated ({ $loudness } dBFS RMS), { $onsets ->
        [one] 1 onset
       *[other] { $onsets } onsets
    }
cli-audio-cannot-make-folder = cannot make the folder { $path }: { $why }
cli-audio-rendering-level = rendering level { $level } of { $levels }…
cli-audio-levels-heading = Loudness of { $scenario }, { $seconds } s per level (seed { $seed }), integrated (EBU R 128):
cli-audio-level-row = level { $level }: { $lufs } LUFS ({ $step } LU against level 1), { $loudness } dBFS RMS, { $onsets ->
        [one] 1 onset
       *[other] { $onsets } onsets
    }: { $path }

## Errors of the records (participant codes, the store, journals, exports)

error-code-length = a participant code must be 2 to 32 characters long
error-code-characters = "{ $code }" may only hold letters A-Z, digits, - and _
error-code-identity-number = "{ $code }" looks like a national identity number (11 digits); use a pseudonymous code such as P017, and keep the key elsewhere
error-code-email = "{ $code }" looks like an e-mail address; use a pseudonymous code such as P017

error-store-folder = cannot use the data folder { $path }: { $why }
error-store-database = the database in { $path } cannot be opened or updated: { $why }
error-store-too-new = the database in { $path } was made by a newer mestring (schema { $found }, this one knows { $known }); update mestring
error-store-no-participant = there is no participant with the code { $code }{ $nearest }
error-store-participant-exists = there is already a participant with the code { $code }
error-store-no-session = there is no session with the id { $id }{ $nearest }
error-store-already-imported = session { $id } is already in the store
error-store-bad-snapshot = the scenario kept in journal { $path } cannot be read; the journal is left where it is
error-note-empty = { $note ->
        [goal] the sub-goal
       *[learned] the note of what was learned
    } is empty; write it in a few words
error-note-too-long = { $note ->
        [goal] the sub-goal
       *[learned] the note of what was learned
    } is { $chars } characters; keep it to at most { $max }
error-no-goal = session { $id } has no goal to report on; set one with --goal
# After "there is no participant with the code P530": the known ones nearest to it.
nearest = ; the nearest: { $names }

error-journal-io = cannot read journal { $path }: { $why }
error-journal-no-header = journal { $path } has no readable header ({ $why }); it is not a mestring journal or was cut short before its first line

error-rtw-se-count = the questionnaire has { $items } items; { $given ->
        [one] 1 answer was given
       *[other] { $given } answers were given
    }
error-rtw-se-value = item { $item }: "{ $value }" is not an answer from 1 to 6
error-rtw-expect-answer = "{ $given }" is not one of the answers: { $answers }

error-export-write = cannot write the export: { $why }

## Errors of reports, sessions, runs and sounds

error-report-render = the report cannot be made: { $why }
error-report-write = cannot write the report to { $path }: { $why }

error-no-such-level = level { $level } does not exist; this scenario has levels 1 to { $max }
error-no-start-beat = the start beat "{ $beat }" does not exist
error-no-peer = "{ $scenario }" has no peer for a modelling run: add `peer: (name: "...")` to the scenario (see docs/scenario-format.md)
error-no-such-language = the scenario is not written in "{ $lang }"; it has { $have }
error-window-exit = the window closed with an error (code { $code })

error-sound-length = cannot render { $seconds } seconds of sound; give a length from 0 to { $max } seconds
error-sound-write = cannot write { $path }: { $why }
error-sound-read = cannot read { $path }: { $why }
error-sound-recording = the sound { $path } cannot be used: { $why }
error-sound-not-wav = { $path } is not a WAV file this program reads: { $why }

## Errors in a script of answers (`play --script`): its words (choose, rate,
## by clinician, ...) are the script's own and stay as they are.

error-script-line = script line { $line }: { $problem }
error-script-seconds-missing = { $what }: a number of seconds is missing
error-script-not-seconds = { $what }: "{ $word }" is not a number of seconds (0 to 86400)
error-script-number-missing = { $what }: a number is missing
error-script-not-number = { $what }: "{ $word }" is not a valid number
error-script-action-missing = an action is missing after `after`
error-script-expected-by = expected nothing or "by clinician" after { $verb }
error-script-options-from-one = options are numbered from 1
error-script-review-word = review: expected "happened" or "not-happened", found { $found }
error-script-ask-word = ask: expected suds or cybersickness, found { $found }
error-script-nothing = nothing
error-script-cue-missing = cue: a cue name is missing
error-script-unknown-cue = cue: unknown cue "{ $name }"; cues are: { $cues }
error-script-not-intensity = cue: "{ $word }" is not an intensity 0..1
error-script-unknown-action = unknown action "{ $word }"; actions are { $actions }

## clinic

cli-clinic-no-scenario = { $scenario } is neither a shipped scenario nor one in the clinic's folder (see --scenarios)
cli-no-window = this build has no window, so no start screen; `mestring --help` lists its commands
error-rtw-se-form-unreadable = cannot read the RTW-SE form { $file }: { $why }
error-rtw-se-form-syntax = { $file }:{ $line }:{ $col }: the RTW-SE form cannot be read: { $why }
error-rtw-se-form-items = { $file }: the RTW-SE form must have { $items } items; it has { $given }
error-rtw-se-form-anchors = { $file }: the RTW-SE form must name { $anchors } response anchors (1 to { $anchors }); it names { $given }
error-rtw-se-form-empty = { $file }: { $what } of the RTW-SE form is empty
cli-reference-written = wrote { $path }: { $seconds } s of a voice at { $lufs } LUFS, the loudness reference. Play it in the headset and set the volume so it sounds like a colleague across the table speaking in an ordinary voice.
cli-reference-seconds = --seconds must be from 1 to 600
