# What the engine's own things are called wherever a person reads them: the
# console, the name labels in the room, the debrief.

cue-phone-ringing = the phone rings
cue-office-murmur = office murmur
cue-keyboard-typing = typing
cue-door-slam = a door slams
cue-sigh = a sigh
cue-notification = a notification
cue-critical-remark = a critical remark
cue-interruption = an interruption
cue-silent-stare = a silent stare
cue-watch-check = someone checks the time

# A speaker who is not in the room, as subtitles name them.
speaker-on-phone = { $name } (on the phone)
speaker-on-video = { $name } (on video)

role-manager = manager
role-colleague = colleague
role-customer = customer
role-hr-advisor = HR adviser
role-union-rep = union representative
role-occupational-health = occupational health
role-new-colleague = new colleague

tag-assertive = assertive
tag-avoidant = avoidant
tag-asks-for-help = asks for help
tag-apologetic = apologetic
tag-aggressive = sharp
tag-sets-boundary = sets a boundary
tag-shares-openly = shares openly
tag-keeps-private = keeps it private

rating-suds = SUDS
rating-self-efficacy = self-efficacy ({ $statement })
rating-expectancy = expectancy ({ $outcome })
rating-expectancy-review = expectancy afterwards ({ $outcome })
rating-cybersickness = VR sickness (FMS)
