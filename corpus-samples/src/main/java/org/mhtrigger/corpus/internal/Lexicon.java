package org.mhtrigger.corpus.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Phrase banks for trigger mentions in notes: affirmed mentions and hard negatives (negated, historical,
 * hypothetical, other person, policy), plus clarification near-misses that must not fire. Stateless, thread-safe.
 *
 * <p>Template syntax: {@code «core»} marks the span recorded in mentions.csv for the entry's trigger;
 * {@code «MH-R01!core»} records the span for another trigger (same assertion); {@code «MH-B01/negated!core»} also
 * overrides the assertion. {@code {pt}}, {@code {he}}, {@code {time}}, {@code {yr}} and friends are filled in per stay.
 * A leading {@code pph>} (or {@code pmh>}, {@code fh>}, {@code mse>}, {@code risk>}, {@code plan>}) names the note
 * section the phrase belongs in; section-scoped history ("Past psychiatric history:" then "- overdose 2016") relies on
 * it.
 */
public final class Lexicon {
    /** One phrase template and the note section it belongs in ({@code null}: anywhere in the body). */
    public record Template(String text, String section) {}

    private static final Pattern SECTION = Pattern.compile("^(pph|pmh|fh|mse|risk|plan|forensic)>");
    private static final Map<String, List<Template>> AFFIRMED = new TreeMap<>();
    private static final Map<String, Map<Assertion, List<Template>>> NEGATIVE = new TreeMap<>();
    private static final Map<String, List<Template>> NEAR_MISS = new TreeMap<>();

    private Lexicon() {}

    public static List<Template> affirmed(String trigger) {
        return AFFIRMED.getOrDefault(trigger, List.of());
    }

    public static List<Template> negatives(String trigger, Assertion assertion) {
        return NEGATIVE.getOrDefault(trigger, Map.of()).getOrDefault(assertion, List.of());
    }

    /** The non-affirmed assertion classes the bank holds for a trigger, in enum order. */
    public static List<Assertion> negativeClasses(String trigger) {
        return List.copyOf(NEGATIVE.getOrDefault(trigger, Map.of()).keySet());
    }

    /** Clarification near-misses: text that looks like the trigger but must not fire it (triggers.md). */
    public static List<Template> nearMisses(String trigger) {
        return NEAR_MISS.getOrDefault(trigger, List.of());
    }

    /** Triggers with text phrase banks, sorted. */
    public static List<String> textTriggers() {
        return List.copyOf(AFFIRMED.keySet());
    }

