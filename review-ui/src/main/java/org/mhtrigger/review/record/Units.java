package org.mhtrigger.review.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Units as clinicians write them: UCUM's {@code 10*9/L} becomes {@code ×10⁹/L}; everything else is left alone. */
public final class Units {
    private static final Pattern POWER = Pattern.compile("\\b10\\*(\\d{1,2})");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** For templates: {@code ${units.show(text)}}. */
    public static final Units DISPLAY = new Units();

    private Units() {}

    /** {@link #readable(String)}, callable from a template. */
    public String show(String text) {
        return readable(text);
    }

    /** {@code text} with every UCUM power of ten written as {@code ×10} and a superscript exponent. */
    public static String readable(String text) {
        if (text == null || text.indexOf('*') < 0) {
            return text;
        }
        Matcher m = POWER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder power = new StringBuilder("×10");
            for (char digit : m.group(1).toCharArray()) {
                power.append(SUPERSCRIPTS.charAt(digit - '0'));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(power.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
