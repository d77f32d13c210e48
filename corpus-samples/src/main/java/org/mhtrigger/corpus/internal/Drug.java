package org.mhtrigger.corpus.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A medicine as the corpus codes it: generic name, ATC, RxNorm ingredient (where sure), a brand name, and for
 * antipsychotics the maximum licensed daily dose used by MH-M08. Immutable.
 */
record Drug(String key, String generic, String atc, String rxnorm, String brand, double maxDailyMg, boolean depot) {

    private static final Map<String, Drug> ALL = new TreeMap<>();

    static Drug of(String key) {
        Drug drug = ALL.get(key);
        if (drug == null) {
            throw new IllegalArgumentException("unknown drug key " + key);
        }
        return drug;
    }

    boolean antipsychotic() {
        return maxDailyMg > 0 && !depot;
    }

    private static void add(String key, String generic, String atc, String rxnorm, String brand, double max) {
        ALL.put(key, new Drug(key, generic, atc, rxnorm, brand, max, false));
    }

    private static void depot(String key, String generic, String atc, String brand) {
        ALL.put(key, new Drug(key, generic, atc, null, brand, 0, true));
    }

    static final List<String> ANTIPSYCHOTICS = List.of(
            "olanzapine", "risperidone", "quetiapine", "aripiprazole", "haloperidol", "amisulpride", "chlorpromazine");

    static {
        add("olanzapine", "olanzapine", "N05AH03", "61381", "Zyprexa", 20);
        add("risperidone", "risperidone", "N05AX08", "35636", "Risperdal", 16);
        add("quetiapine", "quetiapine", "N05AH04", "51272", "Seroquel", 750);
        add("aripiprazole", "aripiprazole", "N05AX12", "89013", "Abilify", 30);
        add("haloperidol", "haloperidol", "N05AD01", "5093", "Haldol", 20);
        add("amisulpride", "amisulpride", "N05AL05", null, "Solian", 1200);
        add("clozapine", "clozapine", "N05AH02", "2626", "Zaponex", 900);
        add("chlorpromazine", "chlorpromazine", "N05AA01", "2403", "Largactil", 1000);
        add("lithium", "lithium carbonate", "N05AN01", "6448", "Priadel", 0);
        add("valproate", "sodium valproate", "N03AG01", "11118", "Epilim", 0);
        add("carbamazepine", "carbamazepine", "N03AF01", "2002", "Tegretol", 0);
        add("lamotrigine", "lamotrigine", "N03AX09", "28439", "Lamictal", 0);
        add("lorazepam", "lorazepam", "N05BA06", "6470", "Ativan", 0);
        add("promethazine", "promethazine", "R06AD02", "8745", "Phenergan", 0);
        add("midazolam", "midazolam", "N05CD08", "6960", "Buccolam", 0);
        add("diazepam", "diazepam", "N05BA01", "3322", "Stesolid", 0);
        add("naloxone", "naloxone", "V03AB15", "7242", "Narcan", 0);
        add("flumazenil", "flumazenil", "V03AB25", "4457", "Anexate", 0);
        add("procyclidine", "procyclidine", "N04AA04", null, "Kemadrin", 0);
        add("benzatropine", "benzatropine", "N04AC01", null, "Cogentin", 0);
        add("metoclopramide", "metoclopramide", "A03FA01", "6915", "Maxolon", 0);
        add("cyclizine", "cyclizine", "R06AE03", null, "Valoid", 0);
        add("ondansetron", "ondansetron", "A04AA01", "26225", "Zofran", 0);
        add("prochlorperazine", "prochlorperazine", "N05AB04", "8704", "Stemetil", 0);
        add("lactulose", "lactulose", "A06AD11", "6218", null, 0);
        add("senna", "senna", "A06AB06", null, "Senokot", 0);
        add("macrogol", "macrogol", "A06AD15", null, "Laxido", 0);
        add("insulin", "insulin glargine", "A10AE04", "274783", "Lantus", 0);
        add("amoxicillin", "amoxicillin", "J01CA04", "723", null, 0);
        add("trimethoprim", "trimethoprim", "J01EA01", "10829", null, 0);
        add("nitrofurantoin", "nitrofurantoin", "J01XE01", "7454", null, 0);
        add("doxycycline", "doxycycline", "J01AA02", "3640", null, 0);
        add("clarithromycin", "clarithromycin", "J01FA09", "21212", null, 0);
        add("co-amoxiclav", "co-amoxiclav", "J01CR02", null, "Augmentin", 0);
        add("sertraline", "sertraline", "N06AB06", "36437", "Lustral", 0);
        add("mirtazapine", "mirtazapine", "N06AX11", "15996", "Zispin", 0);
        add("paracetamol", "paracetamol", "N02BE01", "161", "Panadol", 0);
        add("zuclopenthixol-acetate", "zuclopenthixol acetate", "N05AF05", null, "Clopixol Acuphase", 0);
        depot("zuclopenthixol-decanoate", "zuclopenthixol decanoate", "N05AF05", "Clopixol depot");
        depot("haloperidol-decanoate", "haloperidol decanoate", "N05AD01", "Haldol decanoate");
        depot("paliperidone-palmitate", "paliperidone palmitate", "N05AX13", "Xeplion");
        depot("aripiprazole-lai", "aripiprazole long-acting injection", "N05AX12", "Abilify Maintena");
    }
}
