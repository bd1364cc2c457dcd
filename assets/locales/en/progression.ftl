# The progression policy's proposals and reasons. The clinician reads them
# to the participant, so they speak to "you", and "we" is the two of them.
# A stop is never worded as a failure: stopping is always allowed. $level is
# the level of the runs the reason is about, $to the level proposed.

proposal-none = no proposal
proposal-step-up = step up to level { $to }
proposal-step-down = step down to level { $to }
proposal-stay = stay at level { $level }

reason-no-such-level = Level { $level } is not one of this scenario's levels (1 to { $levels }).
reason-first-run = You have no run of this scenario yet: start at level { $level }.
reason-back-to-level = Your last run was at level { $last }, and you have had none at level { $level } since: try a run at level { $level } first.
reason-stopped-at-gentlest = You stopped the last run at level { $level }, the gentlest, and stopping is always allowed: it shows where your edge was that day. Stay at level { $level }, let us talk about what happened, and prepare the next try together (a modelling run, a calming pause), or choose a gentler scenario.
reason-stopped = You stopped the last run at level { $level }, and stopping is always allowed: it shows the step was bigger than it looked. Step down to level { $to }, a level you can stay in to the end, and let us talk about what happened before the next run.
reason-high-distress-at-gentlest = Your peak SUDS in the last run at level { $level }, the gentlest, was { $peak }, at or above { $threshold }. Stay at level { $level }, and let us prepare the next run together (a modelling run, a calming pause), or choose a gentler scenario.
reason-high-distress = Your peak SUDS in the last run at level { $level } was { $peak }, at or above { $threshold }: the step was bigger than it looked. Step down to level { $to }.
reason-not-mastered = { $why } Stay at level { $level } for another run.

# What keeps the last run from counting towards a step up, as one sentence.
shortfall-stopped-by-participant = You stopped the last run at level { $level }, and stopping is always allowed.
shortfall-stopped-by-clinician = We ended your last run at level { $level } early, so it does not yet show how a whole run goes.
shortfall-unfinished = Your last run at level { $level } did not finish (the program was closed or stopped working).
shortfall-level-changed = The level changed during your last run, so its ratings cannot be tied to level { $level }.
shortfall-no-suds = Your last run at level { $level } has no SUDS rating, so we cannot tell how hard it was.
shortfall-suds-above = Your peak SUDS in the last run at level { $level } was { $peak }, above the { $limit } a step up allows: the level still asks a lot of you, and practice at it helps.
shortfall-no-self-efficacy = Your last run at level { $level } has no self-efficacy rating, so we cannot tell how sure you felt after it.
shortfall-self-efficacy-below = After the last run at level { $level } your self-efficacy was { $value }, below the { $min } a step up needs.
shortfall-self-efficacy-fell = In the last run at level { $level } your self-efficacy on one task went from { $from } before to { $to } after: let us talk about what shook it.
shortfall-expectation-held = In the last run at level { $level } what you feared did not happen, yet you think it as likely as before ({ $before } before, { $now } now). Let us talk about what you expected; the next run lets you test it again.

criteria-suds = a peak SUDS of at most { $suds }
criteria-suds-and-self-efficacy = a peak SUDS of at most { $suds } and self-efficacy of at least { $min }

reason-more-runs-needed =
    { $runs ->
        [one] You completed the last run at level { $level }
       *[other] You completed the last { $runs } runs at level { $level }
    } with { $criteria }; a step up needs { $needed } such runs in a row. Stay at level { $level } for another run.
mastered-runs =
    { $runs ->
        [one] You completed the last run at level { $level }
       *[other] You completed the last { $runs } runs at level { $level }
    } with a peak SUDS of { $peak } or less (at most { $limit } allowed){ $self_efficacy }.
mastered-self-efficacy = { " " }and self-efficacy of { $value } or more (at least { $min } needed)
# What the newest of those runs taught, each as a sentence of its own.
learned-self-efficacy-rose = Your self-efficacy rose by { $rise } or more on every task you rated both before and after the last run.
learned-expectation-disconfirmed = What you feared did not happen, and you now think it less likely ({ $before } before, { $now } now).
learned-expectation-not-asked = What you feared did not happen, and you now put its chance at { $now }.
learned-expectation-borne = What you feared did happen, and you saw the run through.
reason-mastered-top = Level { $level } is the highest, so you have mastered the scenario: consider a harder scenario, or practising the situation at your workplace.
reason-mastered = Step up to level { $to }.
