package org.waymark.awareness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a passenger may call, found in a line of text so that a page can make each a
 * tap-to-call link and a poster can print it in bold, never broken in two.
 */
public final class PhoneNumbers {

    /** The numbers a passenger should see first, longest first so that none is cut in two. */
    private static final Pattern NUMBERS = Pattern.compile("(?<!\\d)(08000 121 700|0800 555 111|999|101)(?!\\d)");

    /** A piece of a line: a number to call, or the words around it. */
    public record Piece(String text, boolean number) {

        /** The number as a {@code tel:} address takes it, without spaces. */
        public String tel() {
            return "tel:" + text.replace(" ", "");
        }
    }

    private PhoneNumbers() {
    }

    /** The line cut around the numbers to call. */
    public static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher number = NUMBERS.matcher(line);
        int at = 0;
        while (number.find()) {
            if (number.start() > at) {
                pieces.add(new Piece(line.substring(at, number.start()), false));
            }
            pieces.add(new Piece(number.group(1), true));
            at = number.end();
        }
        if (at < line.length()) {
            pieces.add(new Piece(line.substring(at), false));
        }
        return pieces;
    }
}
