# The rating prompts: the instruments' own wording, the same on every screen.
# $statement and $outcome come from the scenario, in the scenario's words.

suds-question = How distressed are you right now?
suds-low = 0 = completely calm
suds-mid = 50 = clearly distressed
suds-high = 100 = worst imaginable

self-efficacy-question = How certain are you that you can { $statement }?
self-efficacy-low = 0 = cannot do at all
self-efficacy-mid = 50 = moderately certain
self-efficacy-high = 100 = highly certain

expectancy-question = How likely is it that { $outcome }?
expectancy-review-question = What you feared: that { $outcome }. Did it happen? And how likely do you think it is now?
# The author's past-tense question, then the likelihood now.
expectancy-review-asked = { $question } And how likely do you now think it is to happen another time?
expectancy-low = 0 % = will not happen
expectancy-high = 100 % = will definitely happen

cybersickness-question = How sick do you feel right now? Think of nausea, general discomfort and stomach problems, not of nervousness, boredom or tiredness.
cybersickness-low = 0 = no sickness at all
cybersickness-high = 20 = frank sickness
