"""Sample training modules on aftercare: post-laser recovery, microneedling downtime and
chemical peel aftercare.

Sample content: a clinic's medical director must review every module and question before staff
rely on it.
"""

AFTERCARE_MODULES: list[dict] = [
    {
        "slug": "post-laser-recovery",
        "title": "Post-laser recovery",
        "protocol_slug": "post-laser-recovery",
        "summary": (
            "What patients can expect after laser hair removal, IPL and laser resurfacing, the "
            "aftercare to give before they leave, and the findings that must reach a clinician "
            "the same day."
        ),
        "objectives": [
            "describe the usual recovery after laser hair removal, IPL, "
            "non-ablative and ablative resurfacing.",
            "give a patient the core aftercare advice on cooling, heat and sun protection.",
            "recognise the findings that must be escalated to the supervising "
            "clinician the same day.",
            "tell an expected pigment change that needs a routine review from an urgent problem.",
        ],
        "estimated_minutes": 15,
        "roles": ["laser-technician", "injector"],
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>What is normal after treatment</h2><p>Knowing the usual course lets you "
                "reassure patients about what is expected and spot what is "
                "not.</p><ul><li><strong>Laser hair removal:</strong> redness and small bumps "
                "around the follicles for a few hours up to about two days. Treated hairs shed "
                "over one to three weeks.</li><li><strong>IPL:</strong> warmth and pinkness on the "
                "day. Brown spots darken and flake off over one to two "
                "weeks.</li><li><strong>Non-ablative resurfacing:</strong> a sunburn-like feeling "
                "and swelling for one to three days, then a rough or bronzed "
                "texture.</li><li><strong>Ablative resurfacing:</strong> open, weeping skin that "
                "crusts and heals over about one to two weeks, with pinkness for weeks to months. "
                "These patients need closer follow-up and exact wound care.</li></ul>",
            ),
            (
                "checklist",
                {
                    "title": "Before the patient leaves",
                    "items": [
                        "Look at the treated area and record how it looks in the treatment note.",
                        "Cool with a clean cold pack wrapped in a barrier, never ice directly on "
                        "skin.",
                        "Apply the post-treatment product named in the procedure protocol.",
                        "Apply broad-spectrum sunscreen if the area will be exposed and the skin "
                        "is not open.",
                        "Go through the written aftercare sheet and check the patient understands "
                        "it.",
                        "Tell the patient which symptoms mean they should call, and give the "
                        "daytime and after-hours numbers.",
                        "Book the follow-up visit or call the procedure protocol asks for.",
                    ],
                },
            ),
            (
                "pearl",
                {
                    "title": "Heat and sun are the two big risks at home",
                    "body": "<p>Short spells of a wrapped cool pack (about ten minutes at a time) "
                    "help on day one. No hot showers, saunas, hot tubs or hard exercise for the "
                    "time on the sheet. Once skin is closed: shade, a hat and daily broad-spectrum "
                    "sunscreen, and no tanning or self-tan until the provider says it is safe.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Escalate straight away",
                    "body": "<p>Contact the supervising clinician straight away for: blisters, "
                    "grey or white patches or skin that looks burnt; pain that is getting worse; "
                    "spreading redness, warmth, pus or fever; painful clustered small blisters or "
                    "sores, especially around the mouth; any change in vision or eye pain after "
                    "treatment near the eyes.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "title": "Pigment changes",
                    "body": "<p>Darker or lighter patches can appear weeks later, especially in "
                    "Fitzpatrick types IV to VI or after sun exposure. They are not an emergency, "
                    "but book a review with the treating provider.</p>",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "post-laser-recovery",
                    "note": "The full protocol, with the escalation list and links to burn "
                    "management and redness grading.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "A patient calls the evening after IPL to her cheeks. Her brown spots look "
                "darker than before treatment and the skin is slightly pink. She has no pain, "
                "blisters or fever. What do you advise?",
                "choices": [
                    {
                        "text": "This is the expected course; the spots usually darken and flake "
                        "off over one to two weeks. Protect from sun and call if anything changes.",
                        "weight": 100,
                        "feedback": "Right. Darkening of treated brown spots is the expected "
                        "response to IPL.",
                    },
                    {
                        "text": "Come in today so a clinician can check for a burn.",
                        "weight": 0,
                        "feedback": "Nothing she describes suggests a burn: no blisters, grey or "
                        "white skin, or worsening pain.",
                    },
                    {
                        "text": "Gently exfoliate the darker spots to help them lift.",
                        "weight": 0,
                        "feedback": "Scrubbing irritates treated skin and raises the risk of "
                        "pigment problems. The spots should flake off on their own.",
                    },
                    {
                        "text": "Start a brightening serum with acids tonight to fade the spots.",
                        "weight": 0,
                        "feedback": "Active products can irritate freshly treated skin; they wait "
                        "until the provider says to restart.",
                    },
                ],
                "explanation": "After IPL, treated pigment usually darkens and flakes off over one "
                "to two weeks. Reassure, reinforce sun protection and gentle care, and make sure "
                "the patient knows which signs mean she should call back.",
                "tags": ["ipl", "expected-course", "patient-calls"],
            },
            {
                "kind": "single",
                "stem": "Straight after laser hair removal on the lower legs, the skin is red with "
                "small raised bumps around the follicles. What is the best way to cool it before "
                "the patient leaves?",
                "choices": [
                    {
                        "text": "A clean cold pack wrapped in a barrier, applied for a short "
                        "period.",
                        "weight": 100,
                        "feedback": "Right. A wrapped cold pack cools without risking cold injury "
                        "to treated skin.",
                    },
                    {
                        "text": "Rub an ice cube directly over the area until the redness fades.",
                        "weight": 0,
                        "feedback": "Ice directly on freshly treated skin can cause cold injury. "
                        "Always use a barrier.",
                    },
                    {
                        "text": "No cooling is needed; send her home to take a warm shower.",
                        "weight": 0,
                        "feedback": "Heat should be avoided for the period on the aftercare sheet, "
                        "and cooling helps comfort.",
                    },
                    {
                        "text": "Apply a thick layer of the patient's own scented body lotion.",
                        "weight": 0,
                        "feedback": "Use the post-treatment product in the procedure protocol, not "
                        "a scented product that may irritate.",
                    },
                ],
                "explanation": "Follicular redness and bumps are expected for hours to about two "
                "days. Cool with a wrapped cold pack, never ice directly on skin, then apply the "
                "post-treatment product from the procedure protocol.",
                "tags": ["laser-hair-removal", "cooling", "aftercare"],
            },
            {
                "kind": "single",
                "stem": "Two days after laser treatment near the eyes, a patient phones to say her "
                "vision in one eye seems blurred and the eye aches. What do you do?",
                "choices": [
                    {
                        "text": "Pass this to the supervising clinician straight away and record "
                        "what she reported.",
                        "weight": 100,
                        "feedback": "Right. Any change in vision or eye pain after treatment near "
                        "the eyes is an immediate escalation.",
                    },
                    {
                        "text": "Suggest lubricating eye drops and a call back in a week if it is "
                        "no better.",
                        "weight": 0,
                        "feedback": "Waiting could delay treatment of an eye injury. Escalate now.",
                    },
                    {
                        "text": "Reassure her that mild swelling can blur vision and it will pass.",
                        "weight": 0,
                        "feedback": "Do not reassure. Vision change or eye pain must be assessed "
                        "by a clinician.",
                    },
                    {
                        "text": "Book her into the next routine follow-up slot.",
                        "weight": 0,
                        "feedback": "A routine slot is too slow for possible eye injury.",
                    },
                ],
                "explanation": "Eye pain or any change in vision after treatment near the eyes is "
                "a red flag. The supervising clinician must hear about it straight away so the "
                "patient can be assessed urgently; document the call.",
                "tags": ["eye-safety", "escalation", "patient-calls"],
            },
            {
                "kind": "single",
                "stem": "Five weeks after laser resurfacing, a patient with Fitzpatrick type V "
                "skin notices darker patches in the treated area. The skin is closed, not painful "
                "and not inflamed. What is the right next step?",
                "choices": [
                    {
                        "text": "Book a review with the treating provider, and reinforce strict "
                        "sun protection meanwhile.",
                        "weight": 100,
                        "feedback": "Right. Pigment change is not an emergency but should be "
                        "reviewed by the treating provider.",
                    },
                    {
                        "text": "Send her to the emergency department today.",
                        "weight": 0,
                        "feedback": "Pigment change without pain, infection or open skin is not an "
                        "emergency.",
                    },
                    {
                        "text": "Tell her it is permanent and nothing can be done.",
                        "weight": 0,
                        "feedback": "That is not yours to decide and is often not true; the "
                        "treating provider reviews and plans any treatment.",
                    },
                    {
                        "text": "Book another laser session now to even out the colour.",
                        "weight": 0,
                        "feedback": "More treatment before a provider review could make pigment "
                        "worse.",
                    },
                ],
                "explanation": "Post-inflammatory pigment change is more likely in Fitzpatrick "
                "types IV to VI and after sun exposure. It needs a routine review with the "
                "treating provider, not an emergency response, plus careful sun protection.",
                "tags": ["pigment", "skin-of-colour", "follow-up"],
            },
            {
                "kind": "multiple",
                "stem": "The day after non-ablative resurfacing, a patient calls. Which of these "
                "findings mean you should contact the supervising clinician the same day? Select "
                "all that apply.",
                "choices": [
                    {
                        "text": "Blisters and a greyish-white patch on one cheek",
                        "weight": 34,
                        "feedback": "Yes. Blisters or grey or white skin can mean a burn.",
                    },
                    {
                        "text": "Pain that was mild last night and is worse today",
                        "weight": 33,
                        "feedback": "Yes. Pain should be settling, not getting worse.",
                    },
                    {
                        "text": "Redness spreading beyond the treated area, with warmth and a "
                        "fever",
                        "weight": 33,
                        "feedback": "Yes. These are signs of possible infection.",
                    },
                    {
                        "text": "A sunburn-like feeling and mild swelling that are settling",
                        "weight": -50,
                        "feedback": "No. This is the expected course for the first one to three "
                        "days.",
                    },
                ],
                "explanation": "Blisters, grey or white patches, worsening pain, spreading "
                "redness, warmth, pus or fever all need the supervising clinician the same day. A "
                "settling sunburn-like feeling is expected after non-ablative resurfacing.",
                "tags": ["escalation", "red-flags", "resurfacing"],
            },
            {
                "kind": "multiple",
                "stem": "Which pieces of advice belong in the aftercare talk after non-ablative "
                "resurfacing? Select all that apply.",
                "choices": [
                    {
                        "text": "Avoid hot showers, saunas, hot tubs and hard exercise for the "
                        "time on the aftercare sheet.",
                        "weight": 34,
                        "feedback": "Yes. Heat increases redness and swelling in treated skin.",
                    },
                    {
                        "text": "Use daily broad-spectrum sunscreen once the skin is closed, and "
                        "reapply when outdoors.",
                        "weight": 33,
                        "feedback": "Yes. Treated skin burns and pigments more easily.",
                    },
                    {
                        "text": "Cleanse gently with lukewarm water and use a bland moisturiser.",
                        "weight": 33,
                        "feedback": "Yes. Simple, gentle care is usually all that is needed.",
                    },
                    {
                        "text": "Apply self-tan to the area to even out the colour while it heals.",
                        "weight": -50,
                        "feedback": "No. Tanning, including self-tan, waits until the provider "
                        "says it is safe.",
                    },
                ],
                "explanation": "Core advice: avoid heat for the stated period, protect from sun "
                "with daily broad-spectrum sunscreen once closed, and keep care gentle. Tanning of "
                "any kind waits for the provider's go-ahead.",
                "tags": ["aftercare", "sun-protection", "patient-education"],
            },
            {
                "kind": "true_false",
                "stem": "Patients recovering from ablative laser resurfacing can follow the same "
                "simple moisturiser routine as laser hair removal patients and do not need any "
                "planned follow-up.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "Ablative resurfacing leaves open, weeping skin; these "
                        "patients need exact wound care and closer follow-up.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right. Ablative patients follow the wound care steps on their "
                        "sheet exactly and need closer follow-up.",
                    },
                ],
                "explanation": "After ablative resurfacing the skin is open and heals over about "
                "one to two weeks, with pinkness for weeks to months. Follow the written wound "
                "care exactly and book the follow-up the procedure protocol asks for.",
                "tags": ["ablative", "wound-care", "follow-up"],
            },
            {
                "kind": "true_false",
                "stem": "Painful clusters of small blisters around the mouth a few days after "
                "facial laser treatment should be escalated to the supervising clinician the same "
                "day.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 100,
                        "feedback": "Right. This pattern may be a cold sore (herpes) reactivation "
                        "and needs prompt clinical review.",
                    },
                    {
                        "text": "False",
                        "weight": 0,
                        "feedback": "Clustered painful blisters are not part of normal recovery; "
                        "they may be a herpes reactivation.",
                    },
                ],
                "explanation": "Clustered painful small blisters or sores, especially around the "
                "mouth, can be a herpes reactivation. It is on the same-day escalation list "
                "because prompt treatment lowers the risk of scarring.",
                "tags": ["herpes", "escalation", "red-flags"],
            },
        ],
    },
    {
        "slug": "microneedling-downtime",
        "title": "Microneedling downtime",
        "protocol_slug": "microneedling-downtime",
        "summary": (
            "The usual day-by-day recovery after microneedling, the aftercare to give, and how to "
            "tell expected inflammation from a reaction that needs a clinician."
        ),
        "objectives": [
            "describe the expected course from day 0 to day 7 after microneedling.",
            "give the standard aftercare advice and explain why active products wait.",
            "pick out signs of infection, cold sore reactivation and delayed "
            "bumps, and escalate them.",
            "explain why cold sore history is asked about at every consultation.",
        ],
        "estimated_minutes": 15,
        "roles": ["esthetician", "injector"],
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>Expected, not a problem</h2><p>Microneedling makes many tiny controlled "
                "injuries. Redness, swelling, tightness and flaking are the expected result. Your "
                "job is to set clear expectations and to pick out the few reactions that need a "
                "clinician.</p><h3>Needs a clinician</h3><ul><li><strong>Possible "
                "infection:</strong> redness that spreads or worsens after day two, increasing "
                "pain or warmth, yellow crusts, pus or fever.</li><li><strong>Possible cold sore "
                "reactivation:</strong> tingling or burning, then clusters of small painful "
                "blisters or shallow sores, often around the lips.</li><li><strong>Possible "
                "granulomas or delayed reactions:</strong> firm red or skin-coloured bumps in a "
                "grid or track pattern that appear or persist weeks later.</li><li>Any new "
                "blistering, open sores or dark patches.</li></ul>",
            ),
            (
                "timed_steps",
                {
                    "title": "Expected course",
                    "steps": [
                        {
                            "at": "Day 0",
                            "action": "Looks like a moderate sunburn, tight and warm. Pinpoint "
                            "bleeding stops within minutes.",
                        },
                        {
                            "at": "Day 1",
                            "action": "Redness fades to pink. Mild swelling, often around the "
                            "eyes, may be worse on waking.",
                        },
                        {
                            "at": "Days 2-3",
                            "action": "Pinkness settles further. Skin feels dry and rough; light "
                            "flaking may start.",
                        },
                        {
                            "at": "Days 4-7",
                            "action": "Flaking settles and skin returns to near normal. Deeper "
                            "treatments may stay pink a little longer.",
                        },
                        {
                            "at": "After day 7",
                            "action": "Ongoing redness, new bumps or new pain are not expected; "
                            "book a review with the treating provider.",
                        },
                    ],
                },
            ),
            (
                "checklist",
                {
                    "title": "Aftercare to give",
                    "items": [
                        "No makeup for the time on the aftercare sheet, usually at least 24 hours.",
                        "Wash hands before touching the face and use a clean pillowcase that "
                        "night.",
                        "Use only the gentle cleanser and bland moisturiser on the aftercare "
                        "sheet.",
                        "No retinoids, acids, scrubs or other actives until the provider says to "
                        "restart.",
                        "No pools, saunas, hard exercise or heavy sweating for the first 48 hours.",
                        "Stay out of direct sun; daily broad-spectrum sunscreen once the skin has "
                        "closed.",
                        "Call the clinic with any warning sign on the aftercare sheet.",
                    ],
                },
            ),
            (
                "pearl",
                {
                    "title": "Ask about cold sores every time",
                    "body": "<p>Ask every patient about previous cold sores at consultation. With "
                    "a history, the prescriber decides on preventive antiviral treatment under the "
                    "clinic's standing orders. Never treat an area with an active cold sore.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Escalate, do not reassure",
                    "body": "<p>If a patient calls describing spreading redness, pus, fever, "
                    "clustered blisters or new firm bumps, do not tell them it is normal. Pass the "
                    "call to the supervising clinician the same day and record what the patient "
                    "said.</p>",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "microneedling-downtime",
                    "note": "The full protocol, including the day-by-day course to share with "
                    "patients and the escalation rules.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "The morning after microneedling, a patient phones. Her face is pink, "
                "feels tight, and the skin around her eyes is puffier than last night. She has "
                "no pain, blisters or fever. What do you tell her?",
                "choices": [
                    {
                        "text": "This fits the expected course; the pinkness and swelling should "
                        "keep settling. Continue the aftercare sheet and call if anything changes.",
                        "weight": 100,
                        "feedback": "Right. Pinkness and mild swelling, worse on waking, are "
                        "expected on day 1.",
                    },
                    {
                        "text": "She is probably having an allergic reaction and should go to the "
                        "emergency department.",
                        "weight": 0,
                        "feedback": "Nothing here suggests an emergency: no breathing problems, "
                        "blisters, pain or fever.",
                    },
                    {
                        "text": "Cover the pinkness with her usual foundation so she can go to "
                        "work.",
                        "weight": 0,
                        "feedback": "Makeup waits for the time on the aftercare sheet, usually at "
                        "least 24 hours, to lower the risk of irritation and infection.",
                    },
                    {
                        "text": "Use her retinoid cream tonight to speed up skin renewal.",
                        "weight": 0,
                        "feedback": "Retinoids and other actives wait until the provider says to "
                        "restart; they irritate freshly treated skin.",
                    },
                ],
                "explanation": "On day 1 redness fades to pink and mild swelling, often around "
                "the eyes and worse on waking, is common. Reassure, reinforce the aftercare sheet "
                "and make sure she knows which signs mean she should call back.",
                "tags": ["expected-course", "patient-calls", "aftercare"],
            },
            {
                "kind": "single",
                "stem": "Four days after microneedling, a patient calls. The redness had been "
                "fading but is now spreading along her jaw, feels hot, and there are yellow crusts "
                "on her chin. She feels feverish. What do you do?",
                "choices": [
                    {
                        "text": "Tell her a clinician needs to assess this, pass the call to the "
                        "supervising clinician the same day, and record what she said.",
                        "weight": 100,
                        "feedback": "Right. Worsening, spreading redness with warmth, yellow "
                        "crusts and fever may be infection.",
                    },
                    {
                        "text": "Reassure her that redness can last a week and book a routine "
                        "check in two weeks.",
                        "weight": 0,
                        "feedback": "Do not reassure. Redness that worsens after day two with "
                        "crusts and fever is not the normal course.",
                    },
                    {
                        "text": "Advise her to scrub the crusts off gently and apply a thick layer "
                        "of makeup over the area.",
                        "weight": 0,
                        "feedback": "This could make a possible infection worse and delays the "
                        "clinical review she needs.",
                    },
                    {
                        "text": "Suggest she uses leftover antibiotic cream from a family member.",
                        "weight": 0,
                        "feedback": "Treatment is a decision for the clinician after assessment, "
                        "not something to advise over the phone.",
                    },
                ],
                "explanation": "Redness that spreads or worsens after day two, increasing warmth "
                "or pain, yellow crusts, pus or fever can mean infection. Escalate the same day "
                "rather than reassure, and document the call.",
                "tags": ["infection", "escalation", "patient-calls"],
            },
            {
                "kind": "single",
                "stem": "At a microneedling consultation, a patient mentions she gets cold sores "
                "on her lip once or twice a year. None is present today. What is the right next "
                "step?",
                "choices": [
                    {
                        "text": "Record the history and make sure the prescriber knows, so they "
                        "can decide on preventive antiviral treatment under the standing orders.",
                        "weight": 100,
                        "feedback": "Right. The prescriber decides on prevention; your part is to "
                        "ask, record and pass it on.",
                    },
                    {
                        "text": "Nothing, because she has no cold sore today.",
                        "weight": 0,
                        "feedback": "Microneedling can trigger a reactivation, so a history "
                        "matters even when no sore is present.",
                    },
                    {
                        "text": "Tell her to take some antiviral tablets she has left over from "
                        "last year.",
                        "weight": 0,
                        "feedback": "Whether and how to use antivirals is the prescriber's "
                        "decision under the clinic's standing orders.",
                    },
                    {
                        "text": "Tell her she can never have microneedling.",
                        "weight": 0,
                        "feedback": "A history is not an automatic bar; the prescriber decides "
                        "how to treat safely.",
                    },
                ],
                "explanation": "Ask every patient about cold sores. With a history, the prescriber "
                "decides on preventive antiviral treatment following the standing orders. An "
                "area with an active cold sore is not treated.",
                "tags": ["herpes", "consultation", "prevention"],
            },
            {
                "kind": "single",
                "stem": "Six weeks after microneedling, a patient returns with firm, red bumps "
                "across her cheeks, lined up in a grid pattern that matches the treated area. "
                "What is the best response?",
                "choices": [
                    {
                        "text": "Do not call it normal; arrange a review with the supervising or "
                        "treating clinician and note any products used during the procedure.",
                        "weight": 100,
                        "feedback": "Right. Bumps in a grid or track pattern weeks later may be "
                        "granulomas or a delayed reaction.",
                    },
                    {
                        "text": "Reassure her these are ordinary breakouts and suggest a spot gel.",
                        "weight": 0,
                        "feedback": "A grid pattern matching the treatment points to a delayed "
                        "reaction, not ordinary spots.",
                    },
                    {
                        "text": "Offer another microneedling session to smooth the skin.",
                        "weight": 0,
                        "feedback": "Further treatment before clinical review could make a delayed "
                        "reaction worse.",
                    },
                    {
                        "text": "Advise her to squeeze the bumps to drain them.",
                        "weight": 0,
                        "feedback": "Squeezing injures the skin and can cause infection or "
                        "scarring.",
                    },
                ],
                "explanation": "Firm red or skin-coloured bumps in a grid or track pattern that "
                "appear or persist weeks later can be granulomas or a delayed reaction, sometimes "
                "linked to a topical product used during the procedure. A clinician must review "
                "them.",
                "tags": ["granuloma", "delayed-reaction", "escalation"],
            },
            {
                "kind": "multiple",
                "stem": "Which of these belong in the aftercare advice after microneedling? "
                "Select all that apply.",
                "choices": [
                    {
                        "text": "Keep the skin free of makeup for the time on the sheet, usually "
                        "at least 24 hours.",
                        "weight": 34,
                        "feedback": "Yes. Makeup on freshly needled skin risks irritation and "
                        "infection.",
                    },
                    {
                        "text": "Wash hands before touching the face and sleep on a clean "
                        "pillowcase that night.",
                        "weight": 33,
                        "feedback": "Yes. Simple hygiene lowers the risk of infection.",
                    },
                    {
                        "text": "Avoid pools, saunas, hard exercise and heavy sweating for the "
                        "first 48 hours.",
                        "weight": 33,
                        "feedback": "Yes. Heat, sweat and pool water can irritate or infect the "
                        "skin.",
                    },
                    {
                        "text": "Apply an exfoliating acid serum on day 1 to boost results.",
                        "weight": -50,
                        "feedback": "No. Acids, retinoids and scrubs wait until the provider says "
                        "to restart.",
                    },
                ],
                "explanation": "Good aftercare keeps the skin clean and calm: no makeup for the "
                "stated time, clean hands and pillowcase, only the listed gentle products, no "
                "heat or sweating for 48 hours, sun protection, and no actives until the provider "
                "says.",
                "tags": ["aftercare", "patient-education", "hygiene"],
            },
            {
                "kind": "multiple",
                "stem": "A receptionist takes calls from patients treated with microneedling. "
                "Which reports should go to the supervising clinician the same day? Select all "
                "that apply.",
                "choices": [
                    {
                        "text": "Day 3: tingling on the upper lip, then a cluster of small "
                        "painful blisters",
                        "weight": 34,
                        "feedback": "Yes. This may be a cold sore (herpes) reactivation.",
                    },
                    {
                        "text": "Day 4: redness spreading and getting worse, with pus",
                        "weight": 33,
                        "feedback": "Yes. Worsening redness after day two with pus may be "
                        "infection.",
                    },
                    {
                        "text": "Week 5: new firm bumps in lines across the treated area",
                        "weight": 33,
                        "feedback": "Yes. New firm bumps in a grid or track pattern need a "
                        "clinician.",
                    },
                    {
                        "text": "Day 3: skin feels dry and rough with fine flaking",
                        "weight": -50,
                        "feedback": "No. Dryness and fine flaking from about day two or three are "
                        "expected.",
                    },
                ],
                "explanation": "Clustered painful blisters, spreading or worsening redness with "
                "pus or fever, and new firm bumps weeks later all need a clinician. Dryness and "
                "fine flaking are part of the normal course.",
                "tags": ["escalation", "red-flags", "patient-calls"],
            },
            {
                "kind": "true_false",
                "stem": "Pinpoint bleeding that stops within minutes and redness like a moderate "
                "sunburn on the day of microneedling are expected.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 100,
                        "feedback": "Right. Both are part of the expected day-0 picture.",
                    },
                    {
                        "text": "False",
                        "weight": 0,
                        "feedback": "These are expected on day 0; what matters is that they settle "
                        "over the following days.",
                    },
                ],
                "explanation": "On day 0 skin looks like a moderate sunburn, feels tight and warm, "
                "and pinpoint bleeding stops within minutes. Redness then fades day by day over "
                "about a week.",
                "tags": ["expected-course", "patient-education"],
            },
            {
                "kind": "true_false",
                "stem": "A patient arrives for microneedling with an active cold sore on her lip. "
                "It is fine to go ahead with her full-face treatment as planned, including "
                "around the lips, as long as she takes an antiviral tablet that day.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "An area with an active cold sore is not treated; the "
                        "clinician decides when treatment can go ahead.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right. Do not treat an area with an active cold sore; involve "
                        "the clinician and rebook as they advise.",
                    },
                ],
                "explanation": "The protocol says not to treat an area with an active cold sore. "
                "Needling can spread the virus across the treated skin. Pause, involve the "
                "clinician and rebook when they say it is safe.",
                "tags": ["herpes", "contraindications"],
            },
        ],
    },
    {
        "slug": "chemical-peel-aftercare",
        "title": "Chemical peel aftercare",
        "protocol_slug": "chemical-peel-aftercare",
        "summary": (
            "What to expect after superficial and medium-depth peels, the aftercare to give, and "
            "which complications need the supervising clinician or a review."
        ),
        "objectives": [
            "describe the usual recovery after superficial and medium-depth peels.",
            "give the standard peel aftercare instructions, including what to avoid.",
            "explain the higher pigment risk in Fitzpatrick types IV to VI.",
            "tell which complications need same-day escalation and which need a booked review.",
        ],
        "estimated_minutes": 15,
        "roles": ["esthetician"],
        "recurrence_months": 12,
        "pass_mark": 80,
        "questions_per_attempt": 5,
        "lessons": [
            (
                "rich_text",
                "<h2>What to expect by depth</h2>"
                "<h3>Superficial peels</h3>"
                "<p>Mild redness and tightness for a day or two, then light flaking for a few "
                "days. Most patients return to normal activities straight away.</p>"
                "<h3>Medium-depth peels</h3>"
                "<p>Marked redness and swelling in the first days, then darkening and peeling in "
                "sheets over about a week. Pink skin can remain for several weeks. These patients "
                "get detailed written wound care and a planned follow-up check.</p>",
            ),
            (
                "checklist",
                {
                    "title": "Aftercare instructions",
                    "items": [
                        "Cleanse gently with lukewarm water and the recommended cleanser; pat dry.",
                        "Apply the recommended moisturiser or barrier ointment as often as the "
                        "sheet says.",
                        "Let peeling skin come away on its own; do not pick, pull or scrub.",
                        "Avoid direct sun; daily broad-spectrum sunscreen once the skin allows.",
                        "Pause retinoids, acids, scrubs and other actives until the provider says "
                        "to restart.",
                        "No waxing, other facial treatments, saunas or hard exercise for the "
                        "period on the sheet.",
                        "Call the clinic if any warning sign on the sheet appears.",
                    ],
                },
            ),
            (
                "pearl",
                {
                    "title": "Hands off the peeling skin",
                    "body": "<p>Picking or pulling peeling skin tears the new skin underneath and "
                    "raises the risk of pigment change and scarring. If loose flakes bother the "
                    "patient, more moisturiser is the answer, not fingers or scrubs.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Pigment risk in darker skin",
                    "body": "<p>Fitzpatrick types IV to VI have a higher risk of "
                    "post-inflammatory hyperpigmentation (PIH) after peels. The treating provider "
                    "chooses the peel and any skin preparation. Sun avoidance and not picking are "
                    "especially important, and new dark patches are reviewed early.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "danger",
                    "title": "Same day or booked review?",
                    "body": "<p><strong>Same day, supervising clinician:</strong> signs of "
                    "infection (increasing pain, yellow crusts, pus, spreading redness, fever), "
                    "cold sore reactivation, blistering, raw areas that are not healing, or severe "
                    "pain.</p>"
                    "<p><strong>Booked review with the treating provider:</strong> redness lasting "
                    "clearly longer than expected for the depth, or new dark or light patches.</p>"
                    "<p>Document the patient's report, your findings and who you told.</p>",
                },
            ),
            (
                "protocol_link",
                {
                    "slug": "chemical-peel-aftercare",
                    "note": "The full protocol, with aftercare by depth and the complication list.",
                },
            ),
        ],
        "questions": [
            {
                "kind": "single",
                "stem": "Four days after a medium-depth peel, a patient shows you skin that has "
                "darkened and is lifting in sheets on her cheeks. She wants to pull the loose "
                "pieces off before a party. What do you advise?",
                "choices": [
                    {
                        "text": "Leave it to come away on its own and keep it moisturised as the "
                        "sheet says; this is the expected stage.",
                        "weight": 100,
                        "feedback": "Right. Darkening and sheet-like peeling are expected, and "
                        "pulling risks pigment change and scarring.",
                    },
                    {
                        "text": "Pull off only the pieces that are already loose at the edges.",
                        "weight": 0,
                        "feedback": "Even loose-looking pieces can still be attached; pulling "
                        "tears the new skin underneath.",
                    },
                    {
                        "text": "Use a gentle facial scrub tonight to lift the flakes evenly.",
                        "weight": 0,
                        "feedback": "Scrubs are paused until the provider says to restart; they "
                        "injure the healing skin.",
                    },
                    {
                        "text": "Book an urgent review, because darkening means the peel has gone "
                        "wrong.",
                        "weight": 0,
                        "feedback": "Darkening before peeling in sheets is the usual course after "
                        "a medium-depth peel.",
                    },
                ],
                "explanation": "After a medium-depth peel, skin usually darkens and peels in "
                "sheets over about a week. Let it come away naturally, keep it moisturised and "
                "protect it from sun. Picking raises the risk of PIH and scarring.",
                "tags": ["medium-depth-peel", "expected-course", "picking"],
            },
            {
                "kind": "single",
                "stem": "Two days after a superficial peel, a patient at the spa desk asks to "
                "add an eyebrow wax to today's booking. What do you do?",
                "choices": [
                    {
                        "text": "Explain that waxing waits for the period on her aftercare sheet, "
                        "and rebook for when the provider has cleared it.",
                        "weight": 100,
                        "feedback": "Right. Waxing is avoided after a peel for the period on the "
                        "sheet.",
                    },
                    {
                        "text": "Go ahead, because superficial peels have no downtime.",
                        "weight": 0,
                        "feedback": "Most patients return to normal activities, but waxing and "
                        "other facial treatments still wait.",
                    },
                    {
                        "text": "Go ahead, but use a gentler hard wax.",
                        "weight": 0,
                        "feedback": "Any wax can lift freshly peeled skin; the type of wax does "
                        "not change the rule.",
                    },
                    {
                        "text": "Do the wax and apply a soothing acid toner afterwards.",
                        "weight": 0,
                        "feedback": "Both the wax and the acid product are on the avoid list "
                        "after a peel.",
                    },
                ],
                "explanation": "Waxing, other facial treatments, saunas and hard exercise are "
                "avoided for the period on the aftercare sheet. If unsure whether a spa service is "
                "safe, check with the treating provider before going ahead.",
                "tags": ["spa-services", "waxing", "aftercare"],
            },
            {
                "kind": "single",
                "stem": "Three weeks after a superficial peel, a patient with Fitzpatrick type V "
                "skin notices new dark patches on her forehead. The skin is healed and not "
                "painful. What is the best next step?",
                "choices": [
                    {
                        "text": "Book an early review with the treating provider and reinforce "
                        "strict sun avoidance and daily sunscreen.",
                        "weight": 100,
                        "feedback": "Right. New pigment change is reviewed early by the treating "
                        "provider.",
                    },
                    {
                        "text": "Offer a stronger peel next week to lift the dark patches.",
                        "weight": 0,
                        "feedback": "More irritation before a review can worsen pigmentation.",
                    },
                    {
                        "text": "Suggest a bleaching cream she can buy online.",
                        "weight": 0,
                        "feedback": "Treatment of pigment change is the provider's decision after "
                        "review.",
                    },
                    {
                        "text": "Tell her to wait six months to see if it fades before calling.",
                        "weight": 0,
                        "feedback": "The protocol asks for early review of new dark patches, "
                        "especially in darker skin.",
                    },
                ],
                "explanation": "Fitzpatrick types IV to VI have a higher risk of post-inflammatory "
                "hyperpigmentation after peels. New dark patches are not an emergency, but they "
                "should be booked for an early review, with careful sun protection meanwhile.",
                "tags": ["pigment", "skin-of-colour", "follow-up"],
            },
            {
                "kind": "single",
                "stem": "Two days after a peel, a patient calls. Her pain is getting worse, there "
                "are yellow crusts near her mouth, the redness is spreading and she feels "
                "feverish. What do you do?",
                "choices": [
                    {
                        "text": "Contact the supervising clinician the same day and record what "
                        "she reported and who you told.",
                        "weight": 100,
                        "feedback": "Right. These are signs of possible infection and need "
                        "same-day escalation.",
                    },
                    {
                        "text": "Book her into the routine follow-up next week.",
                        "weight": 0,
                        "feedback": "A week is too long to wait with signs of infection.",
                    },
                    {
                        "text": "Tell her to wash the crusts off with a scrub and keep going.",
                        "weight": 0,
                        "feedback": "Scrubbing damages healing skin and does not treat a possible "
                        "infection.",
                    },
                    {
                        "text": "Reassure her that some discomfort after a peel is normal.",
                        "weight": 0,
                        "feedback": "Worsening pain with crusts, spreading redness and fever is "
                        "not normal recovery.",
                    },
                ],
                "explanation": "Increasing pain, yellow crusts, pus, spreading redness or fever "
                "after a peel suggest infection. The supervising clinician must hear about it the "
                "same day. Document the patient's report and your escalation.",
                "tags": ["infection", "escalation", "patient-calls"],
            },
            {
                "kind": "multiple",
                "stem": "Which of these belong in the aftercare instructions after a chemical "
                "peel? Select all that apply.",
                "choices": [
                    {
                        "text": "Cleanse gently with lukewarm water and the recommended cleanser, "
                        "then pat dry.",
                        "weight": 25,
                        "feedback": "Yes. Gentle cleansing protects the healing skin.",
                    },
                    {
                        "text": "Apply the recommended moisturiser or barrier ointment as often as "
                        "the sheet says.",
                        "weight": 25,
                        "feedback": "Yes. Keeping the skin moisturised supports healing and eases "
                        "tightness.",
                    },
                    {
                        "text": "Avoid direct sun and use broad-spectrum sunscreen daily once the "
                        "skin allows.",
                        "weight": 25,
                        "feedback": "Yes. Sun on freshly peeled skin raises the risk of burning "
                        "and pigment change.",
                    },
                    {
                        "text": "Pause retinoids, acids and scrubs until the provider says to "
                        "restart.",
                        "weight": 25,
                        "feedback": "Yes. Active products irritate freshly peeled skin.",
                    },
                    {
                        "text": "Exfoliate daily to remove the peeling skin faster.",
                        "weight": -50,
                        "feedback": "No. Peeling skin should come away on its own; scrubbing "
                        "risks PIH and scarring.",
                    },
                ],
                "explanation": "Peel aftercare is gentle cleansing, regular moisturiser or "
                "barrier ointment, sun avoidance with daily sunscreen, and a pause on actives. "
                "Peeling skin is never picked, pulled or scrubbed.",
                "tags": ["aftercare", "patient-education", "sun-protection"],
            },
            {
                "kind": "multiple",
                "stem": "Which of these findings after a peel need the supervising clinician the "
                "same day? Select all that apply.",
                "choices": [
                    {
                        "text": "Clusters of small painful blisters around the mouth on day 3",
                        "weight": 34,
                        "feedback": "Yes. This may be a cold sore (herpes) reactivation.",
                    },
                    {
                        "text": "A raw area that is still not closing ten days after a "
                        "medium-depth peel",
                        "weight": 33,
                        "feedback": "Yes. Raw areas that do not heal as expected need a clinician.",
                    },
                    {
                        "text": "Severe pain the day after the peel",
                        "weight": 33,
                        "feedback": "Yes. Severe pain is on the same-day escalation list.",
                    },
                    {
                        "text": "A new light-brown patch noticed four weeks after the peel",
                        "weight": 0,
                        "feedback": "Not same day. New pigment change needs a booked review with "
                        "the treating provider.",
                    },
                    {
                        "text": "Light flaking on day 3 after a superficial peel",
                        "weight": -50,
                        "feedback": "No. Light flaking for a few days is the expected course.",
                    },
                ],
                "explanation": "Same day: infection signs, cold sore reactivation, blistering, raw "
                "areas not healing, or severe pain. Booked review: prolonged redness or new "
                "pigment change. Light flaking is expected.",
                "tags": ["escalation", "red-flags", "triage"],
            },
            {
                "kind": "true_false",
                "stem": "After a superficial chemical peel, most patients can return to their "
                "normal daily activities straight away.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 100,
                        "feedback": "Right. Superficial peels cause mild redness and flaking, and "
                        "most people carry on as usual with simple aftercare.",
                    },
                    {
                        "text": "False",
                        "weight": 0,
                        "feedback": "Most patients do return to normal activities at once; they "
                        "still avoid waxing, saunas and hard exercise for the stated period.",
                    },
                ],
                "explanation": "Superficial peels bring mild redness and tightness for a day or "
                "two, then light flaking. Normal daily life goes on, with gentle care, sunscreen "
                "and the listed things to avoid.",
                "tags": ["superficial-peel", "expected-course"],
            },
            {
                "kind": "true_false",
                "stem": "Pink skin that is still visible three weeks after a medium-depth peel, "
                "but steadily fading, must be escalated to the supervising clinician the same day.",
                "choices": [
                    {
                        "text": "True",
                        "weight": 0,
                        "feedback": "Pink skin can remain for several weeks after a medium-depth "
                        "peel; fading pinkness is expected.",
                    },
                    {
                        "text": "False",
                        "weight": 100,
                        "feedback": "Right. This is within the expected course. Redness that lasts "
                        "clearly longer than expected, or worsens, is booked for review.",
                    },
                ],
                "explanation": "After a medium-depth peel pink skin can remain for several weeks. "
                "Redness lasting clearly longer than expected for the depth, or getting worse "
                "after settling, is booked for review with the treating provider.",
                "tags": ["medium-depth-peel", "erythema", "expected-course"],
            },
        ],
    },
]
