package org.waymark.screening.review;

/**
 * A reviewer's decision on a hit, with what each kind needs.
 *
 * @param description how officers will find the passenger (clothing, age, seat): to ask only
 * @param why why officers should speak with them, in neutral words: to ask only
 * @param note the reviewer's note, for no concern (optional)
 * @param referredTo to whom it was referred: to refer elsewhere only
 */
public record Decision(Kind kind, String description, String why, String note, String referredTo) {

    /** The most characters of a description, a reason and a note. */
    public static final int MAX_TEXT = 500;
    /** The most characters of whom it was referred to. */
    public static final int MAX_REFERRED_TO = 200;

    public enum Kind {
        /** Ask the officers of the flight to speak with the passenger. */
        ASK,
        NO_CONCERN,
        REFER_ELSEWHERE;

        HitStatus status() {
            return switch (this) {
                case ASK -> HitStatus.ASKED;
                case NO_CONCERN -> HitStatus.NO_CONCERN;
                case REFER_ELSEWHERE -> HitStatus.REFERRED_ELSEWHERE;
            };
        }
    }
}
