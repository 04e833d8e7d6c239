"""Sample drill scenarios for the ReadyRoom demo clinic (data only).

This is demo sample content, written so staff and reviewers can see how branching complication
drills look and run. It is not clinical guidance. The clinic's medical director must review,
edit and approve every scenario against the clinic's standing orders, local regulations and
current professional guidance before it is used for training. Any dose mentioned follows the
fictional clinic's standing orders and is there to be checked, not copied.

``SCENARIOS`` is a list of scenario dicts in the format of briefs/drill_content_format.md; the
loader in drills/demo.py turns each into a DrillScenarioPage.
"""

SAMPLE_NOTE = (
    "Sample scenario written for the ReadyRoom demo; your medical director must review it "
    "before use."
)

# ------------------------------------------------------------------------------------------
# 1. Burn with greyish blanching during laser vein treatment
# ------------------------------------------------------------------------------------------
LASER_VEIN_BURN = {
    "slug": "laser-vein-burn",
    "title": "Greyish blanching during laser vein removal",
    "sample_note": SAMPLE_NOTE,
    "vignette": {
        "procedure": "Laser treatment of reticular veins and spider veins on both calves",
        "device": (
            "1064 nm long-pulsed Nd:YAG, 3 mm spot, 150 J/cm2, 20 ms pulse, about 1 Hz, "
            "contact-cooled sapphire tip with the chiller set to 4 °C"
        ),
        "fitzpatrick": "IV",
        "history": (
            "49-year-old woman, second session; the first, six weeks ago at the same settings, "
            "went without problems. She came back from a beach holiday ten days ago and her "
            "legs are noticeably tanned. Takes levothyroxine and a daily antihistamine for hay "
            "fever; no photosensitising medicines, no isotretinoin, no history of keloids. "
            "Allergy: adhesive plasters give her an itchy rash."
        ),
    },
    "objectives": [
        "Recognise greyish-white blanching with lasting pain as a likely laser burn",
        "Stop the laser at once and cool the area without prolonged direct ice",
        "Look for the cause and refuse to carry on at the same settings",
        "Record, escalate to the supervising clinician and arrange aftercare and follow-up",
    ],
    "protocol_slugs": ["laser-vein-complications-emergency"],
    "start": "grey-blanching",
    "nodes": [
        {
            "key": "grey-blanching",
            "title": "A grey patch after a pulse",
            "situation": (
                "<p>You are on your second pass along a reticular vein on her right calf. "
                "Straight after a pulse she gasps and says <em>\"that one really burnt, it's "
                'still burning"</em>. Where the tip sat, a patch about 5 mm across has turned '
                "<strong>greyish-white</strong>, with a red rim around it. The vein itself "
                "looks no different.</p>"
                "<p>The handpiece is in your hand and the laser is still armed.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "continued-pulses",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Stop the laser and put it on standby",
                    "next": "laser-standby",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Grey or white skin with sharp pain that does not fade is a "
                        "sign of heat injury to the skin, not the response you are aiming for "
                        "in the vein. Off the trigger and onto standby first, so nothing else "
                        "gets hurt while you work out what went wrong."
                    ),
                },
                {
                    "label": "Finish this vein first, then take a look",
                    "next": "continued-pulses",
                    "points": -5,
                    "critical": False,
                    "feedback": (
                        "No. Whatever caused the burn is still there, so a few more pulses at "
                        "the same settings can put more burns right next to the first. The "
                        "first unexpected blanching is the time to stop."
                    ),
                },
                {
                    "label": "Turn the fluence down a little and keep going",
                    "next": "continued-pulses",
                    "points": -4,
                    "critical": False,
                    "feedback": (
                        "No. Changing the fluence before you know why the skin blanched is a "
                        "guess: the cause could be the cooling, the contact, her tan or stacked "
                        "pulses. Stop first, then assess."
                    ),
                },
                {
                    "label": "Tell her it's the expected redness and carry on",
                    "next": "continued-pulses",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. The endpoints you want on leg veins are the vessel darkening or "
                        "vanishing, with mild redness or swelling along it. Greyish-white skin "
                        "with a burning pain is not one of them, and calling it normal delays "
                        "cooling and lets you burn her again."
                    ),
                },
            ],
        },
        {
            "key": "laser-standby",
            "title": "Laser on standby",
            "situation": (
                "<p>The laser is on standby and the handpiece is back in its holder. She rates "
                "the pain 7 out of 10. The grey patch has a sharp edge, and the skin around it "
                "is red and slightly swollen.</p>"
                "<p>Your assistant is standing by the door holding a bag of ice from the staff "
                "freezer, waiting to be told what to do.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "ice-on-skin",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Cool the area with cool compresses",
                    "next": "assess-burn",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Cool (not icy) compresses, swapped as they warm up, for roughly "
                        "10 to 20 minutes draw heat out of the tissue and ease the pain. Keep the "
                        "rest of her warm: you are cooling the burn, not the patient."
                    ),
                },
                {
                    "label": "Hold the ice directly on the skin for the next half hour",
                    "next": "ice-on-skin",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Ice pressed straight onto burnt skin for a long time can add a "
                        "cold injury to the heat injury. If a cold pack is all you have, wrap "
                        "it in a cloth and use it in short spells."
                    ),
                },
            ],
        },
        {
            "key": "ice-on-skin",
            "title": "Ice straight on the burn",
            "situation": (
                "<p>The bag of ice has been pressed straight onto the burn for several minutes. "
                "The grey patch and a wide ring of skin around it are now white, very cold and "
                "numb, and she says her calf aches deep down.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Take the ice off and switch to cool compresses",
                    "next": "assess-burn",
                    "points": 4,
                    "critical": False,
                    "feedback": (
                        "Right, as a correction. Remove the ice, then cool with compresses in "
                        "spells. Look at the surrounding skin again as it warms up, and write "
                        "down that ice was applied and for how long."
                    ),
                },
                {
                    "label": "Keep the ice on; the colder the better for a burn",
                    "next": "harm-cold-injury",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Long, direct contact with ice on damaged skin can cause a "
                        "frostbite-type injury and deepen the burn. The aim is cool, not "
                        "freezing."
                    ),
                },
            ],
        },
        {
            "key": "assess-burn",
            "title": "Assessing the burn",
            "situation": (
                "<p>After about 15 minutes of cooling her pain is down to 3 out of 10. Looking "
                "closely, you see a single 6 mm patch, grey-white in the middle, with a small "
                "intact blister at one edge. There are no other marks.</p>"
                "<p>When you pick up the handpiece to check it, the sapphire tip feels "
                "<strong>warm</strong>, and the chiller display shows a flow alarm nobody had "
                "noticed. Six veins on her other leg are still untreated, and she asks whether "
                "you can finish them today.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "End the session and take the laser out of use until it is checked",
                    "next": "document",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. The contact cooling failed, and her tan adds to the risk. No "
                        "more pulses today; the laser needs checking before anyone uses it, and "
                        "her settings need a fresh look before her next visit."
                    ),
                },
                {
                    "label": "Restart the chiller and finish the other leg at the same settings",
                    "next": "continued-pulses",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Even with the chiller running again, you have just burnt this "
                        "patient at these settings on tanned skin. More treatment today at the "
                        "same settings risks another burn; the device and the settings both "
                        "need reviewing first."
                    ),
                },
                {
                    "label": "Carry on with extra gel to make up for the cooling",
                    "next": "continued-pulses",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Gel does not replace a working contact-cooling tip, and carrying "
                        "on at the same settings after a burn repeats the mistake."
                    ),
                },
            ],
        },
        {
            "key": "continued-pulses",
            "title": "A second grey patch",
            "situation": (
                "<p>Treatment goes on. Within a few pulses a second greyish patch appears a "
                "couple of centimetres from the first. She pulls her leg away and says the "
                "whole area is burning. The first patch looks darker than before, and a small "
                "blister is lifting at its edge.</p>"
            ),
            "timer_seconds": 25,
            "timeout_next": "harm-deep-burn",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Stop the laser and put it on standby",
                    "next": "cool-two-sites",
                    "points": 4,
                    "critical": True,
                    "feedback": (
                        "Right, but late. Stopping now prevents further damage, but she already "
                        "has two burns where there could have been one."
                    ),
                },
                {
                    "label": "Finish the last few veins quickly; she's nearly done",
                    "next": "harm-deep-burn",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. Treating on through repeated blanching and pain, with the patient "
                        "pulling away, is how one small burn becomes several deeper ones. When "
                        "she pulls her leg away she is also telling you to stop."
                    ),
                },
            ],
        },
        {
            "key": "cool-two-sites",
            "title": "Two burns to cool",
            "situation": (
                "<p>The laser is on standby. She has two small burns on the calf, both painful, "
                "one of them blistering. Your assistant asks what you want done.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Cool the area with cool compresses",
                    "next": "partial-second-burn",
                    "points": 5,
                    "critical": True,
                    "feedback": (
                        "Right. Cool compresses in spells ease the pain and limit how far the "
                        "heat damage spreads. Then end the session, record the settings, take "
                        "photographs and tell the supervising clinician."
                    ),
                },
                {
                    "label": "Strap ice packs straight onto both spots for half an hour",
                    "next": "harm-cold-injury",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Prolonged direct ice on freshly burnt skin adds a cold injury to "
                        "the burn and can deepen it. Use cool compresses; a cold pack only "
                        "wrapped and in short spells."
                    ),
                },
            ],
        },
        {
            "key": "document",
            "title": "Recording what happened",
            "situation": (
                "<p>The laser is tagged out of use. She is comfortable on the couch with a "
                "cool compress on her calf.</p>"
                "<p>While the details are fresh, what do you record?</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Document the settings and take photographs",
                    "next": "inform-supervisor",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Wavelength, spot size, fluence, pulse width, passes and pulse "
                        "count, the chiller alarm, when the burn happened, when cooling started "
                        "and how long it lasted, her tan; and photographs with a scale, taken "
                        "on a clinic device with her consent. Her follow-up depends on it, and "
                        "so does the clinic's account of what happened."
                    ),
                },
                {
                    "label": "Note 'mild redness' at the end of the day; no photos needed",
                    "next": "partial-loose-ends",
                    "points": -5,
                    "critical": False,
                    "feedback": (
                        "No. A vague note written later, without settings or photographs, "
                        "understates a burn, gives the follow-up nothing to compare against and "
                        "leaves the clinic unable to show what happened."
                    ),
                },
            ],
        },
        {
            "key": "inform-supervisor",
            "title": "Telling the supervising clinician",
            "situation": (
                "<p>Your notes and photographs are done. The supervising clinician is in a "
                "consultation down the corridor. The patient says she doesn't want to make a "
                "fuss and would rather just go home.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Inform the supervising clinician and ask them to see her now",
                    "next": "aftercare",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. A burn is an adverse event. The supervising clinician should "
                        "see it before she leaves, decide on treatment and follow-up, and make "
                        "sure the device fault and the incident report are dealt with."
                    ),
                },
                {
                    "label": "Let it go; she doesn't want a fuss and it looks small",
                    "next": "partial-loose-ends",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Her wish to avoid a fuss does not remove the duty to report a burn. "
                        "Without a clinician's review its depth may be misjudged, and the device "
                        "fault could hurt the next patient."
                    ),
                },
            ],
        },
        {
            "key": "aftercare",
            "title": "Aftercare and follow-up",
            "situation": (
                "<p>The supervising clinician has examined the calf: a small superficial burn "
                "with an intact blister and no sign of deeper injury. They ask you to go "
                "through aftercare with her. Remember that she reacts to adhesive plasters.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Give written aftercare, a non-adhesive dressing and a 48-hour review",
                    "next": "good-healed",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Leave the blister intact, clean gently, use a bland ointment "
                        "and a non-stick dressing held by a tubular bandage rather than tape, "
                        "protect the area from the sun for months (dark marks are more likely "
                        "in her skin type), explain the signs of infection, and book a review "
                        "with photographs."
                    ),
                },
                {
                    "label": "Pop the blister and tell her to call if it worries her",
                    "next": "partial-loose-ends",
                    "points": -4,
                    "critical": False,
                    "feedback": (
                        "No. Removing the roof of a small intact blister takes away its natural "
                        "cover and raises the risk of infection, and 'call if worried' is not a "
                        "follow-up plan for a burn."
                    ),
                },
                {
                    "label": "Tell her to ice it at home several times a day",
                    "next": "partial-loose-ends",
                    "points": -3,
                    "critical": False,
                    "feedback": (
                        "No. Repeated icing at home can damage the skin further. Once the "
                        "first cooling is done, the aim is a clean, protected wound and a "
                        "planned review."
                    ),
                },
            ],
        },
        {
            "key": "good-healed",
            "title": "Burn handled well",
            "situation": (
                "<p>Two days later she comes back for her review. The blister has settled and "
                "the area is healing cleanly.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "good",
            "summary": (
                "You stopped at the first sign of trouble, cooled the burn properly, found the "
                "cooling fault and did not carry on at the same settings. With a full record, "
                "a clinician's review, sensible aftercare and a booked follow-up, the small "
                "superficial burn healed in about two weeks. A faint dark mark faded over the "
                "following months with sun protection, and the laser was serviced before it "
                "was used again."
            ),
            "choices": [],
        },
        {
            "key": "partial-second-burn",
            "title": "Two burns instead of one",
            "situation": (
                "<p>The session is over. She leaves with two dressed burns on her calf.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "partial",
            "summary": (
                "In the end you stopped and cooled, but only after more pulses had caused a "
                "second burn. Both healed more slowly than a single small burn would have, and "
                "on her tanned, type IV skin they left dark marks that took months to fade. "
                "Debrief: stop at the first unexpected blanching or sharp pain, then cool, "
                "assess, record, tell the supervising clinician and plan the follow-up."
            ),
            "choices": [],
        },
        {
            "key": "partial-loose-ends",
            "title": "Burn treated, loose ends left",
            "situation": (
                "<p>She goes home. Four days later she phones: the blister has burst and the "
                "area is sore and weeping.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "partial",
            "summary": (
                "The burn itself was stopped and cooled, but part of what must follow was "
                "missed: a full record with settings and photographs, a review by the "
                "supervising clinician, or proper aftercare with a booked follow-up. When she "
                "called back with a sore, weeping wound, nobody could tell how it had changed, "
                "and her complaint was harder to answer. Every burn needs all of these, however "
                "small it looks."
            ),
            "choices": [],
        },
        {
            "key": "harm-cold-injury",
            "title": "Cold injury on top of a burn",
            "situation": (
                "<p>By the next morning a large blister covers the area where the ice sat.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "Ice held straight on burnt skin for a long time added cold damage to the heat "
                "injury. The area blistered widely, took weeks to heal and left a patch of "
                "changed pigment. Cool a laser burn with cool compresses in spells; never hold "
                "ice directly on it for long."
            ),
            "choices": [],
        },
        {
            "key": "harm-deep-burn",
            "title": "Several deeper burns",
            "situation": (
                "<p>By the end of the session there are several grey and blistered patches "
                "along her calf.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "Treatment went on through blanching, pain and the patient pulling away. She "
                "was left with several burns, some of them deeper, which needed a doctor's "
                "wound care and left scars and dark marks. Unexpected grey or white blanching "
                "means stopping the laser at once."
            ),
            "choices": [],
        },
    ],
    "milestones": [
        "Laser stopped and on standby",
        "Cooling started",
        "Burn assessed and cause found",
        "Settings and photographs recorded",
        "Supervising clinician informed",
        "Aftercare given and follow-up booked",
    ],
    "checklist": [
        {"item": "Laser on standby within seconds of the blanching", "required": True},
        {"item": "Cool compresses started; no prolonged direct ice", "required": True},
        {"item": "Session ended and laser tagged out of use until checked", "required": True},
        {"item": "Settings, pulse count, cooling fault and times recorded", "required": True},
        {"item": "Photographs with a scale taken on a clinic device", "required": True},
        {"item": "Supervising clinician told before the patient leaves", "required": True},
        {"item": "Written aftercare given and a review booked", "required": True},
        {"item": "Incident report started", "required": False},
    ],
}

# ------------------------------------------------------------------------------------------
# 2. Anaphylaxis after a topical anaesthetic
# ------------------------------------------------------------------------------------------
ANAPHYLAXIS_TOPICAL_ANAESTHETIC = {
    "slug": "anaphylaxis-topical-anaesthetic",
    "title": "Anaphylaxis after a topical anaesthetic",
    "sample_note": SAMPLE_NOTE,
    "vignette": {
        "procedure": "Topical anaesthetic before non-ablative fractional laser of the face",
        "device": (
            "Compounded numbing cream (benzocaine 20%, lidocaine 6%, tetracaine 4%) applied to "
            "the face and neck 25 minutes ago; planned treatment with a 1550 nm non-ablative "
            "fractional laser"
        ),
        "fitzpatrick": "II",
        "history": (
            "38-year-old man, about 80 kg, first treatment at the clinic. Mild asthma; uses a "
            "salbutamol inhaler a few times a month. Takes cetirizine in the hay-fever season. "
            "No known drug allergies on the intake form, but while the cream was on he "
            "mentioned that he once 'came up in hives' after a dental numbing injection."
        ),
    },
    "objectives": [
        "Recognise anaphylaxis from skin, airway, breathing and circulation signs",
        "Give intramuscular epinephrine promptly under the clinic's standing order",
        "Position the patient safely and call EMS without delay",
        "Monitor, repeat the dose when indicated and hand over clearly to EMS",
    ],
    "protocol_slugs": ["laser-vein-complications-emergency"],
    "start": "hives-spreading",
    "nodes": [
        {
            "key": "hives-spreading",
            "title": "Hives and a tight throat",
            "situation": (
                "<p>Twenty-five minutes after the cream went on, he calls you back into the "
                "room. Raised, itchy welts have spread from his face down his neck and across "
                "his chest. He keeps clearing his throat and says it <strong>feels "
                "tight</strong>; his voice is hoarse. You can hear a faint wheeze, and he says "
                "he feels light-headed.</p>"
            ),
            "timer_seconds": 40,
            "timeout_next": "worsening",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Recognise anaphylaxis and call for help",
                    "next": "remove-and-position",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Spreading hives together with throat tightness, a hoarse voice, "
                        "wheeze and light-headedness after an exposure is anaphylaxis until "
                        "proven otherwise. Say so out loud, shout for a colleague and the "
                        "emergency kit, and stay with him."
                    ),
                },
                {
                    "label": "Wipe the cream off, give an antihistamine tablet and watch",
                    "next": "worsening",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Removing the cream is right, but an antihistamine only helps the "
                        "itch and hives. It does nothing for airway swelling, wheeze or falling "
                        "blood pressure, and waiting gives the reaction time to build. "
                        "Epinephrine is the first-line treatment."
                    ),
                },
                {
                    "label": "Reassure him it's a skin reaction to the cream and let it settle",
                    "next": "worsening",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. A tight throat, a hoarse voice and wheeze are not a local skin "
                        "reaction. Missing anaphylaxis is the most dangerous error in this "
                        "drill."
                    ),
                },
            ],
        },
        {
            "key": "remove-and-position",
            "title": "Help is on the way",
            "situation": (
                "<p>A colleague is coming with the emergency kit. He is sitting upright in the "
                "treatment chair with the cream still on his face, and says he feels faint. "
                "Blood pressure 84/50, pulse 122, oxygen saturation 94%. The wheeze is mild "
                "and he can still speak in full sentences.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Remove the cream and lay him flat with his legs raised",
                    "next": "give-epinephrine",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Wiping off the cream stops more of it being absorbed. With low "
                        "blood pressure, lying flat with the legs up helps blood get back to "
                        "the heart and brain. If he becomes more breathless, let him half sit "
                        "with his legs out in front of him, but never stand or walk him."
                    ),
                },
                {
                    "label": "Keep him sitting upright so he can breathe more easily",
                    "next": "worsening",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. His blood pressure is low and he feels faint. Keeping him upright "
                        "can make it drop further and has been linked to sudden collapse. His "
                        "breathing is manageable for now, so flat with legs raised is the "
                        "position."
                    ),
                },
                {
                    "label": "Walk him to the recovery room where there is more space",
                    "next": "worsening",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Standing or walking someone with anaphylaxis and low blood "
                        "pressure can bring on a sudden collapse. Bring the kit to him, not him "
                        "to the kit."
                    ),
                },
            ],
        },
        {
            "key": "give-epinephrine",
            "title": "The emergency kit arrives",
            "situation": (
                "<p>He is flat with his legs raised and the cream wiped off. Your colleague "
                "opens the emergency kit. Blood pressure 80/48, and the wheeze is louder.</p>"
                "<p>The clinic's standing order for an adult with anaphylaxis: "
                "<strong>epinephrine (adrenaline) 1 mg/mL, 0.5 mg (0.5 mL) intramuscularly "
                "into the anterolateral mid-thigh</strong>, repeated after 5 minutes if there "
                "is no improvement.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "worsening",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Give intramuscular epinephrine",
                    "next": "call-ems",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. IM epinephrine into the outer thigh, 0.5 mg of 1 mg/mL as the "
                        "clinic's standing order sets out, is the first and most important "
                        "treatment. It can go through clothing. Note the time, because you may "
                        "need to repeat it."
                    ),
                },
                {
                    "label": "Use his salbutamol inhaler and give an antihistamine first",
                    "next": "worsening",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. The inhaler may ease the wheeze and an antihistamine the itch, but "
                        "neither treats the swelling or the falling blood pressure. They can "
                        "come later; epinephrine comes first and must not wait."
                    ),
                },
                {
                    "label": "Wait for the paramedics to give the epinephrine",
                    "next": "worsening",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. The longer epinephrine is delayed, the harder a severe reaction is "
                        "to reverse. The standing order is there so that trained staff give it "
                        "without waiting for anyone."
                    ),
                },
            ],
        },
        {
            "key": "call-ems",
            "title": "Ambulance now or later?",
            "situation": (
                "<p>Epinephrine went into his left thigh at 10:42. He is still pale and "
                "wheezy. Your colleague asks whether to call an ambulance now or wait and see "
                "whether the injection works.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "ems-delayed",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Call EMS",
                    "next": "oxygen-monitor",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Anyone who needs epinephrine for anaphylaxis needs emergency "
                        "care: symptoms can come back or get worse, and another dose may be "
                        "needed. Say 'anaphylaxis' on the call, give the address and the time "
                        "of the first dose, and send someone to meet the crew."
                    ),
                },
                {
                    "label": "Wait to see whether the injection works first",
                    "next": "ems-delayed",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Waiting to see costs time you may not have. If the reaction "
                        "returns, the ambulance is still a long way off."
                    ),
                },
                {
                    "label": "Ask a colleague to drive him to the emergency department",
                    "next": "ems-delayed",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. A car has no oxygen, no monitoring and no one free to give a second "
                        "dose, and he could collapse on the way. Call EMS."
                    ),
                },
            ],
        },
        {
            "key": "oxygen-monitor",
            "title": "Waiting for EMS",
            "situation": (
                "<p>The ambulance is on its way, about 10 minutes out. He is lying flat, "
                "anxious and still wheezy. The emergency kit has an oxygen cylinder with a "
                "mask, an automatic blood-pressure cuff and a pulse oximeter.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Give oxygen if trained and monitor vital signs, noting the times",
                    "next": "reassess",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Oxygen by mask if you are trained and it is in your kit, and "
                        "pulse, blood pressure, oxygen saturation and breathing every few "
                        "minutes, each with the time written down. Stay with him and keep the "
                        "kit open."
                    ),
                },
                {
                    "label": "Let him rest quietly while you write up the notes next door",
                    "next": "worsening",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Anaphylaxis can get worse quickly even after epinephrine. He must "
                        "not be left alone, and his observations need checking and recording "
                        "often."
                    ),
                },
            ],
        },
        {
            "key": "reassess",
            "title": "Five minutes after the first dose",
            "situation": (
                "<p>It is 10:47, five minutes after the epinephrine. He says his throat is "
                "still tight. Blood pressure 82/50, pulse 118, saturation 93% on oxygen, and "
                "the wheeze has not changed. The hives have spread to his arms. The ambulance "
                "is about 5 minutes away.</p>"
            ),
            "timer_seconds": 45,
            "timeout_next": "worsening",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Repeat intramuscular epinephrine per the standing order",
                    "next": "handover",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. No improvement after 5 minutes is the standing order's cue for "
                        "a second dose, given into the other thigh, with the time noted."
                    ),
                },
                {
                    "label": "Wait for the ambulance; the first dose needs longer",
                    "next": "worsening",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. When a dose has not helped within about 5 minutes, the standing "
                        "order says repeat it. Waiting leaves low blood pressure and airway "
                        "symptoms untreated."
                    ),
                },
                {
                    "label": "Give an antihistamine tablet instead",
                    "next": "worsening",
                    "points": -7,
                    "critical": False,
                    "feedback": (
                        "No. With a tight throat he may not swallow safely, and an "
                        "antihistamine does not treat the airway swelling or low blood "
                        "pressure. A second epinephrine dose does."
                    ),
                },
            ],
        },
        {
            "key": "handover",
            "title": "The paramedics arrive",
            "situation": (
                "<p>Five minutes after the second dose he is improving: blood pressure "
                "106/68, saturation 97%, the wheeze is softer and his voice clearer. The "
                "paramedics walk in. He says he feels much better and would rather just go "
                "home.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Hand over to EMS with the times and doses given",
                    "next": "good-handover",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. A clear handover: the likely trigger (the numbing cream and its "
                        "ingredients, with the tube sent along), when symptoms began, both "
                        "epinephrine doses and their times, the oxygen, the trend in his "
                        "observations and his asthma. He should go to hospital for observation, "
                        "because symptoms can return hours later."
                    ),
                },
                {
                    "label": "Agree he can go home now that he feels better",
                    "next": "harm-biphasic",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. After anaphylaxis that needed two doses of epinephrine he needs "
                        "hospital observation: a second wave of symptoms can come hours later. "
                        "He will also need an allergy referral and possibly an auto-injector."
                    ),
                },
            ],
        },
        {
            "key": "worsening",
            "title": "Getting worse",
            "situation": (
                "<p>Over the next few minutes he deteriorates. His lips and tongue are "
                "swelling, his voice is down to a whisper and the wheeze is loud. Blood "
                "pressure 70/40, pulse 136, saturation 88%. He is drowsy and confused and "
                "says he can't breathe.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "unresponsive",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Give intramuscular epinephrine",
                    "next": "late-recovery",
                    "points": 5,
                    "critical": True,
                    "feedback": (
                        "Right, but late. Even now, IM epinephrine under the standing order is "
                        "what can turn this around. Lay him flat (half sitting if breathing is "
                        "the bigger problem), wipe off any remaining cream and get help if you "
                        "have not already. The delay has let the reaction get worse."
                    ),
                },
                {
                    "label": "Give another antihistamine and keep watching",
                    "next": "unresponsive",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Antihistamines do nothing for airway swelling or shock. Without "
                        "epinephrine this reaction is heading for collapse."
                    ),
                },
            ],
        },
        {
            "key": "late-recovery",
            "title": "A partial response",
            "situation": (
                "<p>A few minutes after the epinephrine he rallies a little: blood pressure "
                "88/54, saturation 92%, still wheezy and frightened. Nobody is sure whether an "
                "ambulance has been called.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": (
                        "Make sure EMS is called, give oxygen, monitor, and repeat epinephrine "
                        "at 5 minutes if needed"
                    ),
                    "next": "partial-delayed",
                    "points": 5,
                    "critical": False,
                    "feedback": (
                        "Right. Confirm the ambulance is coming, keep him flat, give oxygen if "
                        "trained, record his observations with times and give the second dose "
                        "under the standing order if he is not clearly better at 5 minutes."
                    ),
                },
                {
                    "label": "Sit him up and let him go home once he feels better",
                    "next": "harm-biphasic",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. He is still unwell, sitting him up with low blood pressure risks "
                        "collapse, and anyone who has needed epinephrine for anaphylaxis must "
                        "go to hospital."
                    ),
                },
            ],
        },
        {
            "key": "ems-delayed",
            "title": "Symptoms come back",
            "situation": (
                "<p>Ten minutes go by without an ambulance being called. Before he has left "
                "the room, the first dose starts to wear off: his throat tightens again, the "
                "wheeze is louder and his blood pressure is 76/46. He is pale and "
                "frightened.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "unresponsive",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Call EMS now and repeat epinephrine per the standing order",
                    "next": "partial-delayed",
                    "points": 4,
                    "critical": False,
                    "feedback": (
                        "Right, but late. Call now, give the second dose, keep him flat, give "
                        "oxygen if trained and monitor. The lost ten minutes mean help arrives "
                        "later than it should have."
                    ),
                },
                {
                    "label": "Keep waiting; the first injection may kick back in",
                    "next": "unresponsive",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. Symptoms returning after epinephrine mean the reaction is still "
                        "going on. Waiting without EMS or a second dose risks collapse."
                    ),
                },
            ],
        },
        {
            "key": "unresponsive",
            "title": "Unresponsive",
            "situation": (
                "<p>He stops answering. He does not respond when you shout and squeeze his "
                "shoulder, and he is <strong>not breathing normally</strong>: just occasional "
                "gasps.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Start BLS: make sure EMS is called, start compressions, get the AED",
                    "next": "harm-arrest",
                    "points": 8,
                    "critical": False,
                    "feedback": (
                        "Right. Unresponsive and not breathing normally means cardiac arrest. "
                        "Make sure the ambulance is coming, start chest compressions and use "
                        "the AED as soon as it arrives. Follow the standing order on "
                        "epinephrine without interrupting compressions."
                    ),
                },
                {
                    "label": "Put him in the recovery position and wait for the ambulance",
                    "next": "harm-arrest",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. Occasional gasps are not normal breathing. Someone unresponsive "
                        "and not breathing normally needs CPR straight away; the recovery "
                        "position is for people who are breathing normally."
                    ),
                },
            ],
        },
        {
            "key": "good-handover",
            "title": "Good outcome",
            "situation": (
                "<p>The paramedics take over and he leaves for hospital, talking and "
                "comfortable.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "good",
            "summary": (
                "You recognised anaphylaxis quickly, called for help, removed the cream, laid "
                "him flat, gave IM epinephrine under the standing order, called EMS, gave "
                "oxygen and monitored him, repeated the dose at 5 minutes and handed over with "
                "times and doses. He was observed in hospital overnight, referred to an allergy "
                "clinic and given an auto-injector. The clinic now asks about reactions to "
                "dental or other local anaesthetics before any numbing cream goes on."
            ),
            "choices": [],
        },
        {
            "key": "partial-delayed",
            "title": "Recovered after a delay",
            "situation": ("<p>The ambulance arrives and takes him to hospital.</p>"),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "partial",
            "summary": (
                "He recovered in hospital, but epinephrine or the ambulance came later than it "
                "should have, and he spent longer with low blood pressure and a swelling airway "
                "than he needed to. Debrief the order: recognise, call for help, remove the "
                "cream, lay flat, IM epinephrine under the standing order, call EMS, oxygen and "
                "monitoring, repeat the dose at 5 minutes, hand over."
            ),
            "choices": [],
        },
        {
            "key": "harm-biphasic",
            "title": "Sent home too soon",
            "situation": (
                "<p>He leaves the clinic for home. That evening his partner calls an ambulance.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "He went home instead of to hospital. Hours later the symptoms came back, and "
                "he needed emergency treatment at home with no epinephrine to hand. Anyone who "
                "has needed epinephrine for anaphylaxis should go to hospital for observation, "
                "with a clear handover to EMS."
            ),
            "choices": [],
        },
        {
            "key": "harm-arrest",
            "title": "Cardiac arrest",
            "situation": (
                "<p>The paramedics take over resuscitation and he is taken to hospital.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "Treatment came too late and the reaction went on to cardiac arrest. Prompt CPR "
                "and the AED give the best chance once that happens, but this is the outcome "
                "the drill exists to prevent: early recognition, early IM epinephrine under the "
                "standing order and an early call to EMS."
            ),
            "choices": [],
        },
    ],
    "milestones": [
        "Anaphylaxis recognised",
        "Help called",
        "Cream removed and patient laid flat",
        "First epinephrine dose given",
        "EMS called",
        "Oxygen and monitoring started",
        "Second dose given if no improvement",
        "Handover to EMS",
    ],
    "checklist": [
        {"item": "Anaphylaxis recognised and said out loud", "required": True},
        {"item": "Cream removed; patient flat (half sitting only if breathless)", "required": True},
        {
            "item": "IM epinephrine 0.5 mg (1 mg/mL) into the outer thigh per standing order",
            "required": True,
        },
        {"item": "EMS called and told 'anaphylaxis'", "required": True},
        {"item": "Oxygen (if trained) and vital signs recorded with times", "required": True},
        {"item": "Second dose given at 5 minutes if no improvement", "required": True},
        {"item": "Handover with doses and times; cream tube sent with him", "required": True},
        {"item": "Incident report and allergy alert on the record", "required": False},
    ],
}

