# Nivåforslagene og begrunnelsene. Behandleren leser dem for deltakeren, så
# de snakker til «du», og «vi» er de to sammen. En stopp omtales aldri som
# et nederlag: det er alltid lov å stoppe. $level er nivået begrunnelsen
# gjelder, $to nivået som foreslås.

proposal-none = ikke noe forslag
proposal-step-up = gå opp til nivå { $to }
proposal-step-down = gå ned til nivå { $to }
proposal-stay = bli på nivå { $level }

reason-no-such-level = Nivå { $level } finnes ikke i dette scenarioet (nivå 1 til { $levels }).
reason-first-run = Du har ingen økt i dette scenarioet ennå: begynn på nivå { $level }.
reason-back-to-level = Den forrige økten din var på nivå { $last }, og du har ikke hatt noen på nivå { $level } siden: prøv en økt på nivå { $level } først.
reason-stopped-at-gentlest = Du stoppet forrige økt på nivå { $level }, det mildeste, og det er alltid lov å stoppe: det viser hvor grensen gikk den dagen. Bli på nivå { $level }, la oss snakke om hva som skjedde, og forberede neste forsøk sammen (en modelløkt, en pustepause), eller velge et mildere scenario.
reason-stopped = Du stoppet forrige økt på nivå { $level }, og det er alltid lov å stoppe: det viser at steget var større enn det så ut. Gå ned til nivå { $to }, et nivå du kan bli i helt til slutten, og la oss snakke om hva som skjedde før neste økt.
reason-high-distress-at-gentlest = Den høyeste SUDS-en din i forrige økt på nivå { $level }, det mildeste, var { $peak }, altså { $threshold } eller mer. Bli på nivå { $level }, og la oss forberede neste økt sammen (en modelløkt, en pustepause), eller velge et mildere scenario.
reason-high-distress = Den høyeste SUDS-en din i forrige økt på nivå { $level } var { $peak }, altså { $threshold } eller mer: steget var større enn det så ut. Gå ned til nivå { $to }.
reason-not-mastered = { $why } Bli på nivå { $level } én økt til.

# Det som gjør at forrige økt ikke teller mot et steg opp, som én setning.
shortfall-stopped-by-participant = Du stoppet forrige økt på nivå { $level }, og det er alltid lov å stoppe.
shortfall-stopped-by-clinician = Vi avsluttet den forrige økten din på nivå { $level } før tiden, så den viser ennå ikke hvordan en hel økt går.
shortfall-unfinished = Den forrige økten din på nivå { $level } ble ikke fullført (programmet ble lukket eller stoppet).
shortfall-level-changed = Nivået ble endret underveis i den forrige økten din, så vurderingene kan ikke knyttes til nivå { $level }.
shortfall-no-suds = Den forrige økten din på nivå { $level } har ingen SUDS-vurdering, så vi kan ikke se hvor krevende den var.
shortfall-suds-above = Den høyeste SUDS-en din i forrige økt på nivå { $level } var { $peak }, over grensen på { $limit } for å gå opp: nivået krever fortsatt mye av deg, og det hjelper å øve på det.
shortfall-no-self-efficacy = Den forrige økten din på nivå { $level } har ingen vurdering av mestringstro, så vi kan ikke se hvor sikker du var etterpå.
shortfall-self-efficacy-below = Etter forrige økt på nivå { $level } var mestringstroen din { $value }, under grensen på { $min } for å gå opp.
shortfall-self-efficacy-fell = I forrige økt på nivå { $level } gikk mestringstroen din for én oppgave fra { $from } før til { $to } etter: la oss snakke om hva som rystet den.
shortfall-expectation-held = I forrige økt på nivå { $level } skjedde ikke det du fryktet, men du tror det er like sannsynlig som før ({ $before } før, { $now } nå). La oss snakke om hva du forventet; neste økt lar deg prøve det ut igjen.

criteria-suds = høyeste SUDS på høyst { $suds }
criteria-suds-and-self-efficacy = høyeste SUDS på høyst { $suds } og mestringstro på minst { $min }

reason-more-runs-needed =
    { $runs ->
        [one] Du fullførte forrige økt
       *[other] Du fullførte de siste { $runs } øktene
    } på nivå { $level } med { $criteria }; for å gå opp trengs { $needed } slike økter på rad. Bli på nivå { $level } én økt til.
mastered-runs =
    { $runs ->
        [one] Du fullførte forrige økt
       *[other] Du fullførte de siste { $runs } øktene
    } på nivå { $level } med høyeste SUDS på { $peak } eller mindre (grense: høyst { $limit }){ $self_efficacy }.
mastered-self-efficacy = { " " }og mestringstro på { $value } eller mer (krav: minst { $min })
# Det den siste av disse øktene lærte deg, hver som en egen setning.
learned-self-efficacy-rose = Mestringstroen din steg med { $rise } eller mer for hver oppgave du vurderte både før og etter den siste økten.
learned-expectation-disconfirmed = Det du fryktet skjedde ikke, og nå tror du det er mindre sannsynlig ({ $before } før, { $now } nå).
learned-expectation-not-asked = Det du fryktet skjedde ikke, og nå setter du sjansen for det til { $now }.
learned-expectation-borne = Det du fryktet skjedde, og du gjennomførte økten likevel.
reason-mastered-top = Nivå { $level } er det høyeste, så du mestrer scenarioet: vurder et mer krevende scenario, eller å øve på situasjonen på arbeidsplassen din.
reason-mastered = Gå opp til nivå { $to }.
