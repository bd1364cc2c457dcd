# Kommandolinjens egne ord: statuslinjer, tabelloverskrifter og feil, og
# feilene fra registreringene, rapportene, øktene, skriptene og lydene den
# skriver ut. Språket er $MESTRING_LANG, ellers lokaliteten (LC_ALL,
# LC_MESSAGES, LANG), ellers engelsk. $path er en fil eller mappe, $why
# systemets egen begrunnelse (på systemets språk), $problem en feil som
# allerede er satt ord på. Øktens «journal» (filen økten skrives til mens
# den pågår) heter øktlogg her, så den ikke forveksles med pasientjournalen.

cli-error = feil: { $problem }
cli-warning = advarsel: { $problem }
cli-note = merk: { $problem }

## Scenarioer og skript

cli-scenario-has-mistakes = scenarioet har feil; rett dem og prøv igjen
cli-cannot-read-script = kan ikke lese skriptet { $path }: { $why }
cli-no-scenario-files = fant ingen .ron-filer i { $paths }
cli-check-ok = i orden: { $path }

## play

cli-speed-out-of-range = --speed må være mellom 0,1 og 100
cli-cannot-read-expected = kan ikke lese den forventede transkripsjonen: { $why }
cli-cannot-write-transcript = kan ikke skrive transkripsjonen til { $path }: { $why }
cli-transcript-incomplete = transkripsjonen { $path } er ufullstendig: { $why }
cli-script-ran-out = skriptet tok slutt mens økten fortsatt ventet på et svar; økten ble stoppet
cli-reading-stdin = leser svar fra standard inn
cli-transcript-written = transkripsjon: { $path }
cli-transcript-matches = stemmer med { $path }
cli-transcript-differs = transkripsjonen avviker fra { $path } på linje { $line }:
cli-transcript-expected = forventet:
cli-transcript-actual = faktisk:
cli-transcript-bless = (hvis endringen er tilsiktet, godkjenn den: kopier { $path } over den forventede transkripsjonen)

## Registreringer

cli-imported =
    importerte økten { $session } ({ $events ->
        [one] 1 hendelse
       *[other] { $events } hendelser
    })
cli-imported-interrupted =
    importerte økten { $session } som avbrutt: den ble ikke avsluttet ({ $events ->
        [one] 1 hendelse beholdt
       *[other] { $events } hendelser beholdt
    }{ $damaged })
cli-imported-damaged = ; den siste linjen var skadet: { $why }
cli-import-failed = kunne ikke importere { $path }: { $problem }; filen blir liggende
cli-add-participant-first = { $problem }; legg deltakeren til først med: mestring participants add KODE
cli-cannot-read = kan ikke lese { $path }: { $why }
cli-cannot-start-journal = kan ikke starte øktloggen i { $path }: { $why }
cli-journal-may-be-incomplete = øktloggen { $path } kan være ufullstendig: { $why }
cli-journal-kept = { $problem }; øktloggen { $path } beholdes og importeres neste gang programmet starter
cli-recorded =
    registrerte økten { $session } ({ $events ->
        [one] 1 hendelse
       *[other] { $events } hendelser
    })

cli-no-participants = ingen deltakere ennå; legg til en med: mestring participants add P001
cli-participants-code = kode
cli-participants-sessions = økter
cli-participant-added = la til deltakeren { $code }
cli-note-language-missing = merk: { $code } har språket { $reads }, men scenarioet finnes ikke på det; det vises på { $shown }
cli-participants-lang = språk
cli-participant-reads = { $code } får { $lang } fra nå av
cli-unknown-language = programmet har tekst på nb (bokmål) og en (engelsk), ikke «{ $lang }»
cli-language-nb = bokmål
cli-language-en = engelsk
cli-remove-needs-yes = å fjerne { $code } sletter alt som er registrert om deltakeren; legg til --yes for å bekrefte
cli-remove-confirm = Dette sletter { $code } og alle øktene som er registrert for deltakeren. Skriv koden en gang til for å bekrefte:{" "}
cli-not-removed = ikke fjernet
cli-participant-removed =
    fjernet deltakeren { $code }: { $sessions ->
        [one] 1 økt
       *[other] { $sessions } økter
    }, { $events ->
        [one] 1 hendelse
       *[other] { $events } hendelser
    }, { $samples ->
        [one] 1 måling
       *[other] { $samples } målinger
    }, { $questionnaires ->
        [one] 1 spørreskjema
       *[other] { $questionnaires } spørreskjemaer
    }, { $journals ->
        [one] 1 øktlogg
       *[other] { $journals } øktlogger
    }