    /** Every core phrase (with placeholders) the banks can place for {@code trigger}, for span checks. */
    public static List<String> cores(String trigger) {
        List<String> cores = new ArrayList<>();
        List<List<Template>> banks = new ArrayList<>(AFFIRMED.values());
        NEGATIVE.values().forEach(byClass -> banks.addAll(byClass.values()));
        banks.addAll(NEAR_MISS.values());
        Map<String, List<Template>> owners = new TreeMap<>();
        AFFIRMED.forEach((code, list) ->
                owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list));
        NEGATIVE.forEach((code, byClass) -> byClass.values()
                .forEach(list ->
                        owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list)));
        NEAR_MISS.forEach((code, list) ->
                owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list));
        Pattern core = Pattern.compile("«(?:(MH-[A-Z]\\d\\d)(?:/[a-z]+)?!)?([^»]*)»");
        owners.forEach((owner, list) -> {
            for (Template template : list) {
                Matcher m = core.matcher(template.text());
                while (m.find()) {
                    String code = m.group(1) == null ? owner : m.group(1);
                    if (code.equals(trigger)) {
                        cores.add(m.group(2));
                    }
                }
            }
        });
        return cores;
    }

    private static void affirmed(String trigger, String... templates) {
        AFFIRMED.computeIfAbsent(trigger, k -> new ArrayList<>()).addAll(parse(templates));
    }

    private static void negative(String trigger, Assertion assertion, String... templates) {
        NEGATIVE.computeIfAbsent(trigger, k -> new EnumMap<>(Assertion.class))
                .computeIfAbsent(assertion, k -> new ArrayList<>())
                .addAll(parse(templates));
    }

    private static void nearMiss(String trigger, String... templates) {
        NEAR_MISS.computeIfAbsent(trigger, k -> new ArrayList<>()).addAll(parse(templates));
    }

    private static List<Template> parse(String... templates) {
        List<Template> parsed = new ArrayList<>(templates.length);
        for (String text : templates) {
            Matcher m = SECTION.matcher(text);
            parsed.add(m.find() ? new Template(text.substring(m.end()), m.group(1)) : new Template(text, null));
        }
        return parsed;
    }

    private static final Assertion NEG = Assertion.NEGATED;
    private static final Assertion HIST = Assertion.HISTORICAL;
    private static final Assertion HYPO = Assertion.HYPOTHETICAL;
    private static final Assertion OTHER = Assertion.OTHER_EXPERIENCER;
    private static final Assertion POLICY = Assertion.POLICY;

    static {
        // ---------------------------------------------------------------- MH-C01 fall
        affirmed(
                "MH-C01",
                "{time} {pt} had an «unwitnessed fall» in the corridor outside the dining room. found sitting on the floor c/o pain L hip. neuro obs commenced, reviewed by {doc}, NAD. {ir}",
                "Called to bedroom at {time}, {pt} «found on the floor» beside bed. States {he} got up to use the toilet and felt dizzy. no head injury, obs stable",
                "{Pt} «slipped and fell» in the shower room this am - small graze to R elbow, cleaned and dressed. Falls assessment updated",
                "{pt} «fell» while walking to the nurses station at {time}, witnessed by HCA, landed on knees. able to weight bear. PRN paracetamol given",
                "«Witnessed fall» in dayroom at {time} - lost footing and hit head on chair. CT head requested by medics, neuro obs 1hrly x 4",
                "Incident: «fall» from standing in the toilet. {Pt} was noted to be on the floor by SN at {time}, helped up with 2 staff. MO informed and reviewed",
                "pt had a «fall» at the toilet at {time}, no injury sustained. {doc} informed, vital signs stable, GCS 15",
                "{time} heard a thud - {pt} «found on floor» of bedroom, appeared to have «MH-C01!fallen» out of bed. skin intact, no c/o pain");
        negative("MH-C01", NEG, "«No falls» this shift.", "nil «falls» reported", "denies any «falls» since admission");
        negative(
                "MH-C01",
                HIST,
                "h/o «falls» at home prior to admission, uses a stick",
                "had a «fall» at home in {yr} with # R wrist",
                "pmh>- «fall» with # NOF {yr}, walks with frame since");
        negative(
                "MH-C01",
                HYPO,
                "risk>High «risk of falls» - Morse score 55, sensor mat in place",
                "at risk of «falls» due to postural hypotension, advised to get up slowly",
                "plan>- falls assessment on admission, to reduce «falls» risk");
        negative(
                "MH-C01",
                OTHER,
                "co-patient «fell» in the corridor at {time}, {pt} not involved",
                "another pt had a «fall» in the dayroom, {pt} was upset by this and needed reassurance");
        negative(
                "MH-C01",
                POLICY,
                "falls prevention per ward policy: all pts over 65 to have a «falls» risk assessment within 24 hrs");
        nearMiss(
                "MH-C01",
                "during the «MH-R01!restraint» {pt} was taken to the floor by staff in a controlled manner, no injuries noted",
                "{pt} stumbled on the stairs but did not go to the ground, no injury");

        // ---------------------------------------------------------------- MH-C02 transfer to acute care
        affirmed(
                "MH-C02",
                "{Pt} «transferred to {ae}» at {time} via ambulance with chest pain, escorted by 1 RMN",
                "«Sent to {ae}» at the general hospital for X-ray of R wrist, returned to ward at {time2}",
                "{Pt} «transferred to the general hospital» medical ward for management of AKI, bed kept open",
                "Pt was «sent to {ae}» for further management, escorted by SN and HCA. NOK informed",
                "became acutely unwell, NEWS 7, «transferred to ICU» at the general hospital",
                "«attended {ae}» while on home leave with abdominal pain, returned to ward same evening");
        negative(
                "MH-C02",
                NEG,
                "did not require «transfer to {ae}», managed on the ward",
                "obs stable, no need for «{ae}» at present");
        negative(
                "MH-C02",
                HYPO,
                "plan>- if chest pain recurs, «transfer to {ae}» via 999",
                "low threshold to «send to {ae}» if deteriorates");
        negative(
                "MH-C02",
                HIST,
                "pmh>- «admitted to ICU» {yr} following «MH-B01!an overdose»",
                "«admitted to the general hospital» in {yr} with pneumonia");
        negative("MH-C02", OTHER, "co-patient was «sent to {ae}» this evening, ward unsettled afterwards");
        negative("MH-C02", POLICY, "pts «transferred to {ae}» must be escorted by 2 staff per policy");
        nearMiss(
                "MH-C02",
                "accepted for transfer to a rehabilitation ward at another psychiatric hospital closer to home",
                "discharged to a nursing home, NOK in agreement");

        // ---------------------------------------------------------------- MH-C03 medical emergency
        affirmed(
                "MH-C03",
                "{time} «crash call» put out after {pt} was found collapsed in the bathroom with no pulse. «CPR commenced» by staff, ROSC after 2 cycles, «MH-C02!transferred to {ae}» by ambulance",
                "«MET call» activated at {time} for desaturation to 84% on air, seen by medical team, O2 given and sats recovered",
                "«rapid response team» attended at {time} after {pt} had a vasovagal episode and low BP, ECG NAD",
                "«2222 call» made at {time} - {pt} collapsed in dayroom, regained consciousness within 1 min, reviewed by medics",
                "«Code Blue» activated at {time} as pt was found pale and clammy with HR 38, atropine given by team");
        negative("MH-C03", NEG, "no «crash call» required, obs back to baseline", "«MET call» not needed, NEWS 2");
        negative(
                "MH-C03",
                HYPO,
                "plan>- for full «resuscitation» in the event of «cardiac arrest»",
                "plan>- if NEWS 7 or more put out a «MET call»");
        negative("MH-C03", HIST, "pmh>- «cardiac arrest» {yr} (cocaine related)", "h/o «cardiac arrest» in {yr}");
        negative("MH-C03", OTHER, "«crash call» for another pt on the ward at {time}, {pt} was distressed by this");
        negative("MH-C03", POLICY, "resus trolley checked daily; «crash calls» via 2222 as per hospital policy");

        // ---------------------------------------------------------------- MH-C04 healthcare-associated infection
        affirmed(
                "MH-C04",
                "dysuria and frequency x2/7, dipstick +ve nitrites and leucs. impression «UTI», commenced nitrofurantoin 100mg BD x3/7",
                "productive cough, T 38.2, crackles R base - likely «chest infection», started amoxicillin 500mg TDS",
                "redness and swelling L forearm around old scratch - «cellulitis», flucloxacillin commenced",
                "MO review: c/o burning on micturition, urine dip positive, treated as «urinary tract infection», trimethoprim 200mg BD started",
                "new «LRTI» - CXR R lower zone consolidation, doxycycline started by {doc}");
        negative(
                "MH-C04",
                NEG,
                "afebrile, «no signs of infection»",
                "urine dip clear, «UTI» ruled out",
                "chest clear, no «chest infection»");
        negative(
                "MH-C04",
                HYPO,
                "plan>- if spikes temp send MSU and consider «UTI»",
                "plan>- start antibiotics if «chest infection» develops");
        negative("MH-C04", HIST, "pmh>- recurrent «UTIs»", "h/o «cellulitis» L leg {yr}");
        negative("MH-C04", OTHER, "2 other pts on the ward have «D&V», infection control informed");

        // ---------------------------------------------------------------- MH-C05 pressure injury
        affirmed(
                "MH-C05",
                "«grade 2 pressure ulcer» noted to sacrum during personal care, TVN referral made, repositioning 2hrly",
                "skin check: new «pressure sore» L heel 2x2cm, dressing applied",
                "«category 3 pressure injury» to coccyx noted by SN, photographed, {ir}",
                "«pressure ulcer» R buttock noted - skin broken, pressure relieving mattress ordered");
        negative("MH-C05", NEG, "skin intact, «no pressure damage»", "Waterlow 14, «no pressure areas» of concern");
        negative(
                "MH-C05",
                HYPO,
                "risk>at «risk of pressure sores» due to immobility, pressure mattress in place",
                "plan>- 4hrly turns to prevent «pressure ulcers»");
        negative("MH-C05", HIST, "pmh>- sacral «pressure ulcer» {yr}, healed");

        // ---------------------------------------------------------------- MH-C06 death
        affirmed(
                "MH-C06",
                "{pt} found unresponsive in bedroom at {time}. «MH-C03!crash call» put out, «MH-C03!CPR commenced», paramedics attended. «pronounced dead» at {time2} by {doc}. NOK informed, police informed",
                "{pt} «passed away» peacefully at {time} with family present. verification of death by {doc}",
                "Informed by police at {time} that {pt} was «found dead» at home while on overnight leave");
        negative(
                "MH-C06",
                OTHER,
                "fh>- brother «died by suicide» {yr}",
                "{his} father «died» two months ago and {he} is grieving");
        negative("MH-C06", HYPO, "risk>significant «risk of death» by suicide if discharged now");
        negative("MH-C06", POLICY, "all «deaths» on the ward to be reported to the coroner per policy");

        // ---------------------------------------------------------------- MH-C08 seizure
        affirmed(
                "MH-C08",
                "{time} «witnessed generalised tonic-clonic seizure» lasting approx 2 min, recovery position, sats 94%",
                "{Pt} «had a fit» in the dayroom at {time}, post-ictal for 30 min, {doc} informed",
                "«siezure» activity noted at {time} - jerking of all 4 limbs, buccal midazolam 10mg given",
                "«seizure» at {time} lasting >5 min, rescue medication given, reviewed by medics",
                "incontinent of urine and tongue bitten after a «witnessed fit» at {time}");
        negative("MH-C08", NEG, "«no seizure activity» observed", "no further «fits»");
        negative(
                "MH-C08",
                HYPO,
                "clozapine lowers «seizure» threshold - monitor",
                "plan>- buccal midazolam if «seizure» lasts more than 5 min");
        negative("MH-C08", HIST, "pmh>- «epilepsy», last «fit» {yr}", "h/o febrile «convulsions» as a child");
        negative("MH-C08", OTHER, "co-patient had a «fit» in the dining room, staff attended");

        // ---------------------------------------------------------------- MH-C09 choking / aspiration
        affirmed(
                "MH-C09",
                "«choking episode» at lunch, back blows x3 by staff, bolus of bread dislodged",
                "{Pt} «choked» on a sandwich at {time}, cleared with back blows, sats 97% after",
                "medics diagnosed «aspiration pneumonia», SALT referral made",
                "coughing and spluttering after drinks - «aspirated» fluids, SALT to assess swallow");
        negative("MH-C09", NEG, "no «choking» episodes", "eating and drinking without «choking»");
        negative("MH-C09", HYPO, "risk>at «risk of choking» - SALT: soft diet and supervise at mealtimes");
        negative("MH-C09", HIST, "pmh>- «aspiration pneumonia» {yr}");
        negative("MH-C09", OTHER, "co-patient «choked» at dinner, staff did back blows, {pt} not involved");
        negative("MH-C09", POLICY, "all staff to complete «choking» first aid training per policy");

        // ---------------------------------------------------------------- MH-B01 self-harm
        affirmed(
                "MH-B01",
                "At {time} {pt} was found in the bathroom having «tied a ligature» around {his} neck with a strip of bedsheet. removed by staff, no LOC, red marks only. obs increased to 1:1",
                "{Pt} disclosed to staff that {he} had «cut {his} L forearm» with a broken CD case, 4 superficial lacerations, steristripped",
                "{time} {pt} seen «head-banging» against bedroom wall, staff intervened, small haematoma to forehead",
                "{pt} reported {he} had «swallowed 2 batteries» at approx {time}, AXR requested",
                "returned from leave and admitted {he} had «taken an overdose» of 16 x paracetamol 500mg, bloods sent",
                "«self-harmed» by scratching both forearms with fingernails, wounds superficial, cleaned",
                "found in room having «tied a ligture» around neck, cut off with ligature cutter at {time}",
                "{pt} «cut {his} wrist» with a razor blade brought in by a visitor, wound closed with glue");
        negative(
                "MH-B01",
                NEG,
                "mse>Denies «SI/SH»",
                "nil «self-harm» this shift",
                "no evidence of «self harm» on body check",
                "mse>no thoughts of «self-harm»",
                "No «SI/SH» verbalised");
        negative(
                "MH-B01",
                HIST,
                "h/o «OD» {yr}",
                "«previous overdose» in {yr}",
                "old scars to L forearm from «cutting» as a teenager",
                "pph>- «overdose» {yr} (paracetamol), admitted to medical ward",
                "pph>- «cutting» since age 14, last {yr}",
                "pph>- «self-harm» by ligature {yr} while in custody");
        negative(
                "MH-B01",
                HYPO,
                "says if discharged {he} would «overdose»",
                "risk>«risk of self-harm» remains high",
                "at risk of «self-harm» when distressed",
                "risk>Risk: «DSH» - moderate",
                "threatened to «self-harm» if leave is cancelled");
        negative(
                "MH-B01",
                OTHER,
                "fh>- sister h/o «self-harm»",
                "another pt «self-harmed» on the ward tonight, {pt} not involved",
                "co-patient «tied a ligature» in the bathroom, {pt} witnessed this and was upset");
        negative("MH-B01", POLICY, "all «self-harm» incidents must be reported per trust policy");
        nearMiss(
                "MH-B01",
                "accidental OD of heroin brought in by a visitor, no intent to «MH-B01/negated!self-harm», states {he} just wanted to get high. «MH-M01!naloxone 400mcg IM» given with good effect");

        // ---------------------------------------------------------------- MH-B02 suicide attempt
        affirmed(
                "MH-B02",
                "{time} {pt} «attempted to hang {him}self» from the bedroom door using a belt, found by staff on checks",
                "«suicide attempt» on leave - {pt} walked in front of a car, minor injuries only",
                "{pt} «tried to strangle {him}self» with a phone cable at {time}, cable removed by staff",
                "disclosed that {he} «attempted suicide» by taking 30 sertraline tablets while on leave");
        negative("MH-B02", NEG, "no «suicide attempts» since admission", "denies any «attempt on {his} life»");
        negative(
                "MH-B02",
                HIST,
                "h/o «suicide attempt» {yr} (hanging)",
                "pph>- «suicide attempt» {yr} by jumping from a bridge, # pelvis");
        negative(
                "MH-B02",
                HYPO,
                "risk>high risk of «suicide attempt» if discharged",
                "says {he} would «attempt suicide» if sent home");
        negative(
                "MH-B02",
                OTHER,
                "mother «attempted suicide» when {pt} was 12",
                "fh>- mother: depression, «suicide attempt» x2",
                "co-patient «attempted suicide» last night, ward unsettled");

        // ---------------------------------------------------------------- MH-B03 patient assaulted
        affirmed(
                "MH-B03",
                "{pt} was «punched in the face by a co-patient» in the dining room at {time}, small laceration to lip",
                "«assaulted by another patient» in the corridor, kicked in the leg, bruising noted. {ir}",
                "{Pt} reported that a co-patient «hit {him} on the back of the head» while queuing for meds",
                "{pt} «was slapped by a co-patient» after an argument over the TV remote, no injury");
        negative("MH-B03", NEG, "{pt} denies being «assaulted» by anyone", "no injuries, «not assaulted»");
        negative("MH-B03", HIST, "«assaulted by ex-partner» in {yr}", "h/o being «physically assaulted» in childhood");
        negative("MH-B03", HYPO, "risk>vulnerable to «assault» from co-patients due to disinhibition");
        negative("MH-B03", OTHER, "witnessed a co-patient being «assaulted» by another pt, {pt} upset");

        // ---------------------------------------------------------------- MH-B04 violence by the patient
        affirmed(
                "MH-B04",
                "{pt} «punched a staff nurse» in the face at {time} when asked to return to {his} room",
                "«assaulted staff» - kicked HCA in the leg during meds round",
                "«threw a chair at staff» in the dayroom, nobody injured",
                "became agitated and «hit a co-patient» across the face",
                "«headbutted» HCA during personal care at {time}",
                "{Pt} «lashed out at staff» when approached with medication, scratched SN on the arm",
                "«spat at and scratched staff» while being escorted back to the ward");
        negative(
                "MH-B04",
                NEG,
                "«no aggression» this shift",
                "verbally abusive but «no physical aggression»",
                "nil «violence» or aggression noted");
        negative(
                "MH-B04",
                HIST,
                "h/o «assault» on a police officer {yr}",
                "forensic>- «ABH» {yr}, community order",
                "pph>- «violence» towards family when unwell {yr}");
        negative(
                "MH-B04",
                HYPO,
                "risk>«risk of violence» towards staff - moderate",
                "may become «aggressive» if leave is refused");
        negative(
                "MH-B04",
                OTHER,
                "«co-patient assaulted staff» at {time}, {pt} not involved",
                "another pt «threw a chair» in the dayroom");
        negative(
                "MH-B04",
                POLICY,
                "«aggression will not be tolerated» - explained to {pt}",
                "zero tolerance to «violence» per trust policy, discussed with {pt}");

        // ---------------------------------------------------------------- MH-B05 absconding
        affirmed(
                "MH-B05",
                "{pt} went «AWOL» from escorted leave at {time}, police informed",
                "«absconded from the ward» by following visitors through the airlock at {time}",
                "«failed to return from leave» - due back 18:00, police and NOK informed",
                "«missing from ward» at the {time} check, search of ward and grounds negative, missing person report made",
                "{Pt} «absent without leave» since {time}, returned by police at {time2}",
                "{pt} «absconded» while on escorted ground leave, found at bus stop and returned by staff");
        negative("MH-B05", NEG, "«no AWOL» attempts", "returned from leave on time, «no absconding»");
        negative(
                "MH-B05",
                HIST,
                "h/o «absconding» during previous admission {yr}",
                "pph>- went «AWOL» x3 from ward in {yr}");
        negative(
                "MH-B05",
                HYPO,
                "risk>«risk of absconding» - high, leave suspended",
                "may try to «abscond» if leave is refused");
        negative(
                "MH-B05",
                OTHER,
                "«co-patient absconded» at {time}, police informed",
                "another pt went «AWOL» this evening");
        negative("MH-B05", POLICY, "pts who go «AWOL» will be reported to police as per policy");

        // ---------------------------------------------------------------- MH-B06 sexual safety
        affirmed(
                "MH-B06",
                "{pt} «touched a female co-patient inappropriately» in the dayroom, separated by staff",
                "«exposed {him}self» to staff in the corridor at {time}",
                "«sexually inappropriate comments» towards female staff, {pt} challenged",
                "«inappropriate sexual contact» with another pt reported by night staff",
                "«sexual harassment» of a co-patient - {pt} moved to other end of ward");
        negative("MH-B06", NEG, "«no sexual safety concerns»", "nil «sexually inappropriate» behaviour");
        negative(
                "MH-B06",
                HIST,
                "h/o «sexual abuse» in childhood",
                "«sexually disinhibited» during manic episode in {yr}");
        negative(
                "MH-B06",
                HYPO,
                "risk>«risk of sexual exploitation» - vulnerable",
                "may be «sexually disinhibited» when elevated");
        negative("MH-B06", OTHER, "co-patient «exposed himself» on the ward, {pt} not involved");
        negative("MH-B06", POLICY, "«sexual harassment» will not be tolerated, per sexual safety policy");

        // ---------------------------------------------------------------- MH-R01 restraint
        affirmed(
                "MH-R01",
                "«restrained by 3 staff» in a supine position for approx 6 min",
                "«prone restraint» for approx 4 min, turned to supine asap, physical obs after",
                "«held by staff» in «restraint holds» to administer medication",
                "«physical restraint» used at {time} as {pt} continued to hit out",
                "«restrant» used x5 min, pt calmed after",
                "«restrained» on the floor in a supine position, debrief offered after",
                "«manual restraint» by 4 staff at {time}, no injuries to pt or staff");
        negative("MH-R01", NEG, "«no restraint» required", "de-escalated verbally, «restraint» not required");
        negative(
                "MH-R01",
                HIST,
                "«restrained» multiple times during previous admission {yr}",
                "«previous restraint» in {yr}");
        negative(
                "MH-R01",
                HYPO,
                "may require «restraint» if continues to escalate",
                "plan>- if refuses IM, «restraint» may be needed");
        negative("MH-R01", OTHER, "another pt was «restrained» in the corridor, {pt} watched from {his} room");
        negative("MH-R01", POLICY, "«restraint» only as last resort per policy");

        // ---------------------------------------------------------------- MH-R02 seclusion
        affirmed(
                "MH-R02",
                "«placed in seclusion» at {time}",
                "«seclusion» commenced {time}, reviewed by {doc} within 1 hr",
                "«secluded» for 6 hrs, terminated at {time2} when calm",
                "«seclusion» ended at {time}, pt calm and settled");
        negative("MH-R02", NEG, "«seclusion» not required", "«no seclusion» this admission so far");
        negative("MH-R02", HIST, "«previous seclusion» in {yr}", "pph>- «secluded» in {yr} at another hospital");
        negative("MH-R02", HYPO, "consider «seclusion» if continues to assault staff");
        negative("MH-R02", OTHER, "another pt was «secluded» this evening");
        negative("MH-R02", POLICY, "«seclusion» reviews as per MHA Code of Practice and trust policy");

        // ---------------------------------------------------------------- MH-R03 rapid tranquillisation
        affirmed(
                "MH-R03",
                "«IM lorazepam 2mg» given at {time}",
                "«lor 2mg IM» stat given at {time}",
                "«RT administered» - haloperidol 5mg + promethazine 50mg IM",
                "«rapid tranquillisation» given as per NICE guidance",
                "«IMI lorazepam 2mg» served at {time}",
                "«IM olanzapine 10mg» given to left glute, effective within 20 min");
        negative("MH-R03", NEG, "«no RT required»", "accepted oral meds, «IM» not required");
        negative("MH-R03", HIST, "had «RT» x4 during previous admission {yr}");
        negative(
                "MH-R03",
                HYPO,
                "plan>- «PRN IM lorazepam» if required",
                "if oral declined, «IM lorazepam» as per RT protocol");
        negative("MH-R03", OTHER, "another pt required «IM lorazepam» tonight");
        negative("MH-R03", POLICY, "«RT» as per NICE NG10 policy");
        nearMiss(
                "MH-R03",
                "declined IM, accepted oral lorazepam 1mg PRN",
                "zuclopenthixol decanoate 200mg IM depot given as scheduled");

        // ---------------------------------------------------------------- MH-M01 naloxone
        affirmed(
                "MH-M01",
                "«naloxone 400mcg IM» given at {time} with good effect",
                "RR 6, pinpoint pupils - «Narcan given», RR improved to 14",
                "«naloxone 400 micrograms IV» given by {doc} at {time}");
        negative("MH-M01", NEG, "«naloxone» not required, RR 16");
        negative("MH-M01", HYPO, "«naloxone» available on ward if required");
        negative("MH-M01", HIST, "received «naloxone» from paramedics in {yr} after heroin use");

        // ---------------------------------------------------------------- MH-M02 flumazenil
        affirmed(
                "MH-M02",
                "«flumazenil 200mcg IV» given at {time} for benzodiazepine toxicity",
                "«Anexate given» by medical team with improvement in GCS");
        negative("MH-M02", NEG, "«flumazenil» not required");
        negative("MH-M02", HYPO, "«flumazenil» to be considered if resp depression");
        negative("MH-M02", HIST, "given «flumazenil» in {yr} after benzo OD in the community");

        // ---------------------------------------------------------------- MH-M03 EPSE
        affirmed(
                "MH-M03",
                "«acute dystonia» - neck twisted to L, procyclidine 5mg IM given",
                "«oculogyric crisis» at {time}, eyes rolled up, {doc} informed",
                "«EPSEs» noted - cogwheel rigidity and tremor, started procyclidine 5mg BD",
                "c/o stiff jaw and neck - «dystonic reaction» after haloperidol");
        negative("MH-M03", NEG, "«no EPSE»", "no «dystonia» or tremor");
        negative("MH-M03", HYPO, "monitor for «EPSE»", "plan>- procyclidine PRN if «dystonia»");
        negative("MH-M03", HIST, "h/o «dystonia» with haloperidol {yr}", "«oculogyric crisis» in {yr}");

        // ---------------------------------------------------------------- MH-M04 oversedation
        affirmed(
                "MH-M04",
                "«unrousable» at {time} check, sternal rub - «MH-M04!responsive only to pain»",
                "«GCS 7» at {time}, {doc} attended",
                "«oversedated» after PRN, on 1:1 physical obs",
                "«excessively sedated» this am, unable to stand, {doc} reviewed");
        negative("MH-M04", NEG, "«not oversedated»", "obs stable, «no oversedation»");
        negative("MH-M04", HYPO, "«risk of oversedation» with lorazepam and clozapine - monitor");
        nearMiss("MH-M04", "drowsy but rousable, obs within normal range", "sleepy after PRN, easily roused");

        // ---------------------------------------------------------------- MH-M05 abrupt stop (needs a critical drug)
        affirmed(
                "MH-M05",
                "«{critdrug} withheld» by {doc} pending review",
                "«{critdrug} stopped» by medical team today",
                "decision made to «stop {critdrug}» with immediate effect",
                "«{critdrug} held» tonight and tomorrow am");
        negative("MH-M05", NEG, "no need to «stop {critdrug}», continue current dose");
        negative(
                "MH-M05",
                HYPO,
                "plan>- if level high «withhold {critdrug}» and recheck",
                "plan>- consider «stopping {critdrug}» if side effects persist");
        negative("MH-M05", HIST, "«{critdrug} stopped» in {yr} by GP, restarted later");
        negative("MH-M05", POLICY, "do not «stop {critdrug}» abruptly - per medicines policy");
        nearMiss("MH-M05", "{critdrug} dose reduced, plan to recheck level", "{pt} refused evening {critdrug}");

        // ---------------------------------------------------------------- MH-M06 constipation on clozapine
        affirmed(
                "MH-M06",
                "«constipated» - BNO x5/7, lactulose commenced",
                "«bowels not opened for 5 days», abdo soft, senna started",
                "«constipation» on clozapine - laxatives increased",
                "AXR: faecal loading, ?«ileus», {doc} reviewed");
        negative("MH-M06", NEG, "bowels opened today, «no constipation»");
        negative("MH-M06", HYPO, "plan>- monitor bowels on clozapine - risk of «constipation»");
        negative("MH-M06", HIST, "h/o «constipation» on clozapine in {yr}");

        // ---------------------------------------------------------------- MH-Q03 complaint
        affirmed(
                "MH-Q03",
                "{pt} made a «formal complaint» about staff attitude, PALS informed",
                "family raised a «formal concern» about care on the ward",
                "{pt} «discharged against medical advice»",
                "«self-discharged against medical advice» at {time}",
                "NOK lodged a «complaint» with the Quality Service Office");
        negative("MH-Q03", NEG, "«no complaints» raised");
        negative("MH-Q03", HYPO, "advised {pt} how to make a «complaint» if unhappy");
        negative("MH-Q03", OTHER, "co-patient made a «complaint» about noise at night");
        negative("MH-Q03", HIST, "made a «complaint» during previous admission in {yr}");
    }
}
