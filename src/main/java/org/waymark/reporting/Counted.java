package org.waymark.reporting;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.waymark.engagement.EngagementFigures;
import org.waymark.flight.FlightFigures;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.CheckFigures;
import org.waymark.shared.OperationId;

/**
 * What each module counts about a set of operations, read in a handful of queries whatever
 * their size: flights in outline, passengers per place and day, checks, submitted referrals.
 * Every figure of a report is worked out from one of these, so that the figures agree.
 */
record Counted(List<FlightFigures.FlightOutline> flights, List<EngagementFigures.PlaceDay> engaged,
        List<CheckFigures.CheckFigure> checks, List<Referrals.Submitted> referrals) {

    @Component
    static class Sources {

        private final FlightFigures flights;
        private final EngagementFigures engagements;
        private final CheckFigures checks;
        private final Referrals referrals;

        Sources(FlightFigures flights, EngagementFigures engagements, CheckFigures checks, Referrals referrals) {
            this.flights = flights;
            this.engagements = engagements;
            this.checks = checks;
            this.referrals = referrals;
        }

        Counted of(Collection<OperationId> operations) {
            return new Counted(flights.outlines(operations), engagements.byPlaceAndDay(operations),
                    checks.checks(operations), referrals.submitted(operations));
        }
    }
}
