package org.mhtrigger.engine.text.context;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.text.Token;

/**
 * Finds the calendar dates written in a clause ("on 12/02/2024", "ED attendance 03/01", "on 1 March", "overdose in
 * August", "last March", "01/2025", "in 2019") and resolves them to days. A date written without a year is the latest such day
 * on or before the day the note was written: notes tell of what has happened, so "03/01" in a note of March 2025 is
 * 3 January 2025 and "3/8" is last August. A month without a day covers the whole month. Numeric day and month are
 * read in the configured {@link DateOrder}, unless only the other order gives a real date ("25/03" is 25 March in
 * either). Stateless, thread-safe.
 */
final class WrittenDates {
    private WrittenDates() {}

    /** A date as written and the days it can stand for. */
    record Found(int startToken, int endToken, LocalDate first, LocalDate last) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    /** Words that put a bare month name in time ("in August", "since January", "end of March"). */
    private static boolean timeWord(String term) {
        return switch (term) {
            case "in",
                    "last",
                    "since",
                    "early",
                    "mid",
                    "late",
                    "during",
                    "from",
                    "until",
                    "till",
                    "by",
                    "before",
                    "of",
                    "on",
                    "throughout" -> true;
            default -> false;
        };
    }

    /** Words that put a numeric day/month in time ("on 3/8", "dated 03/01", "attendance 03/01"). */
    private static boolean dateWord(String term) {
        return switch (term) {
            case "on",
                    "dated",
                    "since",
                    "from",
                    "until",
                    "till",
                    "by",
                    "before",
                    "after",
                    "of",
                    "at",
                    "date",
                    "d",
                    "attendance",
                    "attended",
                    "admission",
                    "discharge",
                    "discharged" -> true;
            default -> false;
        };
    }

    /**
     * The earliest-ending date written in tokens {@code [from, to)}, or null.
     *
     * @param noteDay the day the note was written, which a date without a year is resolved against
     */
    static Found first(
            String text, List<Token> tokens, int from, int to, LocalDate noteDay, DateOrder order, LocalDate before) {
        for (int i = from; i < to; i++) {
            Found found = at(text, tokens, i, from, to, noteDay, order);
            if (found != null && found.last().isBefore(before)) {
                return found;
            }
        }
        return null;
    }

    /** The date written starting at token {@code i}, or null. */
    static Found at(String text, List<Token> tokens, int i, int from, int to, LocalDate noteDay, DateOrder order) {
        String term = tokens.get(i).term();
        char c = term.charAt(0);
        if (Character.isDigit(c)) {
            Found numeric = numeric(text, tokens, i, from, to, noteDay, order);
            if (numeric != null) {
                return numeric;
            }
            return dayMonth(text, tokens, i, to, noteDay);
        }
        Integer month = MONTHS.get(term);
        if (month == null) {
            return null;
        }
        return monthFirst(text, tokens, i, from, to, month, noteDay);
    }

