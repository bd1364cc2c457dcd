# The progression policy's proposals and reasons, as a clinician reads them
# aloud. $level is the level of the runs the reason is about, $to the level
# proposed.

proposal-none = no proposal
proposal-step-up = step up to level { $to }
proposal-step-down = step down to level { $to }
proposal-stay = stay at level { $level }

reason-no-such-level = Level { $level } is not one of this scenario's levels (1 to { $levels }).
reason-first-run = No run of this scenario is recorded yet: start at level { $level }.
reason-back-to-level = The last run was at level { $last }, and there has been none at level { $level } since: try a run at level { $level } first.
reason-stopped-at-gentlest = The participant stopped the last run at level { $level }, the gentlest. Stay at level { $level }, talk about what made them stop, and prepare the next try together (a modelling run, a breathing exercise), or choose a gentler scenario.
reason-stopped = The participant stopped the last run at level { $level }. Practice works best at a level they can stay in to the end: step down to level { $to }, and talk about what made them stop.
reason-high-distress-at-gentlest = Peak SUDS in the last run at level { $level }, the gentlest, was { $peak }, at or above { $threshold }. Stay at level { $level } and prepare the next run together (a modelling run, a breathing exercise), or choose a gentler scenario.
reason-high-distress = Peak SUDS in the last run at level { $level } was { $peak }, at or above { $threshold }: the step was too big. Step down to level { $to }.
reason-not-mastered = The last run at level { $level } { $why }: stay at level { $level }.

shortfall-stopped-by-participant = was stopped by the participant
shortfall-stopped-by-clinician = was stopped by the clinician, so it does not count as mastery
shortfall-unfinished = did not finish (the program was closed or stopped working), so it does not count
shortfall-level-changed = changed level while it ran, so its ratings cannot be tied to one level
shortfall-no-suds = has no SUDS rating, so its distress cannot be judged
shortfall-suds-above = had a peak SUDS of { $peak }, above the { $limit } a step up needs
shortfall-no-self-efficacy = has no self-efficacy rating, so mastery cannot be judged
shortfall-self-efficacy-below = ended with self-efficacy at { $value }, below the { $min } a step up needs

criteria-suds = peak SUDS at most { $suds }
criteria-suds-and-self-efficacy = peak SUDS at most { $suds } and self-efficacy at least { $min }

reason-more-runs-needed =
    { $runs ->
        [one] The last run at level { $level } was
       *[other] The last { $runs } runs at level { $level } were
    } completed with { $criteria }; a step up needs { $needed } in a row: stay at level { $level } for another run.
mastered-runs =
    { $runs ->
        [one] The last run at level { $level } was
       *[other] The last { $runs } runs at level { $level } were
    } completed with peak SUDS of { $peak } or less (at most { $limit } allowed){ $self_efficacy }
mastered-self-efficacy = { " " }and self-efficacy of { $value } or more (at least { $min } needed)
reason-mastered-top = { $done }. Level { $level } is the highest, so the scenario is mastered: consider a harder scenario, or practising the situation at the workplace.
reason-mastered = { $done }: step up to level { $to }.
