# The debrief reports' fixed words: the headings, labels and short phrases
# of the session report and the programme overview. The templates read each
# `debrief-foo-bar` as `words.foo_bar`; the code asks for a few by id.

# Headings and labels of the session report.

debrief-session-title = Gjennomgang etter økten
debrief-programme-title = Oversikt over programmet
debrief-participant = Deltaker
debrief-date = Dato
debrief-level = Nivå
debrief-length = Lengde
debrief-shown-in = Vist i
debrief-terminal = terminalen (uten bilde)
debrief-in-headset = hodesett
debrief-in-window = vindu på skjermen
debrief-missing-heading = Dette mangler i rapporten
debrief-timeline = Tidslinje
debrief-timeline-intro = Stress (SUDS) og mestringstro over øktens tid, med det som skjedde underveis.
debrief-suds = Stress (SUDS)
debrief-time = Tid
debrief-what = Hva
debrief-value = Verdi
debrief-details = Tallene bak figuren
debrief-minutes-axis = minutter inn i økten
debrief-paused-span = pause
debrief-legend-cue = stressinnslag
debrief-legend-level = nivå endret
debrief-legend-marker = merknad
debrief-legend-choice = valg
debrief-legend-silence = stillhet
debrief-level-completed = nivå fullført (høyre akse)
debrief-expectancy = Det du ventet, og det som skjedde
debrief-no-expectancy = Ingen forventning ble vurdert i denne økten.
debrief-no-self-efficacy = Ingen mestringstro ble vurdert i denne økten.
debrief-learned = Det du lærte
debrief-learned-question = Hva lærte du av det som skjedde, sammenlignet med det du ventet?
debrief-behaviour = Hva du gjorde
debrief-looking = Blikk
debrief-person = Person
debrief-eye-contact-all = Blikkontakt mens personen var til stede
debrief-eye-contact-speaking = Blikkontakt mens personen snakket
debrief-not-measured = ikke målt
debrief-gaze-away-heading = Blikket borte fra ansiktene i mer enn 3 s
debrief-choices = Valgene dine
debrief-question = Når
debrief-answer = Svaret ditt
debrief-latency = Betenkningstid
debrief-shows = Viser
debrief-no-choices = Ingen valg ble tatt i denne økten.
debrief-silences = Når du lot være å svare
debrief-mastery = Mestringstro før og etter
debrief-mastery-intro = Hvor sikker du var på at du kan … (0–100), første og siste gang i økten.
debrief-statement = Du kan …
debrief-before = Før
debrief-after = Etter
debrief-reflection = Refleksjon
debrief-reflection-intro = Spørsmålene fra scenarioet, ordnet etter de fire kildene til mestringstro, med det i opptaket som kan hjelpe samtalen.
debrief-from-the-record = Fra opptaket
debrief-next-step = Neste steg
debrief-next-step-question = Hvilken utfordring tar du på deg denne uken?
debrief-goal-agreed = Avtalt delmål
debrief-goal-blank = Ikke skrevet inn ennå.
debrief-last-goal = Delmålet fra forrige gang
debrief-goal-done = gjort
debrief-goal-not-done = ikke gjort ennå
debrief-goal-not-reported = ikke fulgt opp ennå

# The programme overview.

debrief-runs = Øktene
debrief-scenario = Scenario
debrief-ended = Slutt
debrief-kind = Type
debrief-practice = øving
debrief-peak-suds = Høyeste SUDS
debrief-run-self-efficacy = Mestringstro
debrief-progression = Utvikling per scenario
debrief-run-number = økt nr.
debrief-highest-level-completed = Høyeste nivå fullført
debrief-rtw-se = Mestringstro for å komme tilbake i arbeid (RTW-SE)
debrief-rtw-se-none = Ingen RTW-SE er registrert ennå.
debrief-answered = Besvart
debrief-label = Merket
debrief-mean = Snitt
debrief-against-reference = Mot referansen
debrief-at-or-above = på eller over
debrief-below = under
debrief-goals = Delmål
debrief-goal = Delmål
debrief-set-after = Satt etter
debrief-reported = Status
debrief-no-runs = Ingen økter er registrert ennå.
debrief-no-goals = Ingen delmål er satt ennå.

# The foot of both reports.

debrief-made-by = Rapporten er laget av mestring fra opptaket på denne maskinen. Den inneholder helseopplysninger: oppbevar og del den som annen pasientinformasjon.
