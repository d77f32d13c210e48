package org.mhtrigger.corpus.internal;

import java.util.List;

/**
 * Routine clinical text with no trigger in it: the lines that surround trigger phrases in real ward notes. Lines
 * prefixed {@code uk:} or {@code sg:} are used only at that site. Stateless, thread-safe.
 */
final class Background {
    private Background() {}

    /** Diagnosis families decide the story the routine text tells. */
    enum Family {
        PSYCHOSIS,
        MANIA,
        DEPRESSION,
        PERSONALITY,
        DEMENTIA
    }

    static final List<String> NURSING_TITLES = List.of(
            "uk:Nursing note - {shift} shift",
            "uk:{SHIFT} SHIFT",
            "uk:Shift summary ({shift})",
            "uk:Nursing entry {shift}",
            "sg:Nursing notes ({shift} shift)",
            "sg:NURSING ENTRY - {SHIFT}",
            "sg:{SHIFT} shift report");

    static final List<String> NURSING = List.of(
            "{pt} has been settled on the ward for most of the shift.",
            "Remained on general obs, whereabouts checked hourly.",
            "Observed in communal areas interacting appropriately with peers.",
            "Ate 3/4 of lunch, fluids encouraged.",
            "Compliant with regular meds, nil PRN required.",
            "Attended OT group in the morning and engaged well.",
            "Appeared to sleep approx 6 hrs on checks.",
            "Mood appeared low, spent most of the shift in bedroom.",
            "Presented as guarded and suspicious of staff.",
            "Responding to unseen stimuli at times, laughing to self.",
            "Had 1:1 time with named nurse, talked about discharge plans.",
            "Phoned mother, call went well.",
            "Visited by sister in the afternoon, visit went well.",
            "Went on 1hr escorted ground leave, returned on time, nil concerns.",
            "Physical obs: BP {bp}, HR {hr}, T {temp}, sats {sats}% RA, NEWS 0.",
            "Remains on Q15min obs as per care plan.",
            "Declined to attend the community meeting.",
            "Requested PRN lorazepam 1mg PO for anxiety at {time}, given with good effect.",
            "Asked about tribunal date, informed will be next week.",
            "Personal hygiene maintained with prompting.",
            "C/o headache, PRN paracetamol 1g given at {time}, effective.",
            "Pacing the corridor at times but redirectable.",
            "Irritable when asked to get up for breakfast, settled with time.",
            "Talked about missing {his} cat, reassurance given.",
            "Good dietary and fluid intake.",
            "Watched TV in the lounge most of the evening.",
            "uk:Took part in the ward gardening group.",
            "uk:Smoking break in the courtyard x3, escorted.",
            "uk:Section 132 rights read and understood.",
            "uk:Care coordinator visited, discussed housing.",
            "sg:Pt was seen sitting quietly at the dayroom.",
            "sg:Pt is calm and cooperative, no untoward incident this shift.",
            "sg:Pt verbalised that {he} wants to go home.",
            "sg:Pt was encouraged to participate in ward activities.",
            "sg:Pt claimed that {he} is feeling better today.",
            "sg:Pt slept well throughout the night, no complaints.",
            "sg:Medications served and taken, mouth check done.",
            "sg:Pt's mother visited, pt was appropriate during visit.",
            "sg:Vital signs taken and within normal range.",
            "sg:MO informed re: pt's request for home leave.",
            "sg:Pt was noted to be talking to self at times.",
            "sg:Pt had shower with minimal prompting.",
            "sg:Pt was reminded on ward rules, pt acknowledged.");

    static final List<String> ADMISSION_TITLES = List.of(
            "uk:ADMISSION CLERKING - {doc}",
            "uk:Admission note",
            "uk:Psychiatric admission assessment",
            "sg:Admission Note (MO)",
            "sg:ADMISSION NOTES",
            "sg:MO admission clerking");

    static List<String> complaint(Family family) {
        return switch (family) {
            case PSYCHOSIS ->
                List.of(
                        "uk:Referred by CMHT with 2/52 h/o increasing paranoia, poor sleep and non-concordance with {drug}",
                        "uk:Brought in by police on s136 after shouting at neighbours, believed they were poisoning {his} food",
                        "sg:Brought in by police to ED for disorganised behaviour at void deck",
                        "Family concerned about bizarre behaviour and talking to self x1/12",
                        "Hearing voices commenting on {his} actions, stopped meds 6/52 ago");
            case MANIA ->
                List.of(
                        "Elated mood, reduced need for sleep and overspending x2/52",
                        "Pressured speech and grandiose ideas, stopped mood stabiliser 1/12 ago",
                        "sg:Family brought pt to ED for irritability and not sleeping x5 days");
            case DEPRESSION ->
                List.of(
                        "Low mood, anhedonia and poor oral intake x6/52",
                        "Referred by GP with worsening depression and passive death wishes",
                        "sg:c/o low mood and poor sleep x1/12, unable to work");
            case PERSONALITY ->
                List.of(
                        "Increasing distress following relationship breakdown",
                        "uk:Crisis admission following escalating distress, not coping at home");
            case DEMENTIA ->
                List.of(
                        "Increasing agitation and wandering at care home",
                        "Nocturnal confusion and resistive to personal care, family unable to cope");
        };
    }

