# The rating prompts: the instruments' own wording, the same on every screen.
# $statement and $outcome come from the scenario, in the scenario's words.

suds-question = Hvor mye ubehag kjenner du akkurat nå?
suds-low = 0 = helt rolig
suds-mid = 50 = tydelig ubehag
suds-high = 100 = verst tenkelig

self-efficacy-question = Hvor sikker er du på at du kan { $statement }?
self-efficacy-low = 0 = kan ikke i det hele tatt
self-efficacy-mid = 50 = middels sikker
self-efficacy-high = 100 = svært sikker

expectancy-question = Hvor sannsynlig er det at { $outcome }?
expectancy-review-question = Det du fryktet: at { $outcome }. Skjedde det? Og hvor sannsynlig tror du det er nå?
# The author's past-tense question, then the likelihood now.
expectancy-review-asked = { $question } Og hvor sannsynlig tror du nå at det skjer en annen gang?
expectancy-low = 0 % = kommer ikke til å skje
expectancy-high = 100 % = kommer helt sikkert til å skje

cybersickness-question = Hvor uvel kjenner du deg nå? Tenk på kvalme, mageproblemer og det å føle seg dårlig i kroppen, ikke på nervøsitet, kjedsomhet eller tretthet.
cybersickness-low = 0 = ikke uvel i det hele tatt
cybersickness-high = 20 = sterkt uvel

# Forventningen om å komme tilbake i jobb: ett spørsmål, med prosjektets egne
# ord (en klinikk som bruker en publisert versjon, setter ordlyden inn her).
rtw-expect-question = Hvor lang tid tror du det tar før du er tilbake i jobb?
rtw-expect-back = Jeg er allerede tilbake i jobb
rtw-expect-under-1-month = Under én måned
rtw-expect-1-3-months = 1 til 3 måneder
rtw-expect-3-6-months = 3 til 6 måneder
rtw-expect-over-6-months = Mer enn 6 måneder
rtw-expect-not-back = Jeg regner ikke med å komme tilbake i jobb
rtw-expect-dont-know = Vet ikke
