# The words of the errors the command line prints: the records, reports,
# sessions, scripts and sounds. $path is a file or folder, $why the system's
# own reason (in its language), $problem an error already in words.

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
        [goal] the goal
       *[learned] the note of what was learned
    } is empty; write it in a few words
error-note-too-long = { $note ->
        [goal] the goal
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

error-export-write = cannot write the export: { $why }

## Errors of reports, sessions, runs and sounds

error-report-render = the report cannot be made: { $why }
error-report-write = cannot write the report to { $path }: { $why }

error-no-such-level = level { $level } does not exist; this scenario has levels 1 to { $max }
error-no-start-beat = the start beat "{ $beat }" does not exist
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
error-script-nothing = nothing
error-script-cue-missing = cue: a cue name is missing
error-script-unknown-cue = cue: unknown cue "{ $name }"; cues are: { $cues }
error-script-not-intensity = cue: "{ $word }" is not an intensity 0..1
error-script-unknown-action = unknown action "{ $word }"; actions are { $actions }
