package org.waymark.screening.links.web;

import lombok.Getter;
import lombok.Setter;

/** The forms of the links pages: each field as typed, checked by the controller. */
final class LinksForms {

    private LinksForms() {
    }

    /** The days whose flights are looked at, as {@code yyyy-MM-dd}. */
    @Getter
    @Setter
    static class Window {
        private String from = "";
        private String to = "";
    }

    /** The purpose stated before linked bookings are shown: the operation's, in the person's words. */
    @Getter
    @Setter
    static class PurposeText {
        private String text = "";
    }

    /** The flag size, with the window to return to. */
    @Getter
    @Setter
    static class FlagSize {
        private String flagSize = "";
        private String from = "";
        private String to = "";
    }
}
