package org.waymark.passengerdata.edifact;

/**
 * One segment as the reader met it, reused from segment to segment: its tag, its position in the
 * interchange (UNB is 1) and its element values by element and component, counted from 1.
 */
final class Segment {

    private static final int ELEMENTS = 24;
    private static final int COMPONENTS = 16;

    String tag;
    int position;
    private final String[][] values = new String[ELEMENTS + 1][COMPONENTS + 1];
    private final int[] components = new int[ELEMENTS + 1];
    private int elements;

    void reset(String tag, int position) {
        for (int e = 1; e <= elements; e++) {
            String[] row = values[e];
            for (int c = components[e]; c > 0; c--) {
                row[c] = null;
            }
            components[e] = 0;
        }
        this.tag = tag;
        this.position = position;
        this.elements = 0;
    }

    void set(int element, int component, String value) {
        if (element < 1 || element > ELEMENTS || component < 1 || component > COMPONENTS) {
            return;
        }
        values[element][component] = value;
        if (component > components[element]) {
            components[element] = component;
        }
        if (element > elements) {
            elements = element;
        }
    }

    /** Joins a value to what is there with a space (an element StAEDI split at a space). */
    void append(int element, int component, String value) {
        if (element < 1 || element > ELEMENTS || component < 1 || component > COMPONENTS) {
            return;
        }
        String there = values[element][component];
        set(element, component, there == null ? " " + value : there + " " + value);
    }

    /** The value of a component, or null when not sent or empty. */
    String get(int element, int component) {
        if (element < 1 || element > elements || component < 1 || component > COMPONENTS) {
            return null;
        }
        String value = values[element][component];
        return value == null || value.isEmpty() ? null : value;
    }

    String get(int element) {
        return get(element, 1);
    }

    /** Whether the first element's first component is the given qualifier. */
    boolean is(String qualifier) {
        return qualifier.equals(get(1, 1));
    }
}
