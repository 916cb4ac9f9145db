package org.waymark.engagement.web;

import lombok.RequiredArgsConstructor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.engagement.Engagements;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.shared.PageController;

/**
 * Gives every page {@code tallying}, so that the operation, board and flight pages offer the
 * tally only to those it would take a tally from, without those modules knowing of this one.
 */
@ControllerAdvice(annotations = PageController.class)
@RequiredArgsConstructor
class TallyPageAdvice {

    private final Engagements engagements;

    @ModelAttribute("tallying")
    Tallying tallying(@AuthenticationPrincipal WaymarkUser user) {
        return new Tallying(engagements, user);
    }

    /** Whether the signed-in user may tally in an operation. */
    public static final class Tallying {

        private final Engagements engagements;
        private final WaymarkUser user;

        Tallying(Engagements engagements, WaymarkUser user) {
            this.engagements = engagements;
            this.user = user;
        }

        public boolean allowed(OperationView operation) {
            return user != null && operation != null && engagements.mayRecord(operation, user);
        }
    }
}
