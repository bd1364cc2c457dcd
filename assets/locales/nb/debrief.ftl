# The debrief reports' words: the fixed headings, labels and short phrases
# of the session report and the programme overview, and the sentences with
# figures in them. The templates read each fixed word `debrief-foo-bar` as
# `words.foo_bar`; the code asks for the rest by id. Numbers with decimals,
# percentages, lengths of time, clock times and dates come written already
# in the language's own way ($chance "70 %", $when "4 min 12 s", $at "4:07").

# Headings and labels of the session report.

debrief-session-title = Gjennomgang etter økten
debrief-programme-title = Oversikt over forløpet
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
debrief-timeline-intro = Ubehag (SUDS) og mestringstro gjennom økten, med det som skjedde underveis.
debrief-cybersickness =
    Du vurderte uvelhet i VR (FMS, 0 til 20) { $asked ->
        [one] én gang
       *[other] { $asked } ganger
    }; den var høyest ved { $at } ({ $peak }).
debrief-suds = Ubehag (SUDS)
debrief-time = Tid
debrief-what = Hva
debrief-value = Verdi
debrief-details = Tallene bak figuren
debrief-minutes-axis = minutter fra start
debrief-paused-span = pause
debrief-legend-cue = stressinnslag
debrief-legend-level = nivå endret
debrief-legend-marker = merknad
debrief-legend-choice = valg
debrief-legend-silence = stillhet
debrief-level-completed = nivå fullført (høyre akse)
debrief-expectancy = Det du forventet, og det som skjedde
debrief-no-expectancy = Ingen forventning ble vurdert i denne økten.
debrief-no-self-efficacy = Ingen mestringstro ble vurdert i denne økten.
debrief-learned = Det du lærte
debrief-learned-question = Hva lærte du av det som skjedde, sammenlignet med det du forventet?
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
debrief-silences = Når du var stille
debrief-mastery = Mestringstro før og etter
debrief-mastery-intro = Hvor sikker du var på at du kan … (0–100), første og siste gang i økten.
debrief-statement = Du kan …
debrief-before = Før
debrief-after = Etter
debrief-reflection = Refleksjon
debrief-reflection-intro = Spørsmålene fra scenarioet, ordnet etter de fire kildene til mestringstro, med det i opptaket som kan hjelpe samtalen.
debrief-from-the-record = Fra opptaket
debrief-next-step = Neste steg
debrief-next-step-question = Hvilken utfordring tar du på deg denne uka?
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
debrief-modelling = modelløkt
debrief-run = Økt
run-practice = øvingsøkt
run-modelling = en modelløkt: { $peer } satt på plassen din og ga modellsvarene mens du så på
moment-modelled-before = { $count ->
        [one] Du så en kollega håndtere dette scenarioet i en modelløkt før denne.
       *[other] Du så en kollega håndtere dette scenarioet i { $count } modelløkter før denne.
    }
moment-watched = Du så { $peer } håndtere nivå { $level } av dette scenarioet.
debrief-peak-suds = Høyeste SUDS
debrief-run-self-efficacy = Mestringstro
debrief-progression = Utvikling per scenario
debrief-run-number = økt nr.
debrief-highest-level-completed = Høyeste nivå fullført
debrief-rtw-se = Mestringstro for å komme tilbake i arbeid (RTW-SE)
debrief-rtw-se-none = Ingen RTW-SE er registrert ennå.
debrief-rtw-expectation = Forventet tid før du er tilbake i jobb
debrief-rtw-expectation-none = Ingen forventning om å komme tilbake i jobb er registrert ennå.
debrief-expected = Forventet
debrief-answered = Besvart
debrief-label = Merkelapp
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

debrief-made-by = Rapporten er laget av programmet mestring ut fra opptaket på denne maskinen. Den inneholder helseopplysninger: oppbevar og del den som andre pasientopplysninger.

# The four sources of self-efficacy, as the reflection's headings.

source-mastery = Egen mestring
source-vicarious = Å se andre mestre
source-feedback = Tilbakemeldinger
source-physiological = Kroppens signaler

# A feared outcome: what was expected before the session ($chance), then
# ($afterwards) one of the three sentences after it.

expected-rated = Før økten anslo du { $chance } sjanse for at { $outcome }.{ $afterwards }
expected-not-asked = Du ble ikke spurt før økten om hvor sannsynlig det var at { $outcome }.{ $afterwards }
expected-happened = { " " }Det skjedde. Nå anslår du sjansen til { $chance }.
expected-did-not-happen = { " " }Det skjedde ikke. Nå anslår du sjansen til { $chance }.
expected-not-rated-again = { " " }Etterpå ble det ikke vurdert på nytt.
# Hva registreringen av økten viser, for et utfall scenarioet kan se.
expected-seen = { " " }Registreringen av økten viser at det skjedde ved { $when }.
expected-not-seen = { " " }Registreringen av økten viser ikke noe tegn på det.

# How the session ended, never as a failure. $last_suds is ending-last-suds,
# or nothing when no SUDS was given before the end.