cli-rtw-se-stored = lagret RTW-SE for { $code }: gjennomsnitt { $mean }
cli-no-questionnaires = ingen spørreskjemaer er lagret for { $code }
cli-rtw-se-answered = besvart
cli-rtw-se-label = merkelapp
cli-rtw-se-mean = snitt
cli-rtw-se-reference = (i den norske valideringen hang et gjennomsnitt på { $reference } eller mer sammen med full retur til arbeid)
cli-rtw-expect-stored = lagret forventningen om å komme tilbake i jobb for { $code }: { $answer }
cli-no-rtw-expectations = ingen forventning om å komme tilbake i jobb er lagret for { $code } ennå

cli-no-sessions = ingen økter er registrert ennå
cli-sessions-session = økt
cli-sessions-participant = deltaker
cli-sessions-scenario = scenario
cli-sessions-level = nivå
cli-sessions-minutes = minutter
cli-sessions-status = status
cli-sessions-events = hendelser
cli-sessions-sampling = vist { $from ->
        [headset] i hodesett; { $samples } målinger av hodet fra hodesettets sporing
       *[desktop] i vindu på skjermen; { $samples } målinger av hodet fra skjermvisningen
    }, { $rate } i sekundet
cli-sessions-sampling-slow = vist { $from ->
        [headset] i hodesett; { $samples } målinger av hodet fra hodesettets sporing
       *[desktop] i vindu på skjermen; { $samples } målinger av hodet fra skjermvisningen
    }, { $rate } i sekundet; { $asked } var bedt om, men bildefrekvensen var lavere

cli-export-needs-what = oppgi --participant KODE eller --session ID
cli-exported =
    eksporterte { $events ->
        [one] 1 hendelse
       *[other] { $events } hendelser
    } til { $path }

cli-propose-automatic = (scenarioet tillater at dette steget tas uten behandleren)

## debrief

cli-goal-saved = delmålet er lagret for økten { $id }: { $goal }
cli-learned-saved = hva deltakeren lærte, er lagret for økten { $id }
cli-goal-reported = delmålet fra økten { $id } er rapportert som { $done ->
        [yes] gjennomført
       *[no] ikke gjennomført
    }
cli-report-written = skrev { $path }; åpne den i en nettleser for å lese den sammen, skrive den ut eller lagre den som PDF
cli-cannot-make-folder = kan ikke lage mappen { $path }: { $why }
cli-report-languages = rapporten kan skrives på nb (bokmål) eller en (engelsk), ikke «{ $lang }»

## render-audio

cli-audio-written = skrev { $path }: { $seconds } s av { $scenario } på nivå { $level } (frø { $seed }), { $lufs } LUFS integrert ({ $loudness } dBFS RMS), { $onsets ->
        [one] 1 anslag
       *[other] { $onsets } anslag
    }
cli-audio-cannot-make-folder = kan ikke lage mappen { $path }: { $why }
cli-audio-rendering-level = lager nivå { $level } av { $levels } …
cli-audio-levels-heading = Lydstyrke for { $scenario }, { $seconds } s per nivå (frø { $seed }), integrert (EBU R 128):
cli-audio-level-row = nivå { $level }: { $lufs } LUFS ({ $step } LU mot nivå 1), { $loudness } dBFS RMS, { $onsets ->
        [one] 1 anslag
       *[other] { $onsets } anslag
    }: { $path }

## Feil i registreringene (deltakerkoder, databasen, øktlogger, eksport)

error-code-length = en deltakerkode må være 2 til 32 tegn lang
error-code-characters = «{ $code }» kan bare inneholde bokstavene A–Z, sifre, - og _
error-code-identity-number = «{ $code }» ser ut som et fødselsnummer (11 sifre); bruk en pseudonymisert kode som P017, og oppbevar koblingsnøkkelen et annet sted
error-code-email = «{ $code }» ser ut som en e-postadresse; bruk en pseudonymisert kode som P017

error-store-folder = kan ikke bruke datamappen { $path }: { $why }
error-store-database = databasen i { $path } kan ikke åpnes eller oppdateres: { $why }
error-store-too-new = databasen i { $path } er laget av en nyere versjon av mestring (skjema { $found }; denne versjonen kjenner { $known }); oppdater mestring
error-store-no-participant = det finnes ingen deltaker med koden { $code }{ $nearest }
error-store-participant-exists = det finnes allerede en deltaker med koden { $code }
error-store-no-session = det finnes ingen økt med ID-en { $id }{ $nearest }
error-store-already-imported = økten { $id } er allerede lagret
error-store-bad-snapshot = scenarioet som er lagret i øktloggen { $path }, kan ikke leses; øktloggen blir liggende der den er
error-note-empty = { $note ->
        [goal] delmålet
       *[learned] notatet om hva deltakeren lærte,
    } er tomt; skriv det med noen få ord
