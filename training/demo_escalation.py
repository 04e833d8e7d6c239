"""Sample training modules on assessment and escalation: erythema, laser vein emergencies and
the clinical-to-spa referral.

Sample content: a clinic's medical director must review every module and question before staff
rely on it.
"""

ESCALATION_MODULES: list[dict] = [
    # 1. Post-procedure erythema
    {
        "slug": "post-procedure-erythema",
        "title": "Assessing post-procedure erythema",
        "protocol_slug": "post-procedure-erythema",
        "summary": (
            "How to grade, photograph and record redness after a treatment, and how to tell "
            "expected redness from a reaction the supervising clinician must see."
        ),
        "objectives": [
            "grade redness on the clinic's 0-4 scale, including on darker skin.",
            "take and record consistent, private follow-up photographs.",
            "name the red flags that mean stop and call the clinician now.",
            "decide when redness needs same-day escalation and record it.",
        ],
        "estimated_minutes": 15,
        "roles": ["laser-technician", "esthetician", "injector"],
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>Why we grade redness</h2>"
                "<p>Some redness after a procedure is normal. A shared grade lets anyone on the "
                "team compare today with yesterday and notice a reaction that is getting worse. "
                "The scale is the clinic's documentation shorthand, not a diagnosis.</p>"
                "<h3>The clinic scale</h3>"
                "<ul>"
                "<li><strong>0, none:</strong> matches nearby untreated skin.</li>"
                "<li><strong>1, faint:</strong> light pink you have to look for; no swelling.</li>"
                "<li><strong>2, clear:</strong> obvious pink or red over the treated area, perhaps "
                "slight swelling.</li>"
                "<li><strong>3, marked:</strong> deep red with clear swelling, warmth or "
                "discomfort.</li>"
                "<li><strong>4, severe:</strong> intense or purplish red with blisters, broken "
                "skin or significant pain.</li>"
                "</ul>"
                "<p>On darker skin, redness may show as brown, purple or simply darker skin. "
                "Judge warmth, swelling and texture as well as colour.</p>",
            ),
            (
                "pearl",
                {
                    "title": "Compare, then trend",
                    "body": "<p>Always compare with untreated skin right next to the area, and "
                    "with the last grade and photo. One grade tells you little; the direction it "
                    "is moving tells you whether healing is on track.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Assess and record",
                    "items": [
                        "Confirm who the patient is, what was done and when.",
                        "Ask about pain, itch, warmth, discharge, fever and products used since.",
                        "Look in good, even light and compare with untreated skin nearby.",
                        "Give a grade from 0 to 4 and note swelling, warmth and any broken skin.",
                        "With consent, photograph using clinic devices and the standard views.",
                        "Record grade, findings and photos with the date and time.",
                        "Compare with earlier grades and photos: better, same or worse?",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Red flags: stop and call the clinician now",
                    "body": "<ul>"
                    "<li>Blistering or broken skin that was not expected.</li>"
                    "<li>Grey, white, dusky or mottled skin.</li>"
                    "<li>Warmth or redness spreading beyond the treated area.</li>"
                    "<li>Pain out of proportion to what you can see.</li>"
                    "<li>Fever, pus, or the patient feeling generally unwell.</li>"
                    "</ul>"
                    "<p>Do not apply any further treatment while you wait.</p>",
                },
            ),
            (
                "rich_text",
                "<h2>Expected or escalate?</h2>"
                "<p>Typical redness: laser hair removal and IPL, hours to about two days; "
                "superficial peel or microneedling, one to three days; non-ablative resurfacing, "
                "two to five days; medium peels and ablative resurfacing, much longer. The "
                "treating provider's plan comes first.</p>"
                "<p>Escalate to the supervising clinician <strong>the same day</strong> for any "
                "grade 4, a grade 3 that is not clearly better within 48 hours, or redness lasting "
                "longer than expected for the procedure. Red flags are raised straight away. "
                "<strong>If unsure, escalate.</strong> Record who you spoke to, when, and what "
                "was agreed.</p>",
            ),
            (
                "protocol_link",
                {
                    "slug": "post-procedure-erythema",
                    "note": "The full scale, typical durations and photo standards to keep "
                    "at hand.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "The day after laser hair removal on the legs, a patient shows you an "
                "obvious, even pink colour over the whole treated area with slight puffiness. "
                "There are no blisters and she is comfortable. Which grade do you record?",
                "choices": [
                    {
                        "text": "Grade 2, clear",
                        "weight": 100,
                        "feedback": "Right: obvious pink or red over the area, possibly with "
                        "slight swelling, is grade 2.",
                    },
                    {
                        "text": "Grade 1, faint",
                        "weight": 0,
                        "feedback": "Grade 1 is light pink you have to look for, with no swelling.",
                    },
                    {
                        "text": "Grade 3, marked",
                        "weight": 0,
                        "feedback": "Grade 3 is deep red with clear swelling, warmth or "
                        "discomfort; this patient is comfortable with only slight puffiness.",
                    },
                    {
                        "text": "Grade 4, severe",
                        "weight": 0,
                        "feedback": "Grade 4 needs intense or purplish redness with blisters, "
                        "broken skin or significant pain.",
                    },
                ],
                "explanation": "Grade what you see against the written scale. Obvious, even "
                "redness with slight swelling and no discomfort is grade 2, which is common the "
                "day after laser hair removal.",
                "tags": ["erythema-grading", "laser-hair-removal"],
            },
            {
                "kind": "single",
                "stem": "Two days after microneedling, a patient with deeply pigmented skin "
                "returns for a check. You see no obvious red, but the treated cheeks look "
                "darker and slightly purple-brown compared with the jawline. How do you "
                "assess it?",
                "choices": [
                    {
                        "text": "Compare with untreated skin next to it, check warmth, swelling "
                        "and texture, and grade from all of these.",
                        "weight": 100,
                        "feedback": "Right: on darker skin, redness may show as darker, brown or "
                        "purple skin, so colour alone is not enough.",
                    },
                    {
                        "text": "Record grade 0, because there is no visible red.",
                        "weight": 0,
                        "feedback": "Redness can look brown or purple on darker skin; grading "
                        "only by redness under-calls the reaction.",
                    },
                    {
                        "text": "Record grade 4, because purplish colour always means severe.",
                        "weight": 0,
                        "feedback": "Grade 4 also needs blisters, broken skin or significant "
                        "pain; grade from the whole picture.",
                    },
                    {
                        "text": "Tell her it is pigmentation and nothing to worry about, without "
                        "grading it.",
                        "weight": 0,
                        "feedback": "You cannot know that without assessing it, and every check "
                        "should be graded and recorded.",
                    },
                ],
                "explanation": "Compare with nearby untreated skin and look at warmth, swelling "
                "and texture as well as colour. This matters most on darker skin, where redness "
                "does not always look red.",
                "tags": ["erythema-grading", "skin-of-colour", "microneedling"],
            },
            {
                "kind": "single",
                "stem": "A patient was grade 3 one day after a superficial peel. Today, day 3, "
                "you grade it 3 again: deep red, swollen and warm, no better than before. No red "
                "flags are present. What do you do?",
                "choices": [
                    {
                        "text": "Escalate to the supervising clinician today and record who you "
                        "spoke to and what was agreed.",
                        "weight": 100,
                        "feedback": "Right: a grade 3 that is not clearly improving within 48 "
                        "hours needs same-day escalation.",
                    },
                    {
                        "text": "Reassure her, and review again in a week if it has not settled.",
                        "weight": 0,
                        "feedback": "A week is too long; a grade 3 that is not improving after 48 "
                        "hours is escalated the same day.",
                    },
                    {
                        "text": "Suggest a richer moisturiser and an over-the-counter steroid "
                        "cream, then recheck next week.",
                        "weight": 0,
                        "feedback": "Recommending treatment is the clinician's decision, and the "
                        "delay is unsafe.",
                    },
                    {
                        "text": "Record the grade only; escalation is only for grade 4.",
                        "weight": 0,
                        "feedback": "Grade 4 is one trigger, but so is a grade 3 that is not "
                        "clearly improving within 48 hours.",
                    },
                ],
                "explanation": "The trend matters. Redness that stays marked beyond 48 hours, or "
                "lasts longer than expected for the procedure, goes to the supervising clinician "
                "the same day, and the conversation is recorded.",
                "tags": ["escalation", "chemical-peel", "documentation"],
            },
            {
                "kind": "single",
                "stem": "Reviewing a patient shortly after IPL, you notice a dusky grey patch in "
                "the middle of the redness, and she says it hurts far more than the rest of the "
                "area looks like it should. What is your first action?",
                "choices": [
                    {
                        "text": "Stop, apply no further treatment, and contact the supervising "
                        "clinician immediately.",
                        "weight": 100,
                        "feedback": "Right: dusky or grey skin and pain out of proportion are "
                        "both red flags.",
                    },
                    {
                        "text": "Grade it 3, document it, and book a review for tomorrow.",
                        "weight": 0,
                        "feedback": "Red flags are not for tomorrow; the clinician needs to see "
                        "her now.",
                    },
                    {
                        "text": "Apply the usual aftercare cream and send her home with the "
                        "aftercare sheet.",
                        "weight": 0,
                        "feedback": "Sending her home misses a possible burn or other serious "
                        "injury.",
                    },
                    {
                        "text": "Finish treating the rest of the area, then call the clinician.",
                        "weight": 0,
                        "feedback": "Never continue treatment when a red flag appears.",
                    },
                ],
                "explanation": "Grey, white, dusky or mottled skin and pain out of proportion are "
                "red flags. Stop, treat no further, and get the supervising clinician straight "
                "away.",
                "tags": ["red-flags", "escalation", "ipl"],
            },
            {
                "kind": "single",
                "stem": "Two days after non-ablative laser resurfacing, a patient has grade 2 "
                "redness, down from grade 3 yesterday. There is no blistering, spreading warmth, "
                "fever or unusual pain. What is the most appropriate response?",
                "choices": [
                    {
                        "text": "Explain this is within the expected range, record the grade and "
                        "photos, and remind her what to call about.",
                        "weight": 100,
                        "feedback": "Right: two to five days of redness is typical for "
                        "non-ablative resurfacing, and it is improving.",
                    },
                    {
                        "text": "Call the supervising clinician urgently; any redness after two "
                        "days is abnormal.",
                        "weight": 0,
                        "feedback": "Redness for a few days is expected after this procedure, and "
                        "this is getting better.",
                    },
                    {
                        "text": "Skip the record, since nothing is wrong.",
                        "weight": 0,
                        "feedback": "Every check is recorded so the trend can be followed.",
                    },
                    {
                        "text": "Suggest a gentle exfoliating product to help the redness fade.",
                        "weight": 0,
                        "feedback": "Exfoliating healing skin can worsen irritation, and product "
                        "advice follows the provider's aftercare plan.",
                    },
                ],
                "explanation": "Not all redness needs escalating. Improving redness within the "
                "typical range for the procedure is reassured and recorded, with clear advice on "
                "the red flags to call about.",
                "tags": ["erythema-grading", "aftercare", "laser-resurfacing"],
            },
            {
                "kind": "multiple",
                "stem": "Which of these findings are red flags that mean you contact the "
                "supervising clinician immediately? Choose all that apply.",
                "choices": [
                    {
                        "text": "Warm redness spreading beyond the edge of the treated area.",
                        "weight": 34,
                        "feedback": "Right: spreading warmth or redness is a red flag.",
                    },
                    {
                        "text": "A fever and the patient saying she feels generally unwell.",
                        "weight": 33,
                        "feedback": "Right: fever or feeling unwell is a red flag.",
                    },
                    {
                        "text": "A blister that was not an expected part of the treatment.",
                        "weight": 33,
                        "feedback": "Right: unexpected blistering or broken skin is a red flag.",
                    },
                    {
                        "text": "Even pink redness limited to the treated area on the day after "
                        "laser hair removal.",
                        "weight": 0,
                        "feedback": "This is expected; grade and record it.",
                    },
                    {
                        "text": "Mild itch as the redness fades a few days after a peel.",
                        "weight": 0,
                        "feedback": "Mild itch while healing is common; note it and give the "
                        "usual aftercare advice.",
                    },
                ],
                "explanation": "The red flags are unexpected blistering or broken skin; grey, "
                "white, dusky or mottled skin; spreading warmth or redness; pain out of "
                "proportion; and fever, pus or feeling unwell.",
                "tags": ["red-flags", "escalation"],
            },
            {
                "kind": "multiple",
                "stem": "You are photographing a patient's redness at a follow-up visit. Which of "
                "these are correct practice? Choose all that apply.",
                "choices": [
                    {
                        "text": "Use the same distance, angle, background and lighting as the "
                        "earlier photos.",
                        "weight": 50,
                        "feedback": "Right: consistent views let you compare photos fairly.",
                    },
                    {
                        "text": "Ask for consent and use a clinic device and the clinic's photo "
                        "system.",
                        "weight": 50,
                        "feedback": "Right: photos are clinical records and stay in clinic "
                        "systems.",
                    },
                    {
                        "text": "Take it on your own phone for speed and delete it once uploaded.",
                        "weight": -50,
                        "feedback": "Patient photos must never be stored on a personal phone, "
                        "even briefly.",
                    },
                    {
                        "text": "Use whatever light is handy; the grade in the notes matters more "
                        "than the photo.",
                        "weight": 0,
                        "feedback": "Changing the lighting changes how red skin looks and makes "
                        "comparison unreliable.",
                    },
                ],
                "explanation": "Photos are part of the record: with consent, on clinic devices "
                "and systems, in the standard views and lighting, leaving out identifying "
                "features unless the record needs them.",
                "tags": ["photography", "documentation", "privacy"],
            },
            {
                "kind": "true_false",
                "stem": "A grade on the clinic's redness scale tells you whether a reaction is "
                "an infection or normal healing.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "The scale is a documentation shorthand, not a diagnostic "
                        "tool.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right: grading records what you see; the clinician decides "
                        "what it means.",
                    },
                ],
                "explanation": "The 0-4 scale lets staff describe and compare redness "
                "consistently. Working out the cause is for the supervising clinician.",
                "tags": ["erythema-grading", "scope-of-practice"],
            },
            {
                "kind": "true_false",
                "stem": "If you are not sure whether a patient's redness needs escalating, you "
                "should escalate it to the supervising clinician.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 100,
                        "feedback": "Right: if unsure, escalate, and record who you spoke to and "
                        "what was agreed.",
                    },
                    {
                        "text": "False",
                        "weight": 0,
                        "feedback": "Uncertainty is itself a reason to escalate; a missed "
                        "reaction costs far more than an extra call.",
                    },
                ],
                "explanation": "Escalation is expected whenever you are unsure. Record the time, "
                "the clinician you spoke to, and the plan you agreed.",
                "tags": ["escalation", "documentation"],
            },
        ],
    },
    # 2. Laser vein complications and in-clinic emergencies
    {
        "slug": "laser-vein-complications-emergency",
        "title": "Laser vein burns and in-clinic emergencies",
        "protocol_slug": "laser-vein-complications-emergency",
        "summary": (
            "What to do the moment a burn is suspected during laser vein treatment, and how "
            "the team handles fainting and anaphylaxis until EMS takes over."
        ),
        "objectives": [
            "recognise the signs of an epidermal burn and stop and cool.",
            "tell a simple faint from a possible anaphylaxis.",
            "describe the first minutes of the anaphylaxis response and your own part in it.",
            "record and hand over an emergency accurately.",
        ],
        "estimated_minutes": 20,
        "roles": ["laser-technician", "injector"],
        "recurrence_months": 6,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>Expected response or burn?</h2>"
                "<p>After a pulse on a vein, expect the vessel to fade or darken with mild "
                "redness and swelling around it. The skin surface itself should not change. "
                "Watch after every pulse and listen to the patient. Suspect an epidermal "
                "burn if you see:</p>"
                "<ul>"
                "<li>grey or white blanching of the skin surface right after a pulse</li>"
                "<li>sharp pain beyond the usual snap that does not settle</li>"
                "<li>a blister, lifting skin or a crusted look</li>"
                "</ul>",
            ),
            (
                "checklist",
                {
                    "title": "Suspected burn: stop, cool, call",
                    "items": [
                        "Stop firing and put the laser in standby.",
                        "Tell the patient calmly what you have seen.",
                        "Cool with a wrapped cold pack or cool compress; never bare ice.",
                        "Leave blisters intact; cover broken skin with a clean non-stick dressing.",
                        "Have the supervising clinician assess the patient before they leave.",
                        "Record device, handpiece, wavelength, fluence, pulse duration, spot "
                        "size and cooling.",
                        "Photograph with consent, note the timeline, and complete an incident "
                        "report.",
                    ],
                },
            ),
            (
                "rich_text",
                "<h2>Faint or anaphylaxis?</h2>"
                "<p><strong>Fainting</strong> is the most common clinic emergency. The "
                "patient often turns pale, sweaty, light-headed or sick first. Lay them flat "
                "with legs raised if safe, loosen tight clothing and check breathing. Most "
                "recover within a minute or two; sit them up slowly.</p>"
                "<p><strong>Anaphylaxis</strong> starts suddenly, often within minutes of a "
                "drug, anaesthetic, latex or other trigger, and affects the airway, "
                "breathing or circulation: throat tightness, hoarse voice, wheeze, "
                "breathlessness, faintness or collapse. Hives and swelling are common but "
                "may be absent.</p>"
                "<p>A 'faint' that does not recover quickly, or comes with breathing "
                "trouble, rash, swelling or chest pain, is an emergency: call for help and "
                "EMS.</p>",
            ),
            (
                "timed_steps",
                {
                    "title": "Anaphylaxis: the first minutes",
                    "steps": [
                        {
                            "at": "0 min",
                            "action": "Stop the procedure and remove the trigger if you "
                            "can. Call for help, the emergency kit and the AED.",
                        },
                        {
                            "at": "0-1 min",
                            "action": "Check airway, breathing and circulation. Lie flat "
                            "with legs raised, or sit up if breathing is hard.",
                        },
                        {
                            "at": "0-1 min",
                            "action": "At the same time a second person calls EMS, says "
                            "'anaphylaxis', gives the address, and sends someone to meet them.",
                        },
                        {
                            "at": "By 1-2 min",
                            "action": "Authorised staff give IM epinephrine per the "
                            "standing order (adult: up to 0.5 mg of 1 mg/mL) into the outer "
                            "thigh. Note the time.",
                        },
                        {
                            "at": "Every 5 min",
                            "action": "No improvement: repeat IM epinephrine per the "
                            "standing order in the other thigh. Record each time.",
                        },
                        {
                            "at": "Any time",
                            "action": "Unresponsive and not breathing normally: start CPR "
                            "and attach the AED until EMS arrives.",
                        },
                    ],
                },
            ),
            (
                "pearl",
                {
                    "title": "Epinephrine first, then hospital",
                    "body": "<p>IM epinephrine is the first-line treatment for "
                    "anaphylaxis; nothing else replaces it or should delay it. Anyone who "
                    "needed it goes to hospital with EMS, even if they feel well, because "
                    "symptoms can return hours later. Know where the kit and AED are: they "
                    "are checked daily and must be reachable within a minute.</p>",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "laser-vein-complications-emergency",
                    "note": "The full burn steps, emergency sequence and EMS hand-over checklist.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "During laser treatment of leg veins, the skin over the vessel turns "
                "greyish-white straight after a pulse and the patient reports a sharp pain "
                "that is not settling. What do you do first?",
                "choices": [
                    {
                        "text": "Stop firing and put the laser in standby.",
                        "weight": 100,
                        "feedback": "Right: grey-white blanching and persistent sharp pain "
                        "suggest an epidermal burn. Stop before anything else.",
                    },
                    {
                        "text": "Lower the fluence a little and carry on with extra cooling.",
                        "weight": 0,
                        "feedback": "Any further pulses risk a deeper injury; stop and get "
                        "the area assessed.",
                    },
                    {
                        "text": "Finish the vessel you are on, then cool the area.",
                        "weight": 0,
                        "feedback": "Finishing the vessel adds more energy to injured skin.",
                    },
                    {
                        "text": "Hold ice directly on the spot to numb it.",
                        "weight": 0,
                        "feedback": "Bare ice can injure skin further; use a wrapped cold "
                        "pack or cool compress, after stopping.",
                    },
                ],
                "explanation": "The skin surface should not change after a vein pulse. "
                "Grey or white blanching, a blister or pain that does not settle means "
                "stop, put the laser in standby, then cool and call the clinician.",
                "tags": ["laser-burn", "laser-safety"],
            },
            {
                "kind": "single",
                "stem": "You have stopped and cooled a suspected burn. A small blister has "
                "formed. The patient says she feels fine and wants to go home. What next?",
                "choices": [
                    {
                        "text": "Leave the blister intact, cover it with a clean non-stick "
                        "dressing, and have the supervising clinician assess her before she "
                        "leaves.",
                        "weight": 100,
                        "feedback": "Right: intact blisters protect the skin, and a clinician "
                        "must see a suspected burn before the patient goes.",
                    },
                    {
                        "text": "Drain the blister with a sterile needle to ease the "
                        "pressure, then send her home.",
                        "weight": 0,
                        "feedback": "Blisters are left intact; opening one raises the risk "
                        "of infection.",
                    },
                    {
                        "text": "Give her the aftercare sheet and book a review for next week.",
                        "weight": 0,
                        "feedback": "She must not leave before the supervising clinician "
                        "has assessed her.",
                    },
                    {
                        "text": "Apply a thick layer of the clinic's numbing cream and let her go.",
                        "weight": 0,
                        "feedback": "Numbing cream is not a burn treatment, and the "
                        "clinician still needs to assess her.",
                    },
                ],
                "explanation": "After stopping and cooling, protect the skin (blisters "
                "intact, non-stick dressing on broken skin) and make sure the supervising "
                "clinician assesses the patient before she leaves.",
                "tags": ["laser-burn", "escalation", "wound-care"],
            },
            {
                "kind": "multiple",
                "stem": "After a suspected laser burn, which of these must you record? "
                "Choose all that apply.",
                "choices": [
                    {
                        "text": "Device, handpiece, wavelength, fluence, pulse duration, spot "
                        "size and cooling settings.",
                        "weight": 34,
                        "feedback": "Right: the full settings are needed to understand what "
                        "happened.",
                    },
                    {
                        "text": "Photos taken with consent, and a timeline of what happened.",
                        "weight": 33,
                        "feedback": "Right: photos and times make the record reliable.",
                    },
                    {
                        "text": "An incident report, with follow-up as the clinician directs.",
                        "weight": 33,
                        "feedback": "Right: every suspected burn is reported as an incident.",
                    },
                    {
                        "text": "Nothing yet; wait to see whether it heals before writing "
                        "anything.",
                        "weight": -50,
                        "feedback": "Records are made at the time. Waiting loses detail and "
                        "can hide a pattern.",
                    },
                    {
                        "text": "Only the fluence, as the rest is in the device log.",
                        "weight": 0,
                        "feedback": "Fluence alone is not enough; record all the settings in "
                        "the patient record.",
                    },
                ],
                "explanation": "Record the full device settings, photos and a timeline, and "
                "complete an incident report. Good records protect the patient and help the "
                "clinic prevent a repeat.",
                "tags": ["laser-burn", "documentation", "incident-reporting"],
            },
            {
                "kind": "single",
                "stem": "Before her laser vein session, a patient becomes pale, sweaty and "
                "light-headed, then briefly loses consciousness in the chair. She is "
                "breathing normally; there is no rash, swelling or wheeze. What do you do?",
                "choices": [
                    {
                        "text": "Lay her flat with legs raised if safe, loosen tight "
                        "clothing, check her breathing, and call for help if she does not "
                        "recover quickly.",
                        "weight": 100,
                        "feedback": "Right: this looks like a faint. Most people recover "
                        "within a minute or two lying flat.",
                    },
                    {
                        "text": "Help her stand and walk to the window for fresh air.",
                        "weight": 0,
                        "feedback": "Standing her up can make her faint again and she may "
                        "fall; keep her lying down.",
                    },
                    {
                        "text": "Give IM epinephrine straight away.",
                        "weight": 0,
                        "feedback": "With no airway, breathing or circulation problems and "
                        "no rash or swelling, this is not anaphylaxis.",
                    },
                    {
                        "text": "Sit her upright and give her a glass of water at once.",
                        "weight": 0,
                        "feedback": "Sitting up too soon can bring the faint back, and she "
                        "may not swallow safely yet.",
                    },
                ],
                "explanation": "Fainting is the most common clinic emergency. Lie the patient "
                "flat with legs raised, loosen clothing and check breathing, then sit them "
                "up slowly. Slow recovery, breathing trouble, rash, swelling or chest pain "
                "turns it into a medical emergency.",
                "tags": ["vasovagal", "emergency-response"],
            },
            {
                "kind": "single",
                "stem": "Minutes after local anaesthetic, a patient develops a hoarse voice, "
                "wheeze and flushed skin and says her throat feels tight. Which treatment "
                "comes first?",
                "choices": [
                    {
                        "text": "IM epinephrine into the outer thigh, given without delay by "
                        "authorised staff under the standing order.",
                        "weight": 100,
                        "feedback": "Right: these airway and breathing signs point to "
                        "anaphylaxis, and IM epinephrine is first-line.",
                    },
                    {
                        "text": "An oral antihistamine, then watch her for 30 minutes.",
                        "weight": 0,
                        "feedback": "Antihistamines do not treat airway or circulation "
                        "problems, and waiting delays life-saving treatment.",
                    },
                    {
                        "text": "Wait for hives to appear to confirm it is anaphylaxis.",
                        "weight": 0,
                        "feedback": "Hives may never appear; airway and breathing signs are "
                        "enough to act.",
                    },
                    {
                        "text": "Lay her flat and wait for EMS to give any medicine.",
                        "weight": 0,
                        "feedback": "Calling EMS is essential, but epinephrine must not wait "
                        "for them.",
                    },
                ],
                "explanation": "Sudden airway, breathing or circulation symptoms after a "
                "trigger suggest anaphylaxis. IM epinephrine into the anterolateral thigh is "
                "first-line and is not delayed; dose and who gives it follow the standing "
                "order.",
                "tags": ["anaphylaxis", "epinephrine", "emergency-response"],
            },
            {
                "kind": "multiple",
                "stem": "You are a laser technician, not authorised to give epinephrine. A "
                "colleague is managing a patient with suspected anaphylaxis. Which are "
                "useful things for you to do? Choose all that apply.",
                "choices": [
                    {
                        "text": "Bring the emergency kit and the AED.",
                        "weight": 34,
                        "feedback": "Right: the kit and AED are needed within the first minute.",
                    },
                    {
                        "text": "Call EMS, say 'anaphylaxis' and give the clinic address.",
                        "weight": 33,
                        "feedback": "Right: a second person calls EMS so treatment is not "
                        "interrupted.",
                    },
                    {
                        "text": "Meet EMS at the door and note the times of each dose.",
                        "weight": 33,
                        "feedback": "Right: it speeds EMS up and gives an accurate hand-over.",
                    },
                    {
                        "text": "Help the patient stand up and walk to the recovery room.",
                        "weight": -50,
                        "feedback": "Standing can cause a sudden collapse in anaphylaxis; "
                        "keep her lying or sitting as her breathing allows.",
                    },
                    {
                        "text": "Give her water and a biscuit to settle her.",
                        "weight": -50,
                        "feedback": "Nothing by mouth: her airway may be swelling.",
                    },
                ],
                "explanation": "Everyone has a job in an emergency, whether or not they give "
                "medicines: fetching the kit and AED, calling EMS, meeting them, and "
                "keeping time.",
                "tags": ["anaphylaxis", "teamwork", "emergency-response"],
            },
            {
                "kind": "single",
                "stem": "Five minutes after a first dose of IM epinephrine, the patient is "
                "still wheezy and faint. EMS has not arrived. What happens now?",
                "choices": [
                    {
                        "text": "Authorised staff repeat IM epinephrine per the standing "
                        "order, in the other thigh, and record the time.",
                        "weight": 100,
                        "feedback": "Right: with no improvement, the dose is repeated about "
                        "every 5 minutes under the standing order.",
                    },
                    {
                        "text": "Wait for EMS; one dose is the most the clinic can give.",
                        "weight": 0,
                        "feedback": "The standing order allows repeat doses when there is "
                        "no improvement.",
                    },
                    {
                        "text": "Give the second dose into the same spot to keep things simple.",
                        "weight": 0,
                        "feedback": "The protocol uses the other thigh for a repeat dose.",
                    },
                    {
                        "text": "Sit her upright and encourage her to walk about to raise "
                        "her blood pressure.",
                        "weight": 0,
                        "feedback": "Walking can cause collapse; position her lying flat, or "
                        "sitting if breathing is hard.",
                    },
                ],
                "explanation": "If there is no improvement, IM epinephrine is repeated every "
                "5 minutes per the standing order, using the other thigh, with each time "
                "recorded for the EMS hand-over.",
                "tags": ["anaphylaxis", "epinephrine"],
            },
            {
                "kind": "single",
                "stem": "Which statement about the emergency kit and AED matches the "
                "clinic's protocol?",
                "choices": [
                    {
                        "text": "They are checked daily, reachable within a minute, and "
                        "every staff member knows where they are.",
                        "weight": 100,
                        "feedback": "Right: in an emergency, seconds spent searching matter.",
                    },
                    {
                        "text": "They are checked monthly and kept locked in the medical "
                        "director's office.",
                        "weight": 0,
                        "feedback": "Monthly is not often enough, and a locked office may "
                        "not be reachable in time.",
                    },
                    {
                        "text": "Only clinicians need to know where they are kept.",
                        "weight": 0,
                        "feedback": "Anyone may be the first to fetch them, so everyone must know.",
                    },
                    {
                        "text": "They only need checking after they have been used.",
                        "weight": 0,
                        "feedback": "They are restocked after use and also checked every day.",
                    },
                ],
                "explanation": "The kit and AED are checked daily, restocked after every "
                "use, kept within a minute's reach, and known to every member of staff.",
                "tags": ["emergency-kit", "emergency-response"],
            },
            {
                "kind": "true_false",
                "stem": "If a patient has no hives or rash, anaphylaxis can be ruled out.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "Skin signs are common but not always present.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right: airway, breathing or circulation problems after "
                        "a trigger are enough to suspect anaphylaxis.",
                    },
                ],
                "explanation": "Anaphylaxis is recognised by sudden airway, breathing or "
                "circulation problems after a likely trigger. Hives, flushing and swelling "
                "are common but can be missing.",
                "tags": ["anaphylaxis", "recognition"],
            },
            {
                "kind": "true_false",
                "stem": "A patient whose anaphylaxis settled completely after one dose of "
                "epinephrine can go home once she feels well.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "Symptoms can come back hours later; she goes to hospital.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right: anyone who needed epinephrine is transferred by "
                        "EMS, even if they feel better.",
                    },
                ],
                "explanation": "A patient who needed epinephrine goes to hospital by EMS in "
                "line with local guidance, because symptoms can return after first settling.",
                "tags": ["anaphylaxis", "ems-handover"],
            },
        ],
    },
    # 3. Clinical-to-spa referral handoff
    {
        "slug": "clinical-to-spa-referral",
        "title": "Clinical-to-spa referral handoff",
        "protocol_slug": "clinical-to-spa-referral",
        "summary": (
            "How to pass a patient safely between clinical and spa services, sharing only "
            "what is needed and with consent, and what the esthetician checks before treating."
        ),
        "objectives": [
            "write a referral note that holds the minimum necessary information.",
            "obtain and record consent before clinical details are shared.",
            "run the esthetician's pre-treatment checks.",
            "escalate a concern back to the clinician and keep talk about "
            "patients out of shared spaces.",
        ],
        "estimated_minutes": 15,
        "roles": ["injector", "esthetician", "front-desk"],
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>When a handoff happens</h2>"
                "<p>A clinical patient may be referred to the spa, for example for a facial "
                "after a peel or laser course. A spa guest may be referred back to a "
                "clinician, for example when the esthetician spots a skin concern or a "
                "possible contraindication.</p>"
                "<h2>Share the minimum necessary</h2>"
                "<ul>"
                "<li>recent procedures and their dates</li>"
                "<li>the date spa treatment is cleared from, and areas to avoid</li>"
                "<li>relevant allergies, sensitivities and current topical products</li>"
                "<li>precautions such as no heat, no exfoliation or no pressure on an "
                "area</li>"
                "</ul>"
                "<p>Everything else stays in the clinical record unless it changes what the "
                "esthetician should do. Never discuss patients at reception, in corridors or "
                "in the break room; use a private room or the clinic system.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Consent first",
                    "body": "<p>Before sharing, explain what will be passed on and why, and "
                    "record the patient's consent. If they say no, nothing is shared and "
                    "the clinician decides whether spa treatment can still go ahead "
                    "safely.</p>",
                },
            ),
            (
                "checklist",
                {
                    "title": "Making the handoff",
                    "items": [
                        "Confirm the patient wants the referral and record consent to share.",
                        "Write the referral note in the clinic system with only what is needed.",
                        "State the cleared start date and any areas or techniques to avoid.",
                        "Send it through the clinic system, never by personal message or "
                        "loose paper.",
                        "Front desk books the spa visit on or after the cleared date.",
                        "Record that the handoff was made, when and to whom.",
                    ],
                },
            ),
            (
                "checklist",
                {
                    "title": "Esthetician: before you treat",
                    "items": [
                        "Read the note and check the cleared date has passed.",
                        "Ask about any procedures, injections, peels or laser since the referral.",
                        "Ask about new medicines, such as retinoids or antibiotics, and new "
                        "allergies.",
                        "Look for redness, broken skin, active cold sores, infection or "
                        "unexplained changes.",
                        "Check the plan avoids the areas and techniques the note lists.",
                    ],
                },
            ),
            (
                "pearl",
                {
                    "title": "If it doesn't match, don't treat",
                    "body": "<p>If the skin, the guest's story or the plan does not match "
                    "the note, or you are unsure, pause and contact the referring "
                    "clinician before treating. Signs of infection or a burn are raised "
                    "straight away, in person or by phone. Record the concern, who you told "
                    "and the outcome.</p>",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "clinical-to-spa-referral",
                    "note": "The full handoff and esthetician checklists, and how to "
                    "escalate a concern.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "An injector is referring a patient for a spa facial two weeks after "
                "her final peel in a course. What belongs in the referral note?",
                "choices": [
                    {
                        "text": "Recent procedures and dates, the cleared start date, areas "
                        "or techniques to avoid, and relevant allergies and topical products.",
                        "weight": 100,
                        "feedback": "Right: that is the minimum the esthetician needs to "
                        "treat safely.",
                    },
                    {
                        "text": "A copy of her full medical history, so the spa has everything.",
                        "weight": 0,
                        "feedback": "Full history stays in the clinical record unless it "
                        "changes what the esthetician should do.",
                    },
                    {
                        "text": "Just 'OK for facial', to protect her privacy.",
                        "weight": 0,
                        "feedback": "Too little: without dates, precautions and allergies "
                        "the esthetician cannot treat safely.",
                    },
                    {
                        "text": "Her diagnoses and full medication list, in case anything "
                        "is relevant.",
                        "weight": 0,
                        "feedback": "Share only the medicines and conditions that change the "
                        "spa treatment, such as retinoids or known sensitivities.",
                    },
                ],
                "explanation": "Minimum necessary means what the receiving team needs to "
                "treat safely: procedures and dates, cleared date, areas to avoid, relevant "
                "allergies, sensitivities and topical products, and specific precautions.",
                "tags": ["referral", "privacy", "minimum-necessary"],
            },
            {
                "kind": "single",
                "stem": "A patient is happy to book a spa treatment but does not want her "
                "clinical details shared with the spa team. What do you do?",
                "choices": [
                    {
                        "text": "Share nothing, record her decision, and ask the clinician "
                        "whether spa treatment can still go ahead safely.",
                        "weight": 100,
                        "feedback": "Right: without consent nothing is shared, and the "
                        "clinician decides on safety.",
                    },
                    {
                        "text": "Share the minimum anyway, since it is for her safety.",
                        "weight": 0,
                        "feedback": "Sharing after she has said no ignores her consent.",
                    },
                    {
                        "text": "Tell the esthetician verbally instead of writing it down.",
                        "weight": 0,
                        "feedback": "Telling someone is still sharing; a verbal route does "
                        "not get around her refusal.",
                    },
                    {
                        "text": "Tell her she cannot have any spa treatment at the clinic.",
                        "weight": 0,
                        "feedback": "That is not your decision; the clinician judges whether "
                        "it can go ahead safely.",
                    },
                ],
                "explanation": "Consent comes before any sharing. If the patient declines, "
                "nothing is shared and the clinician decides whether spa treatment is still "
                "safe.",
                "tags": ["consent", "privacy", "referral"],
            },
            {
                "kind": "single",
                "stem": "At the front desk, a patient asks to book her spa facial for the "
                "10th. Her referral note says spa treatment is cleared from the 14th. What "
                "do you do?",
                "choices": [
                    {
                        "text": "Offer a time on or after the 14th; if she wants it sooner, "
                        "pass the request to the referring clinician.",
                        "weight": 100,
                        "feedback": "Right: bookings follow the cleared date, and only the "
                        "clinician can change it.",
                    },
                    {
                        "text": "Book the 10th; four days early makes little difference.",
                        "weight": 0,
                        "feedback": "The cleared date is a clinical decision, not a guide.",
                    },
                    {
                        "text": "Book the 10th and leave the esthetician to decide on the day.",
                        "weight": 0,
                        "feedback": "The esthetician checks the cleared date has passed; "
                        "booking early sets up a cancelled or unsafe visit.",
                    },
                    {
                        "text": "Ask her what procedure she had so you can judge for yourself.",
                        "weight": 0,
                        "feedback": "Front desk does not make clinical decisions, and asking "
                        "at reception risks being overheard.",
                    },
                ],
                "explanation": "Front desk books spa appointments on or after the cleared "
                "date. Any request for an earlier date goes to the referring clinician.",
                "tags": ["front-desk", "booking", "referral"],
            },
            {
                "kind": "single",
                "stem": "A referred guest arrives for a facial. During your skin check you "
                "find a warm, red, crusted patch on one cheek that is not mentioned in the "
                "referral note. What do you do?",
                "choices": [
                    {
                        "text": "Pause, explain that a clinician will review it, contact the "
                        "referring clinician straight away by phone or in person, and "
                        "record it.",
                        "weight": 100,
                        "feedback": "Right: possible infection is an urgent concern raised "
                        "straight away.",
                    },
                    {
                        "text": "Go ahead with the facial and avoid that cheek.",
                        "weight": 0,
                        "feedback": "Something that does not match the note means do not "
                        "treat until the clinician has reviewed it.",
                    },
                    {
                        "text": "Send a message through the clinic system and start the "
                        "facial while you wait.",
                        "weight": 0,
                        "feedback": "Urgent concerns go by phone or in person, and treatment "
                        "waits.",
                    },
                    {
                        "text": "Tell her it looks like an infection and she should see her "
                        "own doctor.",
                        "weight": 0,
                        "feedback": "Diagnosing is outside your role; the referring clinician "
                        "reviews it.",
                    },
                ],
                "explanation": "Signs of infection or a burn are escalated straight away in "
                "person or by phone. Pause treatment, explain calmly, and record the concern, "
                "who you told and the outcome.",
                "tags": ["escalation", "esthetician", "infection"],
            },
            {
                "kind": "single",
                "stem": "During a spa facial, an esthetician notices a mole on a guest's "
                "cheek that the guest says has recently changed shape. The guest is not a "
                "clinic patient. What is the best response?",
                "choices": [
                    {
                        "text": "Mention it calmly without diagnosing, offer a referral to a "
                        "clinician with her consent, and record it.",
                        "weight": 100,
                        "feedback": "Right: spa guests can be referred to a clinician when a "
                        "skin concern is spotted.",
                    },
                    {
                        "text": "Tell her it could be skin cancer.",
                        "weight": 0,
                        "feedback": "Diagnosing is outside an esthetician's role and may "
                        "alarm her unnecessarily.",
                    },
                    {
                        "text": "Say nothing; skin checks are not the spa's job.",
                        "weight": 0,
                        "feedback": "Referring a skin concern back to a clinician is part of "
                        "the protocol.",
                    },
                    {
                        "text": "Photograph it on your phone and send it to a clinician friend.",
                        "weight": 0,
                        "feedback": "Never use personal phones for client photos, and "
                        "referrals go through the clinic system.",
                    },
                ],
                "explanation": "Referrals go both ways. An esthetician who spots a skin "
                "concern refers the guest to a clinician with her consent, without "
                "diagnosing, and records it.",
                "tags": ["referral", "esthetician", "scope-of-practice"],
            },
            {
                "kind": "multiple",
                "stem": "Before starting a referred guest's spa treatment, which checks does "
                "the esthetician make? Choose all that apply.",
                "choices": [
                    {
                        "text": "Confirm the cleared start date has passed.",
                        "weight": 34,
                        "feedback": "Right: treatment starts only on or after that date.",
                    },
                    {
                        "text": "Ask about any procedures since the referral and any new "
                        "medicines, such as retinoids or antibiotics.",
                        "weight": 33,
                        "feedback": "Right: things may have changed since the note was written.",
                    },
                    {
                        "text": "Look for redness, broken skin, cold sores, infection or "
                        "unexplained changes.",
                        "weight": 33,
                        "feedback": "Right: the skin itself is checked, not just the note.",
                    },
                    {
                        "text": "Skip the questions; the referral note already covers everything.",
                        "weight": -50,
                        "feedback": "The note only covers things up to the day it was written.",
                    },
                    {
                        "text": "Start, and check with the clinician afterwards if "
                        "something looked odd.",
                        "weight": -50,
                        "feedback": "Concerns are raised before treating, not after.",
                    },
                ],
                "explanation": "The esthetician reads the note, checks the cleared date, asks "
                "about new procedures, medicines and allergies, looks at the skin, and "
                "confirms the plan avoids listed areas and techniques.",
                "tags": ["esthetician", "pre-treatment-check"],
            },
            {
                "kind": "multiple",
                "stem": "A referred patient arrives at reception for her first spa visit "
                "after laser treatment. Which are appropriate? Choose all that apply.",
                "choices": [
                    {
                        "text": "Greet her by name without mentioning her treatment.",
                        "weight": 50,
                        "feedback": "Right: reception is not private.",
                    },
                    {
                        "text": "If she asks about her laser aftercare, move to a private "
                        "room or involve the clinician.",
                        "weight": 50,
                        "feedback": "Right: clinical conversations happen in private.",
                    },
                    {
                        "text": "Confirm aloud that she is 'here for her post-laser facial'.",
                        "weight": -50,
                        "feedback": "Calling out treatment details in reception breaches "
                        "her privacy.",
                    },
                    {
                        "text": "Leave the printed referral note on the desk for the "
                        "esthetician to collect.",
                        "weight": -50,
                        "feedback": "Notes go through the clinic system, never as loose "
                        "paper in view.",
                    },
                ],
                "explanation": "Reception, corridors and the break room are not private. "
                "Keep treatment details, screens and paperwork out of earshot and view, and "
                "use a private room or the clinic system.",
                "tags": ["privacy", "front-desk", "shared-spaces"],
            },
            {
                "kind": "true_false",
                "stem": "Once the patient has consented, it is acceptable to send the "
                "referral note to the esthetician by personal text message.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "Consent covers what is shared, not how; personal "
                        "messages are never used.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right: referral notes go through the clinic system.",
                    },
                ],
                "explanation": "Consent allows the minimum necessary to be shared, but it "
                "must still travel through the clinic system, never personal messages or "
                "paper left at a desk.",
                "tags": ["privacy", "referral"],
            },
            {
                "kind": "true_false",
                "stem": "If the planned spa treatment would involve an area the referral "
                "note says to avoid, the esthetician should contact the referring clinician "
                "before treating.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 100,
                        "feedback": "Right: if anything does not match the note, pause and "
                        "ask first.",
                    },
                    {
                        "text": "False",
                        "weight": 0,
                        "feedback": "Treating against the note, or guessing, risks harm; "
                        "the clinician is asked first.",
                    },
                ],
                "explanation": "When the plan, the skin or the guest's story does not match "
                "the note, or you are unsure, do not treat until you have spoken to the "
                "referring clinician.",
                "tags": ["esthetician", "escalation"],
            },
        ],
    },
]
