# What the engine's own things are called wherever a person reads them: the
# console, the name labels in the room, the debrief.

cue-phone-ringing = telefonen ringer
cue-office-murmur = prat i lokalet
cue-keyboard-typing = tastaturklikking
cue-door-slam = en dør smeller
cue-sigh = et sukk
cue-notification = et varsel
cue-critical-remark = en kritisk kommentar
cue-interruption = en avbrytelse
cue-silent-stare = et langt, tavst blikk
cue-watch-check = noen ser på klokka

# A speaker who is not in the room, as subtitles name them.
speaker-on-phone = { $name } (i telefonen)
speaker-on-video = { $name } (på video)

role-manager = leder
role-colleague = kollega
role-customer = kunde
role-hr-advisor = HR-rådgiver
role-union-rep = tillitsvalgt
role-occupational-health = bedriftshelsetjeneste
role-new-colleague = ny kollega

tag-assertive = tydelig
tag-avoidant = unnvikende
tag-asks-for-help = ber om hjelp
tag-apologetic = unnskyldende
tag-aggressive = skarp
tag-sets-boundary = setter grense
tag-shares-openly = deler åpent
tag-keeps-private = holder for seg selv

rating-suds = SUDS
rating-self-efficacy = mestringstro ({ $statement })
rating-expectancy = forventning ({ $outcome })
rating-expectancy-review = forventning etterpå ({ $outcome })
rating-cybersickness = uvelhet i VR (FMS)