ending-completed = Du gjennomførte hele scenarioet ({ $when }).
ending-stopped-by-participant = Du valgte å stoppe etter { $when }. Å kjenne etter og stoppe er en del av øvingen, og det viser hvor grensen gikk i dag.{ $last_suds }
ending-stopped-by-clinician = Økten ble avsluttet av behandleren etter { $when }.{ $last_suds }
ending-scenario-fault = Økten stoppet etter { $when } fordi scenariofilen ikke førte videre. Det skyldes filen, ikke deg.{ $last_suds }
ending-interrupted = Opptaket stopper etter { $when }: programmet ble avbrutt før økten var ferdig. Alt fram til da er med.
ending-last-suds = { " " }Siste SUDS-vurdering før slutt: { $suds }.
# SUDS once more, after the calm phase that ends every run.
ending-after-calm = { " " }Etter den rolige avslutningen: { $suds }.

# The ending in a word or two, for tables.

ending-short-completed = gjennomført
ending-short-stopped-by-participant = stoppet selv
ending-short-stopped-by-clinician = avsluttet av behandler
ending-short-scenario-fault = stoppet av en feil i scenariofilen
ending-short-interrupted = avbrutt

# What the RTW-SE score is, with the reference mean ($reference) as orientation.

rtw-se-intro = Gjennomsnitt av 11 spørsmål (1–6). Et snitt på { $reference } eller mer hang sammen med full retur til arbeid i den norske valideringen (Gjengedal mfl. 2021). Det er en pekepinn, ikke en dom.

# Looking: $share is a percentage, $longest seconds.

gaze-share = Du så på { $name } i { $share } av tiden { $name } snakket.
gaze-away =
    { $count ->
        [0] Blikket var aldri borte fra ansiktene i mer enn 3 sekunder.
        [one] Én gang, i { $longest }.
       *[other] { $count } ganger, den lengste { $longest }.
    }

# One event on the timeline, in plain words.

mark-suds = SUDS
mark-self-efficacy = mestringstro: { $statement }
mark-cue = stressinnslag: { $cue }
mark-level = nivå { $from } → { $to }
mark-choice = valg: «{ $option }»
mark-silence = stillhet
mark-paused-by-participant = pause (du)
mark-paused-by-clinician = pause (behandler)
mark-resumed = fortsatte
mark-calming-by-participant = pustepause (du)
mark-calming-by-clinician = pustepause (behandler)
mark-marker = merknad: { $note }
mark-rating-skipped = { $rating }: hoppet over av behandleren
mark-end = slutt

# What the record says for one source of self-efficacy. Choices are told as
# what was done, never as a score: with none of them an approach
# (moment-answers), the sentence says only how many answers there were.

moment-answers =
    { $total ->
        [one] Du ga ett svar i økten.
       *[other] Du ga { $total } svar i økten.
    }
moment-answers-approach =
    { $total ->
        [one] Du ga ett svar i økten, og i det sa du tydelig fra, satte en grense, ba om hjelp eller delte åpent.
       *[other] Du ga { $total } svar i økten; i { $shown } av dem sa du tydelig fra, satte en grense, ba om hjelp eller delte åpent.
    }
moment-ended = Økten: { $ending }.
moment-no-modelling = Ingen modelløkt (å se en kollega gjøre det) er tatt opp for dette scenarioet.
moment-marker = Merknad ved { $at }: { $note }
moment-peak = SUDS var høyest ved { $at } ({ $value }). Neste gang du ble spurt, ved { $next_at }, var den { $next_value }.
moment-peak-last = SUDS var høyest ved { $at } ({ $value }); du ble ikke spurt igjen etter det.
moment-calming = Ved { $at } tok du en pustepause: SUDS { $before } før pusteøvelsen, { $after } etter den.
moment-calming-unrated = Ved { $at } tok du en pustepause.
moment-pauses =
    { $count ->
        [one] Du tok én pause underveis.
       *[other] Du tok { $count } pauser underveis.
    }
moment-clinician-pauses =
    { $count ->
        [one] Behandleren satte økten på pause én gang.
       *[other] Behandleren satte økten på pause { $count } ganger.
    }

# Why part of the report is empty.

missing-no-ratings = Ingen vurderinger (SUDS, mestringstro) ble gitt i denne økten.
missing-no-samples = Ingen blikkdata: økten ble kjørt i terminalen, uten bilde, så blikk og hode ble ikke målt.
missing-no-samples-recorded = Ingen blikkdata ble tatt opp i denne økten.
missing-interrupted = Økten ble avbrutt (programmet stoppet uten å avslutte); opptaket fram til da er med.
missing-damaged = Den siste linjen i opptaket var skadet og er ikke med.

# A month's name in a date, by its number (1 to 12).

month =
    { $month ->
        [1] januar
        [2] februar
        [3] mars
        [4] april
        [5] mai
        [6] juni
        [7] juli
        [8] august
        [9] september
        [10] oktober
        [11] november
       *[12] desember
    }
