# What the participant reads around the scenario: the terminal player, the
# in-world rating panel, the status bar and the pause card. Nothing here may
# word stopping as a failure.

player-controls = (p = pause, r = resume, q = stop, b = calming pause, at any time; skip = leave a rating unanswered)
player-choose = type the number of your answer
player-seconds-left =
    ({ $seconds ->
        [one] 1 second
       *[other] { $seconds } seconds
    } to answer)
player-review-hint = answer like "y 20" (it happened, 20 %) or "n 10"
player-time-up = time is up - someone checks the clock
player-silence-taken = the silence counts as an answer
player-complete = the scenario is complete
player-yes = Yes
player-no = No
player-yes-no-keys = (Y / N)
player-confirm = OK
player-paused = paused
player-ended = ended
player-enter-closes = Enter closes the window
pause-title = Paused
pause-body =
    Everything is on hold. Take the time you need.
    You can go on when you are ready, or stop here. Both are perfectly fine.
pause-go-on = Go on
pause-stop-here = Stop here
pause-hint-keys = Esc goes on, B breathes calmly, Q stops
pause-hint-headset = The menu button goes on. Point at a button and pull the trigger.
pause-calm = Breathe calmly
calming-title = Calming pause
calming-breathe-in = Breathe in
calming-breathe-out = Breathe out
calming-hint-keys = Follow the circle: in as it grows, out as it shrinks. B or Esc ends the breathing early.
calming-hint-headset = Follow the circle: in as it grows, out as it shrinks. The menu button ends the breathing early.

# The terminal player's running commentary. $time is the session clock.
player-cue = [{ $time }] * { $cue }
player-cue-by = [{ $time }] * { $cue } ({ $name })
player-level = [{ $time }] level { $from } → { $to }
player-paused-by = [{ $time }] { $by ->
        [participant] you paused
       *[clinician] the clinician paused the session
    } (r resumes, q stops)
player-resumed-by = [{ $time }] { $by ->
        [participant] you went on
       *[clinician] the clinician resumed the session
    }
player-marker = [{ $time }] marker: { $note }
player-marker-noted = [{ $time }] note for the last marker: { $note }
player-rating-skipped = [{ $time }] { $rating }: skipped, the session goes on
player-calming = [{ $time }] Calming pause: everything is on hold.
player-breathing = [{ $time }] Breathe in for { $inhale } seconds and out for { $exhale }, { $breaths } times. (b ends it early)
player-breathing-ended = [{ $time }] The breathing is done.
player-calming-ended = [{ $time }] The calming pause is over; the session goes on where it stood.
player-modelling = [{ $time }] A modelling run: { $name } sits in your seat and answers. You watch how it goes; there is nothing you need to do.
player-modelling-status = Modelling run: watch how it goes
player-end = [{ $time }] == end: { $why } ==
player-recovery = The session is over. Stay seated for a little while, breathe calmly and look around the room. In a moment you will be asked how you feel now.
player-stopped-by = { $by ->
        [participant] you chose to stop here
       *[clinician] the clinician ended the session
    }
player-scenario-fault = the scenario file has a fault; run `mestring check` on it
player-answer-yes-no = answer y or n, then how likely it is now, e.g. "n 20"
player-add-likelihood = add how likely it is now, 0-100, e.g. "n 20"
player-typed-review = { $happened ->
        [yes] y
       *[no] n
    } { $likelihood }
player-type-scale = type a number on the scale
player-type-option = type the number of an answer
player-nothing-to-answer = nothing to answer right now (p pauses, q stops)

# Why a key press did nothing.
rejected-session-ended = the session has ended
rejected-paused = the session is paused
rejected-not-paused = the session is not paused
rejected-no-choice = no choice is offered now
rejected-no-such-option = there is no such option
rejected-no-rating = no rating is asked now
rejected-out-of-range = the rating is outside its scale
rejected-wrong-answer = that kind of answer does not fit this rating
rejected-no-such-level = the scenario has no such level
rejected-same-level = the session is already at that level
rejected-bad-intensity = cue intensity must be between 0 and 1
rejected-winding-down = the session is over: nothing more can be changed in it
rejected-calming = a calming pause is on: it ends by itself, or with the calming button
rejected-modelling = in a modelling run the peer answers; you watch
rejected-not-askable = only SUDS and VR sickness can be asked outside the schedule
rejected-no-marker = there is no marker yet to add a note to
reload-refused-unreadable = the new version cannot be read as a scenario
rejected-beat-gone = the new version has no beat of the id the session stands at
reload-refused-modelling = a modelling run cannot take a new version; it is taken at the next run
reload-refused-cast = it changes who is in the scenario; start a new run to take it
reload-refused-setting = it changes the room; start a new run to take it
reload-refused-levels = it changes the levels or their stress cues; start a new run to take it
reload-refused-ratings = it changes which ratings are asked when; start a new run to take it
reload-refused-outcomes = it changes the feared outcomes; start a new run to take it
