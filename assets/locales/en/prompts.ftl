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

# The return-to-work expectation: one question, in the project's own words
# (a clinic using a published version puts its wording here).
rtw-expect-question = How long do you think it will take before you are back at work?
rtw-expect-back = I am back at work already
rtw-expect-under-1-month = Less than a month
rtw-expect-1-3-months = 1 to 3 months
rtw-expect-3-6-months = 3 to 6 months
rtw-expect-over-6-months = More than 6 months
rtw-expect-not-back = I do not expect to go back to work
rtw-expect-dont-know = I don't know