# ------------------------------------------------------------------------------------------
# 3. Vasovagal collapse during microneedling
# ------------------------------------------------------------------------------------------
VASOVAGAL_MICRONEEDLING = {
    "slug": "vasovagal-microneedling",
    "title": "Vasovagal collapse during microneedling",
    "sample_note": SAMPLE_NOTE,
    "vignette": {
        "procedure": "Microneedling of the cheeks and forehead for acne scarring, first session",
        "device": (
            "Motorised microneedling pen, 12-needle cartridge, 1.5 mm on the cheeks and 0.5 mm "
            "on the forehead; topical anaesthetic removed before starting; patient reclined at "
            "about 45 degrees"
        ),
        "fitzpatrick": "III",
        "history": (
            "26-year-old woman, first microneedling session. Says she hates needles and once "
            "fainted during a blood test. Has skipped breakfast and lunch on a busy day and "
            "plans to drive herself home. Finished isotretinoin nine months ago. Takes a "
            "combined oral contraceptive. No known allergies; no heart problems, diabetes or "
            "epilepsy."
        ),
    },
    "objectives": [
        "Stop the procedure and lay a fainting patient flat with legs raised",
        "Check responsiveness, breathing and pulse, and call for help",
        "Let the patient recover slowly and send them home safely, without driving",
        "Recognise when a collapse is not a simple faint and escalate to EMS or BLS",
    ],
    "protocol_slugs": ["microneedling-downtime", "laser-vein-complications-emergency"],
    "start": "slumped",
    "nodes": [
        {
            "key": "slumped",
            "title": "Pale, sweaty, then slumped",
            "situation": (
                "<p>A few minutes into her cheeks she says she feels hot and sick. Before you "
                "can answer she goes very pale and sweaty, grey around the lips; her eyes roll "
                "up and she slumps sideways in the reclined chair. She does not answer when "
                "you say her name.</p>"
                "<p>The pen is still running in your hand, a few centimetres from her "
                "face.</p>"
            ),
            "timer_seconds": 25,
            "timeout_next": "not-recovering",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Stop the procedure and lay her flat with legs raised",
                    "next": "check-abc",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Switch the pen off and put it down safely, recline the chair "
                        "fully (or get her flat on the couch) and raise her legs. Bringing her "
                        "head level with her heart is what ends most faints quickly."
                    ),
                },
                {
                    "label": "Keep her sitting up and fan her face",
                    "next": "not-recovering",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Propped up, too little blood reaches her brain, so the faint lasts "
                        "longer and can bring on jerking movements. Flat with legs raised is "
                        "the position."
                    ),
                },
                {
                    "label": "Give her a sip of water to bring her round",
                    "next": "not-recovering",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Never put anything in the mouth of someone who is not fully "
                        "awake: she could choke or breathe it in. Position comes first."
                    ),
                },
            ],
        },
        {
            "key": "check-abc",
            "title": "Flat on the couch",
            "situation": (
                "<p>The pen is off and on the trolley. She is lying flat with her legs raised "
                "on a pillow. Her eyes are closed and her face is pale and damp.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "not-recovering",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Check responsiveness, breathing and pulse",
                    "next": "call-help",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Speak to her and squeeze her shoulder, look, listen and feel "
                        "for normal breathing for no more than 10 seconds, and feel for a "
                        "pulse. That tells you whether this is a simple faint or something "
                        "that needs BLS."
                    ),
                },
                {
                    "label": "Dispose of the needle cartridge first",
                    "next": "not-recovering",
                    "points": -3,
                    "critical": False,
                    "feedback": (
                        "Not yet. The pen is off and out of reach, so the sharps can wait a "
                        "minute. Her breathing and pulse come first."
                    ),
                },
                {
                    "label": "Let her sleep it off while you tidy up",
                    "next": "not-recovering",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Until you have checked her breathing and pulse you do not know "
                        "that this is a faint, and a faint should end within a minute or so of "
                        "lying flat."
                    ),
                },
            ],
        },
        {
            "key": "call-help",
            "title": "Breathing, with a slow pulse",
            "situation": (
                "<p>She is breathing normally. Her wrist pulse is slow, about 46 a minute, "
                "weak but regular. She groans and her eyelids flicker when you say her name. "
                "You are alone in the room, the couch is narrow, and the needle cartridge is "
                "still on the trolley beside her.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Call for help and protect her from injury",
                    "next": "come-round",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Press the call button or shout so a colleague comes with the "
                        "emergency kit and a blood-pressure cuff. Stay with her, keep a hand "
                        "on her so she cannot roll off the couch, and push the trolley with "
                        "the sharps out of reach."
                    ),
                },
                {
                    "label": "Leave her for a moment to fetch someone from reception",
                    "next": "harm-injured",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Someone coming round from a faint is often confused and may try "
                        "to get up or roll off the couch. Call for help from where you are and "
                        "do not leave her."
                    ),
                },
            ],
        },
        {
            "key": "come-round",
            "title": "She comes round",
            "situation": (
                "<p>Within a minute she opens her eyes, knows where she is and apologises. "
                "She is still pale and queasy. Blood pressure 90/56, pulse 58. She says she "
                "is fine, wants to sit up straight away and asks you to finish so she can get "
                "back to work.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Let her recover lying down, sit her up slowly and observe",
                    "next": "glucose-check",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Keep her flat until the nausea and pallor pass, then sit her "
                        "up in stages, pausing at each, and recheck her pulse and blood "
                        "pressure. Keep watching her for a while after she feels normal; a "
                        "loosened collar and a cool cloth help."
                    ),
                },
                {
                    "label": "Sit her straight up and carry on with the treatment",
                    "next": "second-faint",
                    "points": -6,
                    "critical": False,
                    "feedback": (
                        "No. Sitting up too soon is the classic way to bring on a second faint, "
                        "and going back to the needles, the trigger, makes another one more "
                        "likely."
                    ),
                },
            ],
        },
        {
            "key": "glucose-check",
            "title": "Recovering in the chair",
            "situation": (
                "<p>Twenty minutes later she is sitting up and chatting, and her colour is "
                "back. Blood pressure 112/72, pulse 74 and regular. She mentions she has not "
                "eaten anything today.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Check her glucose and offer a sugary drink and a snack",
                    "next": "discharge",
                    "points": 8,
                    "critical": False,
                    "feedback": (
                        "Right. A long fast makes fainting more likely. If you are trained and "
                        "have a meter, check a finger-prick glucose; now that she is fully "
                        "awake and can swallow, a sugary drink and a snack make sense either "
                        "way."
                    ),
                },
                {
                    "label": "Walk her straight out to the waiting room",
                    "next": "second-faint",
                    "points": -5,
                    "critical": False,
                    "feedback": (
                        "No. Standing and walking soon after a faint, on an empty stomach, "
                        "invites another one. Food, a drink and more time come first."
                    ),
                },
            ],
        },
        {
            "key": "discharge",
            "title": "Going home",
            "situation": (
                "<p>She has eaten, feels well and her observations are normal. She would "
                "like you to finish her forehead now, and says she will drive herself home "
                "afterwards.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": (
                        "Postpone the rest of the treatment and arrange a way home (no driving)"
                    ),
                    "next": "good-safe",
                    "points": 10,
                    "critical": True,
                    "feedback": (
                        "Right. Rebook for another day, after a meal and with her lying flat. "
                        "She should not drive today: arrange a lift or a taxi with someone to "
                        "go with her. Record the event with times and observations, tell the "
                        "supervising clinician and complete an incident report."
                    ),
                },
                {
                    "label": "Finish the forehead now that she feels better",
                    "next": "second-faint",
                    "points": -4,
                    "critical": False,
                    "feedback": (
                        "No. The trigger has not changed, and a second faint on the same day is "
                        "common. Finish on another day."
                    ),
                },
                {
                    "label": "Let her drive herself home after a cup of tea",
                    "next": "partial-drove-home",
                    "points": -5,
                    "critical": False,
                    "feedback": (
                        "No. Having fainted within the hour, she is not safe to drive. Arrange "
                        "a lift or a taxi with someone to go with her."
                    ),
                },
            ],
        },
        {
            "key": "second-faint",
            "title": "Another collapse, and something is not right",
            "situation": (
                "<p>A few minutes later she slumps again. This time she is out for well over a "
                "minute and her arms and legs jerk for longer than a few seconds. When she "
                "comes round she holds her chest, says it feels tight and that her heart is "
                "racing.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "harm-injured",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Lay her flat, call EMS and monitor her; be ready to start BLS",
                    "next": "partial-ems",
                    "points": 6,
                    "critical": False,
                    "feedback": (
                        "Right. Chest pain, a racing heart and prolonged jerking are not "
                        "features of a simple faint: she needs an ambulance and assessment for "
                        "a heart rhythm problem or a seizure. Keep her flat, record her "
                        "observations with times, and start BLS if she stops breathing "
                        "normally."
                    ),
                },
                {
                    "label": "Put it down to another faint and send her home after a rest",
                    "next": "harm-injured",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. A repeat collapse with chest pain, palpitations and prolonged "
                        "jerking is atypical and needs emergency assessment, not reassurance."
                    ),
                },
            ],
        },
        {
            "key": "not-recovering",
            "title": "Not coming round",
            "situation": (
                "<p>More than a minute has gone by and she still is not responding properly. "
                "She is grey and clammy, her breathing sounds noisy and her arms have been "
                "twitching.</p>"
            ),
            "timer_seconds": 30,
            "timeout_next": "no-pulse",
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": (
                        "Lay her flat if she isn't already, call EMS and check breathing and pulse"
                    ),
                    "next": "partial-ems",
                    "points": 6,
                    "critical": False,
                    "feedback": (
                        "Right. A faint that does not end promptly once the patient is flat is "
                        "not a simple faint. Call EMS, keep her airway clear (recovery "
                        "position if she is breathing normally), recheck breathing and pulse, "
                        "and be ready to start CPR."
                    ),
                },
                {
                    "label": "Keep waiting; faints always pass on their own",
                    "next": "no-pulse",
                    "points": -8,
                    "critical": False,
                    "feedback": (
                        "No. Most faints end within a minute or so of lying flat. Staying "
                        "unresponsive for longer is an emergency."
                    ),
                },
            ],
        },
        {
            "key": "no-pulse",
            "title": "Not breathing normally",
            "situation": (
                "<p>You shake her shoulder and shout: no response. She is <strong>not "
                "breathing normally</strong> and you cannot feel a pulse.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": None,
            "summary": "",
            "choices": [
                {
                    "label": "Start BLS: call EMS, start chest compressions, get the AED",
                    "next": "harm-arrest",
                    "points": 8,
                    "critical": False,
                    "feedback": (
                        "Right. No response, no normal breathing and no pulse means cardiac "
                        "arrest: get the ambulance called, start compressions straight away "
                        "and use the AED as soon as it arrives."
                    ),
                },
                {
                    "label": "Wait for her to come round",
                    "next": "harm-arrest",
                    "points": -10,
                    "critical": False,
                    "feedback": (
                        "No. Someone who is unresponsive and not breathing normally needs CPR "
                        "at once. Every minute without compressions lowers the chance of "
                        "survival."
                    ),
                },
            ],
        },
        {
            "key": "good-safe",
            "title": "Safe recovery",
            "situation": (
                "<p>Her sister collects her an hour after the faint. Her treatment is rebooked "
                "for next week.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "good",
            "summary": (
                "You stopped the procedure, laid her flat with her legs raised, checked "
                "responsiveness, breathing and pulse, called for help and kept her safe. She "
                "recovered slowly under observation, ate and drank, and went home without "
                "driving. The event was recorded and reported, and her next session is planned "
                "after a meal, lying flat, with a colleague nearby."
            ),
            "choices": [],
        },
        {
            "key": "partial-ems",
            "title": "Ambulance needed",
            "situation": ("<p>The paramedics arrive and take her to hospital for assessment.</p>"),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "partial",
            "summary": (
                "The collapse went on too long or had features a simple faint does not have, "
                "and calling EMS was right. She recovered, but the early steps (stop, lie flat "
                "with legs raised, check breathing and pulse, let her recover slowly before "
                "sitting or standing) might have made the ambulance unnecessary. Debrief "
                "which of them came late."
            ),
            "choices": [],
        },
        {
            "key": "partial-drove-home",
            "title": "Drove home too soon",
            "situation": (
                "<p>She drives off. Ten minutes later she feels faint at a set of traffic "
                "lights and has to pull over.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "partial",
            "summary": (
                "The faint itself was handled well, but letting her drive within an hour of "
                "losing consciousness put her and other road users at risk. She pulled over "
                "safely this time. After a faint, arrange a lift or a taxi with someone to go "
                "with her."
            ),
            "choices": [],
        },
        {
            "key": "harm-injured",
            "title": "A fall and a head injury",
            "situation": (
                "<p>She collapses again with nobody ready to catch her and strikes her head as "
                "she falls.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "She was left unsupported, or sent on her way too soon, and fell during "
                "another collapse, cutting her head. She needed emergency care, including "
                "tests for a cause beyond a simple faint. Stay with a patient who has fainted, "
                "call for help from where you are, and treat an atypical or repeated collapse "
                "as an emergency."
            ),
            "choices": [],
        },
        {
            "key": "harm-arrest",
            "title": "Cardiac arrest",
            "situation": (
                "<p>The paramedics take over resuscitation and she is taken to hospital.</p>"
            ),
            "timer_seconds": None,
            "timeout_next": None,
            "outcome": "harm",
            "summary": (
                "What looked like a faint turned out to be, or became, a cardiac arrest. Prompt "
                "CPR and the AED give the best chance once that happens. The debrief: a faint "
                "that does not end quickly when the patient is flat, or comes with unusual "
                "features, needs EMS straight away, and no normal breathing means BLS at once."
            ),
            "choices": [],
        },
    ],
    "milestones": [
        "Procedure stopped and patient flat",
        "Responsiveness, breathing and pulse checked",
        "Help called",
        "Patient recovered and observed",
        "Safe discharge arranged (no driving)",
    ],
    "checklist": [
        {"item": "Pen switched off and needles made safe", "required": True},
        {"item": "Patient laid flat with legs raised", "required": True},
        {"item": "Responsiveness, breathing and pulse checked", "required": True},
        {"item": "Help called without leaving the patient", "required": True},
        {"item": "Pulse and blood pressure rechecked and recorded with times", "required": True},
        {"item": "Glucose checked if trained and indicated", "required": False},
        {"item": "Treatment postponed and a safe way home arranged", "required": True},
        {"item": "Event recorded and supervising clinician told", "required": True},
    ],
}

SCENARIOS: list[dict] = [
    LASER_VEIN_BURN,
    ANAPHYLAXIS_TOPICAL_ANAESTHETIC,
    VASOVAGAL_MICRONEEDLING,
]
