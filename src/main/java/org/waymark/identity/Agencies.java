package org.waymark.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityEvents.AgencyCreated;
import org.waymark.identity.IdentityEvents.AgencyUpdated;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;

/** Adds, changes and lists agencies. Only administrators change them; the callers check that. */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Agencies {

    private final AgencyRepository agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Adds an agency; without a First Responder flag, the type decides it. */
    public AgencySummary create(String name, AgencyType type, Boolean firstResponder, Actor actor) {
        checkName(name);
        if (agencies.existsByNameKey(Agency.nameKey(name))) {
            throw new ConflictException("agency.name.taken", "name");
        }
        Agency agency = agencies.save(Agency.create(name, type, firstResponder, clock.instant()));
        events.publishEvent(new AgencyCreated(agency.id(), actor));
        return agency.summary();
    }

    public AgencySummary update(AgencyId id, String name, AgencyType type, Boolean firstResponder, Actor actor) {
        Agency agency = agencies.findById(id.value()).orElseThrow(() -> new NotFoundException("agency", id));
        checkName(name);
        if (agencies.existsByNameKeyAndIdNot(Agency.nameKey(name), id.value())) {
            throw new ConflictException("agency.name.taken", "name");
        }
        agency.change(name, type, firstResponder);
        agencies.save(agency);
        events.publishEvent(new AgencyUpdated(id, actor));
        return agency.summary();
    }

    private static void checkName(String name) {
        PlainText.check(name, Agency.MAX_NAME, "agency.name.tooLong", "name");
        PlainText.check(Agency.nameKey(name), Agency.MAX_NAME, "agency.name.tooLong", "name");
    }

    @Transactional(readOnly = true)
    public List<AgencySummary> all() {
        return agencies.findAllByOrderByName().stream().map(Agency::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AgencySummary> find(AgencyId id) {
        return agencies.findById(id.value()).map(Agency::summary);
    }

    @Transactional(readOnly = true)
    public boolean exists(AgencyId id) {
        return agencies.existsById(id.value());
    }

    /** The agencies among the given ids, by id, for pages that show names. */
    @Transactional(readOnly = true)
    public Map<AgencyId, AgencySummary> byId(Collection<AgencyId> ids) {
        List<UUID> uuids = ids.stream().map(AgencyId::value).toList();
        return agencies.findAllById(uuids).stream().map(Agency::summary)
                .collect(Collectors.toMap(AgencySummary::id, Function.identity()));
    }
}
