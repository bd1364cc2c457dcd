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

# RTW-SE, fylt ut på startskjermen.
clinic-rtw-se-open = Fyll ut RTW-SE og forventet retur
clinic-rtw-se-taken = RTW-SE så langt:
clinic-rtw-se-none = Ingen RTW-SE ennå.
clinic-rtw-se-row = { $date }, { $label }: snitt { $mean }
clinic-rtw-se-no-label = uten merkelapp
clinic-rtw-se-for = RTW-SE og forventet retur for { $code }
clinic-rtw-se-when = Tatt ved
clinic-rtw-se-start = start av programmet
clinic-rtw-se-end = slutt på programmet
clinic-rtw-se-other = annet:
clinic-rtw-se-answered = { $count } av { $items } utsagn besvart
clinic-rtw-se-mean = Snitt { $mean }. Referanse: i den norske valideringen hang et snitt på { $reference } eller mer sammen med full retur til arbeid; det er til orientering, ikke en dom.
clinic-rtw-se-save = Lagre svarene
clinic-rtw-se-close = Legg bort uten å lagre
clinic-rtw-se-topics = Utsagnene er temaer med mestrings egne ord, ikke de publiserte utsagnene.
clinic-rtw-se-clinic-copy = Utsagn fra klinikkens egen kopi: { $path }
clinic-rtw-se-broken = RTW-SE kan ikke fylles ut: { $why }
clinic-rtw-se-missing =
    { $count ->
        [one] Utsagn { $items } er ikke besvart ennå.
       *[other] Utsagn { $items } er ikke besvart ennå.
    }
clinic-rtw-se-stored = RTW-SE lagret for { $code }: snitt { $mean } (referanse { $reference }).
clinic-rtw-expect-heading = Forventet retur til arbeid
clinic-rtw-expect-stored = Forventet retur lagret for { $code }: { $answer }.
clinic-rtw-expect-taken = Forventet retur så langt:
clinic-rtw-expect-row = { $date }, { $label }: { $answer }
clinic-rtw-nothing = Ingenting er besvart ennå.
clinic-rtw-either = RTW-SE lagres bare når alle spørsmålene er besvart; forventet retur kan lagres alene.