error-note-too-long = { $note ->
        [goal] delmålet
       *[learned] notatet om hva deltakeren lærte,
    } er på { $chars } tegn; hold det til høyst { $max }
error-no-goal = økten { $id } har ikke noe delmål å rapportere om; sett et med --goal
# Etter «det finnes ingen deltaker med koden P530»: de kjente kodene som ligner mest.
nearest = ; nærmest: { $names }

error-journal-io = kan ikke lese øktloggen { $path }: { $why }
error-journal-no-header = øktloggen { $path } har ingen lesbar innledning ({ $why }); den er ikke en øktlogg fra mestring, eller den ble avbrutt før første linje

error-rtw-se-count = spørreskjemaet har { $items } spørsmål; { $given ->
        [one] det ble gitt 1 svar
       *[other] det ble gitt { $given } svar
    }
error-rtw-se-value = spørsmål { $item }: «{ $value }» er ikke et svar fra 1 til 6
error-rtw-expect-answer = «{ $given }» er ikke ett av svarene: { $answers }

error-export-write = kan ikke skrive eksporten: { $why }

## Feil i rapporter, økter, kjøringer og lyd

error-report-render = rapporten kan ikke lages: { $why }
error-report-write = kan ikke skrive rapporten til { $path }: { $why }

error-no-such-level = nivå { $level } finnes ikke; dette scenarioet har nivå 1 til { $max }
error-no-start-beat = startsteget «{ $beat }» finnes ikke
error-no-peer = «{ $scenario }» har ingen kollega som kan vise veien i en modelløkt: legg til `peer: (name: "...")` i scenarioet (se docs/scenario-format.md)
error-no-such-language = scenarioet er ikke skrevet på «{ $lang }»; det finnes på { $have }
error-window-exit = vinduet ble lukket med en feil (kode { $code })

error-sound-length = kan ikke lage { $seconds } sekunder lyd; oppgi en lengde fra 0 til { $max } sekunder
error-sound-write = kan ikke skrive { $path }: { $why }
error-sound-read = kan ikke lese { $path }: { $why }
error-sound-recording = lyden { $path } kan ikke brukes: { $why }
error-sound-not-wav = { $path } er ikke en WAV-fil dette programmet kan lese: { $why }

## Feil i et skript med svar (`play --script`): skriptets egne ord (choose,
## rate, by clinician, ...) står som de er.

error-script-line = skriptlinje { $line }: { $problem }
error-script-seconds-missing = { $what }: et antall sekunder mangler
error-script-not-seconds = { $what }: «{ $word }» er ikke et antall sekunder (0 til 86400)
error-script-number-missing = { $what }: et tall mangler
error-script-not-number = { $what }: «{ $word }» er ikke et gyldig tall
error-script-action-missing = en handling mangler etter `after`
error-script-expected-by = ventet ingenting eller «by clinician» etter { $verb }
error-script-options-from-one = svaralternativene er nummerert fra 1
error-script-review-word = review: ventet «happened» eller «not-happened», fant { $found }
error-script-ask-word = ask: ventet suds eller cybersickness, fant { $found }
error-script-nothing = ingenting
error-script-cue-missing = cue: navnet på et stressinnslag mangler
error-script-unknown-cue = cue: ukjent stressinnslag «{ $name }»; stressinnslagene er: { $cues }
error-script-not-intensity = cue: «{ $word }» er ikke en styrke fra 0 til 1
error-script-unknown-action = ukjent handling «{ $word }»; handlingene er { $actions }

## clinic

cli-clinic-no-scenario = { $scenario } er verken et scenario som følger med, eller et i klinikkens mappe (se --scenarios)
cli-no-window = denne utgaven har ikke noe vindu og dermed ingen startskjerm; `mestring --help` viser kommandoene
error-rtw-se-form-unreadable = kan ikke lese RTW-SE-skjemaet { $file }: { $why }
error-rtw-se-form-syntax = { $file }:{ $line }:{ $col }: RTW-SE-skjemaet kan ikke leses: { $why }
error-rtw-se-form-items = { $file }: RTW-SE-skjemaet skal ha { $items } utsagn; det har { $given }
error-rtw-se-form-anchors = { $file }: RTW-SE-skjemaet skal ha { $anchors } svaralternativer (1 til { $anchors }); det har { $given }
error-rtw-se-form-empty = { $file }: { $what } i RTW-SE-skjemaet er tom
cli-reference-written = skrev { $path }: { $seconds } s av en stemme på { $lufs } LUFS, lydnivåreferansen. Spill den av i hodesettet og still lydstyrken slik at den høres ut som en kollega på andre siden av bordet som snakker med vanlig stemme.
cli-reference-seconds = --seconds må være fra 1 til 600
