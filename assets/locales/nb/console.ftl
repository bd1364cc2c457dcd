# The clinician's console beside the participant's view, and where the run is
# shown (also the window's status line).

console-heading = Behandler
console-language = Språk på konsollen
mode-headset = hodesett ({ $system } via { $runtime })
mode-desktop = vindu på skjermen ({ $why })
no-headset-asked = --desktop ble gitt
no-headset-unattended = ingen hodesett brukes her
no-headset-loader = OpenXR-lasteren mangler
no-headset-vulkan = hodesettets kjøremiljø mangler Vulkan
no-headset-runtime = ikke noe kjøremiljø for hodesett svarer
no-headset-connected = ikke noe hodesett er koblet til
no-headset-found = fant ikke noe hodesett
headset-session =
    hodesett: { $state ->
        [unavailable] utilgjengelig
        [available] tilgjengelig
        [idle] venter
        [ready] klar
        [running] i gang
        [stopping] stopper
        [exiting] avslutter
       *[other] { $state }
    }, { $frames } bilder vist
session-running = i gang
session-paused = på pause
session-calming = i en pustepause
session-ended = avsluttet ({ $why })
session-state = { $scenario }: { $state }, { $seconds } s
session-modelling = En modelløkt: { $peer } sitter på deltakerens plass og gir modellsvarene.
level-of = Nivå { $level } av { $levels }
step-down = Gå ned
step-up = Gå opp
pause = Pause
resume = Fortsett
stop = Avslutt …
calming-start = Pustepause (B)
calming-end = Avslutt pusteøvelsen (B)
ask-suds-now = Spør om SUDS nå
skip-rating = Hopp over denne vurderingen
ask-cybersickness-now = Spør om uvelhet nå
really-stop = Ja, avslutt
keep-going = Fortsett økten
stress-cues = Stressinnslag
intensity = styrke
marker = Merknad
recording-to = registreres: { $journal }
recording-none = registreres ikke (ingen deltaker oppgitt)
recording-failed = REGISTRERINGEN FEILET: { $why }. Økten fortsetter, men ingenting herfra lagres; avslutt trygt og sjekk disken.
marker-add-note = Legg til merknaden ved { $at }
name-labels = Navneskilt (L)
recentre = Sentrer hodesettet (R)
lately = Siste hendelser
hide-hint = F1 skjuler panelet

log-rated = { $rating }: { $answer } ({ $seconds } s)
log-review = { $happened ->
        [yes] skjedde
       *[no] skjedde ikke
    }, { $likelihood } %
log-chose = valgte «{ $answer }» ({ $seconds } s)
log-cue = { $cue }, styrke { $intensity }
log-level = nivå { $from } → { $to }
log-silence = var stille
log-paused = { $by ->
        [participant] deltakeren tok pause
       *[clinician] behandleren satte økten på pause
    }
log-resumed = { $by ->
        [participant] deltakeren fortsatte
       *[clinician] behandleren fortsatte økten
    }
log-marker = merknad: { $note }
log-marker-noted = tekst til forrige merknad: { $note }
log-rating-skipped = { $rating }: hoppet over av behandleren
log-calming = { $by ->
        [participant] deltakeren begynte en pustepause
       *[clinician] behandleren begynte en pustepause
    }
log-breathing = rolig pust: { $breaths } pust, { $in_seconds } s inn, { $out_seconds } s ut
log-breathing-ended = { $all ->
        [yes] pusteøvelsen er ferdig, alle pustene
       *[no] pusteøvelsen ble avsluttet før tiden
    }
log-calming-ended = pustepausen er over; økten fortsetter
log-peer-answer = kollegaen ga modellsvaret «{ $answer }»
log-ended = avsluttet: { $why }
log-recovery = rolig avslutning: { $seconds } s, så siste ubehag (SUDS)
log-outcome = det deltakeren fryktet, skjedde: «{ $outcome }»

end-completed = fullført
end-stopped-by-participant = deltakeren stoppet
end-stopped-by-clinician = behandleren avsluttet
end-scenario-fault = en feil i scenariofilen

# Det levende bildet: vurderinger over økttid, hvor deltakeren ser, de siste
# valgene, og et varsel som foreslår en pause.
live-alert-distress = SUDS { $suds } ved { $at }, på eller over { $threshold }: en pause kan hjelpe.
live-alert-sickness = Uvelhet i VR { $fms } av 20 ved { $at }, på eller over { $threshold }: vurder en pause eller å avslutte økten.
live-suds = SUDS
live-self-efficacy = Mestringstro
live-cues = Stressinnslag
live-levels = Nivåendring
live-markers = Markør
live-sickness = Siste vurdering av uvelhet i VR: { $fms } av 20 ved { $at }
live-looking-at = Ser på: { $target }
live-looking-room = noe i rommet
live-looking-nothing = ingenting ennå
live-eye-contact = Blikkontakt så langt: { $shares }
live-choices = Siste valg:
live-choice = { $at }  «{ $beat }»: svar { $option } etter { $seconds } s ({ $tags })

# Lasting på nytt: scenariofila lagret mens en økt pågår.
reload-broken = Scenariofila ble lagret med feil. Økten fortsetter med siste gode versjon:
reload-ready =
    En ny versjon av scenariofila er lagret ({ $version }{ $warnings ->
        [0] {""}
        [one] , én advarsel
       *[other] , { $warnings } advarsler
    }). Ta den i bruk:
reload-next-beat = Ved neste steg
reload-current-beat = Start dette steget på nytt fra den
reload-waiting = Den nye versjonen ({ $version }) tas i bruk ved neste steg.
reload-taken = Den nye versjonen ({ $version }) er i bruk fra steget «{ $beat }».
reload-refused = Den nye versjonen ({ $version }) ble ikke tatt i bruk: { $why }.
reload-dropped = neste steg, «{ $beat }», finnes ikke i den; økten fortsetter med versjonen den har
reload-refused-language = { $file } er ikke lenger skrevet på «{ $lang }», øktens språk
volume = deltakerens lydstyrke
console-proposal = Om økten sluttet nå: { $headline }
