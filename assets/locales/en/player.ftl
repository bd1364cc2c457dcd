# What the participant reads around the scenario: the terminal player, the
# in-world rating panel, the status bar and the pause card. Nothing here may
# word stopping as a failure.

player-controls = (p = pause, r = resume, q = stop, at any time)
player-choose = type the number of your answer
player-seconds-left = seconds to answer
player-review-hint = answer like "y 20" (it happened, 20 %) or "n 10"
player-time-up = time is up - someone checks the clock
player-silence-taken = the silence counts as an answer
player-complete = the scenario is complete
player-yes = Yes
player-no = No
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
pause-hint-keys = Esc goes on, Q stops
pause-hint-headset = The menu button goes on. Point at a button and pull the trigger.
