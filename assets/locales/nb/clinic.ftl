# Startskjermen (`mestring`, `mestring clinic`): hvem som øver, hvilket
# scenario, på hvilket nivå, og hva forrige økt ble.

clinic-heading = mestring: start en økt
clinic-participants = Deltaker
clinic-no-participants = Ingen deltakere ennå. Legg til en med en kode (ingen navn, ingen fødselsnumre).
clinic-new-code = Ny kode
clinic-add = Legg til
clinic-participant-added = Deltaker { $code } er lagt til.
clinic-runs =
    { $count ->
        [0] ingen økter ennå
        [one] én økt
       *[other] { $count } økter
    }
clinic-scenarios = Scenario
clinic-shipped = følger med
clinic-own = klinikkens egen
clinic-ready = klar
clinic-ready-warnings =
    klar, { $count ->
        [one] én advarsel
       *[other] { $count } advarsler
    } (mestring check sier hvilke)
clinic-broken = kan ikke startes: kontrollen fant feil
clinic-no-scenarios = Fant ingen scenariofiler i { $folders }.
clinic-level = Nivå
clinic-proposal = Forslag: { $headline }
clinic-take-proposal = Velg nivå { $level }
clinic-no-proposal = Velg en deltaker og et scenario for å se forslaget ut fra øktene deres.
clinic-language = Deltakerens språk
clinic-modelling = Modelløkt: { $peer } sitter på deltakerens plass og gir modellsvarene
clinic-headset = Vises i: { $mode }
clinic-start = Start økten
clinic-refresh = Se etter filer og økter på nytt
clinic-not-ready-running = En økt pågår i øktvinduet.
clinic-not-ready-participant = Velg en deltaker først.
clinic-not-ready-scenario = Velg et scenario først.
clinic-not-ready-broken = { $scenario } har feil og kan ikke startes; meldingene står under det.
clinic-not-ready-no-peer = { $scenario } har ingen kollega for en modelløkt.
clinic-running = Pågår: { $participant }, { $scenario } på nivå { $level }. Øktvinduet har konsollen; lukk det eller stopp økten for å komme tilbake hit.
clinic-last-run = Forrige økt
clinic-summary-what = { $title }, { $kind }
clinic-summary-level = nivå { $level }
clinic-summary-levels = nivå { $from } til { $to }
clinic-run-unrecorded = Økten sluttet før noe ble tatt opp.
clinic-run-not-started = Økten kunne ikke startes: { $why }
clinic-run-failed = Økten sluttet med en feil: { $why }
clinic-write-debrief = Skriv rapporten til gjennomgangen
clinic-open-debrief = Åpne rapporten til gjennomgangen
clinic-report-written = Rapporten til gjennomgangen er skrevet: { $path }
clinic-cannot-open = Rapporten kunne ikke åpnes her ({ $why }); åpne { $path } i en nettleser.
clinic-own-folder = Klinikkens egne scenarioer leses fra { $folder }.
clinic-screen-language = Skjermspråk
