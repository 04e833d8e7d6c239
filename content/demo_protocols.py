"""Sample clinical protocols for the ReadyRoom demo clinic.

This module holds demo content only. Each entry in ``PROTOCOLS`` is a sample protocol for a
fictional med spa, written for the ReadyRoom demo so staff and reviewers can see how the
protocol library, callouts, checklists and timed steps look. None of it is clinical
guidance. Before any of it is used with patients, the clinic's medical director must review,
edit and approve it against the clinic's standing orders, local regulations and current
professional guidance.

Each protocol is a plain dict::

    {
        "slug": "kebab-case-unique-slug",
        "title": "Human title",
        "summary": "One or two plain sentences.",
        "body": [(block_type, value), ...],
    }

Block types and value shapes:

- ``("rich_text", "<p>...</p>")`` -- HTML limited to p, h2, h3, ul, ol, li, strong, em.
- ``("callout", {"kind": "info" | "warning" | "danger", "title": str, "body": html})``
- ``("checklist", {"title": str, "items": [str, ...]})`` -- ordered, imperative steps.
- ``("timed_steps", {"title": str, "steps": [{"at": str, "action": str}, ...]})``
- ``("protocol_link", {"slug": str, "note": str})`` -- slug of another protocol in this file.

Every demo protocol page is flagged as sample content, which shows a banner until the medical
director has reviewed it and unticks the flag.
"""

