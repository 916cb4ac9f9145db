package org.waymark.passengerdata.generator;

import java.nio.charset.Charset;

/**
 * Writes EDIFACT segments with a chosen set of separators, escaping what needs the release
 * character, and counts segments for UNT.
 */
final class EdiWriter {

    /** Component, element, decimal, release, repetition (space: none), terminator. */
    record Separators(char component, char element, char decimal, char release, char repetition, char terminator) {

        static final Separators STANDARD = new Separators(':', '+', '.', '?', ' ', '\'');

        String una() {
            return "UNA" + component + element + decimal + release + repetition + terminator;
        }
    }

    private final StringBuilder out = new StringBuilder(4096);
    private final Separators sep;
    private final boolean newlines;
    private int segmentsInMessage;

    EdiWriter(Separators sep, boolean writeUna, boolean newlines) {
        this.sep = sep;
        this.newlines = newlines;
        if (writeUna) {
            out.append(sep.una());
            if (newlines) {
                out.append('\n');
            }
        }
    }

    /** A segment; each element a String, a String[] composite, or null for empty. */
    EdiWriter seg(String tag, Object... given) {
        // a lone String[] arrives as the varargs array itself: it is one composite element
        Object[] elements = given instanceof String[] ? new Object[] { given } : given;
        out.append(tag);
        int last = elements.length - 1;
        while (last >= 0 && empty(elements[last])) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            out.append(sep.element());
            Object e = elements[i];
            if (e instanceof String[] composite) {
                int lastC = composite.length - 1;
                while (lastC >= 0 && (composite[lastC] == null || composite[lastC].isEmpty())) {
                    lastC--;
                }
                for (int c = 0; c <= lastC; c++) {
                    if (c > 0) {
                        out.append(sep.component());
                    }
                    escape(composite[c]);
                }
            } else if (e != null) {
                escape(e.toString());
            }
        }
        out.append(sep.terminator());
        if (newlines) {
            out.append('\n');
        }
        segmentsInMessage++;
        return this;
    }

    /** Writes raw text as it is (for damage). */
    EdiWriter raw(String text) {
        out.append(text);
        return this;
    }

    private static boolean empty(Object e) {
        if (e == null) {
            return true;
        }
        if (e instanceof String[] c) {
            for (String s : c) {
                if (s != null && !s.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        return e.toString().isEmpty();
    }

    private void escape(String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == sep.component() || c == sep.element() || c == sep.release() || c == sep.terminator()
                    || (sep.repetition() != ' ' && c == sep.repetition())) {
                out.append(sep.release());
            }
            out.append(c);
        }
    }

    /** Starts counting a message's segments (call before UNH). */
    void startMessage() {
        segmentsInMessage = 0;
    }

    /** Segments since {@link #startMessage()}, the UNT about to be written included. */
    int messageSegments() {
        return segmentsInMessage + 1;
    }

    byte[] bytes(Charset charset) {
        return out.toString().getBytes(charset);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