    static List<String> presentingHistory(Family family) {
        return switch (family) {
            case PSYCHOSIS ->
                List.of(
                        "Reports sleep poor, 2-3 hrs a night",
                        "Stopped taking {drug} approx 6/52 ago as felt {he} didn't need it",
                        "Using cannabis daily, more since losing job",
                        "Believes neighbours are monitoring {him} through the TV",
                        "c/o hearing 2 male voices, derogatory",
                        "sg:Pt's brother said pt has been isolating in room and not eating");
            case MANIA ->
                List.of(
                        "Spent savings on online shopping",
                        "Sleeping 2 hrs/night, feels 'full of energy'",
                        "Believes {he} has special powers",
                        "Irritable with family when challenged");
            case DEPRESSION ->
                List.of(
                        "Weight loss approx 5kg over 2/12",
                        "Early morning wakening, diurnal variation of mood",
                        "Not leaving the house, stopped going to work",
                        "Feels hopeless about the future");
            case PERSONALITY ->
                List.of(
                        "Chronic feelings of emptiness",
                        "Recent argument with partner, now homeless",
                        "Struggling to use DBT skills");
            case DEMENTIA ->
                List.of(
                        "MMSE 14/30 at memory clinic {yr}",
                        "Care home report increasing verbal agitation towards carers",
                        "Not recognising family members at times");
        };
    }

    static final List<String> PSYCHIATRIC_HISTORY = List.of(
            "First contact with services {yr}",
            "{n} previous admissions, last {yr}",
            "uk:Under CMHT, care coordinator CPN",
            "sg:Follow up at outpatient clinic, defaulted last 2 appointments",
            "Previously on risperidone, stopped due to weight gain",
            "Good response to {drug} in the past");

    static final List<String> MEDICAL_HISTORY = List.of(
            "Asthma",
            "Hypothyroidism on levothyroxine",
            "Nil significant",
            "Hypertension",
            "Hyperlipidaemia",
            "GORD",
            "Obesity (BMI 34)",
            "NKDA",
            "Allergy: penicillin (rash)");

    static final List<String> FAMILY_HISTORY = List.of(
            "Nil known psychiatric hx",
            "Father - alcohol dependence",
            "Maternal aunt - schizophrenia",
            "Mother - depression, treated by GP",
            "Nil significant");

    static final List<String> SOCIAL = List.of(
            "uk:Lives alone in a flat, supported accommodation",
            "uk:Unemployed, on benefits",
            "uk:Smokes 20/day",
            "uk:Cannabis 2-3 joints/day",
            "uk:EtOH 4-6 cans/week",
            "uk:Lives with partner and 2 children",
            "sg:Stays with parents in a 4-room HDB flat",
            "sg:Works as a delivery rider",
            "sg:Smoker 10 sticks/day",
            "sg:No illicit drug use",
            "sg:Single, no children",
            "Not working at present");

    static List<String> mentalState(Family family) {
        return switch (family) {
            case PSYCHOSIS ->
                List.of(
                        "A&B: unkempt, poor eye contact, guarded",
                        "Speech: normal rate and volume",
                        "Mood: 'fine' / objectively suspicious",
                        "Thought: persecutory delusions re neighbours, no FTD",
                        "Perception: 2nd person AH, no VH",
                        "Cognition: orientated x3",
                        "Insight: poor");
            case MANIA ->
                List.of(
                        "A&B: colourful clothing, overfamiliar, restless",
                        "Speech: pressured, difficult to interrupt",
                        "Mood: 'amazing' / elated and irritable",
                        "Thought: flight of ideas, grandiose delusions",
                        "Perception: nil abnormal",
                        "Insight: none");
            case DEPRESSION ->
                List.of(
                        "A&B: psychomotor retardation, tearful at times",
                        "Speech: slow, low volume",
                        "Mood: 'rock bottom' / low, flat affect",
                        "Thought: hopelessness, guilt, no psychotic features",
                        "Cognition: grossly intact",
                        "Insight: partial");
            case PERSONALITY ->
                List.of(
                        "A&B: casually dressed, good rapport",
                        "Mood: 'empty' / labile",
                        "Thought: preoccupied with recent breakup",
                        "Insight: good");
            case DEMENTIA ->
                List.of(
                        "A&B: elderly, dishevelled, restless",
                        "Speech: rambling at times",
                        "Mood: unable to assess / irritable",
                        "Cognition: disorientated to time and place",
                        "Insight: nil");
        };
    }

