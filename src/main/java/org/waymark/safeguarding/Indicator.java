package org.waymark.safeguarding;

/**
 * One trafficking indicator of the catalogue, such as {@code T01} "Companion holds their
 * passport or boarding pass".
 *
 * @param exploitationType the type it points to: {@code ALL}, {@code SEX}, {@code LAB},
 *        {@code DS}, {@code CRIM} or {@code CH}
 * @param addedIn the catalogue version that added it
 * @param retiredIn the catalogue version that retired it, or {@code null} while in use
 */
public record Indicator(String code, IndicatorGroup group, String exploitationType, String text, int addedIn,
        Integer retiredIn) {

    public boolean retired() {
        return retiredIn != null;
    }
}
