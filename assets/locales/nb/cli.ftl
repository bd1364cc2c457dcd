# Ordene i feilene kommandolinjen skriver ut: fra registreringene,
# rapportene, øktene, skriptene og lydene. $path er en fil eller mappe, $why
# systemets egen begrunnelse (på systemets språk), $problem en feil som
# allerede er satt ord på. Øktens «journal» (filen økten skrives til mens
# den pågår) heter øktlogg her, så den ikke forveksles med pasientjournalen.

## Feil i registreringene (deltakerkoder, databasen, øktlogger, eksport)

error-code-length = en deltakerkode må være 2 til 32 tegn lang
error-code-characters = «{ $code }» kan bare inneholde bokstavene A–Z, sifre, - og _
error-code-identity-number = «{ $code }» ser ut som et fødselsnummer (11 sifre); bruk en pseudonym kode som P017, og oppbevar koblingsnøkkelen et annet sted
error-code-email = «{ $code }» ser ut som en e-postadresse; bruk en pseudonym kode som P017

error-store-folder = kan ikke bruke datamappen { $path }: { $why }
error-store-database = databasen i { $path } kan ikke åpnes eller oppdateres: { $why }
error-store-too-new = databasen i { $path } er laget av en nyere mestring (skjema { $found }, denne kjenner { $known }); oppdater mestring
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

error-export-write = kan ikke skrive eksporten: { $why }

## Feil i rapporter, økter, kjøringer og lyd

error-report-render = rapporten kan ikke lages: { $why }
error-report-write = kan ikke skrive rapporten til { $path }: { $why }

error-no-such-level = nivå { $level } finnes ikke; dette scenarioet har nivå 1 til { $max }
error-no-start-beat = startsteget «{ $beat }» finnes ikke
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
error-script-nothing = ingenting
error-script-cue-missing = cue: navnet på et stressinnslag mangler
error-script-unknown-cue = cue: ukjent stressinnslag «{ $name }»; stressinnslagene er: { $cues }
error-script-not-intensity = cue: «{ $word }» er ikke en styrke fra 0 til 1
error-script-unknown-action = ukjent handling «{ $word }»; handlingene er { $actions }