    static final List<String> ADMISSION_RISK = List.of(
            "Risk to self: moderate",
            "Risk to others: low",
            "Risk of self-neglect: moderate",
            "Risk of exploitation: low",
            "Risk to others: moderate when unwell");

    static final List<String> ADMISSION_PLAN = List.of(
            "uk:admit to {ward} - informal",
            "uk:detained under s2 MHA",
            "uk:detained under s3 MHA",
            "sg:admit to {ward} under Form 1 (MHCTA)",
            "sg:admit to {ward}, voluntary admission",
            "general obs",
            "Q15min obs for first 24 hrs",
            "bloods: FBC, U&E, LFT, TFT, lipids, HbA1c, glucose",
            "ECG",
            "restart {drug} {dose}",
            "PRN lorazepam 1mg PO max 4mg/24hrs",
            "physical health check done, nil acute");

    static final List<String> WARD_ROUND_TITLES = List.of(
            "uk:Ward round - Consultant review",
            "uk:MDT ward round",
            "uk:WR",
            "sg:Consultant round",
            "sg:Ward round (Consultant, MO, SN)");

    static final List<String> WARD_ROUND = List.of(
            "Seen with named nurse and OT",
            "Says {he} is sleeping better",
            "Feels the voices are quieter",
            "Wants to go home, frustrated by length of admission",
            "Concerned about housing and finances",
            "Reports mood 6/10",
            "Engaging with ward activities");

    static final List<String> WARD_ROUND_PLAN = List.of(
            "continue {drug} {dose}",
            "bloods for U&E and LFT next week",
            "2hr unescorted ground leave",
            "OT assessment",
            "d/w family re discharge planning",
            "refer to CMHT for follow-up",
            "review at next WR",
            "ECG next week",
            "uk:s17 leave: 4hrs home leave with family",
            "sg:home leave over the weekend with parents");

    static final List<String> MEDICAL_TITLES = List.of(
            "uk:Medical review - {doc}",
            "uk:Physical health review",
            "uk:Duty doctor review",
            "sg:MO review @ {time}",
            "sg:MO on call review");

    static final List<String> MEDICAL = List.of(
            "c/o headache x2/7, no vomiting, no visual disturbance. NAD on examination",
            "c/o toothache, to see dentist",
            "routine physical health check, weight and BMI recorded",
            "Imp: tension headache",
            "reviewed bloods - U&E and LFT within normal limits",
            "ECG: sinus rhythm, normal intervals",
            "c/o mild cough, chest clear on auscultation",
            "HS dual, no murmurs. Abdo soft non tender",
            "reviewed at nurses' request re: poor sleep");

    static final List<String> MEDICAL_PLAN =
            List.of("paracetamol 1g QDS PRN", "repeat U&E in 1/52", "encourage fluids", "for review if not improving");

    static final List<String> DISCHARGE_PROGRESS = List.of(
            "Gradual improvement in mental state on {drug}",
            "Engaged with OT and psychology sessions",
            "Leave was graded and went well",
            "No concerns on overnight leave prior to discharge",
            "Sleep and appetite improved",
            "Insight improved, agrees to continue medication");

    static final List<String> DISCHARGE_RISK = List.of(
            "Risk to self assessed as low at time of discharge",
            "Risk to others low",
            "Protective factors: supportive family, engaged with team");

    static final List<String> FOLLOW_UP = List.of(
            "uk:CMHT care coordinator to see within 72 hrs",
            "uk:GP to continue prescribing",
            "sg:TCU in 2 weeks at outpatient clinic",
            "sg:Case manager to call in 1 week",
            "Crisis numbers given");

    static final List<String> CARE_PLAN = List.of(
            "Problem: paranoid ideation affecting engagement. Goal: build therapeutic rapport. Interventions: daily 1:1 time with named nurse",
            "Problem: poor sleep. Goal: 6 hrs sleep per night. Interventions: sleep hygiene, review PRN use",
            "Problem: non-concordance with medication. Goal: takes regular meds. Interventions: psychoeducation, mouth checks",
            "Problem: physical health. Goal: healthy weight. Interventions: weekly weights, dietitian referral",
            "Problem: discharge planning. Goal: safe discharge home. Interventions: liaise with family and community team");

    static final List<String> RISK_ASSESSMENT = List.of(
            "Risk to self: moderate - historical factors noted, no current intent",
            "Risk to others: low",
            "Risk of self-neglect: low",
            "Risk of exploitation: moderate",
            "Overall risk: moderate, managed with general obs",
            "Protective factors: family support, engages with staff");
}