    /** "12/02/2024", "03/01", "3/8/25", "2024-02-12", "12.02.2024". */
    private static Found numeric(
            String text, List<Token> tokens, int i, int from, int to, LocalDate noteDay, DateOrder order) {
        Token first = tokens.get(i);
        if (first.term().indexOf('.') > 0) {
            String[] parts = first.term().split("\\.");
            if (parts.length == 3 && allDigits(parts)) {
                return resolveNumeric(i, i + 1, parts[0], parts[1], parts[2], noteDay, order);
            }
            return null;
        }
        if (!allDigits(first.term()) || i + 1 >= to) {
            return null;
        }
        char separator = separator(text, tokens, i);
        if (separator == 0 || !allDigits(tokens.get(i + 1).term())) {
            return null;
        }
        String a = first.term();
        String b = tokens.get(i + 1).term();
        if (i + 2 < to
                && separator(text, tokens, i + 1) == separator
                && allDigits(tokens.get(i + 2).term())) {
            String c = tokens.get(i + 2).term();
            if (a.length() == 4 && separator == '-') {
                return resolve(i, i + 3, Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c));
            }
            return resolveNumeric(i, i + 3, a, b, c, noteDay, order);
        }
        if (separator == '/' && a.length() <= 2 && isYear(b)) { // a month and year: "01/2025"
            int month = Integer.parseInt(a);
            if (month < 1 || month > 12) {
                return null;
            }
            YearMonth whole = YearMonth.of(Integer.parseInt(b), month);
            return new Found(i, i + 2, whole.atDay(1), whole.atEndOfMonth());
        }
        if (separator != '/' || a.length() > 2 || b.length() > 2) {
            return null;
        }
        // a day and month alone need a word that puts them in time, or both written with two digits: "for 2/7" is two
        // days and "2/10" a pain score
        boolean placed = i > from && dateWord(tokens.get(i - 1).term());
        if (!placed && (a.length() != 2 || b.length() != 2)) {
            return null;
        }
        if (i + 2 < to && tokens.get(i + 2).term().equals("ago")) {
            return null;
        }
        return resolveNumeric(i, i + 2, a, b, null, noteDay, order);
    }

    /** The one-character separator between tokens {@code k} and {@code k + 1}, or 0. */
    private static char separator(String text, List<Token> tokens, int k) {
        int from = tokens.get(k).end();
        if (tokens.get(k + 1).start() != from + 1) {
            return 0;
        }
        char c = text.charAt(from);
        return c == '/' || c == '-' || c == '.' ? c : 0;
    }

    private static Found resolveNumeric(
            int start, int end, String a, String b, String yearText, LocalDate noteDay, DateOrder order) {
        int x = Integer.parseInt(a);
        int y = Integer.parseInt(b);
        int day = order == DateOrder.DAY_FIRST ? x : y;
        int month = order == DateOrder.DAY_FIRST ? y : x;
        if (month > 12 && day <= 12) {
            int swap = day;
            day = month;
            month = swap;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        if (yearText == null) {
            return latest(start, end, month, day, noteDay);
        }
        if (yearText.length() != 2 && yearText.length() != 4) {
            return null;
        }
        int year = Integer.parseInt(yearText);
        return resolve(start, end, year < 100 ? 2000 + year : year, month, day);
    }

    /** "1 March", "1st March 2024", "9 Mar". */
    private static Found dayMonth(String text, List<Token> tokens, int i, int to, LocalDate noteDay) {
        int day = ordinal(tokens.get(i).term());
        if (day < 1 || i + 1 >= to) {
            return null;
        }
        int m = i + 1;
        if (tokens.get(m).term().equals("of") && m + 1 < to) {
            m++;
        }
        Integer month = MONTHS.get(tokens.get(m).term());
        if (month == null || !monthWord(text, tokens.get(m), true)) {
            return null;
        }
        if (m + 1 < to && isYear(tokens.get(m + 1).term())) {
            return resolve(i, m + 2, Integer.parseInt(tokens.get(m + 1).term()), month, day);
        }
        return latest(i, m + 1, month, day, noteDay);
    }

    /** "March 9", "March 9th, 2024", "March 2024", "in August", "last March". */
    private static Found monthFirst(
            String text, List<Token> tokens, int i, int from, int to, int month, LocalDate noteDay) {
        boolean next = i + 1 < to;
        int day = next ? ordinal(tokens.get(i + 1).term()) : -1;
        if (day >= 1 && monthWord(text, tokens.get(i), true)) {
            if (i + 2 < to && isYear(tokens.get(i + 2).term())) {
                return resolve(i, i + 3, Integer.parseInt(tokens.get(i + 2).term()), month, day);
            }
            return latest(i, i + 2, month, day, noteDay);
        }
        if (next && isYear(tokens.get(i + 1).term()) && monthWord(text, tokens.get(i), true)) {
            YearMonth whole = YearMonth.of(Integer.parseInt(tokens.get(i + 1).term()), month);
            return new Found(i, i + 2, whole.atDay(1), whole.atEndOfMonth());
        }
        String before = i > from ? tokens.get(i - 1).term() : "";
        if (!timeWord(before) || !monthWord(text, tokens.get(i), false)) {
            return null;
        }
        YearMonth noteMonth = YearMonth.from(noteDay);
        YearMonth whole = YearMonth.of(noteDay.getYear(), month);
        if (before.equals("last") ? !whole.isBefore(noteMonth) : whole.isAfter(noteMonth)) {
            whole = whole.minusYears(1);
        }
        return new Found(before.equals("last") ? i - 1 : i, i + 1, whole.atDay(1), whole.atEndOfMonth());
    }

    /**
     * Whether a month name is one: written with a capital, or an abbreviation next to a number. "may" and "march" are
     * also words; a full month name after "in" is a month even in lower case.
     */
    private static boolean monthWord(String text, Token token, boolean besideNumber) {
        String term = token.term();
        boolean capital = Character.isUpperCase(text.charAt(token.start()));
        if (term.equals("may") || term.equals("march")) {
            return capital;
        }
        if (term.length() <= 4 && !term.equals("june") && !term.equals("july")) {
            return besideNumber;
        }
        return true;
    }

    private static Found latest(int start, int end, int month, int day, LocalDate noteDay) {
        try {
            LocalDate date = LocalDate.of(noteDay.getYear(), month, day);
            if (date.isAfter(noteDay)) {
                date = LocalDate.of(
                        noteDay.getYear() - 1,
                        month,
                        Math.min(day, YearMonth.of(noteDay.getYear() - 1, month).lengthOfMonth()));
            }
            return new Found(start, end, date, date);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Found resolve(int start, int end, int year, int month, int day) {
        if (year < 1900 || year > 2100) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return new Found(start, end, date, date);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A day of the month written as "9", "09", "9th", "1st", "22nd", "3rd"; -1 if not one. */
    private static int ordinal(String term) {
        int digits = 0;
        while (digits < term.length() && Character.isDigit(term.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 2) {
            return -1;
        }
        String suffix = term.substring(digits);
        if (!suffix.isEmpty()
                && !suffix.equals("st")
                && !suffix.equals("nd")
                && !suffix.equals("rd")
                && !suffix.equals("th")) {
            return -1;
        }
        int day = Integer.parseInt(term.substring(0, digits));
        return day >= 1 && day <= 31 ? day : -1;
    }

    static boolean isYear(String term) {
        return term.length() == 4 && (term.startsWith("19") || term.startsWith("20")) && allDigits(term);
    }

    private static boolean allDigits(String term) {
        if (term.isEmpty()) {
            return false;
        }
        for (int k = 0; k < term.length(); k++) {
            if (!Character.isDigit(term.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String[] parts) {
        for (String part : parts) {
            if (!allDigits(part)) {
                return false;
            }
        }
        return true;
    }
}
