package org.mhtrigger.fhir.internal.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.fhir.internal.mapping.Concept;
import org.mhtrigger.fhir.internal.parse.UsualDateTime;

/** Reading values out of HAPI R4 elements: dates, references, concepts, attachments, narrative. Stateless. */
public final class FhirValues {
    private FhirValues() {}

    /**
     * The instant of a FHIR date or dateTime as written: a date-only value (or year, or year-month) is the start of
     * that day (or year, or month) in UTC, so results do not depend on the machine's time zone.
     */
    public static Instant instant(IPrimitiveType<?> value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return instant(value.getValueAsString());
    }

    /** The UTC offset a dateTime was written with; UTC for date-only values, a trailing Z, or none. */
    public static ZoneOffset offset(IPrimitiveType<?> value) {
        if (value == null || value.isEmpty()) {
            return ZoneOffset.UTC;
        }
        String t = value.getValueAsString().trim();
        if (endsWithOffset(t) && t.length() > 10) {
            try {
                return OffsetDateTime.parse(t).getOffset();
            } catch (DateTimeParseException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    /** Whether {@code t} ends in {@code +hh:mm} or {@code -hh:mm} (a hand-written check: a regex per value is dear). */
    static boolean endsWithOffset(String t) {
        int n = t.length();
        if (n < 6 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return false;
        }
        char sign = t.charAt(n - 6);
        return (sign == '+' || sign == '-')
                && isDigit(t.charAt(n - 5))
                && isDigit(t.charAt(n - 4))
                && t.charAt(n - 3) == ':'
                && isDigit(t.charAt(n - 2))
                && isDigit(t.charAt(n - 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return switch (t.length()) {
                case 4 -> Year.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 7 -> YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                case 10 -> LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> {
                    Instant usual = UsualDateTime.instant(t);
                    if (usual != null) {
                        yield usual;
                    }
                    yield t.endsWith("Z") || endsWithOffset(t)
                            ? OffsetDateTime.parse(t).toInstant()
                            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
                }
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The local date of a FHIR date: a year alone is 1 January. */
    public static LocalDate localDate(IPrimitiveType<?> value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant = instant(value);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The start of a dateTime, Period or Instant choice, whichever it is. */
    public static Instant start(Type value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value instanceof Period period) {
            return instant(period.getStartElement());
        }
        if (value instanceof IPrimitiveType<?> primitive) {
            return instant(primitive);
        }
        return null;
    }

    /** The end of a Period choice; {@code null} for other types. */
    public static Instant end(Type value) {
        if (value instanceof Period period) {
            return instant(period.getEndElement());
        }
        return null;
    }

    /**
     * A reference as a key: {@code "Type/id"} for relative and absolute URLs (history part dropped), the URN itself
     * for {@code urn:uuid:} and {@code urn:oid:} references (resolved later through Bundle fullUrls), {@code null} for
     * none and for contained ({@code #id}) references.
     */
    /** The reference key of a resource's {@code subject} (or {@code patient}) element, or {@code null}. */
    public static String subjectKey(org.hl7.fhir.r4.model.Resource resource) {
        for (String name : new String[] {"subject", "patient"}) {
            try {
                org.hl7.fhir.r4.model.Property property = resource.getNamedProperty(name);
                if (property != null
                        && property.hasValues()
                        && property.getValues().get(0) instanceof Reference reference) {
                    return referenceKey(reference);
                }
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                // this type has no such element
            }
        }
        return null;
    }

    public static String referenceKey(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        return referenceKey(reference.getReference());
    }

    public static String referenceKey(String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("#")) {
            return null;
        }
        String r = reference.trim();
        if (r.startsWith("urn:") || isPlainKey(r)) {
            return r;
        }
        IdType id = new IdType(r);
        if (id.hasResourceType() && id.hasIdPart()) {
            return id.getResourceType() + "/" + id.getIdPart();
        }
        return r;
    }

    /**
     * Whether {@code r} is already a key, {@code Type/id}: letters, one slash, then an id of letters, digits, {@code -}
     * and {@code .}, which is how nearly every reference is written. HAPI's {@link IdType} reads such a value as
     * exactly that type and id; building one per reference was a few per cent of a read.
     */
    static boolean isPlainKey(String r) {
        int slash = r.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        for (int i = 0; i < slash; i++) {
            char c = r.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return Text.isPlainId(r, slash + 1);
    }

    /** The first key among references. */
    public static String firstReferenceKey(List<Reference> references) {
        for (Reference reference : references) {
            String key = referenceKey(reference);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    public static Concept concept(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return Concept.EMPTY;
        }
        List<Concept.Code> codes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (concept.hasText()) {
            texts.add(concept.getText());
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasCode()) {
                codes.add(new Concept.Code(coding.getSystem(), coding.getCode()));
            }
            if (coding.hasDisplay()) {
                texts.add(coding.getDisplay());
            }
        }
        return new Concept(codes, texts);
    }

    public static Concept concept(List<CodeableConcept> concepts) {
        Concept all = Concept.EMPTY;
        for (CodeableConcept concept : concepts) {
            all = all.plus(concept(concept));
        }
        return all;
    }

    public static Concept concept(Coding coding) {
        if (coding == null || coding.isEmpty()) {
            return Concept.EMPTY;
        }
        return new Concept(
                coding.hasCode() ? List.of(new Concept.Code(coding.getSystem(), coding.getCode())) : List.of(),
                coding.hasDisplay() ? List.of(coding.getDisplay()) : List.of());
    }

    /**
     * The text of an attachment's inline data, decoded with the charset of its content type (UTF-8 by default); HTML
     * and XHTML are reduced to plain text. {@code null} when there is no inline data.
     *
     * @param contentType the attachment's content type, or {@code null} if it has none
     * @param data the attachment's decoded inline data, or {@code null} if it has none
     */
    public static String attachmentText(String contentType, byte[] data) {
        if (data == null) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        Charset charset = StandardCharsets.UTF_8;
        int at = type.indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).replace("\"", "").split("[;\\s]")[0];
            try {
                charset = Charset.forName(name);
            } catch (IllegalArgumentException e) {
                charset = StandardCharsets.UTF_8;
            }
        }
        String text = new String(data, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (type.contains("html")) {
            text = htmlToText(text);
        }
        return text;
    }

    /**
     * Plain text of an XHTML narrative, by the same conversion as an HTML attachment ({@link #htmlToText}): the
     * narrative is written back as XHTML and read as HTML, so a note reads the same whichever way it was sent.
     */
    public static String narrativeText(XhtmlNode div) {
        String xhtml = div == null ? null : div.getValueAsString();
        return xhtml == null ? "" : htmlToText(xhtml);
    }

    private static final Pattern PRE = Pattern.compile("(?is)<pre(\\s[^>]*)?>.*?</pre\\s*>");

    /**
     * Plain text of an HTML string (an attachment, or a narrative written back as XHTML): block elements and {@code
     * <br>} become line breaks, table cells are followed by a space, line breaks inside {@code <pre>} are kept, scripts and styles are dropped. Good enough for
     * notes, not a full HTML parser.
     */
    static String htmlToText(String html) {
        // in HTML a raw line break is only white space (lines come from the tags), except inside <pre>
        String text = PRE.matcher(html)
                .replaceAll(pre -> Matcher.quoteReplacement(pre.group().replaceAll("\r\n?|\n", "<br>")))
                .replaceAll("\\s+", " ")
                .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</t[dh]\\s*>", " ")
                .replaceAll("(?i)</?(p|div|li|tr|h[1-6]|table|ul|ol|pre|blockquote)(\\s[^>]*)?/?>", "\n")
                .replaceAll("<[^>]*>", "");
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        return tidy(text.replaceAll(" *\n[\n ]*", "\n"));
    }

    private static String tidy(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
