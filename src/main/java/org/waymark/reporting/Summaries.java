package org.waymark.reporting;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.engagement.Engagements;
import org.waymark.engagement.Totals;
import org.waymark.flight.Flights;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.operation.OperationView;
import org.waymark.operation.Operations;
import org.waymark.referral.Referrals;
import org.waymark.safeguarding.CheckFigures;
import org.waymark.shared.OperationId;

/**
 * An operation's summary, for coordinators, officers and analysts of the agencies taking part:
 * exact figures, counted in the database, with nothing about any person.
 */
@Service
@Transactional(readOnly = true)
public class Summaries {

    private final Operations operations;
    private final Flights flights;
    private final Engagements engagements;
    private final CheckFigures checks;
    private final Referrals referrals;

    Summaries(Operations operations, Flights flights, Engagements engagements, CheckFigures checks,
            Referrals referrals) {
        this.operations = operations;
        this.flights = flights;
        this.engagements = engagements;
        this.checks = checks;
        this.referrals = referrals;
    }

    public Summary of(OperationId id, WaymarkUser user) {
        OperationView operation = operations.get(id, user);
        boolean entitled = user.hasRole(Role.COORDINATOR) || user.hasRole(Role.OFFICER) || user.hasRole(Role.ANALYST);
        if (!entitled || operations.statusForParticipant(id, user.agencyId()).isEmpty()) {
            throw new AccessDeniedException("the summary is for coordinators, officers and analysts taking part");
        }
        Flights.Monitored monitored = flights.monitored(id);
        Totals engaged = engagements.totals(id, user);
        CheckFigures.Figures checked = checks.of(id);
        Referrals.Figures referred = referrals.figures(id);
        return new Summary(id.value(), operation.name(), operation.port().value(), operation.startDate(),
                operation.endDate(), monitored.total(), monitored.byCountry(), monitored.arrivals(),
                monitored.departures(), engaged.passengers(), engaged.leaflets(), checked.checks(),
                referred.nrmReferrals(), referred.dutyToNotify(), referred.childReferrals(), checked.outcomes());
    }
}
