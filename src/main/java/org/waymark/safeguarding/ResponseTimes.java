package org.waymark.safeguarding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.waymark.shared.AgencyId;
import org.waymark.shared.OperationId;

/**
 * How fast help came in an operation: each support request, and for each agency the median and
 * 90th percentile from request to acknowledgement and to arrival (nearest rank; requests not yet
 * answered do not count), and how many requests it declined.
 */
public record ResponseTimes(OperationId operationId, List<SupportRequestView> requests, List<AgencyTimes> byAgency) {

    /**
     * The figures of one agency; a figure is null while nothing has been answered. A declined
     * request counts among the requests and the declined, and in a time only if it got that far.
     */
    public record AgencyTimes(AgencyId agencyId, String agencyName, int requests, int declined,
            Spread toAcknowledge, Spread toArrive) {
    }

    /** The median and the 90th percentile of {@code count} times. */
    public record Spread(int count, Duration median, Duration p90) {

        static Spread of(List<Duration> times) {
            List<Duration> sorted = times.stream().filter(Objects::nonNull).sorted().toList();
            if (sorted.isEmpty()) {
                return new Spread(0, null, null);
            }
            int n = sorted.size();
            Duration median = n % 2 == 1 ? sorted.get(n / 2)
                    : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
            return new Spread(n, median, sorted.get((int) Math.ceil(0.9 * n) - 1));
        }
    }

    static ResponseTimes of(OperationId operationId, List<SupportRequestView> requests) {
        Map<AgencyId, List<SupportRequestView>> byAgency = new LinkedHashMap<>();
        requests.stream().sorted(Comparator.comparing(SupportRequestView::agencyName,
                Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(request -> byAgency.computeIfAbsent(request.agencyId(), id -> new ArrayList<>()).add(request));
        List<AgencyTimes> agencies = byAgency.values().stream().map(ofAgency -> new AgencyTimes(
                ofAgency.get(0).agencyId(), ofAgency.get(0).agencyName(), ofAgency.size(),
                (int) ofAgency.stream().filter(request -> request.status() == SupportStatus.DECLINED).count(),
                Spread.of(ofAgency.stream().map(SupportRequestView::toAcknowledge).toList()),
                Spread.of(ofAgency.stream().map(SupportRequestView::toArrive).toList()))).toList();
        return new ResponseTimes(operationId, requests, agencies);
    }
}
