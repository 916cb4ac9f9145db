package org.waymark.passengerdata;

import java.nio.charset.StandardCharsets;

/**
 * Small hand-written passenger data messages for tests: a PAXLST passenger list with a crew
 * member set apart, and PNRGOV pushes of one booking, for a Wizz Air flight from Sofia to
 * Stansted. Every name, number and contact is made up.
 */
public final class Messages {

    private Messages() {
    }

    /** A PAXLST D:05B passenger list for W6 4301 SOF-STN leaving at {@code yyMMddHHmm}: two passengers. */
    public static byte[] paxlst(String reference, String departure, String arrival) {
        return ("UNA:+.? '"
                + "UNB+UNOA:4+WIZZAIR+GBUKBF+" + departure.substring(0, 6) + ":0800+" + reference + "'"
                + "UNG+PAXLST+WIZZAIR+GBUKBF+" + departure.substring(0, 6) + ":0800+" + reference + "+UN+D:05B'"
                + "UNH+" + reference + "+PAXLST:D:05B:UN:IATA+W64301" + departure.substring(0, 6) + "+01:F'"
                + "BGM+745'"
                + "NAD+MS+++WIZZ AIR API DESK'"
                + "TDT+20+W64301+++W6'"
                + "LOC+125+SOF'"
                + "DTM+189:" + departure + ":201'"
                + "LOC+87+STN'"
                + "DTM+232:" + arrival + ":201'"
                + "NAD+FL+++IVANOVA:MARIA'"
                + "ATT+2++F'"
                + "DTM+329:040312'"
                + "LOC+178+SOF'"
                + "LOC+179+STN'"
                + "NAT+2+BGR'"
                + "RFF+AVF:KX7PQ2'"
                + "DOC+P:110:111+382310458'"
                + "DTM+36:300101'"
                + "LOC+91+BGR'"
                + "NAD+FL+++PETROV:GEORGI:IVANOV'"
                + "ATT+2++M'"
                + "DTM+329:790721'"
                + "NAT+2+BGR'"
                + "RFF+AVF:KX7PQ2'"
                + "DOC+P:110:111+381774102'"
                + "DTM+36:290615'"
                + "LOC+91+BGR'"
                + "CNT+42:2'"
                + "UNT+29+" + reference + "'"
                + "UNE+1+" + reference + "'"
                + "UNZ+1+" + reference + "'").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The second and last part of the passenger list of {@link #paxlst} (same common access
     * reference, sequence 02), sent in an interchange of its own: one more passenger, named as given.
     */
    public static byte[] secondPart(String reference, String departure, String arrival, String name) {
        return ("UNB+UNOA:4+WIZZAIR+GBUKBF+" + departure.substring(0, 6) + ":0805+" + reference + "'"
                + "UNH+" + reference + "+PAXLST:D:05B:UN:IATA+W64301" + departure.substring(0, 6) + "+02:F'"
                + "BGM+745'"
                + "TDT+20+W64301+++W6'"
                + "LOC+125+SOF'"
                + "DTM+189:" + departure + ":201'"
                + "LOC+87+STN'"
                + "DTM+232:" + arrival + ":201'"
                + "NAD+FL+++" + name + "'"
                + "ATT+2++F'"
                + "NAT+2+BGR'"
                + "CNT+42:1'"
                + "UNT+12+" + reference + "'"
                + "UNZ+1+" + reference + "'").getBytes(StandardCharsets.UTF_8);
    }

    /** The crew list of the same flight: its people are never passengers. */
    public static byte[] crewList(String reference, String departure, String arrival) {
        return ("UNB+UNOA:4+WIZZAIR+GBUKBF+" + departure.substring(0, 6) + ":0700+" + reference + "'"
                + "UNH+1+PAXLST:D:05B:UN:IATA+CREW" + reference + "+01:F'"
                + "BGM+250'"
                + "TDT+20+W64301+++W6'"
                + "LOC+125+SOF'"
                + "DTM+189:" + departure + ":201'"
                + "LOC+87+STN'"
                + "DTM+232:" + arrival + ":201'"
                + "NAD+FM+++DIMOVA:ELENA'"
                + "ATT+2++F'"
                + "DTM+329:880101'"
                + "NAT+2+BGR'"
                + "CNT+41:1'"
                + "UNT+13+1'"
                + "UNZ+1+" + reference + "'").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A PNRGOV 13.1 push for W6 4301 SOF-STN on {@code ddMMyy} at 10:30, prepared at
     * {@code preparedAt} ({@code yyMMdd:HHmm}), with message reference {@code reference}: one
     * booking of {@code travellers} travellers (1 to 3), paid by card with no payer named.
     */
    public static byte[] pnrgov(String reference, String preparedAt, String day, int travellers) {
        StringBuilder pnr = new StringBuilder()
                .append("UNA:+.? '")
                .append("UNB+UNOA:4+W6+GBUKPIU+").append(preparedAt).append("+").append(reference).append("'")
                .append("UNH+").append(reference).append("+PNRGOV:13:1:IA+W64301/").append(day).append("'")
                .append("MSG+:22'")
                .append("ORG+W6:SOF'")
                .append("TVL+").append(day).append(":1030:").append(day).append(":1215+SOF+STN+W6+4301'")
                .append("EQN+1'")
                .append("SRC'")
                .append("RCI+W6:KX7PQ2::").append(day).append(":0900'")
                .append("ORG+W6:SOF++++A+BG:BGN+SOFIA TRAVEL 123'")
                .append("ADD++700:UL. VITOSHA 1:SOFIA::1000:BGR'")
                .append("IFT+4:28::W6+CTCM 359 888 123 456'")
                .append("IFT+4:28::W6+CTCE AGENT//EXAMPLE.COM'")
                .append("FOP+CC:::VI:4111111111111111:1229'")
                .append("TIF+IVANOVA+MARIA:A:1'")
                .append("SSR+DOCS:HK:1:W6:::::/P/BGR/382310458/BGR/12MAR04/F/01JAN30/IVANOVA/MARIA'");
        if (travellers > 1) {
            pnr.append("TIF+IVANOVA+ELENA:A:2'");
        }
        if (travellers > 2) {
            pnr.append("TIF+IVANOVA+NIKOLA:IN:3'");
        }
        pnr.append("TVL+").append(day).append(":1030:").append(day).append(":1215+SOF+STN+W6+4301:Y'")
                .append("UNT+16+").append(reference).append("'")
                .append("UNZ+1+").append(reference).append("'");
        return pnr.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The PNRGOV push of {@link #pnrgov} with the payer named after the payment, as someone who does not travel. */
    public static byte[] paidBy(byte[] pnrgov, String payer) {
        return new String(pnrgov, StandardCharsets.US_ASCII)
                .replace("FOP+CC:::VI:4111111111111111:1229'", "FOP+CC:::VI:4111111111111111:1229'IFT+4:43+" + payer + "'")
                .replace("UNT+16+", "UNT+17+").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A PNRGOV push as {@link #pnrgov} but for W6 {@code number} SOF-STN, of two bookings that
     * share the phone, email, address and card: IVANOVA MARIA and ELENA on KX7PQ2, DIMOVA ANA and
     * KOLEVA VERA on LM4RT8.
     */
    public static byte[] twoBookingsSharing(String reference, String preparedAt, String day, String number) {
        String one = new String(pnrgov(reference, preparedAt, day, 2), StandardCharsets.US_ASCII)
                .replace("W64301", "W6" + number).replace("+W6+4301", "+W6+" + number);
        int src = one.indexOf("SRC'");
        int end = one.indexOf("UNT+");
        String other = one.substring(src, end).replace("KX7PQ2", "LM4RT8").replace("IVANOVA+MARIA", "DIMOVA+ANA")
                .replace("IVANOVA/MARIA", "DIMOVA/ANA").replace("12MAR04", "03JUN03")
                .replace("IVANOVA+ELENA", "KOLEVA+VERA");
        return (one.substring(0, end) + other + one.substring(end)).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A PNRGOV push as {@link #pnrgov} but for W6 {@code number} SOF-STN, of {@code bookings}
     * bookings of one traveller each (CC0001, CC0002, ...), all giving the same phone, email,
     * address and card (not those of {@link #pnrgov}), as a call centre's would.
     */
    public static byte[] manyBookingsSharing(String reference, String preparedAt, String day, String number,
            int bookings) {
        String one = new String(pnrgov(reference, preparedAt, day, 1), StandardCharsets.US_ASCII)
                .replace("W64301", "W6" + number).replace("+W6+4301", "+W6+" + number)
                .replace("359 888 123 456", "44 20 7946 0000").replace("AGENT//EXAMPLE.COM", "BOOKINGS//CALLS.EXAMPLE")
                .replace("4111111111111111", "5500000000000004").replace("UL. VITOSHA 1", "1 CALL CENTRE ROAD");
        int src = one.indexOf("SRC'");
        int end = one.indexOf("UNT+");
        StringBuilder all = new StringBuilder(one.substring(0, src));
        for (int i = 1; i <= bookings; i++) {
            String name = "CALLER" + (char) ('A' + i % 26) + (char) ('A' + i / 26);
            all.append(one.substring(src, end).replace("KX7PQ2", "CC%04d".formatted(i))
                    .replace("IVANOVA+MARIA", name + "+ANA").replace("IVANOVA/MARIA", name + "/ANA"));
        }
        return all.append(one.substring(end)).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
