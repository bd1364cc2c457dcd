# The progression policy's proposals and reasons, as a clinician reads them
# aloud. $level is the level of the runs the reason is about, $to the level
# proposed.

proposal-none = ikke noe forslag
proposal-step-up = gå opp til nivå { $to }
proposal-step-down = gå ned til nivå { $to }
proposal-stay = bli på nivå { $level }

reason-no-such-level = Nivå { $level } finnes ikke i dette scenarioet (nivå 1 til { $levels }).
reason-first-run = Ingen økt i dette scenarioet er registrert ennå: begynn på nivå { $level }.
reason-back-to-level = Forrige økt var på nivå { $last }, og det har ikke vært noen økt på nivå { $level } siden: prøv en økt på nivå { $level } først.
reason-stopped-at-gentlest = Deltakeren stoppet forrige økt på nivå { $level }, det mildeste. Bli på nivå { $level }, snakk sammen om hva som gjorde at deltakeren stoppet, og forbered neste forsøk sammen (en modelløkt, en pusteøvelse), eller velg et mildere scenario.
reason-stopped = Deltakeren stoppet forrige økt på nivå { $level }. Øvingen virker best på et nivå deltakeren kan bli i helt til slutten: gå ned til nivå { $to }, og snakk sammen om hva som gjorde at deltakeren stoppet.
reason-high-distress-at-gentlest = Høyeste SUDS i forrige økt på nivå { $level }, det mildeste, var { $peak }, altså { $threshold } eller mer. Bli på nivå { $level } og forbered neste økt sammen (en modelløkt, en pusteøvelse), eller velg et mildere scenario.
reason-high-distress = Høyeste SUDS i forrige økt på nivå { $level } var { $peak }, altså { $threshold } eller mer: steget var for stort. Gå ned til nivå { $to }.
reason-not-mastered = Forrige økt på nivå { $level } { $why }: bli på nivå { $level }.

shortfall-stopped-by-participant = ble avbrutt av deltakeren
shortfall-stopped-by-clinician = ble avbrutt av behandleren, og teller derfor ikke som mestring
shortfall-unfinished = ble ikke fullført (programmet ble lukket eller stoppet), og teller derfor ikke
shortfall-level-changed = skiftet nivå underveis, så vurderingene kan ikke knyttes til ett nivå
shortfall-no-suds = har ingen SUDS-vurdering, så ubehaget kan ikke vurderes
shortfall-suds-above = hadde høyeste SUDS på { $peak }, over grensen på { $limit } for å gå opp
shortfall-no-self-efficacy = har ingen vurdering av mestringstro, så mestring kan ikke vurderes
shortfall-self-efficacy-below = endte med mestringstro på { $value }, under grensen på { $min } for å gå opp

criteria-suds = høyeste SUDS høyst { $suds }
criteria-suds-and-self-efficacy = høyeste SUDS høyst { $suds } og mestringstro minst { $min }

reason-more-runs-needed =
    { $runs ->
        [one] Forrige økt
       *[other] De siste { $runs } øktene
    } på nivå { $level } ble fullført med { $criteria }; for å gå opp trengs { $needed } på rad: ta én økt til på nivå { $level }.
mastered-runs =
    { $runs ->
        [one] Forrige økt
       *[other] De siste { $runs } øktene
    } på nivå { $level } ble fullført med høyeste SUDS på { $peak } eller mindre (grense: høyst { $limit }){ $self_efficacy }
mastered-self-efficacy = { " " }og mestringstro på { $value } eller mer (krav: minst { $min })
reason-mastered-top = { $done }. Nivå { $level } er det høyeste, så scenarioet er mestret: vurder et mer krevende scenario, eller øv på situasjonen på arbeidsplassen.
reason-mastered = { $done }: gå opp til nivå { $to }.
