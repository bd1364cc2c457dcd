# The clinician's console beside the participant's view, and where the run is
# shown (also the window's status line).

console-heading = Clinician
console-language = Console language
mode-headset = a headset ({ $system } via { $runtime })
mode-desktop = a desktop window ({ $why })
no-headset-asked = --desktop was given
no-headset-unattended = no headset is used here
no-headset-loader = no OpenXR loader
no-headset-vulkan = the headset runtime lacks Vulkan
no-headset-runtime = no headset runtime running
no-headset-connected = no headset connected
no-headset-found = no headset found
headset-session =
    headset session: { $state ->
        [unavailable] unavailable
        [available] available
        [idle] idle
        [ready] ready
        [running] running
        [stopping] stopping
        [exiting] exiting
       *[other] { $state }
    }, { $frames } frames shown
session-running = running
session-paused = paused
session-calming = in a calming pause
session-ended = ended ({ $why })
session-state = { $scenario }: { $state }, { $seconds } s
session-modelling = A modelling run: { $peer } sits in the participant's seat and gives the model answers.
level-of = Level { $level } of { $levels }
step-down = Step down
step-up = Step up
pause = Pause
resume = Resume
stop = Stop…
calming-start = Calming pause (B)
calming-end = End the breathing (B)
ask-suds-now = Ask SUDS now
skip-rating = Skip this rating
ask-cybersickness-now = Ask about VR sickness now
really-stop = Really stop
keep-going = Keep going
stress-cues = Stress cues
intensity = intensity
marker = Marker
recording-to = recording: { $journal }
recording-none = not recorded (no participant given)
recording-failed = RECORDING FAILED: { $why }. The session goes on, but nothing from here on is saved; stop safely and check the disk.
marker-add-note = Add to the marker at { $at }
name-labels = Name labels (L)
recentre = Recentre headset (R)
lately = Lately
hide-hint = F1 hides this panel

log-rated = { $rating }: { $answer } ({ $seconds } s)
log-review = { $happened ->
        [yes] happened
       *[no] did not happen
    }, { $likelihood } %
log-chose = chose "{ $answer }" ({ $seconds } s)
log-cue = { $cue }, intensity { $intensity }
log-level = level { $from } → { $to }
log-silence = stayed silent
log-paused = { $by ->
        [participant] the participant paused
       *[clinician] the clinician paused the session
    }
log-resumed = { $by ->
        [participant] the participant went on
       *[clinician] the clinician resumed the session
    }
log-marker = note: { $note }
log-marker-noted = note for the last marker: { $note }
log-rating-skipped = { $rating }: skipped by the clinician
log-calming = { $by ->
        [participant] the participant began a calming pause
       *[clinician] the clinician began a calming pause
    }
log-breathing = paced breathing: { $breaths } breaths, { $in_seconds } s in, { $out_seconds } s out
log-breathing-ended = { $all ->
        [yes] breathing done, all breaths
       *[no] breathing ended early
    }
log-calming-ended = the calming pause is over; the session goes on
log-peer-answer = the peer gave the model answer "{ $answer }"
log-ended = ended: { $why }
log-recovery = calm phase: { $seconds } s, then the last SUDS
log-outcome = what the participant feared happened: "{ $outcome }"

end-completed = completed
end-stopped-by-participant = stopped by the participant
end-stopped-by-clinician = ended by the clinician
end-scenario-fault = a fault in the scenario file

# The live picture: ratings over session time, where the participant looks,
# the last choices, and an alert that suggests a pause.
live-alert-distress = SUDS { $suds } at { $at }, at or above { $threshold }: a pause may help.
live-alert-sickness = VR sickness { $fms } of 20 at { $at }, at or above { $threshold }: consider a pause or ending the run.
live-suds = SUDS
live-self-efficacy = Self-efficacy
live-cues = Cue
live-levels = Level change
live-markers = Marker
live-sickness = Last VR sickness rating: { $fms } of 20 at { $at }
live-looking-at = Looking at: { $target }
live-looking-room = something in the room
live-looking-nothing = nothing yet
live-eye-contact = Eye contact so far: { $shares }
live-choices = Last choices:
live-choice = { $at }  "{ $beat }": answer { $option } after { $seconds } s ({ $tags })

# Hot reload: the scenario file saved during a run.
reload-broken = The scenario file was saved with mistakes. The session goes on with the last good version:
reload-ready =
    A new version of the scenario file is saved ({ $version }{ $warnings ->
        [0] {""}
        [one] , one warning
       *[other] , { $warnings } warnings
    }). Take it:
reload-next-beat = At the next beat
reload-current-beat = Restart this beat from it
reload-waiting = The new version ({ $version }) takes over at the next beat.
reload-taken = The new version ({ $version }) is in use since the beat "{ $beat }".
reload-refused = The new version ({ $version }) was not taken: { $why }.
reload-dropped = the next beat, "{ $beat }", is not in it; the session goes on with the version it has
reload-refused-language = { $file } is no longer written in "{ $lang }", the session's language
volume = participant's volume
console-proposal = If the run ended now: { $headline }
