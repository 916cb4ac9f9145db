package org.waymark.operation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.CountryCode;
import org.waymark.shared.NamedCode;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.OperationId;

/**
 * The countries and languages an operation's forms offer, by name, the likely ones first: the
 * focus countries, and the languages of those countries and the ones most spoken in the
 * operation's tallies. The check and the tally both ask here, so they offer the same languages.
 * The names themselves are {@link NamedCode}'s, Java's locale data, as everywhere in Waymark.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OperationChoices {

    /** How many languages are offered first at the least, as checkboxes at the gate: more where the focus countries speak more. */
    public static final int LIKELY_LANGUAGES = 10;

    /**
     * Before any passenger is counted, the languages the operations meet most at UK airports, as
     * the forms offered them before they knew an operation's own.
     */
    static final List<String> MET_MOST = List.of("en", "ro", "bg", "ru", "tr", "uk", "sq", "pl", "ar", "vi", "lt");

    private static final Set<String> NAMED_LANGUAGES = NamedCode.LANGUAGES.stream().map(NamedCode::code)
            .collect(Collectors.toUnmodifiableSet());

    /** The languages Java's locale data has for each country, as for MD: Romanian and Russian. */
    private static final Map<String, Set<String>> LANGUAGES_BY_COUNTRY = Stream.of(Locale.getAvailableLocales())
            .filter(locale -> !locale.getCountry().isEmpty() && NAMED_LANGUAGES.contains(locale.getLanguage()))
            .collect(Collectors.groupingBy(Locale::getCountry,
                    Collectors.mapping(Locale::getLanguage, Collectors.toCollection(TreeSet::new))));

    private final OperationRepository operations;
    /** Absent where the engagement module is not started, as in a test of this module alone. */
    private final ObjectProvider<LanguagesSpoken> spoken;

    /** The focus countries first, then every other country; each list by name. */
    public Choices countries(OperationId id) {
        Set<String> focus = focus(id).stream().map(CountryCode::value).collect(Collectors.toSet());
        return Choices.split(NamedCode.COUNTRIES, focus, List.of());
    }

    /**
     * The likely languages first: those of the focus countries (by name), then the most spoken in
     * the operation's tallies, or else the ones met most, up to {@link #LIKELY_LANGUAGES} (by name);
     * then every other language by name.
     */
    public Choices languages(OperationId id) {
        Set<String> ofFocus = new LinkedHashSet<>();
        focus(id).forEach(country -> ofFocus.addAll(languagesOf(country)));
        List<String> others = new ArrayList<>();
        LanguagesSpoken tallies = spoken.getIfAvailable();
        Stream.concat(tallies == null ? Stream.empty() : tallies.mostSpoken(id).stream(), MET_MOST.stream())
                .filter(code -> NAMED_LANGUAGES.contains(code) && !ofFocus.contains(code) && !others.contains(code))
                .limit(Math.max(0, LIKELY_LANGUAGES - ofFocus.size())).forEach(others::add);
        return Choices.split(NamedCode.LANGUAGES, ofFocus, others);
    }

    /** The languages spoken in a country, by code, as Java's locale data has them; none where it has none. */
    private static Set<String> languagesOf(CountryCode country) {
        return LANGUAGES_BY_COUNTRY.getOrDefault(country.value(), Set.of());
    }

    private Set<CountryCode> focus(OperationId id) {
        return operations.findById(id.value()).orElseThrow(() -> new NotFoundException("operation", id))
                .focusCountries();
    }

    /**
     * Countries or languages by name, in two lists: the likely ones first, the others after.
     *
     * @param first the likely ones: the focus's, then the others that are likely
     * @param rest all the others
     */
    public record Choices(List<NamedCode> first, List<NamedCode> rest) {

        /** The likely ones by name, then those likely for another reason by name, then the rest. */
        static Choices split(List<NamedCode> all, Collection<String> firstOfAll, Collection<String> thenThese) {
            List<NamedCode> first = new ArrayList<>();
            all.stream().filter(named -> firstOfAll.contains(named.code())).forEach(first::add);
            all.stream().filter(named -> thenThese.contains(named.code())).forEach(first::add);
            return new Choices(List.copyOf(first), all.stream().filter(named -> !first.contains(named)).toList());
        }

        /** For a select with two groups, by the message keys' last part: "first" and "rest"; an empty one left out. */
        public Map<String, List<NamedCode>> groups() {
            Map<String, List<NamedCode>> groups = new LinkedHashMap<>();
            if (!first.isEmpty()) {
                groups.put("first", first);
            }
            if (!rest.isEmpty()) {
                groups.put("rest", rest);
            }
            return groups;
        }

        /** The first ones, and after them those of {@code chosen} among the rest, as checkboxes that show every choice. */
        public List<NamedCode> firstWith(Collection<String> chosen) {
            List<NamedCode> boxes = new ArrayList<>(first);
            rest.stream().filter(named -> chosen.contains(named.code())).forEach(boxes::add);
            return boxes;
        }

        /** The rest but {@code chosen}, for a select that adds one more to the checkboxes of {@link #firstWith}. */
        public List<NamedCode> restWithout(Collection<String> chosen) {
            return rest.stream().filter(named -> !chosen.contains(named.code())).toList();
        }
    }
}
