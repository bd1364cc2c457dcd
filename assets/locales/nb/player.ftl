# What the participant reads around the scenario: the terminal player, the
# in-world rating panel, the status bar and the pause card. Nothing here may
# word stopping as a failure.

player-controls = (p = pause, r = fortsett, q = avslutt, når som helst)
player-choose = skriv nummeret på svaret
player-seconds-left = sekunder til å svare
player-review-hint = svar f.eks. «j 20» (det skjedde, 20 %) eller «n 10»
player-time-up = tiden er ute – noen ser på klokka
player-silence-taken = stillheten regnes som et svar
player-complete = scenarioet er fullført
player-yes = Ja
player-no = Nei
player-confirm = OK
player-paused = pause
player-ended = avsluttet
player-enter-closes = Enter lukker vinduet
pause-title = Pause
pause-body =
    Alt står stille. Ta den tiden du trenger.
    Du kan fortsette når du er klar, eller avslutte her. Begge deler er helt greit.
pause-go-on = Fortsett
pause-stop-here = Avslutt her
pause-hint-keys = Esc fortsetter, Q avslutter
pause-hint-headset = Menyknappen fortsetter. Pek på en knapp og trykk på avtrekkeren.
