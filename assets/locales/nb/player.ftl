# What the participant reads around the scenario: the terminal player, the
# in-world rating panel, the status bar and the pause card. Nothing here may
# word stopping as a failure.

player-controls = (p = pause, r = fortsett, q = avslutt, b = pustepause, når som helst; hopp = la en vurdering stå ubesvart)
player-choose = skriv nummeret på svaret
player-seconds-left =
    ({ $seconds ->
        [one] 1 sekund
       *[other] { $seconds } sekunder
    } til å svare)
player-review-hint = svar f.eks. «j 20» (det skjedde, 20 %) eller «n 10»
player-time-up = tiden er ute – noen ser på klokka
player-silence-taken = stillheten regnes som et svar
player-complete = scenarioet er fullført
player-yes = Ja
player-no = Nei
player-yes-no-keys = (J / N)
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
pause-hint-keys = Esc fortsetter, B gir en pustepause, Q avslutter
pause-hint-headset = Menyknappen fortsetter. Pek på en knapp og trykk på avtrekkeren.
pause-calm = Pust rolig
calming-title = Pustepause
calming-breathe-in = Pust inn
calming-breathe-out = Pust ut
calming-hint-keys = Følg sirkelen: pust inn mens den vokser, og ut mens den krymper. B eller Esc avslutter pusteøvelsen før tiden.
calming-hint-headset = Følg sirkelen: pust inn mens den vokser, og ut mens den krymper. Menyknappen avslutter pusteøvelsen før tiden.

# The terminal player's running commentary. $time is the session clock.
player-cue = [{ $time }] * { $cue }
player-cue-by = [{ $time }] * { $cue } ({ $name })
player-level = [{ $time }] nivå { $from } → { $to }
player-paused-by = [{ $time }] { $by ->
        [participant] du tok pause
       *[clinician] behandleren satte økten på pause
    } (r fortsetter, q avslutter)
player-resumed-by = [{ $time }] { $by ->
        [participant] du fortsatte
       *[clinician] behandleren fortsatte økten
    }
player-marker = [{ $time }] merknad: { $note }
player-marker-noted = [{ $time }] tekst til forrige merknad: { $note }
player-rating-skipped = [{ $time }] { $rating }: hoppet over, økten fortsetter
player-calming = [{ $time }] Pustepause: alt står stille.
player-breathing = [{ $time }] Pust inn i { $inhale } sekunder og ut i { $exhale }, { $breaths } ganger. (b avslutter før tiden)
player-breathing-ended = [{ $time }] Pusteøvelsen er ferdig.
player-calming-ended = [{ $time }] Pustepausen er over; økta fortsetter der den stod.
player-modelling = [{ $time }] En modelløkt: { $name } sitter på plassen din og svarer. Du ser hvordan det går; du trenger ikke gjøre noe.
player-modelling-status = Modelløkt: se hvordan det går
player-end = [{ $time }] == slutt: { $why } ==
player-recovery = Økta er over. Bli sittende en liten stund, pust rolig og se deg rundt i rommet. Om litt blir du spurt hvordan du har det nå.
player-stopped-by = { $by ->
        [participant] du valgte å stoppe her
       *[clinician] behandleren avsluttet økten
    }
player-scenario-fault = scenariofilen har en feil; kjør «mestring check» på den
player-answer-yes-no = svar j eller n, så hvor sannsynlig det er nå, f.eks. «n 20»
player-add-likelihood = legg til hvor sannsynlig det er nå, 0–100, f.eks. «n 20»
player-typed-review = { $happened ->
        [yes] j
       *[no] n
    } { $likelihood }
player-type-scale = skriv et tall på skalaen
player-type-option = skriv nummeret på et svar
player-nothing-to-answer = ingenting å svare på akkurat nå (p tar pause, q avslutter)

# Why a key press did nothing.
rejected-session-ended = økten er avsluttet
rejected-paused = økten står på pause
rejected-not-paused = økten står ikke på pause
rejected-no-choice = det er ikke noe valg å ta nå
rejected-no-such-option = det svaret finnes ikke
rejected-no-rating = det blir ikke spurt om noen vurdering nå
rejected-out-of-range = tallet er utenfor skalaen
rejected-wrong-answer = den typen svar passer ikke til denne vurderingen
rejected-no-such-level = scenarioet har ikke det nivået
rejected-same-level = økten er allerede på det nivået
rejected-bad-intensity = styrken på et stressinnslag må være mellom 0 og 1
rejected-winding-down = økta er over, og ingenting mer kan endres i den
rejected-calming = en pustepause pågår: den slutter av seg selv, eller med pusteknappen
rejected-modelling = i en modelløkt er det kollegaen som svarer; du ser på
rejected-not-askable = bare SUDS og uvelhet i VR kan spørres om utenom planen
rejected-no-marker = det er ingen merknad ennå å legge tekst til
reload-refused-unreadable = den nye versjonen kan ikke leses som et scenario
rejected-beat-gone = den nye versjonen har ikke noe steg med id-en økten står ved
reload-refused-modelling = en modelløkt kan ikke ta i bruk en ny versjon; den tas i bruk ved neste økt
reload-refused-cast = den endrer hvem som er med i scenarioet; start en ny økt for å ta den i bruk
reload-refused-setting = den endrer rommet; start en ny økt for å ta den i bruk
reload-refused-levels = den endrer nivåene eller stressinnslagene deres; start en ny økt for å ta den i bruk
reload-refused-ratings = den endrer hvilke vurderinger som spørres om når; start en ny økt for å ta den i bruk
reload-refused-outcomes = den endrer det deltakeren frykter skal skje; start en ny økt for å ta den i bruk