PROTOCOLS: list[dict] = [
    # ------------------------------------------------------------------------------------
    # 1. Post-laser recovery
    # ------------------------------------------------------------------------------------
    {
        "slug": "post-laser-recovery",
        "title": "Post-laser recovery",
        "summary": (
            "How to look after a patient in the hours and weeks after laser or IPL treatment, "
            "and which findings to escalate. For laser technicians, nurses and anyone giving "
            "aftercare advice."
        ),
        "body": [
            (
                "rich_text",
                "<h2>What this covers</h2>"
                "<p>This protocol applies after ablative and non-ablative resurfacing, laser "
                "hair removal and intense pulsed light (IPL). The treating provider gives the "
                "aftercare talk before the patient leaves, and the patient goes home with the "
                "written aftercare sheet for their procedure.</p>"
                "<h2>What patients can expect</h2>"
                "<ul>"
                "<li><strong>Laser hair removal:</strong> redness and small raised bumps "
                "around follicles for a few hours up to about two days. Treated hairs shed "
                "over the next one to three weeks.</li>"
                "<li><strong>IPL:</strong> warmth and pinkness on the day. Brown spots "
                "usually darken and flake off over one to two weeks.</li>"
                "<li><strong>Non-ablative resurfacing:</strong> a sunburn-like feeling and "
                "swelling for one to three days, then a rough or bronzed texture as treated "
                "skin renews.</li>"
                "<li><strong>Ablative resurfacing:</strong> open, weeping skin that crusts "
                "and heals over roughly one to two weeks, with pink skin that can last for "
                "weeks to months. These patients need closer follow-up, and those treated "
                "around the mouth or over the full face are asked about cold sores "
                "beforehand so the prescriber can start antiviral prevention.</li>"
                "</ul>",
            ),
            (
                "checklist",
                {
                    "title": "Before the patient leaves",
                    "items": [
                        "Check the treated area and record how it looks in the treatment note.",
                        "Cool the area with a clean cold pack wrapped in a barrier, never "
                        "ice directly on skin.",
                        "Apply the post-treatment product listed in the procedure protocol.",
                        "Apply a broad-spectrum sunscreen if the area will be exposed and is "
                        "not open skin.",
                        "Go through the written aftercare sheet and confirm the patient "
                        "understands it.",
                        "Tell the patient which symptoms mean they should call the clinic.",
                        "Give the patient the clinic's daytime and after-hours contact numbers.",
                        "Book the follow-up visit or call that the procedure protocol asks for.",
                    ],
                },
            ),
            (
                "rich_text",
                "<h2>Cooling and comfort at home</h2>"
                "<p>Patients may use a wrapped cool pack for short periods (about ten minutes "
                "at a time) during the first day. Tell them to avoid hot showers, saunas, "
                "hot tubs and hard exercise for the time their aftercare sheet states, "
                "usually one to two days for non-ablative treatments and longer after "
                "ablative ones. Gentle cleansing with lukewarm water and a bland moisturiser "
                "is usually all that is needed; for ablative treatments follow the wound "
                "care steps on the sheet exactly.</p>"
                "<h2>Sun protection</h2>"
                "<p>Treated skin burns and pigments more easily. Advise the patient to stay "
                "out of direct sun, wear a hat, and use a broad-spectrum sunscreen daily once "
                "the skin is closed, reapplying when outdoors. Remind them that tanning, "
                "including self-tan on the treated area, should wait until the provider says "
                "it is safe.</p>",
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Escalate straight away",
                    "body": (
                        "<p>Contact the supervising clinician straight away if the patient "
                        "reports or you see:</p>"
                        "<ul>"
                        "<li>blisters, grey or white patches, or skin that looks burnt</li>"
                        "<li>pain that is getting worse rather than better</li>"
                        "<li>spreading redness, warmth, pus, or fever</li>"
                        "<li>painful clustered small blisters or sores, especially around "
                        "the mouth</li>"
                        "<li>any change in vision or eye pain after treatment near the "
                        "eyes</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Pigment changes",
                    "body": (
                        "<p>Darker or lighter patches can appear weeks after treatment, "
                        "especially in Fitzpatrick types IV to VI or after sun exposure. "
                        "They are not an emergency but should be booked for review with the "
                        "treating provider.</p>"
                    ),
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "post-procedure-erythema",
                    "note": "Use the shared redness scale when you document or reassess "
                    "the treated area.",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "laser-vein-complications-emergency",
                    "note": "If you suspect a burn during treatment, follow the stop-and-cool "
                    "steps there.",
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------------
    # 2. Microneedling downtime
    # ------------------------------------------------------------------------------------
    {
        "slug": "microneedling-downtime",
        "title": "Microneedling downtime and inflammation",
        "summary": (
            "The usual day-by-day course after microneedling, how to tell normal "
            "inflammation from a complication, and what aftercare to give. For providers "
            "who perform microneedling and staff who take patient calls."
        ),
        "body": [
            (
                "rich_text",
                "<h2>Why this matters</h2>"
                "<p>Microneedling makes many tiny controlled injuries in the skin. Some "
                "redness, swelling and flaking is the expected result, not a problem. The "
                "aim of this protocol is to set clear expectations with the patient and to "
                "pick out the few reactions that need a clinician to look at them.</p>",
            ),
            (
                "timed_steps",
                {
                    "title": "Expected course",
                    "steps": [
                        {
                            "at": "Day 0",
                            "action": "Skin looks like a moderate sunburn, feels tight and "
                            "warm. Pinpoint bleeding stops within minutes.",
                        },
                        {
                            "at": "Day 1",
                            "action": "Redness begins to fade to pink. Mild swelling, most "
                            "often around the eyes, may be worse on waking.",
                        },
                        {
                            "at": "Days 2-3",
                            "action": "Pinkness continues to settle. Skin feels dry and "
                            "rough; light flaking may start.",
                        },
                        {
                            "at": "Days 4-7",
                            "action": "Flaking settles and skin returns to near normal. "
                            "Deeper treatments may stay slightly pink a little longer.",
                        },
                        {
                            "at": "After day 7",
                            "action": "Ongoing redness, new bumps or new pain are not "
                            "expected; book a review with the treating provider.",
                        },
                    ],
                },
            ),
            (
                "checklist",
                {
                    "title": "Aftercare to give",
                    "items": [
                        "Keep the skin clean and leave it free of makeup for the time on "
                        "the aftercare sheet, usually at least 24 hours.",
                        "Wash hands before touching the face and use a clean pillowcase "
                        "that night.",
                        "Use only the gentle cleanser and bland moisturiser listed on the "
                        "aftercare sheet.",
                        "Avoid retinoids, acids, scrubs and other active products until the "
                        "provider says to restart.",
                        "Avoid swimming pools, saunas, hard exercise and heavy sweating for "
                        "the first 48 hours.",
                        "Stay out of direct sun and use broad-spectrum sunscreen daily once "
                        "the skin has closed.",
                        "Call the clinic with any of the warning signs on the aftercare sheet.",
                    ],
                },
            ),
            (
                "rich_text",
                "<h2>Normal or not?</h2>"
                "<h3>Usually normal</h3>"
                "<ul>"
                "<li>Even redness over the treated area that fades day by day</li>"
                "<li>Mild swelling, tightness and dryness</li>"
                "<li>Fine flaking from about day two or three</li>"
                "<li>A few small spots that settle within a couple of days</li>"
                "</ul>"
                "<h3>Needs a clinician</h3>"
                "<ul>"
                "<li><strong>Possible infection:</strong> redness that spreads or worsens "
                "after day two, increasing pain or warmth, yellow crusts, pus, or fever.</li>"
                "<li><strong>Possible cold sore (herpes) reactivation:</strong> tingling or "
                "burning followed by clusters of small painful blisters or shallow sores, "
                "often around the lips, usually in the first few days.</li>"
                "<li><strong>Possible granulomas or delayed reactions:</strong> firm red or "
                "skin-coloured bumps in a grid or track pattern that appear or persist weeks "
                "after treatment, sometimes linked to a topical product used during the "
                "procedure.</li>"
                "<li>Any blistering, open sores or dark patches that were not there "
                "before.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Cold sore history",
                    "body": (
                        "<p>Ask every patient about previous cold sores at consultation. If "
                        "they have a history, the prescriber decides whether preventive "
                        "antiviral treatment is needed, following the clinic's standing "
                        "orders. Do not treat an area with an active cold sore.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Escalate, do not reassure",
                    "body": (
                        "<p>If a patient calls describing spreading redness, pus, fever, "
                        "clustered blisters or new firm bumps, do not tell them it is "
                        "normal. Pass the call to the supervising clinician the same day and "
                        "record what the patient said.</p>"
                    ),
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "post-procedure-erythema",
                    "note": "Grade and photograph redness the same way at every review.",
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------------
    # 3. Post-procedure erythema
    # ------------------------------------------------------------------------------------
    {
        "slug": "post-procedure-erythema",
        "title": "Assessing post-procedure erythema",
        "summary": (
            "A shared way to grade, photograph and document redness after a procedure, and "
            "the signs that mean it needs the supervising clinician. For all clinical staff "
            "who review patients after treatment."
        ),
        "body": [
            (
                "rich_text",
                "<h2>Why we grade redness</h2>"
                "<p>Redness after a procedure is common and usually expected. Grading it the "
                "same way each time lets different staff compare notes and spot a reaction "
                "that is getting worse instead of better. The scale below is the clinic's "
                "own shorthand for documentation; it is not a diagnostic tool.</p>"
                "<h2>Clinic redness scale (0-4)</h2>"
                "<ol>"
                "<li><strong>Grade 0, none:</strong> skin looks the same as untreated skin "
                "nearby.</li>"
                "<li><strong>Grade 1, faint:</strong> light pinkness you have to look for; "
                "no swelling.</li>"
                "<li><strong>Grade 2, clear:</strong> obvious pink or red colour over the "
                "treated area, possibly with slight swelling.</li>"
                "<li><strong>Grade 3, marked:</strong> deep red with clear swelling, "
                "warmth or discomfort.</li>"
                "<li><strong>Grade 4, severe:</strong> intense or purplish red, with "
                "blistering, broken skin or significant pain.</li>"
                "</ol>"
                "<p>On darker skin, redness can look brown, purple or simply darker than "
                "the surrounding skin. Compare with untreated skin next to it and note "
                "warmth, swelling and texture as well as colour.</p>",
            ),
            (
                "rich_text",
                "<h2>How long redness usually lasts</h2>"
                "<p>These are typical ranges to guide conversations; the procedure protocol "
                "and the treating provider's plan take priority.</p>"
                "<ul>"
                "<li><strong>Laser hair removal and IPL:</strong> hours to about two "
                "days.</li>"
                "<li><strong>Superficial chemical peel:</strong> one to three days.</li>"
                "<li><strong>Microneedling:</strong> one to three days, fading over a "
                "week.</li>"
                "<li><strong>Non-ablative laser resurfacing:</strong> two to five "
                "days.</li>"
                "<li><strong>Medium-depth peel:</strong> about one to two weeks, with pink "
                "skin for some weeks after.</li>"
                "<li><strong>Ablative laser resurfacing:</strong> pink skin for weeks, "
                "sometimes a few months.</li>"
                "</ul>",
            ),
            (
                "checklist",
                {
                    "title": "Assess and document",
                    "items": [
                        "Confirm the patient's identity, the procedure and the date it was done.",
                        "Ask about pain, itching, warmth, discharge, fever and what products "
                        "they have used.",
                        "Examine the area in good, even light and compare it with untreated "
                        "skin nearby.",
                        "Assign a grade from 0 to 4 and note swelling, warmth and any skin breaks.",
                        "Take photographs with the patient's consent, using the clinic's "
                        "standard views and lighting.",
                        "Record the grade, findings and photos in the treatment record with "
                        "the date and time.",
                        "Compare with earlier grades and photos to judge whether it is improving.",
                        "Escalate to the supervising clinician if any red flag is present or "
                        "the grade is not improving as expected.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Photographs",
                    "body": (
                        "<p>Use only clinic devices and the clinic's photo system. Keep the "
                        "same distance, angle, background and lighting each time, and "
                        "exclude anything that identifies the patient unless the record "
                        "needs it. Never store patient photos on a personal phone.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Red flags",
                    "body": (
                        "<p>Stop, do not apply further treatment, and contact the "
                        "supervising clinician immediately for:</p>"
                        "<ul>"
                        "<li>blistering or broken skin that was not expected</li>"
                        "<li>greyish, white, dusky or mottled skin</li>"
                        "<li>warmth or redness that is spreading beyond the treated "
                        "area</li>"
                        "<li>pain out of proportion to what you see</li>"
                        "<li>fever, pus, or the patient feeling generally unwell</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "rich_text",
                "<h2>When to escalate</h2>"
                "<p>Escalate to the supervising clinician the same day for any grade 4 "
                "finding, any red flag, a grade 3 that is not clearly improving within 48 "
                "hours, or redness that lasts longer than expected for the procedure. If "
                "you are unsure, escalate. Record who you spoke to, when, and what was "
                "agreed.</p>",
            ),
            (
                "protocol_link",
                {
                    "slug": "laser-vein-complications-emergency",
                    "note": "Greyish or dusky skin during laser treatment may be a burn; see "
                    "the immediate steps.",
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------------
    # 4. Chemical peel aftercare
    # ------------------------------------------------------------------------------------
    {
        "slug": "chemical-peel-aftercare",
        "title": "Chemical peel aftercare",
        "summary": (
            "Aftercare for superficial and medium-depth chemical peels, what patients should "
            "avoid, and the complications to escalate. For estheticians, nurses and "
            "providers who perform or follow up peels."
        ),
        "body": [
            (
                "rich_text",
                "<h2>Aftercare by depth</h2>"
                "<h3>Superficial peels</h3>"
                "<p>Expect mild redness and tightness for a day or two, then light flaking "
                "for a few days. Most patients return to normal activities straight away. "
                "Keep care simple: gentle cleanser, bland moisturiser and daily sunscreen.</p>"
                "<h3>Medium-depth peels</h3>"
                "<p>Expect marked redness and swelling in the first days, then darkening and "
                "peeling in sheets, usually over about a week. Pink skin can remain for "
                "several weeks. These patients need the detailed written wound care "
                "instructions for their peel and a planned follow-up check. Ask about "
                "previous cold sores before the peel: the prescriber may start antiviral "
                "prevention under the clinic's standing orders.</p>"
                "<h3>Sunscreen</h3>"
                "<p>After a superficial peel, sunscreen is usually fine from the next day. "
                "After a medium-depth peel, keep out of the sun and start sunscreen once the "
                "skin has closed over, as the provider confirms at the follow-up.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Aftercare instructions",
                    "items": [
                        "Cleanse gently with lukewarm water and the recommended cleanser, "
                        "patting dry.",
                        "Apply the recommended bland moisturiser or barrier ointment as "
                        "often as the sheet says.",
                        "Let peeling skin come away on its own and do not pick, pull or scrub it.",
                        "Avoid direct sun and use broad-spectrum sunscreen daily once the "
                        "skin allows.",
                        "Pause retinoids, acids, scrubs and other active products until the "
                        "provider says to restart.",
                        "Avoid waxing, other facial treatments, saunas and hard exercise for "
                        "the period on the sheet.",
                        "Call the clinic if any warning sign on the sheet appears.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Pigment risk in darker skin",
                    "body": (
                        "<p>Patients with Fitzpatrick skin types IV to VI have a higher risk "
                        "of post-inflammatory hyperpigmentation (PIH) after peels. The "
                        "treating provider chooses the peel and any skin preparation for "
                        "these patients. Sun avoidance and not picking at peeling skin are "
                        "especially important, and new dark patches should be reviewed "
                        "early.</p>"
                    ),
                },
            ),
            (
                "rich_text",
                "<h2>Signs of a complication</h2>"
                "<ul>"
                "<li><strong>Prolonged redness:</strong> redness lasting clearly longer "
                "than expected for the peel depth, or getting worse after initially "
                "settling.</li>"
                "<li><strong>Pigment change:</strong> new dark or light patches in the "
                "weeks after the peel.</li>"
                "<li><strong>Infection:</strong> increasing pain, yellow crusts, pus, "
                "spreading redness, or fever.</li>"
                "<li><strong>Cold sore reactivation:</strong> clustered small painful "
                "blisters or sores, often around the mouth.</li>"
                "<li><strong>Delayed healing or scarring:</strong> raw areas that do not "
                "close as expected, or skin that becomes firm, raised or shiny.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Escalation",
                    "body": (
                        "<p>Contact the supervising clinician the same day for signs of "
                        "infection, cold sore reactivation, blistering, raw areas that are "
                        "not healing, or severe pain. Book a review with the treating "
                        "provider for prolonged redness or new pigment change. Document the "
                        "patient's report, your findings and who you escalated to.</p>"
                    ),
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "post-procedure-erythema",
                    "note": "Grade and photograph redness at follow-up using the shared scale.",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "clinical-to-spa-referral",
                    "note": "Patients moving to spa treatments after a peel need a proper "
                    "handoff first.",
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------------
    # 5. Laser vein complications and in-clinic emergency response
    # ------------------------------------------------------------------------------------
    {
        "slug": "laser-vein-complications-emergency",
        "title": "Laser vein complications and in-clinic emergency response",
        "summary": (
            "What to do if a burn is suspected during laser vein treatment, and how the team "
            "responds to a fainting episode or anaphylaxis in the clinic. For laser "
            "technicians, nurses, injectors and front desk staff."
        ),
        "body": [
            (
                "rich_text",
                "<h2>Recognising an epidermal burn</h2>"
                "<p>During laser treatment of veins, watch the skin after every pulse and "
                "listen to the patient. Warning signs of an epidermal burn include:</p>"
                "<ul>"
                "<li>greyish or white blanching of the skin surface right after a "
                "pulse</li>"
                "<li>sudden sharp pain that is stronger than the expected snap and does not "
                "settle</li>"
                "<li>blistering, lifting of the top layer of skin, or a crusted look</li>"
                "</ul>"
                "<p>The expected result of vein treatment is a vessel that fades or darkens "
                "with mild surrounding redness and swelling. Change in the skin surface "
                "itself is not expected.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Suspected burn: stop and cool",
                    "items": [
                        "Stop firing and put the laser in standby immediately.",
                        "Tell the patient what you have seen and reassure them.",
                        "Cool the area with a wrapped cold pack or cool compress, never ice "
                        "directly on skin.",
                        "Leave any blister intact and cover broken skin with a clean "
                        "non-stick dressing.",
                        "Call the supervising clinician to assess the patient before they leave.",
                        "Record the device, handpiece, wavelength, fluence, pulse duration, "
                        "spot size and cooling settings.",
                        "Photograph the area with consent and record what happened and when.",
                        "Complete an incident report and arrange follow-up as the clinician "
                        "directs.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Emergency: call for help first",
                    "body": (
                        "<p>If a patient collapses, becomes short of breath, develops "
                        "swelling of the face, lips or throat, or becomes unresponsive, "
                        "stop the procedure, stay with the patient and call for help. The "
                        "emergency kit and AED must be checked daily and be reachable within "
                        "a minute. Every staff member should know where they are.</p>"
                    ),
                },
            ),
            (
                "rich_text",
                "<h2>Vasovagal collapse (fainting)</h2>"
                "<p>Fainting is the most common emergency in the clinic, often triggered by "
                "anxiety, pain, needles or standing up quickly. Patients may feel "
                "light-headed, sweaty, nauseous or look pale before they lose "
                "consciousness.</p>"
                "<ul>"
                "<li>Lay the patient flat and raise their legs, if it is safe to do so.</li>"
                "<li>Loosen tight clothing and check that they are breathing normally.</li>"
                "<li>Most patients recover within a minute or two. Keep them lying down, "
                "then sit them up slowly.</li>"
                "<li>If they do not recover quickly, or there is breathing difficulty, a "
                "rash, swelling or chest pain, treat it as a medical emergency and call "
                "EMS.</li>"
                "</ul>",
            ),
            (
                "rich_text",
                "<h2>Anaphylaxis</h2>"
                "<p>Suspect anaphylaxis when symptoms start suddenly, often within minutes "
                "of exposure to a drug, anaesthetic, latex or other trigger, and involve the "
                "airway, breathing or circulation: throat tightness, hoarse voice, wheeze, "
                "shortness of breath, faintness or collapse. Hives, flushing and swelling "
                "are common but not always present.</p>"
                "<p><strong>Intramuscular epinephrine is the first-line treatment and must "
                "not be delayed.</strong> The usual dose is 0.01 mg/kg of 1 mg/mL "
                "epinephrine, at most 0.5 mg (0.5 mL) for an adult, injected into the "
                "anterolateral (outer middle) thigh and repeated after 5 minutes if there "
                "is no improvement. Some clinics stock 0.3 mg auto-injectors instead. The "
                "dose, the device, who may give it, and any other medicines follow the "
                "clinic's standing orders, which the medical director sets for the "
                "clinic's jurisdiction.</p>",
            ),
            (
                "timed_steps",
                {
                    "title": "Anaphylaxis: first minutes",
                    "steps": [
                        {
                            "at": "0 min",
                            "action": "Stop the procedure and remove the trigger if you "
                            "can. Call for help and ask for the emergency kit and AED.",
                        },
                        {
                            "at": "0-1 min",
                            "action": "Check airway, breathing and circulation. Position: "
                            "lying flat with legs raised, or sitting up if breathing is "
                            "hard.",
                        },
                        {
                            "at": "0-1 min",
                            "action": "At the same time, a second person calls EMS, says "
                            "'anaphylaxis' and gives the clinic address. Someone meets EMS "
                            "at the door. Alone? Give epinephrine first, then call.",
                        },
                        {
                            "at": "By 1-2 min",
                            "action": "Authorised staff give IM epinephrine per the standing "
                            "order (adult: up to 0.5 mg of 1 mg/mL) to the anterolateral "
                            "thigh. Note the time.",
                        },
                        {
                            "at": "2-5 min",
                            "action": "Stay with the patient. Give oxygen if trained and "
                            "in the standing order. Recheck breathing and pulse.",
                        },
                        {
                            "at": "Every 5 min",
                            "action": "If no improvement, repeat IM epinephrine per the "
                            "standing order, using the other thigh. Record each dose time.",
                        },
                        {
                            "at": "Any time",
                            "action": "If unresponsive and not breathing normally, start "
                            "CPR, attach the AED and follow its prompts until EMS arrives.",
                        },
                    ],
                },
            ),
            (
                "checklist",
                {
                    "title": "Hand-over and documentation",
                    "items": [
                        "Hand over to EMS with a short summary: what happened, the likely "
                        "trigger, and the patient's condition.",
                        "Tell EMS each medicine given, with the dose, route, site and exact time.",
                        "Send a copy of the emergency record and the patient's medication "
                        "and allergy list with EMS.",
                        "Write up the event in the patient record as soon as the patient has "
                        "left, including times and who did what.",
                        "Complete an incident report and inform the medical director the same day.",
                        "Restock and check the emergency kit and AED before the next patient.",
                        "Hold a short team debrief to note what went well and what to improve.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Anyone who had epinephrine goes with EMS",
                    "body": (
                        "<p>Symptoms can return hours after they first settle. A patient who "
                        "needed epinephrine should be transferred to hospital by EMS even if "
                        "they feel better, in line with local guidance.</p>"
                    ),
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "post-laser-recovery",
                    "note": "For aftercare advice once a minor burn has been assessed by the "
                    "clinician.",
                },
            ),
        ],
    },
    # ------------------------------------------------------------------------------------
    # 6. Clinical-to-spa referral handoff
    # ------------------------------------------------------------------------------------
    {
        "slug": "clinical-to-spa-referral",
        "title": "Clinical-to-spa referral handoff",
        "summary": (
            "How a patient is referred between clinical and spa services while keeping their "
            "information confidential, and what the esthetician checks before treating. For "
            "providers, estheticians and front desk staff."
        ),
        "body": [
            (
                "rich_text",
                "<h2>When this applies</h2>"
                "<p>Use this protocol whenever a clinical patient is referred to spa "
                "services, for example a facial or body treatment after a laser or peel "
                "course, and whenever a spa guest is referred back to a clinician, for "
                "example because the esthetician notices a skin concern or a possible "
                "contraindication.</p>"
                "<h2>Minimum necessary information</h2>"
                "<p>Share only what the receiving team needs to treat safely. For spa "
                "services that is usually:</p>"
                "<ul>"
                "<li>recent procedures and the dates they were done</li>"
                "<li>the date from which spa treatment is cleared, and any areas to "
                "avoid</li>"
                "<li>relevant allergies, skin sensitivities and current topical "
                "products</li>"
                "<li>specific precautions, such as no heat, no exfoliation or no pressure "
                "on an area</li>"
                "</ul>"
                "<p>Full medical history, diagnoses and other treatment details stay in the "
                "clinical record unless they change what the esthetician should do.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Consent comes first",
                    "body": (
                        "<p>Before any clinical information is passed to the spa team, "
                        "explain what will be shared and why, and record the patient's "
                        "consent in line with the clinic's privacy policy. If the patient "
                        "declines, do not share; the clinician decides whether spa treatment "
                        "can still go ahead safely.</p>"
                    ),
                },
            ),
            (
                "checklist",
                {
                    "title": "Making the handoff",
                    "items": [
                        "Confirm the patient wants the referral and record their consent to "
                        "share information.",
                        "Complete the referral note in the clinic system with only the "
                        "minimum necessary details.",
                        "State clearly when spa treatment may start and any areas or "
                        "techniques to avoid.",
                        "Send the note to the receiving team through the clinic system, not "
                        "by personal message or paper left at a desk.",
                        "Have front desk book the spa appointment for on or after the "
                        "cleared date.",
                        "Record in the patient record that the handoff was made, when, and "
                        "to whom.",
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Shared spaces",
                    "body": (
                        "<p>Reception, waiting areas, corridors and the break room are not "
                        "private. Do not discuss a patient's procedures, conditions or "
                        "photos there, do not call out treatment details when greeting "
                        "patients, and keep screens and paperwork out of view. Move to a "
                        "private room or use the clinic system instead.</p>"
                    ),
                },
            ),
            (
                "checklist",
                {
                    "title": "Esthetician checks before treating",
                    "items": [
                        "Read the referral note and check the cleared start date has passed.",
                        "Ask the guest about any procedures, injections, peels or laser "
                        "since the referral.",
                        "Ask about new medicines, including retinoids and antibiotics, and "
                        "any new allergies.",
                        "Look at the skin for redness, broken skin, active cold sores, "
                        "infection or unexplained changes.",
                        "Confirm the planned treatment avoids any areas or techniques the "
                        "note lists.",
                        "Do not treat if anything does not match the note or you are unsure; "
                        "contact the referring clinician first.",
                    ],
                },
            ),
            (
                "rich_text",
                "<h2>Escalating concerns back to the clinician</h2>"
                "<p>If the esthetician finds a contraindication, a reaction to a recent "
                "procedure, or anything that worries them, they pause or stop the spa "
                "treatment, explain to the guest that a clinician will review it, and "
                "contact the referring or supervising clinician through the clinic system or "
                "by phone. Urgent concerns, such as signs of infection or a burn, are "
                "raised straight away in person or by phone. Record the concern, who was "
                "told, and the outcome in the record.</p>",
            ),
            (
                "protocol_link",
                {
                    "slug": "post-procedure-erythema",
                    "note": "Check redness against the red flags before starting any spa "
                    "treatment.",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "chemical-peel-aftercare",
                    "note": "Peel patients often move on to spa care; know what they must "
                    "still avoid.",
                },
            ),
        ],
    },
]
